package render

import (
	"math"
	"testing"
)

// TestPlotM4 lays out a series of 100 000 points, two of them NaN, and
// checks that the points drawn are at most 4 a pixel column of the axes and
// keep, per column and per stretch between NaNs, the first, lowest,
// highest and last point of the full series, in order: the reduction that
// draws the same pixels (M4).
func TestPlotM4(t *testing.T) {
	const n = 100000
	y := make([]float64, n)
	for k := range y {
		y[k] = math.Sin(float64(k)*0.37)*math.Exp(-float64(k)/3e4) + float64(k%997)/997
	}
	y[500], y[70000] = math.NaN(), math.NaN()
	pl := &Plot{Series: []Series{{Y: y}}}
	_, v, ok := pl.layout(Rect{W: 640, H: 320})
	if !ok {
		t.Fatal("no axes")
	}
	pts := pl.pts[:pl.ends[0]]
	if cols := int(v.Screen.W) + 1; len(pts)/2 > 4*cols+2*4 {
		t.Fatalf("%d points for %d pixel columns", len(pts)/2, cols)
	}
	// the reference: per (stretch, column), from the full series
	type bucket struct {
		first, last [2]float64
		lo, hi      float64
	}
	col := func(x float64) int { return int(math.Floor((x - v.XMin) * v.Screen.W / (v.XMax - v.XMin))) }
	key := func(stretch, c int) int { return stretch<<20 | c }
	want := map[int]*bucket{}
	stretch := 0
	for k, yk := range y {
		if math.IsNaN(yk) {
			stretch++
			continue
		}
		kk := key(stretch, col(float64(k)))
		b := want[kk]
		if b == nil {
			b = &bucket{first: [2]float64{float64(k), yk}, lo: yk, hi: yk}
			want[kk] = b
		}
		b.lo, b.hi, b.last = math.Min(b.lo, yk), math.Max(b.hi, yk), [2]float64{float64(k), yk}
	}
	got := map[int]*bucket{}
	stretch, prevX := 0, math.Inf(-1)
	for i := 0; i+1 < len(pts); i += 2 {
		x, yi := pts[i], pts[i+1]
		if math.IsNaN(x) {
			stretch++
			continue
		}
		if !(x > prevX) {
			t.Fatalf("point %d: x %v after %v", i/2, x, prevX)
		}
		prevX = x
		if y[int(x)] != yi {
			t.Fatalf("point (%v, %v) is not a point of the series", x, yi)
		}
		kk := key(stretch, col(x))
		b := got[kk]
		if b == nil {
			b = &bucket{first: [2]float64{x, yi}, lo: yi, hi: yi}
			got[kk] = b
		}
		b.lo, b.hi, b.last = math.Min(b.lo, yi), math.Max(b.hi, yi), [2]float64{x, yi}
	}
	if len(got) != len(want) {
		t.Fatalf("%d columns drawn, %d in the series", len(got), len(want))
	}
	for kk, w := range want {
		if g := got[kk]; g == nil || *g != *w {
			t.Fatalf("column %d of stretch %d: drawn %+v, series %+v", kk&(1<<20-1), kk>>20, g, w)
		}
	}
}
