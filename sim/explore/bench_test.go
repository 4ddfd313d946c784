package explore

import (
	"testing"

	"curvlab/sim/scenario"
	"curvlab/sim/surfaces"
)

// BenchmarkBasinsNewtonHimmelblau256 is issue 11's basin figure: 256²
// starts of plain Newton on Himmelblau, at most 100 iterations each, on
// one core.
func BenchmarkBasinsNewtonHimmelblau256(b *testing.B) {
	h, _ := surfaces.New("himmelblau", "")
	spec := mustSpec(b, "newton:ls=none,mod=none")
	cells := make([]Basin, 256*256)
	for b.Loop() {
		Basins(cells, h, spec, h.View(), 256, 256, Settings{Steps: 100, Tol: 1e-8})
	}
}

// BenchmarkSweepRosenbrock is issue 11's sweep figure: 200 step sizes ×
// 4 methods × 500 iterations on Rosenbrock from (−1.2, 1), on one core.
func BenchmarkSweepRosenbrock(b *testing.B) {
	sc, err := scenario.Decode("v1;s=rosenbrock;x=-1.2,1;m=gd;m=momentum;m=nesterov;m=bfgs;n=500;t=0")
	if err != nil {
		b.Fatal(err)
	}
	var sweeps []Sweep
	for _, m := range sc.Methods {
		s, err := NewSweep(m, "lr", 1e-5, 1e-2, 200, true)
		if err != nil {
			b.Fatal(err)
		}
		sweeps = append(sweeps, s)
	}
	for b.Loop() {
		for k, s := range sweeps {
			s.Run(sc, k)
		}
	}
}
