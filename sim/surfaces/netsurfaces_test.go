package surfaces

import (
	"math"
	"testing"

	"curvlab/sim/internal/simtest"
	"curvlab/sim/la"
)

// The two-weight networks of issue 4 §1: each test checks the property
// that makes the surface worth showing, from the network's definition
// rather than from the surface's own formulas where it can.

func TestNetTanhSaddleAndSymmetry(t *testing.T) {
	s, _ := New("net-tanh", "")
	g, h := make([]float64, 2), make([]float64, 4)
	s.Grad(g, []float64{0, 0})
	if la.Norm(g) != 0 {
		t.Errorf("∇L(0, 0) = %v, want 0 (a stationary point)", g)
	}
	s.Hess(h, []float64{0, 0})
	// Hessian [[0, c], [c, 0]] with c = −(2/N)Σ xᵢyᵢ: eigenvalues ±|c|.
	var c float64
	for i, x := range netTanhX {
		c -= 2 * x * netTanhY[i] / float64(len(netTanhX))
	}
	lo, hi := surfEig(s, 0, 0)
	if math.Abs(lo+math.Abs(c)) > 1e-12 || math.Abs(hi-math.Abs(c)) > 1e-12 || c == 0 {
		t.Errorf("Hessian at the origin has eigenvalues %g, %g, want ±%g (a saddle)", lo, hi, math.Abs(c))
	}
	// (w₁, w₂) and (−w₁, −w₂) compute the same network: L is even.
	for _, w := range randPoints(s.View(), 20, 3) {
		if a, b := s.Func(w), s.Func([]float64{-w[0], -w[1]}); a != b {
			t.Errorf("L(%v) = %g but L(−w) = %g", w, a, b)
		}
	}
}

func TestNetReLUDeadRegionIsFlat(t *testing.T) {
	s, _ := New("net-relu", "")
	var plateau float64
	for _, y := range netReLUY {
		plateau += y * y / float64(len(netReLUY))
	}
	g, h := make([]float64, 2), make([]float64, 4)
	dead := 0
	for _, w := range randPoints(s.View(), 400, 5) {
		alive := false
		for _, x := range netReLUX {
			alive = alive || w[0]*x+w[1] > 0
		}
		if alive {
			continue
		}
		dead++
		s.Grad(g, w)
		s.Hess(h, w)
		if f := s.Func(w); f != plateau || la.Norm(g) != 0 || la.Norm(h) != 0 {
			t.Errorf("dead neuron at %v: f = %g (want %g), ‖g‖ = %g, ‖H‖ = %g (want 0)", w, f, plateau, la.Norm(g), la.Norm(h))
		}
	}
	if dead < 20 {
		t.Errorf("only %d of 400 random points in the view are dead: the view hides the plateau", dead)
	}
	// Gradient descent started there never moves.
	r := simtest.RunSpec(t, s, "gd:lr=0.5", []float64{0.2, -1}, 50, 1e-8) // z = 0.2x − 1 < 0 on the data
	if x := r.Last().X; x[0] != 0.2 || x[1] != -1 {
		t.Errorf("gd left the dead region: %v", x)
	}
}

func TestNetLogisticSeparableHasNoMinimum(t *testing.T) {
	s, _ := New("net-logistic", "data=separable")
	// Any w with threshold −w₂/w₁ in (0.5, 1.5) and w₁ > 0 separates the
	// classes; scaling it up drives L to 0 without reaching it.
	prev := math.Inf(1)
	for _, k := range []float64{1, 2, 4, 8, 16, 32} {
		f := s.Func([]float64{k, -k})
		if !(f < prev && f > 0) {
			t.Fatalf("L(%g·(1, −1)) = %g, want positive and below %g", k, f, prev)
		}
		prev = f
	}
	if prev > 1e-6 {
		t.Errorf("L does not approach 0 along the separating direction: %g", prev)
	}
	if len(s.Minima()) != 0 {
		t.Errorf("separable data list minima %v", s.Minima())
	}
}

func TestNetLogisticOverlapMinimum(t *testing.T) {
	s, _ := New("net-logistic", "data=overlap")
	ms := s.Minima()
	if len(ms) != 1 {
		t.Fatalf("overlap: %d minima listed, want 1", len(ms))
	}
	// The data are symmetric about x = 1 with labels flipped, so the
	// fitted boundary −w₂/w₁ is exactly 1.
	m := ms[0]
	if math.Abs(m.X+m.Y) > 1e-12*math.Abs(m.X) || m.X <= 0 {
		t.Errorf("minimum (%g, %g): boundary −w₂/w₁ = %g, want 1", m.X, m.Y, -m.Y/m.X)
	}
}
