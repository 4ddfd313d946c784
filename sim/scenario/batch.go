package scenario

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"sync"

	"curvlab/sim"
	"curvlab/sim/surfaces"
)

// batchSurfaces names the surfaces that are means over points
// (sim.PointSum), on which first-order methods may take batches.
var batchSurfaces = sync.OnceValue(func() []string {
	var names []string
	for _, k := range surfaces.Kinds() {
		if _, ok := k.New(sim.Defaults(k.Params)).(sim.PointSum); ok {
			names = append(names, k.Name)
		}
	}
	return names
})

// batchKeys are the keys of sim.Batching in a method's spec, the last of a
// first-order method's parameters.
var batchKeys = []string{"batch", "seed"}

// TakesBatches reports whether the scenario's objective is a mean over
// points — a network's training loss, or a surface such as linreg or
// linefit — on which first-order methods may train on batches.
func (s Scenario) TakesBatches() bool {
	return s.Kind() == KindNetwork || s.SurfaceKind != nil && slices.Contains(batchSurfaces(), s.SurfaceKind.Name)
}

// Points is the number of points the objective is a mean over (a
// network's training points), 0 where it is no such mean.
func (s Scenario) Points() int {
	if !s.TakesBatches() {
		return 0
	}
	if ps, ok := s.Objective().(sim.PointSum); ok {
		return ps.NumPoints()
	}
	return 0
}

// MethodParams are the parameters of panel k's method as this scenario
// offers them to an editor: a batch of at most all the points (which is
// the full batch), and neither batch nor seed where the objective is no
// mean over points.
func (s Scenario) MethodParams(k int) []sim.Param {
	ps := s.Methods[k].Kind.Params
	i := slices.IndexFunc(ps, func(p sim.Param) bool { return p.Key == batchKeys[0] })
	if i < 0 {
		return ps
	}
	n := s.Points()
	if n == 0 {
		return ps[:i]
	}
	ps = slices.Clone(ps)
	ps[i].Max = float64(n)
	return ps
}

// checkBatches says, in one sentence, what is wrong with a batch or a sweep
// of one on an objective that is no mean over points.
func (s Scenario) checkBatches(name string) error {
	if s.TakesBatches() {
		return nil
	}
	for _, m := range s.Methods {
		if b := sim.BatchOf(m); b > 0 {
			return fmtBatchError("method "+m.Kind.Name+": batch="+strconv.Itoa(b), name)
		}
	}
	if slices.Contains(batchKeys, s.Sweep.Key) {
		return fmtBatchError("sweep of "+s.Sweep.Key, name)
	}
	return nil
}

func fmtBatchError(what, name string) error {
	return errors.New(what + " needs a loss that is a mean over points, and " + name +
		" is not one: batches work on networks and on " + strings.Join(batchSurfaces(), ", "))
}

// FitBatches returns s with every panel on all points, and its sweep back
// at the default if it swept a batch's key, saying so in one sentence,
// when its objective is no mean over points (the surface changed under
// panels that took batches); else s as it is and "".
func (s Scenario) FitBatches() (Scenario, string) {
	if s.checkBatches("") == nil {
		return s, ""
	}
	s.Methods = slices.Clone(s.Methods)
	for k, m := range s.Methods {
		if sim.BatchOf(m) > 0 {
			vals := slices.Clone(m.Values)
			vals[slices.IndexFunc(m.Kind.Params, func(p sim.Param) bool { return p.Key == batchKeys[0] })] = 0
			s.Methods[k] = sim.Spec{Kind: m.Kind, Values: vals}
		}
	}
	if slices.Contains(batchKeys, s.Sweep.Key) {
		s.Sweep = SweepSpec{}
	}
	return s, "Every panel trains on all points now: " + s.SurfaceKind.Name + " is no mean over points, so it takes no batches."
}
