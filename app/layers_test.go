package app

import (
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
)

// TestLayersLookLikeDirectDrawing draws the same sequence of frames twice,
// through the cached layers (the surface, each run's path, the current
// iterates, the f plot, the text) and straight onto the screen
// (Game.direct, the reference), and compares the last frames: at the start
// (one iterate a run), after running to the end, on a hi-DPI screen, in
// overlay, after zooming and panning and resetting (no stale paths), while
// paths grow, with the contours toggled. With CURVLAB_SHOTS=dir it saves
// both frames.
func TestLayersLookLikeDirectDrawing(t *testing.T) {
	steps := func(n int) func(g *Game) {
		return func(g *Game) {
			for range n {
				g.do(actStep, 0)
			}
		}
	}
	// G plays at the engine's speed over frames: here it computes to the
	// end within the frame, so both drawings show the same rows.
	toEnd := func(g *Game) {
		g.do(actToEnd, 0)
		for !g.st.done() {
			g.st.tick(0, time.Now().Add(time.Second))
		}
	}
	for _, c := range []struct {
		name  string
		link  string
		scale float64
		acts  []func(g *Game) // one per frame
	}{
		{"start", "", 1, nil},
		{"busy", busyLink, 1, []func(*Game){toEnd}},
		{"busy-hidpi", busyLink, 2, []func(*Game){toEnd}},
		{"overlay", busyLink, 1, []func(*Game){toEnd, func(g *Game) { g.do(actOverlay, 0) }}},
		{"zoom-pan", busyLink, 1, []func(*Game){toEnd, func(g *Game) {
			g.do(actZoomIn, 0)
			g.do(actZoomIn, 0)
			v := g.panelView(g.lay.panels[0].plot)
			v.Pan(37, -21)
			g.setWindow(v)
		}}},
		{"reset", busyLink, 1, []func(*Game){toEnd, func(g *Game) { g.do(actReset, 0) }, steps(3)}},
		{"growing", "v1;s=himmelblau;x=0.5,-3;m=gd:lr=0.01;m=newton;m=sr1-tr;m=tr-cg;n=100", 1,
			[]func(*Game){steps(1), steps(2), steps(1), steps(7), steps(30)}},
		{"contours-off", "", 1, []func(*Game){steps(4), func(g *Game) { g.do(actContours, 0) }}},
	} {
		w, h := int(1600*c.scale), int(900*c.scale)
		var pix [2][]byte
		for m, direct := range []bool{true, false} {
			g := New("#"+c.link, nil)
			g.w, g.h, g.scale, g.direct = float64(w), float64(h), c.scale, direct
			var img *ebiten.Image
			onFrames(1, func() { img = ebiten.NewImage(w, h); g.Update() }, func(*ebiten.Image) { g.Draw(img) })
			for _, act := range c.acts {
				// Update may run more than once a frame: act once.
				onFrames(1, func() {
					if act != nil {
						act(g)
						act = nil
					}
					g.Update()
				}, func(*ebiten.Image) { g.Draw(img) })
			}
			onFrames(1, func() { g.Update() }, func(*ebiten.Image) {
				g.Draw(img)
				pix[m] = make([]byte, 4*w*h)
				img.ReadPixels(pix[m])
			})
			if dir := os.Getenv("CURVLAB_SHOTS"); dir != "" {
				name := c.name + []string{"-direct", "-layers"}[m] + ".png"
				f, err := os.Create(filepath.Join(dir, "app-"+name))
				if err == nil {
					png.Encode(f, &image.RGBA{Pix: pix[m], Stride: 4 * w, Rect: image.Rect(0, 0, w, h)})
					f.Close()
				}
			}
		}
		bad, worst := differingBy(pix[0], pix[1], 24)
		// Anti-aliased edges blend a little differently through a layer,
		// in a few dozen pixels; in overlay mode every run's current point
		// is drawn over all the paths rather than under the next run's
		// path. A stale digit would change more than 60.
		limit := 60
		if c.name == "overlay" {
			limit = 720
		}
		if bad > limit {
			t.Errorf("%s: %d pixels differ from direct drawing by more than 24 (worst %d)", c.name, bad, worst)
		}
	}
}

// TestNetworkLayersLookLikeDirectDrawing: the same for a network scenario,
// everything computed (the edge-of-stability preset after 300 iterations,
// with the slice along the principal components, and after more steps).
func TestNetworkLayersLookLikeDirectDrawing(t *testing.T) {
	w, h := 1600, 900
	var pix [2][]byte
	for m, direct := range []bool{true, false} {
		g := New("#"+eosLink, nil)
		g.w, g.h, g.scale, g.direct = float64(w), float64(h), 1, direct
		var img *ebiten.Image
		onFrames(1, func() { img = ebiten.NewImage(w, h) }, nil)
		for i := 0; i < 300; i++ {
			g.st.stepAll()
		}
		if !settle(g, img, 5000, 250*time.Millisecond) {
			t.Fatal("not settled")
		}
		g.do(actPlane, 0)
		for i := 0; i < 20; i++ {
			g.st.stepAll()
		}
		if !settle(g, img, 5000, 250*time.Millisecond) {
			t.Fatal("not settled")
		}
		onFrames(2, func() { g.Update() }, func(*ebiten.Image) {
			g.Draw(img)
			pix[m] = make([]byte, 4*w*h)
			img.ReadPixels(pix[m])
		})
		if dir := os.Getenv("CURVLAB_SHOTS"); dir != "" {
			f, err := os.Create(filepath.Join(dir, "app-net"+[]string{"-direct", "-layers"}[m]+".png"))
			if err == nil {
				png.Encode(f, &image.RGBA{Pix: pix[m], Stride: 4 * w, Rect: image.Rect(0, 0, w, h)})
				f.Close()
			}
		}
	}
	if bad, worst := differingBy(pix[0], pix[1], 24); bad > 60 {
		t.Errorf("%d pixels differ from direct drawing by more than 24 (worst %d)", bad, worst)
	}
}

// differingBy counts the pixels whose colours differ by more than tol in a
// channel, and returns the largest difference.
func differingBy(a, b []byte, tol int) (bad, worst int) {
	for k := 0; k+3 < len(a) && k+3 < len(b); k += 4 {
		d := 0
		for c := k; c < k+3; c++ {
			d = max(d, int(a[c])-int(b[c]), int(b[c])-int(a[c]))
		}
		worst = max(worst, d)
		if d > tol {
			bad++
		}
	}
	return bad, worst
}
