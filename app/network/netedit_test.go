package network

import (
	"slices"
	"strings"
	"testing"

	"curvlab/app/scene"
	"curvlab/engine"

	"curvlab/sim/nn"
	"curvlab/sim/scenario"
)

// TestNetEditorRangesHoldTheLink checks that every row of the network
// editor can show the value a link gave, within its slider's range or
// among its choices: a seed above the sliders' usual 0–99 included, so
// that a step of the slider changes it by one instead of throwing it away.
func TestNetEditorRangesHoldTheLink(t *testing.T) {
	links := []string{"v1;net=tanh:8,8,init=12345;d=circle:seed=54321;m=gd;n=10"}
	for _, l := range scenario.Lessons() {
		for _, st := range l.Steps {
			if st.Link != "" {
				links = append(links, st.Link)
			}
		}
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

// TestNetEditorOnOwnPoints: on the user's points the editor's data row
// offers them as the last choice (a generated set replaces them) and,
// when they came without a split, the test fraction and the split's seed;
// the generator's rows are gone.
func TestNetEditorOnOwnPoints(t *testing.T) {
	p := nn.Points{}
	for i := range 8 {
		p.X = append(p.X, nn.Snap(float64(i)/4-1), nn.Snap(float64(i%3)/2-0.5))
		p.Y = append(p.Y, float64(i%2))
	}
	enc, _ := p.EncodeLink()
	g := newRig(t, "#v1;net=tanh:4;d=points:"+enc+";m=gd", 1600, 900)
	params, vals := g.Scene.Params(g.St)
	keys := make([]string, len(params))
	for i, q := range params {
		keys[i] = q.Key
	}
	if want := []string{"activation", "loss", "layers", "width 1", "seed", "data", "test", "seed"}; !slices.Equal(keys, want) {
		t.Fatalf("rows %v, want %v", keys, want)
	}
	data := slices.Index(keys, "data")
	if c := params[data].Choices; c[len(c)-1] != "your 8 points" || int(vals[data]) != len(c)-1 {
		t.Errorf("data choices %v, value %v", c, vals[data])
	}
	g.Scene.SetParam(g.St, data+1, 0.5) // test fraction ½
	if got := g.St.Scen.NetProblem().Test.N(); got != 4 || !strings.Contains(g.St.Scen.Encode(), ",test=0.5;") {
		t.Errorf("test = 0.5: %d test points, link %q", got, g.St.Scen.Encode())
	}
	g.Scene.SetParam(g.St, data, 0) // the first generated set
	if n := g.St.Scen.Net; n.Own != nil || n.Data != nn.DatasetNames()[0] {
		t.Errorf("choosing %s left data %q, own %v", nn.DatasetNames()[0], n.Data, n.Own != nil)
	}
}
