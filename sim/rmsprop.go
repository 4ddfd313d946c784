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
type RMSProp struct {
	LR  float64 // α
	Rho float64 // ρ
	Eps float64 // ε

	v []float64 // running mean of g²
}

func init() {
	registerMethod(&MethodKind{
		Name: "rmsprop",
		Desc: "RMSProp: steps divided by a running RMS of recent gradients",
		Rule: "v = ρ·v + (1−ρ)·g²,  x₊ = x − α·g/(√v + ε)",
		Cite: "Tieleman & Hinton 2012, Coursera NNML lecture 6.5",
		Params: []Param{
			lrParam(0.01),
			{Key: "rho", Desc: "decay ρ of the mean square", Default: 0.9, Min: 0, Max: 0.9999},
			{Key: "eps", Desc: "ε added to √v", Default: 1e-8, Min: 1e-16, Max: 1},
		},
		New: func(v []float64) Method {
			return &RMSProp{LR: v[0], Rho: v[1], Eps: v[2]}
		},
	})
}

// Init implements Method.
func (m *RMSProp) Init(p *Problem, st *State, rec *Record) {
	m.v = make([]float64, p.Dim())
}

// Iterate implements Method.
func (m *RMSProp) Iterate(p *Problem, st *State, rec *Record) {
	for i, gi := range st.G {
		m.v[i] = m.Rho*m.v[i] + (1-m.Rho)*gi*gi
		st.X[i] -= m.LR * gi / (math.Sqrt(m.v[i]) + m.Eps)
	}
	st.F = p.Func(st.X)
	p.Grad(st.G, st.X)
	rec.Alpha = m.LR
}
