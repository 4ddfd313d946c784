package app

import (
	"time"

	"curvlab/sim"
	"curvlab/sim/scenario"
)

// newTrackers returns one tracker per run of a network scenario, each
// following its run from row 0 (nil for a surface). Each row costs a
// Sharpness.Top call (about 0.7 ms natively and 2.6 ms in the browser for a
// 2-8-8-1 network on 150 points), paid inside the run's Step: tick's budget
// keeps a frame short.
func newTrackers(sc scenario.Scenario, runs []*sim.Run) []*scenario.NetTracker {
	p := sc.NetProblem()
	if p == nil {
		return nil
	}
	trs := make([]*scenario.NetTracker, len(runs))
	for i, r := range runs {
		trs[i] = scenario.NewNetTracker(p)
		trs[i].Follow(r)
	}
	return trs
}

// sharpness returns the sharpness of run k at trace row i (NaN if not
// measured).
func (s *state) sharpness(k, i int) float64 {
	if k < len(s.trackers) && i < len(s.trackers[k].Sharpness) {
		return s.trackers[k].Sharpness[i]
	}
	return nan
}

// jobCost estimates how long a kind of work takes (a moving average of
// the last few), so that a frame starts it only when it fits.
type jobCost struct {
	est  time.Duration
	last time.Time // when it last ran
}

// fits reports whether the job is expected to end before deadline, or has
// waited longer than starve (so that it never waits for ever).
func (c *jobCost) fits(deadline time.Time, starve time.Duration) bool {
	now := time.Now()
	return !now.Add(c.est).After(deadline) || now.Sub(c.last) > starve
}

// since records a run that started at t0.
func (c *jobCost) since(t0 time.Time) {
	now := time.Now()
	c.est = (3*c.est + now.Sub(t0)) / 4
	c.last = now
}
