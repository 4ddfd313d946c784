package sim

import (
	"math"

	"curvlab/sim/la"
)

// NewtonLM is Newton's method with Levenberg–Marquardt damping: it solves
//
//	(∇²f(x) + λI)·p = −g
//
// and tries x + p. The damping λ > 0 is adapted to the step's success by
// the rule of Madsen, Nielsen & Tingleff: with the gain ratio
//
//	ρ = (f(x) − f(x + p)) / (m(0) − m(p)),   m(0) − m(p) = ½(λ‖p‖² − gᵀp),
//
// (the predicted reduction of the quadratic model m(p) = f + gᵀp + ½pᵀ∇²f·p,
// simplified using (∇²f + λI)p = −g), a step with ρ > 0 is accepted and
//
//	λ ← λ·max(1/3, 1 − (2ρ − 1)³),   ν ← 2;
//
// otherwise it is rejected (EventRejected; the iterate stays, the tried
// point is recorded as a trial) and λ ← λ·ν, ν ← 2ν. Small λ gives the
// Newton step, large λ a short gradient step −g/λ, so LM moves between
// them like a trust-region method (N&W §10.3: the LM step solves a trust
// region subproblem).
//
// The initial damping is λ₀ = lambda·max|∇²f(x₀)ᵢᵢ| (MNT's τ·max aᵢᵢ;
// lambda alone if that diagonal is zero). Whenever ∇²f + λI is not
// positive definite (an indefinite Hessian), λ is raised as in N&W
// Alg. 3.3, λ ← max(2λ, 10⁻³), until it is; that raise keeps its effect on
// later steps, and its row carries EventModified. EventModified thus means
// "λ had to grow to make the model convex", not merely "damped": every LM
// matrix is damped. λ is kept within [10⁻³⁰⁰, 10¹⁰⁰] and ν ≤ 2³⁰ so that
// long runs of rejections (for instance at a minimum, where rounding makes
// every step look useless) stay finite.
//
// Recording: CurvHessian is ∇²f + λI at the new iterate, with the λ the
// next step will use. Alpha is 1 on an accepted step and 0 otherwise. At a
// stationary point (g = 0, so p = 0) no point is tried and the row carries
// EventRejected.
//
// K. Madsen, H. B. Nielsen, O. Tingleff, Methods for Non-Linear Least
// Squares Problems, 2nd ed., IMM DTU 2004, §3.2 and Alg. 3.16 (the damping
// update is from H. B. Nielsen, Damping parameter in Marquardt's method,
// IMM-REP-1999-05); Marquardt 1963; Nocedal & Wright §10.3.
//
// The zero value is the method with its default λ₀ (newtonLMDefaults).
type NewtonLM struct {
	Lambda float64 // initial damping, relative to max|∇²f(x₀)ᵢᵢ|

	lambda, nu float64
	hess       []float64 // ∇²f at the current iterate
	damped     []float64 // ∇²f + λI
	chol       []float64
	dir, xt    []float64
	n          int
}

const (
	lmBeta      = 1e-3
	lmMinLambda = 1e-300
	lmMaxLambda = 1e100
	lmMaxNu     = 1 << 30
	lmMaxRaises = 1100
)

// newtonLMDefaults are NewtonLM's defaults, taken by its zero fields.
var newtonLMDefaults = NewtonLM{Lambda: 1e-3}

func init() {
	registerMethod(&MethodKind{
		Name: "newton-lm",
		Desc: "Newton with Levenberg–Marquardt damping, λ adapted to the gain ratio",
		Rule: "(∇²f + λI)·p = −g; ρ > 0: x₊ = x + p, λ ← λ·max(⅓, 1 − (2ρ−1)³); else λ ← λ·ν, ν ← 2ν",
		Cite: "Madsen, Nielsen & Tingleff 2004, §3.2; Nocedal & Wright §10.3",
		Params: []Param{
			{Key: "lambda", Desc: "initial damping λ₀ relative to max|∇²f(x₀)ᵢᵢ|", Default: newtonLMDefaults.Lambda, Min: 1e-12, Max: 1e6},
		},
		New: func(s Spec) Method { return &NewtonLM{Lambda: s.Value("lambda")} },
	})
}

// Init implements Method.
func (m *NewtonLM) Init(p *Problem, st *State, rec *Record) {
	orDefault(&m.Lambda, newtonLMDefaults.Lambda)
	n := p.Dim()
	m.n = n
	m.hess = make([]float64, n*n)
	m.damped = make([]float64, n*n)
	m.chol = make([]float64, n*n)
	m.dir = make([]float64, n)
	m.xt = make([]float64, n)
	p.Hess(m.hess, st.X)
	var maxDiag float64
	for i := 0; i < n; i++ {
		maxDiag = math.Max(maxDiag, math.Abs(m.hess[i*n+i]))
	}
	m.lambda = m.Lambda * maxDiag
	if !(m.lambda > 0) || math.IsInf(m.lambda, 0) {
		m.lambda = m.Lambda
	}
	m.nu = 2
	m.factor(rec)
}

// factor clamps λ, factors ∇²f + λI, raising λ until it is positive
// definite, and records the matrix.
func (m *NewtonLM) factor(rec *Record) {
	m.lambda = math.Min(math.Max(m.lambda, lmMinLambda), lmMaxLambda)
	m.nu = math.Min(m.nu, lmMaxNu)
	n := m.n
	ok := false
	for k := 0; k < lmMaxRaises; k++ {
		copy(m.damped, m.hess)
		for i := 0; i < n; i++ {
			m.damped[i*n+i] += m.lambda
		}
		if la.Cholesky(m.chol, m.damped, n) {
			ok = true
			break
		}
		rec.Events |= EventModified
		if m.lambda >= lmMaxLambda {
			break
		}
		m.lambda = math.Min(math.Max(2*m.lambda, lmBeta), lmMaxLambda)
	}
	if !ok {
		// Non-finite Hessian: fall back to the gradient step −g/λ.
		la.SetIdentity(m.damped, n, m.lambda)
		la.SetIdentity(m.chol, n, math.Sqrt(m.lambda))
	}
	rec.SetCurv(CurvHessian, m.damped)
}

// Iterate implements Method.
func (m *NewtonLM) Iterate(p *Problem, st *State, rec *Record) {
	la.CholSolve(m.dir, m.chol, st.G)
	la.Scale(m.dir, -1, m.dir)
	pred := 0.5 * (m.lambda*la.Dot(m.dir, m.dir) - la.Dot(st.G, m.dir))
	if !(pred > 0) || math.IsInf(pred, 0) {
		// g = 0 (or so small that the model predicts nothing): stay.
		rec.SetTR(m.dir, pred, math.NaN())
		rec.Events |= EventRejected
		rec.SetCurv(CurvHessian, m.damped)
		return
	}
	la.Axpy(m.xt, st.X, 1, m.dir)
	ft := p.Func(m.xt)
	rec.AddTrial(m.xt, ft)
	rho := (st.F - ft) / pred
	rec.SetTR(m.dir, pred, rho)
	if rho > 0 { // false for NaN
		copy(st.X, m.xt)
		st.F = ft
		p.Grad(st.G, st.X)
		p.Hess(m.hess, st.X)
		c := 2*rho - 1
		m.lambda *= math.Max(1.0/3, 1-c*c*c)
		m.nu = 2
		rec.Alpha = 1
	} else {
		m.lambda *= m.nu
		m.nu *= 2
		rec.Events |= EventRejected
	}
	m.factor(rec)
}
