package sim

import "curvlab/sim/la"

// LBFGS is limited-memory BFGS. Instead of the n×n matrix H it keeps the m
// most recent pairs (sᵢ, yᵢ), sᵢ = xᵢ₊₁ − xᵢ, yᵢ = gᵢ₊₁ − gᵢ, ρᵢ = 1/(yᵢᵀsᵢ),
// and computes d = −H·g by the two-loop recursion (N&W Alg. 7.4):
//
//	q ← g
//	for i = newest … oldest:  aᵢ = ρᵢ·sᵢᵀq;  q ← q − aᵢ·yᵢ
//	r ← H₀ₖ·q,  H₀ₖ = γₖ·I
//	for i = oldest … newest:  b = ρᵢ·yᵢᵀr;  r ← r + (aᵢ − b)·sᵢ
//	d = −r
//
// which applies to g the matrix obtained from H₀ₖ by the BFGS updates
// (N&W eq. 6.17) with the stored pairs, oldest first (N&W eq. 7.19).
//
// Choices:
//   - m (memory) defaults to 5; N&W §7.2 reports that 3 to 20 pairs
//     usually suffice. The pairs live in a ring buffer allocated in Init.
//   - scale=every (the default) takes γₖ = sᵀy/yᵀy of the newest pair at
//     every step (N&W eq. 7.20), the usual choice. scale=none keeps
//     H₀ₖ = h0·I; scale=first fixes γ from the first stored pair (N&W
//     eq. 6.20). Before the first pair H₀ = h0·I in every case.
//   - A pair is not stored (EventSkip) when yᵀs ≤ ε·‖s‖·‖y‖, ε = 1e-8, as in
//     BFGS; this covers s = 0 and y = 0.
//   - ls defaults to wolfe, which makes yᵀs > 0. A direction the line
//     search cannot use is replaced by −g (EventModified); a failed line
//     search leaves the iterate in place (EventRejected, EventSkip) and
//     clears the memory.
//
// Facts. While no more than m pairs have been stored, L-BFGS with
// scale=none (or first) computes exactly the H of BFGS from the same H₀
// (with the same scale setting), so the two take the same iterates on any
// function. On a strictly convex quadratic with exact line searches it
// takes the conjugate-gradient iterates for any m ≥ 1 and any γₖ: the
// gradients are then orthogonal to all earlier steps, so the recursion
// reduces to a multiple of the Hestenes–Stiefel direction (N&W §7.2,
// memoryless BFGS).
//
// For n ≤ 16 the recorded curvature is the explicit H (CurvH), obtained by
// applying the recursion to the unit vectors (symmetrized to rounding); for
// larger n nothing is recorded.
//
// The zero value is L-BFGS with its defaults (lbfgsDefaults).
type LBFGS struct {
	LR    float64    // first trial step (the step with ls=none)
	LS    LineSearch // line search: LSNone, LSArmijo, LSWolfe or LSExact
	C2    float64    // Wolfe curvature constant
	M     int        // memory: number of pairs kept
	H0    float64    // H₀ = H0·I before scaling
	Scale Scaling    // ScalingNone, ScalingFirst or ScalingEvery

	qn     qnIteration
	n      int
	ss, ys []float64 // ring buffers of m pairs, m·n each; pair k at [k·n, (k+1)·n)
	rho, a []float64 // ρₖ and the first loop's aₖ, m each
	head   int       // slot of the next pair
	count  int       // pairs stored, ≤ m
	gamma  float64   // H₀ₖ = γ·I
	h      []float64 // explicit H for recording (n ≤ lbMaxCurvDim), else nil
	e      []float64 // unit vector workspace for h
}

// lbMaxCurvDim is the largest n for which the explicit H is recorded.
const lbMaxCurvDim = 16

// lbfgsDefaults are LBFGS's defaults, taken by its zero fields.
var lbfgsDefaults = LBFGS{LR: 1, LS: LSWolfe, C2: 0.9, M: 5, H0: qnDefaultH0, Scale: ScalingEvery}

func init() {
	registerMethod(&MethodKind{
		Name: "lbfgs",
		Desc: "limited-memory BFGS: H·g from the last m pairs by the two-loop recursion",
		Rule: "d = −H·g, H = m BFGS updates of γ·I (two-loop recursion), γ = sᵀy/yᵀy",
		Cite: "Nocedal 1980; Liu & Nocedal 1989; Nocedal & Wright §7.2, Alg. 7.4, eq. 7.20",
		Params: []Param{
			lrParam(lbfgsDefaults.LR),
			lsParam(lbfgsDefaults.LS),
			c2Param(lbfgsDefaults.C2),
			{Key: "m", Desc: "memory: number of (s, y) pairs kept", Default: float64(lbfgsDefaults.M), Min: 1, Max: 50, Int: true},
			qnH0Param(),
			{Key: "scale", Desc: "H₀ scaling: none keeps h0·I, first fixes γ = yᵀs/yᵀy from the first pair (N&W eq. 6.20), every recomputes it from the newest pair (eq. 7.20)",
				Default: float64(lbfgsDefaults.Scale - 1), Choices: scalingChoices},
		},
		New: func(s Spec) Method {
			return &LBFGS{LR: s.Value("lr"), LS: specLineSearch(s), C2: s.Value("c2"), M: int(s.Value("m")), H0: s.Value("h0"), Scale: specScaling(s)}
		},
	})
}

// Init implements Method.
func (m *LBFGS) Init(p *Problem, st *State, rec *Record) {
	n := p.Dim()
	orDefault(&m.LR, lbfgsDefaults.LR)
	orDefault(&m.LS, lbfgsDefaults.LS)
	orDefault(&m.C2, lbfgsDefaults.C2)
	orDefault(&m.M, lbfgsDefaults.M)
	orDefault(&m.H0, lbfgsDefaults.H0)
	orDefault(&m.Scale, lbfgsDefaults.Scale)
	if m.M < 1 {
		m.M = 1
	}
	m.qn.init(m.LS, m.C2, n)
	m.n = n
	m.ss = make([]float64, m.M*n)
	m.ys = make([]float64, m.M*n)
	m.rho = make([]float64, m.M)
	m.a = make([]float64, m.M)
	if n <= lbMaxCurvDim {
		m.h = make([]float64, n*n)
		m.e = make([]float64, n)
	}
	m.reset()
	m.recordModel(rec)
}

// reset clears the memory.
func (m *LBFGS) reset() {
	m.head, m.count = 0, 0
	m.gamma = m.H0
}

// Iterate implements Method.
func (m *LBFGS) Iterate(p *Problem, st *State, rec *Record) { m.qn.iterate(p, st, rec, m, m.LR) }

// direction sets d = −H·g by the two-loop recursion.
func (m *LBFGS) direction(d, g []float64) bool {
	copy(d, g)
	m.twoLoop(d, m.n)
	la.Scale(d, -1, d)
	return true
}

// learn adds the pair (s, y) to the memory, overwriting the oldest when
// full, or skips it.
func (m *LBFGS) learn(s, y, _ []float64, rec *Record) {
	n := m.n
	ys := la.Dot(y, s)
	if !(ys > qnCurvTol*la.Norm(s)*la.Norm(y)) {
		rec.Events |= EventSkip
		return
	}
	k := m.head
	copy(m.ss[k*n:(k+1)*n], s)
	copy(m.ys[k*n:(k+1)*n], y)
	m.rho[k] = 1 / ys
	m.head = (k + 1) % m.M
	first := m.count == 0
	if m.count < m.M {
		m.count++
	}
	if m.Scale == ScalingEvery || (m.Scale == ScalingFirst && first) {
		if gamma, ok := qnFirstScale(s, y); ok {
			m.gamma = gamma
		}
	}
}

// twoLoop replaces q by H·q (N&W Alg. 7.4).
func (m *LBFGS) twoLoop(q []float64, n int) {
	for i := 0; i < m.count; i++ { // newest to oldest
		k := (m.head - 1 - i + m.M) % m.M
		s, y := m.ss[k*n:(k+1)*n], m.ys[k*n:(k+1)*n]
		m.a[k] = m.rho[k] * la.Dot(s, q)
		la.Axpy(q, q, -m.a[k], y)
	}
	la.Scale(q, m.gamma, q)
	for i := m.count - 1; i >= 0; i-- { // oldest to newest
		k := (m.head - 1 - i + m.M) % m.M
		s, y := m.ss[k*n:(k+1)*n], m.ys[k*n:(k+1)*n]
		b := m.rho[k] * la.Dot(y, q)
		la.Axpy(q, q, m.a[k]-b, s)
	}
}

// recordModel records the explicit H, column by column, when n is small
// enough.
func (m *LBFGS) recordModel(rec *Record) {
	if m.h == nil {
		return
	}
	n := m.n
	for j := 0; j < n; j++ {
		for i := range m.e {
			m.e[i] = 0
		}
		m.e[j] = 1
		m.twoLoop(m.e, n)
		for i := 0; i < n; i++ {
			m.h[i*n+j] = m.e[i]
		}
	}
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			v := 0.5 * (m.h[i*n+j] + m.h[j*n+i])
			m.h[i*n+j], m.h[j*n+i] = v, v
		}
	}
	rec.SetCurv(CurvH, m.h)
}
