package surfaces

import (
	"math"

	"curvlab/sim"
	"curvlab/sim/pmath"
)

// NetLogistic is the cross-entropy loss of one logistic neuron
// p = σ(w₁·x + w₂) on eight labelled points of a line (logistic
// regression):
//
//	L(w) = (1/N) Σᵢ [log(1 + e^{zᵢ}) − yᵢzᵢ],  zᵢ = w₁xᵢ + w₂,  N = 8
//	∇L   = (1/N) Σᵢ (σ(zᵢ) − yᵢ)·(xᵢ, 1)
//	∇²L  = (1/N) Σᵢ σ(zᵢ)(1 − σ(zᵢ))·(xᵢ, 1)(xᵢ, 1)ᵀ
//
// (Bishop, Pattern Recognition and Machine Learning, §4.3.2–4.3.3.) L is
// convex. With data=separable the classes are split by a threshold, so
// no minimum exists: L → 0 as w runs to infinity along the separating
// direction while the Hessian fades to zero, and every method keeps going.
// With data=overlap two labels are swapped, the minimizer is finite and
// unique; it has no closed form and is found once, by Newton's method, when
// the surface is built.
type NetLogistic struct {
	pointBatch
	y   [8]float64
	min []Minimum
}

var netLogisticX = [8]float64{-1, -0.5, 0, 0.5, 1.5, 2, 2.5, 3}

// netLogisticLabels are the labels for data=separable (0) and
// data=overlap (1, x = 0.5 and x = 1.5 swapped).
var netLogisticLabels = [2][8]float64{
	{0, 0, 0, 0, 1, 1, 1, 1},
	{0, 0, 0, 1, 0, 1, 1, 1},
}

func init() {
	register(&Kind{
		Name: "net-logistic",
		Desc: "logistic neuron σ(w₁x + w₂), cross-entropy on 8 points: no minimum if separable, one if they overlap",
		Params: []sim.Param{{Key: "data", Desc: "the labels: separable by a threshold, or two swapped so the classes overlap",
			Default: 0, Choices: []string{"separable", "overlap"}}},
		New: func(v []float64) Surface { return newNetLogistic(int(v[0])) },
	})
}

func newNetLogistic(data int) *NetLogistic {
	n := &NetLogistic{y: netLogisticLabels[data]}
	if data == 1 {
		n.min = []Minimum{n.findMinimum()}
	}
	return n
}

// findMinimum runs Newton's method with step halving from the origin; L is
// strictly convex when the classes overlap, so it converges to the
// minimizer, to rounding, in a few tens of steps of the 100 it takes.
func (n *NetLogistic) findMinimum() Minimum {
	w, g, h, p := []float64{0, 0}, make([]float64, 2), make([]float64, 4), make([]float64, 2)
	for k := 0; k < 100; k++ {
		n.Grad(g, w)
		n.Hess(h, w)
		det := h[0]*h[3] - h[1]*h[2]
		p[0] = -(h[3]*g[0] - h[1]*g[1]) / det
		p[1] = -(h[0]*g[1] - h[2]*g[0]) / det
		// Step halving while far away; near the minimizer, where f stops
		// telling steps apart in rounding, full steps.
		f, a := n.Func(w), 1.0
		for math.Hypot(p[0], p[1]) > 1e-6 && a > 1e-12 && n.Func([]float64{w[0] + a*p[0], w[1] + a*p[1]}) > f {
			a /= 2
		}
		w[0] += a * p[0]
		w[1] += a * p[1]
	}
	return Minimum{X: w[0], Y: w[1], F: n.Func(w), Global: true}
}

// softplus is log(1 + eᶻ), computed without overflow.
func softplus(z float64) float64 {
	return math.Max(z, 0) + math.Log1p(pmath.Exp(-math.Abs(z)))
}

func (n *NetLogistic) Dim() int { return 2 }

// NumPoints is the number of points the loss is a mean over (sim.PointSum).
func (n *NetLogistic) NumPoints() int { return len(netLogisticX) }

func (n *NetLogistic) Func(w []float64) float64 {
	pts := n.take(len(netLogisticX))
	var s float64
	for _, i := range pts {
		x := netLogisticX[i]
		z := w[0]*x + w[1]
		s += softplus(z) - n.y[i]*z
	}
	return s / float64(len(pts))
}

func (n *NetLogistic) Grad(g, w []float64) {
	pts := n.take(len(netLogisticX))
	var g0, g1 float64
	for _, i := range pts {
		x := netLogisticX[i]
		r := pmath.Sigmoid(w[0]*x+w[1]) - n.y[i]
		g0 += r * x
		g1 += r
	}
	c := 1 / float64(len(pts))
	g[0], g[1] = c*g0, c*g1
}

func (n *NetLogistic) Hess(h, w []float64) {
	pts := n.take(len(netLogisticX))
	var h00, h01, h11 float64
	for _, i := range pts {
		x := netLogisticX[i]
		p := pmath.Sigmoid(w[0]*x + w[1])
		v := p * (1 - p)
		h00 += v * x * x
		h01 += v * x
		h11 += v
	}
	c := 1 / float64(len(pts))
	h[0], h[1], h[2], h[3] = c*h00, c*h01, c*h01, c*h11
}

func (n *NetLogistic) View() Window      { return Window{-4, 8, -8, 4} }
func (n *NetLogistic) Start() [2]float64 { return [2]float64{-2, 2} }
func (n *NetLogistic) Minima() []Minimum { return n.min }
