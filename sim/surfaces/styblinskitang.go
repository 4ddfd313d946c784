package surfaces

// StyblinskiTang is the two-dimensional Styblinski–Tang function
// (Styblinski & Tang, "Experiments in nonconvex optimization: stochastic
// approximation with function smoothing and simulated annealing", Neural
// Networks 3, 1990):
//
//	f(x) = ½ Σᵢ (xᵢ⁴ − 16xᵢ² + 5xᵢ)
//
//	∂f/∂xᵢ = 2xᵢ³ − 16xᵢ + 5/2,  ∇²f = diag(6xᵢ² − 16)
//
// It is separable: each coordinate's cubic 4t³ − 32t + 5 = 0 has the roots
// t₁ ≈ −2.903534, t₂ ≈ 0.156731 (a maximum) and t₃ ≈ 2.746803, so f has four
// minima (tᵢ, tⱼ), i, j ∈ {1, 3}; the global one is (t₁, t₁) with
// f ≈ −78.332331. Window: the usual domain [−5, 5]².
type StyblinskiTang struct{}

func init() {
	register(&Kind{
		Name: "styblinski-tang",
		Desc: "Styblinski–Tang function, four minima in the corners, global near (−2.9, −2.9)",
		New:  func(v []float64) Surface { return &StyblinskiTang{} },
	})
}

func (s *StyblinskiTang) Dim() int { return 2 }

func (s *StyblinskiTang) Func(x []float64) float64 {
	var f float64
	for _, t := range x[:2] {
		t2 := t * t
		f += t2*t2 - 16*t2 + 5*t
	}
	return f / 2
}

func (s *StyblinskiTang) Grad(g, x []float64) {
	for i := 0; i < 2; i++ {
		t := x[i]
		g[i] = 2*t*t*t - 16*t + 2.5
	}
}

func (s *StyblinskiTang) Hess(h, x []float64) {
	h[0] = 6*x[0]*x[0] - 16
	h[1], h[2] = 0, 0
	h[3] = 6*x[1]*x[1] - 16
}

func (s *StyblinskiTang) View() Window      { return Window{-5, 5, -5, 5} }
func (s *StyblinskiTang) Start() [2]float64 { return [2]float64{0.5, 4.5} }

// Roots t₁, t₃ of 4t³ − 32t + 5 (Newton's method to full double
// precision) and the one-dimensional values ½(t⁴ − 16t² + 5t) there.
const (
	stT1, stF1 = -2.903534027771177, -39.16616570377142
	stT3, stF3 = 2.746802770990837, -25.02944665528394
)

func (s *StyblinskiTang) Minima() []Minimum {
	return []Minimum{
		{X: stT1, Y: stT1, F: 2 * stF1, Global: true},
		{X: stT1, Y: stT3, F: stF1 + stF3},
		{X: stT3, Y: stT1, F: stF1 + stF3},
		{X: stT3, Y: stT3, F: 2 * stF3},
	}
}
