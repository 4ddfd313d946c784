package geom

import (
	"math"
	"testing"
)

func TestClipSegment(t *testing.T) {
	r := Rect{0, 0, 10, 10}
	for _, c := range []struct {
		in   [4]float64
		want [4]float64
		ok   bool
	}{
		{[4]float64{1, 1, 9, 9}, [4]float64{1, 1, 9, 9}, true},      // inside
		{[4]float64{-5, 5, 15, 5}, [4]float64{0, 5, 10, 5}, true},   // through
		{[4]float64{5, 5, 5, 1e100}, [4]float64{5, 5, 5, 10}, true}, // far away
		{[4]float64{-1, -1, -5, 20}, [4]float64{}, false},           // outside
		{[4]float64{-5, 0, 5, 20}, [4]float64{-0, 10, 0, 10}, true}, // touches a corner region
		{[4]float64{20, 20, 20, 20}, [4]float64{}, false},           // a point outside
		{[4]float64{math.NaN(), 0, 1, 1}, [4]float64{}, false},      // NaN
		{[4]float64{-1e300, 5, 1e300, 5}, [4]float64{0, 5, 10, 5}, true},
	} {
		x0, y0, x1, y1, ok := ClipSegment(c.in[0], c.in[1], c.in[2], c.in[3], r)
		if ok != c.ok {
			t.Errorf("%v: ok = %v", c.in, ok)
			continue
		}
		if ok {
			got := [4]float64{x0, y0, x1, y1}
			for i := range got {
				if !near(got[i], c.want[i], 1e-9) {
					t.Errorf("%v: got %v want %v", c.in, got, c.want)
					break
				}
			}
		}
	}
}
