// Package render draws curvlab's pictures onto *ebiten.Image: heatmaps,
// contour lines, paths, dots, arrows, dashed lines, curvature ellipses and
// hyperbolas, text and small line plots. It draws plain data (numbers,
// interleaved x, y slices, 2×2 matrices, colours) and never runs an
// optimizer; it does not import curvlab/sim.
//
// The display-free half lives in curvlab/render/geom (view transform,
// colormap, heatmap pixel fill, marching squares, ticks, curvature level
// sets, clipping) and is tested without a display. Package render imports
// ebiten, which panics at init without one: run its tests under Xvfb
// (xvfb-run -a go test ./render/).
//
// # Conventions
//
// Coordinates: a drawing call takes a *geom.View; with a view, points are
// world coordinates (y up) mapped through it, with nil they are device
// pixels of dst. Polylines are interleaved x, y slices; a NaN pair (or any
// non-finite coordinate) breaks the line there, so a NaN is never drawn as a
// number. Colours are color.RGBA, alpha-premultiplied as in image/color
// (use Alpha to fade one). Widths and sizes are device pixels: multiply by
// the device scale factor for hi-DPI.
//
// Buffers: a Painter, Heatmap or Plot keeps its vertex, index, pixel and
// point buffers between frames, so drawing allocates nothing in steady state.
// Keep one of each per panel, and draw from the game's Draw only (the text
// face cache is not safe for concurrent use).
package render
