package sim

import "curvlab/sim/la"

// BFGS is the Broyden–Fletcher–Goldfarb–Shanno quasi-Newton method in
// inverse form. It keeps H ≈ (∇²f)⁻¹, steps along d = −H·g and, with
// s = x₊ − x, y = g₊ − g and ρ = 1/(yᵀs), corrects H by the rank-two update
//
//	H₊ = (I − ρ·s·yᵀ)·H·(I − ρ·y·sᵀ) + ρ·s·sᵀ      (N&W eq. 6.17)
//
// the symmetric matrix closest to H (in a weighted norm) that satisfies the
// secant condition H₊y = s. H₊ is positive definite whenever H is and
// yᵀs > 0 (the curvature condition, N&W eq. 6.7), which a Wolfe line search
// guarantees; hence ls defaults to wolfe. The update is skipped (EventSkip)
// when yᵀs ≤ ε·‖s‖·‖y‖ with ε = 1e-8, which also covers s = 0 and y = 0.
//
// H₀ = h0·I. With scale=first (the default) H is replaced by
// (yᵀs / yᵀy)·I just before the first update (N&W eq. 6.20, p. 143), an
// estimate of the size of (∇²f)⁻¹ along the first step that spares the first
// steps from the arbitrary units of H₀ = I. Choose scale=none for the
// textbook facts stated for H₀ = I: on a strictly convex quadratic with exact
// line searches BFGS reproduces the conjugate-gradient iterates and has
// Hₙ = A⁻¹ (N&W §6.3, properties of the Broyden class).
//
// When the line search fails the iterate does not move (EventRejected,
// EventSkip) and the method restarts from H₀. When d is not usable by the
// line search (see qnUsable) the step is taken along −g instead
// (EventModified); with yᵀs > 0 enforced this happens only through rounding.
//
// The zero value is BFGS with its defaults (bfgsDefaults).
type BFGS struct {
	LR    float64    // first trial step (the step with ls=none)
	LS    LineSearch // line search: LSNone, LSArmijo, LSWolfe or LSExact
	C2    float64    // Wolfe curvature constant
	H0    float64    // H₀ = H0·I
	Scale Scaling    // ScalingNone or ScalingFirst

	qn qnIteration
	invModel
	w []float64 // H·y
}

// bfgsDefaults are BFGS's defaults, taken by its zero fields.
var bfgsDefaults = invSettings{LR: 1, LS: LSWolfe, C2: 0.9, H0: qnDefaultH0, Scale: ScalingFirst}

func init() {
	registerMethod(&MethodKind{
		Name:   "bfgs",
		Desc:   "BFGS quasi-Newton: rank-two update of the inverse Hessian",
		Rule:   "d = −H·g;  H₊ = (I − ρ·s·yᵀ)·H·(I − ρ·y·sᵀ) + ρ·s·sᵀ,  ρ = 1/(yᵀs); skip if yᵀs ≤ 1e-8·‖s‖‖y‖",
		Cite:   "Broyden, Fletcher, Goldfarb, Shanno 1970; Nocedal & Wright §6.1, eq. 6.17 (scaling eq. 6.20)",
		Params: bfgsDefaults.params(),
		New: func(s Spec) Method {
			v := specInvSettings(s)
			return &BFGS{LR: v.LR, LS: v.LS, C2: v.C2, H0: v.H0, Scale: v.Scale}
		},
	})
}

// Init implements Method.
func (m *BFGS) Init(p *Problem, st *State, rec *Record) {
	n := p.Dim()
	bfgsDefaults.fill(&m.LR, &m.LS, &m.C2, &m.H0, &m.Scale)
	m.qn.init(m.LS, m.C2, n)
	m.invModel.init(n, m.H0, m.Scale)
	m.w = make([]float64, n)
	m.reset()
	m.recordModel(rec)
}

// Iterate implements Method.
func (m *BFGS) Iterate(p *Problem, st *State, rec *Record) { m.qn.iterate(p, st, rec, m, m.LR) }

// learn applies N&W eq. 6.17 to H, expanded for symmetric H with w = H·y:
//
//	H₊ = H − ρ·(w·sᵀ + s·wᵀ) + (ρ²·yᵀw + ρ)·s·sᵀ
func (m *BFGS) learn(s, y, _ []float64, rec *Record) {
	ys, ok := m.curvature(s, y, rec)
	if !ok {
		return
	}
	n, w, h := m.n, m.w, m.h
	rho := 1 / ys
	la.MatVec(w, h, y)
	c := rho*rho*la.Dot(y, w) + rho
	for i := 0; i < n; i++ {
		for j := i; j < n; j++ { // upper triangle, mirrored: H stays exactly symmetric
			v := h[i*n+j] + c*s[i]*s[j] - rho*(w[i]*s[j]+s[i]*w[j])
			h[i*n+j], h[j*n+i] = v, v
		}
	}
}
