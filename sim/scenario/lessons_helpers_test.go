package scenario_test

import (
	"math"
	"testing"

	"curvlab/sim"
	"curvlab/sim/explore"
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

// lineFit solves the least-squares line fit of the points xy = (x₀, y₀,
// x₁, y₁, …) with weight decay wd by its normal equations: the minimum of
// (1/m)Σ(θ₁ + θ₂xᵢ − yᵢ)² + (wd/2)‖θ‖², ((2/m)XᵀX + wd·I)θ = (2/m)Xᵀy.
// It also returns (2/m)XᵀX.
func lineFit(t *testing.T, xy []float64, wd float64) ([]float64, *mat.SymDense) {
	t.Helper()
	m := float64(len(xy) / 2)
	var sx, sxx, sy, sxy float64
	for i := 0; i < len(xy); i += 2 {
		sx, sxx, sy, sxy = sx+xy[i], sxx+xy[i]*xy[i], sy+xy[i+1], sxy+xy[i]*xy[i+1]
	}
	h := mat.NewSymDense(2, []float64{2 / m * m, 2 / m * sx, 2 / m * sx, 2 / m * sxx})
	a := mat.NewDense(2, 2, []float64{h.At(0, 0) + wd, h.At(0, 1), h.At(1, 0), h.At(1, 1) + wd})
	var th mat.VecDense
	if err := th.SolveVec(a, mat.NewVecDense(2, []float64{2 / m * sy, 2 / m * sxy})); err != nil {
		t.Fatal(err)
	}
	return []float64{th.AtVec(0), th.AtVec(1)}, h
}

// rastrigin is Rastrigin's function with A = 10, written out here.
func rastrigin(x []float64) float64 {
	f := 20.0
	for _, v := range x {
		f += v*v - 10*math.Cos(2*math.Pi*v)
	}
	return f
}

// trRatio is ρ = actual / predicted decrease of the trust-region step p
// from x, the model's gradient by the objective and its Hessian by
// differences, and the predicted decrease.
func trRatio(obj sim.Objective, x, p []float64) (rho, pred float64) {
	g := make([]float64, len(x))
	obj.Grad(g, x)
	h := fdHessian(obj, x)
	var hp mat.VecDense
	hp.MulVec(h, mat.NewVecDense(len(p), append([]float64(nil), p...)))
	pred = -(dot(g, p) + 0.5*dot(p, hp.RawVector().Data))
	xp := make([]float64, len(x))
	for i := range x {
		xp[i] = x[i] + p[i]
	}
	return (obj.Func(x) - obj.Func(xp)) / pred, pred
}

// basinCounts classifies the starts of a 40×40 grid over sc's view by
// panel k's method, at most 100 steps each, as the app's basin picture
// does: the number of starts per minimum (1-based; −1 diverged, −2 none),
// the number of neighbouring cells of different outcome, and the number
// that converged on another stationary point.
func basinCounts(t *testing.T, sc scenario.Scenario, k int) (cnt map[int]int, edges, stationary int) {
	t.Helper()
	const n = 40
	cells := make([]explore.Basin, n*n)
	explore.Basins(cells, sc.Surface(), sc.Methods[k], sc.ViewWindow(), n, n, explore.Settings{Steps: min(sc.Steps, 100), Tol: sc.Tol})
	cnt = map[int]int{}
	code := func(b explore.Basin) int {
		if b.Outcome == explore.Minimum || b.Outcome == explore.Diverged {
			return b.Code()
		}
		return -2
	}
	for j := range n {
		for i := range n {
			c := cells[j*n+i]
			cnt[code(c)]++
			if c.Outcome == explore.Stationary {
				stationary++
			}
			if i+1 < n && code(cells[j*n+i+1]) != code(c) {
				edges++
			}
			if j+1 < n && code(cells[(j+1)*n+i]) != code(c) {
				edges++
			}
		}
	}
	return cnt, edges, stationary
}
