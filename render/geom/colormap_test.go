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

// Colormap's rounding is math.Round's, at a million positions and at the
// anchors' halves.
func TestColormapRoundsLikeMathRound(t *testing.T) {
	ref := func(t float64) color.RGBA {
		n := len(viridis) - 1
		s := t * float64(n)
		k := min(int(s), n-1)
		f := s - float64(k)
		a, b := viridis[k], viridis[k+1]
		l := func(x, y uint8) uint8 { return uint8(math.Round(float64(x) + f*(float64(y)-float64(x)))) }
		return color.RGBA{l(a[0], b[0]), l(a[1], b[1]), l(a[2], b[2]), 0xff}
	}
	for i := 1; i < 1000000; i++ {
		x := float64(i) / 1000000
		if got, want := Colormap(x), ref(x); got != want {
			t.Fatalf("Colormap(%v) = %v, want %v", x, got, want)
		}
	}
	for x := 0; x < 256; x++ {
		for y := 0; y < 256; y += 5 {
			for _, f := range []float64{0.5 / float64(max(1, abs(y-x))), 0.25, 0.5, 0.75, 0.999999} {
				want := uint8(math.Round(float64(x) + f*(float64(y)-float64(x))))
				if got := lerp(uint8(x), uint8(y), f); got != want {
					t.Fatalf("lerp(%d, %d, %v) = %d, want %d", x, y, f, got, want)
				}
			}
		}
	}
}

func abs(x int) int { return max(x, -x) }
