package nn

import (
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/diff/fd"
	"gonum.org/v1/gonum/mat"
)

// fdHess returns the Hessian of m at x by central differences of Grad.
func fdHess(m *MLP, x []float64) []float64 {
	n := m.Dim()
	jac := mat.NewDense(n, n, nil)
	fd.Jacobian(jac, func(y, x []float64) { m.Grad(y, x) }, x, &fd.JacobianSettings{Formula: fd.Central})
	return append([]float64(nil), jac.RawMatrix().Data...)
}

// TestDerivatives holds Grad against finite differences of Func, Hess
// against finite differences of Grad, HessVec against Hess·v, and HessDiag
// and HessTrace against the diagonal of Hess, for every activation, loss
// and one to three hidden layers.
func TestDerivatives(t *testing.T) {
	d := mustData(t, "circle", 16, 0.2, 3)
	rng := rand.New(rand.NewPCG(1, 2))
	for _, a := range testArchs([]int{3}, []int{4, 3}, []int{3, 2, 3}) {
		m := mustMLP(t, a, d)
		n := m.Dim()
		if n != a.NumParams() {
			t.Fatalf("%v: Dim %d, NumParams %d", a, n, a.NumParams())
		}
		g, h := make([]float64, n), make([]float64, n*n)
		hv, hcol, diag := make([]float64, n), make([]float64, n), make([]float64, n)
		for trial := 0; trial < 3; trial++ {
			x := randPoint(t, m, rng, 1)
			m.Grad(g, x)
			gfd := fd.Gradient(nil, m.Func, x, &fd.Settings{Formula: fd.Central})
			if !closeVec(g, gfd, 1e-6) {
				t.Errorf("%v: gradient %v, finite differences %v", a, g, gfd)
			}
			m.Hess(h, x)
			if hfd := fdHess(m, x); !closeVec(h, hfd, 1e-6) {
				t.Errorf("%v: Hessian differs from finite differences of the gradient:\n%v\n%v", a, h, hfd)
			}
			for i := 0; i < n; i++ {
				for j := 0; j < i; j++ {
					if h[i*n+j] != h[j*n+i] {
						t.Fatalf("%v: Hessian not symmetric at (%d, %d)", a, i, j)
					}
				}
			}
			v := randVec(rng, n, 1)
			m.HessVec(hv, x, v)
			mat.NewVecDense(n, hcol).MulVec(mat.NewDense(n, n, h), mat.NewVecDense(n, v))
			if !closeVec(hv, hcol, 1e-12) {
				t.Errorf("%v: HessVec %v, Hess·v %v", a, hv, hcol)
			}
			m.HessDiag(diag, x)
			var tr float64
			for i := 0; i < n; i++ {
				hcol[i] = h[i*n+i]
				tr += h[i*n+i]
			}
			if !closeVec(diag, hcol, 1e-12) {
				t.Errorf("%v: HessDiag %v, diagonal of Hess %v", a, diag, hcol)
			}
			if got := m.HessTrace(x); !closeVec([]float64{got}, []float64{tr}, 1e-12) {
				t.Errorf("%v: HessTrace %v, trace of Hess %v", a, got, tr)
			}
		}
	}
}
