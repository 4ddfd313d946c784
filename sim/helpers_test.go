package sim

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/diff/fd"
	"gonum.org/v1/gonum/mat"
)

// checkDerivatives compares obj's gradient and Hessian at x with central
// finite differences (gonum diff/fd) of its value and gradient. tol is
// relative to the size of the derivatives.
func checkDerivatives(t *testing.T, name string, obj Objective, x []float64, tol float64) {
	t.Helper()
	n := obj.Dim()
	g := make([]float64, n)
	obj.Grad(g, x)
	gfd := fd.Gradient(nil, obj.Func, x, &fd.Settings{Formula: fd.Central})
	if !closeVec(g, gfd, tol) {
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
	if !closeVec(h, hfd, tol) {
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

// closeVec reports whether a and b agree to tol relative to the larger norm
// (absolute tol when both are small).
func closeVec(a, b []float64, tol float64) bool {
	var d, s float64
	for i := range a {
		d = math.Max(d, math.Abs(a[i]-b[i]))
		s = math.Max(s, math.Max(math.Abs(a[i]), math.Abs(b[i])))
	}
	return d <= tol*math.Max(1, s)
}

// randPoints returns k random points in the window, reproducibly.
func randPoints(w Window, k int, seed uint64) [][]float64 {
	rng := rand.New(rand.NewPCG(seed, 1))
	pts := make([][]float64, k)
	for i := range pts {
		pts[i] = []float64{
			w.XMin + (w.XMax-w.XMin)*rng.Float64(),
			w.YMin + (w.YMax-w.YMin)*rng.Float64(),
		}
	}
	return pts
}

// runSpec runs spec on obj from x0 for at most steps iterations, keeping
// every row's vectors and trial points (as the CLI does).
func runSpec(t *testing.T, obj Objective, spec string, x0 []float64, steps int, tol float64) *Run {
	t.Helper()
	s, err := ParseSpec(spec)
	if err != nil {
		t.Fatal(err)
	}
	r := NewRun(obj, s.New(), x0, RunOptions{Tol: tol, Budget: steps, KeepVectors: true})
	for i := 0; i < steps && r.Step(); i++ {
	}
	return r
}

// buildNet builds the network problem of a network and a dataset spec.
func buildNet(tb testing.TB, network, dataset string) *NetProblem {
	tb.Helper()
	var net Network
	if err := net.ParseNetwork(network); err != nil {
		tb.Fatal(err)
	}
	if err := net.ParseDataset(dataset); err != nil {
		tb.Fatal(err)
	}
	p, err := net.Build()
	if err != nil {
		tb.Fatal(err)
	}
	return p
}
