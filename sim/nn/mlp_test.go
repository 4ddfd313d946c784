package nn

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"gonum.org/v1/gonum/diff/fd"
)

func TestArch(t *testing.T) {
	for _, c := range []struct {
		a    Arch
		n    int
		name string
	}{
		{Arch{Hidden: []int{8, 8}}, 105, "2-8-8-1 tanh mse"},
		{Arch{Hidden: []int{1}, Act: ReLU, Loss: CrossEntropy}, 5, "2-1-1 relu ce"},
		{Arch{Hidden: []int{8, 8, 8}, Act: Sigmoid}, 177, "2-8-8-8-1 sigmoid mse"},
		{Arch{Hidden: []int{3}}, 13, "2-3-1 tanh mse"},
	} {
		if err := c.a.Validate(); err != nil {
			t.Errorf("%v: %v", c.a, err)
		}
		if c.a.NumParams() != c.n || c.a.String() != c.name {
			t.Errorf("%v: %d parameters, want %d; name %q, want %q", c.a, c.a.NumParams(), c.n, c.a.String(), c.name)
		}
	}
	for _, c := range []struct {
		a   Arch
		msg string
	}{
		{Arch{}, "0 hidden layers: want 1 to 3"},
		{Arch{Hidden: []int{2, 2, 2, 2}}, "4 hidden layers: want 1 to 3"},
		{Arch{Hidden: []int{2, 9}}, "hidden layer 2 has 9 units: want 1 to 8"},
		{Arch{Hidden: []int{0}}, "hidden layer 1 has 0 units: want 1 to 8"},
		{Arch{Hidden: []int{2}, Act: 7}, "unknown activation 7: want one of tanh, relu, sigmoid"},
		{Arch{Hidden: []int{2}, Loss: 7}, "unknown loss 7: want one of mse, ce"},
	} {
		if err := c.a.Validate(); err == nil || err.Error() != "nn: "+c.msg {
			t.Errorf("%+v: error %v, want %q", c.a, err, c.msg)
		}
		if _, err := NewMLP(c.a, &Dataset{X: []float64{0, 0}, Y: []float64{0}}); err == nil {
			t.Errorf("%+v: NewMLP accepted it", c.a)
		}
	}
	for _, name := range ActivationNames() {
		if a, err := ParseActivation(name); err != nil || a.String() != name {
			t.Errorf("ParseActivation(%q) = %v, %v", name, a, err)
		}
	}
	for _, name := range LossNames() {
		if l, err := ParseLoss(name); err != nil || l.String() != name {
			t.Errorf("ParseLoss(%q) = %v, %v", name, l, err)
		}
	}
	if _, err := ParseActivation("elu"); err == nil || !strings.Contains(err.Error(), "tanh, relu, sigmoid") {
		t.Errorf("ParseActivation(elu): %v", err)
	}
	if _, err := ParseLoss("hinge"); err == nil || !strings.Contains(err.Error(), "mse, ce") {
		t.Errorf("ParseLoss(hinge): %v", err)
	}
}

func TestNewMLPRejectsData(t *testing.T) {
	a := Arch{Hidden: []int{2}}
	for name, d := range map[string]*Dataset{
		"nil":        nil,
		"empty":      {},
		"short X":    {X: []float64{1}, Y: []float64{0}},
		"NaN point":  {X: []float64{math.NaN(), 0}, Y: []float64{0}},
		"Inf label":  {X: []float64{0, 0}, Y: []float64{math.Inf(1)}},
		"extra X":    {X: []float64{0, 0, 1}, Y: []float64{1}},
		"one is ok?": {X: []float64{0, 0}, Y: []float64{1}},
	} {
		_, err := NewMLP(a, d)
		if (err == nil) != (name == "one is ok?") {
			t.Errorf("%s: error %v", name, err)
		}
	}
	// The data are copied.
	d := &Dataset{X: []float64{1, 2}, Y: []float64{1}}
	m := mustMLP(t, a, d)
	x := make([]float64, m.Dim())
	m.Init(x, 1)
	before := m.Func(x)
	d.Y[0] = 5
	if m.Func(x) != before {
		t.Error("the MLP follows changes to the data set")
	}
}

// TestLayout checks the documented parameter layout on a 2-2-1 network by
// computing its output by hand.
func TestLayout(t *testing.T) {
	m := mustMLP(t, Arch{Hidden: []int{2}, Act: Tanh, Loss: MSE}, &Dataset{X: []float64{0, 0}, Y: []float64{0}})
	// W1 = [[1, 2], [3, 4]], b1 = (5, 6), W2 = [7, 8], b2 = 9.
	x := []float64{1, 2, 3, 4, 5, 6, 7, 8, 9}
	p0, p1 := 0.3, -0.2
	want := 7*math.Tanh(1*p0+2*p1+5) + 8*math.Tanh(3*p0+4*p1+6) + 9
	if got := m.Output(x, p0, p1); far(got, want, 1e-14) {
		t.Errorf("Output = %v, by hand %v", got, want)
	}
}

func TestInit(t *testing.T) {
	m := mustMLP(t, Arch{Hidden: []int{8, 3}}, mustData(t, "xor", 20, 0, 1))
	x, y := make([]float64, m.Dim()), make([]float64, m.Dim())
	m.Init(x, 7)
	m.Init(y, 7)
	if !closeVec(x, y, 0) {
		t.Error("Init is not deterministic")
	}
	m.Init(y, 8)
	if closeVec(x, y, 0.1) {
		t.Error("seeds 7 and 8 give the same weights")
	}
	// The same bits natively and under js/wasm.
	if h := hashBits(x); h != 0x3389d974c4854327 {
		t.Errorf("Init(7) bits hash %#x", h)
	}
	// Layers 2→8, 8→3, 3→1: bounds √(6/10), √(6/11), √(6/4); biases 0.
	off := 0
	for _, l := range [][2]int{{2, 8}, {8, 3}, {3, 1}} {
		r := math.Sqrt(6 / float64(l[0]+l[1]))
		var big float64
		for _, v := range x[off : off+l[0]*l[1]] {
			if math.Abs(v) > r {
				t.Errorf("weight %v outside ±%v", v, r)
			}
			big = math.Max(big, math.Abs(v))
		}
		if l[0]*l[1] >= 8 && big < r/2 {
			t.Errorf("weights of layer %v all within ±%v of ±%v", l, big, r)
		}
		off += l[0] * l[1]
		for _, v := range x[off : off+l[1]] {
			if v != 0 {
				t.Errorf("bias %v", v)
			}
		}
		off += l[1]
	}
	if off != m.Dim() {
		t.Errorf("layout covers %d of %d parameters", off, m.Dim())
	}
}

// TestLossValues checks Func against the definitions on one point, and that
// cross-entropy stays finite and exact for large logits.
func TestLossValues(t *testing.T) {
	d := &Dataset{X: []float64{0.5, -1}, Y: []float64{1}}
	x := []float64{0, 0, 0, 0, 0} // 2-1-1, output = b2 = x[4]
	for _, c := range []struct {
		loss LossKind
		z, y float64
		want float64
	}{
		{MSE, 3, 1, 2},
		{MSE, -1, 0, 0.5},
		{CrossEntropy, 0, 1, math.Ln2},
		{CrossEntropy, 2, 1, math.Log1p(math.Exp(-2))},
		{CrossEntropy, 2, 0, 2 + math.Log1p(math.Exp(-2))},
		{CrossEntropy, 800, 1, 0},
		{CrossEntropy, -800, 1, 800},
		{CrossEntropy, 800, 0, 800},
	} {
		d.Y[0] = c.y
		m := mustMLP(t, Arch{Hidden: []int{1}, Loss: c.loss}, d)
		x[4] = c.z
		if got := m.Func(x); far(got, c.want, 1e-15*math.Max(1, c.want)) {
			t.Errorf("%v z=%v y=%v: loss %v, want %v", c.loss, c.z, c.y, got, c.want)
		}
		g := make([]float64, 5)
		m.Grad(g, x)
		h := make([]float64, 25)
		m.Hess(h, x)
		for _, v := range append(g, h...) {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Fatalf("%v z=%v: derivative %v", c.loss, c.z, v)
			}
		}
		wantOut := c.z
		if c.loss == CrossEntropy {
			wantOut = 1 / (1 + math.Exp(-c.z))
		}
		if got := m.Output(x, 0.5, -1); got != wantOut {
			t.Errorf("%v z=%v: Output %v, want %v", c.loss, c.z, got, wantOut)
		}
	}
}

func TestAccuracy(t *testing.T) {
	d := &Dataset{X: []float64{1, 0, -1, 0, 2, 0, -2, 0}, Y: []float64{1, 0, 1, 1}}
	for _, loss := range []LossKind{MSE, CrossEntropy} {
		m := mustMLP(t, Arch{Hidden: []int{1}, Act: ReLU, Loss: loss}, d)
		// Hidden unit relu(p0); output 10·h − 5 (CE: logit) or 0.6·h (MSE).
		x := []float64{1, 0, 0, 10, -5}
		if loss == MSE {
			x = []float64{1, 0, 0, 0.6, 0}
		}
		if got := m.Accuracy(x); got != 0.75 {
			t.Errorf("%v: accuracy %v, want 0.75", loss, got)
		}
	}
}

// TestGaussNewtonAtInterpolation: where the network fits every label
// exactly, the residual term ℓ′·∇²z of the MSE Hessian vanishes and the
// Hessian equals the Gauss–Newton matrix (1/N)·JᵀJ, with the Jacobian J of
// the outputs taken here by finite differences of Output.
func TestGaussNewtonAtInterpolation(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 8))
	for _, act := range []Activation{Tanh, ReLU, Sigmoid} {
		for _, hidden := range [][]int{{4}, {3, 3}, {2, 3, 2}} {
			d := mustData(t, "spiral", 24, 0.1, 2)
			a := Arch{Hidden: hidden, Act: act, Loss: MSE}
			m := mustMLP(t, a, d)
			x := randPoint(t, m, rng, 1)
			for i := range d.Y {
				p0, p1, _ := d.Point(i)
				d.Y[i] = m.Output(x, p0, p1)
			}
			m = mustMLP(t, a, d)
			n := m.Dim()
			gn, h := gaussNewton(m, d, x), make([]float64, n*n)
			m.Hess(h, x)
			if !closeVec(h, gn, 1e-7) || m.Func(x) != 0 {
				t.Errorf("%v: L = %v, Hessian differs from the Gauss–Newton matrix", a, m.Func(x))
			}
			// Away from the fit the residual term is there.
			x[n-1] += 0.5
			m.Hess(h, x)
			if closeVec(h, gaussNewton(m, d, x), 1e-3) {
				t.Errorf("%v: Hessian equals the Gauss–Newton matrix away from the fit", a)
			}
		}
	}
}

// gaussNewton returns (1/N)·JᵀJ at x, where row i of J is the gradient of
// the network's output at point i, by central differences of Output.
func gaussNewton(m *MLP, d *Dataset, x []float64) []float64 {
	n := m.Dim()
	gn := make([]float64, n*n)
	for i := 0; i < d.N(); i++ {
		p0, p1, _ := d.Point(i)
		j := fd.Gradient(nil, func(x []float64) float64 { return m.Output(x, p0, p1) }, x,
			&fd.Settings{Formula: fd.Central})
		for r := range j {
			for c := range j {
				gn[r*n+c] += j[r] * j[c] / float64(d.N())
			}
		}
	}
	return gn
}

// TestManyPoints runs the derivative identities on more points than one
// chunk of Hess holds (two full chunks and a partial one).
func TestManyPoints(t *testing.T) {
	d := mustData(t, "xor", 4*(2*hessChunk+5)/3, 0.2, 4)
	if d.N() <= 2*hessChunk {
		t.Fatalf("only %d points", d.N())
	}
	rng := rand.New(rand.NewPCG(6, 6))
	for _, a := range testArchs([]int{4, 3}) {
		m := mustMLP(t, a, d)
		n := m.Dim()
		x := randPoint(t, m, rng, 1)
		h, hv := make([]float64, n*n), make([]float64, n)
		m.Hess(h, x)
		if hfd := fdHess(m, x); !closeVec(h, hfd, 1e-6) {
			t.Errorf("%v: Hessian differs from finite differences of the gradient", a)
		}
		v := make([]float64, n)
		for j := 0; j < n; j++ { // every column against HessVec
			clear(v)
			v[j] = 1
			m.HessVec(hv, x, v)
			for i := 0; i < n; i++ {
				if far(hv[i], h[i*n+j], 1e-13*(1+math.Abs(hv[i]))) {
					t.Fatalf("%v: H[%d][%d] = %v, HessVec %v", a, i, j, h[i*n+j], hv[i])
				}
			}
		}
	}
}

// TestHessVecCache: HessVec keeps the forward pass between calls at the
// same x; changing x, even in place, must not reuse it.
func TestHessVecCache(t *testing.T) {
	d := mustData(t, "circle", 40, 0.1, 2)
	a := Arch{Hidden: []int{5, 4}, Act: Sigmoid, Loss: CrossEntropy}
	m := mustMLP(t, a, d)
	n := m.Dim()
	rng := rand.New(rand.NewPCG(1, 1))
	x, v := randVec(rng, n, 1), randVec(rng, n, 1)
	hv, want := make([]float64, n), make([]float64, n)
	m.HessVec(hv, x, v)
	for k := 0; k < n; k += 7 {
		x[k] += 0.25 // in place
		m.HessVec(hv, x, v)
		mustMLP(t, a, d).HessVec(want, x, v)
		if !closeVec(hv, want, 0) {
			t.Fatalf("after changing x[%d]: HessVec %v, fresh %v", k, hv, want)
		}
	}
}
