package geom

// Contours holds the level lines of a sampled field as line segments in
// world coordinates. Compute reuses its slices: keep one Contours per panel
// and recompute it when the surface or the view changes.
type Contours struct {
	// Levels are the contour values, in the order given to Compute.
	Levels []float64
	// Segs holds four numbers per segment: x0, y0, x1, y1.
	Segs []float64
	// Start[k] is the index of the first segment of level k; the segments
	// of level k are Segs[4*Start[k] : 4*Start[k+1]], len(Start) = len(Levels)+1.
	Start []int
}

// Level returns the segments of level k (four numbers per segment), nil
// when there is no level k (as before the first Compute).
func (c *Contours) Level(k int) []float64 {
	if k < 0 || k+1 >= len(c.Start) {
		return nil
	}
	return c.Segs[4*c.Start[k] : 4*c.Start[k+1]]
}

// Compute runs marching squares on vals, sampled on g (len(vals) = g.W·g.H,
// see Grid), for each of levels. A cell whose four corners are not all
// finite produces no segment. A corner counts as inside a level when its
// value is >= the level. Saddle cells (diagonal corners inside, the other two
// outside) are resolved by the value at the centre, taken as the mean of the
// four corners: when it is inside, the two inside corners are joined through
// the centre and the segments cut off the outside corners; otherwise they cut
// off the inside ones. Crossings are placed by linear interpolation along cell
// edges. After the first call with a given size, Compute allocates nothing.
func (c *Contours) Compute(vals []float64, g Grid, levels []float64) {
	c.Levels = append(c.Levels[:0], levels...)
	c.Segs = c.Segs[:0]
	c.Start = c.Start[:0]
	if g.W < 2 || g.H < 2 || len(vals) < g.W*g.H {
		for range len(levels) + 1 {
			c.Start = append(c.Start, 0)
		}
		return
	}
	dx := (g.XMax - g.XMin) / float64(g.W)
	dy := (g.YMax - g.YMin) / float64(g.H)
	x0 := g.XMin + 0.5*dx
	y0 := g.YMax - 0.5*dy
	for _, L := range levels {
		c.Start = append(c.Start, len(c.Segs)/4)
		if L != L {
			continue
		}
		for j := 0; j+1 < g.H; j++ {
			row := vals[j*g.W : (j+2)*g.W]
			yt := y0 - float64(j)*dy // top edge of the cell
			yb := yt - dy
			for i := 0; i+1 < g.W; i++ {
				a, b := row[i], row[i+1]          // top-left, top-right
				d, cc := row[g.W+i], row[g.W+i+1] // bottom-left, bottom-right
				code := 0
				if a >= L {
					code |= 8
				}
				if b >= L {
					code |= 4
				}
				if cc >= L {
					code |= 2
				}
				if d >= L {
					code |= 1
				}
				if code == 0 || code == 15 {
					continue
				}
				if !finite4(a, b, cc, d) {
					continue
				}
				xl := x0 + float64(i)*dx
				xr := xl + dx
				// crossings on the edges top, right, bottom, left
				var px, py [4]float64
				var on [4]bool
				if (code&8 != 0) != (code&4 != 0) {
					px[0], py[0], on[0] = xl+dx*frac(L, a, b), yt, true
				}
				if (code&4 != 0) != (code&2 != 0) {
					px[1], py[1], on[1] = xr, yt-dy*frac(L, b, cc), true
				}
				if (code&1 != 0) != (code&2 != 0) {
					px[2], py[2], on[2] = xl+dx*frac(L, d, cc), yb, true
				}
				if (code&8 != 0) != (code&1 != 0) {
					px[3], py[3], on[3] = xl, yt-dy*frac(L, a, d), true
				}
				if code == 5 || code == 10 {
					centreIn := (a+b+cc+d)/4 >= L
					// Cutting off the top-left and bottom-right corners
					// pairs top–left and right–bottom; cutting off the
					// top-right and bottom-left ones pairs top–right and
					// bottom–left.
					cutTLBR := (code == 10) != centreIn // corners a, c are the ones cut off
					if cutTLBR {
						c.Segs = append(c.Segs, px[0], py[0], px[3], py[3], px[1], py[1], px[2], py[2])
					} else {
						c.Segs = append(c.Segs, px[0], py[0], px[1], py[1], px[2], py[2], px[3], py[3])
					}
					continue
				}
				for e := range 4 { // exactly two edges are crossed here
					if on[e] {
						c.Segs = append(c.Segs, px[e], py[e])
					}
				}
			}
		}
	}
	c.Start = append(c.Start, len(c.Segs)/4)
}

// frac returns where level L crosses the edge from value p to value q, as a
// fraction of the edge in [0, 1].
func frac(L, p, q float64) float64 {
	if q == p {
		return 0.5
	}
	t := (L - p) / (q - p)
	if t < 0 {
		return 0
	}
	if t > 1 {
		return 1
	}
	return t
}

func finite4(a, b, c, d float64) bool {
	s := a + b + c + d
	return s == s && s-s == 0
}
