// Package geom is the display-free half of curvlab's render package: view
// transforms, the colormap and heatmap pixel fill, marching-squares contours,
// axis ticks, curvature level sets and segment clipping. It imports neither
// ebiten nor curvlab/sim, so its tests run anywhere (including js/wasm under
// node), while package render, which draws with ebiten, needs a display.
//
// # Conventions
//
// World coordinates have y up; screen coordinates are device pixels with y
// down. Polylines are flat []float64 slices of interleaved x, y pairs; a NaN
// pair breaks a polyline into separate runs. Functions that produce slices
// take a destination first and return it extended (append style), so callers
// reuse buffers and nothing allocates per frame in steady state. Symmetric
// 2×2 matrices are row-major [4]float64.
package geom
