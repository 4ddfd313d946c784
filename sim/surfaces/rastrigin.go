package surfaces

import (
	"math"

	"curvlab/sim"
)

// Rastrigin is the two-dimensional Rastrigin function (Rastrigin 1974;
// Mühlenbein, Schomisch & Born 1991 for the n-dimensional form):
//
//	f(x) = 2A + Σᵢ (xᵢ² − A·cos(2πxᵢ))
//
//	∂f/∂xᵢ = 2xᵢ + 2πA·sin(2πxᵢ),  ∇²f = diag(2 + 4π²A·cos(2πxᵢ))
//
// The global minimum is f = 0 at the origin. For A > 0 a local minimum sits
// near every integer lattice point (121 of them in the window for A = 10);
// only the global one is listed. Window: the usual domain [−5.12, 5.12]².
type Rastrigin struct {
	A float64
}

func init() {
	register(&Kind{
		Name: "rastrigin",
		Desc: "Rastrigin's egg crate, a bowl covered in local minima, global minimum (0, 0)",
		Params: []sim.Param{
			{Key: "A", Desc: "amplitude of the cosine ripples", Default: 10, Min: 0, Max: 50},
		},
		New: func(v []float64) Surface { return &Rastrigin{A: v[0]} },
	})
}

func (r *Rastrigin) Dim() int { return 2 }

func (r *Rastrigin) Func(x []float64) float64 {
	f := 2 * r.A
	for _, xi := range x[:2] {
		f += xi*xi - r.A*math.Cos(2*math.Pi*xi)
	}
	return f
}

func (r *Rastrigin) Grad(g, x []float64) {
	for i := 0; i < 2; i++ {
		g[i] = 2*x[i] + 2*math.Pi*r.A*math.Sin(2*math.Pi*x[i])
	}
}

func (r *Rastrigin) Hess(h, x []float64) {
	h[0] = 2 + 4*math.Pi*math.Pi*r.A*math.Cos(2*math.Pi*x[0])
	h[1], h[2] = 0, 0
	h[3] = 2 + 4*math.Pi*math.Pi*r.A*math.Cos(2*math.Pi*x[1])
}

func (r *Rastrigin) View() Window      { return Window{-5.12, 5.12, -5.12, 5.12} }
func (r *Rastrigin) Start() [2]float64 { return [2]float64{3.3, -2.4} }

func (r *Rastrigin) Minima() []Minimum {
	return []Minimum{{X: 0, Y: 0, F: 0, Global: true}}
}
