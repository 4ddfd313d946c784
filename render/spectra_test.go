package render

import (
	"math"
	"testing"
)

// Rings draws hollow markers: lit on the circle, dark at the centre, one
// per point.
func TestRingsPixels(t *testing.T) {
	c := newCanvas(120, 60)
	var p Painter
	p.Rings(c.img, nil, []float64{30, 30, math.NaN(), 5, 90, 30}, 10, 2, whiteC)
	c.read()
	for _, x := range []float64{30, 90} {
		if !c.litF(x+10, 30) || !c.litF(x, 30-10) || c.litF(x, 30) || c.litF(x+4, 30) {
			t.Errorf("ring at %v: edge lit %v %v, centre lit %v", x, c.litF(x+10, 30), c.litF(x, 20), c.litF(x, 30))
		}
	}
}

// Spectra puts negative eigenvalues left of the zero line in their own
// colour, positive ones right of it in the row's, on a symmetric-log axis.
func TestSpectraAxisAndColours(t *testing.T) {
	c := newCanvas(400, 120)
	s := Spectra{Rows: []SpectrumRow{{Vals: []float64{-0.05, 0, 1e-3, 0.2, 5}, Color: whiteC, Marks: []float64{2}}},
		Background: black, Grid: black, Frame: black, Ink: black, Neg: red}
	r := Rect{W: 400, H: 120}
	s.Draw(c.img, r)
	c.read()
	if !(s.X(-0.05) < s.X(0) && s.X(0) < s.X(1e-3) && s.X(1e-3) < s.X(0.2) && s.X(0.2) < s.X(5)) {
		t.Fatal("axis is not increasing")
	}
	// symmetric log: a decade takes the same width far from zero
	if d1, d2 := s.X(10)-s.X(1), s.X(1)-s.X(0.1); math.Abs(d1-d2) > 0.02*d1 {
		t.Errorf("decades %v and %v px wide", d1, d2)
	}
	a := s.Area()
	y := int(a.Y + 0.8*a.H)
	if got := c.at(int(s.X(-0.05)), y); !closeColor(got, red, 60) {
		t.Errorf("negative eigenvalue drawn %v, want red", got)
	}
	if got := c.at(int(s.X(5)), y); !closeColor(got, whiteC, 60) {
		t.Errorf("positive eigenvalue drawn %v, want white", got)
	}
	// steady frames allocate nothing
	if n, where := ownAllocs(10, func() { s.Draw(c.img, r) }); n != 0 {
		t.Errorf("10 steady Draws allocate %d times (most in %s)", n, where)
	}
	var p Painter
	pts := []float64{1, 1, 2, 2}
	p.Rings(c.img, nil, pts, 5, 1, whiteC)
	if n, where := ownAllocs(10, func() { p.Rings(c.img, nil, pts, 5, 1, whiteC) }); n != 0 {
		t.Errorf("10 Rings allocate %d times (most in %s)", n, where)
	}
}
