package sim

import "curvlab/sim/la"

// Nesterov is Nesterov's accelerated gradient method, in the form of
// Sutskever et al.: the gradient is taken at the look-ahead point
//
//	y  = x + β·(x − x₋)
//	x₊ = y − α·∇f(y)
//
// with a fixed step α = lr and momentum β, starting with x₋ = x₀. This is
// v₊ = β·v − α·∇f(x + β·v), x₊ = x + v₊ with v = x − x₋. Each iteration
// evaluates ∇f(y), then f and ∇f at x₊ (the state must hold them); on the
// first step, and whenever y = x, the known ∇f(x) is reused.
//
// Yu. Nesterov, A method for solving the convex programming problem with
// convergence rate O(1/k²), Soviet Math. Dokl. 27:372–376, 1983;
// I. Sutskever, J. Martens, G. Dahl, G. Hinton, On the importance of
// initialization and momentum in deep learning, ICML 2013, eqs. (3)–(4).
//
// The zero value is the method with its defaults (nesterovDefaults).
type Nesterov struct {
	Training   // the points each step sees (all by default), its weight decay (none)
	Scheduling // how its step follows lr (constant by default)

	LR   float64 // α
	Beta float64 // β
	// ZeroBeta asks for β = 0, which a zero Beta cannot say (it means the
	// default).
	ZeroBeta bool

	prev []float64 // x₋
	y    []float64 // look-ahead point
	gy   []float64 // ∇f(y)
}

// nesterovDefaults are Nesterov's defaults, taken by its zero fields.
var nesterovDefaults = Nesterov{LR: 0.001, Beta: 0.9}

func init() {
	registerMethod(&MethodKind{
		Name: "nesterov",
		Desc: "Nesterov's accelerated gradient (gradient at the look-ahead point)",
		Rule: "y = x + β·(x − x₋),  x₊ = y − α·∇f(y)",
		Cite: "Nesterov 1983, Soviet Math. Dokl. 27; Sutskever et al. 2013, ICML, eqs. 3–4",
		Params: append([]Param{
			lrParam(nesterovDefaults.LR),
			{Key: "beta", Desc: "momentum β", Default: nesterovDefaults.Beta, Min: 0, Max: 0.9999},
		}, append(scheduleParams(), trainingParams()...)...),
		New: func(s Spec) Method {
			return &Nesterov{Training: specTraining(s), Scheduling: specScheduling(s), LR: s.Value("lr"), Beta: s.Value("beta"), ZeroBeta: s.Value("beta") == 0}
		},
	})
}

// Init implements Method.
func (m *Nesterov) Init(p *Problem, st *State, rec *Record) {
	orDefault(&m.LR, nesterovDefaults.LR)
	orDefault(&m.Beta, nesterovDefaults.Beta)
	if m.ZeroBeta {
		m.Beta = 0
	}
	n := p.Dim()
	m.prev = make([]float64, n)
	m.y = make([]float64, n)
	m.gy = make([]float64, n)
	copy(m.prev, st.X)
}

// Iterate implements Method.
func (m *Nesterov) Iterate(p *Problem, st *State, rec *Record) {
	lr := m.next(m.LR) // η_t of this step
	same := true
	for i, xi := range st.X {
		m.y[i] = xi + m.Beta*(xi-m.prev[i])
		if m.y[i] != xi {
			same = false
		}
	}
	if same {
		copy(m.gy, st.G)
	} else {
		p.Grad(m.gy, m.y)
	}
	copy(m.prev, st.X)
	la.Axpy(st.X, m.y, -lr, m.gy)
	st.F = p.Func(st.X)
	p.Grad(st.G, st.X)
	rec.Alpha = lr
}
