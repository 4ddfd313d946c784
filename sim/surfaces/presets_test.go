package surfaces_test

// The lessons of the presets on the network and linear-regression surfaces
// happen in the numbers. These tests are external: they run the presets of
// package scenario, which imports surfaces.

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"

	"curvlab/sim"
	"curvlab/sim/scenario"
	"curvlab/sim/surfaces"
)

// runPreset runs every panel of a preset to its step budget.
func runPreset(t *testing.T, name string) (scenario.Scenario, []*sim.Run) {
	t.Helper()
	_, sc, err := scenario.LookupLesson(name)
	if err != nil {
		t.Fatal(err)
	}
	runs := sc.NewRuns()
	for _, r := range runs {
		for i := 0; i < sc.Steps && r.Step(); i++ {
		}
	}
	return sc, runs
}

// TestNetworkSurfacePresets checks that the lessons of the two-weight
// network presets happen in the numbers.
func TestNetworkSurfacePresets(t *testing.T) {
	sc, runs := runPreset(t, "net-saddle")
	h := make([]float64, 4)
	for i, r := range runs {
		x := r.Last().X
		atSaddle := math.Hypot(x[0], x[1]) < 1e-9
		atMin := math.Hypot(math.Abs(x[0])-0.8, math.Abs(x[1])-1.5) < 1e-3
		if sc.Methods[i].String() == "newton:ls=none,mod=none" {
			sc.Surface().Hess(h, x)
			if !atSaddle || h[0]*h[3]-h[1]*h[2] >= 0 {
				t.Errorf("net-saddle: plain Newton ends at %v, not on the saddle (det H = %g)", x, h[0]*h[3]-h[1]*h[2])
			}
		} else if !atMin {
			t.Errorf("net-saddle: %s ends at %v, not at a minimum ±(0.8, 1.5)", sc.Methods[i], x)
		}
	}
	_, runs = runPreset(t, "dead-relu")
	var plateau float64
	for _, y := range surfaces.NetReLUY {
		plateau += y * y / float64(len(surfaces.NetReLUY))
	}
	for i, r := range runs {
		last := r.Last()
		dead := true
		for _, x := range surfaces.NetReLUX {
			dead = dead && last.X[0]*x+last.X[1] <= 0
		}
		if i == 1 { // gd:lr=1
			if !dead || last.F != plateau || last.GNorm != 0 {
				t.Errorf("dead-relu: gd with step 1 ends at %v (f = %g), not stuck in the dead region", last.X, last.F)
			}
		} else if math.Hypot(last.X[0]-1, last.X[1]+0.5) > 1e-3 {
			t.Errorf("dead-relu: panel %d ends at %v, not at the teacher (1, −0.5)", i+1, last.X)
		}
	}
}

// TestLinRegPresetSteps: the linreg preset's steps are what its text says,
// against the Hessian (2/3)·XᵀX of REFERENCE.md's data, X = [[1,2],[2,3],
// [3,4]], whose eigenvalues gonum computes: the first panel's α is 1/λ_min
// and diverges, the second's is below 2/λ_max.
func TestLinRegPresetSteps(t *testing.T) {
	x := mat.NewDense(3, 2, []float64{1, 2, 2, 3, 3, 4})
	var h mat.SymDense
	h.SymOuterK(2.0/3, x.T())
	var es mat.EigenSym
	if !es.Factorize(&h, false) {
		t.Fatal("gonum EigenSym failed")
	}
	lam := es.Values(nil)
	p, sc, err := scenario.LookupLesson("linreg")
	if err != nil {
		t.Fatal(err)
	}
	a1, a2 := sc.Methods[0].Value("lr"), sc.Methods[1].Value("lr")
	if math.Abs(a1*lam[0]-1) > 1e-5 {
		t.Errorf("first panel's α = %v, 1/λ_min = %v", a1, 1/lam[0])
	}
	if !(a2 < 2/lam[1]) {
		t.Errorf("second panel's α = %v, not below 2/λ_max = %v", a2, 2/lam[1])
	}
	for _, want := range []string{"1/λ_min ≈ " + strconv.FormatFloat(1/lam[0], 'f', 3, 64), "α = " + sim.FormatFloat(a2) + " < 2/λ_max"} {
		if !strings.Contains(p.Title, want) {
			t.Errorf("lesson title %q lacks %q", p.Title, want)
		}
	}
	_, runs := runPreset(t, "linreg")
	if !runs[0].Done || runs[0].Last().Events&sim.EventDiverged == 0 {
		t.Errorf("α = 1/λ_min did not diverge: %v", runs[0].Last().X)
	}
}
