package scene

import "math"

// Sharpness returns the sharpness of run k at trace row i (NaN if not
// measured).
func (s *State) Sharpness(k, i int) float64 {
	if k < len(s.Trackers) && i < len(s.Trackers[k].Sharpness) {
		return s.Trackers[k].Sharpness[i]
	}
	return math.NaN()
}

// SharpnessPre is λmax(P⁻¹H) of run k at row i, for an adaptive method
// (NaN for the others, before its first step, or not yet measured).
func (s *State) SharpnessPre(k, i int) float64 {
	if k < len(s.Trackers) && i < len(s.Trackers[k].SharpnessPre) {
		return s.Trackers[k].SharpnessPre[i]
	}
	return math.NaN()
}
