package ui

import (
	"image"
	"image/color"
	"math"
	"strconv"

	"curvlab/render"
	"curvlab/render/geom"
	"curvlab/sim"

	"github.com/hajimehoshi/ebiten/v2"
)

// The few widgets the app needs, drawn in the canvas: buttons (some of them
// toggles or menu items), sliders for parameters, and labels. Widgets are
// rebuilt only when something they show changes, and hit-tested and drawn
// from the list every frame.

// WidgetKind is what a widget is.
type WidgetKind uint8

const (
	KindButton WidgetKind = iota
	KindSlider
	KindLabel
	KindText // a text field (TextField)
)

var widgetKindNames = [...]string{KindButton: "button", KindSlider: "slider", KindLabel: "label", KindText: "text"}

func (k WidgetKind) String() string {
	if int(k) < len(widgetKindNames) {
		return widgetKindNames[k]
	}
	return "WidgetKind(" + strconv.Itoa(int(k)) + ")"
}

// Owner is what the parameter of an editor row belongs to. The zero value,
// OwnerNone, is the target of a widget that changes no parameter.
type Owner uint8

const (
	OwnerNone   Owner = iota
	OwnerScene        // the scene's own editor: a surface's parameters, a network's rows
	OwnerMethod       // a panel's method (Target.Panel)
	OwnerSweep        // the sweep's settings (the app's sweep editor)
	OwnerGIF          // the animation's range and size (the app's GIF editor)
)

var ownerNames = [...]string{OwnerNone: "none", OwnerScene: "scene", OwnerMethod: "method", OwnerSweep: "sweep", OwnerGIF: "gif"}

func (o Owner) String() string {
	if int(o) < len(ownerNames) {
		return ownerNames[o]
	}
	return "Owner(" + strconv.Itoa(int(o)) + ")"
}

// Target names a parameter an editor row changes.
type Target struct {
	Owner Owner
	Panel int // OwnerMethod: the panel whose method it is
	Index int // into the owner's parameters
}

// Widget is a button, slider or label on screen.
type Widget struct {
	Kind  WidgetKind
	R     geom.Rect
	Label string
	Sub   string // a second line under the label, dim (a button with a key hint)
	Key   string // shortcut shown at the right of a button
	Act   Action
	Arg   int
	On    bool // toggle on, or the current choice
	Focus bool // keyboard focus (editor rows)
	Dim   bool // drawn faintly (e.g. unavailable)
	// Status is shown left of the key hint in its colour (a panel
	// header's run status); it may change every frame. A label with a
	// StatusColor is drawn in it.
	Status      string
	StatusColor color.RGBA
	// text fields: the caret's x from the start of the text shown, < 0
	// when the field is not being edited
	Caret float64

	// sliders
	Target    Target
	Param     sim.Param
	Scale     Scale
	Value     float64
	Mark      float64 // a value marked on the track (NaN: none)
	MarkLabel string
}

// Widgets is the list of widgets on screen: first the toolbar's and the
// panel headers', then, from PopupStart on, the open popup's (drawn over
// its background and clipped to it).
type Widgets struct {
	List       []Widget
	PopupStart int
	// Keyboard: the keyboard has moved the focus (Tab), so it is drawn on
	// a touch screen too.
	Keyboard bool
}

// Add appends w.
func (ws *Widgets) Add(w Widget) { ws.List = append(ws.List, w) }

// At returns the widget under (x, y), if any. The popup's widgets count
// only inside popup: scrolled out of it they are hidden.
func (ws *Widgets) At(x, y float64, popup geom.Rect) WidgetRef {
	inPopup := popup.Contains(x, y)
	for i := len(ws.List) - 1; i >= 0; i-- {
		w := &ws.List[i]
		if w.Kind != KindLabel && w.R.Contains(x, y) && (i < ws.PopupStart || inPopup) {
			return RefTo[Widget](i)
		}
	}
	return 0
}

// SliderTrack is the part of a slider's rect the knob moves along: the
// label takes the left 45% (none when the label is on a line of its own),
// the value the last 90 pixels.
func SliderTrack(w *Widget, u float64) geom.Rect {
	r := w.R
	lw := 0.45 * r.W
	if w.Label == "" {
		lw = 0
	}
	return geom.Rect{X: r.X + lw + 8*u, Y: r.Y, W: r.W - lw - 106*u, H: r.H}
}

// DrawWidgets draws the widgets from, …, to−1 of ws and queues their
// text (the caller flushes it); the one hot (under the pointer) is lit.
func (c *Canvas) DrawWidgets(dst *ebiten.Image, ws *Widgets, from, to int, hot WidgetRef) {
	m := &c.M
	p := &c.Flat
	for i := from; i < to; i++ {
		w := &ws.List[i]
		switch w.Kind {
		case KindLabel:
			clr := Dim
			switch {
			case w.StatusColor.A != 0:
				clr = w.StatusColor
			case w.On:
				clr = Ink
			}
			c.Text(render.Sans, w.Label, w.R.X, w.R.Y+w.R.H/2, m.Font, clr, render.Left|render.Middle)
		case KindButton:
			bg := Button
			switch {
			case w.On:
				bg = ButtonOn
			case hot.Is(i):
				bg = ButtonHot
			}
			p.FillRect(dst, w.R, bg)
			if w.Focus && (!m.Touch || ws.Keyboard) { // the keyboard's focus: a finger needs none
				p.StrokeRect(dst, w.R, float32(2*m.U), Ink)
			}
			ink := Ink
			if w.Dim {
				ink = Dim
			}
			pad := 8 * m.U
			switch {
			case w.Sub != "":
				c.Text(render.Sans, w.Label, w.R.X+pad, w.R.Y+w.R.H*0.32, m.Font, ink, render.Left|render.Middle)
				c.Text(render.Sans, w.Sub, w.R.X+pad, w.R.Y+w.R.H*0.72, m.Small, Dim, render.Left|render.Middle)
			case w.Act == ActMenu: // three bars, then the label
				bw, bh := math.Round(14*m.U), math.Max(1, math.Round(2*m.U))
				x, cy := w.R.X+pad+2*m.U, math.Round(w.R.Y+w.R.H/2)
				for k := -1; k <= 1; k++ {
					p.FillRect(dst, geom.Rect{X: x, Y: cy + float64(k)*math.Round(5*m.U) - bh/2, W: bw, H: bh}, ink)
				}
				c.Text(render.Sans, w.Label, x+bw+6*m.U, w.R.Y+w.R.H/2, m.Font, ink, render.Left|render.Middle)
			case w.Key != "":
				c.Text(render.Sans, w.Label, w.R.X+pad, w.R.Y+w.R.H/2, m.Font, ink, render.Left|render.Middle)
				c.Text(render.Sans, w.Key, w.R.X+w.R.W-pad, w.R.Y+w.R.H/2, m.Small, Dim, render.Right|render.Middle)
				if w.Status != "" {
					kw := render.TextWidth(render.Sans, w.Key, m.Small)
					c.Text(render.Sans, w.Status, w.R.X+w.R.W-2*pad-kw, w.R.Y+w.R.H/2, m.Font, w.StatusColor, render.Right|render.Middle)
				}
			default:
				c.Text(render.Sans, w.Label, w.R.X+w.R.W/2, w.R.Y+w.R.H/2, m.Font, ink, render.Center|render.Middle)
			}
		case KindSlider:
			c.drawSlider(dst, w, hot.Is(i), ws.Keyboard)
		case KindText:
			c.drawField(dst, w, hot.Is(i))
		}
	}
}

func (c *Canvas) drawSlider(dst *ebiten.Image, w *Widget, hot, keyboard bool) {
	m := &c.M
	p := &c.Flat
	if w.Focus && (!m.Touch || keyboard) {
		p.FillRect(dst, w.R, ButtonHot)
	}
	c.Text(render.Sans, w.Label, w.R.X+6*m.U, w.R.Y+w.R.H/2, m.Font, Ink, render.Left|render.Middle)
	tr := SliderTrack(w, m.U)
	cy := tr.Y + tr.H/2
	p.FillRect(dst, geom.Rect{X: tr.X, Y: cy - 2*m.U, W: tr.W, H: 4 * m.U}, Frame)
	if !math.IsNaN(w.Mark) {
		mx := tr.X + tr.W*w.Scale.Pos(w.Mark)
		p.FillRect(dst, geom.Rect{X: mx - 1.5*m.U, Y: tr.Y + 3*m.U, W: 3 * m.U, H: tr.H - 6*m.U}, Bad)
		c.Text(render.Sans, w.MarkLabel, mx, tr.Y+tr.H-1*m.U, m.Small*0.85, Bad, render.Center|render.Top)
	}
	kx := tr.X + tr.W*w.Scale.Pos(w.Value)
	knob := Ink
	if hot {
		knob = Good
	}
	p.Dot(dst, nil, kx, cy, 7*m.U, knob)
	c.Text(render.Mono, w.Param.Format(w.Value), w.R.X+w.R.W-4*m.U, w.R.Y+w.R.H/2, m.Small, Ink, render.Right|render.Middle)
}

// ButtonWidth is the width a button needs for its label and key hint.
func (m *Metrics) ButtonWidth(label, key string) float64 {
	w := render.TextWidth(render.Sans, label, m.Font) + 16*m.U
	if key != "" {
		w += render.TextWidth(render.Sans, key, m.Small) + 10*m.U
	}
	return math.Ceil(w)
}

// Clip keeps an image clipped to a rectangle: SubImage allocates, so a
// frame reuses the last one.
type Clip struct {
	img, on *ebiten.Image // the clipped image, and the image it is of
}

// Of returns dst clipped to r (whole pixels).
func (c *Clip) Of(dst *ebiten.Image, r geom.Rect) *ebiten.Image {
	rect := image.Rect(int(r.X), int(r.Y), int(math.Ceil(r.X+r.W)), int(math.Ceil(r.Y+r.H)))
	if c.img == nil || c.on != dst || c.img.Bounds() != rect {
		c.img, c.on = dst.SubImage(rect).(*ebiten.Image), dst
	}
	return c.img
}
