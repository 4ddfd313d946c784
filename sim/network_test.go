package sim

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"

	"curvlab/sim/nn"
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
	if !scEqualFloats(s.Start, want) {
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
	if !scEqualFloats(again.Start, s.Start) || !again.Equal(s) {
		t.Error("decoding the same link twice gives different starts")
	}
	other, _ := Decode("v1;net=tanh:8,8,init=2;d=circle:n=120,seed=4;m=gd")
	if scEqualFloats(other.Start, s.Start) {
		t.Error("init=2 gives the same weights as init=1")
	}
	runs := s.NewRuns()
	for _, r := range runs {
		for i := 0; i < s.Steps && r.Step(); i++ {
		}
		first, last := r.Trace[0], r.Last()
		if !(last.F < first.F) || math.IsNaN(last.F) {
			t.Errorf("training did not lower the loss: %g → %g", first.F, last.F)
		}
	}
	// Tracking: test loss and sharpness per row, measured independently.
	tr := NewNetTracker(p)
	tr.Update(runs[1])
	if len(tr.TestLoss) != len(runs[1].Trace) || len(tr.Sharpness) != len(runs[1].Trace) {
		t.Fatalf("tracker has %d/%d rows, trace %d", len(tr.TestLoss), len(tr.Sharpness), len(runs[1].Trace))
	}
	tm, _ := nn.NewMLP(arch, &test)
	n := m.Dim()
	h := make([]float64, n*n)
	for _, k := range []int{0, len(runs[1].Trace) - 1} {
		x := runs[1].Trace[k].X
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
