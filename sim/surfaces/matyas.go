package surfaces

// Matyas is the Matyas function, a flat convex quadratic:
//
//	f(x, y) = 0.26(x² + y²) − 0.48xy
//
// with minimum f = 0 at the origin and constant Hessian
// [[0.52, −0.48], [−0.48, 0.52]] (eigenvalues 1 along (1, −1) and 0.04
// along (1, 1), κ = 25). Window: the usual domain [−10, 10]².
type Matyas struct{}

func init() {
	register(&Kind{
		Name: "matyas",
		Desc: "Matyas function, a flat diagonal quadratic valley, minimum (0, 0)",
		New:  func(v []float64) Surface { return &Matyas{} },
	})
}

func (m *Matyas) Dim() int { return 2 }

func (m *Matyas) Func(x []float64) float64 {
	return 0.26*(x[0]*x[0]+x[1]*x[1]) - 0.48*x[0]*x[1]
}

func (m *Matyas) Grad(g, x []float64) {
	g[0] = 0.52*x[0] - 0.48*x[1]
	g[1] = 0.52*x[1] - 0.48*x[0]
}

func (m *Matyas) Hess(h, x []float64) {
	h[0], h[1], h[2], h[3] = 0.52, -0.48, -0.48, 0.52
}

func (m *Matyas) View() Window      { return Window{-10, 10, -10, 10} }
func (m *Matyas) Start() [2]float64 { return [2]float64{-8, 4} }

func (m *Matyas) Minima() []Minimum {
	return []Minimum{{X: 0, Y: 0, F: 0, Global: true}}
}
