package surfaces

// LinReg is the least-squares loss of lesson 2 of REFERENCE.md,
//
//	L(θ) = (1/m)·‖Xθ − y‖²,  X = [[1, 2], [2, 3], [3, 4]],  y = (3, 5, 7),  m = 3
//
//	∇L  = (2/m)·Xᵀ(Xθ − y)
//	∇²L = (2/m)·XᵀX = (2/3)·[[14, 20], [20, 29]]   (constant)
//
// The data fit exactly: θ* = (1, 1) with L = 0. XᵀX has eigenvalues
// (43 ± √1825)/2, so the Hessian's are λ = (43 ± √1825)/3: λ_max ≈ 28.573,
// λ_min ≈ 0.093327 and κ = λ_max/λ_min ≈ 306. The loss is a long thin
// valley along the eigenvector ≈ (0.82, −0.57), and gradient descent is
// stable only for α < 2/λ_max ≈ 0.069995, far below 1/λ_min ≈ 10.715.
type LinReg struct{ pointBatch }

var (
	linregX = [3][2]float64{{1, 2}, {2, 3}, {3, 4}}
	linregY = [3]float64{3, 5, 7}
)

func init() {
	register(&Kind{
		Name: "linreg",
		Desc: "linear-regression loss (1/3)‖Xθ − y‖² of three points, κ ≈ 306, minimum (1, 1)",
		New:  func(v []float64) Surface { return &LinReg{} },
	})
}

// LinRegMatrix returns fresh copies of the data of the linreg surface: the
// rows of X (m × 2) and y (m).
func LinRegMatrix() (X [][]float64, y []float64) {
	X = make([][]float64, len(linregX))
	for i, r := range linregX {
		X[i] = []float64{r[0], r[1]}
	}
	return X, append([]float64(nil), linregY[:]...)
}

func (l *LinReg) Dim() int { return 2 }

// NumPoints is the number of points the loss is a mean over (sim.PointSum).
func (l *LinReg) NumPoints() int { return len(linregX) }

func (l *LinReg) Func(x []float64) float64 {
	pts := l.take(len(linregX))
	var s float64
	for _, i := range pts {
		r := linregX[i]
		e := r[0]*x[0] + r[1]*x[1] - linregY[i]
		s += e * e
	}
	return s / float64(len(pts))
}

func (l *LinReg) Grad(g, x []float64) {
	pts := l.take(len(linregX))
	g[0], g[1] = 0, 0
	m := float64(len(pts))
	for _, i := range pts {
		r := linregX[i]
		e := r[0]*x[0] + r[1]*x[1] - linregY[i]
		g[0] += 2 / m * r[0] * e
		g[1] += 2 / m * r[1] * e
	}
}

func (l *LinReg) Hess(h, x []float64) {
	pts := l.take(len(linregX))
	h[0], h[1], h[2], h[3] = 0, 0, 0, 0
	m := float64(len(pts))
	for _, i := range pts {
		r := linregX[i]
		h[0] += 2 / m * r[0] * r[0]
		h[1] += 2 / m * r[0] * r[1]
		h[3] += 2 / m * r[1] * r[1]
	}
	h[2] = h[1]
}

// View shows the valley through (1, 1) over most of its length.
func (l *LinReg) View() Window      { return Window{-4, 6, -3, 5} }
func (l *LinReg) Start() [2]float64 { return [2]float64{-1, 3} }

func (l *LinReg) Minima() []Minimum {
	return []Minimum{{X: 1, Y: 1, F: 0, Global: true}}
}
