package sim_test

import (
	"testing"

	"curvlab/sim"
	"curvlab/sim/internal/simtest"
)

// TestDeterministic: the same scenario gives bit-identical trajectories on
// every run, for every method (no map iteration, randomness or timing may
// leak into a run).
func TestDeterministic(t *testing.T) {
	surf := mustSurface(t, "rosenbrock")
	for _, k := range sim.MethodKinds() {
		spec := sim.Spec{Kind: k, Values: sim.Defaults(k.Params)}
		a := simtest.RunSpec(t, surf, spec.String(), []float64{-1.2, 1}, 200, 1e-10)
		b := simtest.RunSpec(t, surf, spec.String(), []float64{-1.2, 1}, 200, 1e-10)
		if d := traceDiff(a, b); d != "" {
			t.Fatalf("%s: two runs differ: %s", k.Name, d)
		}
	}
}
