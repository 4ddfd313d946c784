package sim

import "curvlab/sim/la"

// The quasi-Newton iteration, shared by SR1, BFGS, DFP, L-BFGS and
// Broyden: each keeps a model of the curvature (H ≈ (∇²f)⁻¹, or B ≈ ∇²f)
// and iterates (N&W Alg. 6.1, Alg. 7.5)
//
//	d = −H·g (or B·d = −g)       the model's direction
//	x₊ = x + α·d                 α from the line search, starting at lr
//	s = x₊ − x,  y = g₊ − g      the secant pair
//	update the model from (s, y) (or skip it, EventSkip)
//
// qnIteration does all of it but the model: direction and update are the
// methods of a qnModel, one per method file. When the model gives no
// direction (a singular B) or one the line search cannot use (qnUsable),
// the step is taken along −g instead (EventModified) and the model is kept.
// When the line search fails, the iterate does not move (EventRejected,
// EventSkip) and the model restarts from its initial form.

// qnModel is what differs between the quasi-Newton methods.
type qnModel interface {
	// direction sets d = −H·g (or solves B·d = −g) and reports whether
	// it could.
	direction(d, g []float64) bool
	// learn updates the model from the pair s = x₊ − x, y = g₊ − g at the
	// new iterate x₊, or skips the update and records EventSkip.
	learn(s, y, x []float64, rec *Record)
	// reset restores the initial model.
	reset()
	// recordModel records the model for the next step (Record.SetCurv).
	recordModel(rec *Record)
}

// invModel is the dense model H ≈ (∇²f)⁻¹ of BFGS, DFP and SR1: n×n,
// symmetric, starting from H₀ = h0·I and, with ScalingFirst, replaced by
// γ·I (N&W eq. 6.20) at the first pair. Its methods are those of qnModel
// that the three share; each adds its own learn.
type invModel struct {
	h      []float64 // H, n×n
	n      int
	h0     float64
	scale  Scaling
	scaled bool // the first-pair scaling has been done (or is off)
}

func (md *invModel) init(n int, h0 float64, scale Scaling) {
	md.h = make([]float64, n*n)
	md.n, md.h0, md.scale = n, h0, scale
}

// direction sets d = −H·g.
func (md *invModel) direction(d, g []float64) bool {
	la.MatVec(d, md.h, g)
	la.Scale(d, -1, d)
	return true
}

// reset sets H = H₀ and re-arms the first-pair scaling.
func (md *invModel) reset() {
	la.SetIdentity(md.h, md.n, md.h0)
	md.scaled = md.scale == ScalingNone
}

func (md *invModel) recordModel(rec *Record) { rec.SetCurv(CurvH, md.h) }

// curvature is the start of the BFGS and DFP updates: it returns yᵀs, or
// records EventSkip and reports false when the curvature condition
// yᵀs > ε‖s‖‖y‖ fails; on the first pair that meets it, ScalingFirst
// replaces H by γ·I first.
func (md *invModel) curvature(s, y []float64, rec *Record) (ys float64, ok bool) {
	ys = la.Dot(y, s)
	if !(ys > qnCurvTol*la.Norm(s)*la.Norm(y)) {
		rec.Events |= EventSkip
		return ys, false
	}
	if !md.scaled {
		if gamma, ok := qnFirstScale(s, y); ok {
			la.SetIdentity(md.h, md.n, gamma)
		}
		md.scaled = true
	}
	return ys, true
}

// qnIteration is the iteration's workspace: the line search, the direction
// and the secant pair.
type qnIteration struct {
	ls      *lineSearch
	d, s, y []float64
}

func (it *qnIteration) init(kind LineSearch, c2 float64, n int) {
	it.ls = newLineSearch(kind, c2, n)
	it.d = make([]float64, n)
	it.s = make([]float64, n)
	it.y = make([]float64, n)
}

// iterate takes one quasi-Newton step from st with model m, trying the step
// length lr first.
func (it *qnIteration) iterate(p *Problem, st *State, rec *Record, m qnModel, lr float64) {
	if !m.direction(it.d, st.G) || !qnUsable(it.ls.kind, st.G, it.d) {
		la.Scale(it.d, -1, st.G)
		rec.Events |= EventModified
	}
	rec.SetDir(it.d)
	if !qnStep(p, st, rec, it.ls, it.d, lr, it.s, it.y) {
		m.reset()
		m.recordModel(rec)
		return
	}
	m.learn(it.s, it.y, st.X, rec)
	m.recordModel(rec)
}

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

// invSettings are the settings SR1, BFGS and DFP share (their exported
// fields of the same names), as one value for their defaults.
type invSettings struct {
	LR    float64
	LS    LineSearch
	C2    float64
	H0    float64
	Scale Scaling
}

// params are the methods' parameters, with d's defaults.
func (d invSettings) params() []Param {
	return []Param{lrParam(d.LR), lsParam(d.LS), c2Param(d.C2), qnH0Param(), qnScaleParam(d.Scale)}
}

// specInvSettings reads the settings of spec s by key.
func specInvSettings(s Spec) invSettings {
	return invSettings{LR: s.Value("lr"), LS: specLineSearch(s), C2: s.Value("c2"), H0: s.Value("h0"), Scale: specScaling(s)}
}

// fill replaces the zero settings among a method's fields by d's.
func (d invSettings) fill(lr *float64, ls *LineSearch, c2, h0 *float64, scale *Scaling) {
	orDefault(lr, d.LR)
	orDefault(ls, d.LS)
	orDefault(c2, d.C2)
	orDefault(h0, d.H0)
	orDefault(scale, d.Scale)
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
