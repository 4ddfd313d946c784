package explore

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"curvlab/sim"
	"curvlab/sim/scenario"
)

// A Sweep runs one method of a scenario again for each value of one of
// its parameters (the step size, momentum's β, H₀'s scale, the trust
// region's initial radius, L-BFGS's memory, …) and records how each run
// ended: the picture of how a method's fate depends on a setting, with
// the theory's lines (StabilityLines) beside it.
type Sweep struct {
	Param  sim.Param // the parameter swept, of the method
	Values []float64 // its values, in order
}

// Limits of a sweep.
const (
	MinSweepValues = 2
	MaxSweepValues = 200
)

// NewSweep checks a sweep of parameter key of method spec over n values
// from a to b, evenly spaced or (log) evenly spaced in log: a parameter
// the method has, of numbers (not a choice), a range from low to high
// within the parameter's own, above 0 for a log sweep, and
// MinSweepValues..MaxSweepValues values (an integer parameter's values
// are rounded, and repeats dropped).
func NewSweep(spec sim.Spec, key string, a, b float64, n int, log bool) (Sweep, error) {
	var p sim.Param
	found := false
	var keys []string
	for _, q := range spec.Kind.Params {
		if len(q.Choices) == 0 {
			keys = append(keys, q.Key)
		}
		if q.Key == key {
			p, found = q, true
		}
	}
	switch {
	case !found:
		return Sweep{}, fmt.Errorf("method %s has no parameter %q (it has: %s)", spec.Kind.Name, key, strings.Join(keys, ", "))
	case len(p.Choices) > 0:
		return Sweep{}, fmt.Errorf("%s is a choice (%s), not a number to sweep", key, strings.Join(p.Choices, "|"))
	case n < MinSweepValues || n > MaxSweepValues:
		return Sweep{}, fmt.Errorf("%d values, want %d to %d", n, MinSweepValues, MaxSweepValues)
	case !(a < b):
		return Sweep{}, fmt.Errorf("the range from %s to %s is empty or reversed: give the lower end first", sim.FormatFloat(a), sim.FormatFloat(b))
	case log && !(a > 0):
		return Sweep{}, fmt.Errorf("a log sweep needs both ends above 0, not %s", sim.FormatFloat(a))
	}
	for _, v := range []float64{a, b} {
		if err := p.Check(v); err != nil {
			return Sweep{}, err
		}
	}
	s := Sweep{Param: p}
	for i := range n {
		t := float64(i) / float64(n-1)
		v := a + t*(b-a)
		if log {
			v = a * math.Pow(b/a, t)
		}
		if i == n-1 {
			v = b // exactly the end asked
		}
		if p.Int {
			v = math.Round(v)
		}
		if len(s.Values) == 0 || v != s.Values[len(s.Values)-1] {
			s.Values = append(s.Values, v)
		}
	}
	return s, nil
}

// Point is how a run of a sweep ended: for the parameter's Value, its
// final row (f or the training loss, the iterations, whether it
// diverged), and on a network the test loss and sharpness at its end.
type Point struct {
	Value               float64
	Final               sim.Step
	TestLoss, Sharpness float64
}

// Diverged reports whether the run diverged.
func (p Point) Diverged() bool { return p.Final.Events&sim.EventDiverged != 0 }

// Run runs panel k's method of sc with each value of the sweep for at most
// sc.Steps iterations (stopping at sc.Tol) and returns how each ended.
func (s Sweep) Run(sc scenario.Scenario, k int) []Point {
	base := sc.Methods[k]
	i := slices.IndexFunc(base.Kind.Params, func(q sim.Param) bool { return q.Key == s.Param.Key })
	obj := sc.Objective()
	var tracker *scenario.NetTracker
	if p := sc.NetProblem(); p != nil {
		tracker = scenario.NewNetTracker(p)
	}
	out := make([]Point, len(s.Values))
	for j := range s.Values {
		out[j] = s.runOne(obj, tracker, sc, base, i, j)
	}
	return out
}

// RunOne is Run for value j alone (on a surface: a network's test loss and
// sharpness are NaN), so that a caller can spread a sweep over time.
func (s Sweep) RunOne(sc scenario.Scenario, k, j int) Point {
	base := sc.Methods[k]
	i := slices.IndexFunc(base.Kind.Params, func(q sim.Param) bool { return q.Key == s.Param.Key })
	return s.runOne(sc.Objective(), nil, sc, base, i, j)
}

// runOne runs base with its parameter i set to value j of the sweep.
func (s Sweep) runOne(obj sim.Objective, tracker *scenario.NetTracker, sc scenario.Scenario, base sim.Spec, i, j int) Point {
	spec := sim.Spec{Kind: base.Kind, Values: slices.Clone(base.Values)}
	spec.Values[i] = s.Values[j]
	r := sim.NewRun(obj, spec.New(), sc.Start, sim.RunOptions{Tol: sc.Tol, Budget: sc.Steps, VectorLimit: 1 << 12})
	for n := 0; n < sc.Steps && r.Step(); n++ {
	}
	p := Point{Value: s.Values[j], Final: r.Trace[len(r.Trace)-1], TestLoss: math.NaN(), Sharpness: math.NaN()}
	if tracker != nil {
		p.TestLoss, p.Sharpness = tracker.Measure(r.State.X)
	}
	return p
}

// StabilityLines are where theory puts the edge of stability of a fixed
// step size α on a quadratic whose largest Hessian eigenvalue is lmax, for
// the methods that have one (REFERENCE.md, "Stability, noise and
// generalization"): gradient descent 2/λ_max, heavy ball 2(1 + β)/λ_max,
// Nesterov (2 + 2β)/((1 + 2β)λ_max). Keyed by what the line is of; empty
// for a method without one, or a parameter other than its step size.
func StabilityLines(spec sim.Spec, key string, lmax float64) map[string]float64 {
	lines := map[string]float64{}
	if key != "lr" || !(lmax > 0) {
		return lines
	}
	switch spec.Kind.Name {
	case "gd":
		if spec.Value("ls") == 0 { // a fixed step
			lines["2/λmax"] = 2 / lmax
		}
	case "momentum":
		b := spec.Value("beta")
		lines["2(1+β)/λmax"] = 2 * (1 + b) / lmax
	case "nesterov":
		b := spec.Value("beta")
		lines["(2+2β)/((1+2β)λmax)"] = (2 + 2*b) / ((1 + 2*b) * lmax)
	}
	return lines
}
