package scenario

import (
	"fmt"
	"strconv"
	"strings"

	"curvlab/sim"
)

// SweepSpec is the parameter sweep the app draws beside the plots (its
// Sweep toggle): every panel whose method has parameter Key runs again
// for each of N values from From to To, log spaced when Log, all panels
// over the same values. The zero value (Key "") sweeps each panel's own
// step size lr, from its value ÷ 30 to × 30 in DefaultSweepValues log
// spaced values.
type SweepSpec struct {
	Key      string
	From, To float64
	N        int
	Log      bool
}

// DefaultSweepValues is the number of values of a sweep by default.
const DefaultSweepValues = 40

// String is the link's y= value, e.g. "beta:0,0.95,40" or
// "lr:0.0001,0.01,40,log"; "" for the zero value.
func (s SweepSpec) String() string {
	if s.Key == "" {
		return ""
	}
	var b strings.Builder
	b.WriteString(s.Key)
	b.WriteByte(':')
	b.WriteString(sim.FormatFloat(s.From))
	b.WriteByte(',')
	b.WriteString(sim.FormatFloat(s.To))
	b.WriteByte(',')
	b.WriteString(strconv.Itoa(s.N))
	if s.Log {
		b.WriteString(",log")
	}
	return b.String()
}

// Param is the parameter swept, of the first of methods that has it.
func (s SweepSpec) Param(methods []sim.Spec) (sim.Param, error) {
	var first error
	for _, m := range methods {
		p, err := m.Kind.SweepParam(s.Key)
		if err == nil {
			return p, nil
		}
		if first == nil {
			first = err
		}
	}
	if len(methods) == 1 {
		return sim.Param{}, first
	}
	return sim.Param{}, fmt.Errorf("no panel's method has a parameter %q to sweep", s.Key)
}

// check checks a sweep of the scenario's methods: a parameter one of
// them has, and values sim.Param.Sweep accepts.
func (s SweepSpec) check(methods []sim.Spec) error {
	if s.Key == "" {
		if s != (SweepSpec{}) {
			return fmt.Errorf("a sweep needs the parameter it sweeps")
		}
		return nil
	}
	p, err := s.Param(methods)
	if err != nil {
		return fmt.Errorf("sweep: %v", err)
	}
	if _, err := p.Sweep(s.From, s.To, s.N, s.Log); err != nil {
		return fmt.Errorf("sweep of %s: %v", s.Key, err)
	}
	return nil
}

// parseSweepSpec reads a y= value (see SweepSpec.String).
func parseSweepSpec(val string) (SweepSpec, error) {
	key, rest, ok := strings.Cut(val, ":")
	parts := strings.Split(rest, ",")
	if !ok || key == "" || len(parts) < 3 || len(parts) > 4 {
		return SweepSpec{}, fmt.Errorf("sweep %s must be key:from,to,n or key:from,to,n,log (e.g. lr:0.0001,0.01,40,log)", sim.Quote(val))
	}
	s := SweepSpec{Key: key}
	var err error
	if s.From, err = scNumber("sweep start ", parts[0]); err != nil {
		return s, err
	}
	if s.To, err = scNumber("sweep end ", parts[1]); err != nil {
		return s, err
	}
	n, err := strconv.Atoi(parts[2])
	if err != nil || strconv.Itoa(n) != parts[2] {
		return s, fmt.Errorf("sweep's number of values %s is not a whole number", sim.Quote(parts[2]))
	}
	s.N = n
	if len(parts) == 4 {
		if parts[3] != "log" {
			return s, fmt.Errorf("sweep spacing %s: write log, or nothing for even steps", sim.Quote(parts[3]))
		}
		s.Log = true
	}
	return s, nil
}

// FitSweep returns s with its sweep back at the default, and says so in
// one sentence, when no method of s has the parameter it sweeps any more
// (a panel's method changed); else s as it is and "".
func (s Scenario) FitSweep() (Scenario, string) {
	if s.Sweep.Key == "" || s.Sweep.check(s.Methods) == nil {
		return s, ""
	}
	key := s.Sweep.Key
	s.Sweep = SweepSpec{}
	return s, "The sweep went back to each panel's step size: no panel's method has " + key + " now."
}
