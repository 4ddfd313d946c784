package app

// sharpness returns the sharpness of run k at trace row i (NaN if not
// measured).
func (s *state) sharpness(k, i int) float64 {
	if k < len(s.trackers) && i < len(s.trackers[k].Sharpness) {
		return s.trackers[k].Sharpness[i]
	}
	return nan
}
