package surfaces

// Booth is Booth's function, a convex quadratic:
//
//	f(x, y) = (x + 2y − 7)² + (2x + y − 5)²
//
// with minimum f = 0 at (1, 3) and constant Hessian [[10, 8], [8, 10]]
// (eigenvalues 18 and 2, κ = 9). Window: the usual domain [−10, 10]².
type Booth struct{}

func init() {
	register(&Kind{
		Name: "booth",
		Desc: "Booth's function, a tilted quadratic bowl, minimum (1, 3)",
		New:  func(v []float64) Surface { return &Booth{} },
	})
}

func (b *Booth) Dim() int { return 2 }

func (b *Booth) Func(x []float64) float64 {
	u := x[0] + 2*x[1] - 7
	v := 2*x[0] + x[1] - 5
	return u*u + v*v
}

func (b *Booth) Grad(g, x []float64) {
	u := x[0] + 2*x[1] - 7
	v := 2*x[0] + x[1] - 5
	g[0] = 2*u + 4*v
	g[1] = 4*u + 2*v
}

func (b *Booth) Hess(h, x []float64) {
	h[0], h[1], h[2], h[3] = 10, 8, 8, 10
}

func (b *Booth) View() Window      { return Window{-10, 10, -10, 10} }
func (b *Booth) Start() [2]float64 { return [2]float64{-7, -5} }

func (b *Booth) Minima() []Minimum {
	return []Minimum{{X: 1, Y: 3, F: 0, Global: true}}
}
