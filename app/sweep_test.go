package app

import (
	"strings"
	"testing"

	"curvlab/app/ui"
	"curvlab/sim/scenario"
)

// TestSweepEditor: the sweep's editor offers the panels' numeric
// parameters; picking one sweeps it over its default range (β: its whole
// range, evenly), the rows set the range, the number of values and the
// spacing, and the link holds them; a reversed range or a log sweep from
// 0 is refused with one sentence and the sweep kept; a method change that
// leaves no panel with the parameter puts the default sweep back, saying
// so.
func TestSweepEditor(t *testing.T) {
	g, _ := newTestGame(t, "#v1;s=rosenbrock;x=-1.2,1;m=gd:lr=0.001;m=momentum:lr=0.0005;u=w", 1600, 900)
	g.do(ui.ActSweepMenu, 0)
	if g.popup.kind != popSweep {
		t.Fatalf("Shift+W opened %v", g.popup.kind)
	}
	rows, _ := sweepRows(&g.st.Scen)
	choices := rows[0].Choices
	beta := -1
	for c, k := range choices {
		if k == "beta" {
			beta = c
		}
	}
	if choices[0] != ownStepSize || beta < 0 || !strings.Contains(strings.Join(choices, " "), "lr") {
		t.Fatalf("the parameters offered: %v", choices)
	}
	g.setParam(ui.Target{Owner: ui.OwnerSweep, Index: 0}, float64(beta))
	sw := g.st.Scen.Sweep
	if sw.Key != "beta" || sw.From != 0 || !(sw.To > 0.9 && sw.To < 1) || sw.Log || sw.N != 40 {
		t.Fatalf("β picked: %+v, want 0 to its largest value, evenly, 40 values", sw)
	}
	g.buildUI()
	sliders := 0
	for _, w := range g.ws.List[g.ws.PopupStart:] {
		if w.Kind == ui.KindSlider && w.Target.Owner == ui.OwnerSweep {
			sliders++
		}
	}
	if sliders != 3 {
		t.Errorf("%d sliders in the sweep's editor, want from, to and values", sliders)
	}
	g.setParam(ui.Target{Owner: ui.OwnerSweep, Index: 2}, 0.9)
	g.setParam(ui.Target{Owner: ui.OwnerSweep, Index: 3}, 50)
	want := "y=beta:0,0.9,50"
	if link := g.st.Scen.Encode(); !strings.Contains(link, want) {
		t.Errorf("the link %q does not hold %s", link, want)
	}
	for _, c := range []struct {
		row    int
		v      float64
		phrase string
	}{{4, 1, "a log sweep needs both ends above 0"}, {1, 0.95, "reversed"}} {
		before := g.st.Scen.Sweep
		g.setParam(ui.Target{Owner: ui.OwnerSweep, Index: c.row}, c.v)
		if g.st.Scen.Sweep != before || !strings.Contains(g.st.Notice, c.phrase) || strings.Contains(g.st.Notice, ". ") || !strings.HasSuffix(g.st.Notice, ".") {
			t.Errorf("row %d set to %g: sweep %+v (was %+v), notice %q; want it refused, saying %q", c.row, c.v, g.st.Scen.Sweep, before, g.st.Notice, c.phrase)
		}
	}
	g.setParam(ui.Target{Owner: ui.OwnerSweep, Index: 1}, 0.5)
	if g.st.Notice != "" || g.st.Scen.Sweep.From != 0.5 {
		t.Errorf("a good start after a refused one: %+v, notice %q", g.st.Scen.Sweep, g.st.Notice)
	}
	if err := g.st.Scen.Validate(); err != nil {
		t.Fatal(err)
	}
	g.do(ui.ActRemovePanel, 0) // momentum goes: no panel has β
	if g.st.Scen.Sweep != (scenario.SweepSpec{}) || !strings.Contains(g.st.Notice, "no panel's method has beta") {
		t.Errorf("momentum removed: sweep %+v, notice %q", g.st.Scen.Sweep, g.st.Notice)
	}
}
