package nn

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"

	"curvlab/sim/pmath"
)

// layer is one weight layer: out units, each fed by in values. Its weights W
// (out×in, row-major: W[i,k] multiplies input k of unit i) are
// x[off : off+in·out], its biases x[off+in·out : off+in·out+out].
type layer struct{ in, out, off int }

// bias returns the offset of the biases in the parameter vector.
func (ly *layer) bias() int { return ly.off + ly.in*ly.out }

// MLP is the training loss of a multilayer perceptron on a data set, as a
// function of the parameter vector x (see the package documentation for its
// layout):
//
//	L(x) = (1/N) Σᵢ ℓ(z(x; pᵢ), yᵢ)
//
// where z(x; p) is the network's output (before any sigmoid) at input p and
// ℓ is the per-point loss of Arch.Loss. It has exact first and second
// derivatives and satisfies curvlab/sim's Objective. Every x passed to its
// methods has length Dim(). Func, Grad, Hess, HessVec, HessDiag, HessTrace,
// Output and Accuracy do not allocate; they share a workspace, so one MLP
// must be used from one goroutine at a time.
//
// The test loss of a split is the Func of a second MLP built with the same
// Arch over the test set: both take the same parameter vector.
type MLP struct {
	arch Arch
	nl   int // weight layers: hidden layers + 1
	n    int // parameters
	lay  [maxLayers]layer
	px   []float64 // points, 2 per point (a copy of the data set's)
	py   []float64 // labels
	// all is 0, 1, …, N−1; batch the points Func, Grad and Hess take
	// (UseBatch), nil for all of them.
	all, batch []int

	// Per-point workspace of layer l: act[l] is its input (act[0] the point),
	// s[l] its pre-activations, dp/dpp φ′ and φ″ at s[l] (hidden layers),
	// d[l] = ∂ℓ/∂s[l] or ∂z/∂s[l]; the r* are their directional derivatives
	// (Pearlmutter's R{·}).
	act, s, dp, dpp, d, u [maxLayers][]float64
	ract, rs, rd          [maxLayers][]float64
	zz                    [maxLayers][]float64            // ∂²z/∂s[l]², out×out
	tt                    [maxLayers][maxLayers][]float64 // ∂s[l]/∂s[m], m < l
	pblk                  []float64                       // scratch of curvPoint
	cb                    chunkBuf                        // Hess's per-point blocks
	fc                    fwdCache                        // HessVec's forward pass
	diag                  []float64                       // HessTrace's diagonal
}

// NewMLP returns the training loss of architecture a on the points of d,
// which must hold at least one point with finite coordinates and labels.
// The data are copied.
func NewMLP(a Arch, d *Dataset) (*MLP, error) {
	if err := a.Validate(); err != nil {
		return nil, err
	}
	if d == nil || d.N() == 0 {
		return nil, errors.New("nn: empty data set: want at least 1 point")
	}
	if len(d.X) != 2*d.N() {
		return nil, fmt.Errorf("nn: data set has %d coordinates for %d labels: want 2 per point", len(d.X), d.N())
	}
	for _, v := range d.X {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, errors.New("nn: data set has a coordinate that is not a finite number")
		}
	}
	for _, v := range d.Y {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, errors.New("nn: data set has a label that is not a finite number")
		}
	}
	w := a.widths()
	m := &MLP{
		arch: Arch{Hidden: append([]int(nil), a.Hidden...), Act: a.Act, Loss: a.Loss},
		nl:   len(w) - 1,
		px:   append([]float64(nil), d.X...),
		py:   append([]float64(nil), d.Y...),
	}
	m.pblk = make([]float64, MaxWidth*MaxWidth)
	m.all = make([]int, len(m.py))
	for i := range m.all {
		m.all[i] = i
	}
	for l := 0; l < m.nl; l++ {
		in, out := w[l], w[l+1]
		m.lay[l] = layer{in: in, out: out, off: m.n}
		m.n += (in + 1) * out
		m.act[l], m.ract[l] = make([]float64, in), make([]float64, in)
		for _, p := range []*[]float64{&m.s[l], &m.dp[l], &m.dpp[l], &m.d[l], &m.u[l], &m.rs[l], &m.rd[l]} {
			*p = make([]float64, out)
		}
		m.zz[l] = make([]float64, out*out)
		for k := 0; k < l; k++ {
			m.tt[l][k] = make([]float64, out*w[k+1])
		}
	}
	m.diag = make([]float64, m.n)
	m.newChunkBuf()
	m.newFwdCache()
	return m, nil
}

// Arch returns the network's architecture.
func (m *MLP) Arch() Arch { return m.arch }

// N returns the number of data points.
func (m *MLP) N() int { return len(m.py) }

// NumPoints is N (sim.PointSum).
func (m *MLP) NumPoints() int { return len(m.py) }

// UseBatch makes Func, Grad and Hess the mean over the points idx only
// (nil: all of them), for minibatch training (sim.PointSum). HessVec,
// HessDiag, HessTrace, Output and Accuracy always take all points: they
// measure the training loss itself (its sharpness, its trace).
func (m *MLP) UseBatch(idx []int) { m.batch = idx }

// points is the points Func, Grad and Hess take, and the factor that
// turns their per-point weight 1/N into 1/B: 1 for all points.
func (m *MLP) points() ([]int, float64) {
	if m.batch == nil {
		return m.all, 1
	}
	return m.batch, float64(len(m.py)) / float64(len(m.batch))
}

// scale multiplies v by c unless c is 1, so that all points' sums stay
// exactly as computed.
func scale(v []float64, c float64) {
	if c != 1 {
		for i := range v {
			v[i] *= c
		}
	}
}

// Dim returns the number of parameters, Arch.NumParams().
func (m *MLP) Dim() int { return m.n }

// Init stores deterministic initial parameters in x: every weight of a layer
// with fan-in a and fan-out b uniform in [−r, r], r = √(6/(a + b)) (Glorot &
// Bengio 2010, "Understanding the difficulty of training deep feedforward
// neural networks", eq. 16), every bias 0. The stream is PCG seeded by
// (seed, a constant), so a seed gives the same x everywhere.
func (m *MLP) Init(x []float64, seed uint64) {
	rng := rand.New(rand.NewPCG(seed, 0x6e6e2d696e6974))
	for l := 0; l < m.nl; l++ {
		ly := &m.lay[l]
		r := math.Sqrt(6 / float64(ly.in+ly.out))
		for i := ly.off; i < ly.bias(); i++ {
			x[i] = float64(r * (2*rng.Float64() - 1))
		}
		for i := ly.bias(); i < ly.bias()+ly.out; i++ {
			x[i] = 0
		}
	}
}

// eval returns φ(s), φ′(s) and φ″(s).
func (a Activation) eval(s float64) (f, d1, d2 float64) {
	switch a {
	case ReLU:
		if s > 0 {
			return s, 1, 0
		}
		return 0, 0, 0
	case Sigmoid:
		f = sigmoid(s)
		d1 = f * (1 - f)
		return f, d1, d1 * (1 - 2*f)
	default:
		f = pmath.Tanh(s)
		d1 = 1 - f*f
		return f, d1, -2 * f * d1
	}
}

// sigmoid returns 1/(1 + e⁻ˢ) without overflow, the same bits on every
// architecture (package pmath says why that matters).
func sigmoid(s float64) float64 { return pmath.Sigmoid(s) }

// eval returns ℓ(z, y), ∂ℓ/∂z and ∂²ℓ/∂z².
func (l LossKind) eval(z, y float64) (v, d1, d2 float64) {
	if l == CrossEntropy {
		e := pmath.Exp(-math.Abs(z)) // in (0, 1]
		p, q := 1/(1+e), e/(1+e)     // σ(|z|), 1 − σ(|z|)
		if z < 0 {
			p, q = q, p
		}
		return math.Max(z, 0) - y*z + math.Log1p(e), p - y, p * q
	}
	r := z - y
	return 0.5 * r * r, r, 1
}

// forward evaluates the network at point (p0, p1) with parameters x, filling
// act, s, dp and dpp, and returns the output z.
func (m *MLP) forward(x []float64, p0, p1 float64) float64 {
	m.act[0][0], m.act[0][1] = p0, p1
	last := m.nl - 1
	for l := 0; l <= last; l++ {
		ly := &m.lay[l]
		in, a, s := ly.in, m.act[l], m.s[l]
		w, b := x[ly.off:ly.bias()], x[ly.bias():ly.bias()+ly.out]
		for i := range s {
			v := b[i]
			for k, ak := range a {
				v += w[i*in+k] * ak
			}
			s[i] = v
		}
		if l < last {
			next, dp, dpp := m.act[l+1], m.dp[l], m.dpp[l]
			for i, v := range s {
				next[i], dp[i], dpp[i] = m.arch.Act.eval(v)
			}
		}
	}
	return m.s[last][0]
}

// point forwards data point i with parameters x and returns ℓ′/N and ℓ″/N
// there.
func (m *MLP) point(x []float64, i int) (c1, c2 float64) {
	z := m.forward(x, m.px[2*i], m.px[2*i+1])
	_, d1, d2 := m.arch.Loss.eval(z, m.py[i])
	inv := 1 / float64(len(m.py))
	return d1 * inv, d2 * inv
}

// Func returns the training loss L(x) (over the batch, after UseBatch).
func (m *MLP) Func(x []float64) float64 {
	pts, _ := m.points()
	var sum float64
	for _, i := range pts {
		z := m.forward(x, m.px[2*i], m.px[2*i+1])
		v, _, _ := m.arch.Loss.eval(z, m.py[i])
		sum += v
	}
	return sum / float64(len(pts))
}

// Grad stores ∇L(x) in grad, by backpropagation: with δ = ∂ℓ/∂s for the
// pre-activations s of each layer, δ_out = ℓ′(z), δ_l = φ′(s_l) ⊙ W_{l+1}ᵀδ_{l+1},
// ∂ℓ/∂W_l = δ_l a_lᵀ and ∂ℓ/∂b_l = δ_l, averaged over the points (of the
// batch, after UseBatch).
func (m *MLP) Grad(grad, x []float64) {
	grad = grad[:m.n]
	clear(grad)
	pts, c := m.points()
	for _, i := range pts {
		m.d[m.nl-1][0], _ = m.point(x, i)
		for l := m.nl - 1; l >= 0; l-- {
			ly := &m.lay[l]
			in, a, d := ly.in, m.act[l], m.d[l]
			gw, gb := grad[ly.off:ly.bias()], grad[ly.bias():ly.bias()+ly.out]
			for j, dj := range d {
				for k, ak := range a {
					gw[j*in+k] += dj * ak
				}
				gb[j] += dj
			}
			if l > 0 {
				m.backDelta(x, l)
			}
		}
	}
	scale(grad, c)
}

// backDelta sets d[l−1] = φ′(s[l−1]) ⊙ W_lᵀ d[l] and u[l−1] = W_lᵀ d[l].
func (m *MLP) backDelta(x []float64, l int) {
	ly := &m.lay[l]
	in, d := ly.in, m.d[l]
	w := x[ly.off:ly.bias()]
	u, dp, prev := m.u[l-1], m.dp[l-1], m.d[l-1]
	for k := range prev {
		var v float64
		for j, dj := range d {
			v += w[j*in+k] * dj
		}
		u[k] = v
		prev[k] = dp[k] * v
	}
}

// Output returns the network's prediction at the input point (p0, p1) with
// parameters x: the probability σ(z) of class 1 for CrossEntropy, the raw
// output z for MSE.
func (m *MLP) Output(x []float64, p0, p1 float64) float64 {
	z := m.forward(x, p0, p1)
	if m.arch.Loss == CrossEntropy {
		return sigmoid(z)
	}
	return z
}

// Accuracy returns the fraction of the points classified correctly: the
// predicted class is 1 where Output ≥ ½, the true class 1 where the label
// is ≥ ½.
func (m *MLP) Accuracy(x []float64) float64 {
	var ok int
	for i, y := range m.py {
		if (m.Output(x, m.px[2*i], m.px[2*i+1]) >= 0.5) == (y >= 0.5) {
			ok++
		}
	}
	return float64(ok) / float64(len(m.py))
}

// OutputGrid stores in dst (w·h values, row-major, row 0 at the top) the
// network's Output with parameters x at the centres of a w×h grid of cells
// over the input rectangle [x0, x1]×[y0, y1]: cell (i, j) is centred at
// (x0 + (i+½)(x1−x0)/w, y1 − (j+½)(y1−y0)/h). This is the decision map a
// network panel draws.
func (m *MLP) OutputGrid(dst, x []float64, w, h int, x0, x1, y0, y1 float64) {
	for j := 0; j < h; j++ {
		py := y1 - (float64(j)+0.5)*(y1-y0)/float64(h)
		for i := 0; i < w; i++ {
			dst[j*w+i] = m.Output(x, x0+(float64(i)+0.5)*(x1-x0)/float64(w), py)
		}
	}
}
