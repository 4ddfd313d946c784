package nn

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// gonumEig returns the eigenvalues of the symmetric n×n matrix a, ascending.
func gonumEig(t testing.TB, a []float64, n int) []float64 {
	t.Helper()
	var es mat.EigenSym
	if !es.Factorize(mat.NewSymDense(n, append([]float64(nil), a...)), false) {
		t.Fatal("gonum EigenSym failed")
	}
	return es.Values(nil)
}

// maxAbs returns the largest |v|.
func maxAbs(v []float64) float64 {
	var m float64
	for _, x := range v {
		m = math.Max(m, math.Abs(x))
	}
	return m
}

// checkSpectrum holds Spectrum against gonum on a.
func checkSpectrum(t *testing.T, what string, a []float64, n int) {
	t.Helper()
	vals := make([]float64, n)
	Spectrum(vals, a, make([]float64, SpectrumWork(n)), n)
	want := gonumEig(t, a, n)
	tol := 1e-13 * float64(n) * math.Max(maxAbs(want), 1e-300)
	for i := range want {
		if far(vals[i], want[i], tol) {
			t.Fatalf("%s: eigenvalue %d of %d = %v, gonum %v", what, i, n, vals[i], want[i])
		}
	}
}

// TestSpectrumAgainstGonum: the spectrum of a network's Hessian, indefinite
// away from a minimum (la.EigSym itself is tested in package la).
func TestSpectrumAgainstGonum(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	// The Hessian of a network, indefinite away from a minimum.
	d := mustData(t, "xor", 40, 0.1, 2)
	m := mustMLP(t, Arch{Hidden: []int{4, 4}, Act: Tanh, Loss: CrossEntropy}, d)
	h := make([]float64, m.Dim()*m.Dim())
	m.Hess(h, randVec(rng, m.Dim(), 1.5))
	checkSpectrum(t, "Hessian", h, m.Dim())
	if got, want := Trace(h, m.Dim()), func() float64 {
		var s float64
		for _, v := range gonumEig(t, h, m.Dim()) {
			s += v
		}
		return s
	}(); far(got, want, 1e-10*maxAbs(h)) {
		t.Errorf("Trace %v, sum of eigenvalues %v", got, want)
	}
}

// TestSharpnessTop holds Sharpness.Top against the largest eigenvalue of
// the dense Hessian at random networks and points, most of them indefinite,
// some with λ_min far below −λ_max.
func TestSharpnessTop(t *testing.T) {
	d := mustData(t, "spiral", 60, 0.1, 5)
	rng := rand.New(rand.NewPCG(3, 4))
	var indefinite, dominated int
	for _, a := range testArchs([]int{5}, []int{6, 4}, []int{3, 4, 3}) {
		m := mustMLP(t, a, d)
		n := m.Dim()
		h := make([]float64, n*n)
		var sh Sharpness
		for trial := 0; trial < 4; trial++ {
			x := randVec(rng, n, 0.5+float64(trial))
			m.Hess(h, x)
			want := gonumEig(t, h, n)
			lmin, lmax := want[0], want[n-1]
			if lmin < 0 && lmax > 0 {
				indefinite++
			}
			if -lmin > lmax {
				dominated++
			}
			got := sh.Top(m, x)
			if !sh.Converged || far(got, lmax, 1e-6*math.Abs(lmax)) {
				t.Errorf("%v trial %d: Top = %v (converged %v after %d), dense λ_max = %v (λ_min %v)",
					a, trial, got, sh.Converged, sh.Iters, lmax, lmin)
			}
			// Vec is a unit eigenvector: ‖Hv − λv‖ small.
			v := sh.Vec()
			hv := make([]float64, n)
			m.HessVec(hv, x, v)
			var r float64
			for i := range hv {
				r = math.Hypot(r, hv[i]-got*v[i])
			}
			if far(norm(v), 1, 1e-12) || !(r <= 1e-6*maxAbs(want)) {
				t.Errorf("%v trial %d: ‖Hv − λv‖ = %v, ‖v‖ = %v", a, trial, r, norm(v))
			}
		}
	}
	if indefinite < 20 || dominated < 3 {
		t.Errorf("only %d indefinite Hessians, %d with |λ_min| > λ_max: the test lost its teeth", indefinite, dominated)
	}
}

// TestSharpnessWarmStart follows a gradient-descent path and counts
// Hessian-vector products: warm-started calls need fewer than cold ones,
// and both agree with the dense eigenvalue.
func TestSharpnessWarmStart(t *testing.T) {
	d := mustData(t, "circle", 100, 0.1, 1)
	m := mustMLP(t, Arch{Hidden: []int{8, 8}, Act: Tanh, Loss: MSE}, d)
	n := m.Dim()
	x, g, h := make([]float64, n), make([]float64, n), make([]float64, n*n)
	m.Init(x, 1)
	var warm, cold Sharpness
	var warmIters, coldIters int
	for step := 0; step < 20; step++ {
		m.Grad(g, x)
		for i := range x {
			x[i] -= 0.5 * g[i]
		}
		m.Hess(h, x)
		want := gonumEig(t, h, n)[n-1]
		cold.Reset()
		lw, lc := warm.Top(m, x), cold.Top(m, x)
		if far(lw, want, 1e-6*want) || far(lc, want, 1e-6*want) {
			t.Fatalf("step %d: warm %v, cold %v, dense %v", step, lw, lc, want)
		}
		if step > 0 {
			warmIters += warm.Iters
			coldIters += cold.Iters
		}
	}
	if warmIters >= coldIters {
		t.Errorf("warm start took %d Hessian-vector products, cold %d", warmIters, coldIters)
	}
	t.Logf("Hessian-vector products over 19 calls: warm %d, cold %d", warmIters, coldIters)
}

// denseOp is the operator v ↦ A·v of a dense symmetric matrix, ignoring x.
type denseOp struct {
	n int
	a []float64
}

func (o *denseOp) Dim() int { return o.n }
func (o *denseOp) HessVec(hv, x, v []float64) {
	for i := 0; i < o.n; i++ {
		hv[i] = dot(o.a[i*o.n:(i+1)*o.n], v)
	}
}

// withSpectrum returns Q·diag(lam)·Qᵀ for a random orthogonal Q (the Q of
// a QR factorization of a normal matrix); it also returns Q's columns.
func withSpectrum(rng *rand.Rand, lam []float64) (a []float64, q *mat.Dense) {
	n := len(lam)
	var qr mat.QR
	qr.Factorize(mat.NewDense(n, n, randVec(rng, n*n, 1)))
	q = new(mat.Dense)
	qr.QTo(q)
	var m mat.Dense
	m.Mul(q, mat.NewDiagDense(n, lam))
	m.Mul(&m, q.T())
	a = make([]float64, n*n)
	for i := 0; i < n; i++ {
		for j := 0; j <= i; j++ { // exactly symmetric
			a[i*n+j], a[j*n+i] = m.At(i, j), m.At(i, j)
		}
	}
	return a, q
}

// TestSharpnessIndefinite checks Top on operators whose negative
// eigenvalues dwarf λ_max (where power iteration would find λ_min), whose
// top eigenvalues cluster, and whose top eigenvector changes to one
// orthogonal to the warm start.
func TestSharpnessIndefinite(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	const n = 80
	spectra := []struct {
		name string
		f    func(i int) float64
	}{
		{"λ_min = −1000", func(i int) float64 { return -1000 + 1001*float64(i)/float64(n-1) }},
		{"two large negative", func(i int) float64 {
			if i < 2 {
				return -500
			}
			return float64(i) / n
		}},
		{"clustered top", func(i int) float64 { return 1 - 1e-3*float64(n-1-i) }},
		{"small top, negative rest", func(i int) float64 { return -1 + 1.001*float64(i)/float64(n-1) }},
	}
	for _, sp := range spectra {
		name := sp.name
		lam := make([]float64, n)
		for i := range lam {
			lam[i] = sp.f(i)
		}
		a, _ := withSpectrum(rng, lam)
		want := gonumEig(t, a, n)
		var sh Sharpness
		got := sh.Top(&denseOp{n, a}, nil)
		if far(got, want[n-1], 1e-6*maxAbs(want)) || far(got, want[n-1], 1e-6*math.Abs(want[n-1])) {
			t.Errorf("%s: Top = %v after %d, dense λ_max = %v", name, got, sh.Iters, want[n-1])
		}
	}

	// A crossing: the warm start is the old top eigenvector, which is now
	// the second one; the new top eigenvector is orthogonal to it.
	lam := make([]float64, n)
	for i := range lam {
		lam[i] = -3 + 4*float64(i)/float64(n)
	}
	lam[n-1], lam[n-2] = 2, 1.9
	a1, q := withSpectrum(rng, lam)
	lam[n-1], lam[n-2] = 1.9, 2.1 // the old top eigenvector now has 1.9
	var m mat.Dense
	m.Mul(q, mat.NewDiagDense(n, lam))
	m.Mul(&m, q.T())
	a2 := make([]float64, n*n)
	for i := 0; i < n; i++ {
		for j := 0; j <= i; j++ {
			a2[i*n+j], a2[j*n+i] = m.At(i, j), m.At(i, j)
		}
	}
	var sh Sharpness
	if got := sh.Top(&denseOp{n, a1}, nil); far(got, 2, 1e-9) {
		t.Fatalf("before the crossing: Top = %v, want 2", got)
	}
	if got := sh.Top(&denseOp{n, a2}, nil); far(got, 2.1, 1e-9) {
		t.Errorf("after the crossing: Top = %v after %d products, want 2.1", got, sh.Iters)
	}
}

// TestSharpnessLimits: a call that runs out of steps says so and returns a
// lower bound (a Ritz value); a changed dimension starts afresh.
func TestSharpnessLimits(t *testing.T) {
	rng := rand.New(rand.NewPCG(2, 3))
	lam := make([]float64, 60)
	for i := range lam {
		lam[i] = float64(i) / 59 // no gap at the top: slow convergence
	}
	a, _ := withSpectrum(rng, lam)
	sh := Sharpness{MaxIter: 3}
	got := sh.Top(&denseOp{60, a}, nil)
	if sh.Converged || sh.Iters != 3 || got > 1+1e-12 || got < 0.5 {
		t.Errorf("MaxIter 3: Top = %v, converged %v after %d", got, sh.Converged, sh.Iters)
	}
	sh.MaxIter = 0
	if got := sh.Top(&denseOp{60, a}, nil); !sh.Converged || far(got, 1, 1e-9) {
		t.Errorf("default MaxIter: Top = %v, converged %v after %d", got, sh.Converged, sh.Iters)
	}
	small, _ := withSpectrum(rng, []float64{-2, 0.5, 3})
	if got := sh.Top(&denseOp{3, small}, nil); !sh.Converged || far(got, 3, 1e-12) || sh.Iters > 3 {
		t.Errorf("3×3: Top = %v, converged %v after %d", got, sh.Converged, sh.Iters)
	}
	if v := sh.Vec(); len(v) != 3 {
		t.Errorf("Vec has length %d", len(v))
	}
	// A NaN in the operator gives NaN and does not poison the next call.
	bad := append([]float64(nil), small...)
	bad[4] = math.NaN()
	if got := sh.Top(&denseOp{3, bad}, nil); !math.IsNaN(got) {
		t.Errorf("NaN matrix: Top = %v", got)
	}
	if got := sh.Top(&denseOp{3, small}, nil); far(got, 3, 1e-12) {
		t.Errorf("after a NaN: Top = %v, want 3", got)
	}
}
