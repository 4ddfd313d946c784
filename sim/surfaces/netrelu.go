package surfaces

// NetReLU is the squared-error loss of one ReLU neuron ŷ = relu(w₁·x + w₂)
// fitted to seven points of the teacher y = relu(x − 0.5) (after lesson 1 of
// REFERENCE.md, a single-layer ReLU network, cut down to two weights):
//
//	L(w) = (1/N) Σᵢ (relu(zᵢ) − yᵢ)²,  zᵢ = w₁xᵢ + w₂,  N = 7
//	∇L   = (2/N) Σ_{zᵢ>0} (zᵢ − yᵢ)·(xᵢ, 1)
//	∇²L  = (2/N) Σ_{zᵢ>0} (xᵢ, 1)(xᵢ, 1)ᵀ
//
// relu is piecewise linear, so L is piecewise quadratic: the plane is cut
// by the seven lines zᵢ = 0 into regions, in each of which the points with
// zᵢ > 0 ("active") form an ordinary least-squares problem. Derivatives
// take relu′(0) = 0 and relu″ = 0; across a line the Hessian jumps. Where
// no point is active the neuron is dead: L = (1/N)Σyᵢ² is flat, its
// gradient and Hessian are zero, and no gradient method can leave. The
// global minimum is the teacher (1, −0.5), where L = 0 (no zᵢ is 0 there).
type NetReLU struct{ pointBatch }

var (
	netReLUX = [7]float64{-2, -1.2, -0.4, 0.3, 0.9, 1.4, 2}
	netReLUY [7]float64
)

func init() {
	for i, x := range netReLUX {
		netReLUY[i] = relu(x - 0.5)
	}
	register(&Kind{
		Name: "net-relu",
		Desc: "ReLU neuron relu(w₁x + w₂) fitted to 7 points: minimum (1, −0.5), flat dead region",
		New:  func(v []float64) Surface { return &NetReLU{} },
	})
}

func relu(z float64) float64 {
	if z > 0 {
		return z
	}
	return 0
}

func (n *NetReLU) Dim() int { return 2 }

// NumPoints is the number of points the loss is a mean over (sim.PointSum).
func (n *NetReLU) NumPoints() int { return len(netReLUX) }

func (n *NetReLU) Func(w []float64) float64 {
	pts := n.take(len(netReLUX))
	var s float64
	for _, i := range pts {
		x := netReLUX[i]
		r := relu(w[0]*x+w[1]) - netReLUY[i]
		s += r * r
	}
	return s / float64(len(pts))
}

func (n *NetReLU) Grad(g, w []float64) {
	pts := n.take(len(netReLUX))
	var g0, g1 float64
	for _, i := range pts {
		x := netReLUX[i]
		if z := w[0]*x + w[1]; z > 0 {
			r := z - netReLUY[i]
			g0 += r * x
			g1 += r
		}
	}
	c := 2 / float64(len(pts))
	g[0], g[1] = c*g0, c*g1
}

func (n *NetReLU) Hess(h, w []float64) {
	pts := n.take(len(netReLUX))
	var h00, h01, h11 float64
	for _, i := range pts {
		x := netReLUX[i]
		if w[0]*x+w[1] > 0 {
			h00 += x * x
			h01 += x
			h11++
		}
	}
	c := 2 / float64(len(pts))
	h[0], h[1], h[2], h[3] = c*h00, c*h01, c*h01, c*h11
}

func (n *NetReLU) View() Window      { return Window{-2.5, 2.5, -2.5, 2.5} }
func (n *NetReLU) Start() [2]float64 { return [2]float64{-1, 1.5} }

func (n *NetReLU) Minima() []Minimum {
	return []Minimum{{X: 1, Y: -0.5, F: 0, Global: true}}
}
