package surfaces

import "math"

// Camel3 is the three-hump camel function:
//
//	f(x, y) = 2x² − 1.05x⁴ + x⁶/6 + xy + y²
//
// ∇f = (4x − 4.2x³ + x⁵ + y, x + 2y), so every stationary point has
// y = −x/2 and x(x⁴ − 4.2x² + 3.5) = 0: the global minimum f = 0 at the
// origin, two local minima at x = ±√(2.1 + √0.91) ≈ ±1.747552, y = −x/2
// (f ≈ 0.298638), and two saddles at x = ±√(2.1 − √0.91) in between.
//
//	∇²f = [[4 − 12.6x² + 5x⁴, 1], [1, 2]]
//
// The usual search domain is [−5, 5]²; the window [−3, 3]² shows the humps.
type Camel3 struct{}

func init() {
	register(&Kind{
		Name: "camel3",
		Desc: "three-hump camel, global minimum (0, 0) between two local minima",
		New:  func(v []float64) Surface { return &Camel3{} },
	})
}

func (c *Camel3) Dim() int { return 2 }

func (c *Camel3) Func(x []float64) float64 {
	x2 := x[0] * x[0]
	return x2*(2+x2*(-1.05+x2/6)) + x[0]*x[1] + x[1]*x[1]
}

func (c *Camel3) Grad(g, x []float64) {
	x2 := x[0] * x[0]
	g[0] = x[0]*(4+x2*(-4.2+x2)) + x[1]
	g[1] = x[0] + 2*x[1]
}

func (c *Camel3) Hess(h, x []float64) {
	x2 := x[0] * x[0]
	h[0] = 4 + x2*(-12.6+5*x2)
	h[1], h[2] = 1, 1
	h[3] = 2
}

func (c *Camel3) View() Window      { return Window{-3, 3, -3, 3} }
func (c *Camel3) Start() [2]float64 { return [2]float64{-2.5, -1} }

func (c *Camel3) Minima() []Minimum {
	x := math.Sqrt(2.1 + math.Sqrt(0.91))
	return []Minimum{
		{X: 0, Y: 0, F: 0, Global: true},
		{X: x, Y: -x / 2, F: 0.2986384422368622},
		{X: -x, Y: x / 2, F: 0.2986384422368622},
	}
}
