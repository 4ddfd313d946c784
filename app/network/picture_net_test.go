package network

import (
	"image/color"
	"math"
	"slices"
	"strings"
	"testing"

	"curvlab/app/ui"
	"curvlab/internal/scenetest"
	"curvlab/sim"
	"curvlab/sim/nn"
)

// plottedSharpness returns the values the sharpness plot is given for
// panel k's run (the line in the panel's colour against the iteration)
// and the level of its 2/η line (NaN if none).
func plottedSharpness(t *testing.T, g *scenetest.Rig[*Scene], k int) (ys []float64, eta2 float64) {
	t.Helper()
	eta2 = math.NaN()
	found := false
	for _, s := range g.Scene.plots.sharp.Series {
		switch {
		case s.X == nil && s.Color == ui.PanelColors[k]:
			if found {
				t.Fatalf("panel %d: two sharpness lines in its colour", k+1)
			}
			ys, found = s.Y, true
		case s.X != nil && sameHue(s.Color, ui.PanelColors[k]):
			if !math.IsNaN(eta2) || len(s.Y) == 0 || s.Y[len(s.Y)-1] != s.Y[0] {
				t.Fatalf("panel %d: thin lines %v", k+1, s.Y)
			}
			eta2 = s.Y[0]
		}
	}
	if !found {
		t.Fatalf("panel %d: no sharpness line in the plot", k+1)
	}
	return ys, eta2
}

// sameHue reports whether the premultiplied colours a and b differ only in
// opacity.
func sameHue(a, b color.RGBA) bool {
	f := func(u, alpha uint8) float64 { return float64(u) * 255 / float64(alpha) }
	return a.A > 0 && b.A > 0 &&
		math.Abs(f(a.R, a.A)-f(b.R, b.A)) < 2 && math.Abs(f(a.G, a.A)-f(b.G, b.A)) < 2 && math.Abs(f(a.B, a.A)-f(b.B, b.A)) < 2
}

// checkLossPlot checks that the loss plot is given, for panel k, the
// training loss (bright, in the panel's colour) and the test loss (faint)
// at every iterate of r (the panel's run, recomputed), evaluated afresh by
// train and test.
func checkLossPlot(t *testing.T, g *scenetest.Rig[*Scene], k int, r *sim.Run, train, test *nn.MLP) {
	t.Helper()
	var trainY, testY []float64
	for _, s := range g.Scene.plots.loss.Series {
		switch {
		case s.Color == ui.PanelColors[k]:
			trainY = s.Y
		case s.Color != ui.PanelColors[k] && sameHue(s.Color, ui.PanelColors[k]) && !startsNaN(s.Y):
			testY = s.Y // (a batch's loss, which row 0 has none of, is batchLossPlotted's)
		}
	}
	if len(trainY) != len(r.Trace) || len(testY) != len(r.Trace) {
		t.Fatalf("panel %d: %d training and %d test losses plotted for %d iterates", k+1, len(trainY), len(testY), len(r.Trace))
	}
	for row := range r.Trace {
		x := r.X(row)
		if x == nil {
			continue // a row whose weights the trace no longer keeps
		}
		if a, b := trainY[row], train.Func(x); !(math.Abs(a-b) <= 1e-12*math.Abs(b)) {
			t.Errorf("panel %d, iterate %d: training loss plotted %.15g, evaluated %.15g", k+1, row, a, b)
			return
		}
		if a, b := testY[row], test.Func(x); !(math.Abs(a-b) <= 1e-12*math.Abs(b)) {
			t.Errorf("panel %d, iterate %d: test loss plotted %.15g, evaluated %.15g", k+1, row, a, b)
			return
		}
	}
}

// startsNaN reports whether ys begins with NaN.
func startsNaN(ys []float64) bool { return len(ys) > 0 && math.IsNaN(ys[0]) }

// batchLossPlotted is the series in panel k's hue that the loss plot draws
// from row 1 on only: each step's batch loss (nil if none).
func batchLossPlotted(g *scenetest.Rig[*Scene], k int) []float64 {
	for _, s := range g.Scene.plots.loss.Series {
		if sameHue(s.Color, ui.PanelColors[k]) && startsNaN(s.Y) {
			return s.Y
		}
	}
	return nil
}

// TestBatchLossIsPlotted: a panel training on batches has, beneath its
// training and test loss, each step's batch loss — the run's, row for
// row, recomputed apart — while its training loss is still the loss over
// all points; a full-batch panel has no such line.
func TestBatchLossIsPlotted(t *testing.T) {
	const link, steps = "v1;net=tanh:4;d=circle:n=60;m=gd:lr=0.3,batch=6,seed=2;m=gd:lr=0.3;n=100;t=0", 20
	g, m := steppedRig(t, "#"+link, steps)
	p := g.St.Scen.NetProblem()
	test, err := nn.NewMLP(p.Net.Arch(), &p.Test)
	if err != nil {
		t.Fatal(err)
	}
	runs := scenetest.FreshRuns(g.St.Scen, steps)
	checkLossPlot(t, g, 0, runs[0], m, test)
	ys := batchLossPlotted(g, 0)
	if len(ys) != len(runs[0].Trace) {
		t.Fatalf("panel 1: %d batch losses plotted for %d iterates", len(ys), len(runs[0].Trace))
	}
	for k := 1; k < len(ys); k++ {
		if want := runs[0].Trace[k].BatchF; ys[k] != want || want == runs[0].Trace[k].F {
			t.Errorf("iterate %d: batch loss plotted %v, the run's %v (its loss over all points %v)", k, ys[k], want, runs[0].Trace[k].F)
		}
	}
	if ys := batchLossPlotted(g, 1); ys != nil {
		t.Errorf("the full-batch panel has a batch loss plotted: %v", ys)
	}
	// the readouts: the epoch (6 of 45 training points a step) on batches only
	train, _ := nn.SplitSizes(60)
	epoch := "epoch " + ui.Num(float64(6*steps)/float64(train)) + "  "
	if l := g.Scene.panels[0].lines[1]; !strings.HasPrefix(l, epoch) {
		t.Errorf("panel 1's readout %q, want it to start with %q", l, epoch)
	}
	if l := g.Scene.panels[1].lines[1]; strings.Contains(l, "epoch") {
		t.Errorf("panel 2's readout %q: full batch, no epoch", l)
	}
}

// fdHess assembles the Hessian of m at x by central differences of its
// gradient, column by column (step 1e-5: its λmax is within 1e-10 of the
// exact one on these smooth networks).
func fdHess(m *nn.MLP, x []float64) []float64 {
	n := m.Dim()
	h := make([]float64, n*n)
	gp, gm := make([]float64, n), make([]float64, n)
	xp := append([]float64(nil), x...)
	const step = 1e-5
	for j := range n {
		xp[j] = x[j] + step
		m.Grad(gp, xp)
		xp[j] = x[j] - step
		m.Grad(gm, xp)
		xp[j] = x[j]
		for i := range n {
			h[i*n+j] = (gp[i] - gm[i]) / (2 * step)
		}
	}
	return h
}

// The sharpness plot draws, for every iterate of every panel, λ_max of the
// training loss's Hessian at that iterate's weights: held against the
// dense eigenvalue (gonum) of a Hessian assembled by finite differences of
// the gradient on a tanh network, and of nn's exact Hessian on a sigmoid
// network with cross-entropy; each gradient-descent panel's thin line is
// at 2/η of the η in its link. The spectra plot's row of each panel holds
// every eigenvalue of the exact Hessian at its current weights, and the
// loss plot the training and test losses of every iterate.
func TestNetworkPlotsShowTheExactNumbers(t *testing.T) {
	for _, c := range []struct {
		link  string
		steps int
		fd    bool
		etas  []float64 // per panel, 0: no 2/η line
	}{
		{"v1;net=tanh:8,8;d=circle;m=gd:lr=0.35;m=newton;m=bfgs;n=400;t=0", 30, true, []float64{0.35, 0, 0}},
		{"v1;net=sigmoid:4,4,loss=ce;d=xor:n=60;m=gd:lr=0.5;m=sr1;n=100", 20, false, []float64{0.5, 0}},
	} {
		g, m := steppedRig(t, "#"+c.link, c.steps)
		n := m.Dim()
		h := make([]float64, n*n)
		p := g.St.Scen.NetProblem()
		test, err := nn.NewMLP(p.Net.Arch(), &p.Test)
		if err != nil {
			t.Fatal(err)
		}
		for k, r := range scenetest.FreshRuns(g.St.Scen, c.steps) {
			checkLossPlot(t, g, k, r, m, test)
			ys, eta2 := plottedSharpness(t, g, k)
			if len(ys) != len(r.Trace) {
				t.Errorf("%s, panel %d: %d sharpness values plotted for %d iterates", c.link, k+1, len(ys), len(r.Trace))
				continue
			}
			worst := 0.0
			for row := range r.Trace {
				x := r.X(row)
				if x == nil {
					continue // a row whose weights the trace no longer keeps
				}
				if c.fd {
					h = fdHess(m, x)
				} else {
					m.Hess(h, x)
				}
				want := scenetest.DenseTop(t, h, n)
				tol := 1e-9
				if c.fd {
					tol = 1e-8
				}
				rel := math.Abs(ys[row]-want) / math.Abs(want)
				worst = math.Max(worst, rel)
				if !(rel <= tol) {
					t.Errorf("%s, panel %d, iterate %d: sharpness plotted %.12g, dense λmax %.12g", c.link, k+1, row, ys[row], want)
					break
				}
			}
			t.Logf("%s, panel %d: %d iterates, worst relative difference %.2g", c.link, k+1, len(ys), worst)
			// the spectra plot's row: every eigenvalue at the current weights
			var row []float64
			for _, sr := range g.Scene.plots.spectra.Rows {
				if sr.Color == ui.PanelColors[k] {
					row = append([]float64(nil), sr.Vals...)
				}
			}
			m.Hess(h, r.Last().X)
			all := scenetest.DenseSpectrum(t, h, n)
			slices.Sort(row)
			if len(row) != n {
				t.Errorf("%s, panel %d: %d eigenvalues drawn, want %d", c.link, k+1, len(row), n)
			} else {
				for i := range row {
					if math.Abs(row[i]-all[i]) > 1e-9*math.Max(math.Abs(all[0]), math.Abs(all[n-1])) {
						t.Errorf("%s, panel %d: eigenvalue %d drawn at %.12g, gonum %.12g", c.link, k+1, i, row[i], all[i])
						break
					}
				}
			}
			want := math.NaN()
			if c.etas[k] > 0 {
				want = 2 / c.etas[k]
			}
			if math.IsNaN(eta2) != math.IsNaN(want) || !math.IsNaN(want) && math.Abs(eta2-want) > 1e-12*want {
				t.Errorf("%s, panel %d: the thin line is at %v, want 2/η = %v", c.link, k+1, eta2, want)
			}
		}
	}
}

// TestScheduledStabilityLine: when a method's step follows a schedule,
// the sharpness plot's thin line in its colour is c/η_t at each row — for
// gradient descent halving lr = 0.2 every 10 steps, 2/0.2 = 10 for rows 0
// to 9, 20 for rows 10 to 19, 40 after — and the readout says the line
// and the step now; a constant step keeps its one level line.
func TestScheduledStabilityLine(t *testing.T) {
	const link, steps = "v1;net=tanh:4;d=circle:n=60;m=gd:lr=0.2,schedule=step,decay=10;m=gd:lr=0.2;n=100;t=0", 25
	g, _ := steppedRig(t, "#"+link, steps)
	var line []float64
	for _, s := range g.Scene.plots.sharp.Series {
		if s.X == nil && s.Color != ui.PanelColors[0] && sameHue(s.Color, ui.PanelColors[0]) {
			line = s.Y
		}
	}
	if len(line) != steps+1 {
		t.Fatalf("panel 1: a stability line of %d values for %d rows", len(line), steps+1)
	}
	for row, v := range line {
		want := 10.0
		if row >= 20 {
			want = 40
		} else if row >= 10 {
			want = 20
		}
		if math.Abs(v-want) > 1e-12*want {
			t.Errorf("row %d: the line at %v, want 2/η = %v", row, v, want)
		}
	}
	if l := g.Scene.panels[0].lines[4]; l != "stability limit 2/η = "+ui.Num(40)+"  at η "+ui.Num(0.05) {
		t.Errorf("panel 1's readout %q", l)
	}
	if _, eta2 := plottedSharpness(t, g, 1); eta2 != 10 {
		t.Errorf("panel 2 (constant step): its line at %v, want 10", eta2)
	}
}
