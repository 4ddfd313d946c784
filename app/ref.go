package app

import "strconv"

// ref refers to an element of a list of Ts by its index, or to none: it
// holds the index plus one, so that its zero value is none and a field
// that refers to nothing needs no initializing. T only keeps refs to
// different lists apart (a widget's is not a panel's).
type ref[T any] int

// refTo returns the ref of element i.
func refTo[T any](i int) ref[T] { return ref[T](i + 1) }

// index returns the element's index, and false for none.
func (r ref[T]) index() (int, bool) { return int(r) - 1, r > 0 }

// is reports whether r refers to element i.
func (r ref[T]) is(i int) bool { return int(r) == i+1 }

func (r ref[T]) String() string {
	if r <= 0 {
		return "none"
	}
	return strconv.Itoa(int(r) - 1)
}

// Refs to the widgets (Game.widgets) and the panels (layout.panels).
type (
	widgetRef = ref[widget]
	panelRef  = ref[panelRects]
)

// runsShown is what a surface panel shows: one run, or every run on one
// surface (the overlay).
type runsShown struct {
	all bool // every run: the overlay
	run int  // else this one
}

// allRuns is the overlay's panel.
var allRuns = runsShown{all: true}

// oneRun is the panel of run k alone.
func oneRun(k int) runsShown { return runsShown{run: k} }

// shows reports whether run k is drawn.
func (s runsShown) shows(k int) bool { return s.all || s.run == k }

func (s runsShown) String() string {
	if s.all {
		return "all runs"
	}
	return "run " + strconv.Itoa(s.run+1)
}
