// Package scene is what the app shares with its scenes, one per kind of
// scenario (app/surface, app/network): the State they show (the scenario,
// its runs mirrored from the engine, the clock and the view toggles), the
// Scene interface the Game asks, toolbar items, and the projected paths
// both kinds draw.
package scene

import (
	"curvlab/lang"
	"image/color"
	"strings"
	"time"

	"curvlab/app/ui"
	"curvlab/render/geom"
	"curvlab/sim"
	"curvlab/sim/surfaces"

	"github.com/hajimehoshi/ebiten/v2"
)

// Scene draws one kind of scenario (a surface, a network) and owns what
// only that kind has: its layout below the toolbar, the caches of what it
// draws, its readouts, its editor and its part of help. The Game keeps the
// clock, the input, the host, the toolbar and the popups, and asks the
// current scene for the rest. Every method gets the state it works on.
type Scene interface {
	// Layout places n panels, and the scene's own plots, in main.
	Layout(m *ui.Metrics, main geom.Rect, n int) []ui.PanelRects
	// PanelCount is the number of panels st shows.
	PanelCount(st *State) int
	// Update brings what the scene draws up to date with st's runs,
	// spending at most until deadline on work of its own.
	Update(st *State, panels []ui.PanelRects, deadline time.Time)
	// Draw draws the panels and plots onto dst and queues their text.
	Draw(dst *ebiten.Image, st *State, panels []ui.PanelRects)
	// Pending reports whether, as of the last frame drawn, something the
	// scene shows is not yet computed or drawn whole for st's current rows
	// (a sharp surface, a trail, a decision map, a spectrum, the loss
	// slice): the frames to come still change the picture though the runs
	// stand still.
	Pending(st *State) bool
	// Status is what panel k's header says about its run.
	Status(k int) (string, color.RGBA)
	// Readout is panel k's readout as last drawn, a line a string.
	Readout(k int) []string
	// Headers reports whether the panels have headers (an overlay has none).
	Headers(st *State) bool
	// View is the world window of a panel's plot rectangle r.
	View(st *State, r geom.Rect) geom.View
	// Explorable reports whether a panel's plane is the objective's own:
	// a click there starts the runs, a drag pans, the wheel zooms.
	Explorable() bool
	// DataPlanes are the views of the planes on which the scene shows its
	// data (a network's panels, a line fit's points), none if it has none:
	// there a tap adds a point, a drag moves one, a long press or a right
	// click deletes one (see EditPoints).
	DataPlanes(st *State, panels []ui.PanelRects) []geom.View
	// PointNear is the index of the data point nearest to (x, y) of the
	// data's plane within r, −1 if none is.
	PointNear(st *State, x, y, r float64) int
	// EditPoints adds, moves or deletes a point of the data, which become
	// the user's own, and restarts the runs; an edit that would leave data
	// a scenario cannot hold changes nothing and says why in st's notice.
	EditPoints(st *State, e PointEdit)
	// DataCSV is the scene's data as a CSV file, and a name for the file
	// ("" for both when it has none).
	DataCSV(st *State) (name, text string)
	// Tools adapts the toolbar's items to the scene.
	Tools(st *State, items []ToolItem) []ToolItem
	// Explores reports whether the Explore menu's action a applies to the
	// scene (a network has no basins, overlay or 3D view).
	Explores(a ui.Action) bool
	// Objective is the toolbar's button for what the methods minimize;
	// open reports whether its editor is open.
	Objective(st *State, open bool) ToolItem
	// Editor builds the scene's editor (the surface's, or the network's)
	// into f.
	Editor(st *State, f *ui.Form)
	// Field is the editor's text field (a surface's formula), nil if it
	// has none.
	Field() *ui.TextField
	// FieldChanged takes what was typed into Field: the scene applies it
	// to st, or keeps st and says what is wrong (FieldError, also shown in
	// its editor).
	FieldChanged(st *State)
	// FieldError is what is wrong with what Field holds ("" if nothing).
	FieldError() string
	// Params are the rows of the editor after its first (the keyboard's
	// rows 1, 2, …), with their values.
	Params(st *State) ([]sim.Param, []float64)
	// SetParam sets editor row i+1's parameter to v, restarting the runs.
	SetParam(st *State, i int, v float64)
	// LambdaMax is the largest Hessian eigenvalue at the start of panel
	// k's run, which sets a fixed step's stability line (NaN if unknown).
	LambdaMax(st *State, k int) float64
	// Hint is the status line's hint at what one can do.
	Hint(touch bool) string
	// Legend explains the drawing, for help.
	Legend() []string
	// Now is help's lines on row s of a run.
	Now(s *sim.Row) []string
	// IterateRows are run r's rows for automated checks.
	IterateRows(r *sim.Run) [][]float64
}

// PointEdit is an edit of a scene's data points: Add a point at (X, Y),
// Move point I there, or Delete point I.
type PointEdit struct {
	Op   PointOp
	I    int
	X, Y float64
}

// PointOp is what a PointEdit does.
type PointOp int

const (
	PointAdd PointOp = iota
	PointMove
	PointDelete
)

// NearestPoint is the index of the point of xy = (x₀, y₀, x₁, y₁, …)
// nearest to (x, y) and within r of it, −1 if none is.
func NearestPoint(xy []float64, x, y, r float64) int {
	near, best := -1, r*r
	for i := 0; i+1 < len(xy); i += 2 {
		dx, dy := xy[i]-x, xy[i+1]-y
		if d := dx*dx + dy*dy; d <= best {
			near, best = i/2, d
		}
	}
	return near
}

// PlotFont is the plots' font size before their scale u: that of the tick
// labels (12.5 logical pixels, rounded to whole device pixels), so that
// both share one face and its glyph images.
func PlotFont(m *ui.Metrics) float64 { return m.Small / m.U }

// FrameWork is the time a frame may spend stepping runs and computing
// what they draw (the rest of a 30 fps frame is for drawing).
const FrameWork = 12 * time.Millisecond

// ToolItem is a toolbar button: its label, what it does, whether it
// shows as on, and whether it starts a group.
type ToolItem struct {
	Label string
	Act   ui.Action
	On    bool
	Gap   bool // starts a group: extra space before it; a group is never split between the bar and the menu
}

// NetChoice is the surface picker's entry for network scenarios.
const NetChoice = "network (MLP)"

// ObjectiveNames are the surface picker's choices: every surface, then the
// network.
func ObjectiveNames() []string {
	kinds := surfaces.Kinds()
	names := make([]string, len(kinds), len(kinds)+1)
	for i, k := range kinds {
		names[i] = k.Name
	}
	return append(names, NetChoice)
}

// RunStatus is what a panel's header says about its run at step s:
// diverged, converged, or the events of the step ("" for none). minimum
// tells whether the Hessian there is positive definite: g = 0 where it is
// not is a saddle or a maximum, not a minimum.
func RunStatus(s *sim.Step, minimum bool) (string, color.RGBA) {
	switch {
	case s.Events&sim.EventDiverged != 0:
		return lang.T("diverged"), ui.Bad
	case s.Events&sim.EventConverged != 0 && !minimum:
		return lang.T("stuck: not a minimum"), ui.Warn
	case s.Events&sim.EventConverged != 0:
		return lang.T("converged"), ui.Good
	case s.Events != 0:
		return EventsText(s.Events), ui.Warn
	}
	return "", ui.Ink
}

// EventsText names a step's events in the language in use, as
// sim.Event's String does in English.
func EventsText(e sim.Event) string {
	if lang.Current() == lang.English {
		return e.String()
	}
	names := e.Names()
	for i, n := range names {
		names[i] = lang.T(n)
	}
	return strings.Join(names, "; ")
}
