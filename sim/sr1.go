package sim

import (
	"math"

	"curvlab/sim/la"
)

// SR1 is the symmetric rank-one quasi-Newton method in inverse form, the
// lesson curvlab was founded on: Newton's method steps along −(∇²f)⁻¹g;
// SR1 steps along
//
//	d = −H·g,   x₊ = x + α·d
//
// with an estimate H of the inverse Hessian that it learns from gradients
// alone. After each step, with s = x₊ − x and y = g₊ − g, it adds the one
// symmetric rank-one term that makes H satisfy the secant condition H₊y = s
// (on a quadratic with Hessian A, y = A·s exactly, so s = A⁻¹y):
//
//	H₊ = H + (s − H·y)(s − H·y)ᵀ / ((s − H·y)ᵀy)        (N&W §6.2, eq. 6.25)
//
// the inverse of the direct update of B ≈ ∇²f, eq. 6.24. The update is
// skipped (EventSkip) when its denominator is tiny or not finite: it is
// made only if
//
//	|yᵀ(s − H·y)| > r·‖y‖·‖s − H·y‖,   r = 1e-8
//
// the analogue for H of eq. 6.26, which N&W state for B (skip when
// |sᵀ(y − Bs)| < r‖s‖‖y − Bs‖). The rule is tested as "not greater than", so it also skips
// when s − H·y = 0 (H already satisfies the secant condition: nothing to
// learn, the exact update is zero) and when s = y = 0 (a step at a
// stationary point), cases where the strict inequality of eq. 6.26 would
// divide 0 by 0.
//
// SR1 does not need yᵀs > 0, and H may become indefinite: that is how it
// models negative curvature, which BFGS cannot, and why d = −Hg need not be
// a descent direction. Facts, for a strictly convex quadratic with Hessian A
// and no skipped update:
//
//   - whatever the step lengths, if the steps s₀ … s_{n−1} are linearly
//     independent then Hₙ = A⁻¹ (N&W Thm 6.1), so with unit steps (ls=none,
//     lr=1) step n+1 is a Newton step and lands on the minimizer;
//   - with exact line searches from H₀ = I the iterates are those of the
//     conjugate-gradient method (N&W §6.3: SR1 is a member of the Broyden
//     class, all of whose members coincide under exact line searches).
//
// Parameters and choices:
//
//   - ls defaults to armijo. With ls=none every step is α = lr along −Hg,
//     whatever its sign: the pure method of the theorems. With armijo or
//     wolfe, a d that is not a descent direction (gᵀd ≥ 0) is replaced by
//     −g for that step (EventModified). H itself is kept, not reset: it may
//     be indefinite because the function is, and the next pairs keep
//     teaching it; the app draws it beside the true Hessian. With exact
//     (a line minimization, which takes either sign of α) d is replaced only
//     when gᵀd = 0.
//   - H₀ = h0·I (default I). scale=first replaces H by γ·I, γ = yᵀs/yᵀy
//     (N&W eq. 6.20), at the first pair with y ≠ 0 (if that pair has
//     yᵀs ≤ 0, H₀ is kept and updated as usual). That pair is then
//     used up: (s − γy)ᵀy = 0 exactly, so the rank-one update of that step
//     is skipped (EventSkip): γI already satisfies yᵀ(γI)y = yᵀs. The default
//     is none, so that the facts above, stated for H₀ = I, hold.
//   - A failed line search leaves the iterate in place (EventRejected,
//     EventSkip) and restarts from H₀.
//
// The zero value is SR1 with its defaults (sr1Defaults).
type SR1 struct {
	LR    float64    // step (ls=none) or first trial step
	LS    LineSearch // line search: LSNone, LSArmijo, LSWolfe or LSExact
	C2    float64    // Wolfe curvature constant
	H0    float64    // H₀ = H0·I
	Scale Scaling    // ScalingNone or ScalingFirst

	qn qnIteration
	invModel
	hy []float64 // H·y
	v  []float64 // s − H·y, the secant error of H
}

// sr1SkipTol is r of the skip rule, N&W eq. 6.26.
const sr1SkipTol = 1e-8

// sr1Defaults are SR1's defaults, taken by its zero fields.
var sr1Defaults = invSettings{LR: 1, LS: LSArmijo, C2: 0.9, H0: qnDefaultH0, Scale: ScalingNone}

func init() {
	registerMethod(&MethodKind{
		Name:   "sr1",
		Desc:   "symmetric rank-one quasi-Newton: learns the inverse Hessian one secant pair at a time",
		Rule:   "d = −H·g;  H₊ = H + (s − H·y)(s − H·y)ᵀ / ((s − H·y)ᵀy); skip unless |yᵀ(s − H·y)| > 1e-8·‖y‖‖s − H·y‖",
		Cite:   "Nocedal & Wright §6.2, eq. 6.25 (update), Thm 6.1; skip rule: the inverse-form analogue of eq. 6.26 (stated there for B), tested as \"not >\"",
		Params: sr1Defaults.params(),
		New: func(s Spec) Method {
			v := specInvSettings(s)
			return &SR1{LR: v.LR, LS: v.LS, C2: v.C2, H0: v.H0, Scale: v.Scale}
		},
	})
}

// Init implements Method.
func (m *SR1) Init(p *Problem, st *State, rec *Record) {
	n := p.Dim()
	sr1Defaults.fill(&m.LR, &m.LS, &m.C2, &m.H0, &m.Scale)
	m.qn.init(m.LS, m.C2, n)
	m.invModel.init(n, m.H0, m.Scale)
	m.hy = make([]float64, n)
	m.v = make([]float64, n)
	m.reset()
	m.recordModel(rec)
}

// Iterate implements Method.
func (m *SR1) Iterate(p *Problem, st *State, rec *Record) { m.qn.iterate(p, st, rec, m, m.LR) }

// learn applies N&W eq. 6.25 to H, or skips it by the rule above.
func (m *SR1) learn(s, y, _ []float64, rec *Record) {
	n, h := m.n, m.h
	if !m.scaled && la.Norm(y) > 0 {
		m.scaled = true
		if gamma, ok := qnFirstScale(s, y); ok {
			// H = γI satisfies yᵀH·y = yᵀs, so (s − H·y)ᵀy = 0: the
			// scaling is this pair's whole update.
			la.SetIdentity(h, n, gamma)
			rec.Events |= EventSkip
			return
		}
	}

	la.MatVec(m.hy, h, y)
	la.Sub(m.v, s, m.hy) // v = s − H·y
	v := m.v
	den := la.Dot(v, y)
	if !(math.Abs(den) > sr1SkipTol*la.Norm(y)*la.Norm(v)) || math.IsInf(den, 0) {
		rec.Events |= EventSkip
		return
	}
	for i := 0; i < n; i++ {
		for j := i; j < n; j++ { // upper triangle, mirrored: H stays exactly symmetric
			u := h[i*n+j] + v[i]*v[j]/den
			h[i*n+j], h[j*n+i] = u, u
		}
	}
}
