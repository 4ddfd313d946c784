package scene

import (
	"strings"
	"testing"

	"curvlab/engine"
	"curvlab/sim"
	"curvlab/sim/scenario"
	"curvlab/sim/surfaces"
)

// FuzzParseFlags: any UI field of a link parses to flags with a speed among
// Speeds, and the flags' own text parses back to them; letters other than
// the flags' and digits beyond the speeds change nothing.
func FuzzParseFlags(f *testing.F) {
	for _, s := range []string{"", "e", "etco", "p7", "0", "9", "x", "ee3p", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, u string) {
		fl := ParseFlags(u)
		if fl.Speed < 0 || fl.Speed >= len(Speeds) {
			t.Fatalf("%q: speed %d", u, fl.Speed)
		}
		if back := ParseFlags(fl.String()); back != fl {
			t.Fatalf("%q: %+v is written %q, which reads %+v", u, fl, fl.String(), back)
		}
		if fl.Overlay != strings.Contains(u, "o") || fl.PCA != strings.Contains(u, "p") || fl.HideEllipses != strings.Contains(u, "e") {
			t.Fatalf("%q: %+v", u, fl)
		}
	})
}

// TestRestartDropsBatchesThatNoLongerApply: panels training on batches of
// linreg's points, put on Rosenbrock (a surface picked), train on all
// points again, with one sentence saying so; the scenario stays valid, so
// its link opens.
func TestRestartDropsBatchesThatNoLongerApply(t *testing.T) {
	s := NewState("v1;s=linreg;x=0,0;m=gd:lr=0.01,batch=2;m=newton", engine.NewClient(engine.NewInProcess()))
	if s.Notice != "" || sim.BatchOf(s.Scen.Methods[0]) != 2 {
		t.Fatalf("opened %s with notice %q", s.Scen.Encode(), s.Notice)
	}
	k, err := surfaces.Lookup("rosenbrock")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Scen.SetSurface(k, sim.Defaults(k.Params)); err != nil {
		t.Fatal(err)
	}
	s.Restart()
	if sim.BatchOf(s.Scen.Methods[0]) != 0 || !strings.Contains(s.Notice, "all points") {
		t.Errorf("after the change: %s, notice %q", s.Scen.Encode(), s.Notice)
	}
	if _, err := scenario.Decode(s.Scen.Encode()); err != nil {
		t.Errorf("the link %s does not open: %v", s.Scen.Encode(), err)
	}
}
