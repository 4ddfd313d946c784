//go:build !js

package e2e

import (
	"context"
	"image"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"curvlab/internal/chromium"
	"curvlab/sim/scenario"
)

// plane is where the page says a plane of data is drawn
// (window.curvlab.dataPlanes), in CSS pixels, and the window it shows.
type plane struct {
	X, Y, W, H             float64
	XMin, XMax, YMin, YMax float64
}

func dataPlanes(t *testing.T, ctx context.Context) []plane {
	t.Helper()
	return eval[[]plane](t, ctx, "window.curvlab.dataPlanes()")
}

// toScreen is the CSS pixel of the plane's point (x, y).
func (p plane) toScreen(x, y float64) (float64, float64) {
	return p.X + (x-p.XMin)/(p.XMax-p.XMin)*p.W, p.Y + (p.YMax-y)/(p.YMax-p.YMin)*p.H
}

// toWorld is the plane's point at the CSS pixel (sx, sy).
func (p plane) toWorld(sx, sy float64) (float64, float64) {
	return p.XMin + (sx-p.X)/p.W*(p.XMax-p.XMin), p.YMax - (sy-p.Y)/p.H*(p.YMax-p.YMin)
}

// classShares counts, in the screenshot's rectangle r (CSS pixels at
// scale 1), the pixels of the decision map's class 1 (amber: red well
// above blue) and class 0 (teal: blue well above red), as fractions.
func classShares(img image.Image, r image.Rectangle) (one, zero float64) {
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			cr, _, cb, _ := img.At(x, y).RGBA()
			switch d := int(cr>>8) - int(cb>>8); {
			case d > 30:
				one++
			case d < -30:
				zero++
			}
			n++
		}
	}
	return one / float64(n), zero / float64(n)
}

// runToEnd presses G and waits until every panel has steps+1 rows and the
// picture is complete.
func runToEnd(t *testing.T, ctx context.Context, steps int) {
	t.Helper()
	focusCanvas(t, ctx)
	pressKey(t, ctx, 'g')
	waitFor(t, ctx, "window.curvlab.iterates(0).length === "+strconv.Itoa(steps+1)+" && !window.curvlab.computing", 120*time.Second)
	if err := chromedp.Do(ctx, chromium.Frames(2)); err != nil {
		t.Fatal(err)
	}
}

// TestClickedPointsMoveTheBoundary: on a network trained to the end,
// clicks in a corner of panel 1's input plane, where the network says
// class 0, add training points of class 1 there, at the points clicked;
// trained again to the end from the same weights, the network's map
// around them has turned to class 1: the boundary moved to take them in.
func TestClickedPointsMoveTheBoundary(t *testing.T) {
	const steps = 300
	ctx := page(t, "v1;net=tanh:8,8;d=circle:n=100;m=adam:lr=0.05;n="+strconv.Itoa(steps)+";t=0")
	runToEnd(t, ctx, steps)
	ps := dataPlanes(t, ctx)
	if len(ps) != 1 {
		t.Fatalf("data planes %+v, want one (the panel's)", ps)
	}
	p := ps[0]
	// The corner: the plane's top right, 5% to 20% in from its edges.
	corner := image.Rect(int(p.X+0.8*p.W), int(p.Y+0.05*p.H), int(p.X+0.95*p.W), int(p.Y+0.2*p.H))
	one, zero := classShares(screenshot(t, ctx, ""), corner)
	if zero < 0.6 || one > 0.2 {
		t.Fatalf("the corner before: %.0f%% class 1, %.0f%% class 0; the test wants a corner of class 0", 100*one, 100*zero)
	}

	var clicked [][2]float64
	for i := range 6 {
		sx := float64(corner.Min.X) + float64(corner.Dx())*(0.2+0.3*float64(i%3))
		sy := float64(corner.Min.Y) + float64(corner.Dy())*(0.3+0.4*float64(i/3))
		was := eval[string](t, ctx, "window.curvlab.scenario")
		click(t, ctx, sx, sy)
		waitFor(t, ctx, "window.curvlab.scenario !== "+strconv.Quote(was), 10*time.Second)
		x, y := p.toWorld(sx, sy)
		clicked = append(clicked, [2]float64{x, y})
	}
	sc, err := scenario.Decode(eval[string](t, ctx, "window.curvlab.scenario"))
	if err != nil || sc.Net == nil || sc.Net.Own == nil {
		t.Fatalf("after the clicks: %v, own data %v", err, sc.Net != nil && sc.Net.Own != nil)
	}
	pts := sc.Net.Own.Points
	if pts.N() != 106 {
		t.Fatalf("%d points, want 100 and the 6 clicked", pts.N())
	}
	reach := 1.5 * (p.XMax - p.XMin) / p.W // a pixel and a half, in the plane
	for i, c := range clicked {
		k := 100 + i
		if x, y := pts.X[2*k], pts.X[2*k+1]; math.Abs(x-c[0]) > reach || math.Abs(y-c[1]) > reach || pts.Y[k] != 1 || pts.Test[k] {
			t.Errorf("point %d is (%v, %v), class %v, test %v; clicked at (%.3f, %.3f)", k+1, x, y, pts.Y[k], pts.Test[k], c[0], c[1])
		}
	}

	runToEnd(t, ctx, steps)
	one2, zero2 := classShares(screenshot(t, ctx, "e2e-boundary-moved.png"), corner)
	if one2 < 0.5 {
		t.Errorf("the corner after training on the points: %.0f%% class 1, %.0f%% class 0 (was %.0f%%, %.0f%%): the boundary did not take them in",
			100*one2, 100*zero2, 100*one, 100*zero)
	}
	t.Logf("the corner: class 1 %.0f%% → %.0f%%, class 0 %.0f%% → %.0f%%", 100*one, 100*one2, 100*zero, 100*zero2)
}

// TestDragAFitPoint: on a line fit, the mouse drags a point of the data
// to where it is let go (the link holds it there, the other points stay),
// and the runs on the new points, computed in the worker, are curvsim's.
func TestDragAFitPoint(t *testing.T) {
	ctx := page(t, "v1;s=linefit;x=0,0;m=gd:lr=0.1;m=newton;n=20")
	ps := dataPlanes(t, ctx)
	if len(ps) != 1 {
		t.Fatalf("data planes %+v, want one (the points')", ps)
	}
	p := ps[0]
	before, err := scenario.Decode(eval[string](t, ctx, "window.curvlab.scenario"))
	if err != nil {
		t.Fatal(err)
	}
	xy := before.Surface().(interface{ Points() []float64 }).Points()
	sx, sy := p.toScreen(xy[0], xy[1])
	tx, ty := p.toScreen(-2, -2.5)
	actions := []chromedp.Action[chromedp.Void]{chromedp.MouseEvent(chromedp.MouseMoved, sx, sy), chromium.Hold(),
		chromedp.MouseEvent(chromedp.MousePressed, sx, sy, chromedp.ButtonLeft, chromedp.ClickCount(1)), chromium.Hold()}
	for i := 1; i <= 8; i++ {
		f := float64(i) / 8
		actions = append(actions, chromedp.MouseEvent(chromedp.MouseMoved, sx+(tx-sx)*f, sy+(ty-sy)*f, chromedp.ButtonLeft), chromium.Hold())
	}
	actions = append(actions, chromedp.MouseEvent(chromedp.MouseReleased, tx, ty, chromedp.ButtonLeft, chromedp.ClickCount(1)))
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, `window.curvlab.scenario.includes(";p=")`, 10*time.Second)
	if err := chromedp.Do(ctx, chromium.Frames(2)); err != nil {
		t.Fatal(err)
	}
	text := eval[string](t, ctx, "window.curvlab.scenario")
	sc, err := scenario.Decode(text)
	if err != nil {
		t.Fatal(err)
	}
	reach := 1.5 * (p.XMax - p.XMin) / p.W
	if f := sc.Fit; len(f) != len(xy) || math.Abs(f[0]+2) > reach || math.Abs(f[1]+2.5) > reach {
		t.Fatalf("after the drag the points are %v; the first was let go at (−2, −2.5)", f)
	}
	for i := 2; i < len(xy); i++ {
		if sc.Fit[i] != xy[i] {
			t.Fatalf("the other points moved: %v, were %v", sc.Fit, xy)
		}
	}
	shot(t, ctx, "e2e-fit-dragged.png")
	matchesCLI(t, ctx, text)
}

// TestPasteAndPickPoints: CSV text pasted on the page becomes a line fit's
// points, and a file chosen through Load CSV… a network's data; a link
// pasted opens its scenario.
func TestPasteAndPickPoints(t *testing.T) {
	ctx := page(t, "")
	paste := func(text string) {
		eval[bool](t, ctx, `(() => { const d = new DataTransfer(); d.setData("text/plain", `+strconv.Quote(text)+`);
			document.dispatchEvent(new ClipboardEvent("paste", {clipboardData: d, bubbles: true})); return true; })()`)
	}
	paste("x,y\n-1,0.5\n0,1\n1,1.5\n2,2.5\n")
	waitFor(t, ctx, `window.curvlab.scenario.includes(";s=linefit;p=")`, 10*time.Second)
	sc, err := scenario.Decode(eval[string](t, ctx, "window.curvlab.scenario"))
	if err != nil || len(sc.Fit) != 8 || sc.Fit[0] != -1 || sc.Fit[7] != 2.5 {
		t.Fatalf("after the paste: %v, points %v", err, sc.Fit)
	}
	paste("x,y\n0,1\n1,oops\n")
	waitFor(t, ctx, `window.curvlab.notice === "pasted text: line 3: y: \"oops\" is not a number."`, 10*time.Second)

	csv := filepath.Join(t.TempDir(), "four.csv")
	if err := os.WriteFile(csv, []byte("x1,x2,label\n0,0,0\n1,0,1\n0,1,1\n1,1,0\n0.5,0.5,1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	focusCanvas(t, ctx)
	pressKey(t, ctx, 'f')
	waitFor(t, ctx, `window.curvlab.popup() === "surface"`, 10*time.Second)
	// the browser's file chooser is CDP's to answer, not a dialog
	if err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, cdppage.SetInterceptFileChooserDialog, cdppage.SetInterceptFileChooserDialogParams{Enabled: true})
		return err
	})); err != nil {
		t.Fatal(err)
	}
	load := labelled(t, controls(t, ctx), "load-data", "Load CSV…")
	click(t, ctx, load.X+load.W/2, load.Y+load.H/2)
	waitFor(t, ctx, `document.getElementById("curvlab-file") !== null`, 10*time.Second)
	if err := chromedp.Do(ctx, chromedp.SetUploadFiles(chromedp.ID("curvlab-file"), []string{csv})); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, `window.curvlab.scenario.includes(";d=points:")`, 10*time.Second)
	sc, err = scenario.Decode(eval[string](t, ctx, "window.curvlab.scenario"))
	if err != nil || sc.Net == nil || sc.Net.Own == nil || sc.Net.Own.Points.N() != 5 {
		t.Fatalf("after picking four.csv: %v, %s", err, eval[string](t, ctx, "window.curvlab.scenario"))
	}

	paste("see https://example.org/curvlab/#" + defaultText)
	waitFor(t, ctx, "window.curvlab.scenario === "+strconv.Quote(defaultText), 10*time.Second)
}

// TestBasinsInTheBrowser: with the basins on (u=b), the worker computes
// Newton's basins on Himmelblau, one start a pixel, coarse to fine, and
// the page shows them whole: the panel's plot holds the four minima's
// colours and the grey of the other stationary points; the frames drawn
// meanwhile are timed (reported, not asserted: this machine has no GPU).
func TestBasinsInTheBrowser(t *testing.T) {
	ctx := page(t, "v1;s=himmelblau;x=0,0;m=newton:ls=none,mod=none;u=b")
	start := time.Now()
	waitFor(t, ctx, "!window.curvlab.computing", 120*time.Second)
	took := time.Since(start)
	img := screenshot(t, ctx, "e2e-basins.png")
	head, ok := find(controls(t, ctx), "edit-panel", 0, false)
	if !ok {
		t.Fatal("no header for panel 1")
	}
	// the panel's plot: under its header, as wide, above the readouts
	top := int(head.Y + head.H + 4)
	r := image.Rect(int(head.X)+4, top, int(head.X+head.W)-4, top+int(0.75*float64(viewH-top-130)))
	// the basins' hues (package surface's basinMinimumColors) at full
	// strength and shaded, and the grey of another stationary point
	hues := [][3]int{{0x4e, 0x79, 0xa7}, {0x59, 0xa1, 0x4f}, {0xed, 0xc9, 0x48}, {0xb0, 0x7a, 0xa1}}
	found := make([]int, len(hues))
	grey := 0
	for y := r.Min.Y; y < r.Max.Y; y += 3 {
		for x := r.Min.X; x < r.Max.X; x += 3 {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			c := [3]int{int(cr >> 8), int(cg >> 8), int(cb >> 8)}
			for k, h := range hues {
				// a shade s·h of the hue, s in [0.45, 1]
				s := float64(c[0]+c[1]+c[2]) / float64(h[0]+h[1]+h[2])
				if s >= 0.4 && s <= 1.05 && abs(c[0]-int(s*float64(h[0]))) < 10 && abs(c[1]-int(s*float64(h[1]))) < 10 && abs(c[2]-int(s*float64(h[2]))) < 10 {
					found[k]++
				}
			}
			if c[0] == c[1] && c[1] == c[2] && c[0] > 0x50 && c[0] <= 0xb8 {
				grey++
			}
		}
	}
	for k, n := range found {
		if n < 50 {
			t.Errorf("minimum %d's colour at %d sampled pixels", k+1, n)
		}
	}
	if grey < 50 {
		t.Errorf("another stationary point's grey at %d sampled pixels", grey)
	}
	stats := eval[[]float64](t, ctx, "window.curvlab.frameStats")
	t.Logf("basins whole after %v; minima's colours %v, grey %d; recent frames (ms) %v", took.Round(time.Millisecond), found, grey, stats)
}
