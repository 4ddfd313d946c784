package surfaces

// MonkeySaddle is f(x, y) = x³ − 3xy², three valleys (for the legs and the
// tail) meeting at a degenerate stationary point:
//
//	∇f = (3x² − 3y², −6xy),  ∇²f = [[6x, −6y], [−6y, −6x]]
//
// The Hessian is zero at the origin, so second-order information says
// nothing there, and f is unbounded below: there is no minimum.
type MonkeySaddle struct{}

func init() {
	register(&Kind{
		Name: "monkey-saddle",
		Desc: "monkey saddle x³ − 3xy², degenerate stationary point, no minimum",
		New:  func(v []float64) Surface { return &MonkeySaddle{} },
	})
}

func (m *MonkeySaddle) Dim() int { return 2 }

func (m *MonkeySaddle) Func(x []float64) float64 {
	return x[0] * (x[0]*x[0] - 3*x[1]*x[1])
}

func (m *MonkeySaddle) Grad(g, x []float64) {
	g[0] = 3 * (x[0]*x[0] - x[1]*x[1])
	g[1] = -6 * x[0] * x[1]
}

func (m *MonkeySaddle) Hess(h, x []float64) {
	h[0] = 6 * x[0]
	h[1] = -6 * x[1]
	h[2] = h[1]
	h[3] = -6 * x[0]
}

func (m *MonkeySaddle) View() Window      { return Window{-2, 2, -2, 2} }
func (m *MonkeySaddle) Start() [2]float64 { return [2]float64{1.5, 0.3} }
func (m *MonkeySaddle) Minima() []Minimum { return nil }
