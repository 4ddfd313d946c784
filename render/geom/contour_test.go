package geom

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestContourCircle(t *testing.T) {
	g := Grid{W: 81, H: 61, XMin: -2, XMax: 2, YMin: -1.5, YMax: 1.5}
	h := (g.XMax - g.XMin) / float64(g.W)
	vals := sample(func(x, y float64) float64 { return x*x + y*y }, g)
	radii := []float64{0.5, 1, 1.3}
	levels := make([]float64, len(radii))
	for i, r := range radii {
		levels[i] = r * r
	}
	var c Contours
	c.Compute(vals, g, levels)
	if len(c.Start) != len(levels)+1 {
		t.Fatalf("Start = %v", c.Start)
	}
	for k, r := range radii {
		segs := c.Level(k)
		if len(segs) == 0 {
			t.Fatalf("no segments for r=%v", r)
		}
		length := 0.0
		for s := 0; s < len(segs); s += 4 {
			for p := s; p < s+4; p += 2 {
				if d := math.Hypot(segs[p], segs[p+1]); math.Abs(d-r) > h/4 {
					t.Fatalf("r=%v: point (%v,%v) at distance %v", r, segs[p], segs[p+1], d)
				}
			}
			length += math.Hypot(segs[s+2]-segs[s], segs[s+3]-segs[s+1])
		}
		// an inscribed polygon: slightly shorter than the circle, never longer
		if length > 2*math.Pi*r || length < 2*math.Pi*r*0.99 {
			t.Errorf("r=%v: total length %v, circumference %v", r, length, 2*math.Pi*r)
		}
		// closed: every endpoint is shared by exactly two segments
		count := map[[2]float64]int{}
		for p := 0; p < len(segs); p += 2 {
			key := [2]float64{math.Round(segs[p]*1e9) / 1e9, math.Round(segs[p+1]*1e9) / 1e9}
			count[key]++
		}
		for p, n := range count {
			if n != 2 {
				t.Fatalf("r=%v: endpoint %v used %d times", r, p, n)
			}
		}
	}
}

func TestContourLinearIsStraight(t *testing.T) {
	g := Grid{W: 40, H: 30, XMin: -1, XMax: 3, YMin: 0, YMax: 2}
	f := func(x, y float64) float64 { return 0.7*x - 1.9*y }
	vals := sample(f, g)
	var c Contours
	c.Compute(vals, g, []float64{-1, 0.3})
	for k, L := range c.Levels {
		segs := c.Level(k)
		if len(segs) < 8 {
			t.Fatalf("level %v: %d segments", L, len(segs)/4)
		}
		for p := 0; p < len(segs); p += 2 {
			if d := f(segs[p], segs[p+1]) - L; math.Abs(d) > 1e-12 {
				t.Fatalf("level %v: point off the line by %v", L, d)
			}
		}
	}
}

func TestContourSaddleUsesCentre(t *testing.T) {
	g := Grid{W: 2, H: 2, XMin: 0, XMax: 2, YMin: 0, YMax: 2} // nodes at 0.5 and 1.5
	// top-left and bottom-right inside
	for _, tc := range []struct {
		vals []float64
		L    float64
		// the corner the first segment cuts off: its midpoint is nearer to it
		cutX, cutY float64
	}{
		{[]float64{1, 0, 0, 1}, 0.4, 1.5, 1.5},   // centre 0.5 inside: cut top-right (outside) corner
		{[]float64{1, 0, 0, 1}, 0.6, 0.5, 1.5},   // centre outside: cut top-left (inside) corner
		{[]float64{0, 1, 1, 0}, 0.4, 0.5, 1.5},   // b, d inside, centre inside: cut top-left
		{[]float64{0, 1, 1, 0}, 0.6, 1.5, 1.5},   // centre outside: cut top-right (inside)
		{[]float64{1, 0, 0, 1}, 0.5, 1.5, 1.5},   // centre exactly at the level counts as inside
		{[]float64{3, -1, -1, 3}, 1.0, 1.5, 1.5}, // mean 1 >= 1
	} {
		var c Contours
		c.Compute(tc.vals, g, []float64{tc.L})
		s := c.Level(0)
		if len(s) != 8 {
			t.Fatalf("%v L=%v: %d segments, want 2", tc.vals, tc.L, len(s)/4)
		}
		mx, my := (s[0]+s[2])/2, (s[1]+s[3])/2
		if math.Hypot(mx-tc.cutX, my-tc.cutY) > 0.5 {
			t.Errorf("%v L=%v: first segment %v does not cut off corner (%v,%v)", tc.vals, tc.L, s[:4], tc.cutX, tc.cutY)
		}
		// the two segments never cross: they cut off opposite corners
		mx2, my2 := (s[4]+s[6])/2, (s[5]+s[7])/2
		if math.Hypot(mx2-(2-tc.cutX), my2-(2-tc.cutY)) > 0.5 {
			t.Errorf("%v L=%v: second segment %v not at the opposite corner", tc.vals, tc.L, s[4:])
		}
	}
}

func TestContourSkipsNaNAndAllocatesOnce(t *testing.T) {
	g := Grid{W: 3, H: 2, XMin: 0, XMax: 3, YMin: 0, YMax: 2}
	vals := []float64{0, 1, 0, 0, math.NaN(), 0}
	var c Contours
	c.Compute(vals, g, []float64{0.5})
	if n := len(c.Level(0)); n != 0 {
		t.Fatalf("cells with a NaN corner produced %d segments", n/4)
	}
	big := sample(func(x, y float64) float64 { return math.Sin(3*x) * math.Cos(2*y) }, Grid{W: 64, H: 64, XMin: -3, XMax: 3, YMin: -3, YMax: 3})
	bg := Grid{W: 64, H: 64, XMin: -3, XMax: 3, YMin: -3, YMax: 3}
	lv := ContourLevels(nil, -1, 1, 9, false)
	c.Compute(big, bg, lv)
	if a := testing.AllocsPerRun(5, func() { c.Compute(big, bg, lv) }); a != 0 {
		t.Errorf("Compute allocates %v in steady state", a)
	}
}

func TestContourLevelBeforeCompute(t *testing.T) {
	var c Contours
	if c.Level(0) != nil || c.Level(-1) != nil {
		t.Error("a level of empty contours is not nil")
	}
}

// Compute gives exactly the segments of the straightforward algorithm (one
// pass over the grid per level, referenceContours) on random fields with
// plateaus, NaN and infinite values, for levels unsorted, repeated, NaN and
// outside the data.
func TestContourOnePassIsPerLevel(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var got, want Contours
	for trial := range 40 {
		g := Grid{W: 2 + rng.IntN(40), H: 2 + rng.IntN(40), XMin: -1, XMax: 2, YMin: -3, YMax: 1}
		vals := make([]float64, g.W*g.H)
		for i := range vals {
			switch r := rng.Float64(); {
			case r < 0.02:
				vals[i] = math.NaN()
			case r < 0.03:
				vals[i] = math.Inf(2*rng.IntN(2) - 1)
			case r < 0.2:
				vals[i] = float64(rng.IntN(4)) // plateaus and values equal to levels
			default:
				vals[i] = 4 * rng.Float64()
			}
		}
		levels := []float64{3, 1, 2, 1, math.NaN(), 0.5, -1, 9, 2.5}[:1+trial%9]
		got.Compute(vals, g, levels)
		referenceContours(&want, vals, g, levels)
		if !slices.Equal(got.Start, want.Start) {
			t.Fatalf("trial %d: Start %v, want %v", trial, got.Start, want.Start)
		}
		if !slices.Equal(got.Segs, want.Segs) {
			t.Fatalf("trial %d: segments differ (%d numbers, want %d)", trial, len(got.Segs), len(want.Segs))
		}
	}
}

// referenceContours is Compute as it was first written: one pass over the
// grid per level (each crossed cell's segments from appendCell, as in
// Compute; the cells' geometry has tests of its own above).
func referenceContours(c *Contours, vals []float64, g Grid, levels []float64) {
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
				c.Segs = appendCell(c.Segs, code, L, a, b, cc, d, xl, xl+dx, yt, yb, dx, dy)
			}
		}
	}
	c.Start = append(c.Start, len(c.Segs)/4)
}
