package app

import (
	"time"
)

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
