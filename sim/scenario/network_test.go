package scenario

import (
	"math"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"

	"curvlab/sim"
	"curvlab/sim/internal/simtest"
	"curvlab/sim/nn"

	"curvlab/sim/la"
)

// TestNetworkScenario checks what a network link means: its network and
// data, the start at the seeded initial weights, and runs that train the
// network on the training split.
func TestNetworkScenario(t *testing.T) {
	s, err := Decode("v1;net=tanh:8,8;d=circle:n=120,seed=4;m=gd:lr=0.2;m=bfgs;n=30")
	if err != nil {
		t.Fatal(err)
	}
	if s.Net == nil || s.SurfaceKind != nil {
		t.Fatalf("not a network scenario: %+v", s)
	}
	arch := nn.Arch{Hidden: []int{8, 8}, Act: nn.Tanh, Loss: nn.MSE}
	if len(s.Start) != arch.NumParams() || arch.NumParams() != 105 {
		t.Fatalf("start has %d weights, want %d (2-8-8-1)", len(s.Start), arch.NumParams())
	}
	// The start is nn's initialization with the default seed 1, the data
	// nn.Generate's: built here independently of the scenario.
	train, test, err := nn.Generate("circle", 120, 0.1, 4)
	if err != nil {
		t.Fatal(err)
	}
	m, err := nn.NewMLP(arch, &train)
	if err != nil {
		t.Fatal(err)
	}
	want := make([]float64, m.Dim())
	m.Init(want, 1)
	if !slices.Equal(s.Start, want) {
		t.Errorf("start differs from nn's initialization with seed 1")
	}
	p := s.NetProblem()
	if p.Train.N() != train.N() || p.Test.N() != test.N() || p.Train.N()+p.Test.N() != 120 {
		t.Errorf("split %d + %d, want %d + %d", p.Train.N(), p.Test.N(), train.N(), test.N())
	}
	if f, w := s.Objective().Func(s.Start), m.Func(want); f != w {
		t.Errorf("objective at the start = %g, training loss = %g", f, w)
	}
	// Same link, same bits; another init seed, other weights.
	again, _ := Decode(s.Encode())
	if !slices.Equal(again.Start, s.Start) || !again.Equal(s) {
		t.Error("decoding the same link twice gives different starts")
	}
	other, _ := Decode("v1;net=tanh:8,8,init=2;d=circle:n=120,seed=4;m=gd")
	if slices.Equal(other.Start, s.Start) {
		t.Error("init=2 gives the same weights as init=1")
	}
	runs := s.NewRuns()
	// Tracking: test loss and sharpness per row, measured independently.
	tr := NewNetTracker(p)
	tr.Follow(runs[1])
	for _, r := range runs {
		for i := 0; i < s.Steps && r.Step(); i++ {
		}
		first, last := r.Row(0), r.Last()
		if !(last.F < first.F) || math.IsNaN(last.F) {
			t.Errorf("training did not lower the loss: %g → %g", first.F, last.F)
		}
	}
	if len(tr.TestLoss) != len(runs[1].Trace) || len(tr.Sharpness) != len(runs[1].Trace) {
		t.Fatalf("tracker has %d/%d rows, trace %d", len(tr.TestLoss), len(tr.Sharpness), len(runs[1].Trace))
	}
	tm, _ := nn.NewMLP(arch, &test)
	n := m.Dim()
	h := make([]float64, n*n)
	for _, k := range []int{0, len(runs[1].Trace) - 1} {
		x := runs[1].Row(k).X
		if got, want := tr.TestLoss[k], tm.Func(x); got != want {
			t.Errorf("row %d: test loss %g, want %g", k, got, want)
		}
		m.Hess(h, x)
		var es mat.EigenSym // gonum, independent of nn's Lanczos
		if !es.Factorize(mat.NewSymDense(n, h), false) {
			t.Fatal("gonum EigenSym failed")
		}
		eig := es.Values(nil)
		top := eig[len(eig)-1]
		if got := tr.Sharpness[k]; math.Abs(got-top) > 1e-6*math.Abs(top) {
			t.Errorf("row %d: sharpness %.10g, dense λ_max %.10g", k, got, top)
		}
	}
}

// TestNetworkRunKeepsCurvature checks that quasi-Newton and Newton methods
// keep their curvature model on a network, whose dimension is above the
// trace's CurvMaxDim: Run.Curv returns it. BFGS's H satisfies the secant
// condition H·y = s of its last step (N&W eq. 6.17); Newton's model is the
// exact Hessian (or a shifted one, flagged modified).
func TestNetworkRunKeepsCurvature(t *testing.T) {
	s, err := Decode("v1;net=tanh:4,4;d=gaussians:n=40;m=bfgs;m=newton;n=5")
	if err != nil {
		t.Fatal(err)
	}
	runs := s.NewRuns()
	n := len(s.Start)
	if n <= 16 {
		t.Fatalf("network has %d weights: too few to test what the trace drops", n)
	}
	for _, r := range runs {
		for i := 0; i < 5 && r.Step(); i++ {
		}
	}
	bfgs := runs[0]
	if bfgs.Last().Curv != nil {
		t.Error("the trace keeps a curvature matrix above CurvMaxDim")
	}
	h, kind := bfgs.Curv()
	if kind != sim.CurvH || len(h) != n*n {
		t.Fatalf("bfgs: Curv kind %v, %d numbers", kind, len(h))
	}
	prev, last := bfgs.Row(len(bfgs.Trace)-2), bfgs.Last()
	sv, y, hy := make([]float64, n), make([]float64, n), make([]float64, n)
	for i := range sv {
		sv[i] = last.X[i] - prev.X[i]
		y[i] = last.G[i] - prev.G[i]
	}
	la.MatVec(hy, h, y)
	if !simtest.CloseVec(hy, sv, 1e-8*la.Norm(sv)) {
		t.Errorf("bfgs: H·y differs from s by more than 1e-8·‖s‖")
	}
	newton := runs[1]
	b, kind := newton.Curv()
	if kind != sim.CurvHessian {
		t.Fatalf("newton: Curv kind %v", kind)
	}
	if newton.Last().Events&sim.EventModified == 0 {
		want := make([]float64, n*n)
		s.Objective().Hess(want, newton.Last().X)
		if !simtest.CloseVec(b, want, 1e-12) {
			t.Error("newton: the model is not the Hessian at the iterate")
		}
	}
}

// ownPoints are eight points on the link's grid, two classes.
func ownPoints() nn.Points {
	p := nn.Points{}
	for i := range 8 {
		p.X = append(p.X, nn.Snap(float64(i)/4-1), nn.Snap(float64(i%3)/2-0.5))
		p.Y = append(p.Y, float64(i%2))
	}
	return p
}

// TestOwnDataLinks: a network on the user's own points goes through its
// link unchanged, splits them as asked (a fraction with a seed, or the
// split given with them), trains on them, and refuses points a link cannot
// hold and bad specs with a plain sentence.
func TestOwnDataLinks(t *testing.T) {
	s, err := Decode("v1;net=tanh:4;d=circle;m=gd:lr=0.5;n=50")
	if err != nil {
		t.Fatal(err)
	}
	net := s.Net.Clone()
	if err := net.SetOwnData(ownPoints()); err != nil {
		t.Fatal(err)
	}
	if err := s.SetNetwork(net); err != nil {
		t.Fatal(err)
	}
	text := s.Encode()
	pts := ownPoints()
	enc, _ := pts.EncodeLink()
	if want := "v1;net=tanh:4;d=points:" + enc + ";m=gd:lr=0.5;n=50"; text != want {
		t.Fatalf("encodes as %q, want %q", text, want)
	}
	d, err := Decode(text)
	if err != nil || !d.Equal(s) || d.Encode() != text {
		t.Fatalf("%q decodes to %q (%v)", text, d.Encode(), err)
	}
	p := d.NetProblem()
	if p.Train.N() != 6 || p.Test.N() != 2 {
		t.Errorf("8 points split %d/%d, want 6/2 (test=0.25)", p.Train.N(), p.Test.N())
	}
	own := ownPoints()
	tr, te := own.Split(0.25, 1)
	if !slices.Equal(p.Train.X, tr.X) || !slices.Equal(p.Test.X, te.X) {
		t.Error("the problem's split is not Points.Split(0.25, 1)")
	}
	r := d.NewRuns()[0]
	for r.Step() {
	}
	if last := r.Last(); !(last.F < r.Row(0).F) {
		t.Errorf("training on own points: loss %v → %v", r.Row(0).F, last.F)
	}

	d2, err := Decode("v1;net=tanh:4;d=points:" + enc + ",test=0.5,seed=3;m=gd")
	if err != nil || d2.NetProblem().Test.N() != 4 || !strings.Contains(d2.Encode(), ",test=0.5,seed=3;") {
		t.Errorf("test=0.5,seed=3: %v, %q", err, d2.Encode())
	}
	own.Test = []bool{false, true, false, false, true, false, false, false}
	enc2, _ := own.EncodeLink()
	d3, err := Decode("v1;net=tanh:4;d=points:" + enc2 + ";m=gd")
	if err != nil || d3.NetProblem().Test.N() != 2 || d3.NetProblem().Test.X[0] != own.X[2] {
		t.Errorf("a given split: %v", err)
	}

	for _, c := range []struct{ link, want string }{
		{"v1;net=tanh:4;d=points:;m=gd", "dataset points: not the form a link holds them in"},
		{"v1;net=tanh:4;d=points:0AAAA;m=gd", "dataset points: 1 of them, want 4 to 1000 in a link"},
		{"v1;net=tanh:4;d=points:" + enc + ",test=0.9;m=gd", "test=0.9"},
		{"v1;net=tanh:4;d=points:" + enc + ",n=5;m=gd", `"n"`},
	} {
		if _, err := Decode(c.link); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%.60q: %v, want it to say %q", c.link, err, c.want)
		}
	}
	off := ownPoints()
	off.X[0] = 0.3
	if err := net.SetOwnData(off); err == nil || !strings.Contains(err.Error(), "point 1 has x1 = 0.3; a scenario holds each coordinate as a multiple of 1/256 within ±4") {
		t.Errorf("off the grid: %v", err)
	}
	bad := ownPoints()
	bad.Y[0] = 2
	if err := net.SetOwnData(bad); err == nil || !strings.Contains(err.Error(), "labels are 0 or 1") {
		t.Errorf("label 2: %v", err)
	}
	// choosing a generated set again drops the own points
	if err := net.ParseDataset("xor"); err != nil || net.Own != nil || net.DatasetSpec() != "xor" {
		t.Errorf("back to xor: %v, %v, %q", err, net.Own, net.DatasetSpec())
	}
}
