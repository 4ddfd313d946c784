package geom

import (
	"image/color"
)

// viridis holds eleven evenly spaced anchors (t = 0, 0.1, …, 1) of the
// viridis colormap (van der Walt and Smith, matplotlib, CC0): dark blue-violet
// through teal and green to yellow, with lightness increasing monotonically,
// so that order in value reads as order in brightness, also in greyscale and
// for colour-blind viewers.
var viridis = [...][3]uint8{
	{0x44, 0x01, 0x54},
	{0x48, 0x24, 0x75},
	{0x41, 0x44, 0x87},
	{0x35, 0x5f, 0x8d},
	{0x2a, 0x78, 0x8e},
	{0x21, 0x91, 0x8c},
	{0x22, 0xa8, 0x84},
	{0x44, 0xbf, 0x70},
	{0x7a, 0xd1, 0x51},
	{0xbd, 0xdf, 0x26},
	{0xfd, 0xe7, 0x25},
}

// NoData is the colour of cells without a finite value: a neutral light grey
// that the colormap, saturated everywhere, never produces.
var NoData = color.RGBA{0xbe, 0xbe, 0xbe, 0xff}

// Colormap returns the opaque colour for t in [0, 1], interpolating linearly
// between the anchors; t is clamped to [0, 1], and NaN gives NoData.
func Colormap(t float64) color.RGBA {
	if t != t {
		return NoData
	}
	if t <= 0 {
		a := viridis[0]
		return color.RGBA{a[0], a[1], a[2], 0xff}
	}
	n := len(viridis) - 1
	if t >= 1 {
		a := viridis[n]
		return color.RGBA{a[0], a[1], a[2], 0xff}
	}
	s := t * float64(n)
	k := int(s)
	if k >= n {
		k = n - 1
	}
	f := s - float64(k)
	a, b := &viridis[k], &viridis[k+1]
	return color.RGBA{lerp(a[0], b[0], f), lerp(a[1], b[1], f), lerp(a[2], b[2], f), 0xff}
}

// lerp returns x + f·(y − x) for f in [0, 1], rounded half away from zero
// as math.Round does, without its cost (the heatmap calls it three times a
// pixel): the value is not negative, and its fraction is exact.
func lerp(x, y uint8, f float64) uint8 {
	v := float64(x) + f*(float64(y)-float64(x))
	r := int(v)
	if v-float64(r) >= 0.5 {
		r++
	}
	return uint8(r)
}
