package sim_test

import (
	"fmt"
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"

	"curvlab/sim"
	"curvlab/sim/internal/simtest"
	"curvlab/sim/la"
	"curvlab/sim/surfaces"
)

// Tests of the line-search quasi-Newton methods (sr1.go, broyden.go,
// bfgs.go, dfp.go, lbfgs.go) against textbook facts, with linear conjugate
// gradients and gonum's dense solvers as independent oracles.

// qnProblem is a strictly convex quadratic ½xᵀAx − bᵀx with its data.
type qnProblem struct {
	name string
	obj  sim.Objective
	a, b []float64 // A (n×n) and b
	x0   []float64
}

func (q qnProblem) n() int { return len(q.b) }

// qnQuadratics are the quadratics of the termination tests. Their Hessian
// eigenvalues all exceed 1, so that from H₀ = I no SR1 denominator vanishes.
func qnQuadratics() []qnProblem {
	q2 := surfaces.NewQuadratic(2, 8, 30)
	a2 := q2.Matrix()
	a3 := []float64{
		4, 1, 0.5,
		1, 3, 0.2,
		0.5, 0.2, 2,
	}
	b3 := []float64{1, -2, 0.5}
	return []qnProblem{
		{"2d", q2, a2[:], []float64{0, 0}, []float64{-1.5, 1}},
		{"3d", sim.NewQuadraticND(a3, b3), a3, b3, []float64{0.7, 1.3, -0.9}},
	}
}

// qnMinimizer solves Ax = b with gonum.
func qnMinimizer(t *testing.T, q qnProblem) []float64 {
	t.Helper()
	n := q.n()
	var x mat.VecDense
	if err := x.SolveVec(mat.NewDense(n, n, q.a), mat.NewVecDense(n, q.b)); err != nil {
		t.Fatal(err)
	}
	return x.RawVector().Data
}

// qnInverse returns A⁻¹ computed by gonum, row-major.
func qnInverse(t *testing.T, a []float64, n int) []float64 {
	t.Helper()
	var inv mat.Dense
	if err := inv.Inverse(mat.NewDense(n, n, a)); err != nil {
		t.Fatal(err)
	}
	return mat.DenseCopyOf(&inv).RawMatrix().Data
}

// qnCG runs linear conjugate gradients (N&W Alg. 5.2) on Ax = b from x0 and
// returns the iterates x₁ … x_steps: the independent oracle for the iterates
// of the quasi-Newton methods with exact line searches.
func qnCG(a, b, x0 []float64, steps int) [][]float64 {
	n := len(b)
	x := append([]float64(nil), x0...)
	r := make([]float64, n) // r = b − Ax = −∇f
	ap := make([]float64, n)
	la.MatVec(ap, a, x)
	la.Sub(r, b, ap)
	p := append([]float64(nil), r...)
	var xs [][]float64
	for k := 0; k < steps; k++ {
		la.MatVec(ap, a, p)
		rr := la.Dot(r, r)
		alpha := rr / la.Dot(p, ap)
		la.Axpy(x, x, alpha, p)
		la.Axpy(r, r, -alpha, ap)
		beta := la.Dot(r, r) / rr
		la.Axpy(p, r, beta, p)
		xs = append(xs, append([]float64(nil), x...))
	}
	return xs
}

// qnEvents ORs the events of trace rows 1 … k.
func qnEvents(r *sim.Run, k int) sim.Event {
	var e sim.Event
	for i := 1; i <= k && i < len(r.Trace); i++ {
		e |= r.Row(i).Events
	}
	return e
}

// qnFrobDiff returns ‖a − b‖_F / ‖b‖_F.
func qnFrobDiff(a, b []float64) float64 {
	var d, s float64
	for i := range a {
		d += (a[i] - b[i]) * (a[i] - b[i])
		s += b[i] * b[i]
	}
	return math.Sqrt(d / s)
}

// On a strictly convex quadratic with exact line searches, BFGS, DFP and
// SR1 from H₀ = I take the conjugate-gradient iterates, reach the minimizer
// in n steps and end with Hₙ = A⁻¹ (N&W §6.3). L-BFGS takes the CG iterates
// for any memory and scaling (memoryless-BFGS argument, N&W §7.2), and with
// m ≥ n and no scaling it is BFGS, so its Hₙ = A⁻¹ too.
func TestQNQuadraticTermination(t *testing.T) {
	for _, q := range qnQuadratics() {
		n := q.n()
		xstar := qnMinimizer(t, q)
		ainv := qnInverse(t, q.a, n)
		cg := qnCG(q.a, q.b, q.x0, n)
		for _, tc := range []struct {
			spec   string
			checkH bool
		}{
			{"bfgs:ls=exact,scale=none", true},
			{"dfp:ls=exact,scale=none", true},
			{"sr1:ls=exact", true},
			{"lbfgs:ls=exact,m=5,scale=none", true},
			{"lbfgs:ls=exact,m=1", false}, // γₖ rescaled every step, memory 1 < n
			{"lbfgs:ls=exact,m=2,scale=first", false},
			{"bfgs:ls=exact", false}, // H₀ scaled by eq. 6.20: same iterates, by the same argument
		} {
			name := q.name + "/" + tc.spec
			r := simtest.RunSpec(t, q.obj, tc.spec, q.x0, n, 0)
			if len(r.Trace) != n+1 {
				t.Fatalf("%s: %d rows, want %d", name, len(r.Trace), n+1)
			}
			for k := 1; k <= n; k++ {
				if !simtest.CloseVec(r.Row(k).X, cg[k-1], 1e-10) {
					t.Errorf("%s: x_%d = %v, conjugate gradients %v", name, k, r.Row(k).X, cg[k-1])
				}
			}
			if !simtest.CloseVec(r.Row(n).X, xstar, 1e-10) {
				t.Errorf("%s: x_%d = %v, minimizer %v", name, n, r.Row(n).X, xstar)
			}
			if e := qnEvents(r, n); e&(sim.EventSkip|sim.EventModified|sim.EventRejected) != 0 {
				t.Errorf("%s: unexpected events %v", name, e)
			}
			if tc.checkH {
				last := r.Row(n)
				if last.CurvKind != sim.CurvH || !simtest.CloseVec(last.Curv, ainv, 1e-8) {
					t.Errorf("%s: H_%d (%v) = %v, A⁻¹ = %v", name, n, last.CurvKind, last.Curv, ainv)
				}
			}
		}
	}
}

// With exact line searches the Broyden-class equivalence holds even when
// SR1's H is indefinite: here H₁ is indefinite and d₁ = −H₁g₁ points uphill,
// the line minimization takes α < 0, and x₂ is still the CG iterate, the
// minimizer. (Replacing d₁ by −g₁ would break this.)
func TestSR1ExactAscentDirection(t *testing.T) {
	q := surfaces.NewQuadratic(0.5, 3, 0)
	a := q.Matrix()
	th := 3 * math.Pi / 180
	x0 := []float64{math.Cos(th), math.Sin(th)}
	r := simtest.RunSpec(t, q, "sr1:ls=exact", x0, 2, 0)
	h := r.Row(1).Curv
	if det := h[0]*h[3] - h[1]*h[2]; !(det < 0) {
		t.Fatalf("example broken: H₁ = %v is not indefinite", h)
	}
	cg := qnCG(a[:], []float64{0, 0}, x0, 2)
	if r.Row(2).Alpha >= 0 || !simtest.CloseVec(r.Row(2).X, cg[1], 1e-12) || !simtest.CloseVec(r.Row(2).X, []float64{0, 0}, 1e-12) {
		t.Errorf("α₂ = %g, x₂ = %v; want α₂ < 0 and x₂ = CG iterate %v = minimizer", r.Row(2).Alpha, r.Row(2).X, cg[1])
	}
	if e := qnEvents(r, 2); e != 0 {
		t.Errorf("events %v", e)
	}
}

// qnStepsIndependent reports the reciprocal condition number of the matrix
// whose columns are the first n steps of r.
func qnStepsIndependent(r *sim.Run, n int) float64 {
	s := mat.NewDense(n, n, nil)
	for k := 0; k < n; k++ {
		for i := 0; i < n; i++ {
			s.Set(i, k, r.Row(k + 1).X[i]-r.Row(k).X[i])
		}
	}
	return 1 / mat.Cond(s, 2)
}

// SR1 with unit steps on a strictly convex quadratic with linearly
// independent steps has Hₙ = A⁻¹ (N&W Thm 6.1), so step n+1 is the Newton
// step onto the minimizer. BFGS with unit steps does not learn A⁻¹ in n
// steps.
func TestSR1UnitStepsLearnInverse(t *testing.T) {
	for _, q := range qnQuadratics() {
		n := q.n()
		xstar := qnMinimizer(t, q)
		ainv := qnInverse(t, q.a, n)

		r := simtest.RunSpec(t, q.obj, "sr1:ls=none,lr=1", q.x0, n+1, 0)
		if rc := qnStepsIndependent(r, n); rc < 1e-6 {
			t.Fatalf("%s: SR1 steps not independent (1/cond = %g): the theorem does not apply", q.name, rc)
		}
		if e := qnEvents(r, n); e != 0 {
			t.Errorf("%s: SR1 events %v", q.name, e)
		}
		for k := 0; k <= n; k++ {
			if r.Row(k).Alpha != 0 && r.Row(k).Alpha != 1 || k > 0 && r.Row(k).Trials != 0 {
				t.Errorf("%s: step %d has α = %g and %d trials, want a unit step", q.name, k, r.Row(k).Alpha, r.Row(k).Trials)
			}
		}
		if !simtest.CloseVec(r.Row(n).Curv, ainv, 1e-8) {
			t.Errorf("%s: SR1 H_%d = %v, A⁻¹ = %v", q.name, n, r.Row(n).Curv, ainv)
		}
		if !simtest.CloseVec(r.Row(n+1).X, xstar, 1e-10) {
			t.Errorf("%s: SR1 x_%d = %v, minimizer %v", q.name, n+1, r.Row(n+1).X, xstar)
		}
		if simtest.CloseVec(r.Row(n).X, xstar, 1e-3) {
			t.Errorf("%s: SR1 already at the minimizer after %d unit steps: the example shows nothing", q.name, n)
		}

		rb := simtest.RunSpec(t, q.obj, "bfgs:ls=none,lr=1,scale=none", q.x0, n+1, 0)
		if e := qnEvents(rb, n); e != 0 {
			t.Errorf("%s: BFGS events %v", q.name, e)
		}
		if d := qnFrobDiff(rb.Row(n).Curv, ainv); d < 0.05 {
			t.Errorf("%s: BFGS with unit steps has ‖H_%d − A⁻¹‖/‖A⁻¹‖ = %g, expected a material difference", q.name, n, d)
		}
		if simtest.CloseVec(rb.Row(n+1).X, xstar, 1e-6) {
			t.Errorf("%s: BFGS with unit steps landed on the minimizer at step %d", q.name, n+1)
		}
	}
}

// The SR1 skip rule (N&W eq. 6.26): skip when s − Hy = 0 and when
// (s − Hy)ᵀy vanishes with s − Hy ≠ 0; update otherwise.
func TestSR1SkipRule(t *testing.T) {
	// H₀ = A⁻¹ already: the first step lands on the minimizer and
	// s − H·y = 0 exactly.
	r := simtest.RunSpec(t, surfaces.NewQuadratic(2, 2, 0), "sr1:ls=none,h0=0.5", []float64{1, -3}, 20, 0)
	for k := 1; k < len(r.Trace); k++ {
		st := r.Row(k)
		if st.Events&sim.EventSkip == 0 || !la.IsFinite(st.X) || !la.IsFinite(st.Curv) || !simtest.CloseVec(st.X, []float64{0, 0}, 1e-15) {
			t.Fatalf("secant already satisfied: step %d: x = %v, H = %v, events %v", k, st.X, st.Curv, st.Events)
		}
		if !simtest.CloseVec(st.Curv, []float64{0.5, 0, 0, 0.5}, 0) {
			t.Fatalf("secant already satisfied: step %d changed H to %v", k, st.Curv)
		}
	}

	// A = diag(½, 2), H₀ = I, x₀ = (√128, 1): the first step s = −Ax₀ has
	// (s − y)ᵀy = sᵀ(A − A²)s = 32·¼ − 4·2 = 0 while s − y = (I − A)s ≠ 0.
	q := surfaces.NewQuadratic(0.5, 2, 0)
	r = simtest.RunSpec(t, q, "sr1:ls=none", []float64{math.Sqrt(128), 1}, 20, 0)
	s := make([]float64, 2)
	y := make([]float64, 2)
	v := make([]float64, 2)
	la.Sub(s, r.Row(1).X, r.Row(0).X)
	la.Sub(y, r.Row(1).G, r.Row(0).G)
	la.Sub(v, s, y)
	if la.Norm(v) < 0.1*la.Norm(s) || math.Abs(la.Dot(v, y)) > 1e-12*la.Norm(v)*la.Norm(y) {
		t.Fatalf("example broken: s − Hy = %v, (s − Hy)ᵀy = %g", v, la.Dot(v, y))
	}
	if r.Row(1).Events&sim.EventSkip == 0 || !simtest.CloseVec(r.Row(1).Curv, []float64{1, 0, 0, 1}, 0) {
		t.Errorf("vanishing denominator: step 1 events %v, H₁ = %v; want skip, H₁ = I", r.Row(1).Events, r.Row(1).Curv)
	}
	for k := range r.Trace {
		if !la.IsFinite(r.Row(k).X) || !la.IsFinite(r.Row(k).Curv) {
			t.Fatalf("vanishing denominator: step %d not finite: x = %v, H = %v", k, r.Row(k).X, r.Row(k).Curv)
		}
	}

	// Control: from another start the same first update is made.
	r = simtest.RunSpec(t, q, "sr1:ls=none", []float64{1, 1}, 1, 0)
	if r.Row(1).Events&sim.EventSkip != 0 || simtest.CloseVec(r.Row(1).Curv, []float64{1, 0, 0, 1}, 1e-3) {
		t.Errorf("control: step 1 events %v, H₁ = %v; want an update", r.Row(1).Events, r.Row(1).Curv)
	}
}

// On the saddle ½(x² − y²) SR1 learns the indefinite inverse Hessian
// diag(1, −1) in two steps, which BFGS cannot. The pure method (ls=none)
// then takes the Newton step onto the saddle; with armijo the Newton
// direction is an ascent direction, so SR1 steps along −g instead
// (EventModified) and keeps its H.
func TestSR1NegativeCurvature(t *testing.T) {
	q := surfaces.NewQuadratic(1, -1, 0)
	x0 := []float64{0.5, 1} // |x₂| > |x₁|: the first step has yᵀs < 0
	ainv := []float64{1, 0, 0, -1}

	r := simtest.RunSpec(t, q, "sr1:ls=none", x0, 2, 0)
	if !simtest.CloseVec(r.Row(1).Curv, ainv, 1e-14) {
		t.Errorf("ls=none: H₁ = %v, want A⁻¹ = %v", r.Row(1).Curv, ainv)
	}
	if !simtest.CloseVec(r.Row(2).X, []float64{0, 0}, 1e-14) {
		t.Errorf("ls=none: x₂ = %v, want the saddle (0, 0)", r.Row(2).X)
	}

	r = simtest.RunSpec(t, q, "sr1", x0, 3, 0)
	if !simtest.CloseVec(r.Row(1).Curv, ainv, 1e-14) {
		t.Errorf("armijo: H₁ = %v, want A⁻¹ = %v", r.Row(1).Curv, ainv)
	}
	for k := 2; k <= 3; k++ {
		st := r.Row(k)
		if st.Events&sim.EventModified == 0 || !(st.F < r.Row(k-1).F) {
			t.Errorf("armijo: step %d events %v, f %g → %g; want a modified, decreasing step", k, st.Events, r.Row(k-1).F, st.F)
		}
		if st.Curv[3] >= 0 {
			t.Errorf("armijo: step %d: H = %v lost its negative curvature", k, st.Curv)
		}
	}

	rb := simtest.RunSpec(t, q, "bfgs:ls=none,scale=none", x0, 2, 0)
	if !(rb.Row(1).Events&sim.EventSkip != 0) {
		t.Errorf("BFGS on the saddle: step 1 events %v, want skip (yᵀs = %g)", rb.Row(1).Events,
			la.Dot([]float64{rb.Row(1).X[0] - x0[0], rb.Row(1).X[1] - x0[1]}, []float64{rb.Row(1).G[0] - rb.Row(0).G[0], rb.Row(1).G[1] - rb.Row(0).G[1]}))
	}
}

var qnMethodNames = []string{"sr1", "broyden", "bfgs", "dfp", "lbfgs"}

// qnBroken is qnWell until Broken is set; then f = +Inf at every point
// evaluated, so no line search that checks decrease can succeed.
type qnBroken struct {
	qnWell
	Broken bool
}

func (b *qnBroken) Func(x []float64) float64 {
	if b.Broken {
		return math.Inf(1)
	}
	return b.qnWell.Func(x)
}

// A failed line search leaves the iterate in place, skips the update and
// restarts the method from its initial model.
func TestQNRestartAfterFailedSearch(t *testing.T) {
	for _, name := range qnMethodNames {
		for _, ls := range []string{"armijo", "wolfe"} {
			spec := name + ":ls=" + ls
			obj := &qnBroken{}
			r := simtest.RunSpec(t, obj, spec, []float64{0.1, 0.5}, 3, 0)
			if simtest.CloseVec(r.Last().Curv, []float64{1, 0, 0, 1}, 1e-3) {
				t.Fatalf("%s: model still the identity after 3 steps: %v", spec, r.Last().Curv)
			}
			obj.Broken = true
			x := append([]float64(nil), r.State.X...)
			r.Step()
			st := r.Last()
			if st.Events&(sim.EventRejected|sim.EventSkip) != sim.EventRejected|sim.EventSkip || !simtest.CloseVec(st.X, x, 0) {
				t.Errorf("%s: failed search: events %v, x %v → %v", spec, st.Events, x, st.X)
			}
			if !simtest.CloseVec(st.Curv, []float64{1, 0, 0, 1}, 0) {
				t.Errorf("%s: failed search: model %v, want the restart H₀ = I", spec, st.Curv)
			}
		}
	}
}

// Started exactly at a minimizer (g = 0, so s = 0 and y = 0), every method
// and line search stays put without NaN and skips its update every step.
func TestQNAtMinimum(t *testing.T) {
	q := surfaces.NewQuadratic(2, 8, 30)
	for _, name := range qnMethodNames {
		for _, ls := range sim.LSChoices {
			spec := name + ":ls=" + ls
			r := simtest.RunSpec(t, q, spec, []float64{0, 0}, 50, 0)
			if len(r.Trace) != 51 {
				t.Errorf("%s: %d rows, want 51", spec, len(r.Trace))
			}
			for k := range r.Trace {
				st := r.Row(k)
				if !la.IsFinite(st.X) || !la.IsFinite(st.G) || math.IsNaN(st.F) || !la.IsFinite(st.Curv) || st.Curv == nil {
					t.Fatalf("%s: step %d: x = %v, g = %v, f = %g, curv = %v", spec, k, st.X, st.G, st.F, st.Curv)
				}
				if st.X[0] != 0 || st.X[1] != 0 {
					t.Fatalf("%s: step %d moved to %v", spec, k, st.X)
				}
				if k > 0 && (st.Events&sim.EventSkip == 0 || st.Events&sim.EventDiverged != 0) {
					t.Fatalf("%s: step %d events %v, want skip", spec, k, st.Events)
				}
			}
		}
	}
}

// qnWell is the nonconvex f(x, y) = x⁴/4 − x²/2 + y² + xy/2, whose Hessian
// [[3x² − 1, ½], [½, 2]] is indefinite near x = 0; its minimizers are
// x = ±√(9/8), y = −x/4.
type qnWell struct{}

func (qnWell) Dim() int { return 2 }
func (qnWell) Func(x []float64) float64 {
	return x[0]*x[0]*x[0]*x[0]/4 - x[0]*x[0]/2 + x[1]*x[1] + x[0]*x[1]/2
}
func (qnWell) Grad(g, x []float64) {
	g[0] = x[0]*x[0]*x[0] - x[0] + x[1]/2
	g[1] = 2*x[1] + x[0]/2
}
func (qnWell) Hess(h, x []float64) {
	h[0], h[1], h[2], h[3] = 3*x[0]*x[0]-1, 0.5, 0.5, 2
}

func TestQNWellDerivatives(t *testing.T) {
	for _, x := range randPoints(surfaces.Window{XMin: -2, XMax: 2, YMin: -2, YMax: 2}, 5, 7) {
		simtest.CheckDerivatives(t, "qnWell", qnWell{}, x, 1e-6)
	}
}

// qnPosDef reports whether the n×n matrix a is symmetric positive definite.
func qnPosDef(a []float64, n int) bool {
	for i := 0; i < n; i++ {
		for j := 0; j < i; j++ {
			if a[i*n+j] != a[j*n+i] {
				return false
			}
		}
	}
	return la.Cholesky(make([]float64, n*n), a, n)
}

// With a Wolfe line search, yᵀs > 0 at every step, so BFGS (and DFP and
// L-BFGS) keep H positive definite even where ∇²f is indefinite, and reach a
// minimizer.
func TestQNWolfeKeepsPositiveDefinite(t *testing.T) {
	rosen, err := surfaces.New("rosenbrock", "")
	if err != nil {
		t.Fatal(err)
	}
	s3 := math.Sqrt(9.0 / 8)
	cases := []struct {
		obj    sim.Objective
		x0     []float64
		minima [][]float64
		steps  int
	}{
		{qnWell{}, []float64{0.1, 0.5}, [][]float64{{s3, -s3 / 4}, {-s3, s3 / 4}}, 100},
		{rosen, []float64{-1.2, 1}, [][]float64{{1, 1}}, 200},
	}
	hess := make([]float64, 4)
	vals := make([]float64, 2)
	work := make([]float64, la.EigSymWork(2))
	for ci, c := range cases {
		c.obj.Hess(hess, c.x0)
		if ci == 0 {
			if la.EigSym(vals, nil, hess, work, 2); !(vals[0] < 0) {
				t.Fatalf("example broken: Hessian at x₀ has eigenvalues %v", vals)
			}
		}
		for _, spec := range []string{"bfgs", "bfgs:scale=none", "dfp", "lbfgs", "lbfgs:m=1"} {
			name := fmt.Sprintf("case %d/%s", ci, spec)
			r := simtest.RunSpec(t, c.obj, spec, c.x0, c.steps, 1e-8)
			sawIndefinite := false
			for k := 1; k < len(r.Trace); k++ {
				st, prev := r.Row(k), r.Row(k-1)
				var ys float64
				for i := range st.X {
					ys += (st.X[i] - prev.X[i]) * (st.G[i] - prev.G[i])
				}
				if !(ys > 0) || st.Events&(sim.EventSkip|sim.EventRejected) != 0 {
					t.Errorf("%s: step %d: yᵀs = %g, events %v", name, k, ys, st.Events)
				}
				if !qnPosDef(st.Curv, 2) {
					t.Errorf("%s: step %d: H = %v is not positive definite", name, k, st.Curv)
				}
				c.obj.Hess(hess, prev.X)
				if la.EigSym(vals, nil, hess, work, 2); vals[0] < 0 {
					sawIndefinite = true
				}
			}
			if !sawIndefinite {
				t.Errorf("%s: no step started where ∇²f is indefinite: the test shows nothing", name)
			}
			last := r.Last()
			found := false
			for _, m := range c.minima {
				found = found || simtest.CloseVec(last.X, m, 1e-6)
			}
			if last.Events&sim.EventConverged == 0 || !found {
				t.Errorf("%s: ended at %v (‖g‖ = %g, %d steps, events %v), minima %v", name, last.X, last.GNorm, last.Iter, last.Events, c.minima)
			}
		}
	}
}

// While at most m pairs are stored, L-BFGS without per-step scaling is BFGS
// from the same H₀ (N&W §7.2, eq. 7.19): same H, same iterates, on any
// function. With a small memory they part.
func TestLBFGSMatchesBFGS(t *testing.T) {
	rosen, err := surfaces.New("rosenbrock", "")
	if err != nil {
		t.Fatal(err)
	}
	x0 := []float64{-1.2, 1}
	const steps = 20
	for _, scale := range []string{"none", "first"} {
		rb := simtest.RunSpec(t, rosen, "bfgs:scale="+scale, x0, steps, 0)
		rl := simtest.RunSpec(t, rosen, "lbfgs:m=50,scale="+scale, x0, steps, 0)
		for k := 0; k <= steps; k++ {
			b, l := rb.Row(k), rl.Row(k)
			if !simtest.CloseVec(l.X, b.X, 1e-8) || !simtest.CloseVec(l.Curv, b.Curv, 1e-6) || l.Events != b.Events {
				t.Fatalf("scale=%s: step %d: L-BFGS x = %v, H = %v, events %v; BFGS x = %v, H = %v, events %v",
					scale, k, l.X, l.Curv, l.Events, b.X, b.Curv, b.Events)
			}
		}
		if !(rb.Row(steps).F < 0.1*rb.Row(0).F) || qnEvents(rb, steps) != 0 {
			t.Errorf("scale=%s: BFGS went from f = %g to %g in %d steps with events %v: the comparison shows little",
				scale, rb.Row(0).F, rb.Row(steps).F, steps, qnEvents(rb, steps))
		}

		rs := simtest.RunSpec(t, rosen, "lbfgs:m=2,scale="+scale, x0, steps, 0)
		if d := qnFrobDiff(rs.Row(4).Curv, rb.Row(4).Curv); d < 1e-6 {
			t.Errorf("scale=%s: L-BFGS with m=2 has the H of BFGS after 4 steps (diff %g)", scale, d)
		}
	}
}

// Broyden's update satisfies the secant equation B₊s = y after each step,
// makes B non-symmetric, and on a quadratic with full steps finds the
// stationary point within 2n steps (Gay 1979).
func TestBroydenSecantAndTermination(t *testing.T) {
	for _, q := range qnQuadratics() {
		n := q.n()
		xstar := qnMinimizer(t, q)
		r := simtest.RunSpec(t, q.obj, "broyden", q.x0, 2*n, 0)
		if e := qnEvents(r, 2*n-1); e != 0 {
			t.Errorf("%s: events %v", q.name, e)
		}
		s := make([]float64, n)
		y := make([]float64, n)
		bs := make([]float64, n)
		for k := 1; k < len(r.Trace); k++ {
			st, prev := r.Row(k), r.Row(k-1)
			if st.CurvKind != sim.CurvB || st.Events&sim.EventSkip != 0 {
				continue
			}
			la.Sub(s, st.X, prev.X)
			la.Sub(y, st.G, prev.G)
			la.MatVec(bs, st.Curv, s)
			if !simtest.CloseVec(bs, y, 1e-12*math.Max(1, la.Norm(y))) {
				t.Errorf("%s: step %d: B₊s = %v, y = %v", q.name, k, bs, y)
			}
		}
		b1 := r.Row(1).Curv
		if math.Abs(b1[1]-b1[n]) < 1e-3 {
			t.Errorf("%s: B₁ = %v is symmetric: not Broyden's update", q.name, b1)
		}
		if !simtest.CloseVec(r.Row(2*n).X, xstar, 1e-9) {
			t.Errorf("%s: x_%d = %v, stationary point %v", q.name, 2*n, r.Row(2*n).X, xstar)
		}
		if simtest.CloseVec(r.Row(n).X, xstar, 1e-3) {
			t.Errorf("%s: at the stationary point after %d steps already: the example shows little", q.name, n)
		}
	}
}

// A singular B makes Broyden step along −g instead (la.Solve itself is
// tested against gonum in package la).
func TestBroydenSingular(t *testing.T) {
	// A singular B makes Broyden step along −g instead.
	r := simtest.RunSpec(t, surfaces.NewQuadratic(2, 8, 30), "broyden:b0=1e-8", []float64{1, 1}, 1, 0)
	if r.Row(1).Events&sim.EventModified != 0 {
		t.Errorf("B₀ = 1e-8·I is regular, yet step 1 was modified")
	}
	m := &sim.Broyden{LR: 0.1, LS: sim.LSNone, C2: 0.9, B0: 1}
	run := sim.NewRun(qnWell{}, m, []float64{0.5, 0.5}, sim.RunOptions{})
	la.SetIdentity(sim.BroydenB(m), 2, 0)
	g0 := append([]float64(nil), run.State.G...)
	run.Step()
	st := run.Last()
	want := []float64{0.5 - 0.1*g0[0], 0.5 - 0.1*g0[1]}
	if st.Events&sim.EventModified == 0 || !simtest.CloseVec(st.X, want, 1e-15) {
		t.Errorf("singular B: step to %v with events %v, want %v (−g) and modified", st.X, st.Events, want)
	}
}

// Zero allocations per Run.Step in steady state, for every method and line
// search.
func TestQNZeroAllocs(t *testing.T) {
	objs := []struct {
		obj sim.Objective
		x0  []float64
	}{
		{qnWell{}, []float64{0.1, 0.5}},
		{surfaces.NewQuadratic(2, 8, 30), []float64{-1.5, 1}},
	}
	for _, name := range qnMethodNames {
		for _, ls := range sim.LSChoices {
			spec, err := sim.ParseSpec(name + ":ls=" + ls)
			if err != nil {
				t.Fatal(err)
			}
			for i, o := range objs {
				r := sim.NewRun(o.obj, spec.New(), o.x0, sim.RunOptions{Budget: 4000})
				for k := 0; k < 10; k++ {
					r.Step()
				}
				if a := testing.AllocsPerRun(100, func() { r.Step() }); a != 0 {
					t.Errorf("%s on objective %d: %g allocations per step", spec, i, a)
				}
			}
		}
	}
}

// The registry entries carry the common keys with the documented defaults.
func TestQNRegistry(t *testing.T) {
	wantLS := map[string]string{"sr1": "armijo", "broyden": "none", "bfgs": "wolfe", "dfp": "wolfe", "lbfgs": "wolfe"}
	for _, name := range qnMethodNames {
		k, err := sim.LookupMethod(name)
		if err != nil {
			t.Fatal(err)
		}
		if k.Desc == "" || k.Rule == "" || k.Cite == "" {
			t.Errorf("%s: empty Desc, Rule or Cite", name)
		}
		for _, key := range []string{"lr", "ls", "c2", "scale"} {
			if sim.ParamIndex(k.Params, key) < 0 {
				t.Errorf("%s: no %q parameter", name, key)
			}
		}
		ls := k.Params[sim.ParamIndex(k.Params, "ls")]
		if got := ls.Format(ls.Default); got != wantLS[name] {
			t.Errorf("%s: ls defaults to %s, want %s", name, got, wantLS[name])
		}
		if lr := k.Params[sim.ParamIndex(k.Params, "lr")]; lr.Default != 1 {
			t.Errorf("%s: lr defaults to %g, want 1", name, lr.Default)
		}
	}
}
