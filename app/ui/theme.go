// Package ui holds what curvlab's scenes and app draw with and read input
// through: the theme, the sizes of a layout, the pointer, widgets and
// sliders, the text queue, axis ticks and the actions a widget or a key
// asks for. It knows nothing of scenarios or runs.
package ui

import (
	"image/color"

	"curvlab/render"
)

// Colours. Panels get bright, distinct colours that stand out on the
// viridis-like heatmap; the true Hessian is always drawn in white.
var (
	Background = color.RGBA{0x15, 0x17, 0x1c, 0xff}
	Bar        = color.RGBA{0x22, 0x25, 0x2e, 0xff}
	Button     = color.RGBA{0x30, 0x34, 0x40, 0xff}
	ButtonHot  = color.RGBA{0x3e, 0x44, 0x54, 0xff}
	ButtonOn   = color.RGBA{0x2f, 0x5d, 0x8a, 0xff}
	Ink        = color.RGBA{0xec, 0xee, 0xf2, 0xff}
	Dim        = color.RGBA{0x9c, 0xa3, 0xaf, 0xff}
	Frame      = color.RGBA{0x4a, 0x50, 0x5e, 0xff}
	Warn       = color.RGBA{0xff, 0xb4, 0x5c, 0xff}
	Bad        = color.RGBA{0xff, 0x6b, 0x6b, 0xff}
	Good       = color.RGBA{0x7d, 0xe3, 0x8a, 0xff}
	True       = color.RGBA{0xff, 0xff, 0xff, 0xff}
	Shade      = color.RGBA{0x08, 0x09, 0x0c, 0xd8}
	Minimum    = color.RGBA{0xff, 0xff, 0xff, 0xff}
	Trial      = color.RGBA{0xff, 0xff, 0xff, 0xc0}

	PanelColors = [4]color.RGBA{
		{0xff, 0x9f, 0x1c, 0xff}, // orange
		{0x3a, 0xd1, 0xff, 0xff}, // sky
		{0xff, 0x5c, 0xa8, 0xff}, // pink
		{0xff, 0xcc, 0x88, 0xff}, // peach: apart from the others under every colour-vision deficiency (TestPanelColorsForEveryEye)
	}
)

// PanelColor is the colour of panel k's run.
func PanelColor(k int) color.RGBA { return PanelColors[k%len(PanelColors)] }

// Fade returns c with its alpha scaled by a.
func Fade(c color.RGBA, a float64) color.RGBA { return render.Alpha(c, a) }

// StylePlot gives a plot the theme's colours at scale u with font size
// font (before scaling).
func StylePlot(pl *render.Plot, u, font float64) {
	pl.Scale = u
	pl.FontSize = font
	pl.Background = Bar
	pl.Frame = Frame
	pl.Grid = render.Alpha(Frame, 0.5)
	pl.Ink = Ink
}
