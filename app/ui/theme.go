// Package ui holds what curvlab's scenes and app draw with and read input
// through: the theme, the sizes of a layout, the pointer, widgets and
// sliders, the text queue, axis ticks and the actions a widget or a key
// asks for. It knows nothing of scenarios or runs.
package ui

import (
	"image/color"

	"curvlab/render"
)

// Colours, of the theme in use (Use sets them). In the dark theme panels
// get bright, distinct colours that stand out on the viridis heatmap and
// the true Hessian is drawn in white; the projector's light theme inverts
// that: dark panel colours and black truth on a paled heatmap.
var (
	Background, Bar, Button, ButtonHot, ButtonOn color.RGBA
	Ink, Dim, Frame, Warn, Bad, Good             color.RGBA
	True, Shade, Minimum, Trial                  color.RGBA
	// Wash is laid over a surface's heatmap (alpha 0: nothing).
	Wash        color.RGBA
	PanelColors [4]color.RGBA
	// TypeScale multiplies the type and everything sized with it.
	TypeScale float64
)

// A Theme is a set of the colours above and the type's scale.
type Theme struct {
	Name                                         string
	Background, Bar, Button, ButtonHot, ButtonOn color.RGBA
	Ink, Dim, Frame, Warn, Bad, Good             color.RGBA
	True, Shade, Minimum, Trial, Wash            color.RGBA
	PanelColors                                  [4]color.RGBA
	TypeScale                                    float64
}

// Dark is the theme of a screen: light lines on a dark ground.
var Dark = Theme{
	Name:       "dark",
	Background: color.RGBA{0x15, 0x17, 0x1c, 0xff},
	Bar:        color.RGBA{0x22, 0x25, 0x2e, 0xff},
	Button:     color.RGBA{0x30, 0x34, 0x40, 0xff},
	ButtonHot:  color.RGBA{0x3e, 0x44, 0x54, 0xff},
	ButtonOn:   color.RGBA{0x2f, 0x5d, 0x8a, 0xff},
	Ink:        color.RGBA{0xec, 0xee, 0xf2, 0xff},
	Dim:        color.RGBA{0x9c, 0xa3, 0xaf, 0xff},
	Frame:      color.RGBA{0x4a, 0x50, 0x5e, 0xff},
	Warn:       color.RGBA{0xff, 0xb4, 0x5c, 0xff},
	Bad:        color.RGBA{0xff, 0x6b, 0x6b, 0xff},
	Good:       color.RGBA{0x7d, 0xe3, 0x8a, 0xff},
	True:       color.RGBA{0xff, 0xff, 0xff, 0xff},
	Shade:      color.RGBA{0x08, 0x09, 0x0c, 0xd8},
	Minimum:    color.RGBA{0xff, 0xff, 0xff, 0xff},
	Trial:      color.RGBA{0xc0, 0xc0, 0xc0, 0xc0}, // white at 0.75, premultiplied
	PanelColors: [4]color.RGBA{
		{0xff, 0x9f, 0x1c, 0xff}, // orange
		{0x3a, 0xd1, 0xff, 0xff}, // sky
		{0xff, 0x5c, 0xa8, 0xff}, // pink
		{0xff, 0xcc, 0x88, 0xff}, // peach: apart from the others under every colour-vision deficiency (TestPanelColorsForEveryEye)
	},
	TypeScale: 1,
}

// Projector is the theme of a lecture hall: dark ink on a light ground,
// which a projector's washed-out blacks do not lose, the heatmap paled so
// the ink reads on it, and type half as large again to be read from the
// back row.
var Projector = Theme{
	Name:       "projector",
	Background: color.RGBA{0xff, 0xff, 0xff, 0xff},
	Bar:        color.RGBA{0xec, 0xee, 0xf2, 0xff},
	Button:     color.RGBA{0xd6, 0xda, 0xe2, 0xff},
	ButtonHot:  color.RGBA{0xc4, 0xca, 0xd6, 0xff},
	ButtonOn:   color.RGBA{0x9c, 0xc4, 0xee, 0xff},
	Ink:        color.RGBA{0x0c, 0x0d, 0x10, 0xff},
	Dim:        color.RGBA{0x3c, 0x42, 0x4e, 0xff},
	Frame:      color.RGBA{0x70, 0x78, 0x86, 0xff},
	Warn:       color.RGBA{0x9a, 0x4a, 0x00, 0xff},
	Bad:        color.RGBA{0xb0, 0x10, 0x10, 0xff},
	Good:       color.RGBA{0x0e, 0x6e, 0x2c, 0xff},
	True:       color.RGBA{0x00, 0x00, 0x00, 0xff},
	Shade:      color.RGBA{0xce, 0xcf, 0xd1, 0xd8}, // premultiplied, as every colour with alpha here: #f4f5f8 at 0.85
	Minimum:    color.RGBA{0x00, 0x00, 0x00, 0xff},
	Trial:      color.RGBA{0x00, 0x00, 0x00, 0xc0},
	Wash:       color.RGBA{0x99, 0x99, 0x99, 0x99}, // white at 0.6, premultiplied
	// Okabe & Ito's vermillion and blue (2008); the other two chosen
	// among colours of contrast 4.5 or more against the white ground for
	// the largest least difference under every colour-vision deficiency
	// (TestPanelColorsForEveryEye): Okabe & Ito's reddish purple and
	// bluish green were 17 from blue or each other.
	PanelColors: [4]color.RGBA{
		{0xd5, 0x5e, 0x00, 0xff}, // vermillion
		{0x00, 0x72, 0xb2, 0xff}, // blue
		{0x80, 0x00, 0xe0, 0xff}, // violet
		{0xa0, 0x60, 0x60, 0xff}, // rosewood
	},
	TypeScale: 1.5,
}

// Use makes t the theme everything is drawn in. Layers drawn in the theme
// before must be drawn again.
func Use(t Theme) {
	Background, Bar, Button, ButtonHot, ButtonOn = t.Background, t.Bar, t.Button, t.ButtonHot, t.ButtonOn
	Ink, Dim, Frame, Warn, Bad, Good = t.Ink, t.Dim, t.Frame, t.Warn, t.Bad, t.Good
	True, Shade, Minimum, Trial, Wash = t.True, t.Shade, t.Minimum, t.Trial, t.Wash
	PanelColors, TypeScale = t.PanelColors, t.TypeScale
	current = t.Name
}

// current is the name of the theme in use.
var current string

// Current is the name of the theme in use.
func Current() string { return current }

func init() { Use(Dark) }

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
