package explore_test

import (
	"testing"

	"curvlab/sim/explore"
	"curvlab/sim/scenario"
)

// TestSweepLesson (sweep-lr): of the preset's 40 step sizes, every run
// that settles ends with its sharpness at or under 2/η (within 5%); where
// 2/η is under the sharpness small steps reach, the sharpness is pinned
// to the line (within 10% under it); the runs with η above about 1
// diverge, those under it do not.
func TestSweepLesson(t *testing.T) {
	_, sc, err := scenario.LookupPreset("sweep-lr")
	if err != nil {
		t.Fatal(err)
	}
	sw, ok := explore.PanelSweep(sc, 0)
	if !ok {
		t.Fatal("no sweep")
	}
	pts := sw.Run(sc, 0)
	if len(pts) != 40 {
		t.Fatalf("%d points, want 40", len(pts))
	}
	top, pinned, diverged := 0.0, 0, 0
	for _, p := range pts {
		edge := 2 / p.Value
		switch {
		case p.Diverged():
			diverged++
			if p.Value < 0.9 {
				t.Errorf("η = %.4g diverged", p.Value)
			}
		case p.Value > 1.2:
			t.Errorf("η = %.4g settled (λmax %.4g, 2/η %.4g)", p.Value, p.Sharpness, edge)
		case p.Sharpness > 1.05*edge:
			t.Errorf("η = %.4g ends with λmax %.4g above 2/η = %.4g", p.Value, p.Sharpness, edge)
		default:
			top = max(top, p.Sharpness)
		}
	}
	for _, p := range pts {
		if edge := 2 / p.Value; !p.Diverged() && edge < 0.9*top {
			pinned++
			if p.Sharpness < 0.9*edge {
				t.Errorf("η = %.4g: 2/η = %.4g is under the sharpness small steps reach (%.4g), yet λmax ends at %.4g, not at the line", p.Value, edge, top, p.Sharpness)
			}
		}
	}
	if pinned < 5 || diverged < 5 {
		t.Errorf("%d runs pinned to their line and %d diverged: the sweep should show both", pinned, diverged)
	}
	t.Logf("largest settled λmax %.4g; %d runs pinned to 2/η; %d diverged", top, pinned, diverged)
}
