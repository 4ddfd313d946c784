// Package simtest holds the checks that the tests of sim, sim/surfaces and
// sim/scenario share: derivatives against finite differences, vectors
// compared to a tolerance, reproducible random points, a method run from
// its spec. It imports sim only, so that the internal tests of every
// package above sim can use it.
package simtest

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/diff/fd"
	"gonum.org/v1/gonum/mat"

	"curvlab/sim"
)

// CheckDerivatives compares obj's gradient and Hessian at x with central
// finite differences (gonum diff/fd) of its value and gradient. tol is
// relative to the size of the derivatives.
func CheckDerivatives(t *testing.T, name string, obj sim.Objective, x []float64, tol float64) {
	t.Helper()
	n := obj.Dim()
	g := make([]float64, n)
	obj.Grad(g, x)
	gfd := fd.Gradient(nil, obj.Func, x, &fd.Settings{Formula: fd.Central})
	if !CloseVec(g, gfd, tol) {
		t.Errorf("%s at %v: gradient %v, finite differences %v", name, x, g, gfd)
	}
	h := make([]float64, n*n)
	obj.Hess(h, x)
	// Columns of the Hessian by central differences of the exact gradient.
	jac := mat.NewDense(n, n, nil) // fd.Jacobian needs dst sized n×n
	fd.Jacobian(jac, func(y, x []float64) { obj.Grad(y, x) }, x, &fd.JacobianSettings{Formula: fd.Central})
	hfd := make([]float64, n*n)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			hfd[i*n+j] = jac.At(i, j)
		}
	}
	if !CloseVec(h, hfd, tol) {
		t.Errorf("%s at %v: Hessian %v, finite differences %v", name, x, h, hfd)
	}
	for i := 0; i < n; i++ {
		for j := 0; j < i; j++ {
			if h[i*n+j] != h[j*n+i] {
				t.Errorf("%s at %v: Hessian not symmetric: %v", name, x, h)
			}
		}
	}
}

// CloseVec reports whether a and b agree to tol relative to the larger norm
// (absolute tol when both are small).
func CloseVec(a, b []float64, tol float64) bool {
	var d, s float64
	for i := range a {
		d = math.Max(d, math.Abs(a[i]-b[i]))
		s = math.Max(s, math.Max(math.Abs(a[i]), math.Abs(b[i])))
	}
	return d <= tol*math.Max(1, s)
}

// RandPoints returns k random points in the window [xmin, xmax] ×
// [ymin, ymax], reproducibly.
func RandPoints(xmin, xmax, ymin, ymax float64, k int, seed uint64) [][]float64 {
	rng := rand.New(rand.NewPCG(seed, 1))
	pts := make([][]float64, k)
	for i := range pts {
		pts[i] = []float64{xmin + (xmax-xmin)*rng.Float64(), ymin + (ymax-ymin)*rng.Float64()}
	}
	return pts
}

// RunSpec runs spec on obj from x0 for at most steps iterations, keeping
// every row's vectors and trial points (as the CLI does).
func RunSpec(t *testing.T, obj sim.Objective, spec string, x0 []float64, steps int, tol float64) *sim.Run {
	t.Helper()
	s, err := sim.ParseSpec(spec)
	if err != nil {
		t.Fatal(err)
	}
	r := sim.NewRun(obj, s.New(), x0, sim.RunOptions{Tol: tol, Budget: steps, KeepVectors: true})
	for i := 0; i < steps && r.Step(); i++ {
	}
	return r
}
