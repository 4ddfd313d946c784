package scene

import (
	"curvlab/lang"
	"strings"
	"time"

	"curvlab/engine"
	"curvlab/sim"
	"curvlab/sim/scenario"
	"curvlab/sim/surfaces"
)

// Speeds the clock can run at, in iterations per second.
var Speeds = []float64{1, 2, 5, 10, 20, 50, 100, 200}

const DefaultSpeed = 3 // index into speeds: 10 iterations per second

// Flags are the view toggles; they live in the scenario's opaque UI field so
// that a link reproduces them. Each letter present turns a default around.
// A digit sets the playing speed (an index into speeds).
type Flags struct {
	HideEllipses, HideTrials, HideContours, Overlay bool
	// PCA slices a network's loss along the principal components of the
	// paths instead of the top Hessian eigenvectors.
	PCA bool
	// TapClass0: a tap on a network's input plane adds a point of class 0
	// (teal) instead of class 1 (amber).
	TapClass0 bool
	// Basins colours each start of a surface panel by where its method
	// goes from there (package explore) in place of the surface.
	Basins bool
	// Sweep shows each surface panel's method swept over its step size.
	Sweep bool
	// StepModel draws the model each method's last step minimized, through
	// the step's end, beside the true level set there.
	StepModel bool
	// Eigen shows, in the curvature plot, the models' eigenvalues beside
	// the true Hessian's instead of the models' relative error.
	Eigen bool
	// The embedding flags (a figure in a course page, see README
	// "Embedding in a course page"): HideToolbar hides the toolbar (the
	// scene takes its room; Space still plays and pauses, a tap on a
	// panel too); Locked hides every editor, so the viewer cannot change
	// the scenario (no panel-header buttons, no popup that edits, no
	// start set by a click, no points added); HidePlots hides the plots
	// beside the panels (the panels take their room); HideReadouts the
	// numbers under the panels; FixedView fixes the view (no pan, zoom,
	// pinch or 3D turn, by pointer or key); PageWheel leaves the wheel to
	// the page around the app (a course page scrolls over the figure) and
	// never zooms.
	HideToolbar, Locked, HidePlots, HideReadouts, FixedView, PageWheel bool
	// Projector draws in the projector's theme: dark ink on a light
	// ground, type half as large again (ui.Projector).
	Projector bool
	Speed     int
}

// letters ties each toggle of f to its letter in the link, in the order
// String writes them.
func (f *Flags) letters() [17]struct {
	c  byte
	on *bool
} {
	return [...]struct {
		c  byte
		on *bool
	}{{'e', &f.HideEllipses}, {'t', &f.HideTrials}, {'c', &f.HideContours}, {'o', &f.Overlay}, {'p', &f.PCA},
		{'k', &f.TapClass0}, {'b', &f.Basins}, {'w', &f.Sweep}, {'m', &f.StepModel}, {'l', &f.Eigen},
		{'h', &f.HideToolbar}, {'r', &f.Locked}, {'g', &f.HidePlots}, {'n', &f.HideReadouts}, {'f', &f.FixedView}, {'s', &f.PageWheel},
		{'a', &f.Projector}}
}

func ParseFlags(u string) Flags {
	f := Flags{Speed: DefaultSpeed}
	for _, l := range f.letters() {
		*l.on = strings.IndexByte(u, l.c) >= 0
	}
	for i := 0; i < len(u); i++ {
		if d := int(u[i] - '0'); d >= 0 && d < len(Speeds) {
			f.Speed = d
		}
	}
	return f
}

func (f Flags) String() string {
	var b strings.Builder
	for _, l := range f.letters() {
		if *l.on {
			b.WriteByte(l.c)
		}
	}
	if f.Speed != DefaultSpeed {
		b.WriteByte(byte('0' + f.Speed))
	}
	return b.String()
}

// State is what the app shows: one scenario, its runs, and the clock.
// Every change to the scenario goes through setScenario or a method that
// marks it changed, so the link always matches the screen. The runs are
// computed by the engine (in a worker, on a goroutine, or in the page);
// runs and trackers are its client's mirrors of them.
type State struct {
	Scen scenario.Scenario
	Eng  *engine.Client
	Runs []*sim.Run
	// Trackers hold each run's test loss and sharpness, row by row
	// (network scenarios; nil for surfaces).
	Trackers []*scenario.NetTracker
	Playing  bool
	// Rush plays to the end as fast as the engine computes (G).
	Rush   bool
	carry  float64 // fractional iterations owed by the clock
	Flags  Flags
	Notice string
	// Changed is set when the scenario's text form must be published.
	Changed bool
	// version counts scenario changes that need the surface redrawn.
	SurfaceVersion int
	shown          []*sim.Run // Runs while ShowUpto shows an earlier row
}

// NewState opens the scenario of a link, computed by eng; a malformed link
// opens the default scenario with a notice saying what was wrong.
func NewState(text string, eng *engine.Client) *State {
	s := &State{Eng: eng}
	text = strings.TrimPrefix(text, "#")
	scen := scenario.Default()
	if text != "" {
		if sc, err := scenario.Decode(text); err != nil {
			s.Notice = err.Error() + " — showing the default scenario instead."
		} else {
			scen = sc
		}
	}
	s.SetScenario(scen)
	if ref := scen.Lesson; ref != (scenario.LessonRef{}) {
		if l, err := ref.Lesson(); err == nil { // Decode checked it
			s.computeTo(l.Steps[ref.Step-1].Iter)
		}
	}
	return s
}

// OpenStep shows step k (1-based) of lesson l. A step with a scenario of
// its own opens it; a step without keeps the scenario on screen, unless
// the step shows an iteration the runs on screen are not at (they changed,
// or went past it), when the step's scenario opens again. A step's
// iteration is then computed, paused, so the numbers its text speaks of
// are on screen.
func (s *State) OpenStep(l scenario.Lesson, k int) error {
	want, err := l.StepScenario(k)
	if err != nil {
		return err
	}
	step := l.Steps[k-1]
	here := s.Scen.Clone()
	here.Lesson, here.Lang = want.Lesson, want.Lang
	rows := max(s.Eng.Wanted(), s.Eng.Rows())
	if step.Link == "" && (step.Iter == 0 || here.Equal(want) && rows <= step.Iter+1) {
		s.Scen.Lesson = want.Lesson
		s.Changed = true
	} else {
		s.SetScenario(want)
	}
	s.computeTo(step.Iter)
	return nil
}

// LeaveLesson stops following the lesson, keeping the scenario.
func (s *State) LeaveLesson() {
	s.Scen.Lesson = scenario.LessonRef{}
	s.Changed = true
}

// computeTo has the runs computed up to iteration iter (within the
// budget), paused there; iter 0 leaves them as they are.
func (s *State) computeTo(iter int) {
	if iter > 0 {
		s.Playing, s.Rush = false, false
		s.Eng.Want(min(iter, s.Scen.Steps) + 1)
	}
}

// Solid reports whether surface panel i draws the surface in 3D (the
// overlay's one panel: as panel 0 does). In the overlay, run i's panel is
// panel 0, so Solid(k) also says whether run k is drawn in 3D.
func (s *State) Solid(i int) bool {
	sol := s.Scen.Solid
	if s.Flags.Overlay {
		i = 0
	}
	return i >= 0 && i < len(sol.Panels) && sol.Panels[i]
}

// SetSolid sets which panels are in 3D and the camera.
func (s *State) SetSolid(v scenario.View3D) {
	s.Scen.Solid = v
	s.Changed = true
}

// SetScenario replaces the scenario and restarts every run. A scenario
// that names a language (a link's lang=zh) switches the app to it; one
// that does not (a lesson's, a link without) keeps the language in use.
func (s *State) SetScenario(sc scenario.Scenario) {
	if sc.Lang != lang.English {
		lang.Use(sc.Lang)
	}
	sc.Lang = lang.Current()
	s.Scen = sc
	s.Flags = ParseFlags(sc.UI)
	s.SurfaceVersion++
	s.Restart()
}

// Restart has the engine start the runs again from the scenario's start
// (dropping what it computed of the old ones). A scenario whose runs could
// not fit in the memory budget is shortened first, with a notice.
func (s *State) Restart() {
	if sc, msg := s.Scen.Clamp(scenario.Budget); msg != "" {
		s.Scen, s.Notice = sc, msg
	}
	if sc, msg := s.Scen.FitTraining(); msg != "" {
		s.Scen, s.Notice = sc, msg
	}
	if sc, msg := s.Scen.FitSweep(); msg != "" {
		s.Scen, s.Notice = sc, msg
	}
	s.Eng.Open(s.Scen)
	s.Runs, s.Trackers = s.Eng.Runs(), s.Eng.Trackers()
	s.carry = 0
	s.Rush = false
	s.Changed = true
}

// SetStart moves the start point of every panel and restarts them.
func (s *State) SetStart(x, y float64) {
	s.Scen.Start = []float64{x, y}
	s.Restart()
}

// SetFlags changes the view toggles.
func (s *State) SetFlags(f Flags) {
	s.Flags = f
	s.Scen.UI = f.String()
	s.Changed = true
}

// SetView changes the view window (nil: the surface's default).
func (s *State) SetView(w *surfaces.Window) {
	s.Scen.View = w
	s.Changed = true
}

// View is the window being drawn.
func (s *State) View() surfaces.Window { return s.Scen.ViewWindow() }

// ShowUpto has the scenes draw the runs as they stood when they had rows
// rows (a frame of an animation: Runs become views, sim.Run.Upto); rows 0
// shows them as they are again. While it shows an earlier row the clock
// must stand: the views are valid until the runs grow.
func (s *State) ShowUpto(rows int) {
	all := s.Eng.Runs()
	if rows <= 0 {
		s.Runs = all
		return
	}
	if len(s.shown) != len(all) {
		s.shown = make([]*sim.Run, len(all))
	}
	for k, r := range all {
		s.shown[k] = r.Upto(rows)
	}
	s.Runs = s.shown
}

// Done reports whether every run has ended or used its budget.
func (s *State) Done() bool { return s.Eng.Done() }

// StepAll asks for one more iteration of every unfinished run, and takes
// the rows that have come, computing them first when the engine computes
// in the page.
func (s *State) StepAll() {
	s.Eng.Want(max(s.Eng.Wanted(), s.Eng.Rows()) + 1)
	s.Sync(time.Now().Add(FrameWork))
}

// Sync sends what the engine was asked and takes the rows that have come,
// until deadline where the engine computes in the page.
func (s *State) Sync(deadline time.Time) {
	if msg := s.Eng.Update(deadline); msg != "" {
		s.Notice = msg
	}
}

// lead is how many rows the clock may ask for ahead of those at hand: a
// quarter second's worth, so the clock waits for an engine slower than it
// instead of running ahead.
func (s *State) lead() int { return max(1, int(Speeds[s.Flags.Speed]/4)) }

// Tick advances the clock by dt seconds while playing, asking the engine
// for the rows it owes, and takes the rows that have come (computing until
// deadline where the engine computes in the page). It stops playing when
// every run is done.
func (s *State) Tick(dt float64, deadline time.Time) {
	if s.Playing {
		if s.Rush {
			s.Eng.Want(s.Scen.Steps + 1)
		} else {
			s.carry += dt * Speeds[s.Flags.Speed]
			n := int(s.carry)
			s.carry -= float64(n)
			have := s.Eng.Rows()
			s.Eng.Want(min(max(s.Eng.Wanted(), have)+n, have+s.lead()))
		}
	}
	s.Sync(deadline)
	if s.Playing && s.Done() {
		s.Playing = false
		s.Rush = false
		s.carry = 0
	}
}
