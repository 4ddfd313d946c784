package geom

import (
	"image/color"
	"math"
	"testing"
)

func TestDiverging(t *testing.T) {
	d := Diverging{Lo: color.RGBA{0, 0, 200, 255}, Mid: color.RGBA{50, 50, 50, 255}, Hi: color.RGBA{200, 100, 0, 255}}
	for _, c := range []struct {
		t    float64
		want color.RGBA
	}{
		{-1, d.Lo}, {0, d.Lo}, {0.5, d.Mid}, {1, d.Hi}, {7, d.Hi},
		{0.25, color.RGBA{25, 25, 125, 255}}, {0.75, color.RGBA{125, 75, 25, 255}},
		{math.NaN(), NoData},
	} {
		if got := d.At(c.t); got != c.want {
			t.Errorf("At(%v) = %v, want %v", c.t, got, c.want)
		}
	}
	pix := make([]byte, 8)
	FillPixelsMap(pix, []float64{0, 1}, LinearScale(0, 1), d.At)
	if pix[2] != 200 || pix[4] != 200 {
		t.Errorf("FillPixelsMap: %v", pix)
	}
}
