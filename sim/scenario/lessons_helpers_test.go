package scenario_test

import (
	"math"
	"testing"

	"curvlab/sim"
	"curvlab/sim/scenario"

	"gonum.org/v1/gonum/mat"
)

// Helpers of the claims of the lessons on methods and views: closed forms
// on a quadratic from its Hessian by differences, and checks of where a
// run ended.

// eigenSys are the eigenvalues (ascending) and unit eigenvectors (the
// columns, in the same order) of a symmetric 2×2 or n×n matrix.
func eigenSys(t *testing.T, h *mat.SymDense) ([]float64, [][]float64) {
	t.Helper()
	var es mat.EigenSym
	if !es.Factorize(h, true) {
		t.Fatal("eigen-decomposition failed")
	}
	var v mat.Dense
	es.VectorsTo(&v)
	n, _ := v.Dims()
	vecs := make([][]float64, n)
	for j := range n {
		vecs[j] = make([]float64, n)
		for i := range n {
			vecs[j][i] = v.At(i, j)
		}
	}
	return es.Values(nil), vecs
}

func dot(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

func norm(a []float64) float64 { return math.Sqrt(dot(a, a)) }

// gdOnBowl is gradient descent's iterate k with step alpha on f = ½xᵀAx
// (minimum at 0) from x0, A = Σ λᵢvᵢvᵢᵀ: x_k = Σ (1 − αλᵢ)^k (vᵢ·x0) vᵢ.
func gdOnBowl(lam []float64, vecs [][]float64, x0 []float64, alpha float64, k int) []float64 {
	x := make([]float64, len(x0))
	for i, l := range lam {
		c := math.Pow(1-alpha*l, float64(k)) * dot(vecs[i], x0)
		for j := range x {
			x[j] += c * vecs[i][j]
		}
	}
	return x
}

// gdConvergesAt is the first k at which gradient descent on the bowl has
// ‖Ax_k‖ ≤ tol, by the closed form (−1 if not within max).
func gdConvergesAt(lam []float64, vecs [][]float64, x0 []float64, alpha, tol float64, max int) int {
	for k := 0; k <= max; k++ {
		x := gdOnBowl(lam, vecs, x0, alpha, k)
		g := 0.0
		for i, l := range lam {
			c := l * dot(vecs[i], x)
			g += c * c
		}
		if math.Sqrt(g) <= tol {
			return k
		}
	}
	return -1
}

// curvSigns checks that r ended converged, at a point whose Hessian (by
// differences) has neg negative eigenvalues, and returns that point.
func curvSigns(t *testing.T, what string, obj sim.Objective, r *sim.Run, neg int) []float64 {
	t.Helper()
	last := r.Last()
	if last.Events&sim.EventConverged == 0 {
		t.Errorf("%s: ends at iteration %d at %v (events %v), not converged", what, last.Iter, last.X, last.Events)
	}
	lam := eigen(t, fdHessian(obj, last.X))
	n := 0
	for _, l := range lam {
		if l < 0 {
			n++
		}
	}
	if n != neg {
		t.Errorf("%s: ends at %v where the Hessian's eigenvalues are %v: %d negative, want %d", what, last.X, lam, n, neg)
	}
	return last.X
}

// modelErr is the relative error of r's curvature model at row k against
// the Hessian by differences at that row's iterate, the model read as a
// Hessian (an inverse form's H inverted).
func modelErr(t *testing.T, obj sim.Objective, r *sim.Run, k int) float64 {
	t.Helper()
	row := r.Row(k)
	n := len(row.X)
	b := mat.NewDense(n, n, append([]float64(nil), row.Curv...))
	if row.CurvKind == sim.CurvH {
		if err := b.Inverse(b); err != nil {
			t.Fatal(err)
		}
	}
	truth := mat.DenseCopyOf(fdHessian(obj, row.X))
	return relErr(b.RawMatrix().Data, truth.RawMatrix().Data)
}

// withSurfaceValue is sc with surface parameter i set to v.
func withSurfaceValue(t *testing.T, sc scenario.Scenario, i int, v float64) scenario.Scenario {
	t.Helper()
	c := sc.Clone()
	vals := append([]float64(nil), c.SurfaceVals...)
	vals[i] = v
	if err := c.SetSurface(c.SurfaceKind, vals); err != nil {
		t.Fatal(err)
	}
	return c
}
