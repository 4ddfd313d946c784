package surfaces

import "curvlab/sim/pmath"

// NetTanh is the squared-error loss of one tanh neuron ŷ = w₂·tanh(w₁·x)
// fitted to eight points of the 1D teacher y = 1.5·tanh(0.8·x):
//
//	L(w)   = (1/N) Σᵢ rᵢ²,  rᵢ = w₂·tᵢ − yᵢ,  tᵢ = tanh(w₁xᵢ),  N = 8
//	∂L/∂w₁ = (2/N) Σᵢ rᵢ·w₂·xᵢ·(1 − tᵢ²)
//	∂L/∂w₂ = (2/N) Σᵢ rᵢ·tᵢ
//	∂²L/∂w₁² = (2/N) Σᵢ [(w₂xᵢ(1 − tᵢ²))² − 2rᵢ·w₂·xᵢ²·tᵢ(1 − tᵢ²)]
//	∂²L/∂w₁∂w₂ = (2/N) Σᵢ [tᵢ·w₂xᵢ(1 − tᵢ²) + rᵢ·xᵢ(1 − tᵢ²)]
//	∂²L/∂w₂² = (2/N) Σᵢ tᵢ²
//
// The network is odd in (w₁, w₂) jointly — (−w₁, −w₂) computes the same
// function — so the loss has two mirror-image global minima, ±(0.8, 1.5),
// where it is 0, and a saddle at the origin: there ∇L = 0 and the Hessian
// is [[0, c], [c, 0]] with c = −(2/N)Σ xᵢyᵢ, one positive and one negative
// eigenvalue. Far out along w₁ the neuron saturates (tanh → ±1) and the
// loss flattens into a plateau: the symmetry-breaking picture of training
// a network from a small initialization.
type NetTanh struct{ pointBatch }

var (
	netTanhX = [8]float64{-2, -1.5, -1, -0.5, 0.5, 1, 1.5, 2}
	netTanhY [8]float64
)

// Teacher weights of net-tanh: the data are y = netTanhW2·tanh(netTanhW1·x).
const netTanhW1, netTanhW2 = 0.8, 1.5

func init() {
	for i, x := range netTanhX {
		netTanhY[i] = netTanhW2 * pmath.Tanh(netTanhW1*x)
	}
	register(&Kind{
		Name: "net-tanh",
		Desc: "tanh neuron w₂·tanh(w₁x) fitted to 8 points: mirror minima ±(0.8, 1.5), saddle at the origin",
		New:  func(v []float64) Surface { return &NetTanh{} },
	})
}

func (n *NetTanh) Dim() int { return 2 }

// NumPoints is the number of points the loss is a mean over (sim.PointSum).
func (n *NetTanh) NumPoints() int { return len(netTanhX) }

func (n *NetTanh) Func(w []float64) float64 {
	pts := n.take(len(netTanhX))
	var s float64
	for _, i := range pts {
		x := netTanhX[i]
		r := w[1]*pmath.Tanh(w[0]*x) - netTanhY[i]
		s += r * r
	}
	return s / float64(len(pts))
}

func (n *NetTanh) Grad(g, w []float64) {
	pts := n.take(len(netTanhX))
	var g0, g1 float64
	for _, i := range pts {
		x := netTanhX[i]
		t := pmath.Tanh(w[0] * x)
		r := w[1]*t - netTanhY[i]
		g0 += r * w[1] * x * (1 - t*t)
		g1 += r * t
	}
	c := 2 / float64(len(pts))
	g[0], g[1] = c*g0, c*g1
}

func (n *NetTanh) Hess(h, w []float64) {
	pts := n.take(len(netTanhX))
	var h00, h01, h11 float64
	for _, i := range pts {
		x := netTanhX[i]
		t := pmath.Tanh(w[0] * x)
		d := 1 - t*t // tanh′
		r := w[1]*t - netTanhY[i]
		j0 := w[1] * x * d // ∂ŷ/∂w₁
		h00 += j0*j0 - 2*r*w[1]*x*x*t*d
		h01 += t*j0 + r*x*d
		h11 += t * t
	}
	c := 2 / float64(len(pts))
	h[0], h[1], h[2], h[3] = c*h00, c*h01, c*h01, c*h11
}

func (n *NetTanh) View() Window      { return Window{-3, 3, -3, 3} }
func (n *NetTanh) Start() [2]float64 { return [2]float64{0.2, -0.1} }

func (n *NetTanh) Minima() []Minimum {
	return []Minimum{
		{X: netTanhW1, Y: netTanhW2, F: 0, Global: true},
		{X: -netTanhW1, Y: -netTanhW2, F: 0, Global: true},
	}
}
