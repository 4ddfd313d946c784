package network

import (
	"testing"

	"curvlab/app/scene"
	"curvlab/engine"

	"curvlab/sim/scenario"
)

// TestNetEditorRangesHoldTheLink checks that every row of the network
// editor can show the value a link gave, within its slider's range or
// among its choices: a seed above the sliders' usual 0–99 included, so
// that a step of the slider changes it by one instead of throwing it away.
func TestNetEditorRangesHoldTheLink(t *testing.T) {
	links := []string{"v1;net=tanh:8,8,init=12345;d=circle:seed=54321;m=gd;n=10"}
	for _, p := range scenario.Presets() {
		links = append(links, p.Link)
	}
	for _, link := range links {
		st := scene.NewState(link, engine.NewClient(engine.NewInProcess()))
		if st.Notice != "" {
			t.Fatalf("%s: %s", link, st.Notice)
		}
		net := st.Scen.Net
		if net == nil {
			continue
		}
		for _, f := range netFields(net) {
			v := f.get(net)
			lo, hi := f.p.Min, f.p.Max
			if len(f.p.Choices) > 0 {
				lo, hi = 0, float64(len(f.p.Choices)-1)
			}
			if !(v >= lo && v <= hi) {
				t.Errorf("%s: %s %s = %v, outside its range [%v, %v]", link, f.p.Key, f.p.Desc, v, lo, hi)
			}
		}
	}
}
