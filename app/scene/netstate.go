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
