package nn

import (
	"strconv"
	"testing"

	"curvlab/sim/la"
)

// Benchmarks of a 2-8-8-1 tanh MSE network (105 parameters) on 200
// training points of the circle data set, at its Glorot initial point or
// along a gradient-descent path from it. Run with:
//
//	go test -run '^$' -bench . -benchmem -cpu 1 ./sim/nn
//
// allocs/op must be 0.

// benchNet returns the benchmark network and its initial point.
func benchNet(b *testing.B) (*MLP, []float64) {
	train, _, err := Generate("circle", 266, 0.1, 1)
	if err != nil || train.N() != 200 {
		b.Fatal(err, train.N())
	}
	m := mustMLP(b, Arch{Hidden: []int{8, 8}, Act: Tanh, Loss: MSE}, &train)
	x := make([]float64, m.Dim())
	m.Init(x, 1)
	return m, x
}

// BenchmarkFunc times one evaluation of the training loss.
func BenchmarkFunc(b *testing.B) {
	m, x := benchNet(b)
	b.ReportAllocs()
	for b.Loop() {
		m.Func(x)
	}
}

// BenchmarkGrad times one exact gradient.
func BenchmarkGrad(b *testing.B) {
	m, x := benchNet(b)
	g := make([]float64, m.Dim())
	b.ReportAllocs()
	for b.Loop() {
		m.Grad(g, x)
	}
}

// BenchmarkHessVec times one exact Hessian-vector product.
func BenchmarkHessVec(b *testing.B) {
	m, x := benchNet(b)
	v, hv := make([]float64, m.Dim()), make([]float64, m.Dim())
	for i := range v {
		v[i] = 1 / float64(i+1)
	}
	b.ReportAllocs()
	for b.Loop() {
		m.HessVec(hv, x, v)
	}
}

// BenchmarkHess times one exact Hessian (105×105).
func BenchmarkHess(b *testing.B) {
	m, x := benchNet(b)
	h := make([]float64, m.Dim()*m.Dim())
	b.ReportAllocs()
	for b.Loop() {
		m.Hess(h, x)
	}
}

// BenchmarkNewtonStep times a Newton step: gradient, Hessian, Cholesky
// factorization and solve of (H + μI)p = −g (μ = 10⁻³ − λ_min makes H
// positive definite at the initial point; the work does not depend on it).
func BenchmarkNewtonStep(b *testing.B) {
	m, x := benchNet(b)
	n := m.Dim()
	g, h, l, p := make([]float64, n), make([]float64, n*n), make([]float64, n*n), make([]float64, n)
	m.Hess(h, x)
	Spectrum(p, h, make([]float64, SpectrumWork(n)), n)
	mu := max(0, -p[0]) + 1e-3
	b.ReportAllocs()
	for b.Loop() {
		m.Grad(g, x)
		m.Hess(h, x)
		for i := 0; i < n; i++ {
			h[i*n+i] += mu
		}
		if !la.Cholesky(l, h, n) {
			b.Fatal("not positive definite")
		}
		la.CholSolve(p, l, g)
	}
}

// BenchmarkSpectrum times every eigenvalue of the 105×105 Hessian.
func BenchmarkSpectrum(b *testing.B) {
	m, x := benchNet(b)
	n := m.Dim()
	h, vals, work := make([]float64, n*n), make([]float64, n), make([]float64, SpectrumWork(n))
	m.Hess(h, x)
	b.ReportAllocs()
	for b.Loop() {
		Spectrum(vals, h, work, n)
	}
}

// BenchmarkSharpness times one warm-started Sharpness.Top call at
// successive iterates of gradient descent (step 0.5), walking a 50-step
// path back and forth; hvp/op is the number of Hessian-vector products.
func BenchmarkSharpness(b *testing.B) {
	m, x := benchNet(b)
	n := m.Dim()
	const steps = 50
	path := make([][]float64, steps)
	g := make([]float64, n)
	for k := range path {
		path[k] = append([]float64(nil), x...)
		m.Grad(g, x)
		for i := range x {
			x[i] -= 0.5 * g[i]
		}
	}
	var sh Sharpness
	sh.Top(m, path[0])
	k, dir, hvp := 0, 1, 0
	b.ReportAllocs()
	for b.Loop() {
		if k+dir < 0 || k+dir >= steps {
			dir = -dir
		}
		k += dir
		sh.Top(m, path[k])
		hvp += sh.Iters
	}
	b.ReportMetric(float64(hvp)/float64(b.N), "hvp/op")
}

// BenchmarkBatchGrad times the gradient of the training loss over a
// batch of 20 and of 2 of the 200 points (UseBatch), against all of them:
// the part of a minibatch step that scales with B/N.
func BenchmarkBatchGrad(b *testing.B) {
	m, x := benchNet(b)
	g := make([]float64, m.Dim())
	for _, size := range []int{200, 20, 2} {
		b.Run("B="+strconv.Itoa(size), func(b *testing.B) {
			idx := make([]int, size)
			for i := range idx {
				idx[i] = (i * 7) % m.N()
			}
			m.UseBatch(idx)
			defer m.UseBatch(nil)
			for range b.N {
				m.Grad(g, x)
			}
		})
	}
}
