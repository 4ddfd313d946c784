package explore

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"

	"curvlab/sim"
	"curvlab/sim/surfaces"
)

func mustSpec(t testing.TB, s string) sim.Spec {
	t.Helper()
	sp, err := sim.ParseSpec(s)
	if err != nil {
		t.Fatal(err)
	}
	return sp
}

// TestBasinsOfAQuadratic: on a quadratic bowl Newton's unit step reaches
// the one minimum from every start in one iteration; gradient descent with
// a step above 2/λ_max diverges from every start of the grid.
func TestBasinsOfAQuadratic(t *testing.T) {
	q := surfaces.NewQuadratic(1, 10, 20)
	w := q.View()
	cells := make([]Basin, 16*16)
	Basins(cells, q, mustSpec(t, "newton:ls=none"), w, 16, 16, Settings{Steps: 50, Tol: 1e-8})
	for k, c := range cells {
		if c.Outcome != Minimum || c.Minimum != 0 || c.Iterations != 1 || c.Code() != 1 {
			t.Fatalf("Newton, cell %d: %+v", k, c)
		}
	}
	Basins(cells, q, mustSpec(t, "gd:lr=0.21"), w, 16, 16, Settings{Steps: 500, Tol: 1e-8}) // 2/λ_max = 0.2
	for k, c := range cells {
		if c.Outcome != Diverged || c.Code() != -1 {
			t.Fatalf("gradient descent above 2/λ_max, cell %d: %+v", k, c)
		}
	}
	Basins(cells, q, mustSpec(t, "gd:lr=0.19"), w, 16, 16, Settings{Steps: 5, Tol: 1e-8})
	for k, c := range cells {
		if c.Outcome != NotConverged || c.Code() != 0 || c.Iterations != 5 {
			t.Fatalf("gradient descent in 5 steps, cell %d: %+v", k, c)
		}
	}
}

// TestNewtonOnHimmelblau: plain Newton (unit steps, Hessian unmodified)
// from a 48×48 grid reaches each of Himmelblau's four minima from some
// starts, and where it ends at none of them it ends where the gradient
// vanishes and the Hessian (by gonum's eigenvalues) is not positive
// definite: a saddle or the maximum, "another stationary point". Gradient
// descent with a small step ends only at minima.
func TestNewtonOnHimmelblau(t *testing.T) {
	h, err := surfaces.New("himmelblau", "")
	if err != nil {
		t.Fatal(err)
	}
	w, n := h.View(), 48
	set := Settings{Steps: 100, Tol: 1e-8}
	newton := mustSpec(t, "newton:ls=none,mod=none")
	cells := make([]Basin, n*n)
	Basins(cells, h, newton, w, n, n, set)
	var seen [4]int
	stationary := 0
	for j := range n {
		for i := range n {
			c := cells[j*n+i]
			switch c.Outcome {
			case Minimum:
				seen[c.Minimum]++
			case Stationary:
				stationary++
				x, y := Start(w, n, n, i, j)
				r := sim.NewRun(h, newton.New(), []float64{x, y}, sim.RunOptions{Tol: set.Tol})
				for k := 0; k < set.Steps && r.Step(); k++ {
				}
				hess := make([]float64, 4)
				h.Hess(hess, r.State.X)
				var es mat.EigenSym
				es.Factorize(mat.NewSymDense(2, hess), false)
				if vals := es.Values(nil); vals[0] > 0 || r.Last().GNorm > set.Tol {
					t.Errorf("cell (%d, %d) is 'another stationary point' at %v: |g| %v, eigenvalues %v", i, j, r.State.X, r.Last().GNorm, vals)
				}
			}
		}
	}
	for k, s := range seen {
		if s == 0 {
			t.Errorf("no start reaches minimum %d (%+v)", k+1, h.Minima()[k])
		}
	}
	if stationary == 0 {
		t.Error("plain Newton ended at no saddle from any start")
	}
	Basins(cells, h, mustSpec(t, "gd:lr=0.01"), w, 24, 24, Settings{Steps: 2000, Tol: 1e-6})
	for k, c := range cells[:24*24] {
		if c.Outcome != Minimum {
			t.Errorf("gradient descent, cell %d: %+v", k, c)
		}
	}
	t.Logf("Newton: minima %v, other stationary points %d of %d", seen, stationary, n*n)
}

// TestClassifyNearEachMinimum: a start 1e-3 from a minimum ends there, by
// Newton and by gradient descent.
func TestClassifyNearEachMinimum(t *testing.T) {
	h, _ := surfaces.New("himmelblau", "")
	ms := h.Minima()
	reach := Reach(h.View())
	for _, spec := range []string{"newton", "gd:lr=0.005"} {
		sp := mustSpec(t, spec)
		for k, m := range ms {
			b := Classify(h, ms, sp, m.X+1e-3, m.Y-1e-3, Settings{Steps: 5000, Tol: 1e-9}, reach)
			if b.Outcome != Minimum || b.Minimum != k {
				t.Errorf("%s from next to minimum %d: %+v", spec, k+1, b)
			}
		}
	}
	if r := Reach(surfaces.Window{XMin: -5, XMax: 5, YMin: -1, YMax: 1}); math.Abs(r-1e-3) > 1e-18 {
		t.Errorf("reach of a 10-wide view is %v, want 1e-3", r)
	}
}

// TestCheck refuses grids and settings out of range.
func TestCheck(t *testing.T) {
	for _, c := range []struct {
		n int
		s Settings
	}{{1, Settings{100, 1e-8}}, {1025, Settings{100, 1e-8}}, {64, Settings{0, 1e-8}}, {64, Settings{10001, 1e-8}}, {64, Settings{100, 0}}, {64, Settings{100, math.NaN()}}} {
		if Check(c.n, c.s) == nil {
			t.Errorf("Check(%d, %+v) accepted", c.n, c.s)
		}
	}
	if err := Check(256, Settings{100, 1e-8}); err != nil {
		t.Error(err)
	}
}
