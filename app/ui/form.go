package ui

import (
	"curvlab/lang"
	"math"

	"curvlab/render"
	"curvlab/render/geom"
	"curvlab/sim"
)

// Popup is the geometry of the open menu, editor or help overlay. Content
// taller than the screen scrolls: by dragging, the wheel, or the
// keyboard's focus.
type Popup struct {
	Focus   int       // keyboard row
	Rect    geom.Rect // where it is drawn (set when it is built)
	Scroll  float64   // how far its content is scrolled up, in device pixels
	Content float64   // its content's height
	Reveal  bool      // scroll the focused row into view (the keyboard moved the focus)
}

// Form builds a popup's widgets: rows of buttons, sliders and labels laid
// out from the top of the popup down, scrolled as the popup is.
type Form struct {
	M   *Metrics
	WS  *Widgets
	P   *Popup
	Top float64 // the toolbar's height: popups open under it
}

// Rect places a popup of width w under the toolbar, centred and kept on
// screen, as tall as the screen allows: Fit sets its height.
func (f *Form) Rect(w float64) geom.Rect {
	m := f.M
	w = math.Min(w, m.W-16*m.U)
	return geom.Rect{X: math.Round((m.W - w) / 2), Y: f.Top + 8*m.U, W: w, H: m.H - f.Top - 16*m.U}
}

// Fit makes r, laid out with its content scrolled up by P.Scroll and
// ending at bottom, the open popup's rectangle: as tall as its content, or
// as the screen allows, the scroll kept within the content.
func (f *Form) Fit(r geom.Rect, bottom float64) {
	p := f.P
	p.Content = bottom + p.Scroll - r.Y
	r.H = math.Min(r.H, p.Content)
	p.Rect = r
	d := 0.0
	if p.Reveal {
		p.Reveal = false
		for i := f.WS.PopupStart; i < len(f.WS.List); i++ {
			if w := f.WS.List[i].R; f.WS.List[i].Focus {
				d = math.Min(w.Y-r.Y, math.Max(0, w.Y+w.H-(r.Y+r.H)))
				break
			}
		}
	}
	f.Scroll(d)
}

// Scroll scrolls the popup's content up by d device pixels (down for
// d < 0), within its content, moving its widgets.
func (f *Form) Scroll(d float64) {
	p := f.P
	s := math.Max(0, math.Min(p.Scroll+d, p.Content-p.Rect.H))
	d, p.Scroll = s-p.Scroll, s
	if d == 0 {
		return
	}
	for i := f.WS.PopupStart; i < len(f.WS.List); i++ {
		f.WS.List[i].R.Y -= d
	}
}

// Head starts an editor popup of width w (logical pixels) with a title
// line, shortened to fit; it returns the popup's rectangle and the y below
// the title (scrolled as the popup is).
func (f *Form) Head(w float64, title string) (geom.Rect, float64) {
	m := f.M
	r := f.Rect(w * m.U)
	y := r.Y + 8*m.U - f.P.Scroll
	f.WS.Add(Widget{Kind: KindLabel, R: geom.Rect{X: r.X + 14*m.U, Y: y, W: r.W, H: 1.6 * m.Font},
		Label: FitText(title, m.Font, r.W-28*m.U), On: true})
	return r, y + 1.8*m.Font
}

// KeysHint returns keys, a title's hint at the keyboard, or on a touch
// screen, where it is noise, touch.
func (f *Form) KeysHint(keys, touch string) string {
	if f.M.Touch {
		return touch
	}
	return keys
}

// Grid lays out buttons labelled labels in columns inside r starting at y,
// each asking for act with its index, and returns the y below them.
// current is on; focus says the keyboard is on this row.
func (f *Form) Grid(r geom.Rect, y float64, labels []string, act Action, current int, focus bool) float64 {
	m := f.M
	row := math.Max(math.Round(1.8*m.Font), m.Target)
	var cw float64
	for _, s := range labels {
		cw = math.Max(cw, m.ButtonWidth(s, ""))
	}
	cols := max(1, int((r.W-16*m.U)/(cw+4*m.U)))
	cw = math.Floor((r.W-16*m.U)/float64(cols)) - 4*m.U
	for i, s := range labels {
		c, k := i%cols, i/cols
		f.WS.Add(Widget{Kind: KindButton,
			R:     geom.Rect{X: r.X + 8*m.U + float64(c)*(cw+4*m.U), Y: y + float64(k)*(row+4*m.U), W: cw, H: row},
			Label: s, Act: act, Arg: i, On: i == current, Focus: focus && i == current})
	}
	return y + float64((len(labels)+cols-1)/cols)*(row+4*m.U)
}

// A FormButton is a button of a row of them: its label and what it asks.
type FormButton struct {
	Label string
	Act   Action
	Arg   int
}

// Buttons lays out a row of buttons at the right of r, after the label
// text on its left (shortened to fit), and returns the y below them.
func (f *Form) Buttons(r geom.Rect, y float64, text string, buttons ...FormButton) float64 {
	m := f.M
	row := math.Max(math.Round(1.8*m.Font), m.Target)
	x := r.X + r.W - 8*m.U
	for i := len(buttons) - 1; i >= 0; i-- {
		b := buttons[i]
		w := math.Max(m.ButtonWidth(b.Label, ""), m.Target)
		x -= w
		f.WS.Add(Widget{Kind: KindButton, R: geom.Rect{X: x, Y: y, W: w, H: row}, Label: b.Label, Act: b.Act, Arg: b.Arg})
		x -= 4 * m.U
	}
	if left := r.X + 14*m.U; x-left > 40*m.U {
		f.WS.Add(Widget{Kind: KindLabel, R: geom.Rect{X: left, Y: y, W: x - left, H: row}, Label: FitText(text, m.Font, x-left-4*m.U)})
	}
	return y + row + 4*m.U
}

// MarkFunc gives the value to mark on a parameter's slider and its label
// (NaN: none).
type MarkFunc func(key string) (float64, string)

// ParamRows adds one editor row per parameter of owner (a Target without
// its index), the keyboard's rows 1, 2, …: a slider, or buttons for a
// choice (each asking for ActSetChoice). mark, if not nil, gives a value
// to mark on a slider. In a narrow popup (a phone's) each parameter's
// label has a line of its own above its slider or buttons, which then take
// the whole width.
func (f *Form) ParamRows(r geom.Rect, y float64, params []sim.Param, vals []float64, owner Target, mark MarkFunc) float64 {
	m := f.M
	row := math.Max(math.Round(2.0*m.Font), m.Target)
	narrow := r.W < 640*m.U
	inner := geom.Rect{X: r.X + 8*m.U, W: r.W - 16*m.U}
	for i, p := range params {
		t := owner
		t.Index = i
		focus := f.P.Focus == i+1
		label := p.Key + "  " + GlyphSafe.Replace(lang.T(p.Desc))
		if narrow {
			lh := math.Round(1.5 * m.Font)
			f.WS.Add(Widget{Kind: KindLabel, R: geom.Rect{X: r.X + 14*m.U, Y: y, W: inner.W, H: lh},
				Label: FitText(label, m.Font, inner.W-6*m.U), On: focus})
			y += lh
		}
		if len(p.Choices) > 0 {
			x, bw := inner.X, math.Floor(inner.W/float64(len(p.Choices)))
			if !narrow {
				f.WS.Add(Widget{Kind: KindLabel, R: geom.Rect{X: r.X + 14*m.U, Y: y, W: 160 * m.U, H: row},
					Label: FitText(label, m.Font, 0.45*r.W-20*m.U), On: focus})
				x, bw = r.X+r.W*0.5, math.Floor((r.W*0.5-12*m.U)/float64(len(p.Choices)))
			}
			inset := 2 * m.U // the choices' buttons are a little smaller than the row, unless that makes them too small to tap
			if row-2*inset < m.Target {
				inset = 0
			}
			for c, name := range p.Choices {
				f.WS.Add(Widget{Kind: KindButton, R: geom.Rect{X: x + float64(c)*bw, Y: y + inset, W: bw - 4*m.U, H: row - 2*inset},
					Label: FitText(name, m.Font, bw-8*m.U), Act: ActSetChoice, Arg: c, Target: t, On: int(vals[i]) == c, Focus: focus && int(vals[i]) == c})
			}
		} else {
			mv, ml := math.NaN(), ""
			if mark != nil {
				mv, ml = mark(p.Key)
			}
			if narrow {
				label = ""
			} else {
				label = FitText(label, m.Font, 0.45*inner.W-10*m.U)
			}
			f.WS.Add(Widget{Kind: KindSlider, R: geom.Rect{X: inner.X, Y: y, W: inner.W, H: row},
				Label: label, Target: t, Param: p, Scale: NewScale(p),
				Value: vals[i], Mark: mv, MarkLabel: ml, Focus: focus})
		}
		y += row + 4*m.U
	}
	return y
}

// LabelLines adds s as labels in r from y on, wrapped to r's width, and
// returns the y below them.
func (f *Form) LabelLines(r geom.Rect, y float64, s string) float64 {
	m := f.M
	for _, line := range WrapLines(render.Sans, s, m.Font, r.W-28*m.U) {
		f.WS.Add(Widget{Kind: KindLabel, R: geom.Rect{X: r.X + 14*m.U, Y: y, W: r.W, H: 1.5 * m.Font}, Label: line})
		y += 1.5 * m.Font
	}
	return y
}
