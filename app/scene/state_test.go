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

// TestEmbedFlagsRoundTrip: each embedding flag has its own letter, reads
// from a link's u= field, and comes back in the link the scenario writes.
func TestEmbedFlagsRoundTrip(t *testing.T) {
	for _, c := range []struct {
		u  string
		on func(Flags) bool
	}{
		{"h", func(f Flags) bool { return f.HideToolbar }},
		{"r", func(f Flags) bool { return f.Locked }},
		{"g", func(f Flags) bool { return f.HidePlots }},
		{"n", func(f Flags) bool { return f.HideReadouts }},
		{"f", func(f Flags) bool { return f.FixedView }},
		{"s", func(f Flags) bool { return f.PageWheel }},
	} {
		link := "v1;s=rosenbrock;x=-1.2,1;m=gd;m=newton;u=e" + c.u + "5"
		st := NewState(link, engine.NewClient(engine.NewInProcess()))
		if st.Notice != "" {
			t.Fatalf("%s: %s", link, st.Notice)
		}
		f := st.Flags
		if !c.on(f) || !f.HideEllipses || f.Speed != 5 {
			t.Errorf("u=e%s5 reads %+v", c.u, f)
		}
		if c.on(ParseFlags("e5")) {
			t.Errorf("u=e5 turns %q on", c.u)
		}
		n := 0
		for _, o := range []bool{f.HideToolbar, f.Locked, f.HidePlots, f.HideReadouts, f.FixedView, f.PageWheel} {
			if o {
				n++
			}
		}
		if n != 1 {
			t.Errorf("u=e%s5 turns %d embedding flags on: %+v", c.u, n, f)
		}
		st.SetFlags(f)
		if got := st.Scen.Encode(); got != link {
			t.Errorf("opened %s, writes %s", link, got)
		}
	}
	// every flag at once fits in a link
	all := Flags{HideEllipses: true, HideTrials: true, HideContours: true, Overlay: true, PCA: true, TapClass0: true,
		Basins: true, Sweep: true, StepModel: true, Eigen: true, HideToolbar: true, Locked: true, HidePlots: true,
		HideReadouts: true, FixedView: true, PageWheel: true, Speed: 7}
	sc := scenario.Default()
	sc.UI = all.String()
	if _, err := scenario.Decode(sc.Encode()); err != nil {
		t.Errorf("every flag, u=%s: %v", all.String(), err)
	}
	if ParseFlags(all.String()) != all {
		t.Errorf("%+v reads back as %+v", all, ParseFlags(all.String()))
	}
}
