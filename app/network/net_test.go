package network

import (
	"curvlab/app/ui"
	"curvlab/internal/gameloop"
	"curvlab/internal/scenetest"
	"curvlab/render"
	"curvlab/sim"
	"curvlab/sim/la"
	"curvlab/sim/nn"
	"math"
	"strings"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"
	"gonum.org/v1/gonum/mat"
)

// The sharpness a panel shows is the largest eigenvalue of the exact
// Hessian at the panel's current weights (dense eigen-decomposition by
// gonum), and so is the top of its spectrum; λ_min and the trace agree too.
func TestNetworkSharpnessIsExact(t *testing.T) {
	g, m := steppedRig(t, "#v1;net=tanh:8,8;d=circle;m=gd:lr=0.35;m=newton;m=bfgs;n=400;t=0", 40)
	n := m.Dim()
	h := make([]float64, n*n)
	for k, r := range g.St.Runs {
		row := len(r.Trace) - 1
		m.Hess(h, r.Row(row).X)
		tr := nn.Trace(h, n)
		var es mat.EigenSym
		if !es.Factorize(mat.NewSymDense(n, h), false) {
			t.Fatal("gonum's EigenSym failed")
		}
		vals := es.Values(nil)
		want := vals[n-1]
		shown := g.St.Sharpness(k, row)
		if math.Abs(shown-want) > 1e-6*math.Abs(want) {
			t.Errorf("panel %d at iter %d: sharpness %.12g, dense λmax %.12g", k+1, row, shown, want)
		}
		pc := &g.Scene.panels[k]
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
	g, m := steppedRig(t, "#v1;net=relu:6,loss=ce;d=gaussians:n=100,noise=0.3;m=gd:lr=0.5;m=newton;n=30", 7)
	for k, r := range g.St.Runs {
		pc := &g.Scene.panels[k]
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
		v := g.Scene.panelView(g.Panels[k].Plot)
		if gr.XMin != v.XMin || gr.XMax != v.XMax || gr.YMin != v.YMin || gr.YMax != v.YMax {
			t.Errorf("panel %d: map over %+v, panel shows %+v", k+1, gr, v)
		}
	}
}

// The loss slice ends fully computed, each cell holding the training loss
// at its point of the plane, for both kinds of plane; the paths are
// projected onto it.
func TestLossSliceIsComputed(t *testing.T) {
	g := newRig(t, "#"+eosLink, 1600, 900)
	for i := 0; i < 60; i++ {
		g.St.StepAll()
	}
	m := scenetest.TrainMLP(t, g.St.Scen)
	check := func(what string) {
		if !settle(g, true, 5000, 0) { // real frames, with their budget
			t.Fatalf("%s: not complete after 5000 frames (level %d)", what, g.Scene.slice.cells.Level())
		}
		sl := &g.Scene.slice
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
		for k, r := range g.St.Runs {
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
	if g.Scene.slice.kind != planeHessian || g.Scene.slice.plane.Lam[0] < g.Scene.slice.plane.Lam[1] {
		t.Errorf("plane %v with eigenvalues %v", g.Scene.slice.kind, g.Scene.slice.plane.Lam)
	}
	f := g.St.Flags
	f.PCA = true
	g.St.SetFlags(f)
	if !strings.Contains(g.St.Scen.UI, "p") {
		t.Errorf("the plane is not in the link's UI flags: %q", g.St.Scen.UI)
	}
	check("PCA plane")
	if g.Scene.slice.kind != planePCA {
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

// TestSteadyNetworkFrameAllocatesNothing: once everything is computed, a
// paused frame of a network scenario allocates nothing.
func TestSteadyNetworkFrameAllocatesNothing(t *testing.T) {
	g, _ := steppedRig(t, "#v1;net=tanh:8,8;d=circle:n=120;m=gd:lr=0.35;m=newton;m=sr1;m=bfgs;n=300;t=0", 30)
	draw := func(*ebiten.Image) { g.Draw(g.Img) }
	gameloop.OnFrames(5, g.Update, draw)
	if n, where := gameloop.OwnAllocs(30, g.Update, draw); n > 0 {
		t.Errorf("30 steady frames allocated %d heap objects in curvlab's code (most in %s)", n, where)
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
		g, _ := steppedRig(t, "#"+link, 40)
		if g.St.Notice != "" {
			t.Errorf("%s: notice %q", link, g.St.Notice)
		}
		for !g.St.Done() {
			g.St.StepAll()
		}
		g.Frames(3)
		for k, r := range g.St.Runs {
			s := r.Last()
			if !la.IsFinite(s.X) && s.Events&sim.EventDiverged == 0 {
				t.Errorf("%s: panel %d has weights that are not numbers and no divergence event", link, k+1)
			}
			for _, l := range g.Scene.Now(&s) { // help's lines on the run's last row
				if strings.Contains(l, "NaN") {
					t.Errorf("%s: panel %d: help says %q", link, k+1, l)
				}
			}
			if strings.Contains(g.Scene.panels[k].lines[0], "NaN") || strings.Contains(g.Scene.panels[k].lines[2], "NaN") {
				t.Errorf("%s: panel %d shows NaN: %q", link, k+1, g.Scene.panels[k].lines)
			}
		}
	}
}

// The browser may draw a frame before the first Update: a network link's
// first Draw must cope, and the decision map follows.
func TestNetworkDrawBeforeUpdate(t *testing.T) {
	g := scenetest.Open(t, "#"+eosLink, 1600, 900, 1, New)
	gameloop.OnFrames(1, nil, func(*ebiten.Image) { g.Draw(g.Img) })
	if g.Scene.prob == nil {
		t.Errorf("the first Draw left the network view unset")
	}
	// The engine's decision map of row 0 comes with the next frames.
	g.Frames(3)
	if !g.Scene.panels[0].mapRow.Is(0) {
		t.Errorf("no decision map of row 0 after three frames (row %v)", g.Scene.panels[0].mapRow)
	}
}

// No text of a network screen runs out of its box, at any window size:
// the readouts fit their panels and the slice's texts its plot.
func TestNetworkTextsFit(t *testing.T) {
	for _, sz := range [][2]int{{1600, 900}, {1280, 720}, {1024, 768}, {800, 1200}} {
		for _, link := range []string{eosLink, "v1;net=relu:6,6,loss=ce;d=spiral;m=gd:lr=1;m=newton-lm;m=bfgs;m=adam:lr=0.05;n=400"} {
			g, _ := steppedRigSized(t, "#"+link, 3, sz[0], sz[1])
			g.Frames(1)
			l := &g.C.M
			for k := range g.St.Runs {
				r := g.Panels[k].Readout
				for _, s := range g.Scene.panels[k].lines {
					if w := render.TextWidth(render.Mono, s, l.Read); w > r.W-8*l.U {
						t.Errorf("%v %d panels: readout %q is %.0f px wide in %.0f", sz, len(g.St.Runs), s, w, r.W)
					}
				}
			}
			np := &g.Scene.plots
			sr := g.Scene.rects.slice
			for _, s := range []string{np.sliceTitle, np.sliceNote} {
				if w := render.TextWidth(render.Sans, s, l.Small); w > sr.W-8*l.U {
					t.Errorf("%v: slice text %q is %.0f px wide in %.0f", sz, s, w, sr.W)
				}
			}
		}
	}
}
