package surfaces

// Camel6 is the six-hump camel function (Dixon & Szegő, "The global
// optimization problem: an introduction", in Towards Global Optimisation 2,
// North-Holland 1978):
//
//	f(x, y) = (4 − 2.1x² + x⁴/3)·x² + xy + (4y² − 4)·y²
//
//	∇f  = (8x − 8.4x³ + 2x⁵ + y, x − 8y + 16y³)
//	∇²f = [[8 − 25.2x² + 10x⁴, 1], [1, 48y² − 8]]
//
// f(−x, −y) = f(x, y). It has six minima: two global ones
// (±0.0898420, ∓0.7126564) with f ≈ −1.0316285, and local ones at
// (±1.7036067, ∓0.7960836) with f ≈ −0.2154638 and (±1.6071048, ±0.5686515)
// with f ≈ 2.1042503 (coordinates below found by Newton's method to full
// double precision). Window: the usual domain [−3, 3] × [−2, 2].
type Camel6 struct{}

func init() {
	register(&Kind{
		Name: "camel6",
		Desc: "six-hump camel, two global and four local minima",
		New:  func(v []float64) Surface { return &Camel6{} },
	})
}

func (c *Camel6) Dim() int { return 2 }

func (c *Camel6) Func(x []float64) float64 {
	x2, y2 := x[0]*x[0], x[1]*x[1]
	return (4-2.1*x2+x2*x2/3)*x2 + x[0]*x[1] + (4*y2-4)*y2
}

func (c *Camel6) Grad(g, x []float64) {
	x2, y2 := x[0]*x[0], x[1]*x[1]
	g[0] = x[0]*(8+x2*(-8.4+2*x2)) + x[1]
	g[1] = x[0] + x[1]*(16*y2-8)
}

func (c *Camel6) Hess(h, x []float64) {
	x2, y2 := x[0]*x[0], x[1]*x[1]
	h[0] = 8 + x2*(-25.2+10*x2)
	h[1], h[2] = 1, 1
	h[3] = 48*y2 - 8
}

func (c *Camel6) View() Window      { return Window{-3, 3, -2, 2} }
func (c *Camel6) Start() [2]float64 { return [2]float64{-1.5, -1.5} }

const (
	camel6GX, camel6GY, camel6GF = 0.08984201310031806, -0.7126564030207396, -1.031628453489877
	camel6AX, camel6AY, camel6AF = 1.703606714969981, -0.7960835686726251, -0.2154638243837170
	camel6BX, camel6BY, camel6BF = 1.607104752920197, 0.5686514548841314, 2.104250310311259
)

func (c *Camel6) Minima() []Minimum {
	return []Minimum{
		{X: camel6GX, Y: camel6GY, F: camel6GF, Global: true},
		{X: -camel6GX, Y: -camel6GY, F: camel6GF, Global: true},
		{X: camel6AX, Y: camel6AY, F: camel6AF},
		{X: -camel6AX, Y: -camel6AY, F: camel6AF},
		{X: camel6BX, Y: camel6BY, F: camel6BF},
		{X: -camel6BX, Y: -camel6BY, F: camel6BF},
	}
}
