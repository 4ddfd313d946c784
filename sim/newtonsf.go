package sim

import (
	"math"

	"curvlab/sim/la"
)

// SaddleFreeNewton is the saddle-free Newton method: with the
// eigendecomposition ∇²f(x) = QΛQᵀ it takes
//
//	|H| = Q·max(|Λ|, δ)·Qᵀ,   p = −|H|⁻¹g,   x₊ = x + α·p
//
// Replacing each eigenvalue by its absolute value keeps Newton's scaling
// along every eigenvector but reverses the step along directions of
// negative curvature, so p is always a descent direction and saddles repel
// the iterate instead of attracting it (Dauphin et al. 2014, §4; their
// experiments damp |H| too, as here). Near a strict minimizer |H| = ∇²f
// and the step is Newton's.
//
// The floor is δ = damp·max|λᵢ|, relative to the largest eigenvalue
// magnitude, so that (near-)zero eigenvalues give long but finite steps;
// when ∇²f = 0 the floor is 1, i.e. |H| = I and p = −g.
//
// α comes from the line search ls starting from α₀ = lr (α = lr with
// ls=none).
//
// Recording: |H| at the new iterate as CurvHessian, with EventModified
// whenever it differs from ∇²f, that is when some eigenvalue is below δ
// (negative, zero or tiny).
//
// Y. Dauphin, R. Pascanu, C. Gulcehre, K. Cho, S. Ganguli, Y. Bengio,
// Identifying and attacking the saddle point problem in high-dimensional
// non-convex optimization, NeurIPS 2014; compare N&W §3.4 (eigenvalue
// modification, which replaces small and negative eigenvalues by δ instead
// of flipping them).
//
// The zero value is saddle-free Newton with its defaults (newtonSFDefaults).
type SaddleFreeNewton struct {
	LR   float64    // α₀, the first trial step (the step itself with ls=none)
	LS   LineSearch // LSNone, LSArmijo, LSWolfe or LSExact
	C2   float64    // Wolfe curvature constant
	Damp float64    // eigenvalue floor relative to max|λᵢ|

	ls         *lineSearch
	hess, absH []float64
	vals, vecs []float64 // eigenvalues (then floored |λᵢ|) and eigenvectors (columns)
	work       []float64
	coef, dir  []float64
	n          int
}

// newtonSFDefaults are SaddleFreeNewton's defaults, taken by its zero fields.
var newtonSFDefaults = SaddleFreeNewton{LR: 1, LS: LSArmijo, C2: 0.9, Damp: 1e-4}

func init() {
	registerMethod(&MethodKind{
		Name: "newton-sf",
		Desc: "saddle-free Newton: Hessian eigenvalues replaced by their absolute values",
		Rule: "p = −|H|⁻¹g, |H| = Q·max(|Λ|, δ)·Qᵀ, x₊ = x + α·p",
		Cite: "Dauphin et al., NeurIPS 2014; Nocedal & Wright §3.4",
		Params: []Param{
			lrParam(newtonSFDefaults.LR),
			lsParam(newtonSFDefaults.LS),
			c2Param(newtonSFDefaults.C2),
			{Key: "damp", Desc: "eigenvalue floor δ relative to max|λᵢ|", Default: newtonSFDefaults.Damp, Min: 1e-12, Max: 1},
		},
		New: func(s Spec) Method {
			return &SaddleFreeNewton{LR: s.Value("lr"), LS: specLineSearch(s), C2: s.Value("c2"), Damp: s.Value("damp")}
		},
	})
}

// Init implements Method.
func (m *SaddleFreeNewton) Init(p *Problem, st *State, rec *Record) {
	orDefault(&m.LR, newtonSFDefaults.LR)
	orDefault(&m.LS, newtonSFDefaults.LS)
	orDefault(&m.C2, newtonSFDefaults.C2)
	orDefault(&m.Damp, newtonSFDefaults.Damp)
	n := p.Dim()
	m.n = n
	m.ls = newLineSearch(m.LS, m.C2, n)
	m.hess = make([]float64, n*n)
	m.absH = make([]float64, n*n)
	m.vals = make([]float64, n)
	m.vecs = make([]float64, n*n)
	m.work = make([]float64, la.EigSymWork(n))
	m.coef = make([]float64, n)
	m.dir = make([]float64, n)
	m.model(p, st, rec)
}

// model evaluates ∇²f at st.X, builds |H| and records it.
func (m *SaddleFreeNewton) model(p *Problem, st *State, rec *Record) {
	n := m.n
	p.Hess(m.hess, st.X)
	la.EigSym(m.vals, m.vecs, m.hess, m.work, n)
	var big float64
	for _, v := range m.vals {
		big = math.Max(big, math.Abs(v))
	}
	floor := m.Damp * big
	if floor == 0 {
		floor = 1
	}
	for i, v := range m.vals {
		if !(v >= floor) {
			rec.Events |= EventModified
		}
		m.vals[i] = math.Max(math.Abs(v), floor)
	}
	// |H| = Σᵢ |λᵢ|·qᵢqᵢᵀ
	for r := 0; r < n; r++ {
		for c := 0; c < n; c++ {
			var s float64
			for i := 0; i < n; i++ {
				s += m.vecs[r*n+i] * m.vals[i] * m.vecs[c*n+i]
			}
			m.absH[r*n+c] = s
		}
	}
	rec.SetCurv(CurvHessian, m.absH)
}

// Iterate implements Method.
func (m *SaddleFreeNewton) Iterate(p *Problem, st *State, rec *Record) {
	n := m.n
	// p = −Σᵢ (qᵢᵀg / |λᵢ|)·qᵢ
	for i := 0; i < n; i++ {
		var s float64
		for k := 0; k < n; k++ {
			s += m.vecs[k*n+i] * st.G[k]
		}
		m.coef[i] = s / m.vals[i]
	}
	for k := 0; k < n; k++ {
		var s float64
		for i := 0; i < n; i++ {
			s += m.vecs[k*n+i] * m.coef[i]
		}
		m.dir[k] = -s
	}
	rec.SetDir(m.dir)
	alpha, ok := m.ls.search(p, st, m.dir, m.LR, rec)
	if !ok {
		rec.Events |= EventRejected
		rec.SetCurv(CurvHessian, m.absH)
		return
	}
	rec.Alpha = alpha
	m.model(p, st, rec)
}
