package surfaces

// Beale is Beale's function (Beale, "On an iterative method for finding a
// local minimum of a function of more than one variable", Princeton 1958;
// Moré, Garbow & Hillstrom 1981, problem 5):
//
//	f(x, y) = Σᵢ rᵢ²,  rᵢ = cᵢ − x + x·yⁱ,  i = 1, 2, 3,  c = (1.5, 2.25, 2.625)
//
// with minimum f = 0 at (3, ½) and standard start (1, 1). Its derivatives
// follow from ∂rᵢ/∂x = yⁱ − 1, ∂rᵢ/∂y = i·x·yⁱ⁻¹:
//
//	∇f  = 2 Σᵢ rᵢ ∇rᵢ
//	∇²f = 2 Σᵢ (∇rᵢ∇rᵢᵀ + rᵢ∇²rᵢ),  ∇²rᵢ = [[0, i·yⁱ⁻¹], [i·yⁱ⁻¹, i(i−1)·x·yⁱ⁻²]]
//
// (gonum's functions.Beale.Hess gets this wrong away from x = y.) The
// window is the usual search domain [−4.5, 4.5]².
type Beale struct{}

var bealeC = [3]float64{1.5, 2.25, 2.625}

func init() {
	register(&Kind{
		Name: "beale",
		Desc: "Beale's function, flat plateau and steep arms, minimum (3, 0.5)",
		New:  func(v []float64) Surface { return &Beale{} },
	})
}

func (b *Beale) Dim() int { return 2 }

func (b *Beale) Func(x []float64) float64 {
	var f float64
	yi := 1.0
	for i := 0; i < 3; i++ {
		yi *= x[1]
		r := bealeC[i] - x[0] + x[0]*yi
		f += r * r
	}
	return f
}

func (b *Beale) Grad(g, x []float64) {
	g[0], g[1] = 0, 0
	yp := 1.0 // y^(i−1)
	for i := 1; i <= 3; i++ {
		yi := yp * x[1]
		r := bealeC[i-1] - x[0] + x[0]*yi
		g[0] += 2 * r * (yi - 1)
		g[1] += 2 * r * float64(i) * x[0] * yp
		yp = yi
	}
}

func (b *Beale) Hess(h, x []float64) {
	var hxx, hxy, hyy float64
	ypp := 0.0 // y^(i−2), taken as 0 for i = 1
	yp := 1.0  // y^(i−1)
	for i := 1; i <= 3; i++ {
		fi := float64(i)
		yi := yp * x[1]
		r := bealeC[i-1] - x[0] + x[0]*yi
		rx := yi - 1
		ry := fi * x[0] * yp
		hxx += 2 * rx * rx
		hxy += 2 * (rx*ry + r*fi*yp)
		hyy += 2 * (ry*ry + r*fi*(fi-1)*x[0]*ypp)
		ypp, yp = yp, yi
	}
	h[0], h[1], h[2], h[3] = hxx, hxy, hxy, hyy
}

func (b *Beale) View() Window      { return Window{-4.5, 4.5, -4.5, 4.5} }
func (b *Beale) Start() [2]float64 { return [2]float64{1, 1} }

func (b *Beale) Minima() []Minimum {
	return []Minimum{{X: 3, Y: 0.5, F: 0, Global: true}}
}
