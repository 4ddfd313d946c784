package app

import (
	"strings"
	"time"

	"curvlab/engine"
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
// marks it changed, so the link always matches the screen. The runs are
// computed by the engine (in a worker, on a goroutine, or in the page);
// runs and trackers are its client's mirrors of them.
type state struct {
	scen scenario.Scenario
	eng  *engine.Client
	runs []*sim.Run
	// trackers hold each run's test loss and sharpness, row by row
	// (network scenarios; nil for surfaces).
	trackers []*scenario.NetTracker
	playing  bool
	// rush plays to the end as fast as the engine computes (G).
	rush   bool
	carry  float64 // fractional iterations owed by the clock
	flags  flags
	notice string
	// changed is set when the scenario's text form must be published.
	changed bool
	// version counts scenario changes that need the surface redrawn.
	surfaceVersion int
}

// newState opens the scenario of a link, computed by eng; a malformed link
// opens the default scenario with a notice saying what was wrong.
func newState(text string, eng *engine.Client) *state {
	s := &state{eng: eng}
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

// restart has the engine start the runs again from the scenario's start
// (dropping what it computed of the old ones). A scenario whose runs could
// not fit in the memory budget is shortened first, with a notice.
func (s *state) restart() {
	if sc, msg := s.scen.Clamp(scenario.Budget); msg != "" {
		s.scen, s.notice = sc, msg
	}
	s.eng.Open(s.scen)
	s.runs, s.trackers = s.eng.Runs(), s.eng.Trackers()
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
func (s *state) done() bool { return s.eng.Done() }

// stepAll asks for one more iteration of every unfinished run, and takes
// the rows that have come, computing them first when the engine computes
// in the page.
func (s *state) stepAll() {
	s.eng.Want(max(s.eng.Wanted(), s.eng.Rows()) + 1)
	s.sync(time.Now().Add(frameWork))
}

// sync sends what the engine was asked and takes the rows that have come,
// until deadline where the engine computes in the page.
func (s *state) sync(deadline time.Time) {
	if msg := s.eng.Update(deadline); msg != "" {
		s.notice = msg
	}
}

// lead is how many rows the clock may ask for ahead of those at hand: a
// quarter second's worth, so the clock waits for an engine slower than it
// instead of running ahead.
func (s *state) lead() int { return max(1, int(speeds[s.flags.speed]/4)) }

// tick advances the clock by dt seconds while playing, asking the engine
// for the rows it owes, and takes the rows that have come (computing until
// deadline where the engine computes in the page). It stops playing when
// every run is done.
func (s *state) tick(dt float64, deadline time.Time) {
	if s.playing {
		if s.rush {
			s.eng.Want(s.scen.Steps + 1)
		} else {
			s.carry += dt * speeds[s.flags.speed]
			n := int(s.carry)
			s.carry -= float64(n)
			have := s.eng.Rows()
			s.eng.Want(min(max(s.eng.Wanted(), have)+n, have+s.lead()))
		}
	}
	s.sync(deadline)
	if s.playing && s.done() {
		s.playing = false
		s.rush = false
		s.carry = 0
	}
}
