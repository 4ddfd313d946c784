package explore

import (
	"math"
	"slices"

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
	MinSweepValues = sim.MinSweepValues
	MaxSweepValues = sim.MaxSweepValues
)

// NewSweep checks a sweep of parameter key of method spec over n values
// from a to b (see sim.Param.Sweep): a parameter the method has, of
// numbers (not a choice).
func NewSweep(spec sim.Spec, key string, a, b float64, n int, log bool) (Sweep, error) {
	p, err := spec.Kind.SweepParam(key)
	if err != nil {
		return Sweep{}, err
	}
	vals, err := p.Sweep(a, b, n, log)
	if err != nil {
		return Sweep{}, err
	}
	return Sweep{Param: p, Values: vals}, nil
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
	r := s.NewRun(sc, k, j)
	for n := 0; n < sc.Steps && r.Step(); n++ {
	}
	return s.Point(r, j, nil)
}

// runOne runs base with its parameter i set to value j of the sweep.
func (s Sweep) runOne(obj sim.Objective, tracker *scenario.NetTracker, sc scenario.Scenario, base sim.Spec, i, j int) Point {
	r := s.newRun(obj, sc, base, i, j)
	for n := 0; n < sc.Steps && r.Step(); n++ {
	}
	return s.Point(r, j, tracker)
}

// NewRun is the run of value j of the sweep of panel k's method, not yet
// stepped: a caller that steps it a slice at a time up to sc.Steps (as the
// engine does) then takes its Point.
func (s Sweep) NewRun(sc scenario.Scenario, k, j int) *sim.Run {
	base := sc.Methods[k]
	i := slices.IndexFunc(base.Kind.Params, func(q sim.Param) bool { return q.Key == s.Param.Key })
	return s.newRun(sc.Objective(), sc, base, i, j)
}

func (s Sweep) newRun(obj sim.Objective, sc scenario.Scenario, base sim.Spec, i, j int) *sim.Run {
	spec := sim.Spec{Kind: base.Kind, Values: slices.Clone(base.Values)}
	spec.Values[i] = s.Values[j]
	return sim.NewRun(obj, spec.New(), sc.Start, sim.RunOptions{Tol: sc.Tol, Budget: sc.Steps, VectorLimit: 1 << 12})
}

// Point is how run r of value j ended; tracker, on a network, measures its
// test loss and sharpness at the end (nil: NaN).
func (s Sweep) Point(r *sim.Run, j int, tracker *scenario.NetTracker) Point {
	p := Point{Value: s.Values[j], Final: r.Trace[len(r.Trace)-1], TestLoss: math.NaN(), Sharpness: math.NaN()}
	if tracker != nil {
		p.TestLoss, p.Sharpness = tracker.Measure(r.State.X)
	}
	return p
}

// PanelSweep is the sweep the app runs for panel k of sc (sc.Sweep): the
// parameter sc.Sweep.Key over its range, or by default the panel's own
// step size lr from its value ÷ 30 to × 30 in
// scenario.DefaultSweepValues log-spaced values (within lr's range); ok
// is false when the panel's method has no such parameter.
func PanelSweep(sc scenario.Scenario, k int) (s Sweep, ok bool) {
	if k < 0 || k >= len(sc.Methods) {
		return s, false
	}
	m, sw := sc.Methods[k], sc.Sweep
	var err error
	if sw.Key == "" {
		p, perr := m.Kind.SweepParam("lr")
		if perr != nil {
			return s, false
		}
		lr := m.Value("lr")
		s, err = NewSweep(m, "lr", math.Max(p.Min, lr/30), math.Min(p.Max, lr*30), scenario.DefaultSweepValues, true)
	} else {
		s, err = NewSweep(m, sw.Key, sw.From, sw.To, sw.N, sw.Log)
	}
	return s, err == nil
}

// StabilityLines are where theory puts the edge of stability of a fixed
// step size α on a quadratic whose largest Hessian eigenvalue is lmax, for
// the methods that have one (sim.StabilityProduct): gradient descent and
// SAM 2/λ_max, heavy ball 2(1 + β)/λ_max, Nesterov (2 + 2β)/((1 + 2β)λ_max).
// Keyed by what the line is of; empty for a method without one, or a
// parameter other than its step size.
func StabilityLines(spec sim.Spec, key string, lmax float64) map[string]float64 {
	lines := map[string]float64{}
	if key != "lr" || !(lmax > 0) {
		return lines
	}
	if c, name, ok := sim.StabilityProduct(spec); ok {
		lines[name] = c / lmax
	}
	return lines
}
