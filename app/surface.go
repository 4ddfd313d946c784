package app

import (
	"curvlab/render"
	"curvlab/render/geom"
	"curvlab/sim"
)

// surfaceImage is the heatmap, contour lines and axis ticks of the surface
// in the current view, shared by every panel (they all show the same
// surface in the same window at the same size). It is recomputed only when
// the surface, the view or the panel size changes.
type surfaceImage struct {
	version int       // state.surfaceVersion it was computed for
	view    geom.View // the view (world window and screen size) it shows
	ok      bool

	// The surface's minima and global minimum value, cached because
	// Surface.Minima builds a new slice.
	minima []sim.Minimum
	fstar  float64
	fknown bool

	vals     []float64
	xs       []float64 // the grid's column positions
	heat     render.Heatmap
	scale    geom.HeatScale
	levels   []float64
	contours geom.Contours

	ticks axisTicks

	// computed counts the recomputations; layer holds the heatmap, contour
	// lines, minima and tick marks drawn for computation drawn.computed,
	// which every panel copies.
	computed int
	layer    render.Layer
	drawn    surfaceLayerKey
}

// surfaceLayerKey is what the surface layer was drawn for.
type surfaceLayerKey struct {
	computed int
	contours bool
	u        float64 // line widths
}

// contourCount is the number of contour levels drawn.
const contourCount = 14

// update recomputes the image for surf in view v if anything changed. Only
// the world window and the size of v's screen rectangle matter: panels at
// different places share the image. u is the size of a logical pixel (the
// ticks are spaced in logical pixels).
func (si *surfaceImage) update(surf sim.Surface, version int, v geom.View, u float64) {
	w, h := int(v.Screen.W), int(v.Screen.H)
	v.Screen.X, v.Screen.Y = 0, 0
	if si.ok && si.version == version && si.view == v {
		return
	}
	if !si.ok || si.version != version {
		si.minima = surf.Minima()
		si.fstar, si.fknown = globalMin(si.minima)
	}
	si.version, si.view, si.ok = version, v, true
	si.computed++
	if w < 2 || h < 2 {
		return
	}
	grid := v.Grid(w, h)
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
	si.scale = geom.AutoScale(si.vals)
	si.heat.Set(si.vals, w, h, si.scale)
	si.levels = si.scale.Levels(si.levels[:0], contourCount)
	si.contours.Compute(si.vals, grid, si.levels)
	si.ticks.update(v, u)
}

// sampleRow sets row[i] to surf's value at (xs[i], y). It is a function
// of its own so that in the browser, where WebAssembly code starts
// unoptimized and a function called often is optimized in the background
// for its next calls, the rows after the first few run optimized.
//
//go:noinline
func sampleRow(row []float64, surf sim.Surface, xs []float64, y float64) {
	x := [2]float64{0, y}
	for i := range row {
		x[0] = xs[i]
		row[i] = surf.Func(x[:])
	}
}
