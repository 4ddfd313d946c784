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

	// scratch: the levels' order by value, the sorted levels, each value's
	// band (how many levels are <= it), each level's segments
	order  []int
	sorted []float64
	band   []uint16
	lv     [][]float64
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
// With 65,536 levels or more it finds no segments.
//
// It visits the grid once for all levels: each value's band (the number of
// levels at or below it) tells at once which levels cross a cell, those
// from the lowest band of its corners up to the highest, so most cells cost
// a few comparisons whatever the number of levels. The segments come out
// as from one pass per level: level by level, row by row.
func (c *Contours) Compute(vals []float64, g Grid, levels []float64) {
	c.Levels = append(c.Levels[:0], levels...)
	c.Segs = c.Segs[:0]
	c.Start = c.Start[:0]
	if g.W < 2 || g.H < 2 || len(vals) < g.W*g.H || len(levels) >= 1<<16 {
		for range len(levels) + 1 {
			c.Start = append(c.Start, 0)
		}
		return
	}
	vals = vals[:g.W*g.H]
	// the levels that are numbers, by value (insertion sort: they are few)
	c.order, c.sorted = c.order[:0], c.sorted[:0]
	for k, L := range levels {
		if L != L {
			continue
		}
		i := len(c.order)
		c.order, c.sorted = append(c.order, k), append(c.sorted, L)
		for ; i > 0 && c.sorted[i-1] > L; i-- {
			c.order[i], c.sorted[i] = c.order[i-1], c.sorted[i-1]
		}
		c.order[i], c.sorted[i] = k, L
	}
	for len(c.lv) < len(levels) {
		c.lv = append(c.lv, nil)
	}
	for k := range levels {
		c.lv[k] = c.lv[k][:0]
	}
	if cap(c.band) < len(vals) {
		c.band = make([]uint16, len(vals))
	}
	band := c.band[:len(vals)]
	// Row by row, in functions of their own: in the browser, WebAssembly
	// code starts unoptimized and a function called often is optimized in
	// the background for its next calls, which one long loop would never
	// make.
	for j := 0; j < g.H; j++ {
		bands(band[j*g.W:(j+1)*g.W], vals[j*g.W:(j+1)*g.W], c.sorted)
	}
	dx := (g.XMax - g.XMin) / float64(g.W)
	dy := (g.YMax - g.YMin) / float64(g.H)
	x0 := g.XMin + 0.5*dx
	y0 := g.YMax - 0.5*dy
	for j := 0; j+1 < g.H; j++ {
		yt := y0 - float64(j)*dy // top edge of the cell
		c.row(vals[j*g.W:(j+2)*g.W], band[j*g.W:(j+2)*g.W], levels, g.W, x0, yt, dx, dy)
	}
	for k := range levels {
		c.Start = append(c.Start, len(c.Segs)/4)
		c.Segs = append(c.Segs, c.lv[k]...)
	}
	c.Start = append(c.Start, len(c.Segs)/4)
}

// bands sets band[i] to the number of sorted levels at or below vals[i]
// (0 for NaN).
//
//go:noinline
func bands(band []uint16, vals, sorted []float64) {
	for i, v := range vals {
		lo, hi := 0, len(sorted)
		for lo < hi {
			if m := (lo + hi) / 2; sorted[m] <= v {
				lo = m + 1
			} else {
				hi = m
			}
		}
		band[i] = uint16(lo)
	}
}

// row appends the segments of the cells between two grid rows of w
// values (vals, band: the two rows), whose top edge is at yt.
//
//go:noinline
func (c *Contours) row(vals []float64, band []uint16, levels []float64, w int, x0, yt, dx, dy float64) {
	yb := yt - dy
	for i := 0; i+1 < w; i++ {
		// a corner is inside level sorted[s] when its band is > s
		ba, bb := band[i], band[i+1]
		bd, bc := band[w+i], band[w+i+1]
		lo, hi := min(ba, bb, bc, bd), max(ba, bb, bc, bd)
		if lo == hi {
			continue // no level crosses the cell
		}
		a, b := vals[i], vals[i+1]      // top-left, top-right
		d, cc := vals[w+i], vals[w+i+1] // bottom-left, bottom-right
		if !finite4(a, b, cc, d) {
			continue
		}
		xl := x0 + float64(i)*dx
		xr := xl + dx
		for s := lo; s < hi; s++ {
			k := c.order[s]
			code := 0
			if ba > s {
				code |= 8
			}
			if bb > s {
				code |= 4
			}
			if bc > s {
				code |= 2
			}
			if bd > s {
				code |= 1
			}
			c.lv[k] = appendCell(c.lv[k], code, levels[k], a, b, cc, d, xl, xr, yt, yb, dx, dy)
		}
	}
}

// appendCell appends the segments of level L in the cell with corner
// values a (top-left), b (top-right), cc (bottom-right), d (bottom-left)
// and marching-squares code (8: a inside, 4: b, 2: cc, 1: d; not 0 or 15),
// spanning [xl, xr]×[yb, yt].
func appendCell(segs []float64, code int, L, a, b, cc, d, xl, xr, yt, yb, dx, dy float64) []float64 {
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
		// Cutting off the top-left and bottom-right corners pairs top–left
		// and right–bottom; cutting off the top-right and bottom-left ones
		// pairs top–right and bottom–left.
		cutTLBR := (code == 10) != centreIn // corners a, c are the ones cut off
		if cutTLBR {
			return append(segs, px[0], py[0], px[3], py[3], px[1], py[1], px[2], py[2])
		}
		return append(segs, px[0], py[0], px[1], py[1], px[2], py[2], px[3], py[3])
	}
	for e := range 4 { // exactly two edges are crossed here
		if on[e] {
			segs = append(segs, px[e], py[e])
		}
	}
	return segs
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
