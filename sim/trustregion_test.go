package sim_test

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"

	"curvlab/sim"
	"curvlab/sim/internal/simtest"
	"curvlab/sim/la"
	"curvlab/sim/surfaces"
)

// trtModel returns m(p) − f = gᵀp + ½pᵀBp.
func trtModel(g, b, p []float64) float64 {
	n := len(g)
	m := la.Dot(g, p)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			m += 0.5 * p[i] * b[i*n+j] * p[j]
		}
	}
	return m
}

// trtCauchy returns the minimizer of m along −g within ‖p‖ ≤ Δ, found by
// dense sampling (the definition of the Cauchy point, N&W eq. 4.11), and
// its model value.
func trtCauchy(g, b []float64, delta float64) ([]float64, float64) {
	gn := la.Norm(g)
	best, bestM := make([]float64, len(g)), 0.0
	p := make([]float64, len(g))
	for i := 0; i <= 4000; i++ {
		la.Scale(p, -delta*float64(i)/4000/gn, g)
		if m := trtModel(g, b, p); m < bestM {
			bestM = m
			copy(best, p)
		}
	}
	return best, bestM
}

// trtRandVec returns a reproducible random vector with entries in [−1, 1].
func trtRandVec(n int, seed uint64) []float64 {
	pts := randPoints(surfaces.Window{XMin: -1, XMax: 1, YMin: -1, YMax: 1}, n, seed)
	v := make([]float64, n)
	for i := range v {
		v[i] = pts[i][1]
	}
	return v
}

// trtIndefinite returns a random symmetric n×n matrix with eigenvalues
// spread over [−5, 20], one of them negative.
func trtIndefinite(n int, seed uint64) []float64 {
	a := ntRandSPD(n, seed) // eigenvalues 0.5 … 50
	for i := 0; i < n; i++ {
		a[i*n+i] -= 10
	}
	return a
}

func TestTrustRegionDoglegStep(t *testing.T) {
	for _, n := range []int{2, 5} {
		for seed := uint64(1); seed <= 4; seed++ {
			b := ntRandSPD(n, 10*seed+uint64(n))
			g := trtRandVec(n, seed)
			chol := make([]float64, n*n)
			if !la.Cholesky(chol, b, n) {
				t.Fatal("test matrix not positive definite")
			}
			pB := ntSolve(t, b, g)
			la.Scale(pB, -1, pB)
			nB := la.Norm(pB)
			p, pn, pu, bg := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
			prevM := 0.0
			for i := 0; i <= 40; i++ {
				delta := nB * 1e-3 * math.Pow(2e3, float64(i)/40) // 1e-3‖p_B‖ … 2‖p_B‖
				sim.DoglegStep(p, pn, pu, bg, b, chol, true, g, delta)
				m := trtModel(g, b, p)
				if la.Norm(p) > delta*(1+1e-12) {
					t.Errorf("n=%d Δ=%g: ‖p‖ = %g outside the region", n, delta, la.Norm(p))
				}
				if delta >= nB {
					if !simtest.CloseVec(p, pB, 1e-10) {
						t.Errorf("n=%d Δ=%g ≥ ‖p_B‖: p = %v, want the Newton step %v", n, delta, p, pB)
					}
				} else if math.Abs(la.Norm(p)-delta) > 1e-10*delta {
					t.Errorf("n=%d Δ=%g < ‖p_B‖: ‖p‖ = %g, want the boundary", n, delta, la.Norm(p))
				}
				// At least the Cauchy decrease (N&W §4.1), and m decreases
				// along the dogleg path as Δ grows (N&W Lemma 4.2).
				if _, mc := trtCauchy(g, b, delta); m > mc+1e-9*math.Abs(mc) {
					t.Errorf("n=%d Δ=%g: m(p) = %g above the Cauchy point's %g", n, delta, m, mc)
				}
				if m > prevM+1e-12*math.Abs(prevM) {
					t.Errorf("n=%d Δ=%g: m(p) = %g rose from %g as Δ grew", n, delta, m, prevM)
				}
				prevM = m
			}
			// Without positive definiteness: the Cauchy point.
			bi := trtIndefinite(n, seed)
			for _, delta := range []float64{0.01, 0.3, 3} {
				sim.DoglegStep(p, pn, pu, bg, bi, chol, false, g, delta)
				pc, mc := trtCauchy(g, bi, delta)
				if !simtest.CloseVec(p, pc, 1e-3*delta) || trtModel(g, bi, p) > mc+1e-12*math.Abs(mc) {
					t.Errorf("n=%d indefinite Δ=%g: p = %v, Cauchy point %v", n, delta, p, pc)
				}
			}
		}
	}
	// g = 0: no step.
	p := []float64{7, 7}
	sim.DoglegStep(p, make([]float64, 2), make([]float64, 2), make([]float64, 2), []float64{1, 0, 0, 1}, []float64{1, 0, 0, 1}, true, []float64{0, 0}, 1)
	if p[0] != 0 || p[1] != 0 {
		t.Errorf("dogleg at g = 0: p = %v", p)
	}
}

func TestTrustRegionSteihaug(t *testing.T) {
	for _, n := range []int{2, 5} {
		solve := sim.NewSteihaug(n)
		p := make([]float64, n)
		for seed := uint64(1); seed <= 4; seed++ {
			g := trtRandVec(n, seed)
			// Positive definite, large Δ: the Newton step (gonum's solve).
			b := ntRandSPD(n, 10*seed+uint64(n))
			pB := ntSolve(t, b, g)
			la.Scale(pB, -1, pB)
			solve(p, b, g, 1e3*la.Norm(pB))
			if !simtest.CloseVec(p, pB, 1e-9) {
				t.Errorf("n=%d: Steihaug with large Δ gave %v, Newton step %v", n, p, pB)
			}
			// Small Δ: on the boundary, at least the Cauchy decrease.
			for _, delta := range []float64{1e-3, 0.1, 0.5} {
				delta *= la.Norm(pB)
				solve(p, b, g, delta)
				_, mc := trtCauchy(g, b, delta)
				if math.Abs(la.Norm(p)-delta) > 1e-10*delta || trtModel(g, b, p) > mc+1e-9*math.Abs(mc) {
					t.Errorf("n=%d Δ=%g: ‖p‖ = %g, m = %g, Cauchy m = %g", n, delta, la.Norm(p), trtModel(g, b, p), mc)
				}
			}
			// Indefinite: the model is unbounded below, so CG must leave
			// through the boundary, with at least the Cauchy decrease.
			bi := trtIndefinite(n, seed)
			vals, _ := ntEig(t, bi, n)
			if !(vals[0] < 0) {
				t.Fatal("test matrix not indefinite")
			}
			for _, delta := range []float64{0.1, 10, 1e3} {
				solve(p, bi, g, delta)
				_, mc := trtCauchy(g, bi, delta)
				if math.Abs(la.Norm(p)-delta) > 1e-10*delta || trtModel(g, bi, p) > mc+1e-9*math.Abs(mc) {
					t.Errorf("n=%d indefinite Δ=%g: ‖p‖ = %g, m = %g, Cauchy m = %g", n, delta, la.Norm(p), trtModel(g, bi, p), mc)
				}
			}
		}
	}
	// Zero curvature: straight to the boundary along −g. g = 0: no step.
	solve := sim.NewSteihaug(2)
	p := make([]float64, 2)
	solve(p, []float64{0, 0, 0, 0}, []float64{3, 4}, 2)
	if !simtest.CloseVec(p, []float64{-1.2, -1.6}, 1e-15) {
		t.Errorf("B = 0: p = %v, want −Δg/‖g‖", p)
	}
	solve(p, []float64{1, 0, 0, 1}, []float64{0, 0}, 2)
	if p[0] != 0 || p[1] != 0 {
		t.Errorf("g = 0: p = %v", p)
	}
}

func TestTrustRegionNewtonStepOnQuadratics(t *testing.T) {
	a5 := ntRandSPD(5, 77)
	b5 := trtRandVec(5, 78)
	q2 := surfaces.NewQuadratic(0.5, 200, -70)
	a2 := q2.Matrix()
	for _, c := range []struct {
		obj  sim.Objective
		a, b []float64
		x0   []float64
	}{
		{q2, a2[:], []float64{0, 0}, []float64{-1.5, 1}},
		{sim.NewQuadraticND(a5, b5), a5, b5, []float64{1, -2, 0.5, 3, -1}},
	} {
		xstar := ntSolve(t, c.a, c.b)
		for _, spec := range []string{"tr-cg:radius=1000,maxradius=1000", "tr-dogleg:radius=1000,maxradius=1000"} {
			r := simtest.RunSpec(t, c.obj, spec, c.x0, 1, 0)
			if s := r.Row(1); !simtest.CloseVec(s.X, xstar, 1e-9) || s.Events&sim.EventRejected != 0 {
				t.Errorf("%s (n=%d): x₁ = %v (%v), want the minimizer %v", spec, len(c.x0), s.X, s.Events, xstar)
			}
		}
	}
}

// trtCheckTrace checks a trust-region run row by row against N&W Alg. 4.1,
// recomputing ρ from the recorded values, and returns how many steps were
// rejected, shrank Δ and grew Δ. hessModel says the model matrix is the
// true Hessian at the row's iterate.
func trtCheckTrace(t *testing.T, name string, obj sim.Objective, r *sim.Run, hessModel bool, maxRadius float64) (rejected, shrunk, grown int) {
	t.Helper()
	n := obj.Dim()
	h := make([]float64, n*n)
	p := make([]float64, n)
	for k := 1; k < len(r.Trace); k++ {
		prev, cur := r.Row(k-1), r.Row(k)
		delta := prev.Radius
		if hessModel {
			obj.Hess(h, prev.X)
			if !simtest.CloseVec(prev.Curv, h, 0) {
				t.Fatalf("%s row %d: recorded model %v is not ∇²f = %v", name, k-1, prev.Curv, h)
			}
		}
		if cur.Trials == 0 {
			// No step could be taken (p = 0 or no predicted decrease).
			if cur.Events&sim.EventRejected == 0 || !simtest.CloseVec(cur.X, prev.X, 0) {
				t.Errorf("%s row %d: no trial but the iterate moved", name, k)
			}
			continue
		}
		if cur.Trials != 1 {
			t.Fatalf("%s row %d: %d trials, want 1", name, k, cur.Trials)
		}
		if f := obj.Func(cur.TrialX); f != cur.TrialF[0] {
			t.Fatalf("%s row %d: recorded trial value %v, f = %v", name, k, cur.TrialF[0], f)
		}
		la.Sub(p, cur.TrialX, prev.X)
		pn := la.Norm(p)
		if pn > delta*(1+1e-9) {
			t.Errorf("%s row %d: step ‖p‖ = %g outside Δ = %g", name, k, pn, delta)
		}
		pred := -trtModel(prev.G, prev.Curv, p)
		rho := (prev.F - cur.TrialF[0]) / pred
		if math.Abs(rho-0.25) < 1e-9 || math.Abs(rho-0.75) < 1e-9 || math.Abs(rho-1e-4) < 1e-9 {
			continue // too close to a threshold to judge from recomputed values
		}
		want := delta
		switch {
		case rho < 0.25:
			want = delta / 4
			shrunk++
		case rho > 0.75 && pn >= delta*(1-1e-6):
			want = math.Min(2*delta, maxRadius)
			grown++
		}
		if math.Abs(cur.Radius-want) > 1e-14*want {
			t.Errorf("%s row %d: ρ = %.6g, ‖p‖ = %.6g, Δ = %.6g → %.6g, want %.6g (Alg. 4.1)", name, k, rho, pn, delta, cur.Radius, want)
		}
		if rho > 1e-4 {
			if cur.Events&sim.EventRejected != 0 || !simtest.CloseVec(cur.X, cur.TrialX, 0) || cur.F != cur.TrialF[0] {
				t.Errorf("%s row %d: ρ = %g > η but the step was not taken", name, k, rho)
			}
		} else {
			rejected++
			if cur.Events&sim.EventRejected == 0 || !simtest.CloseVec(cur.X, prev.X, 0) || cur.F != prev.F || !simtest.CloseVec(cur.G, prev.G, 0) {
				t.Errorf("%s row %d: ρ = %g ≤ η but the iterate moved: %v → %v", name, k, rho, prev.X, cur.X)
			}
		}
	}
	return rejected, shrunk, grown
}

func TestTrustRegionRadiusRule(t *testing.T) {
	for _, c := range []struct {
		spec              string
		hessModel         bool
		radius, maxRadius float64
	}{
		{"tr-dogleg", true, 1, 100},
		{"tr-cg", true, 1, 100},
		{"tr-dogleg:radius=5,maxradius=8", true, 5, 8},
		{"tr-cg:radius=20,maxradius=8", true, 8, 8}, // Δ₀ = min(radius, maxradius)
		{"sr1-tr", false, 1, 100},
		{"sr1-tr:radius=3", false, 3, 100},
	} {
		var rej, shr, gro int
		for _, x0 := range [][]float64{{-1.2, 1}, {0.5, -1.5}, {-2, 3}} {
			r := simtest.RunSpec(t, ntRosen{}, c.spec, x0, 400, 1e-8)
			if r.Last().Events&sim.EventConverged == 0 {
				t.Errorf("%s from %v: did not converge in 400 steps (‖g‖ = %g)", c.spec, x0, r.Last().GNorm)
			}
			if d0 := r.Row(0).Radius; d0 != c.radius {
				t.Errorf("%s: Δ₀ = %v, want %v", c.spec, d0, c.radius)
			}
			a, b, g := trtCheckTrace(t, c.spec, ntRosen{}, r, c.hessModel, c.maxRadius)
			rej, shr, gro = rej+a, shr+b, gro+g
		}
		// The runs must exercise every branch of Alg. 4.1.
		if rej == 0 || shr == 0 || gro == 0 {
			t.Errorf("%s: %d rejected, %d shrinking, %d growing steps: the test misses a branch", c.spec, rej, shr, gro)
		}
	}
}

// trtSR1 applies N&W eq. 6.24 with the skip rule to b (n×n) in a fresh
// slice, reporting whether it skipped.
func trtSR1(b, s, y []float64) ([]float64, bool) {
	n := len(s)
	v := make([]float64, n)
	bs := make([]float64, n)
	la.MatVec(bs, b, s)
	la.Sub(v, y, bs)
	out := append([]float64(nil), b...)
	den := la.Dot(s, v)
	if math.Abs(den) <= 1e-8*la.Norm(s)*la.Norm(v) {
		return out, true
	}
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			out[i*n+j] += v[i] * v[j] / den
		}
	}
	return out, false
}

func TestTrustRegionSR1Updates(t *testing.T) {
	// Along a Rosenbrock run, every row's B is the SR1 update of the
	// previous one with s = trial − x and y = ∇f(trial) − ∇f(x) — also
	// after rejected steps (N&W Alg. 6.2) — or unchanged with EventSkip.
	obj := ntRosen{}
	r := simtest.RunSpec(t, obj, "sr1-tr", []float64{-1.2, 1}, 400, 1e-8)
	if len(r.Trace) < 3 || !simtest.CloseVec(r.Row(0).Curv, []float64{1, 0, 0, 1}, 0) || r.Row(0).CurvKind != sim.CurvB {
		t.Fatalf("sr1-tr: B₀ = %v (%v), want I", r.Row(0).Curv, r.Row(0).CurvKind)
	}
	s, y, gt := make([]float64, 2), make([]float64, 2), make([]float64, 2)
	updatedOnRejection := 0
	for k := 1; k < len(r.Trace); k++ {
		prev, cur := r.Row(k-1), r.Row(k)
		if cur.Trials == 0 {
			continue
		}
		la.Sub(s, cur.TrialX, prev.X)
		obj.Grad(gt, cur.TrialX)
		la.Sub(y, gt, prev.G)
		want, skip := trtSR1(prev.Curv, s, y)
		if !simtest.CloseVec(cur.Curv, want, 1e-10) || skip != (cur.Events&sim.EventSkip != 0) {
			t.Errorf("sr1-tr row %d: B = %v (%v), want %v (skip %v)", k, cur.Curv, cur.Events, want, skip)
		}
		if !skip && cur.Events&sim.EventRejected != 0 {
			updatedOnRejection++
		}
	}
	if updatedOnRejection == 0 {
		t.Error("sr1-tr: no update after a rejected step in the run; the test misses that case")
	}
}

func TestTrustRegionSR1LearnsHessian(t *testing.T) {
	// On a quadratic (y = As exactly), SR1 updates are hereditary:
	// B_k s_j = y_j for every earlier update step s_j, so once the steps
	// span Rⁿ (and no update was skipped) B = A (N&W Thm 6.1, stated for
	// the inverse; the direct form is its dual).
	a5 := ntRandSPD(5, 5)
	b5 := trtRandVec(5, 6)
	q2 := surfaces.NewQuadratic(1, 10, 30)
	a2 := q2.Matrix()
	q3 := surfaces.NewQuadratic(3, -1, 20) // indefinite: SR1 learns it too
	a3 := q3.Matrix()
	for _, c := range []struct {
		obj sim.Objective
		a   []float64
		x0  []float64
	}{
		{q2, a2[:], []float64{-1.5, 1}},
		{q3, a3[:], []float64{0.5, 0.4}},
		{sim.NewQuadraticND(a5, b5), a5, []float64{1, -2, 0.5, 3, -1}},
	} {
		n := c.obj.Dim()
		r := simtest.RunSpec(t, c.obj, "sr1-tr", c.x0, 4*n, 0)
		var steps [][]float64
		learned := false
		for k := 1; k < len(r.Trace) && !learned; k++ {
			cur := r.Row(k)
			if cur.Trials == 0 || cur.Events&sim.EventSkip != 0 {
				t.Fatalf("n=%d row %d: no update (%v) before B was learned", n, k, cur.Events)
			}
			s := make([]float64, n)
			la.Sub(s, cur.TrialX, r.Row(k-1).X)
			steps = append(steps, s)
			// Hereditary secant conditions B_k s_j = A s_j, j ≤ k.
			bs, as := make([]float64, n), make([]float64, n)
			for j, sj := range steps {
				la.MatVec(bs, cur.Curv, sj)
				la.MatVec(as, c.a, sj)
				if !simtest.CloseVec(bs, as, 1e-8*la.Norm(as)) {
					t.Errorf("n=%d row %d: B s_%d = %v, A s = %v", n, k, j+1, bs, as)
				}
			}
			if len(steps) < n {
				continue
			}
			m := mat.NewDense(n, len(steps), nil)
			for j, sj := range steps {
				for i := range sj {
					m.Set(i, j, sj[i]/la.Norm(sj))
				}
			}
			var svd mat.SVD
			if !svd.Factorize(m, mat.SVDNone) {
				t.Fatal("SVD failed")
			}
			if sv := svd.Values(nil); sv[n-1] > 1e-3*sv[0] {
				learned = true
				if !simtest.CloseVec(cur.Curv, c.a, 1e-7) {
					t.Errorf("n=%d: steps span Rⁿ after row %d but B = %v, want A = %v", n, k, cur.Curv, c.a)
				}
			}
		}
		if !learned {
			t.Errorf("n=%d: the steps never spanned Rⁿ (%d steps)", n, len(steps))
		}
	}
}

func TestTrustRegionSR1SkipRule(t *testing.T) {
	// A = diag(2, ½), B₀ = I, and ‖g₀‖ < Δ, so the first step is s = −g₀.
	// From x₀ = −c·(½, 2√2) it is s = c·(1, √2), for which
	// sᵀ(y − Bs) = sᵀ(A − I)s = c²(1 − ½·2) = 0 while y − Bs ≠ 0: the
	// update must be skipped. From x₀ = −c·(½, 2), s = c·(1, 1) gives
	// sᵀ(A − I)s = ½c² and a regular update.
	q := surfaces.NewQuadratic(2, 0.5, 0)
	const c = 0.3
	for _, tc := range []struct {
		x0   []float64
		skip bool
	}{
		{[]float64{-c * 0.5, -c * 2 * math.Sqrt2}, true},
		{[]float64{-c * 0.5, -c * 2}, false},
	} {
		r := simtest.RunSpec(t, q, "sr1-tr", tc.x0, 1, 0)
		s1 := r.Row(1)
		s := []float64{s1.TrialX[0] - tc.x0[0], s1.TrialX[1] - tc.x0[1]}
		g0 := r.Row(0).G
		if !simtest.CloseVec(s, []float64{-g0[0], -g0[1]}, 1e-15) {
			t.Fatalf("first step %v is not −g₀ = %v", s, g0)
		}
		skipped := s1.Events&sim.EventSkip != 0
		identity := simtest.CloseVec(s1.Curv, []float64{1, 0, 0, 1}, 0)
		if skipped != tc.skip || identity != tc.skip {
			t.Errorf("x₀ = %v: skip event %v, B = %v; want skip %v", tc.x0, skipped, s1.Curv, tc.skip)
		}
		if !tc.skip { // the secant equation B₊s = y holds after an update
			y := []float64{2 * s[0], 0.5 * s[1]}
			bs := make([]float64, 2)
			la.MatVec(bs, s1.Curv, s)
			if !simtest.CloseVec(bs, y, 1e-12) {
				t.Errorf("B₊s = %v, y = %v", bs, y)
			}
		}
	}
}
