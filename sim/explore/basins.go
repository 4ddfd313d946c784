// Package explore computes the pictures that show what a method does from
// everywhere and for every setting: basins of attraction (which minimum a
// method reaches from each start of a grid). It needs no display: the app
// draws what it computes, the CLI prints it.
package explore

import (
	"fmt"
	"math"

	"curvlab/sim"
	"curvlab/sim/surfaces"
)

// Outcome is where a run from one start ended.
type Outcome int

const (
	// NotConverged: the budget ran out before ‖g‖ reached the tolerance.
	NotConverged Outcome = iota
	// Minimum: it converged at one of the surface's known minima (Basin.Minimum says which).
	Minimum
	// Stationary: it converged, but at none of the known minima (another
	// stationary point: a saddle, a maximum, a minimum the surface does
	// not list).
	Stationary
	// Diverged: a value became NaN or ±Inf, or the iterate ran away.
	Diverged
)

var outcomeNames = [...]string{NotConverged: "not converged", Minimum: "minimum", Stationary: "another stationary point", Diverged: "diverged"}

func (o Outcome) String() string {
	if o >= 0 && int(o) < len(outcomeNames) {
		return outcomeNames[o]
	}
	return fmt.Sprintf("Outcome(%d)", int(o))
}

// Basin is the fate of one start: its outcome, which minimum (an index
// into the surface's Minima, when Outcome is Minimum) and the iterations
// the run took.
type Basin struct {
	Outcome    Outcome
	Minimum    int
	Iterations int
}

// Code is the CLI's number for b: the 1-based index of its minimum, 0 for
// none of them (another stationary point, or not converged), −1 diverged.
func (b Basin) Code() int {
	switch b.Outcome {
	case Minimum:
		return b.Minimum + 1
	case Diverged:
		return -1
	}
	return 0
}

// Settings of a basin picture.
type Settings struct {
	Steps int     // the budget of each run
	Tol   float64 // convergence: ‖g‖ ≤ Tol
}

// Limits of a basin picture.
const (
	MaxGrid  = 1024
	MaxSteps = 10000
)

// Check checks a grid of n×n starts and the settings.
func Check(n int, s Settings) error {
	switch {
	case n < 2 || n > MaxGrid:
		return fmt.Errorf("the grid is %d starts a side, want 2 to %d", n, MaxGrid)
	case s.Steps < 1 || s.Steps > MaxSteps:
		return fmt.Errorf("%d steps a start, want 1 to %d", s.Steps, MaxSteps)
	case !(s.Tol > 0 && s.Tol <= 1):
		return fmt.Errorf("the tolerance %v must be in (0, 1]: a run must be able to converge", s.Tol)
	}
	return nil
}

// Start is the start of cell (i, j) of an nx×ny grid over window w: the
// centre of the cell, column i from the left, row j from the top (as a
// picture's pixels).
func Start(w surfaces.Window, nx, ny, i, j int) (x, y float64) {
	return w.XMin + (float64(i)+0.5)*(w.XMax-w.XMin)/float64(nx), w.YMax - (float64(j)+0.5)*(w.YMax-w.YMin)/float64(ny)
}

// Classify runs the method of spec on surf from (x, y) for at most
// s.Steps iterations and says where it ended. A run that converged is at
// minimum k of minima when it ends within reach of it (Reach: 1e-4 of the
// view's size; the surfaces' minima are given to more digits than that,
// and a converged run's error, about ‖g‖/λ, is far below it); a run that
// stalled or ran out of steps is NotConverged.
func Classify(surf surfaces.Surface, minima []surfaces.Minimum, spec sim.Spec, x, y float64, s Settings, reach float64) Basin {
	r := sim.NewRun(surf, spec.New(), []float64{x, y}, sim.RunOptions{Tol: s.Tol, Budget: s.Steps, VectorLimit: 64})
	for i := 0; i < s.Steps && r.Step(); i++ {
	}
	last := &r.Trace[len(r.Trace)-1]
	b := Basin{Iterations: last.Iter}
	switch {
	case last.Events&sim.EventDiverged != 0:
		b.Outcome = Diverged
	case last.Events&sim.EventConverged != 0:
		b.Outcome = Stationary
		xk := r.State.X
		best := reach
		for k, m := range minima {
			if d := math.Hypot(xk[0]-m.X, xk[1]-m.Y); d <= best {
				b.Outcome, b.Minimum, best = Minimum, k, d
			}
		}
	}
	return b
}

// Reach is how near to a minimum a converged run must end to be counted
// as reaching it, for view w: 1e-4 of the view's larger side.
func Reach(w surfaces.Window) float64 { return 1e-4 * math.Max(w.XMax-w.XMin, w.YMax-w.YMin) }

// Basins classifies the starts of an nx×ny grid over w, row by row from
// the top, into dst (nx·ny cells, cell (i, j) at j·nx + i).
func Basins(dst []Basin, surf surfaces.Surface, spec sim.Spec, w surfaces.Window, nx, ny int, s Settings) {
	minima := surf.Minima()
	reach := Reach(w)
	for j := range ny {
		Row(dst[j*nx:(j+1)*nx], surf, minima, spec, w, nx, ny, j, s, reach)
	}
}

// Row classifies the starts of row j of an nx×ny grid over w into dst
// (nx cells).
func Row(dst []Basin, surf surfaces.Surface, minima []surfaces.Minimum, spec sim.Spec, w surfaces.Window, nx, ny, j int, s Settings, reach float64) {
	for i := range nx {
		x, y := Start(w, nx, ny, i, j)
		dst[i] = Classify(surf, minima, spec, x, y, s, reach)
	}
}
