package app

import (
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"

	"curvlab/app/surface"
	"curvlab/app/ui"

	"github.com/hajimehoshi/ebiten/v2"
)

// A layer whose key misses something it depends on keeps showing the old
// picture after that changed. The tests below catch this from outside:
// one game draws every frame while a sequence of changes is made (its
// layers are drawn before each change and must be drawn again after it),
// a second game makes the same changes without drawing (its layers are
// drawn once, at the end, from nothing), and their last frames must be the
// same. Each case ends with one kind of change, so that no later change
// redraws a stale layer by chance, and the change must show on the screen.
// (A key with a dependency left out — a toggle (ellipses, contours), a
// trail's view, the scale, the f plot's rows, a network panel's row, the
// slice's paths or contours — was seen to fail these.)

// layerCase is a sequence of changes, one per frame, to a game opened at
// link on a screen of 1600×900 logical pixels at scale.
type layerCase struct {
	name  string
	link  string
	scale float64
	acts  []func(g *Game)
}

// TestSurfaceLayersFollowTheirDependencies: at the start (one iterate a
// run), after running to the end, on a hi-DPI screen and after the scale
// changed, in overlay, after zooming and panning and resetting (no stale
// paths), while paths grow, with each toggle flipped, on another surface
// and with a panel added.
func TestSurfaceLayersFollowTheirDependencies(t *testing.T) {
	steps := func(n int) func(g *Game) {
		return func(g *Game) {
			for range n {
				g.do(ui.ActStep, 0)
			}
		}
	}
	// "To end" plays at the engine's speed over frames: here it computes
	// to the end within the frame, so that both games show the same rows.
	toEnd := func(g *Game) {
		g.do(ui.ActToEnd, 0)
		for !g.st.Done() {
			g.st.Tick(0, time.Now().Add(time.Second))
		}
	}
	toggle := func(a ui.Action) func(g *Game) { return func(g *Game) { g.do(a, 0) } }
	growing := "v1;s=himmelblau;x=0.5,-3;m=gd:lr=0.01;m=newton;m=sr1-tr;m=tr-cg;n=100"
	for _, c := range []layerCase{
		{"start", "", 1, nil},
		{"busy", busyLink, 1, []func(*Game){toEnd}},
		{"busy-hidpi", busyLink, 2, []func(*Game){toEnd}},
		{"rescale", busyLink, 1, []func(*Game){toEnd, func(g *Game) { g.scale = 1.5 }}},
		{"overlay", busyLink, 1, []func(*Game){toEnd, toggle(ui.ActOverlay)}},
		{"split", busyLink, 1, []func(*Game){toEnd, toggle(ui.ActOverlay), toggle(ui.ActOverlay)}},
		{"zoom-pan", busyLink, 1, []func(*Game){toEnd, func(g *Game) {
			g.do(ui.ActZoomIn, 0)
			g.do(ui.ActZoomIn, 0)
			v := g.panelView(g.lay.panels[0].Plot)
			v.Pan(37, -21)
			g.setWindow(v)
		}}},
		{"reset", busyLink, 1, []func(*Game){toEnd, toggle(ui.ActReset), steps(3)}},
		{"growing", growing, 1, []func(*Game){steps(1), steps(2), steps(1), steps(7), steps(30)}},
		{"contours-off", "", 1, []func(*Game){steps(4), toggle(ui.ActContours)}},
		{"ellipses-off", growing, 1, []func(*Game){steps(4), toggle(ui.ActEllipses)}},
		{"trials-off", growing, 1, []func(*Game){steps(4), toggle(ui.ActTrials)}},
		{"surface", "", 1, []func(*Game){steps(4), func(g *Game) { g.do(ui.ActPickSurface, 1) }}},
		{"panel-added", "", 1, []func(*Game){steps(4), toggle(ui.ActAddPanel)}},
	} {
		checkLayers(t, c, func(g *Game, img *ebiten.Image, draw bool) {})
	}
}

// TestNetworkLayersFollowTheirDependencies: the same for a network
// scenario, everything computed (the edge-of-stability preset after 120
// iterations), after more iterations, with the slice along the principal
// components, and with its contours hidden.
func TestNetworkLayersFollowTheirDependencies(t *testing.T) {
	stepped := func(n int) func(g *Game) {
		return func(g *Game) {
			for range n {
				g.st.StepAll()
			}
		}
	}
	// The game that draws computes within each frame's budget, so that
	// it draws the steps in between (new rows before their sharpness,
	// a coarse slice before a fine one); the other at once.
	settled := func(g *Game, img *ebiten.Image, draw bool) {
		extra := 250 * time.Millisecond
		if draw {
			extra = 0
		} else {
			img = nil
		}
		if !settle(g, img, 5000, extra) {
			t.Fatal("not settled")
		}
	}
	for _, c := range []layerCase{
		{"net-steps", eosLink, 1, []func(*Game){stepped(120), stepped(20)}},
		{"net-plane", eosLink, 1, []func(*Game){stepped(120), func(g *Game) { g.do(ui.ActPlane, 0) }}},
		{"net-contours", eosLink, 1, []func(*Game){stepped(120), func(g *Game) { g.do(ui.ActContours, 0) }}},
	} {
		checkLayers(t, c, settled)
	}
}

// checkLayers plays case c twice, drawing every frame and drawing only at
// the end, and compares the last frames; after each change, settle brings
// the game to where everything is computed (drawing when draw). With
// CURVLAB_SHOTS=dir it saves both frames.
func checkLayers(t *testing.T, c layerCase, settle func(g *Game, img *ebiten.Image, draw bool)) {
	t.Helper()
	w, h := int(1600*c.scale), int(900*c.scale)
	var pix [2][]byte
	var before []byte // the drawing game's frame before the last change
	for m, drawing := range []bool{true, false} {
		g := New("#"+c.link, nil)
		g.w, g.h, g.scale = float64(w), float64(h), c.scale
		var img *ebiten.Image
		frame := func(f func()) {
			onFrames(1, func() {
				if f != nil {
					f() // Update may run more than once a frame: once
					f = nil
				}
				g.Update()
			}, func(*ebiten.Image) {
				if drawing {
					g.Draw(img)
				}
			})
		}
		onFrames(1, func() { img = ebiten.NewImage(w, h) }, nil)
		frame(nil)
		for i, act := range c.acts {
			if drawing && i == len(c.acts)-1 {
				before = readScreen(g, img)
			}
			frame(func() { act(g) })
			settle(g, img, drawing)
		}
		// Enough frames for the longest trail (surface.TrailPointsPerFrame a
		// frame) and for the text layer (drawn once the text is steady).
		rows := 0
		for _, r := range g.st.Runs {
			rows = max(rows, len(r.Trace))
		}
		for range rows/surface.TrailPointsPerFrame + 3 {
			onFrames(1, func() { g.Update() }, func(*ebiten.Image) { g.Draw(img) })
		}
		pix[m] = readScreen(g, img)
		if dir := os.Getenv("CURVLAB_SHOTS"); dir != "" {
			name := c.name + []string{"-drawn", "-fresh"}[m] + ".png"
			if f, err := os.Create(filepath.Join(dir, "app-"+name)); err == nil {
				png.Encode(f, &image.RGBA{Pix: pix[m], Stride: 4 * w, Rect: image.Rect(0, 0, w, h)})
				f.Close()
			}
		}
	}
	// A path drawn over several frames blends its anti-aliased edges a
	// little differently from one drawn at once, in a few dozen pixels; a
	// stale layer changes thousands.
	if bad, worst := differingBy(pix[0], pix[1], 24); bad > 60 {
		t.Errorf("%s: %d pixels of the game that drew every frame differ by more than 24 from one that drew only at the end (worst %d)", c.name, bad, worst)
	}
	if before != nil {
		if bad, _ := differingBy(before, pix[0], 24); bad < 100 {
			t.Errorf("%s: the last change changed only %d pixels: the case tests nothing", c.name, bad)
		}
	}
}

// readScreen draws g onto img in a frame and returns its pixels.
func readScreen(g *Game, img *ebiten.Image) []byte {
	b := img.Bounds()
	pix := make([]byte, 4*b.Dx()*b.Dy())
	onFrames(1, func() { g.Update() }, func(*ebiten.Image) {
		g.Draw(img)
		img.ReadPixels(pix)
	})
	return pix
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
