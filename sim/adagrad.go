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
//
// The zero value is AdaGrad with its defaults (adagradDefaults).
type AdaGrad struct {
	Training   // the points each step sees (all by default), its weight decay (none)
	Scheduling // how its step follows lr (constant by default)

	LR  float64 // α
	Eps float64 // ε

	sum []float64 // G, the running sum of squared gradients
}

// adagradDefaults are AdaGrad's defaults, taken by its zero fields.
var adagradDefaults = AdaGrad{LR: 0.1, Eps: 1e-8}

func init() {
	registerMethod(&MethodKind{
		Name: "adagrad",
		Desc: "AdaGrad: per-coordinate steps scaled by accumulated squared gradients",
		Rule: "G += g²,  x₊ = x − α·g/(√G + ε)",
		Cite: "Duchi, Hazan & Singer 2011, JMLR 12",
		Params: append([]Param{
			lrParam(adagradDefaults.LR),
			{Key: "eps", Desc: "ε added to √G", Default: adagradDefaults.Eps, Min: 1e-16, Max: 1},
		}, append(scheduleParams(), trainingParams()...)...),
		New: func(s Spec) Method {
			return &AdaGrad{Training: specTraining(s), Scheduling: specScheduling(s), LR: s.Value("lr"), Eps: s.Value("eps")}
		},
	})
}

// Init implements Method.
func (m *AdaGrad) Init(p *Problem, st *State, rec *Record) {
	orDefault(&m.LR, adagradDefaults.LR)
	orDefault(&m.Eps, adagradDefaults.Eps)
	m.sum = make([]float64, p.Dim())
}

// Iterate implements Method.
func (m *AdaGrad) Iterate(p *Problem, st *State, rec *Record) {
	lr := m.next(m.LR) // η_t of this step
	for i, gi := range st.G {
		m.sum[i] += gi * gi
		st.X[i] -= lr * gi / (math.Sqrt(m.sum[i]) + m.Eps)
	}
	st.F = p.Func(st.X)
	p.Grad(st.G, st.X)
	rec.Alpha = lr
}
