package sim

import "math"

// RMSProp divides each coordinate's step by a running root mean square of
// its recent gradients:
//
//	v  = ρ·v + (1 − ρ)·g²        (per coordinate, v₀ = 0)
//	x₊ = x − α·g / (√v + ε)
//
// with a fixed step α = lr. Without bias correction the first step is
// α·g/(√(1−ρ)·|g| + ε) ≈ α·sign(g)/√(1−ρ).
//
// T. Tieleman, G. Hinton, Lecture 6.5 — RMSProp: divide the gradient by a
// running average of its recent magnitude, COURSERA: Neural Networks for
// Machine Learning, 2012.
//
// The zero value is RMSProp with its defaults (rmspropDefaults).
type RMSProp struct {
	Training   // the points each step sees (all by default), its weight decay (none)
	Scheduling // how its step follows lr (constant by default)

	LR  float64 // α
	Rho float64 // ρ
	Eps float64 // ε
	// ZeroRho asks for ρ = 0, which a zero Rho cannot say (it means the
	// default).
	ZeroRho bool

	v []float64 // running mean of g²
}

// rmspropDefaults are RMSProp's defaults, taken by its zero fields.
var rmspropDefaults = RMSProp{LR: 0.01, Rho: 0.9, Eps: 1e-8}

func init() {
	registerMethod(&MethodKind{
		Name: "rmsprop",
		Desc: "RMSProp: steps divided by a running RMS of recent gradients",
		Rule: "v = ρ·v + (1−ρ)·g²,  x₊ = x − α·g/(√v + ε)",
		Cite: "Tieleman & Hinton 2012, Coursera NNML lecture 6.5",
		Params: append([]Param{
			lrParam(rmspropDefaults.LR),
			{Key: "rho", Desc: "decay ρ of the mean square", Default: rmspropDefaults.Rho, Min: 0, Max: 0.9999},
			{Key: "eps", Desc: "ε added to √v", Default: rmspropDefaults.Eps, Min: 1e-16, Max: 1},
		}, append(scheduleParams(), trainingParams()...)...),
		New: func(s Spec) Method {
			return &RMSProp{Training: specTraining(s), Scheduling: specScheduling(s), LR: s.Value("lr"), Rho: s.Value("rho"), Eps: s.Value("eps"), ZeroRho: s.Value("rho") == 0}
		},
	})
}

// Init implements Method.
func (m *RMSProp) Init(p *Problem, st *State, rec *Record) {
	orDefault(&m.LR, rmspropDefaults.LR)
	orDefault(&m.Rho, rmspropDefaults.Rho)
	orDefault(&m.Eps, rmspropDefaults.Eps)
	if m.ZeroRho {
		m.Rho = 0
	}
	m.v = make([]float64, p.Dim())
}

// Iterate implements Method.
func (m *RMSProp) Iterate(p *Problem, st *State, rec *Record) {
	lr := m.next(m.LR) // η_t of this step
	for i, gi := range st.G {
		m.v[i] = m.Rho*m.v[i] + (1-m.Rho)*gi*gi
		st.X[i] -= lr * gi / (math.Sqrt(m.v[i]) + m.Eps)
	}
	st.F = p.Func(st.X)
	p.Grad(st.G, st.X)
	rec.Alpha = lr
}

// Precond implements Preconditioner: √v + ε of the latest step.
func (m *RMSProp) Precond(p []float64) bool {
	if m.steps == 0 || m.v == nil {
		return false
	}
	for i, v := range m.v {
		p[i] = math.Sqrt(v) + m.Eps
	}
	return true
}
