package surface

import (
	"curvlab/app/ui"
	"curvlab/render"
	"curvlab/render/geom"
	"curvlab/sim/surfaces"
)

// surfaceImage is the heatmap, contour lines and axis ticks of the surface
// in the current view, shared by every panel (they all show the same
// surface in the same window at the same size). It is recomputed only when
// the surface, the view or the panel size changes.
type surfaceImage struct {
	version int       // state.surfaceVersion it was computed for
	view    geom.View // the view (world window and screen size) it shows
	ok      bool
	step    int // the grid's spacing in pixels: 1, or more while coarse

	// The surface's minima and global minimum value, cached because
	// Surface.Minima builds a new slice.
	minima []surfaces.Minimum
	fstar  float64
	fknown bool

	vals     []float64
	grid     geom.Grid // where vals are sampled
	xs       []float64 // the grid's column positions
	heat     render.Heatmap
	scale    geom.HeatScale
	levels   []float64
	contours geom.Contours

	ticks ui.AxisTicks

	// computed counts the recomputations; layer holds the heatmap, contour
	// lines, minima and tick marks, which every panel copies.
	computed int
	layer    render.Layer[surfaceLayerKey]
}

// surfaceLayerKey is what the surface layer shows.
type surfaceLayerKey struct {
	computed int     // the heatmap, contours, minima and ticks, in view
	contours bool    // shown
	u        float64 // line widths
}

// contourCount is the number of contour levels drawn.
const contourCount = 14

// update recomputes the image for surf in view v if anything changed. Only
// the world window and the size of v's screen rectangle matter: panels at
// different places share the image. u is the size of a logical pixel (the
// ticks are spaced in logical pixels).
//
// After a change the values are first sampled on a coarse grid (see
// coarseStep) and drawn smoothed; the next call, if nothing changed again,
// samples every pixel. So the page's first frame, and every frame of a pan
// or a pinch, costs a fraction of a full grid (about 100 ms of the first
// frame in the browser, whose WebAssembly is still unoptimized then, by
// internal/webprof); the sharp image follows a frame later.
func (si *surfaceImage) update(surf surfaces.Surface, version int, v geom.View, u float64) {
	w, h := int(v.Screen.W), int(v.Screen.H)
	v.Screen.X, v.Screen.Y = 0, 0
	changed := !si.ok || si.version != version || si.view != v
	if !changed && si.step <= 1 {
		return
	}
	if !si.ok || si.version != version {
		si.minima = surf.Minima()
		si.fstar, si.fknown = globalMin(si.minima)
	}
	si.version, si.view, si.ok = version, v, true
	si.computed++
	si.step = 1
	if changed {
		si.step = coarseStep(w, h)
	}
	if w < 2 || h < 2 {
		si.step = 1
		return
	}
	// A grid of cells step pixels wide (the last ones a little narrower),
	// stretched over the whole panel.
	w, h = (w+si.step-1)/si.step, (h+si.step-1)/si.step
	grid := v.Grid(w, h)
	si.grid = grid
	if cap(si.vals) < w*h {
		si.vals = make([]float64, w*h)
	}
	si.vals = si.vals[:w*h]
	if cap(si.xs) < w {
		si.xs = make([]float64, w)
	}
	xs := si.xs[:w]
	for i := range xs {
		xs[i] = grid.X(i)
	}
	for j := 0; j < h; j++ {
		sampleRow(si.vals[j*w:(j+1)*w], surf, xs, grid.Y(j))
	}
	if changed {
		// The refinement keeps the coarse grid's colour scale and contour
		// levels, so that it only sharpens the picture: the full grid's
		// range differs a little (its cells reach closer to the edges),
		// which would move every contour line.
		si.scale = geom.AutoScale(si.vals)
		si.levels = si.scale.Levels(si.levels[:0], contourCount)
		si.ticks.Update(v, u)
	}
	si.heat.Smooth = si.step > 1
	si.heat.Set(si.vals, w, h, si.scale)
	si.contours.Compute(si.vals, grid, si.levels)
}

// coarseSamples is about the number of values a coarse grid holds.
const coarseSamples = 16000

// coarseStep returns the spacing in pixels of the coarse grid for a w×h
// panel: 1 (no coarse grid) for panels of up to about coarseSamples pixels.
func coarseStep(w, h int) int {
	step := 1
	for w*h > coarseSamples*step*step {
		step++
	}
	return step
}

// sampleRow sets row[i] to surf's value at (xs[i], y). It is a function
// of its own so that in the browser, where WebAssembly code starts
// unoptimized and a function called often is optimized in the background
// for its next calls, the rows after the first few run optimized.
//
//go:noinline
func sampleRow(row []float64, surf surfaces.Surface, xs []float64, y float64) {
	if rf, ok := surf.(surfaces.RowFunc); ok { // a typed formula: the tape once a row
		rf.Row(row, xs, y)
		return
	}
	x := [2]float64{0, y}
	for i := range row {
		x[0] = xs[i]
		row[i] = surf.Func(x[:])
	}
}
