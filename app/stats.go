package app

import "time"

// frameStats keeps the Go-side cost of recent frames (Update + Draw) and
// hands them to the host about once a second, without allocating.
type frameStats struct {
	update  time.Duration // of the frame in progress
	ring    [120]float64
	n       int // frames recorded since the last flush
	out     []float64
	flushed time.Time
}

func (s *frameStats) addUpdate(d time.Duration) { s.update += d }

func (s *frameStats) addDraw(d time.Duration) {
	s.ring[s.n%len(s.ring)] = float64(s.update+d) / float64(time.Millisecond)
	s.n++
	s.update = 0
}

// flush returns the recent frame times once a second, nil otherwise.
func (s *frameStats) flush() []float64 {
	now := time.Now()
	if now.Sub(s.flushed) < time.Second || s.n == 0 {
		return nil
	}
	s.flushed = now
	k := s.n
	if k > len(s.ring) {
		k = len(s.ring)
	}
	if s.out == nil {
		s.out = make([]float64, 0, len(s.ring))
	}
	s.out = append(s.out[:0], s.ring[:k]...)
	s.n = 0
	return s.out
}
