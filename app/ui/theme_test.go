package ui

import (
	"image/color"
	"math"
	"testing"
)

// machado are the matrices of Machado, Oliveira & Fernandes, A
// physiologically-based model for simulation of color vision deficiency
// (IEEE TVCG 15(6), 2009), severity 1, on linear RGB: what a person with
// protanopia, deuteranopia or tritanopia sees of a colour.
var machado = map[string][3][3]float64{
	"normal":       {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}},
	"protanopia":   {{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}},
	"deuteranopia": {{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}},
	"tritanopia":   {{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}},
}

// seen is c as seen through m, in CIELAB (sRGB, D65).
func seen(c color.RGBA, m [3][3]float64) [3]float64 {
	lin := func(u uint8) float64 {
		v := float64(u) / 255
		if v <= 0.04045 {
			return v / 12.92
		}
		return math.Pow((v+0.055)/1.055, 2.4)
	}
	in := [3]float64{lin(c.R), lin(c.G), lin(c.B)}
	var s [3]float64
	for i := range 3 {
		for j := range 3 {
			s[i] += m[i][j] * in[j]
		}
		s[i] = math.Max(0, math.Min(1, s[i]))
	}
	x := (0.4124*s[0] + 0.3576*s[1] + 0.1805*s[2]) / 0.95047
	y := 0.2126*s[0] + 0.7152*s[1] + 0.0722*s[2]
	z := (0.0193*s[0] + 0.1192*s[1] + 0.9505*s[2]) / 1.08883
	f := func(t float64) float64 {
		if t > 216.0/24389 {
			return math.Cbrt(t)
		}
		return (24389.0/27*t + 16) / 116
	}
	return [3]float64{116*f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))}
}

// minDeltaE is the colour difference CIE ΔE*ab between the pieces a reader
// must tell apart: the panels' colours, each other and the true curvature's
// white and the background.
const minDeltaE = 20

// TestPanelColorsForEveryEye: in each theme, under normal vision and
// simulated protanopia, deuteranopia and tritanopia, every two panel
// colours, and each panel colour and the true curvature's colour or the
// background, differ by at least ΔE*ab 20 (a difference seen at a glance;
// 2.3 is the least noticeable).
func TestPanelColorsForEveryEye(t *testing.T) {
	for _, th := range []Theme{Dark, Projector} {
		worst, where := math.Inf(1), ""
		for name, m := range machado {
			for i, a := range th.PanelColors {
				others := append(append([]color.RGBA{}, th.PanelColors[i+1:]...), th.True, th.Background)
				for _, b := range others {
					pa, pb := seen(a, m), seen(b, m)
					d := math.Sqrt((pa[0]-pb[0])*(pa[0]-pb[0]) + (pa[1]-pb[1])*(pa[1]-pb[1]) + (pa[2]-pb[2])*(pa[2]-pb[2]))
					if d < worst {
						worst, where = d, name
					}
					if d < minDeltaE {
						t.Errorf("%s theme, %s: panel colour %v and %v differ by ΔE %.1f, want at least %d", th.Name, name, a, b, d, minDeltaE)
					}
				}
			}
		}
		t.Logf("%s theme: the least difference: ΔE %.1f (%s)", th.Name, worst, where)
	}
}

// TestUseSetsEveryColour: Use sets every colour of a theme, and back.
func TestUseSetsEveryColour(t *testing.T) {
	defer Use(Dark)
	for _, th := range []Theme{Projector, Dark} {
		Use(th)
		got := Theme{Name: Current(), Background: Background, Bar: Bar, Button: Button, ButtonHot: ButtonHot, ButtonOn: ButtonOn,
			Ink: Ink, Dim: Dim, Frame: Frame, Warn: Warn, Bad: Bad, Good: Good, True: True, Shade: Shade, Minimum: Minimum,
			Trial: Trial, Wash: Wash, PanelColors: PanelColors, TypeScale: TypeScale}
		if got != th {
			t.Errorf("after Use(%s): %+v", th.Name, got)
		}
	}
}

// TestThemeColoursArePremultiplied: the painters take colours with alpha
// premultiplied, so no channel may exceed its alpha (white at 0.6 is
// {0x99, 0x99, 0x99, 0x99}; {0xff, 0xff, 0xff, 0x99} would add light).
func TestThemeColoursArePremultiplied(t *testing.T) {
	for _, th := range []Theme{Dark, Projector} {
		cs := []color.RGBA{th.Background, th.Bar, th.Button, th.ButtonHot, th.ButtonOn, th.Ink, th.Dim, th.Frame,
			th.Warn, th.Bad, th.Good, th.True, th.Shade, th.Minimum, th.Trial, th.Wash}
		for _, c := range append(cs, th.PanelColors[:]...) {
			if c.R > c.A || c.G > c.A || c.B > c.A {
				t.Errorf("%s theme: %v is not premultiplied", th.Name, c)
			}
		}
	}
}
