//go:build !js

package e2e

import (
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// field is the page's text field for a formula.
const field = `document.getElementById("curvlab-field")`

// TestTypeAFormula: Y opens the surface editor with the page's own text
// field over the canvas and the keyboard in it; a formula typed there is
// drawn as soon as it parses (the link has it); a bad one keeps the last
// good surface and the field says what is wrong, with the column; a
// formula pasted works too; Enter keeps it and closes the editor, the
// runs start at (−2, 2) on it and, computed in the worker, are curvsim's;
// Back and Forward go through the formulas typed.
func TestTypeAFormula(t *testing.T) {
	ctx := page(t, "")
	focusCanvas(t, ctx)
	pressKey(t, ctx, 'y')
	waitFor(t, ctx, `window.curvlab.popup() === "surface" && document.activeElement === `+field, 10*time.Second)
	// the field lies over the app's own, inside the editor
	in := eval[control](t, ctx, `(() => { const r = `+field+`.getBoundingClientRect(); return {x: r.x, y: r.y, w: r.width, h: r.height}; })()`)
	var app control
	for _, c := range controls(t, ctx) {
		if c.Kind == "text" && c.Popup {
			app = c
		}
	}
	if app.W == 0 || abs(int(in.X-app.X)) > 1 || abs(int(in.Y-app.Y)) > 1 || abs(int(in.W-app.W)) > 1 || abs(int(in.H-app.H)) > 1 {
		t.Errorf("the page's field at %+v, the app's at %+v", in, app)
	}

	// what the field holds (the key's own character may have reached it:
	// CDP sends a key's character apart from its press) is selected and
	// typed over
	eval[bool](t, ctx, field+".select() || true")
	if _, err := chromedp.Run(ctx, chromedp.SendKeys(chromedp.ID("curvlab-field"), "x^2 + 3*y^2")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, `window.curvlab.scenario.startsWith("v1;f=x%5E2%20+%203*y%5E2;x=-2,2;")`, 10*time.Second)
	good := eval[string](t, ctx, "window.curvlab.scenario")

	if _, err := chromedp.Run(ctx, chromedp.SendKeys(chromedp.ID("curvlab-field"), "s")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, field+`.getAttribute("aria-invalid") === "true"`, 10*time.Second)
	if msg := eval[string](t, ctx, field+".title"); msg != `missing operator between "2" and "s" (write 2*s) at column 12` {
		t.Errorf("the field says %q", msg)
	}
	time.Sleep(300 * time.Millisecond)
	if got := eval[string](t, ctx, "window.curvlab.scenario"); got != good {
		t.Errorf("a bad formula changed the scenario to %q", got)
	}
	shot(t, ctx, "formula-error.png")

	// pasted text arrives as one input event
	eval[bool](t, ctx, `(() => { const f = `+field+`; f.value = "sin(x)*cos(y) + (x^2 + y^2)/8"; f.dispatchEvent(new Event("input")); return true; })()`)
	waitFor(t, ctx, `window.curvlab.scenario.startsWith("v1;f=sin(x)*cos(y)%20+%20(x%5E2%20+%20y%5E2)/8;x=-2,2;")`, 10*time.Second)
	waitFor(t, ctx, `!`+field+`.hasAttribute("aria-invalid")`, 10*time.Second)

	if _, err := chromedp.Run(ctx, chromedp.SendKeys(chromedp.ID("curvlab-field"), kb.Enter)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, `window.curvlab.popup() === "" && `+field+`.style.display === "none"`, 10*time.Second)
	rows := eval[[][]*float64](t, ctx, "window.curvlab.iterates(0)")
	if len(rows) != 1 || *rows[0][0] != -2 || *rows[0][1] != 2 {
		t.Fatalf("runs start at %v", rows)
	}
	// f(−2, 2) = sin(−2)·cos(2) + 1
	if f := *rows[0][2]; !(f > 1.378 && f < 1.379) {
		t.Errorf("f at the start is %v, want sin(−2)cos(2) + 1 ≈ 1.3784", f)
	}
	// the runs on the typed surface, computed in the worker, are
	// curvsim's to the last bit (its exp, log and powers are pmath's)
	typed := eval[string](t, ctx, "window.curvlab.scenario")
	if eng := eval[string](t, ctx, "window.curvlab.engine"); eng != "worker" {
		t.Errorf("engine %q, want worker", eng)
	}
	matchesCLI(t, ctx, typed)
	// the typing has its own history entry: Back returns to the surface
	// from before it, Forward to the formula
	eval[bool](t, ctx, "history.back() || true")
	waitFor(t, ctx, "window.curvlab.scenario === "+strconv.Quote(defaultText), 10*time.Second)
	eval[bool](t, ctx, "history.forward() || true")
	waitFor(t, ctx, "window.curvlab.scenario === "+strconv.Quote(typed), 10*time.Second)
}

// TestTypeAFormulaByTouch: on a phone the surface editor opens by touch
// (through the menu when the toolbar folds), a tap on its formula field
// puts the page's own field there with the keyboard in it, at least 44
// CSS pixels high, and what is typed is drawn.
func TestTypeAFormulaByTouch(t *testing.T) {
	d := devices[0]
	ctx := touchPage(t, d, "")
	tapAction(t, ctx, "surface-menu")
	waitFor(t, ctx, `window.curvlab.popup() === "surface"`, 10*time.Second)
	var app control
	for _, c := range controls(t, ctx) {
		if c.Kind == "text" && c.Popup {
			app = c
		}
	}
	if app.H < 44 || app.W < 200 {
		t.Fatalf("the formula field is %+v: not a finger's target", app)
	}
	tapOn(t, ctx, app)
	waitFor(t, ctx, `document.activeElement === `+field, 10*time.Second)
	in := eval[control](t, ctx, `(() => { const r = `+field+`.getBoundingClientRect(); return {x: r.x, y: r.y, w: r.width, h: r.height}; })()`)
	if abs(int(in.X-app.X)) > 1 || abs(int(in.Y-app.Y)) > 1 || abs(int(in.W-app.W)) > 1 {
		t.Errorf("the page's field at %+v, the app's at %+v", in, app)
	}
	if _, err := chromedp.Run(ctx, chromedp.SendKeys(chromedp.ID("curvlab-field"), "x*y + y^2")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, `window.curvlab.scenario.startsWith("v1;f=x*y%20+%20y%5E2;x=-2,2;")`, 10*time.Second)
	shot(t, ctx, "formula-phone.png")
}
