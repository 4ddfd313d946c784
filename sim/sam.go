package sim

import (
	"math"

	"curvlab/sim/la"
)

// SAM is sharpness-aware minimization: a gradient step taken with the
// gradient at the point a step of length ρ uphill from x,
//
//	ε = ρ·g/‖g‖,  x₊ = x − α·∇f(x + ε),
//
// with a fixed step α = lr and radius ρ = rho (Foret, Kleinberg, Mobahi,
// Neyshabur, Sharpness-aware minimization for efficiently improving
// generalization, ICLR 2021, eq. 3 with the first-order ε̂ of eq. 2, p = 2).
// At g = 0 it takes no step.
//
// What theory says on a quadratic ½xᵀAx (Bartlett, Long, Bousquet, The
// dynamics of sharpness-aware minimization, JMLR 2023): the step is
// x₊ = x − αA(x + ρ·Ax/‖Ax‖); for α < 2/λ_max the iterate does not go to
// the minimizer but settles into a 2-cycle across it along the top
// eigenvector, x ↔ −x at ‖x‖ = αλρ/(2 − αλ); for α > 2/λ_max it
// diverges, as gradient descent does. So its stability line on a
// quadratic is gradient descent's, 2/α; on a network its edge of
// stability depends on ‖g‖ and ρ (Long and Bartlett, 2023), and no fixed
// line is drawn for it.
//
// The zero value is SAM with its defaults (samDefaults).
type SAM struct {
	Training   // the points each step sees (all by default), its weight decay (none)
	Scheduling // how its step follows lr (constant by default)

	LR  float64 // α
	Rho float64 // ρ

	up, gUp []float64 // x + ε and the gradient there
}

// samDefaults are SAM's defaults, taken by its zero fields.
var samDefaults = SAM{LR: 0.001, Rho: 0.05}

func init() {
	registerMethod(&MethodKind{
		Name: "sam",
		Desc: "sharpness-aware minimization: the gradient taken a step ρ uphill",
		Rule: "x₊ = x − α·∇f(x + ρ·g/‖g‖)",
		Cite: "Foret, Kleinberg, Mobahi, Neyshabur, ICLR 2021, eqs. 2–3",
		Params: append([]Param{
			lrParam(samDefaults.LR),
			{Key: "rho", Desc: "radius ρ of the uphill step", Default: samDefaults.Rho, Min: 1e-8, Max: 10},
		}, append(scheduleParams(), trainingParams()...)...),
		New: func(s Spec) Method {
			return &SAM{Training: specTraining(s), Scheduling: specScheduling(s), LR: s.Value("lr"), Rho: s.Value("rho")}
		},
	})
}

// Init implements Method.
func (m *SAM) Init(p *Problem, st *State, rec *Record) {
	orDefault(&m.LR, samDefaults.LR)
	orDefault(&m.Rho, samDefaults.Rho)
	n := p.Dim()
	m.up, m.gUp = make([]float64, n), make([]float64, n)
}

// Iterate implements Method.
func (m *SAM) Iterate(p *Problem, st *State, rec *Record) {
	lr := m.next(m.LR) // η_t of this step
	norm := la.Norm(st.G)
	if norm == 0 || math.IsInf(norm, 0) || math.IsNaN(norm) {
		return // a stationary point: no uphill direction (or nothing to step by)
	}
	for i, xi := range st.X {
		m.up[i] = xi + m.Rho*st.G[i]/norm
	}
	p.Grad(m.gUp, m.up)
	for i := range st.X {
		st.X[i] -= lr * m.gUp[i]
	}
	st.F = p.Func(st.X)
	p.Grad(st.G, st.X)
	rec.Alpha = lr
}
