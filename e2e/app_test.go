//go:build !js

package e2e

import (
	"bytes"
	"context"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"curvlab/internal/chromium"
	"curvlab/internal/cliout"
	"curvlab/render/geom"
	"curvlab/sim/scenario"
)

// A click on a panel's surface starts every method there: the scenario,
// the address bar and row 0 of every panel's iterates follow the click.
func TestClickSetsStart(t *testing.T) {
	ctx := page(t, "")
	plots := heatmaps(screenshot(t, ctx, ""))
	if len(plots) == 0 {
		t.Fatal("no panel found in the screenshot")
	}
	r := plots[0]
	// A point in the lower left of the first panel, away from the start.
	cx, cy := float64(r.Min.X+r.Dx()*3/10), float64(r.Min.Y+r.Dy()*3/4)
	click(t, ctx, cx, cy)
	waitFor(t, ctx, "window.curvlab.scenario !== "+strconv.Quote(defaultText), 5*time.Second)

	if os.Getenv("CURVLAB_SHOTS") != "" {
		screenshot(t, ctx, "clicked.png")
	}
	text := eval[string](t, ctx, "window.curvlab.scenario")
	if hash := eval[string](t, ctx, "location.hash"); hash != "#"+text {
		t.Errorf("location.hash %q, curvlab.scenario %q", hash, text)
	}
	sc, err := scenario.Decode(text)
	if err != nil {
		t.Fatalf("the new scenario %q does not decode: %v", text, err)
	}
	if slices.Equal(sc.Start, []float64{-1.2, 1}) {
		t.Errorf("the start did not move: %q", text)
	}
	// Only the start changed.
	moved := sc.Clone()
	moved.Start = []float64{-1.2, 1}
	if moved.Encode() != defaultText {
		t.Errorf("more than the start changed: %q", text)
	}

	// The world point under the click: the default window, widened to the
	// plot's aspect as the app draws it. The plot found in the screenshot
	// may be off by a pixel or two.
	w := scenario.Default().ViewWindow()
	v := geom.View{XMin: w.XMin, XMax: w.XMax, YMin: w.YMin, YMax: w.YMax,
		Screen: geom.Rect{X: float64(r.Min.X), Y: float64(r.Min.Y), W: float64(r.Dx()), H: float64(r.Dy())}}
	v.EqualAspect()
	wx, wy := v.ToWorld(cx, cy)
	tol := 3 * (v.XMax - v.XMin) / v.Screen.W
	for k := range eval[int](t, ctx, "window.curvlab.panels()") {
		row := eval[[]float64](t, ctx, "window.curvlab.iterates("+strconv.Itoa(k)+")[0]")
		if len(row) != 3 {
			t.Fatalf("panel %d: row 0 is %v", k, row)
		}
		if row[0] != sc.Start[0] || row[1] != sc.Start[1] {
			t.Errorf("panel %d starts at (%g, %g), the link says %v", k, row[0], row[1], sc.Start)
		}
		if math.Abs(row[0]-wx) > tol || math.Abs(row[1]-wy) > tol {
			t.Errorf("panel %d starts at (%g, %g), clicked at (%.3f, %.3f) ± %.3f", k, row[0], row[1], wx, wy, tol)
		}
		if row[0] < v.XMin || row[0] > v.XMax || row[1] < v.YMin || row[1] > v.YMax {
			t.Errorf("panel %d starts at (%g, %g), outside the view %+v", k, row[0], row[1], v)
		}
	}
}

var curvsimOnce struct {
	sync.Once
	bin string
	err error
}

// curvsim builds cmd/curvsim once for the package's tests.
func curvsim(t *testing.T) string {
	t.Helper()
	curvsimOnce.Do(func() {
		bin := filepath.Join(tmpDir, "curvsim")
		out, err := exec.Command("go", "build", "-o", bin, "curvlab/cmd/curvsim").CombinedOutput()
		if err != nil {
			curvsimOnce.err = &buildError{err, out}
		}
		curvsimOnce.bin = bin
	})
	if curvsimOnce.err != nil {
		t.Fatal(curvsimOnce.err)
	}
	return curvsimOnce.bin
}

type buildError struct {
	err error
	out []byte
}

func (e *buildError) Error() string {
	return "go build curvsim: " + e.err.Error() + "\n" + string(e.out)
}

// A link opened in the browser computes the same iterates as curvsim run
// --scenario of that link: the browser's wasm and the native CLI agree to
// 1e-9 relative, including where a run diverges.
func TestIteratesMatchCLI(t *testing.T) {
	_, linreg, err := scenario.LookupLesson("linreg")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, text string
		diverges   bool // some panel's run diverges
	}{
		{"rosenbrock", "v1;s=rosenbrock;x=-1.2,1;m=gd;m=newton;m=bfgs;n=40", false},
		{"linreg", linreg.Encode(), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want, err := cliout.Run(exec.Command(curvsim(t), "run", "--scenario", tc.text, "--format", "json"))
			if err != nil {
				t.Fatal(err)
			}

			ctx := page(t, tc.text)
			if got := eval[string](t, ctx, "window.curvlab.scenario"); got != want.Scenario {
				t.Errorf("the app shows %q, curvsim ran %q", got, want.Scenario)
			}
			if got := eval[string](t, ctx, "window.curvlab.notice"); got != "" {
				t.Errorf("notice %q", got)
			}
			n := eval[int](t, ctx, "window.curvlab.panels()")
			if n != len(want.Panels) {
				t.Fatalf("%d panels in the app, %d from curvsim", n, len(want.Panels))
			}
			// G runs every panel to the end of its budget (or until it
			// stops), as curvsim does.
			focusCanvas(t, ctx)
			pressKey(t, ctx, 'g')
			lengths := make([]string, n)
			for k, p := range want.Panels {
				lengths[k] = strconv.Itoa(len(p.Steps))
			}
			waitFor(t, ctx, "["+strings.Join(lengths, ",")+"].every((n, k) => window.curvlab.iterates(k).length === n)", 10*time.Second)

			diverged := false
			for k, p := range want.Panels {
				rows := eval[[][]*float64](t, ctx, "window.curvlab.iterates("+strconv.Itoa(k)+")")
				for i, s := range p.Steps {
					if len(s.X) != 2 || len(rows[i]) != 3 {
						t.Fatalf("panel %d row %d: curvsim %d coordinates, app row %v", k, i, len(s.X), rows[i])
					}
					for j, w := range []*float64{s.X[0], s.X[1], s.F} {
						if g := rows[i][j]; !cliout.Near(g, w, 1e-9) {
							t.Fatalf("panel %d (%s) row %d column %d: app %s, curvsim %s", k, p.Method, i, j, cliout.Format(g), cliout.Format(w))
						}
					}
				}
				last := p.Steps[len(p.Steps)-1]
				if slices.Contains(last.Events, "diverged") {
					diverged = true
					t.Logf("panel %d (%s) diverged at row %d in both", k, p.Method, last.Iter)
				}
			}
			if diverged != tc.diverges {
				t.Errorf("a run diverged: %v, want %v", diverged, tc.diverges)
			}
		})
	}
}

// A malformed or hostile link opens the default scenario with a notice,
// and nothing of the link reaches the page's DOM: links opened with the
// page, and links pasted into the address bar of an open page (hashchange),
// which keep the current scenario.
func TestHostileLinks(t *testing.T) {
	const domShape = `[document.querySelectorAll("*").length, document.querySelectorAll("script").length]`
	clean := tab(t)
	load(t, clean, "")
	want := eval[[]int](t, clean, domShape)
	chromedp.Cancel(clean) // an open tab draws 60 frames a second: close it

	// check asserts the page shows the default scenario with a notice, and
	// the link left no trace in the DOM but, as plain text, the notice in
	// the live region a screen reader says (it quotes the link).
	check := func(t *testing.T, ctx context.Context, dialog *atomic.Bool) {
		t.Helper()
		type pageState struct {
			Scenario string `json:"scenario"`
			Notice   string `json:"notice"`
			Hash     string `json:"hash"`
			HTML     string `json:"html"`
			Shape    []int  `json:"shape"`
			Live     string `json:"live"`
			LiveKids int    `json:"liveKids"`
		}
		got := eval[pageState](t, ctx, `(() => {
			const page = document.documentElement.cloneNode(true), live = document.getElementById("curvlab-live");
			page.querySelector("#curvlab-live").textContent = "";
			return {scenario: window.curvlab.scenario, notice: window.curvlab.notice, hash: location.hash,
				html: page.outerHTML, shape: `+domShape+`, live: live.textContent, liveKids: live.childElementCount};
		})()`)
		if got.Scenario != defaultText {
			t.Errorf("scenario %q, want the default %q", got.Scenario, defaultText)
		}
		if got.Notice == "" {
			t.Error("no notice")
		}
		t.Logf("notice: %s", got.Notice)
		if got.Hash != "#"+got.Scenario { // the address bar is a link to what is shown
			t.Errorf("location.hash %.80q, scenario %q", got.Hash, got.Scenario)
		}
		if !slices.Equal(got.Shape, want) {
			t.Errorf("elements, scripts: %v, a clean page has %v", got.Shape, want)
		}
		for _, bad := range []string{"<script>alert", "onerror", "<img", "javascript:"} {
			if strings.Contains(got.HTML, bad) {
				t.Errorf("the page contains %q", bad)
			}
		}
		if got.LiveKids != 0 || got.Live != got.Notice && got.Live != "" && !strings.HasPrefix(got.Live, "Panel 1") {
			t.Errorf("the live region holds %d elements and says %q; the notice is %q", got.LiveKids, got.Live, got.Notice)
		}
		if dialog.Load() {
			t.Error("a JavaScript dialog opened")
		}
	}
	// watch opens a tab that records whether a JavaScript dialog opens.
	watch := func(t *testing.T) (context.Context, *atomic.Bool) {
		ctx := tab(t)
		dialog := new(atomic.Bool)
		if err := chromedp.Listen(ctx, func(ev any) {
			if _, ok := ev.(*cdppage.EventJavascriptDialogOpening); ok {
				dialog.Store(true)
			}
		}); err != nil {
			t.Fatal(err)
		}
		return ctx, dialog
	}

	// Each of these opens the page afresh (a few seconds each).
	for _, frag := range []string{
		`<script>alert(1)</script>`,
		`v1;s=rosenbrock;x=1e999,1;m=gd`,
		`v1;s=rosenbrock;x=-1.2,1;m=gd;u=` + strings.Repeat("a", 5000),
		`v2;s=rosenbrock;x=-1.2,1;m=gd`,
		`%ZZ%E0%A4%A`,
	} {
		t.Run("open/"+shorten(frag), func(t *testing.T) {
			ctx, dialog := watch(t)
			load(t, ctx, frag)
			check(t, ctx, dialog)
		})
	}

	// These go to one open page through the address bar.
	ctx, dialog := watch(t)
	load(t, ctx, "")
	for _, frag := range []string{
		`"><img src=x onerror=alert(1)>`,
		`%3Cscript%3Ealert(1)%3C%2Fscript%3E`,
		`javascript:alert(1)`,
		`v1;s=rosenbrock;x=NaN,1;m=gd`,
		strings.Repeat("A", 5000),
		`v1;s=rosenbrock;x=-1.2,1;m=gd;m=gd;m=gd;m=gd;m=gd`,
		`v1;s=rosenbröck;x=0,0;m=gd`,
		`v1;s=rosenbrock;x=-1.2,1;m=gd%00;n=1`,
		`v1;s=rosenbrock;x=-1.2,1;m=gd;n=1e6`,
	} {
		t.Run("hashchange/"+shorten(frag), func(t *testing.T) {
			// Every link here has a notice of its own: wait for it.
			before := eval[string](t, ctx, "window.curvlab.notice")
			eval[bool](t, ctx, "location.hash = "+strconv.Quote(frag)+", true")
			waitFor(t, ctx, "window.curvlab.notice !== "+strconv.Quote(before), 5*time.Second)
			check(t, ctx, dialog)
		})
	}
}

func shorten(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

// S steps every panel by exactly one iterate, Space plays and pauses, R
// goes back to the start.
func TestKeyboard(t *testing.T) {
	// The default scenario: gradient descent has 500 steps to go, so it
	// neither converges nor ends during the test.
	ctx := page(t, "")
	focusCanvas(t, ctx)
	if n := counts(t, ctx); !slices.Equal(n, []int{1, 1, 1}) {
		t.Fatalf("iterates per panel before any step: %v, want 1 each (the start)", n)
	}
	for want := 2; want <= 4; want++ {
		pressKey(t, ctx, 's')
		waitFor(t, ctx, "window.curvlab.iterates(0).length >= "+strconv.Itoa(want), 3*time.Second)
		if err := chromedp.Do(ctx, chromium.Frames(3)); err != nil { // time for a second step, if one came
			t.Fatal(err)
		}
		if n := counts(t, ctx); !slices.Equal(n, []int{want, want, want}) {
			t.Errorf("iterates per panel after %d steps: %v, want %d each", want-1, n, want)
		}
	}

	pressKey(t, ctx, ' ')
	waitFor(t, ctx, "window.curvlab.iterates(0).length >= 8", 5*time.Second)
	a := counts(t, ctx)[0]
	time.Sleep(500 * time.Millisecond)
	b := counts(t, ctx)[0]
	if b <= a {
		t.Errorf("playing: %d iterates, then %d half a second later", a, b)
	}
	pressKey(t, ctx, ' ')
	time.Sleep(200 * time.Millisecond)
	c := counts(t, ctx)[0]
	time.Sleep(500 * time.Millisecond)
	if d := counts(t, ctx)[0]; d != c {
		t.Errorf("paused: %d iterates, then %d half a second later", c, d)
	}

	pressKey(t, ctx, 'r')
	waitFor(t, ctx, "[0, 1, 2].every(k => window.curvlab.iterates(k).length === 1)", 3*time.Second)
	if n := counts(t, ctx); !slices.Equal(n, []int{1, 1, 1}) {
		t.Errorf("iterates per panel after reset: %v, want 1 each", n)
	}
	if got := eval[string](t, ctx, "window.curvlab.scenario"); got != defaultText {
		t.Errorf("after reset the scenario is %q", got)
	}
}

// dist/ ships the Go toolchain's own wasm_exec.js, byte for byte: another
// version would not match the runtime compiled into main.wasm.
func TestWasmExecIsToolchains(t *testing.T) {
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../dist/wasm_exec.js")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("dist/wasm_exec.js differs from $(go env GOROOT)/lib/wasm/wasm_exec.js: run ./build.sh web")
	}
}
