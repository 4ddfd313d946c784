package sim

import "math"

// Adam keeps bias-corrected running means of the gradient and its square
// (Kingma & Ba 2015, Algorithm 1), at step t = 1, 2, …:
//
//	m  = β₁·m + (1 − β₁)·g        v = β₂·v + (1 − β₂)·g²
//	m̂  = m/(1 − β₁ᵗ)              v̂ = v/(1 − β₂ᵗ)
//	x₊ = x − α·m̂ / (√v̂ + ε)
//
// per coordinate, with m₀ = v₀ = 0 and a fixed step α = lr. The first step
// is α·g/(|g| + ε) ≈ α·sign(g) per coordinate.
//
// D. P. Kingma, J. Ba, Adam: a method for stochastic optimization, ICLR
// 2015, Algorithm 1 (defaults α = 0.001, β₁ = 0.9, β₂ = 0.999, ε = 1e-8).
//
// The zero value is Adam with its defaults (adamDefaults).
type Adam struct {
	Training   // the points each step sees (all by default), its weight decay (none)
	Scheduling // how its step follows lr (constant by default)

	LR, Beta1, Beta2, Eps float64
	// ZeroBeta1 and ZeroBeta2 ask for β₁ = 0 and β₂ = 0, which a zero
	// Beta1 or Beta2 cannot say (it means the default).
	ZeroBeta1, ZeroBeta2 bool

	m, v       []float64 // first and second moment estimates
	pow1, pow2 float64   // β₁ᵗ and β₂ᵗ
}

// adamDefaults are Adam's defaults, taken by its zero fields.
var adamDefaults = Adam{LR: 0.001, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8}

func init() {
	registerMethod(&MethodKind{
		Name: "adam",
		Desc: "Adam: bias-corrected running moments of g and g²",
		Rule: "m = β₁m + (1−β₁)g,  v = β₂v + (1−β₂)g²,  x₊ = x − α·m̂/(√v̂ + ε)",
		Cite: "Kingma & Ba 2015, ICLR, Algorithm 1",
		Params: append([]Param{
			lrParam(adamDefaults.LR),
			{Key: "beta1", Desc: "decay β₁ of the first moment", Default: adamDefaults.Beta1, Min: 0, Max: 0.9999},
			{Key: "beta2", Desc: "decay β₂ of the second moment", Default: adamDefaults.Beta2, Min: 0, Max: 0.999999},
			{Key: "eps", Desc: "ε added to √v̂", Default: adamDefaults.Eps, Min: 1e-16, Max: 1},
		}, append(scheduleParams(), trainingParams()...)...),
		New: func(s Spec) Method {
			return &Adam{Training: specTraining(s), Scheduling: specScheduling(s), LR: s.Value("lr"), Beta1: s.Value("beta1"), Beta2: s.Value("beta2"), Eps: s.Value("eps"),
				ZeroBeta1: s.Value("beta1") == 0, ZeroBeta2: s.Value("beta2") == 0}
		},
	})
}

// Init implements Method.
func (m *Adam) Init(p *Problem, st *State, rec *Record) {
	orDefault(&m.LR, adamDefaults.LR)
	orDefault(&m.Beta1, adamDefaults.Beta1)
	orDefault(&m.Beta2, adamDefaults.Beta2)
	orDefault(&m.Eps, adamDefaults.Eps)
	if m.ZeroBeta1 {
		m.Beta1 = 0
	}
	if m.ZeroBeta2 {
		m.Beta2 = 0
	}
	n := p.Dim()
	m.m = make([]float64, n)
	m.v = make([]float64, n)
	m.pow1, m.pow2 = 1, 1
}

// Iterate implements Method.
func (m *Adam) Iterate(p *Problem, st *State, rec *Record) {
	lr := m.next(m.LR) // η_t of this step
	m.pow1 *= m.Beta1
	m.pow2 *= m.Beta2
	c1, c2 := 1-m.pow1, 1-m.pow2
	for i, gi := range st.G {
		m.m[i] = m.Beta1*m.m[i] + (1-m.Beta1)*gi
		m.v[i] = m.Beta2*m.v[i] + (1-m.Beta2)*gi*gi
		st.X[i] -= lr * (m.m[i] / c1) / (math.Sqrt(m.v[i]/c2) + m.Eps)
	}
	st.F = p.Func(st.X)
	p.Grad(st.G, st.X)
	rec.Alpha = lr
}

// Precond implements Preconditioner: √v̂ + ε of the latest step.
func (m *Adam) Precond(p []float64) bool {
	if m.pow2 == 1 || m.v == nil {
		return false
	}
	c2 := 1 - m.pow2
	for i, v := range m.v {
		p[i] = math.Sqrt(v/c2) + m.Eps
	}
	return true
}
