package nn

import "testing"

// Benchmarks of a 2-8-8-1 tanh MSE network on 200 training points (the
// circle data set). Run with:
//
//	go test -run '^$' -bench . -benchmem -cpu 1 ./sim/nn
//
// allocs/op must be 0.

// benchNet returns the benchmark network and its Glorot initial point.
func benchNet(b *testing.B) (*MLP, []float64) {
	train, _, err := Generate("circle", 200+TestPoints(200)*4/3, 0.1, 1)
	if err != nil {
		b.Fatal(err)
	}
	train.X, train.Y = train.X[:400], train.Y[:200]
	m := mustMLP(b, Arch{Hidden: []int{8, 8}, Act: Tanh, Loss: MSE}, &train)
	x := make([]float64, m.Dim())
	m.Init(x, 1)
	return m, x
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
