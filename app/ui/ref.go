package ui

import "strconv"

// Ref refers to an element of a list of Ts by its index, or to none: it
// holds the index plus one, so that its zero value is none and a field
// that refers to nothing needs no initializing. T only keeps refs to
// different lists apart (a widget's is not a panel's).
type Ref[T any] int

// RefTo returns the ref of element i.
func RefTo[T any](i int) Ref[T] { return Ref[T](i + 1) }

// Index returns the element's index, and false for none.
func (r Ref[T]) Index() (int, bool) { return int(r) - 1, r > 0 }

// Is reports whether r refers to element i.
func (r Ref[T]) Is(i int) bool { return int(r) == i+1 }

func (r Ref[T]) String() string {
	if r <= 0 {
		return "none"
	}
	return strconv.Itoa(int(r) - 1)
}

// Refs to the widgets and the panels.
type (
	WidgetRef = Ref[Widget]
	PanelRef  = Ref[PanelRects]
)
