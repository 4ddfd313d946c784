package sim

// Momentum is Polyak's heavy-ball method:
//
//	x₊ = x − α·g + β·(x − x₋)
//
// with a fixed step α = lr and momentum β, starting with x₋ = x₀ (no
// momentum on the first step, which is a gradient step). On a quadratic
// with Hessian eigenvalues in [μ, L], κ = L/μ, the choice
// α = 4/(√L+√μ)², β = ((√κ−1)/(√κ+1))² makes every eigencomponent of the
// error contract at the asymptotic rate (√κ−1)/(√κ+1) per step, against
// (κ−1)/(κ+1) for gradient descent with its best fixed step.
//
// B. T. Polyak, Some methods of speeding up the convergence of iteration
// methods, USSR Comput. Math. Math. Phys. 4(5):1–17, 1964.
//
// The zero value is the method with its defaults (momentumDefaults).
type Momentum struct {
	Training   // the points each step sees (all by default), its weight decay (none)
	Scheduling // how its step follows lr (constant by default)

	LR   float64 // α
	Beta float64 // β
	// ZeroBeta asks for β = 0, which a zero Beta cannot say (it means the
	// default).
	ZeroBeta bool

	prev []float64 // x₋
	tmp  []float64
}

// momentumDefaults are Momentum's defaults, taken by its zero fields.
var momentumDefaults = Momentum{LR: 0.001, Beta: 0.9}

func init() {
	registerMethod(&MethodKind{
		Name: "momentum",
		Desc: "heavy-ball momentum (Polyak)",
		Rule: "x₊ = x − α·g + β·(x − x₋)",
		Cite: "Polyak 1964, USSR Comput. Math. Math. Phys. 4(5)",
		Params: append([]Param{
			lrParam(momentumDefaults.LR),
			{Key: "beta", Desc: "momentum β", Default: momentumDefaults.Beta, Min: 0, Max: 0.9999},
		}, append(scheduleParams(), trainingParams()...)...),
		New: func(s Spec) Method {
			return &Momentum{Training: specTraining(s), Scheduling: specScheduling(s), LR: s.Value("lr"), Beta: s.Value("beta"), ZeroBeta: s.Value("beta") == 0}
		},
	})
}

// Init implements Method.
func (m *Momentum) Init(p *Problem, st *State, rec *Record) {
	orDefault(&m.LR, momentumDefaults.LR)
	orDefault(&m.Beta, momentumDefaults.Beta)
	if m.ZeroBeta {
		m.Beta = 0
	}
	n := p.Dim()
	m.prev = make([]float64, n)
	m.tmp = make([]float64, n)
	copy(m.prev, st.X)
}

// Iterate implements Method.
func (m *Momentum) Iterate(p *Problem, st *State, rec *Record) {
	lr := m.next(m.LR) // η_t of this step
	copy(m.tmp, st.X)
	for i, xi := range st.X {
		st.X[i] = xi - lr*st.G[i] + m.Beta*(xi-m.prev[i])
	}
	m.prev, m.tmp = m.tmp, m.prev
	st.F = p.Func(st.X)
	p.Grad(st.G, st.X)
	rec.Alpha = lr
}
