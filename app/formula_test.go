package app

import (
	"slices"
	"strings"
	"testing"

	"curvlab/app/ui"
	"curvlab/internal/scenetest"

	"github.com/hajimehoshi/ebiten/v2"
)

// typeText types s into the scene's field one character at a time, as
// typeKeys does with a frame's characters, and runs a frame.
func typeText(g *Game, img *ebiten.Image, s string) {
	f := g.scene.Field()
	for _, r := range s {
		if f.Insert([]rune{r}) {
			g.scene.FieldChanged(g.st)
		}
	}
	g.uiDirty = true
	onFrames(1, func() { g.Update() }, func(*ebiten.Image) { g.Draw(img) })
}

// TestTypeAFormula: Y opens the surface editor with its field taking the
// keys; each time what is typed is a formula it is drawn (from (−2, 2) in
// [−3, 3]² the first time), and while it is not the last good one stays
// and the editor says what is wrong and where; Enter keeps it and closes
// the editor; the link has it.
func TestTypeAFormula(t *testing.T) {
	g, img := newTestGame(t, "", 1600, 900)
	g.do(ui.ActType, 0)
	onFrames(1, func() { g.Update() }, func(*ebiten.Image) { g.Draw(img) })
	f := g.scene.Field()
	if g.Popup() != "surface" || f == nil || !f.Active {
		t.Fatalf("Y: popup %q, field %v", g.Popup(), f)
	}
	if !slices.ContainsFunc(g.Controls(), func(c Control) bool { return c.Kind == "text" && c.Popup }) {
		t.Error("no text field among the controls")
	}
	typeText(g, img, "x^")
	if g.st.Scen.Formula != "x" || !strings.Contains(g.scene.FieldError(), "ends too soon at column 3") {
		t.Errorf(`after "x^": formula %q, error %q`, g.st.Scen.Formula, g.scene.FieldError())
	}
	if s := g.st.Scen.Start; len(s) != 2 || s[0] != -2 || s[1] != 2 || g.st.Scen.View != nil {
		t.Errorf("the first formula starts at %v with view %v, want (−2, 2) and the default", s, g.st.Scen.View)
	}
	typeText(g, img, "2 + 3*y^2s")
	if g.st.Scen.Formula != "x^2 + 3*y^2" || g.scene.FieldError() != `missing operator between "2" and "s" (write 2*s) at column 12` {
		t.Errorf("formula %q, error %q", g.st.Scen.Formula, g.scene.FieldError())
	}
	scenetest.SaveShot(t, img, "formula-typing-error")
	f.Edit(ui.EditBackspace)
	g.scene.FieldChanged(g.st)
	if g.scene.FieldError() != "" || g.st.Scen.Formula != "x^2 + 3*y^2" {
		t.Errorf("after backspace: error %q, formula %q", g.scene.FieldError(), g.st.Scen.Formula)
	}
	g.st.StepAll()
	g.typed(f, true)
	onFrames(2, func() { g.Update() }, func(*ebiten.Image) { g.Draw(img) })
	if g.Popup() != "" || f.Active {
		t.Errorf("Enter: popup %q, field active %v", g.Popup(), f.Active)
	}
	if link := g.st.Scen.Encode(); !strings.HasPrefix(link, "v1;f=x%5E2%20+%203*y%5E2;x=-2,2;") {
		t.Errorf("link %q", link)
	}
	if r := g.st.Runs[0]; r.Row(0).F != 4+12 {
		t.Errorf("f at the start (−2, 2) is %v, want 16", r.Row(0).F)
	}
	scenetest.SaveShot(t, img, "formula-drawn")

	// a second formula keeps the start and view the teacher set
	g.st.SetStart(1, 1)
	g.do(ui.ActType, 0)
	f.Set("")
	typeText(g, img, "sin(x) + y^2")
	if s := g.st.Scen.Start; g.st.Scen.Formula != "sin(x) + y^2" || s[0] != 1 || s[1] != 1 {
		t.Errorf("second formula %q from %v", g.st.Scen.Formula, s)
	}
}

// historyHost records the history entries the app starts.
type historyHost struct {
	nopHost
	entries []string
}

func (h *historyHost) NewHistoryEntry(text string) { h.entries = append(h.entries, text) }

// TestTypingStartsOneHistoryEntry: a spell of typing that changes the
// surface starts one history entry, holding the scenario from before it;
// one that changes nothing starts none.
func TestTypingStartsOneHistoryEntry(t *testing.T) {
	h := &historyHost{}
	g := New("", h)
	g.w, g.h, g.scale = 1600, 900, 1
	var img *ebiten.Image
	onFrames(1, func() { img = ebiten.NewImage(1600, 900); g.Update() }, func(*ebiten.Image) { g.Draw(img) })
	before := g.st.Scen.Encode()
	g.do(ui.ActType, 0)
	f := g.scene.Field()
	f.Insert([]rune("x"))
	g.fieldChanged()
	f.Insert([]rune("^"))
	g.fieldChanged() // not a formula: nothing changes
	f.Insert([]rune("2"))
	g.fieldChanged()
	g.typed(f, true)
	if len(h.entries) != 1 || h.entries[0] != before {
		t.Fatalf("entries %q, want one holding %q", h.entries, before)
	}
	second := g.st.Scen.Encode()
	g.do(ui.ActType, 0) // a spell that only moves the caret
	f.Edit(ui.EditLeft)
	g.typed(f, true)
	g.do(ui.ActType, 0)
	f.Insert([]rune("+y"))
	g.fieldChanged()
	if len(h.entries) != 2 || h.entries[1] != second {
		t.Errorf("entries %q, want a second holding %q", h.entries, second)
	}
}
