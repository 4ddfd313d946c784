package app

import (
	"math"
	"strings"
	"time"

	"curvlab/sim"
	"curvlab/sim/scenario"
	"curvlab/sim/surfaces"
)

// Speeds the clock can run at, in iterations per second.
var speeds = []float64{1, 2, 5, 10, 20, 50, 100, 200}

const defaultSpeed = 3 // index into speeds: 10 iterations per second

// flags are the view toggles; they live in the scenario's opaque UI field so
// that a link reproduces them. Each letter present turns a default around.
// A digit sets the playing speed (an index into speeds).
type flags struct {
	hideEllipses, hideTrials, hideContours, overlay bool
	// pca slices a network's loss along the principal components of the
	// paths instead of the top Hessian eigenvectors.
	pca   bool
	speed int
}

func parseFlags(u string) flags {
	f := flags{
		hideEllipses: strings.Contains(u, "e"),
		hideTrials:   strings.Contains(u, "t"),
		hideContours: strings.Contains(u, "c"),
		overlay:      strings.Contains(u, "o"),
		pca:          strings.Contains(u, "p"),
		speed:        defaultSpeed,
	}
	for i := 0; i < len(u); i++ {
		if d := int(u[i] - '0'); d >= 0 && d < len(speeds) {
			f.speed = d
		}
	}
	return f
}

func (f flags) String() string {
	var b strings.Builder
	if f.hideEllipses {
		b.WriteByte('e')
	}
	if f.hideTrials {
		b.WriteByte('t')
	}
	if f.hideContours {
		b.WriteByte('c')
	}
	if f.overlay {
		b.WriteByte('o')
	}
	if f.pca {
		b.WriteByte('p')
	}
	if f.speed != defaultSpeed {
		b.WriteByte(byte('0' + f.speed))
	}
	return b.String()
}

// state is what the app shows: one scenario, its runs, and the clock.
// Every change to the scenario goes through setScenario or a method that
// marks it changed, so the link always matches the screen.
type state struct {
	scen scenario.Scenario
	runs []*sim.Run
	// trackers measure each run's test loss and sharpness, row by row
	// (network scenarios; nil for surfaces).
	trackers []*scenario.NetTracker
	playing  bool
	// rush plays to the end as fast as the frame budget allows (G on a
	// network, whose steps are too slow to run all at once).
	rush bool
	// stepCost is what a step of every run (with its tracking) costs.
	stepCost jobCost
	carry    float64 // fractional iterations owed by the clock
	flags    flags
	notice   string
	// changed is set when the scenario's text form must be published.
	changed bool
	// version counts scenario changes that need the surface redrawn.
	surfaceVersion int
}

// newState opens the scenario of a link; a malformed link opens the default
// scenario with a notice saying what was wrong.
func newState(text string) *state {
	s := &state{}
	text = strings.TrimPrefix(text, "#")
	scen := scenario.Default()
	if text != "" {
		if sc, err := scenario.Decode(text); err != nil {
			s.notice = err.Error() + " — showing the default scenario instead."
		} else {
			scen = sc
		}
	}
	s.setScenario(scen)
	return s
}

// setScenario replaces the scenario and restarts every run.
func (s *state) setScenario(sc scenario.Scenario) {
	s.scen = sc
	s.flags = parseFlags(sc.UI)
	s.surfaceVersion++
	s.restart()
}

// restart rebuilds the runs from the scenario's start. A scenario whose
// runs could not fit in the memory budget is shortened first, with a
// notice.
func (s *state) restart() {
	if sc, msg := s.scen.Clamp(scenario.Budget); msg != "" {
		s.scen, s.notice = sc, msg
	}
	s.runs = s.scen.NewRuns()
	s.trackers = newTrackers(s.scen, s.runs)
	s.carry = 0
	s.rush = false
	s.changed = true
}

// setStart moves the start point of every panel and restarts them.
func (s *state) setStart(x, y float64) {
	s.scen.Start = []float64{x, y}
	s.restart()
}

// setFlags changes the view toggles.
func (s *state) setFlags(f flags) {
	s.flags = f
	s.scen.UI = f.String()
	s.changed = true
}

// setView changes the view window (nil: the surface's default).
func (s *state) setView(w *surfaces.Window) {
	s.scen.View = w
	s.changed = true
}

// view is the window being drawn.
func (s *state) view() surfaces.Window { return s.scen.ViewWindow() }

// done reports whether every run has ended or used its budget.
func (s *state) done() bool {
	for _, r := range s.runs {
		if !r.Done && len(r.Trace) <= s.scen.Steps {
			return false
		}
	}
	return true
}

// stepAll advances every unfinished run by one iteration (and its tracker
// with it).
func (s *state) stepAll() {
	for _, r := range s.runs {
		if len(r.Trace) <= s.scen.Steps {
			r.Step()
		}
	}
}

// tick advances the clock by dt seconds while playing, spending at most
// about budget on steps: when the steps (with their tracking) cost more,
// the clock slows down rather than the frames. It stops playing when every
// run is done.
func (s *state) tick(dt float64, budget time.Duration) {
	if !s.playing {
		return
	}
	deadline := time.Now().Add(budget)
	s.carry += dt * speeds[s.flags.speed]
	for n := 0; (s.carry >= 1 || s.rush) && n < 1000 && !s.done(); n++ {
		if !s.stepCost.fits(deadline, 100*time.Millisecond) {
			s.carry = math.Min(s.carry, 1) // behind: drop what is owed
			break
		}
		s.carry = math.Max(0, s.carry-1)
		t0 := time.Now()
		s.stepAll()
		s.stepCost.since(t0)
	}
	if s.done() {
		s.playing = false
		s.rush = false
		s.carry = 0
	}
}
