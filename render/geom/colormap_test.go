package geom

import (
	"image/color"
	"math"
	"testing"
)

// lightness returns CIE L* of an sRGB colour.
func lightness(c color.RGBA) float64 {
	lin := func(u uint8) float64 {
		v := float64(u) / 255
		if v <= 0.04045 {
			return v / 12.92
		}
		return math.Pow((v+0.055)/1.055, 2.4)
	}
	y := 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
	if y > 216.0/24389 {
		return 116*math.Cbrt(y) - 16
	}
	return y * 24389 / 27
}

func TestColormapOrderedAndClamped(t *testing.T) {
	if Colormap(0) != (color.RGBA{0x44, 0x01, 0x54, 0xff}) || Colormap(1) != (color.RGBA{0xfd, 0xe7, 0x25, 0xff}) {
		t.Fatalf("ends: %v %v", Colormap(0), Colormap(1))
	}
	if Colormap(-3) != Colormap(0) || Colormap(7) != Colormap(1) || Colormap(math.Inf(1)) != Colormap(1) {
		t.Fatal("not clamped")
	}
	prev := -1.0
	for k := 0; k <= 512; k++ {
		c := Colormap(float64(k) / 512)
		if c.A != 0xff {
			t.Fatalf("not opaque at %d", k)
		}
		l := lightness(c)
		if l < prev-0.3 { // rounding to bytes may wobble a little
			t.Fatalf("lightness decreases at t=%v: %v < %v", float64(k)/512, l, prev)
		}
		prev = math.Max(prev, l)
	}
	if lightness(Colormap(1))-lightness(Colormap(0)) < 70 {
		t.Fatal("lightness range too small")
	}
}

func TestColormapNoDataIsDistinct(t *testing.T) {
	if Colormap(math.NaN()) != NoData {
		t.Fatal("NaN is not NoData")
	}
	for k := 0; k <= 1000; k++ {
		c := Colormap(float64(k) / 1000)
		d := math.Abs(float64(c.R)-float64(NoData.R)) + math.Abs(float64(c.G)-float64(NoData.G)) +
			math.Abs(float64(c.B)-float64(NoData.B))
		if d < 80 {
			t.Fatalf("Colormap(%v) = %v too close to NoData", float64(k)/1000, c)
		}
	}
}
