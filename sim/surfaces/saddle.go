package surfaces

// Saddle is the hyperbolic paraboloid f(x, y) = x² − y², with gradient
// (2x, −2y) and constant Hessian diag(2, −2). The origin is a saddle point
// and f is unbounded below, so there is no minimum: Newton's method jumps
// to the saddle in one step, gradient descent slides away from it along y.
type Saddle struct{}

func init() {
	register(&Kind{
		Name: "saddle",
		Desc: "saddle x² − y², unbounded below, no minimum",
		New:  func(v []float64) Surface { return &Saddle{} },
	})
}

func (s *Saddle) Dim() int                 { return 2 }
func (s *Saddle) Func(x []float64) float64 { return x[0]*x[0] - x[1]*x[1] }

func (s *Saddle) Grad(g, x []float64) {
	g[0] = 2 * x[0]
	g[1] = -2 * x[1]
}

func (s *Saddle) Hess(h, x []float64) {
	h[0], h[1], h[2], h[3] = 2, 0, 0, -2
}

func (s *Saddle) View() Window      { return Window{-2, 2, -2, 2} }
func (s *Saddle) Start() [2]float64 { return [2]float64{-1.8, 0.1} }
func (s *Saddle) Minima() []Minimum { return nil }
