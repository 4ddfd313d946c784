package render

import (
	"image/color"
	"math"
	"strconv"
	"testing"
)

// runCentres returns the centres of the runs of positions 0…n−1 where on
// holds.
func runCentres(n int, on func(i int) bool) []float64 {
	var out []float64
	start := -1
	for i := 0; i <= n; i++ {
		if i < n && on(i) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, float64(start+i-1)/2+0.5)
			start = -1
		}
	}
	return out
}

// tickValues parses a tick set's labels: the numbers a reader sees.
func tickValues(t *testing.T, labels []string) []float64 {
	t.Helper()
	vals := make([]float64, len(labels))
	for i, l := range labels {
		v, err := strconv.ParseFloat(l, 64)
		if err != nil {
			t.Fatalf("tick label %q: %v", l, err)
		}
		vals[i] = v
	}
	return vals
}

// A plot's series sit where its axes say: the grid lines are found in the
// pixels, one per tick label, and map the labels' values to pixels by one
// affine map per axis; a level series y = 4.3 and a ramp y = x + 1 are
// drawn where that map puts their values (within a pixel). The sharpness
// plot relies on it: its curve and its 2/η lines are read against the
// ticks.
func TestPlotSeriesSitWhereTheTicksSay(t *testing.T) {
	c := newCanvas(420, 300)
	green := color.RGBA{0, 0xc0, 0, 0xff}
	ramp := make([]float64, 9)
	for k := range ramp {
		ramp[k] = float64(k) + 1
	}
	pl := Plot{
		Background: black, Grid: green, Frame: color.RGBA{0x40, 0x40, 0x40, 0xff}, Ink: whiteC,
		NoLegend: true, XLabel: "iteration",
		Series: []Series{
			{Y: ramp, Color: magenta, Width: 2},
			{X: []float64{0, 10}, Y: []float64{4.3, 4.3}, Color: red, Width: 2},
		},
	}
	pl.Draw(c.img, Rect{W: 420, H: 300})
	c.read()
	a := pl.Area()
	// 1 px grid lines blend into two rows (or columns) off the pixel grid
	isGreen := func(x, y int) bool { p := c.at(x, y); return p.G >= 40 && p.R < 40 && p.B < 40 }

	// y: grid rows along a column right of the ramp's end (x = 8 of 10),
	// mapped from the labels' values
	col := int(a.X + 0.985*a.W)
	rows := runCentres(int(a.Y+a.H)+2, func(y int) bool { return y >= int(a.Y)-1 && isGreen(col, y) })
	ys := tickValues(t, pl.yt.Labels)
	if len(rows) != len(ys) || len(ys) < 3 {
		t.Fatalf("%d grid rows %v for the y ticks %v", len(rows), rows, ys)
	}
	// rows run top to bottom, values bottom to top
	n := len(ys)
	rowOf := func(y float64) float64 {
		return rows[n-1] + (y-ys[0])*(rows[0]-rows[n-1])/(ys[n-1]-ys[0])
	}
	for i, y := range ys {
		if math.Abs(rowOf(y)-rows[n-1-i]) > 0.75 {
			t.Errorf("y tick %v: grid at row %.1f, the other ticks put it at %.1f", y, rows[n-1-i], rowOf(y))
		}
	}

	// x: grid columns along a row between the level line and the ramp
	row := int(rowOf(2.6))
	// (the ticks at the ends lie on the area's edges)
	cols := runCentres(int(a.X+a.W)+2, func(x int) bool { return x >= int(a.X)-1 && isGreen(x, row) })
	xs := tickValues(t, pl.xt.Labels)
	m := len(xs)
	if len(cols) != m {
		t.Fatalf("%d grid columns %v for the x ticks %v", len(cols), cols, xs)
	}
	colOf := func(x float64) float64 { return cols[0] + (x-xs[0])*(cols[m-1]-cols[0])/(xs[m-1]-xs[0]) }
	for i, x := range xs {
		if math.Abs(colOf(x)-cols[i]) > 0.75 {
			t.Errorf("x tick %v: grid at column %.1f, the other ticks put it at %.1f", x, cols[i], colOf(x))
		}
	}

	// the level line: red pixels centred on rowOf(4.3) in every column
	for _, x := range []float64{0.5, 3, 5.5, 7.5, 9.5} {
		cx := int(colOf(x))
		got := runCentres(c.h, func(y int) bool { return closeColor(c.at(cx, y), red, 60) })
		if len(got) != 1 || math.Abs(got[0]-rowOf(4.3)) > 1 {
			t.Errorf("level 4.3 at x = %v: red at rows %v, the ticks put it at %.1f", x, got, rowOf(4.3))
		}
	}
	// the ramp: magenta centred on rowOf(x + 1) at x = 0.5, 1, …, 7.5
	for k := 1; k < 16; k++ {
		x := float64(k) / 2
		if math.Abs(x+1-4.3) < 0.5 {
			continue // where it crosses the level line
		}
		cx := int(colOf(x))
		got := runCentres(c.h, func(y int) bool { return closeColor(c.at(cx, y), magenta, 60) })
		if len(got) != 1 || math.Abs(got[0]-rowOf(x+1)) > 1 {
			t.Errorf("ramp at x = %v: magenta at rows %v, the ticks put %v at %.1f", x, got, x+1, rowOf(x+1))
		}
	}
}
