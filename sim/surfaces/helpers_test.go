package surfaces

import "curvlab/sim/internal/simtest"

// randPoints returns k random points in the window, reproducibly.
func randPoints(w Window, k int, seed uint64) [][]float64 {
	return simtest.RandPoints(w.XMin, w.XMax, w.YMin, w.YMax, k, seed)
}
