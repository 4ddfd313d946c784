package app

import (
	"curvlab/lang"
	"math"
	"slices"
	"strings"

	"curvlab/app/ui"
	"curvlab/sim"
	"curvlab/sim/scenario"
)

// The sweep's editor (popSweep): which parameter the sweep beside the
// plots runs over, its range, its number of values and their spacing,
// as rows of a form, like a method's parameters; the scenario's
// SweepSpec holds them, so the link does.

// sweepKeys are the numeric parameters of the panels' methods, as the
// scenario offers them (scenario.MethodParams: a batch only on a mean
// over points), each once, in panel order: those a sweep can run over.
func sweepKeys(sc *scenario.Scenario) []string {
	var keys []string
	for k := range sc.Methods {
		for _, p := range sc.MethodParams(k) {
			if len(p.Choices) == 0 && !slices.Contains(keys, p.Key) {
				keys = append(keys, p.Key)
			}
		}
	}
	return keys
}

// ownStepSize is the first choice of the sweep's parameter: each panel's
// own step size, around its value (the zero SweepSpec).
const ownStepSize = "own lr"

// sweepRows are the editor's rows and their values: the parameter, then,
// for one of them, the range's ends, the number of values and the
// spacing.
func sweepRows(sc *scenario.Scenario) ([]sim.Param, []float64) {
	keys := sweepKeys(sc)
	sw := sc.Sweep
	choice := sim.Param{Key: lang.T("sweep"), Desc: lang.T("the parameter swept (own lr: each panel's lr ÷ 30 to × 30)"), Choices: append([]string{lang.T(ownStepSize)}, keys...)}
	rows, vals := []sim.Param{choice}, []float64{float64(slices.Index(keys, sw.Key) + 1)}
	if sw.Key == "" {
		return rows, vals
	}
	p, err := sw.Param(sc.Methods)
	if err != nil {
		return rows, vals
	}
	end := func(key, desc string) sim.Param {
		return sim.Param{Key: key, Desc: desc, Default: p.Default, Min: p.Min, Max: p.Max, Int: p.Int}
	}
	spacing := 0.0
	if sw.Log {
		spacing = 1
	}
	rows = append(rows, end(lang.T("from"), lang.F("the first value of %s", sw.Key)), end(lang.T("to"), lang.F("the last value of %s", sw.Key)),
		sim.Param{Key: lang.T("values"), Desc: lang.T("how many values"), Default: scenario.DefaultSweepValues, Min: sim.MinSweepValues, Max: sim.MaxSweepValues, Int: true},
		sim.Param{Key: lang.T("spacing"), Desc: lang.T("evenly, or evenly in log"), Choices: []string{lang.T("even"), lang.T("log")}})
	return rows, append(vals, sw.From, sw.To, float64(sw.N), spacing)
}

// defaultSweep is the sweep of parameter p first offered: ÷ 30 to × 30
// its default in log steps for a scale parameter (a step size, a radius),
// its whole range in even steps for the others (β, a memory).
func defaultSweep(p sim.Param) scenario.SweepSpec {
	s := scenario.SweepSpec{Key: p.Key, From: p.Min, To: p.Max, N: scenario.DefaultSweepValues}
	if p.Min > 0 && p.Max >= 100*p.Min && p.Default > 0 {
		s.From, s.To, s.Log = math.Max(p.Min, p.Default/30), math.Min(p.Max, p.Default*30), true
	}
	if p.Int {
		s.N = min(s.N, int(s.To-s.From)+1)
	}
	return s
}

// setSweepRow sets row i of the sweep's editor to v. A setting the sweep
// cannot run (a reversed range, a log sweep from 0) is refused with one
// sentence, the sweep left as it was.
func (g *Game) setSweepRow(i int, v float64) {
	sc := &g.st.Scen
	sw := sc.Sweep
	switch i {
	case 0:
		keys := sweepKeys(sc)
		c := int(v)
		if c <= 0 || c > len(keys) {
			sw = scenario.SweepSpec{}
			break
		}
		p, err := (scenario.SweepSpec{Key: keys[c-1]}).Param(sc.Methods)
		if err != nil {
			return
		}
		sw = defaultSweep(p)
	case 1:
		sw.From = v
	case 2:
		sw.To = v
	case 3:
		sw.N = int(v)
	case 4:
		sw.Log = v == 1
	}
	if sw.Key != "" {
		p, err := sw.Param(sc.Methods)
		if err == nil {
			_, err = p.Sweep(sw.From, sw.To, sw.N, sw.Log)
		}
		if err != nil {
			g.st.Notice = "Sweep of " + sw.Key + ": " + strings.TrimSuffix(err.Error(), ".") + "; kept as it was."
			return
		}
	}
	if strings.HasPrefix(g.st.Notice, "Sweep of ") {
		g.st.Notice = ""
	}
	sc.Sweep = sw
	g.st.Changed = true
}

// buildSweepEditor lays out the sweep's editor.
func (g *Game) buildSweepEditor(f *ui.Form) {
	m := f.M
	sc := &g.st.Scen
	r, y := f.Head(760, f.KeysHint(lang.T("Sweep (↑/↓, ←/→): "), lang.T("Sweep: "))+lang.T("each panel's method runs again from the start for every value; the plot beside shows where each ended"))
	rows, vals := sweepRows(sc)
	y = f.ParamRows(r, y+4*m.U, rows, vals, ui.Target{Owner: ui.OwnerSweep}, nil)
	var lacking []string
	for k, sp := range sc.Methods {
		if _, err := sp.Kind.SweepParam(sc.Sweep.Key); sc.Sweep.Key != "" && err != nil {
			lacking = append(lacking, lang.F("panel %d (%s)", k+1, sp.Kind.Name))
		}
	}
	note := lang.T("Turn the sweep on with W (the Explore menu's or, on a network, the toolbar's Sweep).")
	if len(lacking) > 0 {
		note = lang.F("Not swept, their methods have no %s: %s.", sc.Sweep.Key, strings.Join(lacking, lang.T(", ")))
	}
	y = f.LabelLines(r, y, note)
	f.Fit(r, y+8*m.U)
}
