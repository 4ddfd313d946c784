package sim

import "curvlab/sim/la"

// GradientDescent takes steps against the gradient:
//
//	x₊ = x − α·g
//
// with a fixed α = lr, or α found by a line search along d = −g starting
// from lr. On a quadratic with Hessian eigenvalues λᵢ the error along
// eigenvector i is multiplied by (1 − αλᵢ) each step, so a fixed step is
// stable iff 0 < α < 2/λ_max (N&W §3.3; Cauchy 1847).
//
// The zero value is gradient descent with its defaults (gdDefaults).
type GradientDescent struct {
	Training   // the points each step sees (all by default), its weight decay (none)
	Scheduling // how its step follows lr (constant by default)

	LR float64    // α, or the first trial step with a line search
	LS LineSearch // LSNone, LSArmijo, LSWolfe or LSExact
	C2 float64    // Wolfe curvature constant

	ls  *lineSearch
	dir []float64
}

// gdDefaults are GradientDescent's defaults, taken by its zero fields.
var gdDefaults = GradientDescent{LR: 0.001, LS: LSNone, C2: 0.9}

func init() {
	registerMethod(&MethodKind{
		Name: "gd",
		Desc: "gradient descent",
		Rule: "x₊ = x − α·g",
		Cite: "Cauchy 1847; Nocedal & Wright §3.3",
		Params: append([]Param{
			lrParam(gdDefaults.LR),
			lsParam(gdDefaults.LS),
			c2Param(gdDefaults.C2),
		}, append(scheduleParams(), trainingParams()...)...),
		New: func(s Spec) Method {
			return &GradientDescent{Training: specTraining(s), Scheduling: specScheduling(s), LR: s.Value("lr"), LS: specLineSearch(s), C2: s.Value("c2")}
		},
	})
}

// Init implements Method.
func (m *GradientDescent) Init(p *Problem, st *State, rec *Record) {
	orDefault(&m.LR, gdDefaults.LR)
	orDefault(&m.LS, gdDefaults.LS)
	orDefault(&m.C2, gdDefaults.C2)
	n := p.Dim()
	m.ls = newLineSearch(m.LS, m.C2, n)
	m.dir = make([]float64, n)
}

// Iterate implements Method.
func (m *GradientDescent) Iterate(p *Problem, st *State, rec *Record) {
	lr := m.next(m.LR) // η_t of this step
	la.Scale(m.dir, -1, st.G)
	rec.SetDir(m.dir)
	alpha, ok := m.ls.search(p, st, m.dir, lr, rec)
	if !ok {
		rec.Events |= EventRejected
		return
	}
	rec.Alpha = alpha
}
