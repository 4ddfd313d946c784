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

// Test objectives of this file, defined here so that the tests do not
// depend on the surface library.

// ntExpBowl is f = eˣ − x + e²ʸ − 2y + ½(x − y)², strictly convex, with
// its minimum at the origin (where ∇f is exactly 0) and nonzero third
// derivatives, so Newton converges quadratically but not in one step.
type ntExpBowl struct{}

func (ntExpBowl) Dim() int { return 2 }
func (ntExpBowl) Func(x []float64) float64 {
	d := x[0] - x[1]
	return math.Exp(x[0]) - x[0] + math.Exp(2*x[1]) - 2*x[1] + 0.5*d*d
}
func (ntExpBowl) Grad(g, x []float64) {
	d := x[0] - x[1]
	g[0] = math.Exp(x[0]) - 1 + d
	g[1] = 2*math.Exp(2*x[1]) - 2 - d
}
func (ntExpBowl) Hess(h, x []float64) {
	h[0] = math.Exp(x[0]) + 1
	h[1], h[2] = -1, -1
	h[3] = 4*math.Exp(2*x[1]) + 1
}

// ntSqrtBowl is f = (√(1 + x²) − 1) + (√(1 + y²) − 1), written as
// x²/(√(1 + x²) + 1) so that f is accurate near its minimum 0 at the
// origin: convex, and the Newton step from |x| > 1 overshoots badly
// (x₊ = −x³), so damped methods must reject steps.
type ntSqrtBowl struct{}

func (ntSqrtBowl) Dim() int { return 2 }
func (ntSqrtBowl) Func(x []float64) float64 {
	var f float64
	for _, v := range x {
		f += v * v / (math.Sqrt(1+v*v) + 1)
	}
	return f
}
func (ntSqrtBowl) Grad(g, x []float64) {
	for i := range g {
		g[i] = x[i] / math.Sqrt(1+x[i]*x[i])
	}
}
func (ntSqrtBowl) Hess(h, x []float64) {
	h[1], h[2] = 0, 0
	h[0] = math.Pow(1+x[0]*x[0], -1.5)
	h[3] = math.Pow(1+x[1]*x[1], -1.5)
}

// ntRosen is Rosenbrock's function (1 − x)² + 100(y − x²)².
type ntRosen struct{}

func (ntRosen) Dim() int { return 2 }
func (ntRosen) Func(x []float64) float64 {
	u, v := 1-x[0], x[1]-x[0]*x[0]
	return u*u + 100*v*v
}
func (ntRosen) Grad(g, x []float64) {
	v := x[1] - x[0]*x[0]
	g[0] = -2*(1-x[0]) - 400*x[0]*v
	g[1] = 200 * v
}
func (ntRosen) Hess(h, x []float64) {
	h[0] = 2 - 400*x[1] + 1200*x[0]*x[0]
	h[1], h[2] = -400*x[0], -400*x[0]
	h[3] = 200
}

// ntMethods are the methods of newton.go … sr1tr.go.
var ntMethods = []string{"newton", "newton-lm", "newton-sf", "tr-dogleg", "tr-cg", "sr1-tr"}

func TestNewtonTestObjectives(t *testing.T) {
	for _, x := range [][]float64{{0.3, -0.7}, {-1.2, 1}, {2, 0.5}} {
		simtest.CheckDerivatives(t, "ntExpBowl", ntExpBowl{}, x, 1e-6)
		simtest.CheckDerivatives(t, "ntSqrtBowl", ntSqrtBowl{}, x, 1e-6)
		simtest.CheckDerivatives(t, "ntRosen", ntRosen{}, x, 1e-6)
	}
}

// ntDense converts an n×n row-major slice to gonum.
func ntDense(a []float64, n int) *mat.Dense { return mat.NewDense(n, n, append([]float64(nil), a...)) }

// ntSolve solves A·x = b with gonum.
func ntSolve(t *testing.T, a []float64, b []float64) []float64 {
	t.Helper()
	n := len(b)
	var x mat.VecDense
	if err := x.SolveVec(ntDense(a, n), mat.NewVecDense(n, append([]float64(nil), b...))); err != nil {
		t.Fatal(err)
	}
	return append([]float64(nil), x.RawVector().Data...)
}

// ntEig returns the ascending eigenvalues and eigenvectors (columns) of the
// symmetric n×n a, by gonum.
func ntEig(t *testing.T, a []float64, n int) ([]float64, *mat.Dense) {
	t.Helper()
	sym := mat.NewSymDense(n, nil)
	for i := 0; i < n; i++ {
		for j := i; j < n; j++ {
			sym.SetSym(i, j, a[i*n+j])
		}
	}
	var es mat.EigenSym
	if !es.Factorize(sym, true) {
		t.Fatal("EigenSym failed")
	}
	var v mat.Dense
	es.VectorsTo(&v)
	return es.Values(nil), &v
}

// ntRandSPD returns a random symmetric positive definite n×n matrix
// Qᵀ·diag(eigs)·Q, eigenvalues between 0.5 and 50.
func ntRandSPD(n int, seed uint64) []float64 {
	pts := randPoints(surfaces.Window{XMin: -1, XMax: 1, YMin: -1, YMax: 1}, n*n, seed)
	m := mat.NewDense(n, n, nil)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			m.Set(i, j, pts[i*n+j][0])
		}
	}
	var qr mat.QR
	qr.Factorize(m)
	var q mat.Dense
	qr.QTo(&q)
	a := make([]float64, n*n)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			var s float64
			for k := 0; k < n; k++ {
				lam := 0.5 * math.Pow(100, float64(k)/float64(n-1))
				s += q.At(i, k) * lam * q.At(j, k)
			}
			a[i*n+j] = s
		}
	}
	for i := 0; i < n; i++ { // exact symmetry
		for j := 0; j < i; j++ {
			a[i*n+j] = a[j*n+i]
		}
	}
	return a
}

func TestNewtonOneStepOnQuadratics(t *testing.T) {
	type problem struct {
		name  string
		obj   sim.Objective
		a     []float64
		b     []float64 // f = ½xᵀAx − bᵀx
		x0    []float64
		ndims int
	}
	var probs []problem
	for _, q := range []*surfaces.Quadratic{surfaces.NewQuadratic(1, 10, 30), surfaces.NewQuadratic(0.5, 200, -70)} {
		a := q.Matrix()
		probs = append(probs, problem{"quadratic", q, a[:], []float64{0, 0}, []float64{-1.5, 1}, 2})
	}
	for _, n := range []int{3, 5} {
		a := ntRandSPD(n, uint64(n))
		b := make([]float64, n)
		x0 := make([]float64, n)
		for i := range b {
			b[i] = float64(i) - 1.5
			x0[i] = 2 - float64(i)*0.7
		}
		probs = append(probs, problem{"quadraticND", sim.NewQuadraticND(a, b), a, b, x0, n})
	}
	for _, pr := range probs {
		xstar := ntSolve(t, pr.a, pr.b) // independent: gonum's LU solve
		for _, spec := range []string{"newton:ls=none", "newton", "newton:ls=wolfe", "newton-sf:ls=none", "newton-sf"} {
			r := simtest.RunSpec(t, pr.obj, spec, pr.x0, 1, 0)
			if len(r.Trace) != 2 {
				t.Fatalf("%s %s: %d rows", spec, pr.name, len(r.Trace))
			}
			s0, s1 := r.Row(0), r.Row(1)
			if !simtest.CloseVec(s1.X, xstar, 1e-12) {
				t.Errorf("%s on %s (n=%d): x₁ = %v, minimizer %v", spec, pr.name, pr.ndims, s1.X, xstar)
			}
			if s1.Alpha != 1 {
				t.Errorf("%s on %s: α = %v, want the full step", spec, pr.name, s1.Alpha)
			}
			if s0.Events&sim.EventModified != 0 || s1.Events&sim.EventModified != 0 {
				t.Errorf("%s on %s: positive definite Hessian marked modified", spec, pr.name)
			}
			if s0.CurvKind != sim.CurvHessian || !simtest.CloseVec(s0.Curv, pr.a, 1e-12) {
				t.Errorf("%s on %s: recorded curvature %v (%v), want A = %v", spec, pr.name, s0.Curv, s0.CurvKind, pr.a)
			}
		}
	}
}

// ntErrors runs spec on ntExpBowl from x0 and returns ‖x_k − 0‖ for every row.
func ntErrors(t *testing.T, spec string, x0 []float64, steps int) []float64 {
	r := simtest.RunSpec(t, ntExpBowl{}, spec, x0, steps, 1e-300)
	errs := make([]float64, len(r.Trace))
	for i := range r.Trace {
		errs[i] = la.Norm(r.X(i))
	}
	return errs
}

func TestNewtonQuadraticConvergence(t *testing.T) {
	// Newton's error obeys e₊ ≤ C·e² near a minimizer with Lipschitz
	// Hessian (N&W Thm 3.5), C ≈ ½‖∇²f(x*)⁻¹‖·‖∇³f‖ ≈ ½·0.59·8 ≈ 2.4 here.
	// A linearly or merely superlinearly converging method breaks the
	// bound once e is small.
	const c = 5.0
	for _, spec := range []string{"newton", "newton:ls=none", "newton-sf", "tr-dogleg", "tr-cg"} {
		errs := ntErrors(t, spec, []float64{1, -0.8}, 40)
		pairs := 0
		for k := 0; k+1 < len(errs); k++ {
			e, e1 := errs[k], errs[k+1]
			if e > 0.2 || e < 1e-7 {
				continue
			}
			pairs++
			if e1 > c*e*e {
				t.Errorf("%s: e_%d = %.3g, e_%d = %.3g: ratio e₊/e² = %.3g > %g", spec, k, e, k+1, e1, e1/(e*e), c)
			}
		}
		if pairs < 2 {
			t.Errorf("%s: only %d steps in the quadratic regime: %v", spec, pairs, errs)
		}
		if last := errs[len(errs)-1]; last > 1e-14 {
			t.Errorf("%s: did not converge, errors %v", spec, errs)
		}
	}
}

// ntAlg33Shift computes the shift of N&W Alg. 3.3 independently: the first
// τ of the sequence τ₀, max(2τ, β), … with λ_min(A) + τ > 0 (gonum's
// eigenvalues in place of a Cholesky attempt).
func ntAlg33Shift(t *testing.T, a []float64, n int) float64 {
	vals, _ := ntEig(t, a, n)
	minDiag := math.Inf(1)
	for i := 0; i < n; i++ {
		minDiag = math.Min(minDiag, a[i*n+i])
	}
	tau := 0.0
	if minDiag <= 0 {
		tau = -minDiag + 1e-3
	}
	for vals[0]+tau <= 0 {
		tau = math.Max(2*tau, 1e-3)
	}
	return tau
}

func TestNewtonModifiedCholeskyShift(t *testing.T) {
	cases := [][]float64{
		{1, 2, 2, 1},    // positive diagonal, indefinite (eigenvalues 3, −1)
		{1, 0, 0, -1},   // saddle
		{-3, 1, 1, -2},  // negative definite
		{4, 1, 1, 3},    // positive definite: τ = 0
		{0, 0, 0, 0},    // zero
		{1e-3, 0, 0, 1}, // tiny positive
	}
	for _, q := range []*surfaces.Quadratic{surfaces.NewQuadratic(2, -1, 30), surfaces.NewQuadratic(-5, 0.1, 75)} {
		a := q.Matrix()
		cases = append(cases, a[:])
	}
	mod := make([]float64, 4)
	chol := make([]float64, 4)
	for _, a := range cases {
		want := ntAlg33Shift(t, a, 2)
		tau, ok := sim.NewtonModChol(mod, chol, a, 2)
		if !ok || math.Abs(tau-want) > 1e-12*math.Max(1, want) {
			t.Errorf("A = %v: τ = %v (ok %v), want %v", a, tau, ok, want)
		}
		vals, _ := ntEig(t, mod, 2)
		if !(vals[0] > 0) {
			t.Errorf("A = %v: A + τI = %v not positive definite", a, mod)
		}
	}
	// A non-finite Hessian cannot be factored by any shift.
	if _, ok := sim.NewtonModChol(mod, chol, []float64{math.NaN(), 0, 0, 1}, 2); ok {
		t.Error("NaN Hessian factored")
	}
}

func TestNewtonOnSaddle(t *testing.T) {
	q := surfaces.NewQuadratic(2, -1, 30) // saddle at the origin
	a := q.Matrix()
	x0 := []float64{0.3, 0.4}
	g0 := make([]float64, 2)
	q.Grad(g0, x0)

	// Plain Newton, x − A⁻¹g, lands exactly on the saddle.
	pn := ntSolve(t, a[:], g0)
	if plain := []float64{x0[0] - pn[0], x0[1] - pn[1]}; la.Norm(plain) > 1e-14 {
		t.Fatalf("plain Newton step goes to %v, expected the saddle", plain)
	}

	// Distance from the saddle along the direction of negative curvature.
	vals, vecs := ntEig(t, a[:], 2)
	away := func(x []float64) float64 { return math.Abs(vecs.At(0, 0)*x[0] + vecs.At(1, 0)*x[1]) }

	// Modified Newton: A + τI with τ from Alg. 3.3, a descent direction,
	// and f decreasing away from the saddle.
	tau := ntAlg33Shift(t, a[:], 2)
	if !(tau > 0) {
		t.Fatal("test needs an indefinite Hessian")
	}
	shifted := []float64{a[0] + tau, a[1], a[2], a[3] + tau}
	r := simtest.RunSpec(t, q, "newton", x0, 4, 0)
	s0 := r.Row(0)
	if s0.Events&sim.EventModified == 0 || !simtest.CloseVec(s0.Curv, shifted, 1e-12) {
		t.Errorf("newton at x₀: events %v, curvature %v, want modified A + τI = %v", s0.Events, s0.Curv, shifted)
	}
	d := ntSolve(t, shifted, g0)
	if slope := -la.Dot(g0, d); !(slope < 0) {
		t.Errorf("modified direction −(A+τI)⁻¹g has slope %v, not descent", slope)
	}
	// The first step moves along −(A+τI)⁻¹g.
	step := []float64{r.Row(1).X[0] - x0[0], r.Row(1).X[1] - x0[1]}
	alpha := r.Row(1).Alpha
	if !simtest.CloseVec(step, []float64{-alpha * d[0], -alpha * d[1]}, 1e-12) {
		t.Errorf("step %v is not α·(−(A+τI)⁻¹g) = %v·%v", step, alpha, d)
	}
	for k := 1; k < len(r.Trace); k++ {
		s := r.Row(k)
		if !(s.F < r.Row(k-1).F) {
			t.Errorf("newton on the saddle: f rose at step %d: %v → %v", k, r.Row(k-1).F, s.F)
		}
		if !(away(s.X) > away(r.Row(k-1).X)) {
			t.Errorf("newton on the saddle: step %d at %v did not move away along the negative curvature", k, s.X)
		}
		if s.Events&sim.EventModified == 0 {
			t.Errorf("newton on the saddle: row %d not marked modified", k)
		}
	}

	// Saddle-free Newton: |A| = Q|Λ|Qᵀ; the unit step −|A|⁻¹g, which
	// zeroes the component along positive curvature and doubles the one
	// along negative curvature.
	absA := make([]float64, 4)
	for i := 0; i < 2; i++ {
		for j := 0; j < 2; j++ {
			for k := 0; k < 2; k++ {
				absA[i*2+j] += vecs.At(i, k) * math.Abs(vals[k]) * vecs.At(j, k)
			}
		}
	}
	dsf := ntSolve(t, absA, g0)
	for _, spec := range []string{"newton-sf:ls=none", "newton-sf"} {
		r := simtest.RunSpec(t, q, spec, x0, 4, 0)
		s0, s1 := r.Row(0), r.Row(1)
		if s0.Events&sim.EventModified == 0 || s0.CurvKind != sim.CurvHessian || !simtest.CloseVec(s0.Curv, absA, 1e-12) {
			t.Errorf("%s at x₀: events %v, curvature %v, want |A| = %v", spec, s0.Events, s0.Curv, absA)
		}
		if want := []float64{x0[0] - dsf[0], x0[1] - dsf[1]}; !simtest.CloseVec(s1.X, want, 1e-12) {
			t.Errorf("%s: x₁ = %v, want x₀ − |A|⁻¹g = %v", spec, s1.X, want)
		}
		for k := 1; k < len(r.Trace); k++ {
			if !(r.Row(k).F < r.Row(k-1).F) || !(away(r.Row(k).X) > away(r.Row(k-1).X)) {
				t.Errorf("%s: step %d does not move downhill away from the saddle: %v", spec, k, r.Row(k).X)
			}
		}
	}
}

// ntLambda returns λ from a recorded LM matrix: Curv − ∇²f(x), which must
// be λI.
func ntLambda(t *testing.T, obj sim.Objective, s sim.Row) float64 {
	t.Helper()
	h := make([]float64, 4)
	obj.Hess(h, s.X)
	lam := s.Curv[0] - h[0]
	if math.Abs(s.Curv[3]-h[3]-lam) > 1e-9*math.Max(1, lam) || s.Curv[1] != h[1] || s.Curv[2] != h[2] {
		t.Fatalf("row %d: recorded %v is not ∇²f + λI, ∇²f = %v", s.Iter, s.Curv, h)
	}
	return lam
}

func TestNewtonLMStepsAndDamping(t *testing.T) {
	obj := ntExpBowl{}
	x0 := []float64{1, -0.8}
	g := make([]float64, 2)
	h := make([]float64, 4)
	obj.Grad(g, x0)
	obj.Hess(h, x0)
	maxDiag := math.Max(math.Abs(h[0]), math.Abs(h[3]))

	// The first step solves (H + λ₀I)p = −g with λ₀ = lambda·max|hᵢᵢ|.
	for _, lambda := range []float64{0.5, 1e-3, 1e-12} {
		r := simtest.RunSpec(t, obj, "newton-lm:lambda="+sim.FormatFloat(lambda), x0, 1, 0)
		lam0 := lambda * maxDiag
		if got := ntLambda(t, obj, r.Row(0)); math.Abs(got-lam0) > 1e-12*maxDiag {
			t.Errorf("λ₀ = %v, want %v", got, lam0)
		}
		p := ntSolve(t, []float64{h[0] + lam0, h[1], h[2], h[3] + lam0}, []float64{-g[0], -g[1]})
		trial := r.Row(1).TrialX
		if want := []float64{x0[0] + p[0], x0[1] + p[1]}; !simtest.CloseVec(trial, want, 1e-12) {
			t.Errorf("lambda=%v: trial %v, want x₀ − (H+λI)⁻¹g = %v", lambda, trial, want)
		}
	}
	// λ → 0: the step approaches the Newton step, |p − p_N| = O(λ).
	pN := ntSolve(t, h, []float64{-g[0], -g[1]})
	var prev float64
	for i, lambda := range []float64{1e-2, 1e-4, 1e-6, 1e-8} {
		r := simtest.RunSpec(t, obj, "newton-lm:lambda="+sim.FormatFloat(lambda), x0, 1, 0)
		tr := r.Row(1).TrialX
		dist := math.Hypot(tr[0]-x0[0]-pN[0], tr[1]-x0[1]-pN[1])
		if i > 0 && !(dist < 0.02*prev) {
			t.Errorf("lambda=%v: distance to the Newton step %v, not ≈100× smaller than %v", lambda, dist, prev)
		}
		prev = dist
	}

	// Along whole runs the damping follows the Madsen–Nielsen–Tingleff rule,
	// checked from the recorded trace (ρ recomputed from recorded values);
	// rejected steps leave x and raise λ.
	for _, c := range []struct {
		obj    sim.Objective
		spec   string
		x0     []float64
		reject bool // the run must contain rejections
	}{
		{ntExpBowl{}, "newton-lm", []float64{1, -0.8}, false},
		{ntSqrtBowl{}, "newton-lm:lambda=1e-6", []float64{2, 1.5}, true},
		{ntRosen{}, "newton-lm", []float64{-1.2, 1}, true},
	} {
		r := simtest.RunSpec(t, c.obj, c.spec, c.x0, 200, 1e-10)
		if r.Last().Events&sim.EventConverged == 0 {
			t.Errorf("%s from %v: did not converge in 200 steps", c.spec, c.x0)
		}
		nu := 2.0
		rejections := 0
		for k := 1; k < len(r.Trace); k++ {
			prev, cur := r.Row(k-1), r.Row(k)
			lam0, lam1 := ntLambda(t, c.obj, prev), ntLambda(t, c.obj, cur)
			if cur.Trials != 1 {
				t.Fatalf("%s row %d: %d trials", c.spec, k, cur.Trials)
			}
			if f := c.obj.Func(cur.TrialX); f != cur.TrialF[0] {
				t.Fatalf("%s row %d: recorded trial value %v, f = %v", c.spec, k, cur.TrialF, f)
			}
			p := []float64{cur.TrialX[0] - prev.X[0], cur.TrialX[1] - prev.X[1]}
			pred := 0.5 * (lam0*la.Dot(p, p) - la.Dot(prev.G, p))
			rho := (prev.F - cur.TrialF[0]) / pred
			var want float64
			if rho > 0 {
				if cur.Events&sim.EventRejected != 0 || !simtest.CloseVec(cur.X, cur.TrialX, 0) {
					t.Errorf("%s row %d: ρ = %v > 0 but step not accepted", c.spec, k, rho)
				}
				want = lam0 * math.Max(1.0/3, 1-math.Pow(2*rho-1, 3))
				nu = 2
			} else {
				rejections++
				if cur.Events&sim.EventRejected == 0 || !simtest.CloseVec(cur.X, prev.X, 0) || cur.F != prev.F {
					t.Errorf("%s row %d: ρ = %v ≤ 0 but x moved from %v to %v", c.spec, k, rho, prev.X, cur.X)
				}
				if !(lam1 > lam0) {
					t.Errorf("%s row %d: rejected step did not raise λ: %v → %v", c.spec, k, lam0, lam1)
				}
				want = lam0 * nu
				nu *= 2
			}
			if cur.Events&sim.EventModified == 0 && want <= sim.LMMaxLambda && math.Abs(lam1-want) > 1e-9*want+1e-12 {
				t.Errorf("%s row %d: ρ = %v, λ %v → %v, want %v", c.spec, k, rho, lam0, lam1, want)
			}
		}
		if c.reject && rejections == 0 {
			t.Errorf("%s from %v: no rejected step; the test does not exercise rejection", c.spec, c.x0)
		}
	}
}

func TestNewtonLMIndefiniteRaisesDamping(t *testing.T) {
	q := surfaces.NewQuadratic(2, -1, 30)
	r := simtest.RunSpec(t, q, "newton-lm", []float64{0.3, 0.4}, 3, 0)
	a := q.Matrix()
	vals, _ := ntEig(t, a[:], 2)
	s0 := r.Row(0)
	if s0.Events&sim.EventModified == 0 {
		t.Error("newton-lm on a saddle: λ not raised at x₀")
	}
	lam := s0.Curv[0] - a[0]
	if !(vals[0]+lam > 0) {
		t.Errorf("newton-lm: λ = %v leaves H + λI indefinite (λ_min(H) = %v)", lam, vals[0])
	}
	for k := 1; k < len(r.Trace); k++ {
		if !(r.Row(k).F <= r.Row(k-1).F) {
			t.Errorf("newton-lm on a saddle: f rose at step %d", k)
		}
	}
}

// ntFinite reports whether every recorded number of the row is finite.
func ntFinite(s sim.Row) bool {
	return la.IsFinite(s.X) && la.IsFinite(s.G) && la.IsFinite(s.Curv) && la.IsFinite(s.TrialX) && la.IsFinite(s.TrialF) &&
		la.IsFinite([]float64{s.F, s.GNorm, s.StepLen, s.Alpha, s.Radius})
}

func TestNewtonStationaryStart(t *testing.T) {
	// Start exactly where ∇f = 0 (a minimum, and a saddle) and keep
	// iterating (Tol < 0, so the run does not stop at g = 0): s = 0 and
	// y = 0, and nothing may turn into NaN or move.
	for _, c := range []struct {
		obj sim.Objective
		x0  []float64
	}{
		{ntExpBowl{}, []float64{0, 0}},
		{surfaces.NewQuadratic(1, -1, 0), []float64{0, 0}},
	} {
		g := make([]float64, 2)
		c.obj.Grad(g, c.x0)
		if g[0] != 0 || g[1] != 0 {
			t.Fatalf("test start is not stationary: g = %v", g)
		}
		for _, name := range ntMethods {
			s, err := sim.ParseSpec(name)
			if err != nil {
				t.Fatal(err)
			}
			r := sim.NewRun(c.obj, s.New(), c.x0, sim.RunOptions{Tol: -1})
			for i := 0; i < 5; i++ {
				r.Step()
			}
			for k := range r.Trace {
				row := r.Row(k)
				if !ntFinite(row) || row.Events&sim.EventDiverged != 0 {
					t.Errorf("%s at a stationary point: row %d not finite: %+v", name, row.Iter, row)
				}
				if row.X[0] != c.x0[0] || row.X[1] != c.x0[1] {
					t.Errorf("%s at a stationary point moved to %v", name, row.X)
				}
				if row.CurvKind == sim.CurvNone {
					t.Errorf("%s: row %d records no curvature", name, row.Iter)
				}
			}
		}
	}
}

func TestNewtonTrustRegionNoAllocs(t *testing.T) {
	for _, name := range ntMethods {
		for _, start := range [][]float64{{-1.2, 1}, {1 + 1e-4, 1 - 1e-4}} { // mid-run, and converging to rounding level
			s, err := sim.ParseSpec(name)
			if err != nil {
				t.Fatal(err)
			}
			r := sim.NewRun(ntRosen{}, s.New(), start, sim.RunOptions{Budget: 1000})
			// Give the record's trial buffers their full size up front:
			// this test is about the method, not the buffers' first growth.
			sim.RunRecord(r).TrialX = make([]float64, 0, 2*sim.MaxLineEvals*2)
			sim.RunRecord(r).TrialF = make([]float64, 0, 2*sim.MaxLineEvals)
			for i := 0; i < 3; i++ {
				r.Step()
			}
			if allocs := testing.AllocsPerRun(40, func() { r.Step() }); allocs != 0 {
				t.Errorf("%s from %v: %v allocations per step", name, start, allocs)
			}
		}
	}
}

// Plain Newton (mod=none) solves ∇²f·p = −g with the Hessian as it is: on
// the saddle x² − y² it lands on the saddle point in one full step, where
// the modified method moves away; on a singular Hessian it rejects.
func TestNewtonPlainGoesToSaddle(t *testing.T) {
	saddle := surfaces.NewQuadratic(1, -1, 0)
	r := simtest.RunSpec(t, saddle, "newton:ls=none,mod=none", []float64{-1.8, 0.1}, 1, 0)
	if x := r.Last().X; x[0] != 0 || x[1] != 0 {
		t.Errorf("plain Newton from (−1.8, 0.1) on x² − y² reached %v, want the saddle (0, 0)", x)
	}
	if r.Last().Events&sim.EventModified != 0 {
		t.Error("plain Newton reported a modification")
	}
	mod := simtest.RunSpec(t, saddle, "newton:ls=none", []float64{-1.8, 0.1}, 1, 0)
	if x := mod.Last().X; math.Hypot(x[0], x[1]) < 0.5 {
		t.Errorf("modified Newton went near the saddle: %v", x)
	}
	flat := surfaces.NewQuadratic(1, 0, 0) // singular Hessian diag(1, 0)
	r = simtest.RunSpec(t, flat, "newton:ls=none,mod=none", []float64{1, 1}, 3, 0)
	for k := 1; k < len(r.Trace); k++ {
		if s := r.Row(k); s.Events&sim.EventRejected == 0 || s.X[0] != 1 || s.X[1] != 1 {
			t.Fatalf("singular Hessian: row %d moved to %v with events %v", s.Iter, s.X, s.Events)
		}
	}
}
