package app

import (
	"image/color"
	"time"

	"curvlab/app/ui"
	"curvlab/render/geom"
	"curvlab/sim"
	"curvlab/sim/scenario"

	"github.com/hajimehoshi/ebiten/v2"
)

// scene draws one kind of scenario (a surface, a network) and owns what
// only that kind has: its layout below the toolbar, the caches of what it
// draws, its readouts, its editor and its part of help. The Game keeps the
// clock, the input, the host, the toolbar and the popups, and asks the
// current scene for the rest. Every method gets the state it works on.
type scene interface {
	// layout places n panels, and the scene's own plots, in main.
	layout(m *ui.Metrics, main geom.Rect, n int) []ui.PanelRects
	// panelCount is the number of panels st shows.
	panelCount(st *state) int
	// update brings what the scene draws up to date with st's runs,
	// spending at most until deadline on work of its own.
	update(st *state, panels []ui.PanelRects, deadline time.Time)
	// draw draws the panels and plots onto dst and queues their text.
	draw(dst *ebiten.Image, st *state, panels []ui.PanelRects)
	// status is what panel k's header says about its run.
	status(k int) (string, color.RGBA)
	// headers reports whether the panels have headers (an overlay has none).
	headers(st *state) bool
	// view is the world window of a panel's plot rectangle r.
	view(st *state, r geom.Rect) geom.View
	// explorable reports whether a panel's plane is the objective's own:
	// a click there starts the runs, a drag pans, the wheel zooms.
	explorable() bool
	// tools adapts the toolbar's items to the scene.
	tools(st *state, items []toolItem) []toolItem
	// objective is the toolbar's button for what the methods minimize.
	objective(st *state, open popupKind) toolItem
	// editor builds the scene's editor (the surface's, or the network's)
	// into f.
	editor(st *state, f *ui.Form)
	// params are the rows of the editor after its first (the keyboard's
	// rows 1, 2, …), with their values.
	params(st *state) ([]sim.Param, []float64)
	// setParam sets editor row i+1's parameter to v, restarting the runs.
	setParam(st *state, i int, v float64)
	// lambdaMax is the largest Hessian eigenvalue at the start of panel
	// k's run, which sets a fixed step's stability line (NaN if unknown).
	lambdaMax(st *state, k int) float64
	// hint is the status line's hint at what one can do.
	hint(touch bool) string
	// legend explains the drawing, for help.
	legend() []string
	// now is help's lines on row s of a run.
	now(s *sim.Row) []string
	// iterateRows are run r's rows for automated checks.
	iterateRows(r *sim.Run) [][]float64
}

// sceneFor returns the scene that draws scenarios of kind k.
func (g *Game) sceneFor(k scenario.Kind) scene {
	if k == scenario.KindNetwork {
		return g.network
	}
	return g.surfaces
}

// plotFont is the plots' font size before their scale u: that of the tick
// labels (12.5 logical pixels, rounded to whole device pixels), so that
// both share one face and its glyph images.
func plotFont(m *ui.Metrics) float64 { return m.Small / m.U }
