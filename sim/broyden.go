package sim

import (
	"math"

	"curvlab/sim/la"
)

// Broyden is Broyden's rank-one ("good Broyden") secant method applied to
// the equations ∇f(x) = 0. It keeps a non-symmetric B ≈ ∇²f, solves
//
//	B·d = −g,   x₊ = x + α·d,
//
// and, with s = x₊ − x and y = g₊ − g, makes the least change to B (in the
// Frobenius norm) that satisfies the secant equation B₊s = y:
//
//	B₊ = B + (y − B·s)·sᵀ / (sᵀs)                    (D&S §8.1)
//
// It ignores that ∇²f is symmetric, so B is in general not symmetric, and
// it gives no descent guarantee: d may point uphill, and the method is as
// happy to converge to a saddle or a maximum as to a minimum — it finds
// stationary points. On a quadratic (∇f linear) with full steps it finds
// the stationary point in at most 2n steps (Gay 1979, SIAM J. Numer. Anal.
// 16:623–630), although B need not approach ∇²f.
//
// Choices:
//   - ls defaults to none: Broyden's local method, full steps α = lr = 1,
//     as in D&S §8.1. armijo, wolfe and exact are available; with armijo or
//     wolfe a d that is not a descent direction is replaced by −g for that
//     step (EventModified), and B is kept.
//   - d is found by Gaussian elimination with partial pivoting (la.Solve)
//     on a copy of B. When a pivot is below 1e-12·max|Bᵢⱼ| (B
//     numerically singular) or d is not finite, the step is
//     taken along −g instead (EventModified); B is kept, and the update
//     after that step usually repairs it.
//   - The update is skipped (EventSkip) when the step is negligible,
//     ‖s‖ ≤ 1e-14·‖x₊‖ or s = 0 (which covers s = 0, y = 0), since y is then
//     rounding noise, or when it would not be finite.
//   - B₀ = b0·I (default I). scale=first replaces B by (yᵀy/yᵀs)·I before
//     the first update, the reciprocal of N&W eq. 6.20, when the first pair
//     with y ≠ 0 has yᵀs > 0; default none.
//   - A failed line search leaves the iterate in place (EventRejected,
//     EventSkip) and restarts from B₀.
//
// The recorded curvature is B (CurvB), not symmetric.
//
// The zero value is Broyden's method with its defaults (broydenDefaults).
type Broyden struct {
	LR    float64    // step (ls=none) or first trial step
	LS    LineSearch // line search: LSNone, LSArmijo, LSWolfe or LSExact
	C2    float64    // Wolfe curvature constant
	B0    float64    // B₀ = B0·I
	Scale Scaling    // ScalingNone or ScalingFirst

	qn     qnIteration
	n      int
	b, lu  []float64 // B (n×n, row-major) and its elimination workspace
	r      []float64 // y − B·s
	scaled bool
}

// brStepTol is the relative step below which the update is skipped.
const brStepTol = 1e-14

// broydenDefaults are Broyden's defaults, taken by its zero fields.
var broydenDefaults = Broyden{LR: 1, LS: LSNone, C2: 0.9, B0: qnDefaultH0, Scale: ScalingNone}

func init() {
	registerMethod(&MethodKind{
		Name: "broyden",
		Desc: "Broyden's rank-one secant method on ∇f = 0 (non-symmetric B, no descent guarantee)",
		Rule: "B·d = −g;  B₊ = B + (y − B·s)·sᵀ/(sᵀs)",
		Cite: "Broyden 1965; Dennis & Schnabel §8.1",
		Params: []Param{
			lrParam(broydenDefaults.LR),
			lsParam(broydenDefaults.LS),
			c2Param(broydenDefaults.C2),
			{Key: "b0", Desc: "initial Hessian model B₀ = b0·I", Default: broydenDefaults.B0, Min: 1e-8, Max: 1e8},
			{Key: "scale", Desc: "initial scaling: none keeps B₀ = b0·I, first sets B₀ = (yᵀy/yᵀs)·I before the first update (the inverse of N&W eq. 6.20's H₀)",
				Default: float64(broydenDefaults.Scale - 1), Choices: scalingChoices[:2]},
		},
		New: func(s Spec) Method {
			return &Broyden{LR: s.Value("lr"), LS: specLineSearch(s), C2: s.Value("c2"), B0: s.Value("b0"), Scale: specScaling(s)}
		},
	})
}

// Init implements Method.
func (m *Broyden) Init(p *Problem, st *State, rec *Record) {
	n := p.Dim()
	orDefault(&m.LR, broydenDefaults.LR)
	orDefault(&m.LS, broydenDefaults.LS)
	orDefault(&m.C2, broydenDefaults.C2)
	orDefault(&m.B0, broydenDefaults.B0)
	orDefault(&m.Scale, broydenDefaults.Scale)
	m.qn.init(m.LS, m.C2, n)
	m.n = n
	m.b = make([]float64, n*n)
	m.lu = make([]float64, n*n)
	m.r = make([]float64, n)
	m.reset()
	m.recordModel(rec)
}

// reset sets B = B₀ and re-arms the first-pair scaling.
func (m *Broyden) reset() {
	la.SetIdentity(m.b, m.n, m.B0)
	m.scaled = m.Scale == ScalingNone
}

func (m *Broyden) recordModel(rec *Record) { rec.SetCurv(CurvB, m.b) }

// Iterate implements Method.
func (m *Broyden) Iterate(p *Problem, st *State, rec *Record) { m.qn.iterate(p, st, rec, m, m.LR) }

// direction solves B·d = −g.
func (m *Broyden) direction(d, g []float64) bool {
	la.Scale(d, -1, g)
	return la.Solve(d, m.lu, m.b, d, m.n)
}

// learn applies the Broyden update (D&S §8.1) to B.
func (m *Broyden) learn(s, y, x []float64, rec *Record) {
	n, r, b := m.n, m.r, m.b
	ss := la.Dot(s, s)
	if !(ss > 0) || la.Norm(s) <= brStepTol*la.Norm(x) || math.IsInf(ss, 0) {
		rec.Events |= EventSkip
		return
	}
	if !m.scaled && la.Norm(y) > 0 {
		m.scaled = true
		if ys := la.Dot(y, s); ys > 0 {
			if beta := la.Dot(y, y) / ys; beta < 1e300 {
				la.SetIdentity(b, n, beta)
			}
		}
	}
	la.MatVec(r, b, s)
	la.Sub(r, y, r) // r = y − B·s
	if !la.IsFinite(r) {
		rec.Events |= EventSkip
		return
	}
	for i := 0; i < n; i++ {
		ri := r[i] / ss
		for j := 0; j < n; j++ {
			b[i*n+j] += ri * s[j]
		}
	}
}
