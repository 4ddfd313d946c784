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

	ls         *lineSearch
	h          []float64 // H, n×n
	d, s, y, w []float64 // direction, step, gradient change, H·y
	scaled     bool      // the first-update scaling has been done
}

// Shared by the quasi-Newton methods (bfgs.go, dfp.go, sr1.go, lbfgs.go,
// broyden.go).

// qnCurvTol is ε of the skip rule yᵀs ≤ ε‖s‖‖y‖ (BFGS, DFP, L-BFGS).
const qnCurvTol = 1e-8

// Scaling says how a quasi-Newton method scales its initial model: the
// "scale" parameter.
type Scaling uint8

const (
	// ScalingDefault, the zero value, is the method's own default.
	ScalingDefault Scaling = iota
	ScalingNone            // keep H₀ = h0·I
	ScalingFirst           // H₀ ← (yᵀs/yᵀy)·I before the first update (N&W eq. 6.20)
	ScalingEvery           // L-BFGS only: H₀ₖ = γₖ·I at every step (N&W eq. 7.20)
)

// scalingNames name the Scaling constants in order; the choices of the
// "scale" parameter are all but ScalingDefault (choice i is Scaling(i+1)),
// and all but L-BFGS offer only the first two.
var (
	scalingNames   = []string{"default", "none", "first", "every"}
	scalingChoices = scalingNames[1:]
)

func (s Scaling) String() string { return enumName(scalingNames, int(s), "Scaling") }

// qnScaleParam is the "scale" parameter of BFGS, DFP and SR1.
func qnScaleParam(def Scaling) Param {
	return Param{Key: "scale", Desc: "initial scaling: none keeps H₀ = h0·I, first sets H₀ = (yᵀs/yᵀy)·I before the first update (N&W eq. 6.20)",
		Default: float64(def - 1), Choices: scalingChoices[:2]}
}

// specScaling reads the "scale" parameter of s.
func specScaling(s Spec) Scaling { return Scaling(s.Value("scale")) + 1 }

// qnDefaultH0 is the default h0, taken by a zero H0 (or B0).
const qnDefaultH0 = 1

// qnH0Param is the "h0" parameter: H₀ = h0·I.
func qnH0Param() Param {
	return Param{Key: "h0", Desc: "initial inverse-Hessian model H₀ = h0·I", Default: qnDefaultH0, Min: 1e-8, Max: 1e8}
}

// qnUsable reports whether the line search of the given kind can use
// direction d at gradient g: armijo and wolfe need a descent direction
// (gᵀd < 0); exact minimizes along the whole line, so it needs only gᵀd ≠ 0
// (it returns a negative α along an ascent direction); a fixed step (none)
// takes any finite d. At g = 0 every d is accepted: −g would be no better.
func qnUsable(kind LineSearch, g, d []float64) bool {
	if !la.IsFinite(d) {
		return false
	}
	slope := la.Dot(g, d)
	switch kind {
	case LSArmijo, LSWolfe:
		return slope < 0 || la.Norm(g) == 0
	case LSExact:
		return slope != 0 || la.Norm(g) == 0
	}
	return true
}

// qnStep moves st along d with the line search, trying alpha0 first, and
// sets s = x₊ − x and y = g₊ − g. When the search fails it records
// EventRejected and EventSkip (no step, no update) and returns false.
func qnStep(p *Problem, st *State, rec *Record, ls *lineSearch, d []float64, alpha0 float64, s, y []float64) bool {
	copy(s, st.X)
	copy(y, st.G)
	alpha, ok := ls.search(p, st, d, alpha0, rec)
	if !ok {
		rec.Events |= EventRejected | EventSkip
		return false
	}
	rec.Alpha = alpha
	la.Sub(s, st.X, s)
	la.Sub(y, st.G, y)
	return true
}

// qnFirstScale returns γ = yᵀs/yᵀy of N&W eq. 6.20 and whether it is usable
// (positive and finite).
func qnFirstScale(s, y []float64) (float64, bool) {
	gamma := la.Dot(y, s) / la.Dot(y, y)
	return gamma, gamma > 0 && gamma < 1e300
}

// bfgsDefaults are BFGS's defaults, taken by its zero fields.
var bfgsDefaults = BFGS{LR: 1, LS: LSWolfe, C2: 0.9, H0: qnDefaultH0, Scale: ScalingFirst}

func init() {
	registerMethod(&MethodKind{
		Name: "bfgs",
		Desc: "BFGS quasi-Newton: rank-two update of the inverse Hessian",
		Rule: "d = −H·g;  H₊ = (I − ρ·s·yᵀ)·H·(I − ρ·y·sᵀ) + ρ·s·sᵀ,  ρ = 1/(yᵀs); skip if yᵀs ≤ 1e-8·‖s‖‖y‖",
		Cite: "Broyden, Fletcher, Goldfarb, Shanno 1970; Nocedal & Wright §6.1, eq. 6.17 (scaling eq. 6.20)",
		Params: []Param{
			lrParam(bfgsDefaults.LR),
			lsParam(bfgsDefaults.LS),
			c2Param(bfgsDefaults.C2),
			qnH0Param(),
			qnScaleParam(bfgsDefaults.Scale),
		},
		New: func(s Spec) Method {
			return &BFGS{LR: s.Value("lr"), LS: specLineSearch(s), C2: s.Value("c2"), H0: s.Value("h0"), Scale: specScaling(s)}
		},
	})
}

// Init implements Method.
func (m *BFGS) Init(p *Problem, st *State, rec *Record) {
	n := p.Dim()
	orDefault(&m.LR, bfgsDefaults.LR)
	orDefault(&m.LS, bfgsDefaults.LS)
	orDefault(&m.C2, bfgsDefaults.C2)
	orDefault(&m.H0, bfgsDefaults.H0)
	orDefault(&m.Scale, bfgsDefaults.Scale)
	m.ls = newLineSearch(m.LS, m.C2, n)
	m.h = make([]float64, n*n)
	m.d = make([]float64, n)
	m.s = make([]float64, n)
	m.y = make([]float64, n)
	m.w = make([]float64, n)
	m.restart(n)
	rec.SetCurv(CurvH, m.h)
}

func (m *BFGS) restart(n int) {
	la.SetIdentity(m.h, n, m.H0)
	m.scaled = m.Scale == ScalingNone
}

// Iterate implements Method.
func (m *BFGS) Iterate(p *Problem, st *State, rec *Record) {
	n := len(st.X)
	la.MatVec(m.d, m.h, st.G)
	la.Scale(m.d, -1, m.d)
	if !qnUsable(m.LS, st.G, m.d) {
		la.Scale(m.d, -1, st.G)
		rec.Events |= EventModified
	}
	if !qnStep(p, st, rec, m.ls, m.d, m.LR, m.s, m.y) {
		m.restart(n)
		rec.SetCurv(CurvH, m.h)
		return
	}
	m.update(n, rec)
	rec.SetCurv(CurvH, m.h)
}

// update applies N&W eq. 6.17 to m.h, expanded for symmetric H with
// w = H·y:
//
//	H₊ = H − ρ·(w·sᵀ + s·wᵀ) + (ρ²·yᵀw + ρ)·s·sᵀ
func (m *BFGS) update(n int, rec *Record) {
	s, y, w, h := m.s, m.y, m.w, m.h
	ys := la.Dot(y, s)
	if !(ys > qnCurvTol*la.Norm(s)*la.Norm(y)) {
		rec.Events |= EventSkip
		return
	}
	if !m.scaled {
		if gamma, ok := qnFirstScale(s, y); ok {
			la.SetIdentity(h, n, gamma)
		}
		m.scaled = true
	}
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
