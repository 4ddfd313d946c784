package surfaces

// Himmelblau is Himmelblau's function (Himmelblau, Applied Nonlinear
// Programming, McGraw-Hill 1972):
//
//	f(x, y) = (x² + y − 11)² + (x + y² − 7)²
//
// It has four global minima with f = 0, one at (3, 2) and three
// irrational ones, a local maximum near (−0.2708, −0.9230) and four saddle
// points, so the basin a method ends in depends on where it starts. With
// u = x² + y − 11 and v = x + y² − 7:
//
//	∇f  = (4xu + 2v, 2u + 4yv)
//	∇²f = [[4u + 8x² + 2, 4(x + y)], [4(x + y), 4v + 8y² + 2]]
type Himmelblau struct{}

func init() {
	register(&Kind{
		Name: "himmelblau",
		Desc: "Himmelblau's function, four global minima separated by saddles",
		New:  func(v []float64) Surface { return &Himmelblau{} },
	})
}

func (h *Himmelblau) Dim() int { return 2 }

func (h *Himmelblau) Func(x []float64) float64 {
	u := x[0]*x[0] + x[1] - 11
	v := x[0] + x[1]*x[1] - 7
	return u*u + v*v
}

func (h *Himmelblau) Grad(g, x []float64) {
	u := x[0]*x[0] + x[1] - 11
	v := x[0] + x[1]*x[1] - 7
	g[0] = 4*x[0]*u + 2*v
	g[1] = 2*u + 4*x[1]*v
}

func (h *Himmelblau) Hess(hs, x []float64) {
	u := x[0]*x[0] + x[1] - 11
	v := x[0] + x[1]*x[1] - 7
	hs[0] = 4*u + 8*x[0]*x[0] + 2
	hs[1] = 4 * (x[0] + x[1])
	hs[2] = hs[1]
	hs[3] = 4*v + 8*x[1]*x[1] + 2
}

func (h *Himmelblau) View() Window      { return Window{-5, 5, -5, 5} }
func (h *Himmelblau) Start() [2]float64 { return [2]float64{0, 0} }

// Minima lists the four zeros of f, the irrational ones found by Newton's
// method to full double precision.
func (h *Himmelblau) Minima() []Minimum {
	return []Minimum{
		{X: 3, Y: 2, F: 0, Global: true},
		{X: -2.805118086952745, Y: 3.131312518250573, F: 0, Global: true},
		{X: -3.779310253377747, Y: -3.283185991286170, F: 0, Global: true},
		{X: 3.584428340330492, Y: -1.848126526964403, F: 0, Global: true},
	}
}
