package sim

import (
	"math"

	"curvlab/sim/la"
)

// Newton is Newton's method with Hessian modification: it solves
//
//	(∇²f(x) + τI)·p = −g,    x₊ = x + α·p
//
// where τ ≥ 0 is the smallest shift of the sequence of N&W Alg. 3.3
// ("Cholesky with added multiple of the identity") for which the Cholesky
// factorization succeeds: τ₀ = 0 if min aᵢᵢ > 0, else τ₀ = −min aᵢᵢ + β;
// then τ ← max(2τ, β), with β = 10⁻³. A positive definite Hessian is used
// as is (τ = 0), so near a strict minimizer this is the pure Newton
// step and converges quadratically (N&W Thm 3.5); at an indefinite Hessian
// the shift makes p a descent direction, so the method does not stop at a
// saddle the way plain Newton (which solves ∇²f·p = −g and jumps to the
// stationary point of the quadratic model) does.
//
// α comes from the line search ls starting from α₀ = lr, or is lr itself
// with ls=none (the full step α = 1 by default).
//
// Recording: the matrix ∇²f + τI at the new iterate is recorded as
// CurvHessian (it is the one the next step solves with), with EventModified
// on the rows where τ > 0. Should no shift up to the largest float make the
// matrix factorizable (a Hessian with NaN or ±Inf), the identity is used
// instead (a gradient step), also marked EventModified.
//
// With mod=none the Hessian is used unmodified: plain Newton, ∇²f·p = −g
// solved by Gaussian elimination, which heads for the stationary point of
// the quadratic model whatever its kind: a saddle or a maximum as readily as
// a minimum. A singular Hessian then leaves no step to take: the iteration
// is rejected (EventRejected) and the iterate stays.
//
// Nocedal & Wright, Numerical Optimization, 2nd ed., §3.4, Alg. 3.3 and
// eq. 3.38; Newton's step §2.2, eq. 2.15.
//
// The zero value is Newton's method with its defaults (newtonDefaults).
type Newton struct {
	LR  float64    // α₀, the first trial step (the step itself with ls=none)
	LS  LineSearch // LSNone, LSArmijo, LSWolfe or LSExact
	C2  float64    // Wolfe curvature constant
	Mod NewtonMod  // NewtonShift (Alg. 3.3) or NewtonPlain (no modification)

	ls   *lineSearch
	hess []float64 // ∇²f at the current iterate
	mod  []float64 // ∇²f + τI, the matrix used
	chol []float64 // its Cholesky factor
	dir  []float64
	lu   []float64 // elimination workspace for NewtonPlain
	n    int
}

// NewtonMod says how Newton modifies the Hessian: the "mod" parameter.
type NewtonMod uint8

const (
	NewtonShift NewtonMod = iota // N&W Alg. 3.3: add τI until positive definite (the default)
	NewtonPlain                  // use ∇²f as it is
)

// newtonModChoices are the names of NewtonShift and NewtonPlain, in order.
var newtonModChoices = []string{"shift", "none"}

func (m NewtonMod) String() string { return enumName(newtonModChoices, int(m), "NewtonMod") }

// newtonDefaults are Newton's defaults, taken by its zero fields.
var newtonDefaults = Newton{LR: 1, LS: LSArmijo, C2: 0.9, Mod: NewtonShift}

// Constants of N&W Alg. 3.3.
const (
	newtonBeta = 1e-3
	// newtonMaxShifts bounds the doublings of τ: 1100 doublings of β pass
	// the largest float64, so only a non-finite Hessian exhausts them.
	newtonMaxShifts = 1100
)

func init() {
	registerMethod(&MethodKind{
		Name: "newton",
		Desc: "Newton's method with Hessian modification (Cholesky with added multiple of I)",
		Rule: "(∇²f + τI)·p = −g, x₊ = x + α·p; τ ≥ 0 the first shift making ∇²f + τI positive definite",
		Cite: "Nocedal & Wright §3.4, Alg. 3.3",
		Params: []Param{
			lrParam(newtonDefaults.LR),
			lsParam(newtonDefaults.LS),
			c2Param(newtonDefaults.C2),
			{Key: "mod", Desc: "Hessian modification: shift (Alg. 3.3) or none (plain Newton)", Default: float64(newtonDefaults.Mod), Choices: newtonModChoices},
		},
		New: func(s Spec) Method {
			return &Newton{LR: s.Value("lr"), LS: specLineSearch(s), C2: s.Value("c2"), Mod: NewtonMod(s.Value("mod"))}
		},
	})
}

// newtonModChol computes the shift τ of N&W Alg. 3.3 for the n×n symmetric
// matrix hess, storing hess + τI in mod and its Cholesky factor in chol. It
// reports false when no shift works (non-finite entries).
func newtonModChol(mod, chol, hess []float64, n int) (tau float64, ok bool) {
	minDiag := math.Inf(1)
	for i := 0; i < n; i++ {
		if d := hess[i*n+i]; !(d >= minDiag) { // also catches NaN
			minDiag = d
		}
	}
	if !(minDiag > 0) {
		tau = -minDiag + newtonBeta
	}
	for k := 0; k < newtonMaxShifts; k++ {
		if math.IsNaN(tau) || math.IsInf(tau, 0) {
			break
		}
		copy(mod, hess)
		for i := 0; i < n; i++ {
			mod[i*n+i] += tau
		}
		if la.Cholesky(chol, mod, n) {
			return tau, true
		}
		tau = math.Max(2*tau, newtonBeta)
	}
	return tau, false
}

// Init implements Method.
func (m *Newton) Init(p *Problem, st *State, rec *Record) {
	orDefault(&m.LR, newtonDefaults.LR)
	orDefault(&m.LS, newtonDefaults.LS)
	orDefault(&m.C2, newtonDefaults.C2)
	n := p.Dim()
	m.n = n
	m.ls = newLineSearch(m.LS, m.C2, n)
	m.hess = make([]float64, n*n)
	m.mod = make([]float64, n*n)
	m.chol = make([]float64, n*n)
	m.dir = make([]float64, n)
	m.lu = make([]float64, n*n)
	m.model(p, st, rec)
}

// model evaluates the Hessian at st.X, modifies and factors it, and records it.
func (m *Newton) model(p *Problem, st *State, rec *Record) {
	p.Hess(m.hess, st.X)
	if m.Mod == NewtonPlain {
		copy(m.mod, m.hess)
		rec.SetCurv(CurvHessian, m.mod)
		return
	}
	tau, ok := newtonModChol(m.mod, m.chol, m.hess, m.n)
	if !ok {
		la.SetIdentity(m.mod, m.n, 1)
		la.SetIdentity(m.chol, m.n, 1)
	}
	if !ok || tau > 0 {
		rec.Events |= EventModified
	}
	rec.SetCurv(CurvHessian, m.mod)
}

// Iterate implements Method.
func (m *Newton) Iterate(p *Problem, st *State, rec *Record) {
	if m.Mod == NewtonPlain {
		la.Scale(m.dir, -1, st.G)
		if !la.Solve(m.dir, m.lu, m.hess, m.dir, m.n) { // singular Hessian
			rec.Events |= EventRejected
			rec.SetCurv(CurvHessian, m.mod)
			return
		}
	} else {
		la.CholSolve(m.dir, m.chol, st.G)
		la.Scale(m.dir, -1, m.dir)
	}
	rec.SetDir(m.dir)
	alpha, ok := m.ls.search(p, st, m.dir, m.LR, rec)
	if !ok {
		// The iterate stays, and so does its model.
		rec.Events |= EventRejected
		rec.SetCurv(CurvHessian, m.mod)
		return
	}
	rec.Alpha = alpha
	m.model(p, st, rec)
}
