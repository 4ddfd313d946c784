package nn

import (
	"math"
	"math/rand/v2"
	"testing"

	"curvlab/sim/la"
)

// newtonStep sets x ← x − (H + μI)⁻¹g and reports whether the solve worked.
func newtonStep(m *MLP, x []float64, mu float64, g, h, l, p []float64) bool {
	n := m.Dim()
	m.Grad(g, x)
	m.Hess(h, x)
	for i := 0; i < n; i++ {
		h[i*n+i] += mu
	}
	if !la.Cholesky(l, h, n) {
		return false
	}
	la.CholSolve(p, l, g)
	for i := range x {
		x[i] -= p[i]
	}
	return true
}

// TestNewtonQuadratic finds a strict minimizer of a 2-3-1 tanh network's
// MSE loss by damped Newton steps, then checks that plain Newton steps from
// nearby converge quadratically: e_{k+1} ≤ C·e_k² and e_{k+1}/e_k → 0.
func TestNewtonQuadratic(t *testing.T) {
	// Labels from a teacher network of the same shape plus noise: the
	// minimizer lies near the teacher, with moderate weights. (Class labels
	// drive tanh units into saturation, where minima are degenerate.)
	d := mustData(t, "gaussians", 40, 1, 3)
	m := mustMLP(t, Arch{Hidden: []int{3}, Act: Tanh, Loss: MSE}, d)
	n := m.Dim()
	g, h, l, p := make([]float64, n), make([]float64, n*n), make([]float64, n*n), make([]float64, n)
	xs, trial := make([]float64, n), make([]float64, n)
	m.Init(xs, 2)
	for i := range xs {
		xs[i] *= 3
	}
	rng := rand.New(rand.NewPCG(2, 0))
	for i := range d.Y {
		p0, p1, _ := d.Point(i)
		d.Y[i] = m.Output(xs, p0, p1) + 0.1*rng.NormFloat64()
	}
	m = mustMLP(t, m.Arch(), d)

	// From the teacher, Levenberg–Marquardt steps: accept a step that
	// lowers L and shrink μ, otherwise grow μ.
	mu := 1e-2
	for it := 0; it < 500; it++ {
		m.Grad(g, xs)
		if norm(g) < 1e-14 {
			break
		}
		copy(trial, xs)
		if newtonStep(m, trial, mu, g, h, l, p) && m.Func(trial) <= m.Func(xs) {
			copy(xs, trial)
			mu = math.Max(mu/4, 1e-300)
		} else {
			mu *= 4
		}
	}
	m.Grad(g, xs)
	m.Hess(h, xs)
	vals := make([]float64, n)
	Spectrum(vals, h, make([]float64, SpectrumWork(n)), n)
	if !(norm(g) <= 1e-13 && vals[0] >= 1e-6) {
		t.Fatalf("no strict minimizer: ‖g‖ = %v, λ_min = %v at %v", norm(g), vals[0], xs)
	}

	x := make([]float64, n)
	for i := range x {
		x[i] = xs[i] + 1e-3*rng.NormFloat64()
	}
	dist := func() float64 {
		var s float64
		for i := range x {
			s = math.Hypot(s, x[i]-xs[i])
		}
		return s
	}
	e := []float64{dist()}
	for k := 0; k < 8 && e[len(e)-1] > 1e-11; k++ {
		if !newtonStep(m, x, 0, g, h, l, p) {
			t.Fatalf("step %d: Hessian not positive definite", k)
		}
		e = append(e, dist())
	}
	if !(e[len(e)-1] <= 1e-11) {
		t.Fatalf("Newton did not converge: errors %v", e)
	}
	// Quadratic: e_{k+1} ≤ C·e_k² with C bounded (here C ≈ ‖∇³L‖/(2λ_min)
	// is about 10²; linear convergence at rate r would give e_{k+1}/e_k² =
	// r/e_k, beyond 10⁵ once e_k < 10⁻⁶), and e_{k+1}/e_k decreasing.
	checked := 0
	for k := 1; k < len(e); k++ {
		if e[k-1] < 1e-8 { // below, rounding dominates
			break
		}
		checked++
		if q := e[k] / (e[k-1] * e[k-1]); !(q <= 1e3) {
			t.Errorf("step %d: e_k+1/e_k² = %v (errors %v)", k, q, e)
		}
		if k >= 2 && e[k]/e[k-1] > e[k-1]/e[k-2] {
			t.Errorf("step %d: e_k+1/e_k did not shrink (errors %v)", k, e)
		}
	}
	if checked < 3 || e[3]/e[2] > 1e-4 {
		t.Errorf("errors %v: want three steps above 1e-8 and e_3/e_2 < 1e-4", e)
	}
	t.Logf("errors %v, λ of H* in [%v, %v]", e, vals[0], vals[n-1])
}
