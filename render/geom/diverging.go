package geom

import (
	"image/color"
	"math"
)

// Diverging is a two-sided colormap: Lo at t = 0, Mid at t = ½ and Hi at
// t = 1, linear in between; it suits a quantity with a meaningful middle,
// such as a classifier's probability around the decision threshold ½.
type Diverging struct {
	Lo, Mid, Hi color.RGBA
}

// At returns the colour for t in [0, 1] (clamped); NaN gives NoData. Pass
// it to FillPixelsMap.
func (d *Diverging) At(t float64) color.RGBA {
	if t != t {
		return NoData
	}
	t = math.Max(0, math.Min(1, t))
	a, b, f := d.Lo, d.Mid, 2*t
	if t > 0.5 {
		a, b, f = d.Mid, d.Hi, 2*t-1
	}
	return color.RGBA{lerp(a.R, b.R, f), lerp(a.G, b.G, f), lerp(a.B, b.B, f), lerp(a.A, b.A, f)}
}
