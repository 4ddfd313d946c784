package sim

import (
	"math"
	"testing"
)

// TestDeterministic: the same scenario gives bit-identical trajectories on
// every run, for every method (no map iteration, randomness or timing may
// leak into a run).
func TestDeterministic(t *testing.T) {
	surf := mustSurface(t, "rosenbrock")
	for _, k := range MethodKinds() {
		spec := Spec{Kind: k, Values: Defaults(k.Params)}
		a := runSpec(t, surf, spec.String(), []float64{-1.2, 1}, 200, 1e-10)
		b := runSpec(t, surf, spec.String(), []float64{-1.2, 1}, 200, 1e-10)
		if len(a.Trace) != len(b.Trace) {
			t.Fatalf("%s: %d rows, then %d", k.Name, len(a.Trace), len(b.Trace))
		}
		for i := range a.Trace {
			sa, sb := a.Row(i), b.Row(i)
			same := sa.F == sb.F || math.IsNaN(sa.F) && math.IsNaN(sb.F)
			for j := range sa.X {
				same = same && math.Float64bits(sa.X[j]) == math.Float64bits(sb.X[j])
			}
			same = same && len(sa.TrialF) == len(sb.TrialF) && sa.Events == sb.Events && sa.FEvals == sb.FEvals
			for j := range sa.Curv {
				same = same && math.Float64bits(sa.Curv[j]) == math.Float64bits(sb.Curv[j])
			}
			if !same {
				t.Fatalf("%s: row %d differs between two runs", k.Name, i)
			}
		}
	}
}
