package sim

import "math"

// AdaGrad scales each coordinate's step by the root of its accumulated
// squared gradients (the diagonal version):
//
//	G  = G + g²                  (per coordinate, G₀ = 0)
//	x₊ = x − α·g / (√G + ε)
//
// with a fixed step α = lr. The first step is α·g/(|g| + ε) ≈ α·sign(g).
//
// J. Duchi, E. Hazan, Y. Singer, Adaptive subgradient methods for online
// learning and stochastic optimization, JMLR 12:2121–2159, 2011 (diagonal
// update with δ = ε).
type AdaGrad struct {
	LR  float64 // α
	Eps float64 // ε

	sum []float64 // G, the running sum of squared gradients
}

func init() {
	registerMethod(&MethodKind{
		Name: "adagrad",
		Desc: "AdaGrad: per-coordinate steps scaled by accumulated squared gradients",
		Rule: "G += g²,  x₊ = x − α·g/(√G + ε)",
		Cite: "Duchi, Hazan & Singer 2011, JMLR 12",
		Params: []Param{
			lrParam(0.1),
			{Key: "eps", Desc: "ε added to √G", Default: 1e-8, Min: 1e-16, Max: 1},
		},
		New: func(v []float64) Method {
			return &AdaGrad{LR: v[0], Eps: v[1]}
		},
	})
}

// Init implements Method.
func (m *AdaGrad) Init(p *Problem, st *State, rec *Record) {
	m.sum = make([]float64, p.Dim())
}

// Iterate implements Method.
func (m *AdaGrad) Iterate(p *Problem, st *State, rec *Record) {
	for i, gi := range st.G {
		m.sum[i] += gi * gi
		st.X[i] -= m.LR * gi / (math.Sqrt(m.sum[i]) + m.Eps)
	}
	st.F = p.Func(st.X)
	p.Grad(st.G, st.X)
	rec.Alpha = m.LR
}
