package geom

// ClipSegment clips the segment (x0, y0)–(x1, y1) to the rectangle r
// (Liang–Barsky) and reports whether any part of it is inside. A clipped
// end lies exactly on the rectangle's edge that cut it. Drawing code clips to
// a guard band around the screen so that far-away points (a diverging
// iterate at 1e100) never reach float32 vertex coordinates.
func ClipSegment(x0, y0, x1, y1 float64, r Rect) (cx0, cy0, cx1, cy1 float64, ok bool) {
	if x0 != x0 || y0 != y0 || x1 != x1 || y1 != y1 {
		return 0, 0, 0, 0, false
	}
	dx, dy := x1-x0, y1-y0
	edges := [4]float64{r.X, r.X + r.W, r.Y, r.Y + r.H}
	t0, t1 := 0.0, 1.0
	e0, e1 := -1, -1 // edges that cut the start and the end
	for e, pq := range [4][2]float64{{-dx, x0 - r.X}, {dx, r.X + r.W - x0}, {-dy, y0 - r.Y}, {dy, r.Y + r.H - y0}} {
		p, q := pq[0], pq[1] // inside where p·t <= q
		switch {
		case p == 0:
			if q < 0 {
				return 0, 0, 0, 0, false
			}
		case p < 0:
			t := q / p
			if t > t1 {
				return 0, 0, 0, 0, false
			}
			if t > t0 {
				t0, e0 = t, e
			}
		default:
			t := q / p
			if t < t0 {
				return 0, 0, 0, 0, false
			}
			if t < t1 {
				t1, e1 = t, e
			}
		}
	}
	cx0, cy0, cx1, cy1 = x0, y0, x1, y1
	if e0 >= 0 {
		cx0, cy0 = x0+t0*dx, y0+t0*dy
		if e0 < 2 {
			cx0 = edges[e0]
		} else {
			cy0 = edges[e0]
		}
	}
	if e1 >= 0 {
		cx1, cy1 = x0+t1*dx, y0+t1*dy
		if e1 < 2 {
			cx1 = edges[e1]
		} else {
			cy1 = edges[e1]
		}
	}
	return cx0, cy0, cx1, cy1, true
}
