package sim_test

import (
	"math"
	"testing"

	"curvlab/sim"
	"curvlab/sim/internal/simtest"
	"curvlab/sim/la"
	"curvlab/sim/surfaces"
)

// Tests of the first-order methods (gd, momentum, nesterov, adagrad,
// rmsprop, adam) against closed forms and textbook rates on quadratics.

// foEigvecs returns the unit eigenvectors of NewQuadratic(l1, l2, angle),
// from the angle alone: u₁ = (cos θ, sin θ) for l1, u₂ = (−sin θ, cos θ) for l2.
func foEigvecs(angle float64) (u1, u2 []float64) {
	s, c := math.Sincos(angle * math.Pi / 180)
	return []float64{c, s}, []float64{-s, c}
}

// foShifted is f(x) = ½(x − c)ᵀA(x − c) for the matrix A of a Quadratic:
// a bowl whose minimizer c is not the origin.
type foShifted struct {
	q *surfaces.Quadratic
	c []float64
	d [2]float64
}

func (s *foShifted) Dim() int { return 2 }
func (s *foShifted) Func(x []float64) float64 {
	s.d[0], s.d[1] = x[0]-s.c[0], x[1]-s.c[1]
	return s.q.Func(s.d[:])
}
func (s *foShifted) Grad(g, x []float64) {
	s.d[0], s.d[1] = x[0]-s.c[0], x[1]-s.c[1]
	s.q.Grad(g, s.d[:])
}
func (s *foShifted) Hess(h, x []float64) { s.q.Hess(h, x) }

func foSpec(t *testing.T, spec string) sim.Method {
	t.Helper()
	s, err := sim.ParseSpec(spec)
	if err != nil {
		t.Fatal(err)
	}
	return s.New()
}

// TestGDQuadraticStepSizeThreshold: on a quadratic, GD multiplies the error
// along eigenvector i by exactly (1 − αλᵢ) per step, so α = 0.99·2/λ_max
// converges and α = 1.01·2/λ_max diverges, at the predicted step.
func TestGDQuadraticStepSizeThreshold(t *testing.T) {
	cases := []struct{ l1, l2, angle float64 }{
		{1, 10, 30},
		{0.1, 100, -70}, // κ = 1000
	}
	x0 := []float64{-1.5, 1}
	for _, c := range cases {
		q := surfaces.NewQuadratic(c.l1, c.l2, c.angle)
		u1, u2 := foEigvecs(c.angle)
		lmax := math.Max(c.l1, c.l2)
		for _, factor := range []float64{0.99, 1.01} {
			alpha := factor * 2 / lmax
			r := simtest.RunSpec(t, q, "gd:lr="+sim.FormatFloat(alpha), x0, 20000, 1e-8)
			rates := [2]float64{1 - alpha*c.l1, 1 - alpha*c.l2}
			for k := 1; k < len(r.Trace); k++ {
				xp, x := r.Row(k-1).X, r.Row(k).X
				tol := 1e-12 * la.Norm(xp) * math.Max(1, math.Abs(rates[0])+math.Abs(rates[1]))
				for i, u := range [][]float64{u1, u2} {
					got, want := la.Dot(u, x), rates[i]*la.Dot(u, xp)
					if math.Abs(got-want) > tol {
						t.Fatalf("%v α=%g step %d: component %d is %g, want (1−αλ)·%g = %g",
							c, alpha, k, i, got, la.Dot(u, xp), want)
					}
				}
			}
			last := r.Last()
			if factor < 1 {
				if last.Events&sim.EventConverged == 0 {
					t.Errorf("%v α=0.99·2/λmax: no convergence in %d steps (‖g‖=%g)", c, last.Iter, last.GNorm)
				}
				continue
			}
			if last.Events&sim.EventDiverged == 0 {
				t.Fatalf("%v α=1.01·2/λmax: no divergence in %d steps (‖x‖=%g)", c, last.Iter, la.Norm(last.X))
			}
			// Every |1−αλᵢ| ≤ ρ = |1−αλ_max|, so ‖x_k‖ ≤ ρᵏ‖x₀‖ and no
			// coordinate can pass the bound before k_lo. Some coordinate
			// is ≥ |c_max(k)|/√2, so the bound is passed by k_hi.
			rho := alpha*lmax - 1
			umax := u2
			if c.l1 > c.l2 {
				umax = u1
			}
			klo := math.Log(sim.DefaultBound/la.Norm(x0)) / math.Log(rho)
			khi := math.Log(math.Sqrt2*sim.DefaultBound/math.Abs(la.Dot(umax, x0)))/math.Log(rho) + 1
			t.Logf("%v α=1.01·2/λmax: diverged at step %d, theory [%.1f, %.1f]", c, last.Iter, klo, khi)
			if k := float64(last.Iter); k < klo || k > khi {
				t.Errorf("%v α=1.01·2/λmax: diverged at step %g, theory says in [%g, %g]", c, k, klo, khi)
			}
		}
	}
}

// TestGDLineSearchConditions checks every accepted step of GD with Armijo
// backtracking and with the strong Wolfe search (N&W §3.1) from the trace.
func TestGDLineSearchConditions(t *testing.T) {
	q := surfaces.NewQuadratic(1, 10, 30)
	x0 := []float64{-1.5, 1}
	const c2 = 0.1
	for _, spec := range []string{"gd:lr=1,ls=armijo", "gd:lr=1,ls=wolfe,c2=0.1"} {
		wolfe := spec != "gd:lr=1,ls=armijo"
		r := simtest.RunSpec(t, q, spec, x0, 500, 1e-10)
		if r.Last().Events&sim.EventConverged == 0 {
			t.Errorf("%s: did not converge in %d steps", spec, r.Last().Iter)
		}
		backtracked := false
		for k := 1; k < len(r.Trace); k++ {
			prev, cur := r.Row(k-1), r.Row(k)
			if cur.Events&sim.EventRejected != 0 {
				t.Fatalf("%s step %d: rejected", spec, k)
			}
			// The step is along d = −g with length Alpha.
			want := []float64{prev.X[0] - cur.Alpha*prev.G[0], prev.X[1] - cur.Alpha*prev.G[1]}
			if !simtest.CloseVec(cur.X, want, 1e-13) {
				t.Fatalf("%s step %d: x = %v, x₋ − α·g₋ = %v", spec, k, cur.X, want)
			}
			if f := q.Func(cur.X); f != cur.F {
				t.Fatalf("%s step %d: recorded f %g, f(x) = %g", spec, k, cur.F, f)
			}
			gg := la.Dot(prev.G, prev.G)
			slack := 1e-14 * math.Abs(prev.F)
			if cur.F > prev.F-sim.ArmijoC1*cur.Alpha*gg+slack {
				t.Errorf("%s step %d: Armijo fails: f %g > %g − c₁·%g·%g", spec, k, cur.F, prev.F, cur.Alpha, gg)
			}
			if !(cur.F < prev.F) {
				t.Errorf("%s step %d: f did not decrease: %g → %g", spec, k, prev.F, cur.F)
			}
			if wolfe {
				if s := math.Abs(la.Dot(cur.G, prev.G)); s > c2*gg*(1+1e-12) {
					t.Errorf("%s step %d: strong Wolfe fails: |g₊ᵀd| = %g > c₂|gᵀd| = %g", spec, k, s, c2*gg)
				}
			}
			// Trials: recorded with their true values; the accepted point
			// is one of them.
			n := cur.Trials
			if n == 0 {
				t.Fatalf("%s step %d: no trials recorded", spec, k)
			}
			found := false
			for i := 0; i < n; i++ {
				tx := cur.TrialX[2*i : 2*i+2]
				if f := q.Func(tx); f != cur.TrialF[i] {
					t.Errorf("%s step %d trial %d: recorded f %g, f(x) = %g", spec, k, i, cur.TrialF[i], f)
				}
				if tx[0] == cur.X[0] && tx[1] == cur.X[1] {
					found = true
				}
			}
			if !found {
				t.Errorf("%s step %d: accepted point %v is not among the trials", spec, k, cur.X)
			}
			if wolfe {
				continue
			}
			// Backtracking (N&W Alg. 3.1): trial i has α = lr·½ⁱ; all but
			// the last violate Armijo, the last is the accepted point.
			if a := math.Ldexp(1, -(n - 1)); cur.Alpha != a {
				t.Errorf("%s step %d: α = %g after %d trials, want %g", spec, k, cur.Alpha, n, a)
			}
			for i := 0; i < n-1; i++ {
				a := math.Ldexp(1, -i)
				if cur.TrialF[i] <= prev.F-sim.ArmijoC1*a*gg {
					t.Errorf("%s step %d: trial %d (α=%g) satisfies Armijo but was not accepted", spec, k, i, a)
				}
			}
			if n > 1 {
				backtracked = true
			}
		}
		if !wolfe && !backtracked {
			t.Errorf("%s: lr=1 > 2/λmax never backtracked", spec)
		}
	}
}

// TestHeavyBallOptimalRate: with α = 4/(√L+√μ)² and β = ((√κ−1)/(√κ+1))²
// both eigencomponents of the error have a double root of modulus
// r = (√κ−1)/(√κ+1), so e_k = (a + b·k)·rᵏ: the observed geometric rate
// over steps 100..300 is r times at most (3)^(1/200) ≈ 1.0055 (a and b have
// the same sign for x₋ = x₀, checked by hand), and is far below GD's best
// rate (κ−1)/(κ+1).
func TestHeavyBallOptimalRate(t *testing.T) {
	mu, L := 1.0, 100.0
	q := surfaces.NewQuadratic(mu, L, 25)
	kappa := L / mu
	sk := math.Sqrt(kappa)
	rate := (sk - 1) / (sk + 1)
	alpha := 4 / math.Pow(math.Sqrt(L)+math.Sqrt(mu), 2)
	beta := rate * rate
	spec := "momentum:lr=" + sim.FormatFloat(alpha) + ",beta=" + sim.FormatFloat(beta)
	r := simtest.RunSpec(t, q, spec, []float64{-1.5, 1}, 300, 0)
	if len(r.Trace) != 301 {
		t.Fatalf("run ended early at step %d: %v", r.Last().Iter, r.Last().Events)
	}
	e100, e300 := la.Norm(r.Row(100).X), la.Norm(r.Row(300).X)
	obs := math.Pow(e300/e100, 1.0/200)
	t.Logf("heavy ball: observed rate %.6f, theory %.6f", obs, rate)
	if obs < 0.999*rate || obs > 1.02*rate {
		t.Errorf("heavy ball: observed rate %g, theory (√κ−1)/(√κ+1) = %g", obs, rate)
	}
	if gdRate := (kappa - 1) / (kappa + 1); obs > 0.9*gdRate {
		t.Errorf("heavy ball rate %g not clearly below GD's best %g", obs, gdRate)
	}
	// The first step has no momentum: a plain gradient step.
	x1 := r.Row(1).X
	g0 := r.Row(0).G
	if want := []float64{-1.5 - alpha*g0[0], 1 - alpha*g0[1]}; !simtest.CloseVec(x1, want, 1e-15) {
		t.Errorf("first heavy-ball step %v, want gradient step %v", x1, want)
	}
}

// TestNesterov: one hand-computed step on an axis-aligned bowl, evaluation
// counts, and convergence faster than GD at the same step size.
func TestNesterov(t *testing.T) {
	// f = ½(x₀² + 10x₁²), x₀ = (1, 1), α = 0.05, β = 0.9:
	// x₁ = (0.95, 0.5); y = x₁ + 0.9(x₁ − x₀) = (0.905, 0.05);
	// x₂ = y − 0.05·(0.905, 0.5) = (0.85975, 0.025).
	q := surfaces.NewQuadratic(1, 10, 0)
	r := simtest.RunSpec(t, q, "nesterov:lr=0.05,beta=0.9", []float64{1, 1}, 2, 0)
	s := r.Row(2)
	if !simtest.CloseVec(r.Row(1).X, []float64{0.95, 0.5}, 1e-15) {
		t.Errorf("x₁ = %v, want (0.95, 0.5)", r.Row(1).X)
	}
	if !simtest.CloseVec(s.X, []float64{0.85975, 0.025}, 1e-15) {
		t.Errorf("x₂ = %v, want (0.85975, 0.025)", s.X)
	}
	// F and G belong to x₂, not to the look-ahead point.
	if want := 0.5 * (0.85975*0.85975 + 10*0.025*0.025); math.Abs(s.F-want) > 1e-15 {
		t.Errorf("f(x₂) recorded %g, want %g", s.F, want)
	}
	if !simtest.CloseVec(s.G, []float64{0.85975, 0.25}, 1e-15) {
		t.Errorf("g(x₂) recorded %v, want (0.85975, 0.25)", s.G)
	}
	// Start: f, ∇f. Step 1 (y = x): f, ∇f at x₁. Step 2: ∇f(y), f, ∇f at x₂.
	if s.FEvals != 3 || s.GEvals != 4 || s.HEvals != 0 {
		t.Errorf("evaluations after 2 steps: f %d, ∇f %d, ∇²f %d; want 3, 4, 0", s.FEvals, s.GEvals, s.HEvals)
	}

	q = surfaces.NewQuadratic(1, 10, 30)
	lr := sim.FormatFloat(0.1) // 1/L
	beta := sim.FormatFloat((math.Sqrt(10) - 1) / (math.Sqrt(10) + 1))
	rn := simtest.RunSpec(t, q, "nesterov:lr="+lr+",beta="+beta, []float64{-1.5, 1}, 2000, 1e-8)
	rg := simtest.RunSpec(t, q, "gd:lr="+lr, []float64{-1.5, 1}, 2000, 1e-8)
	if rn.Last().Events&sim.EventConverged == 0 || rg.Last().Events&sim.EventConverged == 0 {
		t.Fatalf("no convergence: nesterov %v after %d, gd %v after %d",
			rn.Last().Events, rn.Last().Iter, rg.Last().Events, rg.Last().Iter)
	}
	if 2*rn.Last().Iter > rg.Last().Iter {
		t.Errorf("nesterov took %d steps, gd %d: no acceleration", rn.Last().Iter, rg.Last().Iter)
	}
	g := make([]float64, 2)
	for k := range rn.Trace {
		st := rn.Row(k)
		q.Grad(g, st.X)
		if q.Func(st.X) != st.F || g[0] != st.G[0] || g[1] != st.G[1] {
			t.Fatalf("step %d: recorded f, g are not those of x", st.Iter)
		}
	}
}

// TestAdaptiveFirstSteps: closed forms of the first steps, the bias
// correction of Adam, and the step bounds the update rules imply.
func TestAdaptiveFirstSteps(t *testing.T) {
	q := surfaces.NewQuadratic(1, 10, 30)
	x0 := []float64{-1.5, 1}

	// Adam's first step is α·g/(|g|+ε) ≈ α·sign(g), whatever β₁, β₂
	// (Kingma & Ba §2.1), because of the bias correction.
	for _, spec := range []string{"adam", "adam:lr=0.01", "adam:lr=0.01,beta1=0.5,beta2=0.9", "adam:lr=0.3,beta1=0,beta2=0.99999"} {
		lr := mustSpec(t, spec).Value("lr")
		r := simtest.RunSpec(t, q, spec, x0, 1, 0)
		g0, x1 := r.Row(0).G, r.Row(1).X
		for i := range x0 {
			want := -lr * math.Copysign(1, g0[i])
			if d := x1[i] - x0[i]; math.Abs(d-want) > 1e-6*lr {
				t.Errorf("%s: first step %g in coordinate %d, want ≈ %g", spec, d, i, want)
			}
		}
		if r.Row(1).Alpha != lr {
			t.Errorf("%s: recorded α %g, want lr %g", spec, r.Row(1).Alpha, lr)
		}
	}

	// Adam's step bound: m̂ = Σ wⱼ g₋ⱼ and v̂ = Σ uⱼ g₋ⱼ² with weights
	// wⱼ = (1−β₁)β₁ʲ/(1−β₁ᵗ), uⱼ = (1−β₂)β₂ʲ/(1−β₂ᵗ); by Cauchy–Schwarz
	// |m̂| ≤ √(Σ wⱼ²/uⱼ)·√v̂, so |Δxᵢ| ≤ α·√Sₜ with Sₜ = Σ wⱼ²/uⱼ.
	{
		const lr, b1, b2 = 0.05, 0.9, 0.999
		r := simtest.RunSpec(t, q, "adam:lr=0.05", x0, 200, 0)
		for k := 1; k < len(r.Trace); k++ {
			var st float64
			for j := 0; j < k; j++ {
				w := (1 - b1) * math.Pow(b1, float64(j)) / (1 - math.Pow(b1, float64(k)))
				u := (1 - b2) * math.Pow(b2, float64(j)) / (1 - math.Pow(b2, float64(k)))
				st += w * w / u
			}
			bound := lr * math.Sqrt(st) * (1 + 1e-12)
			for i := 0; i < 2; i++ {
				if d := math.Abs(r.Row(k).X[i] - r.Row(k - 1).X[i]); d > bound {
					t.Fatalf("adam step %d: |Δx%d| = %g > α√Sₜ = %g", k, i, d, bound)
				}
			}
		}
	}

	// AdaGrad: x_k = x_{k−1} − α·g/(√(Σ_{s<k} g_s²) + ε) with the recorded
	// gradients; every |Δxᵢ| ≤ α since gᵢ² ≤ Gᵢ.
	{
		const lr, eps = 0.1, 1e-8
		r := simtest.RunSpec(t, q, "adagrad", x0, 200, 0)
		var sum [2]float64
		for k := 1; k < len(r.Trace); k++ {
			prev := r.Row(k - 1)
			for i := 0; i < 2; i++ {
				sum[i] += prev.G[i] * prev.G[i]
				want := prev.X[i] - lr*prev.G[i]/(math.Sqrt(sum[i])+eps)
				got := r.Row(k).X[i]
				if math.Abs(got-want) > 1e-13*math.Max(1, math.Abs(want)) {
					t.Fatalf("adagrad step %d coordinate %d: %g, closed form %g", k, i, got, want)
				}
				if math.Abs(got-prev.X[i]) > lr {
					t.Fatalf("adagrad step %d: |Δx%d| = %g > α", k, i, math.Abs(got-prev.X[i]))
				}
			}
		}
		// First step: α·g/(|g|+ε), essentially α·sign(g).
		for i := 0; i < 2; i++ {
			if d := r.Row(1).X[i] - x0[i]; math.Abs(d+lr*math.Copysign(1, r.Row(0).G[i])) > 1e-7*lr {
				t.Errorf("adagrad first step %g, want ≈ %g", d, -lr*math.Copysign(1, r.Row(0).G[i]))
			}
		}
	}

	// RMSProp: first step α·g/(√(1−ρ)|g| + ε) ≈ α·sign(g)/√(1−ρ); the
	// recursion v = ρv + (1−ρ)g² over the recorded gradients; and
	// |Δxᵢ| ≤ α/√(1−ρ) since v ≥ (1−ρ)g².
	{
		const lr, rho, eps = 0.01, 0.9, 1e-8
		r := simtest.RunSpec(t, q, "rmsprop", x0, 200, 0)
		for i := 0; i < 2; i++ {
			g := r.Row(0).G[i]
			want := -lr * math.Copysign(1, g) / math.Sqrt(1-rho)
			if d := r.Row(1).X[i] - x0[i]; math.Abs(d-want) > 1e-6*math.Abs(want) {
				t.Errorf("rmsprop first step %g in coordinate %d, want ≈ %g", d, i, want)
			}
		}
		var v [2]float64
		for k := 1; k < len(r.Trace); k++ {
			prev := r.Row(k - 1)
			for i := 0; i < 2; i++ {
				v[i] = rho*v[i] + (1-rho)*prev.G[i]*prev.G[i]
				want := prev.X[i] - lr*prev.G[i]/(math.Sqrt(v[i])+eps)
				got := r.Row(k).X[i]
				if math.Abs(got-want) > 1e-13*math.Max(1, math.Abs(want)) {
					t.Fatalf("rmsprop step %d coordinate %d: %g, closed form %g", k, i, got, want)
				}
				if math.Abs(got-prev.X[i]) > lr/math.Sqrt(1-rho)*(1+1e-12) {
					t.Fatalf("rmsprop step %d: |Δx%d| too large", k, i)
				}
			}
		}
	}
}

func mustSpec(t *testing.T, s string) sim.Spec {
	t.Helper()
	sp, err := sim.ParseSpec(s)
	if err != nil {
		t.Fatal(err)
	}
	return sp
}

var foSpecs = []string{
	"gd", "gd:lr=0.1", "gd:ls=armijo,lr=1", "gd:ls=wolfe,lr=1",
	"momentum", "momentum:lr=0.05,beta=0.9999", "nesterov", "nesterov:lr=0.05,beta=0.9999",
	"adagrad", "adagrad:eps=1e-16", "rmsprop", "rmsprop:rho=0,eps=1e-16",
	"adam", "adam:beta1=0,beta2=0,eps=1e-16",
	"sam", "sam:lr=0.1,rho=1",
}

// TestFirstOrderAtMinimum: started exactly at a minimizer (g = 0), every
// first-order method stays put for 50 steps with finite values — no 0/0.
func TestFirstOrderAtMinimum(t *testing.T) {
	objs := []struct {
		obj sim.Objective
		min []float64
	}{
		{surfaces.NewQuadratic(1, 10, 30), []float64{0, 0}},
		{&foShifted{q: surfaces.NewQuadratic(0.5, 20, -40), c: []float64{1, -2}}, []float64{1, -2}},
	}
	for _, spec := range foSpecs {
		for _, o := range objs {
			m := foSpec(t, spec)
			p := &sim.Problem{Obj: o.obj}
			st := &sim.State{X: append([]float64(nil), o.min...), G: make([]float64, 2)}
			st.F = p.Func(st.X)
			p.Grad(st.G, st.X)
			if st.G[0] != 0 || st.G[1] != 0 {
				t.Fatalf("test objective: gradient %v at its minimizer", st.G)
			}
			rec := sim.NewRecord(2)
			m.Init(p, st, rec)
			for k := 1; k <= 50; k++ {
				sim.ResetRecord(rec)
				m.Iterate(p, st, rec)
				if !la.IsFinite(st.X) || !la.IsFinite(st.G) || math.IsNaN(st.F) || math.IsInf(st.F, 0) {
					t.Fatalf("%s step %d: non-finite state x=%v f=%g g=%v", spec, k, st.X, st.F, st.G)
				}
				if st.X[0] != o.min[0] || st.X[1] != o.min[1] {
					t.Fatalf("%s step %d: left the minimizer %v for %v", spec, k, o.min, st.X)
				}
				if st.F != o.obj.Func(o.min) {
					t.Fatalf("%s step %d: f = %g", spec, k, st.F)
				}
			}
		}
	}
}

// TestFirstOrderZeroAllocs: Iterate allocates nothing in steady state, nor
// does Run.Step (which also records the row) with a generous budget.
func TestFirstOrderZeroAllocs(t *testing.T) {
	q := surfaces.NewQuadratic(1, 10, 30)
	for _, spec := range foSpecs {
		m := foSpec(t, spec)
		p := &sim.Problem{Obj: q}
		st := &sim.State{X: []float64{-1.5, 1}, G: make([]float64, 2)}
		st.F = p.Func(st.X)
		p.Grad(st.G, st.X)
		rec := sim.NewRecord(2)
		m.Init(p, st, rec)
		for k := 0; k < 10; k++ {
			sim.ResetRecord(rec)
			m.Iterate(p, st, rec)
		}
		if a := testing.AllocsPerRun(100, func() {
			sim.ResetRecord(rec)
			m.Iterate(p, st, rec)
		}); a != 0 {
			t.Errorf("%s: Iterate allocates %g times per call", spec, a)
		}
		if !la.IsFinite(st.X) {
			t.Errorf("%s: diverged on the test bowl", spec)
		}

		// Run.Step; line searches record trials, whose storage may grow.
		if mustSpec(t, spec).Kind.Name == "gd" && spec != "gd" && spec != "gd:lr=0.1" {
			continue
		}
		r := sim.NewRun(q, foSpec(t, spec), []float64{-1.5, 1}, sim.RunOptions{Budget: 1000})
		for k := 0; k < 5; k++ {
			r.Step()
		}
		if a := testing.AllocsPerRun(200, func() { r.Step() }); a != 0 {
			t.Errorf("%s: Run.Step allocates %g times per call", spec, a)
		}
		if r.Done {
			t.Errorf("%s: run ended (%v) during the allocation test", spec, r.Last().Events)
		}
	}
}

// TestFirstOrderRegistry: names, parameter keys and defaults as documented.
func TestFirstOrderRegistry(t *testing.T) {
	want := map[string]map[string]float64{
		"gd":       {"lr": 0.001},
		"momentum": {"lr": 0.001, "beta": 0.9},
		"nesterov": {"lr": 0.001, "beta": 0.9},
		"adagrad":  {"lr": 0.1, "eps": 1e-8},
		"rmsprop":  {"lr": 0.01, "rho": 0.9, "eps": 1e-8},
		"adam":     {"lr": 0.001, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8},
		"sam":      {"lr": 0.001, "rho": 0.05},
	}
	for name, keys := range want {
		// every first-order method trains on batches: all points, seed 0, by default
		keys["batch"], keys["seed"], keys["wd"], keys["schedule"], keys["decay"] = 0, 0, 0, 0, sim.DefaultDecay
		k, err := sim.LookupMethod(name)
		if err != nil {
			t.Fatal(err)
		}
		if k.Desc == "" || k.Rule == "" || k.Cite == "" || k.New == nil {
			t.Errorf("%s: incomplete MethodKind", name)
		}
		if name == "gd" {
			continue
		}
		if len(k.Params) != len(keys) {
			t.Errorf("%s: %d params, want %d", name, len(k.Params), len(keys))
		}
		for key, def := range keys {
			i := sim.ParamIndex(k.Params, key)
			if i < 0 {
				t.Errorf("%s: no key %s", name, key)
				continue
			}
			if k.Params[i].Default != def {
				t.Errorf("%s: %s defaults to %g, want %g", name, key, k.Params[i].Default, def)
			}
		}
		// Parameters that would make the update divide by zero are refused.
		for _, bad := range []string{"eps=0", "rho=1", "beta=1", "beta1=1", "beta2=1"} {
			key := bad[:len(bad)-2]
			if name == "sam" && key == "rho" {
				continue // SAM's ρ is a radius: 1 divides by nothing
			}
			if _, ok := keys[key]; ok {
				if _, err := sim.ParseSpec(name + ":" + bad); err == nil {
					t.Errorf("%s:%s accepted", name, bad)
				}
			}
		}
	}
}
