package scenario

import (
	"math"
	"testing"
)

// TestEdgeOfStability runs the edge-of-stability preset and checks the
// lesson of Cohen et al. (ICLR 2021) in its numbers, for each of its
// gradient-descent panels with step η: the sharpness λ_max climbs to
// within 10% of 2/η, then stays within [0.8, 1.25]·2/η for at least 100
// consecutive iterations, the loss rises at least once on the way (it
// falls non-monotonically) and ends below where it started.
func TestEdgeOfStability(t *testing.T) {
	_, sc, err := LookupPreset("edge-of-stability")
	if err != nil {
		t.Fatal(err)
	}
	const steps = 1200 // enough for the lesson; the preset runs longer
	sc.Steps = steps
	p := sc.NetProblem()
	for i, r := range sc.NewRuns() {
		spec := sc.Methods[i]
		if spec.Kind.Name != "gd" {
			t.Fatalf("panel %d is %s, the lesson is about gradient descent", i+1, spec)
		}
		edge := 2 / spec.Value("lr")
		tr := NewNetTracker(p)
		tr.Follow(r)
		for k := 0; k < steps && r.Step(); k++ {
		}
		lam := tr.Sharpness
		if len(lam) != steps+1 {
			t.Fatalf("%s: %d rows, want %d (the run stopped: %v)", spec, len(lam), steps+1, r.Last().Events)
		}
		reach, longest := atTheEdge(t, spec.String(), lam, edge)
		if reach < 0 {
			continue
		}
		rises := 0
		for k := reach; k+1 < len(r.Trace); k++ {
			if r.Row(k+1).F > r.Row(k).F {
				rises++
			}
		}
		if rises == 0 {
			t.Errorf("%s: the loss falls monotonically after the edge: no edge-of-stability oscillation", spec)
		}
		if first, last := r.Row(0).F, r.Last().F; !(last < first) {
			t.Errorf("%s: loss %g at the end, not below the start %g", spec, last, first)
		}
		t.Logf("%s: 2/η = %.4g, reached at %d, longest stay %d, %d loss rises, λ_max %.4g → %.4g, loss %.4g → %.4g",
			spec, edge, reach, longest, rises, lam[0], lam[len(lam)-1], r.Row(0).F, r.Last().F)
	}
}

func minOf(v []float64) float64 {
	m := math.Inf(1)
	for _, x := range v {
		m = math.Min(m, x)
	}
	return m
}

func maxOf(v []float64) float64 {
	m := math.Inf(-1)
	for _, x := range v {
		m = math.Max(m, x)
	}
	return m
}
