package app

import (
	"math"
	"strings"
	"testing"

	"curvlab/internal/scenetest"
	"curvlab/sim"
	"curvlab/sim/scenario"
)

// The step-size slider of gradient descent marks 2/λ_max of the Hessian at
// the start: on the linear-regression loss (1/3)‖Xθ − y‖², X = [[1,2],
// [2,3],[3,4]], the Hessian is (2/3)XᵀX = (2/3)[[14, 20], [20, 29]]
// everywhere and 2/λ_max = 0.069995 (issue 9); on a network it is 2 over
// the dense λ_max at the initial weights.
func TestStabilityMarkIsTwoOverLambdaMax(t *testing.T) {
	g, _ := newTestGame(t, "#v1;s=linreg;x=-1,3;m=gd:lr=0.035;m=newton", 1600, 900)
	vals, _ := scenetest.SymEigen(t, [4]float64{28.0 / 3, 40.0 / 3, 40.0 / 3, 58.0 / 3})
	g.popup.panel = 0
	lim, label := g.stabilityMark("lr")
	if !scenetest.Close9(lim, 2/vals[1]) || math.Abs(lim-0.069995) > 5e-7 {
		t.Errorf("linreg: gd's slider marks %.9g (%q), want 2/λmax = %.9g", lim, label, 2/vals[1])
	}
	g.popup.panel = 1
	if lim, _ := g.stabilityMark("lr"); !math.IsNaN(lim) {
		t.Errorf("linreg: Newton's first trial step is marked at %v", lim)
	}

	g, _, m := steppedGame(t, "#v1;net=tanh:4;d=circle:n=60;m=gd:lr=0.2;n=10", 0)
	h := make([]float64, m.Dim()*m.Dim())
	m.Hess(h, scenetest.FreshRuns(g.st.Scen, 0)[0].X(0))
	g.popup.panel = 0
	if lim, _ := g.stabilityMark("lr"); !scenetest.Close9(lim, 2/scenetest.DenseTop(t, h, m.Dim())) {
		t.Errorf("network: gd's slider marks %.12g, want 2/λmax = %.12g", lim, 2/scenetest.DenseTop(t, h, m.Dim()))
	}
}

// TestStabilityMarksMatchTheDynamics: the mark on each fixed-step method's
// slider is where it turns unstable. On the linear-regression loss (a
// quadratic: its Hessian is the same everywhere) each method with its lr a
// hair below the mark ends nearer the minimum than it started, and a hair
// above it ends more than a thousand times farther; adaptive methods get no
// mark.
func TestStabilityMarksMatchTheDynamics(t *testing.T) {
	for _, m := range []string{"gd", "momentum:beta=0.5", "momentum:beta=0.9", "nesterov:beta=0.5", "nesterov:beta=0.9"} {
		g, _ := newTestGame(t, "#v1;s=linreg;x=-1,3;m="+m, 1600, 900)
		g.popup.panel = 0
		lim, label := g.stabilityMark("lr")
		if !(lim > 0) {
			t.Fatalf("%s: no mark", m)
		}
		sep := ":"
		if strings.Contains(m, ":") {
			sep = ","
		}
		dist := func(lr float64) (start, end float64) {
			sc, err := scenario.Decode("v1;s=linreg;x=-1,3;m=" + m + sep + "lr=" + sim.FormatFloat(lr) + ";n=4000;t=0")
			if err != nil {
				t.Fatal(err)
			}
			r := sc.NewRuns()[0]
			for len(r.Trace) <= sc.Steps && r.Step() {
			}
			min := sc.Surface().Minima()[0]
			d := func(x []float64) float64 { return math.Hypot(x[0]-min.X, x[1]-min.Y) }
			if r.Done && r.Last().Events&sim.EventDiverged != 0 {
				return d(r.X(0)), math.Inf(1)
			}
			return d(r.X(0)), d(r.Last().X)
		}
		if s, e := dist(lim * 0.99); !(e < s) {
			t.Errorf("%s (%s): lr = 0.99·mark goes from %g to %g from the minimum", m, label, s, e)
		}
		if s, e := dist(lim * 1.01); !(e > 1000*s) {
			t.Errorf("%s (%s): lr = 1.01·mark goes from %g to %g from the minimum", m, label, s, e)
		}
	}
	for _, m := range []string{"adam", "rmsprop", "adagrad", "newton"} {
		g, _ := newTestGame(t, "#v1;s=linreg;x=-1,3;m="+m, 1600, 900)
		g.popup.panel = 0
		if lim, label := g.stabilityMark("lr"); !math.IsNaN(lim) {
			t.Errorf("%s: marked at %g (%q)", m, lim, label)
		}
	}
}
