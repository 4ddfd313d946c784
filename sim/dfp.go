package sim

import "curvlab/sim/la"

// DFP is the Davidon–Fletcher–Powell quasi-Newton method, the first of the
// rank-two methods. It keeps H ≈ (∇²f)⁻¹, steps along d = −H·g and, with
// s = x₊ − x and y = g₊ − g, corrects H by
//
//	H₊ = H − (H·y)(H·y)ᵀ / (yᵀH·y) + s·sᵀ / (yᵀs)      (N&W eq. 6.15)
//
// the dual of BFGS (it is the BFGS formula with the roles of s and y, H and
// B exchanged). H₊ satisfies the secant condition H₊y = s and stays positive
// definite when H is and yᵀs > 0, which a Wolfe line search guarantees;
// hence ls defaults to wolfe. The update is skipped (EventSkip) when
// yᵀs ≤ ε·‖s‖·‖y‖ with ε = 1e-8 (which covers s = 0 and y = 0) or when
// yᵀH·y is not positive.
//
// H₀ = h0·I; scale=first (the default) replaces it by (yᵀs/yᵀy)·I before
// the first update (N&W eq. 6.20). DFP corrects a badly scaled H much more
// slowly than BFGS (N&W §6.1), so the scaling matters even more
// here. Choose scale=none for the textbook facts stated for H₀ = I: on a
// strictly convex quadratic with exact line searches DFP reproduces the
// conjugate-gradient iterates and has Hₙ = A⁻¹ (N&W §6.3).
//
// Failures are handled as in BFGS: a failed line search leaves the iterate
// in place (EventRejected, EventSkip) and restarts from H₀; a direction the
// line search cannot use is replaced by −g (EventModified).
//
// The zero value is DFP with its defaults (dfpDefaults).
type DFP struct {
	LR    float64    // first trial step (the step with ls=none)
	LS    LineSearch // line search: LSNone, LSArmijo, LSWolfe or LSExact
	C2    float64    // Wolfe curvature constant
	H0    float64    // H₀ = H0·I
	Scale Scaling    // ScalingNone or ScalingFirst

	qn qnIteration
	invModel
	w []float64 // H·y
}

// dfpDefaults are DFP's defaults, taken by its zero fields.
var dfpDefaults = invSettings{LR: 1, LS: LSWolfe, C2: 0.9, H0: qnDefaultH0, Scale: ScalingFirst}

func init() {
	registerMethod(&MethodKind{
		Name:   "dfp",
		Desc:   "DFP quasi-Newton: the first rank-two update of the inverse Hessian",
		Rule:   "d = −H·g;  H₊ = H − H·y·yᵀ·H/(yᵀH·y) + s·sᵀ/(yᵀs); skip if yᵀs ≤ 1e-8·‖s‖‖y‖",
		Cite:   "Davidon 1959; Fletcher & Powell 1963; Nocedal & Wright §6.1, eq. 6.15 (scaling eq. 6.20)",
		Params: dfpDefaults.params(),
		New: func(s Spec) Method {
			v := specInvSettings(s)
			return &DFP{LR: v.LR, LS: v.LS, C2: v.C2, H0: v.H0, Scale: v.Scale}
		},
	})
}

// Init implements Method.
func (m *DFP) Init(p *Problem, st *State, rec *Record) {
	n := p.Dim()
	dfpDefaults.fill(&m.LR, &m.LS, &m.C2, &m.H0, &m.Scale)
	m.qn.init(m.LS, m.C2, n)
	m.invModel.init(n, m.H0, m.Scale)
	m.w = make([]float64, n)
	m.reset()
	m.recordModel(rec)
}

// Iterate implements Method.
func (m *DFP) Iterate(p *Problem, st *State, rec *Record) { m.qn.iterate(p, st, rec, m, m.LR) }

// learn applies N&W eq. 6.15 to H.
func (m *DFP) learn(s, y, _ []float64, rec *Record) {
	ys, ok := m.curvature(s, y, rec)
	if !ok {
		return
	}
	n, w, h := m.n, m.w, m.h
	la.MatVec(w, h, y)
	yw := la.Dot(y, w)
	if !(yw > 0) {
		rec.Events |= EventSkip
		return
	}
	for i := 0; i < n; i++ {
		for j := i; j < n; j++ { // upper triangle, mirrored: H stays exactly symmetric
			v := h[i*n+j] - w[i]*w[j]/yw + s[i]*s[j]/ys
			h[i*n+j], h[j*n+i] = v, v
		}
	}
}
