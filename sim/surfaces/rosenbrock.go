package surfaces

import (
	"math"

	"curvlab/sim"
)

// Rosenbrock is the banana valley
//
//	f(x, y) = (a − x)² + b·(y − x²)²
//
// (Rosenbrock, "An automatic method for finding the greatest or least value
// of a function", Computer Journal 3, 1960; the standard a = 1, b = 100).
// The only minimizer is (a, a²) with f = 0; the standard start is
// (−1.2, 1). The floor of the valley is the parabola y = x², so the
// Hessian's eigenvectors turn as a method follows it.
//
//	∇f  = (−2(a − x) − 4bx(y − x²), 2b(y − x²))
//	∇²f = [[2 − 4by + 12bx², −4bx], [−4bx, 2b]]
type Rosenbrock struct {
	A, B float64
}

func init() {
	register(&Kind{
		Name: "rosenbrock",
		Desc: "Rosenbrock's banana valley (a−x)² + b(y−x²)², minimum (a, a²)",
		Params: []sim.Param{
			{Key: "a", Desc: "minimizer's x; the minimum is at (a, a²)", Default: 1, Min: -3, Max: 3},
			{Key: "b", Desc: "steepness of the valley walls", Default: 100, Min: 0.01, Max: 1e4},
		},
		New: func(v []float64) Surface { return &Rosenbrock{A: v[0], B: v[1]} },
	})
}

func (r *Rosenbrock) Dim() int { return 2 }

func (r *Rosenbrock) Func(x []float64) float64 {
	u := r.A - x[0]
	v := x[1] - x[0]*x[0]
	return u*u + r.B*v*v
}

func (r *Rosenbrock) Grad(g, x []float64) {
	v := x[1] - x[0]*x[0]
	g[0] = -2*(r.A-x[0]) - 4*r.B*x[0]*v
	g[1] = 2 * r.B * v
}

func (r *Rosenbrock) Hess(h, x []float64) {
	h[0] = 2 - 4*r.B*x[1] + 12*r.B*x[0]*x[0]
	h[1] = -4 * r.B * x[0]
	h[2] = h[1]
	h[3] = 2 * r.B
}

// View is [−2, 2] × [−1, 3] for |a| ≤ 1, widened to hold (a, a²) otherwise.
func (r *Rosenbrock) View() Window {
	xr := math.Max(2, math.Abs(r.A)+1)
	return Window{-xr, xr, -1, math.Max(3, r.A*r.A+1)}
}

func (r *Rosenbrock) Start() [2]float64 { return [2]float64{-1.2, 1} }

func (r *Rosenbrock) Minima() []Minimum {
	return []Minimum{{X: r.A, Y: r.A * r.A, F: 0, Global: true}}
}
