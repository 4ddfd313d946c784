package app

import (
	"math"
	"strings"
	"testing"
	"time"

	"curvlab/app/ui"
	"curvlab/internal/scenetest"
	"curvlab/render"
	"curvlab/sim"
	"curvlab/sim/la"
	"curvlab/sim/nn"
	"curvlab/sim/scenario"
	"curvlab/sim/surfaces"

	"github.com/hajimehoshi/ebiten/v2"
	"gonum.org/v1/gonum/mat"
)

const eosLink = "v1;net=tanh:8,8;d=circle;m=gd:lr=0.35;m=gd:lr=0.3;n=3000;t=0"

// settle runs frames until the network view has nothing left to compute
// (every tracker, decision map and spectrum current, the slice complete),
// at most limit frames, and reports whether it got there. With extra > 0
// each frame also computes for that long beyond the frame's budget, to
// get there in fewer (slow, software-rendered) frames. The frames draw g
// onto img, or nothing when img is nil.
func settle(g *Game, img *ebiten.Image, limit int, extra time.Duration) bool {
	ok := false
	for i := 0; i < limit && !ok; i++ {
		onFrames(1, func() {
			g.Update()
			if extra > 0 {
				g.network.netUpdate(g.lay.panels, time.Now().Add(extra))
			}
		}, func(*ebiten.Image) {
			if img != nil {
				g.Draw(img)
			}
		})
		ok = g.netSettled()
	}
	return ok
}

// netSettled reports whether everything a network scenario draws is
// computed for the runs' current rows.
func (g *Game) netSettled() bool {
	nv := g.network
	if !nv.slice.complete() {
		return false
	}
	for k, r := range g.st.Runs {
		row := len(r.Trace) - 1
		pc := &nv.panels[k]
		if !pc.mapRow.Is(row) || !pc.specRow.Is(row) || len(g.st.Trackers[k].Sharpness) != len(r.Trace) {
			return false
		}
	}
	return true
}

// TestEdgeOfStabilityScreen runs the edge-of-stability preset for 300
// iterations and saves a picture of it (with CURVLAB_SHOTS=dir).
func TestEdgeOfStabilityScreen(t *testing.T) {
	g, img, _ := steppedGame(t, "#"+eosLink, 300)
	if g.st.Notice != "" {
		t.Fatal(g.st.Notice)
	}
	scenetest.SaveShot(t, img, "eos")
}

// steppedGame opens link, takes steps steps and runs frames until
// everything is computed; it returns the game, its image and freshMLP.
func steppedGame(t *testing.T, link string, steps int) (*Game, *ebiten.Image, *nn.MLP) {
	return steppedGameSized(t, link, steps, 1600, 900)
}

func steppedGameSized(t *testing.T, link string, steps, w, h int) (*Game, *ebiten.Image, *nn.MLP) {
	t.Helper()
	g, img := newTestGame(t, link, w, h)
	for i := 0; i < steps; i++ {
		g.st.StepAll()
	}
	if !settle(g, img, 5000, 250*time.Millisecond) {
		t.Fatalf("%s: not settled after 5000 frames", link)
	}
	return g, img, freshMLP(t, g)
}

// freshMLP returns a network of g's problem on its training points, with a
// workspace of its own: an oracle independent of the app's caches.
func freshMLP(t *testing.T, g *Game) *nn.MLP {
	t.Helper()
	p := g.st.Scen.NetProblem()
	m, err := nn.NewMLP(p.Net.Arch(), &p.Train)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// A network link opens without a notice, with one panel per method, and
// the browser hook returns one loss per iterate.
func TestNetworkLinkOpens(t *testing.T) {
	for _, c := range []struct {
		link   string
		panels int
	}{
		{eosLink, 2},
		{"v1;net=relu:4,loss=ce;d=xor:n=60;m=gd:lr=0.5;m=newton;m=bfgs;m=adam;n=50", 4},
		{"v1;net=sigmoid:3,3,3;d=spiral:n=40,noise=0;m=sr1;u=op", 1},
	} {
		g, _ := newTestGame(t, "#"+c.link, 1600, 900)
		if g.st.Notice != "" {
			t.Errorf("%s: notice %q", c.link, g.st.Notice)
		}
		if g.Panels() != c.panels || len(g.lay.panels) != c.panels {
			t.Errorf("%s: %d runs, %d panels drawn, want %d", c.link, g.Panels(), len(g.lay.panels), c.panels)
		}
		if got := g.st.Scen.Encode(); got != c.link {
			t.Errorf("opened %q, encodes as %q", c.link, got)
		}
		rows := g.IterateRows(0)
		if len(rows) != 1 || len(rows[0]) != 1 || rows[0][0] != g.st.Runs[0].Trace[0].F {
			t.Errorf("%s: IterateRows(0) = %v", c.link, rows)
		}
	}
}

// The sharpness a panel shows is the largest eigenvalue of the exact
// Hessian at the panel's current weights (dense eigen-decomposition by
// gonum), and so is the top of its spectrum; λ_min and the trace agree too.
func TestNetworkSharpnessIsExact(t *testing.T) {
	g, _, m := steppedGame(t, "#v1;net=tanh:8,8;d=circle;m=gd:lr=0.35;m=newton;m=bfgs;n=400;t=0", 40)
	n := m.Dim()
	h := make([]float64, n*n)
	for k, r := range g.st.Runs {
		row := len(r.Trace) - 1
		m.Hess(h, r.Row(row).X)
		tr := nn.Trace(h, n)
		var es mat.EigenSym
		if !es.Factorize(mat.NewSymDense(n, h), false) {
			t.Fatal("gonum's EigenSym failed")
		}
		vals := es.Values(nil)
		want := vals[n-1]
		shown := g.st.Sharpness(k, row)
		if math.Abs(shown-want) > 1e-6*math.Abs(want) {
			t.Errorf("panel %d at iter %d: sharpness %.12g, dense λmax %.12g", k+1, row, shown, want)
		}
		pc := &g.network.panels[k]
		if e := pc.eig; math.Abs(e[n-1]-want) > 1e-9*math.Abs(want) || math.Abs(e[0]-vals[0]) > 1e-9*math.Abs(want) {
			t.Errorf("panel %d: spectrum [%v … %v], gonum [%v … %v]", k+1, e[0], e[n-1], vals[0], want)
		}
		if math.Abs(pc.trace-tr) > 1e-12*math.Abs(tr) {
			t.Errorf("panel %d: trace %v, want %v", k+1, pc.trace, tr)
		}
		if !strings.Contains(pc.lines[2], "λmax "+ui.Num(want)) {
			t.Errorf("panel %d readout %q does not show λmax %s", k+1, pc.lines[2], ui.Num(want))
		}
	}
}

// Each decision map cell holds the network's output at the cell's centre
// for the panel's current weights.
func TestDecisionMapIsTheOutput(t *testing.T) {
	g, _, m := steppedGame(t, "#v1;net=relu:6,loss=ce;d=gaussians:n=100,noise=0.3;m=gd:lr=0.5;m=newton;n=30", 7)
	for k, r := range g.st.Runs {
		pc := &g.network.panels[k]
		x := r.Last().X
		gr := pc.grid
		if !pc.mapRow.Is(len(r.Trace)-1) || gr.W < 32 || gr.H < 32 || len(pc.vals) != gr.W*gr.H {
			t.Fatalf("panel %d: map of row %v (of %d), %d×%d cells", k+1, pc.mapRow, len(r.Trace), gr.W, gr.H)
		}
		lo, hi := 1.0, 0.0
		for j := 0; j < gr.H; j++ {
			for i := 0; i < gr.W; i++ {
				want := m.Output(x, gr.X(i), gr.Y(j))
				if got := pc.vals[j*gr.W+i]; got != want {
					t.Fatalf("panel %d cell (%d, %d): %v, Output %v", k+1, i, j, got, want)
				}
				lo, hi = math.Min(lo, want), math.Max(hi, want)
			}
		}
		if !(lo < 0.5 && hi > 0.5) || len(pc.boundary.Level(0)) == 0 {
			t.Errorf("panel %d: outputs in [%v, %v], %d boundary numbers: no boundary drawn", k+1, lo, hi, len(pc.boundary.Level(0)))
		}
		// the map covers what the panel shows
		v := g.network.panelView(g.lay.panels[k].Plot)
		if gr.XMin != v.XMin || gr.XMax != v.XMax || gr.YMin != v.YMin || gr.YMax != v.YMax {
			t.Errorf("panel %d: map over %+v, panel shows %+v", k+1, gr, v)
		}
	}
}

// The loss slice ends fully computed, each cell holding the training loss
// at its point of the plane, for both kinds of plane; the paths are
// projected onto it.
func TestLossSliceIsComputed(t *testing.T) {
	g, img := newTestGame(t, "#"+eosLink, 1600, 900)
	for i := 0; i < 60; i++ {
		g.st.StepAll()
	}
	m := freshMLP(t, g)
	check := func(what string) {
		if !settle(g, img, 5000, 0) { // real frames, with their budget
			t.Fatalf("%s: not complete after 5000 frames (level %d)", what, g.network.slice.cells.Level())
		}
		sl := &g.network.slice
		pl, cells := &sl.plane, &sl.cells
		for j := 0; j < nn.SliceN; j++ {
			for i := 0; i < nn.SliceN; i++ {
				x := make([]float64, len(pl.Origin))
				a, b := sl.grid.X(i), sl.grid.Y(j)
				for k := range x {
					x[k] = pl.Origin[k] + a*pl.U[k] + b*pl.V[k]
				}
				if got, want := cells.Vals[j*nn.SliceN+i], m.Func(x); got != want || cells.Disp[j*nn.SliceN+i] != want {
					t.Fatalf("%s: cell (%d, %d): %v (shown %v), loss %v", what, i, j, got, cells.Disp[j*nn.SliceN+i], want)
				}
			}
		}
		if math.Abs(dotv(pl.U, pl.V)) > 1e-9 || math.Abs(dotv(pl.U, pl.U)-1) > 1e-9 || math.Abs(dotv(pl.V, pl.V)-1) > 1e-9 {
			t.Errorf("%s: the directions are not orthonormal", what)
		}
		// one point per row the trace keeps, each the projection of its
		// weights
		for k, r := range g.st.Runs {
			pts, kept := sl.paths[k].Pts, r.Kept()
			if len(pts) != 2*len(kept) {
				t.Fatalf("%s: panel %d: %d projected numbers for %d kept rows", what, k+1, len(pts), len(kept))
			}
			for i, row := range kept {
				x := r.X(row)
				var a, b float64
				for j := range x {
					a += pl.U[j] * (x[j] - pl.Origin[j])
					b += pl.V[j] * (x[j] - pl.Origin[j])
				}
				if math.Abs(pts[2*i]-a) > 1e-12*(1+math.Abs(a)) || math.Abs(pts[2*i+1]-b) > 1e-12*(1+math.Abs(b)) {
					t.Errorf("%s: panel %d: row %d projected at (%v, %v), want (%v, %v)", what, k+1, row, pts[2*i], pts[2*i+1], a, b)
				}
			}
		}
	}
	check("Hessian plane")
	if g.network.slice.kind != planeHessian || g.network.slice.plane.Lam[0] < g.network.slice.plane.Lam[1] {
		t.Errorf("plane %v with eigenvalues %v", g.network.slice.kind, g.network.slice.plane.Lam)
	}
	g.do(ui.ActPlane, 0)
	if !strings.Contains(g.st.Scen.UI, "p") {
		t.Errorf("the plane is not in the link's UI flags: %q", g.st.Scen.UI)
	}
	check("PCA plane")
	if g.network.slice.kind != planePCA {
		t.Errorf("PCA plane not fitted")
	}
}

func dotv(a, b []float64) float64 {
	var s float64
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

// The edge-of-stability preset opens from the presets menu and plays.
func TestEdgeOfStabilityFromMenu(t *testing.T) {
	g, img := newTestGame(t, "", 1600, 900)
	idx := -1
	for i, p := range scenario.Presets() {
		if p.Name == "edge-of-stability" {
			idx = i
		}
	}
	if idx < 0 {
		t.Fatal("no edge-of-stability preset")
	}
	g.do(ui.ActPresetMenu, 0)
	g.do(ui.ActPickPreset, idx)
	_, want, _ := scenario.LookupPreset("edge-of-stability")
	if g.st.Notice != "" || g.st.Scen.Net == nil || g.st.Scen.Encode() != want.Encode() || g.popup.kind != popNone {
		t.Fatalf("notice %q, scenario %q, popup %v", g.st.Notice, g.st.Scen.Encode(), g.popup.kind)
	}
	g.do(ui.ActPlay, 0)
	onFrames(10, func() { g.Update() }, func(*ebiten.Image) { g.Draw(img) })
	if r := g.st.Runs[0]; len(r.Trace) < 2 || len(g.st.Trackers[0].Sharpness) != len(r.Trace) {
		t.Errorf("after 10 playing frames: %d rows, %d sharpness values", len(r.Trace), len(g.st.Trackers[0].Sharpness))
	}
	// G plays to the end without running it all in one frame
	g.do(ui.ActToEnd, 0)
	onFrames(2, func() { g.Update() }, func(*ebiten.Image) { g.Draw(img) })
	if !g.st.Playing || g.st.Done() {
		t.Errorf("G on a network: playing %v, done %v", g.st.Playing, g.st.Done())
	}
}

// Things that do not apply to networks do nothing: clicking, dragging and
// zooming a panel, the overlay and view toggles; the surface picker and the
// network editor switch between the two kinds of scenario.
func TestNetworkInputs(t *testing.T) {
	g, img := newTestGame(t, "#"+eosLink, 1600, 900)
	link := g.st.Scen.Encode()
	pr := g.lay.panels[0].Plot
	g.ptr.X, g.ptr.Y = pr.X+pr.W/2, pr.Y+pr.H/2
	g.ptr.Press()
	g.press()
	g.ptr.Down, g.ptr.Released = false, true
	g.release()
	g.zoomAt(0, 2, pr.X+10, pr.Y+10)
	for _, a := range []ui.Action{ui.ActOverlay, ui.ActEllipses, ui.ActTrials, ui.ActResetView, ui.ActZoomIn, ui.ActHelp, ui.ActClose} {
		g.do(a, 0)
	}
	onFrames(2, func() { g.Update() }, func(*ebiten.Image) { g.Draw(img) })
	if got := g.st.Scen.Encode(); !strings.HasPrefix(got, link) { // only UI flags may be added
		t.Errorf("inputs changed the scenario: %q → %q", link, got)
	}
	if len(g.st.Scen.Start) != len(g.st.Scen.NetProblem().Init) || g.st.Scen.View != nil {
		t.Errorf("start of %d numbers, view %v", len(g.st.Scen.Start), g.st.Scen.View)
	}

	// a gradient-descent panel's step-size slider marks 2/λmax at the start
	g.do(ui.ActEditPanel, 0)
	if mv, _ := g.stabilityMark("lr"); math.Abs(mv-2/g.st.Sharpness(0, 0)) > 1e-12 || !(mv > 0) {
		t.Errorf("the lr slider marks %v, want 2/λmax = %v", mv, 2/g.st.Sharpness(0, 0))
	}
	g.do(ui.ActClose, 0)

	// the network editor: a narrower second layer
	g.do(ui.ActNetMenu, 0)
	onFrames(1, func() { g.Update() }, func(*ebiten.Image) { g.Draw(img) })
	if g.popup.kind != popNet {
		t.Fatal("N did not open the network editor")
	}
	g.setParam(ui.Target{Owner: ui.OwnerScene, Index: 4}, 3) // width 2
	if !strings.Contains(g.st.Scen.Encode(), "net=tanh:8,3;") || len(g.st.Runs[0].Row(0).X) != 2*8+8+8*3+3+3+1 {
		t.Errorf("width 2 = 3 gave %q", g.st.Scen.Encode())
	}
	g.popup.Focus = 3 // layers
	g.adjustRow(3, 1)
	if !strings.Contains(g.st.Scen.Encode(), "net=tanh:8,3,3;") {
		t.Errorf("a third layer gave %q", g.st.Scen.Encode())
	}
	onFrames(2, func() { g.Update() }, func(*ebiten.Image) { g.Draw(img) })

	// back to a surface, and to a network again through the picker
	kinds := surfaces.Kinds()
	g.do(ui.ActSurfaceMenu, 0)
	g.do(ui.ActPickSurface, 0)
	onFrames(2, func() { g.Update() }, func(*ebiten.Image) { g.Draw(img) })
	if g.st.Scen.Net != nil || g.st.Scen.SurfaceKind != kinds[0] || len(g.st.Scen.Start) != 2 {
		t.Fatalf("picking %s gave %q", kinds[0].Name, g.st.Scen.Encode())
	}
	g.do(ui.ActPickSurface, len(kinds))
	onFrames(2, func() { g.Update() }, func(*ebiten.Image) { g.Draw(img) })
	if g.st.Scen.Net == nil || g.popup.kind != popNet || g.st.Notice != "" {
		t.Errorf("picking the network gave %q, popup %v, notice %q", g.st.Scen.Encode(), g.popup.kind, g.st.Notice)
	}
}

// TestSteadyNetworkFrameAllocatesNothing: once everything is computed, a
// paused frame of a network scenario allocates nothing.
func TestSteadyNetworkFrameAllocatesNothing(t *testing.T) {
	g, img, _ := steppedGame(t, "#v1;net=tanh:8,8;d=circle:n=120;m=gd:lr=0.35;m=newton;m=sr1;m=bfgs;n=300;t=0", 30)
	frame := func() { g.Update() }
	draw := func(*ebiten.Image) { g.Draw(img) }
	onFrames(5, frame, draw)
	if n, where := ownAllocs(30, frame, draw); n > 0 {
		t.Errorf("30 steady frames allocated %d heap objects in curvlab's code (most in %s)", n, where)
	}
}

// TestNetworkScreens draws network scenarios in several states and sizes
// (saved with CURVLAB_SHOTS=dir) and checks they open without a notice.
func TestNetworkScreens(t *testing.T) {
	for _, c := range []struct {
		name, link string
		w, h       int
		steps      int
		acts       []ui.Action
	}{
		{"net-editor", eosLink, 1600, 900, 5, []ui.Action{ui.ActNetMenu}},
		{"net-picker", eosLink, 1600, 900, 5, []ui.Action{ui.ActSurfaceMenu}},
		{"net-help", eosLink, 1600, 900, 5, []ui.Action{ui.ActHelp}},
		{"net-four", "v1;net=relu:6,6,loss=ce;d=spiral:n=300,noise=0.05;m=gd:lr=1;m=newton-lm;m=bfgs;m=adam:lr=0.05;n=400;u=p", 1600, 900, 150, nil},
		{"net-portrait", eosLink, 800, 1200, 200, nil},
		{"net-small", eosLink, 1280, 720, 200, nil},
	} {
		g, img, _ := steppedGameSized(t, "#"+c.link, c.steps, c.w, c.h)
		for _, a := range c.acts {
			g.do(a, 0)
		}
		onFrames(2, func() { g.Update() }, func(*ebiten.Image) { g.Draw(img) })
		if g.st.Notice != "" {
			t.Errorf("%s: notice %q", c.name, g.st.Notice)
		}
		scenetest.SaveShot(t, img, c.name)
	}
}

// BenchmarkNetworkFrame times frames of the edge-of-stability preset after
// 300 iterations with everything computed, paused and playing at 50
// iterations a second: the Go side of a frame (Update, Draw) as metrics,
// ns/op is the whole frame including the (software) rendering. Run with
//
//	xvfb-run -a go test -run '^$' -bench NetworkFrame ./app/
func BenchmarkNetworkFrame(b *testing.B) {
	for _, playing := range []bool{false, true} {
		name := "paused"
		if playing {
			name = "playing"
		}
		b.Run(name, func(b *testing.B) {
			g := New("#"+eosLink, nil)
			g.w, g.h, g.scale = 1600, 900, 1
			var img *ebiten.Image
			onFrames(1, func() { img = ebiten.NewImage(1600, 900) }, nil)
			for i := 0; i < 300; i++ {
				g.st.StepAll()
			}
			settle(g, img, 5000, 250*time.Millisecond)
			if playing {
				g.st.Flags.Speed = 5 // 50 iterations a second
				g.do(ui.ActPlay, 0)
			}
			var ft frameTimes
			b.ResetTimer()
			ft.frames(g, img, b.N)
			ft.report(b)
		})
	}
}

// Odd networks draw without trouble: a run that diverges (NaN weights), a
// one-unit network (whose curvature the trace keeps), the fewest points,
// Newton's method on a network.
func TestOddNetworks(t *testing.T) {
	for _, link := range []string{
		"v1;net=tanh:8,8;d=circle;m=gd:lr=50;m=gd:lr=1e-6;n=40;t=0",
		"v1;net=relu:1;d=xor:n=8,noise=0;m=newton;m=sr1;m=gd:lr=0.1;n=30",
		"v1;net=sigmoid:2,loss=ce;d=gaussians:n=8,noise=1,seed=7;m=newton-sf;m=tr-dogleg;n=20;u=p",
	} {
		g, img, _ := steppedGame(t, "#"+link, 40)
		if g.st.Notice != "" {
			t.Errorf("%s: notice %q", link, g.st.Notice)
		}
		g.do(ui.ActHelp, 0)
		g.do(ui.ActToEnd, 0)
		onFrames(3, func() { g.Update() }, func(*ebiten.Image) { g.Draw(img) })
		for k, r := range g.st.Runs {
			s := r.Last()
			if !la.IsFinite(s.X) && s.Events&sim.EventDiverged == 0 {
				t.Errorf("%s: panel %d has weights that are not numbers and no divergence event", link, k+1)
			}
			if strings.Contains(g.network.panels[k].lines[0], "NaN") || strings.Contains(g.network.panels[k].lines[2], "NaN") {
				t.Errorf("%s: panel %d shows NaN: %q", link, k+1, g.network.panels[k].lines)
			}
		}
	}
}

// The browser may draw a frame before the first Update: a network link's
// first Draw must cope, and the decision map follows.
func TestNetworkDrawBeforeUpdate(t *testing.T) {
	g := New("#"+eosLink, nil)
	g.w, g.h, g.scale = 1600, 900, 1
	onFrames(1, nil, func(*ebiten.Image) {
		img := ebiten.NewImage(1600, 900)
		g.Draw(img)
	})
	if g.network.prob == nil {
		t.Errorf("the first Draw left the network view unset")
	}
	// The engine's decision map of row 0 comes with the next frames.
	onFrames(3, func() { g.Update() }, func(*ebiten.Image) { g.Draw(ebiten.NewImage(1600, 900)) })
	if !g.network.panels[0].mapRow.Is(0) {
		t.Errorf("no decision map of row 0 after three frames (row %v)", g.network.panels[0].mapRow)
	}
}

// No text of a network screen runs out of its box, at any window size:
// the readouts fit their panels and the slice's texts its plot.
func TestNetworkTextsFit(t *testing.T) {
	for _, sz := range [][2]int{{1600, 900}, {1280, 720}, {1024, 768}, {800, 1200}} {
		for _, link := range []string{eosLink, "v1;net=relu:6,6,loss=ce;d=spiral;m=gd:lr=1;m=newton-lm;m=bfgs;m=adam:lr=0.05;n=400"} {
			g, img, _ := steppedGameSized(t, "#"+link, 3, sz[0], sz[1])
			onFrames(1, func() { g.Update() }, func(*ebiten.Image) { g.Draw(img) })
			l := &g.c.M
			for k := range g.st.Runs {
				r := g.lay.panels[k].Readout
				for _, s := range g.network.panels[k].lines {
					if w := render.TextWidth(render.Mono, s, l.Read); w > r.W-8*l.U {
						t.Errorf("%v %d panels: readout %q is %.0f px wide in %.0f", sz, len(g.st.Runs), s, w, r.W)
					}
				}
			}
			np := &g.network.plots
			sr := g.network.rects.slice
			for _, s := range []string{np.sliceTitle, np.sliceNote} {
				if w := render.TextWidth(render.Sans, s, l.Small); w > sr.W-8*l.U {
					t.Errorf("%v: slice text %q is %.0f px wide in %.0f", sz, s, w, sr.W)
				}
			}
		}
	}
}
