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

// The keys of sim.Training in a method's spec, the last of a first-order
// method's parameters, in this order: batches and their seed apply to a
// mean over points, weight decay to a network.
const (
	keyBatch = "batch"
	keySeed  = "seed"
	keyWD    = "wd"
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

// TakesBatches reports whether the scenario's objective is a mean over
// points — a network's training loss, or a surface such as linreg or
// linefit — on which first-order methods may train on batches.
func (s Scenario) TakesBatches() bool {
	return s.Kind() == KindNetwork || s.SurfaceKind != nil && slices.Contains(batchSurfaces(), s.SurfaceKind.Name)
}

// Points is the number of points the objective is a mean over (a
// network's training points), 0 where it is no such mean.
func (s Scenario) Points() int {
	switch {
	case s.Kind() == KindNetwork:
		if p := s.NetProblem(); p != nil {
			return p.TrainLoss.NumPoints()
		}
	case s.TakesBatches():
		if ps, ok := s.Surface().(sim.PointSum); ok {
			return ps.NumPoints()
		}
	}
	return 0
}

// MethodParams are the parameters of panel k's method as this scenario
// offers them to an editor: a batch of at most all the points (which is
// the full batch) and its seed only on a mean over points, weight decay
// only on a network (they are the method's last parameters, so the
// others keep their places).
func (s Scenario) MethodParams(k int) []sim.Param {
	ps := s.Methods[k].Kind.Params
	key := func(name string) int { return slices.IndexFunc(ps, func(p sim.Param) bool { return p.Key == name }) }
	i := key(keyBatch)
	switch {
	case i < 0:
		return ps
	case !s.TakesBatches():
		return ps[:i]
	case s.Kind() != KindNetwork:
		ps = ps[:key(keyWD)]
	}
	ps = slices.Clone(ps)
	ps[i].Max = float64(s.Points())
	return ps
}

// checkTraining says, in one sentence, what is wrong with a batch, a
// weight decay or a sweep of one where it does not apply: batches on an
// objective that is no mean over points, weight decay on a surface.
func (s Scenario) checkTraining(name string) error {
	for _, m := range s.Methods {
		if b := sim.BatchOf(m); b > 0 && !s.TakesBatches() {
			return batchError("method "+m.Kind.Name+": batch="+strconv.Itoa(b), name)
		}
		if wd := sim.DecayOf(m); wd > 0 && s.Kind() != KindNetwork {
			return errors.New("method " + m.Kind.Name + ": wd=" + sim.FormatFloat(wd) + " is a network's weight decay, and " + name + " is not a network (its picture would not show the penalty)")
		}
	}
	switch key := s.Sweep.Key; {
	case (key == keyBatch || key == keySeed) && !s.TakesBatches():
		return batchError("sweep of "+key, name)
	case key == keyWD && s.Kind() != KindNetwork:
		return errors.New("sweep of wd: weight decay is a network's, and " + name + " is not a network")
	}
	return nil
}

func batchError(what, name string) error {
	return errors.New(what + " needs a loss that is a mean over points, and " + name +
		" is not one: batches work on networks and on " + strings.Join(batchSurfaces(), ", "))
}

// FitTraining returns s with the batches and weight decays that do not
// apply to its objective taken away (every panel then trains on all
// points, without decay), and its sweep back at the default if it swept
// one of them, saying so in one sentence (the surface changed under such
// panels); else s as it is and "".
func (s Scenario) FitTraining() (Scenario, string) {
	if s.checkTraining("") == nil {
		return s, ""
	}
	batches := !s.TakesBatches()
	s.Methods = slices.Clone(s.Methods)
	for k, m := range s.Methods {
		vals := slices.Clone(m.Values)
		for i, p := range m.Kind.Params {
			if p.Key == keyWD || batches && p.Key == keyBatch {
				vals[i] = 0
			}
		}
		s.Methods[k] = sim.Spec{Kind: m.Kind, Values: vals}
	}
	if key := s.Sweep.Key; key == keyWD || batches && (key == keyBatch || key == keySeed) {
		s.Sweep = SweepSpec{}
	}
	if batches {
		return s, "Every panel trains on all points, without weight decay, now: " + s.SurfaceKind.Name + " is no mean over points."
	}
	return s, "Weight decay is a network's: the panels on " + s.SurfaceKind.Name + " train without it now."
}
