//go:build !js

package e2e

import (
	"context"
	"image"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"curvlab/internal/chromium"
	"curvlab/sim/scenario"
)

// solidLink shows Himmelblau in 3D in both panels.
const solidLink = "v1;s=himmelblau;x=-0.5,0.5;m=gd:lr=0.01;m=newton;z=12:-30,35"

// TestSolidInTheBrowser: the 3D view opens from its link with the mesh
// drawn (the surface's colours over much of each panel); a mouse drag on
// a panel turns the camera and the link follows; Z turns every panel flat
// again. The Go-side frame times while turning are logged.
func TestSolidInTheBrowser(t *testing.T) {
	ctx := page(t, solidLink)
	if err := chromedp.Do(ctx, chromium.Frames(3)); err != nil {
		t.Fatal(err)
	}
	img := screenshot(t, ctx, "e2e-solid.png")
	r := plotOf(t, ctx, 0)
	if n, all := saturatedIn(img, r); n < all/6 {
		t.Errorf("panel 1's plot %v: %d of %d sampled pixels in the surface's colours; the mesh is not drawn", r, n, all)
	}
	x, y := float64(r.Min.X+r.Dx()/2), float64(r.Min.Y+r.Dy()/2)
	actions := []chromedp.Action[chromedp.Void]{chromedp.MouseEvent(chromedp.MouseMoved, x, y), chromium.Hold(),
		chromedp.MouseEvent(chromedp.MousePressed, x, y, chromedp.ButtonLeft, chromedp.ClickCount(1)), chromium.Hold()}
	for i := 1; i <= 10; i++ {
		actions = append(actions, chromedp.MouseEvent(chromedp.MouseMoved, x+12*float64(i), y, chromedp.ButtonLeft), chromium.Hold())
	}
	actions = append(actions, chromedp.MouseEvent(chromedp.MouseReleased, x+120, y, chromedp.ButtonLeft, chromedp.ClickCount(1)))
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, `!window.curvlab.scenario.includes(";z=12:-30,35")`, 10*time.Second)
	sol := solidOf(t, ctx)
	if !sol.Panels[0] || !sol.Panels[1] || !(sol.Azimuth < -60) || sol.Elevation != 35 {
		t.Errorf("after a drag of 120 px to the right: %+v, want the azimuth turned down by about 60° and the elevation kept", sol)
	}
	stats := eval[[]float64](t, ctx, "window.curvlab.frameStats")
	t.Logf("3D view turned to %+v; recent Go-side frames (ms) %v", sol, stats)
	shot(t, ctx, "e2e-solid-turned.png")

	focusCanvas(t, ctx)
	pressKey(t, ctx, 'z')
	waitFor(t, ctx, `!window.curvlab.scenario.includes(";z=")`, 10*time.Second)
}

// TestSolidByTouch: on a phone the 3D view turns under a finger dragged
// across a panel.
func TestSolidByTouch(t *testing.T) {
	ctx := touchPage(t, devices[0], strings.Replace(solidLink, "z=12:", "z=1:", 1))
	r := plotOf(t, ctx, 0)
	x, y := float64(r.Min.X+r.Dx()/2), float64(r.Min.Y+r.Dy()/2)
	one, id := 1.0, 0.0
	touch := func(kind input.DispatchTouchEventType, x, y float64) chromedp.Action[chromedp.Void] {
		p := input.DispatchTouchEventParams{Type: kind, TouchPoints: []*input.TouchPoint{{X: x, Y: y, RadiusX: &one, RadiusY: &one, Force: &one, ID: &id}}}
		if kind == input.DispatchTouchEventTypeTouchEnd {
			p.TouchPoints = []*input.TouchPoint{}
		}
		return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, input.DispatchTouchEvent, p)
			return err
		})
	}
	actions := []chromedp.Action[chromedp.Void]{touch(input.DispatchTouchEventTypeTouchStart, x, y), chromium.Hold()}
	for i := 1; i <= 8; i++ {
		actions = append(actions, touch(input.DispatchTouchEventTypeTouchMove, x, y+10*float64(i)), chromium.Hold())
	}
	actions = append(actions, touch(input.DispatchTouchEventTypeTouchEnd, x, y+80), chromium.Frames(1))
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, `!window.curvlab.scenario.includes(";z=1:-30,35")`, 10*time.Second)
	if sol := solidOf(t, ctx); sol.Azimuth != -30 || !(sol.Elevation > 45) {
		t.Errorf("after a finger dragged 80 px down: %+v, want the camera tilted up (elevation above 45°), the azimuth kept", sol)
	}
	shot(t, ctx, "e2e-solid-phone.png")
}

// solidOf is the 3D view of the page's scenario.
func solidOf(t *testing.T, ctx context.Context) scenario.View3D {
	t.Helper()
	sc, err := scenario.Decode(eval[string](t, ctx, "window.curvlab.scenario"))
	if err != nil {
		t.Fatal(err)
	}
	return sc.Solid
}

// plotOf is the upper part of the plot of panel k, in CSS pixels: under
// its header, as wide, well above its readouts (window.curvlab.controls
// has the headers; the readouts take four lines, the plots below the
// panels or the next panel follow them).
func plotOf(t *testing.T, ctx context.Context, k int) image.Rectangle {
	t.Helper()
	cs := controls(t, ctx)
	head, ok := find(cs, "edit-panel", k, false)
	if !ok {
		t.Fatalf("no header for panel %d", k+1)
	}
	top := head.Y + head.H + 4
	bottom := eval[float64](t, ctx, "window.innerHeight") - 130
	if next, ok := find(cs, "edit-panel", k+1, false); ok && next.Y > top {
		bottom = next.Y - 100
	}
	return image.Rect(int(head.X)+4, int(top), int(head.X+head.W)-4, int(top+0.6*(bottom-top)))
}

// saturatedIn counts the pixels of r (every third one each way) in the
// surface's colours, and those sampled.
func saturatedIn(img image.Image, r image.Rectangle) (n, all int) {
	for y := r.Min.Y; y < r.Max.Y; y += 3 {
		for x := r.Min.X; x < r.Max.X; x += 3 {
			all++
			if saturated(img, x, y) {
				n++
			}
		}
	}
	return n, all
}

// TestSweepInTheWorker: the page's sweep of momentum's β, run by the
// engine in its worker, ends every run where curvsim sweep's do, to the
// bit; gradient descent, which has no β, has no sweep.
func TestSweepInTheWorker(t *testing.T) {
	const n = 7
	ctx := page(t, "v1;s=rosenbrock;x=-1.2,1;m=gd:lr=0.001;m=momentum:lr=0.0005;n=150;y=beta:0,0.9,7;u=w")
	waitFor(t, ctx, `window.curvlab.engine === "worker" && window.curvlab.sweep(1).length === 7`, 60*time.Second)
	out, err := exec.Command(curvsim(t), "sweep", "--surface", "rosenbrock", "--method", "momentum:lr=0.0005", "--param", "beta",
		"--from", "0", "--to", "0.9", "--n", strconv.Itoa(n), "--steps", "150").Output()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	rows := eval[[][]*float64](t, ctx, "window.curvlab.sweep(1)")
	if len(lines) != n+1 || lines[0] != "value,final_f,iterations,diverged" || len(rows) != n {
		t.Fatalf("curvsim printed %d lines (%q), the page has %d points", len(lines), lines[0], len(rows))
	}
	for j, line := range lines[1:] {
		cols := strings.Split(line, ",")
		for c, s := range cols {
			want, err := strconv.ParseFloat(s, 64)
			if s == "true" || s == "false" {
				want, err = 0, nil
				if s == "true" {
					want = 1
				}
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := rows[j][c]; got == nil || *got != want {
				t.Errorf("value %d column %d: the page %v, curvsim %s", j, c, got, s)
			}
		}
	}
	if gd := eval[[][]*float64](t, ctx, "window.curvlab.sweep(0)"); len(gd) != 0 {
		t.Errorf("gd has no β, yet %d points", len(gd))
	}
}
