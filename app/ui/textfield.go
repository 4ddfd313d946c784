package ui

import (
	"math"
	"unicode"

	"curvlab/render"
	"curvlab/render/geom"

	"github.com/hajimehoshi/ebiten/v2"
)

// TextField is a line of text the user edits with the keyboard: its
// characters and the caret (the zero value is an empty field, not being
// edited). The app feeds it keys while Active; a Form draws it as a
// KindText widget.
type TextField struct {
	Text   []rune
	Caret  int  // where typing goes: 0 … len(Text)
	Active bool // keys go to the field
}

// MaxFieldLen bounds what a field holds: typing or pasting beyond it is
// dropped (a formula is refused well before).
const MaxFieldLen = 2000

// Set replaces the text, the caret at its end.
func (t *TextField) Set(s string) {
	t.Text = append(t.Text[:0], []rune(s)...)
	t.Caret = len(t.Text)
}

// String is the text.
func (t *TextField) String() string { return string(t.Text) }

// Insert types rs at the caret, leaving out control characters, and
// reports whether the text changed.
func (t *TextField) Insert(rs []rune) bool {
	changed := false
	for _, r := range rs {
		if unicode.IsControl(r) || len(t.Text) >= MaxFieldLen {
			continue
		}
		t.Text = append(t.Text, 0)
		copy(t.Text[t.Caret+1:], t.Text[t.Caret:])
		t.Text[t.Caret] = r
		t.Caret++
		changed = true
	}
	return changed
}

// EditKey is a key that edits a field or moves its caret.
type EditKey uint8

const (
	EditNone      EditKey = iota
	EditBackspace         // delete the character before the caret
	EditDelete            // delete the character after it
	EditLeft
	EditRight
	EditHome
	EditEnd
)

// EditKeys are the ebiten keys of the EditKeys, in the order the app reads
// them.
var EditKeys = [...]struct {
	Key  ebiten.Key
	Edit EditKey
}{
	{ebiten.KeyBackspace, EditBackspace}, {ebiten.KeyDelete, EditDelete},
	{ebiten.KeyArrowLeft, EditLeft}, {ebiten.KeyArrowRight, EditRight},
	{ebiten.KeyHome, EditHome}, {ebiten.KeyEnd, EditEnd},
}

// Edit applies key k and reports whether the text changed (moving the
// caret does not change it).
func (t *TextField) Edit(k EditKey) bool {
	switch k {
	case EditBackspace:
		if t.Caret == 0 {
			return false
		}
		t.Text = append(t.Text[:t.Caret-1], t.Text[t.Caret:]...)
		t.Caret--
		return true
	case EditDelete:
		if t.Caret == len(t.Text) {
			return false
		}
		t.Text = append(t.Text[:t.Caret], t.Text[t.Caret+1:]...)
		return true
	case EditLeft:
		t.Caret = max(0, t.Caret-1)
	case EditRight:
		t.Caret = min(len(t.Text), t.Caret+1)
	case EditHome:
		t.Caret = 0
	case EditEnd:
		t.Caret = len(t.Text)
	}
	return false
}

// fieldFont is a field's text font: monospaced, so that the caret and a
// message's column line up.
const fieldFont = render.Mono

// CaretAt puts the caret at the character boundary nearest to x, for a
// field drawn in r (where a click landed).
func (t *TextField) CaretAt(m *Metrics, r geom.Rect, x float64) {
	start, _ := t.window(m, r)
	x -= r.X + fieldPad(m)
	best := start
	for i := start; i <= len(t.Text); i++ {
		w := render.TextWidth(fieldFont, string(t.Text[start:i]), m.Font)
		if w > x+1e-9 {
			if i > start && x-render.TextWidth(fieldFont, string(t.Text[start:i-1]), m.Font) < w-x {
				best = i - 1
			} else {
				best = i
			}
			break
		}
		best = i
	}
	t.Caret = best
}

func fieldPad(m *Metrics) float64 { return 8 * m.U }

// window returns the characters of the text shown in a field drawn in r:
// from start to end, so that the caret is in view.
func (t *TextField) window(m *Metrics, r geom.Rect) (start, end int) {
	avail := r.W - 2*fieldPad(m)
	width := func(a, b int) float64 { return render.TextWidth(fieldFont, string(t.Text[a:b]), m.Font) }
	for start < t.Caret && width(start, t.Caret) > avail {
		start++
	}
	end = t.Caret
	for end < len(t.Text) && width(start, end+1) <= avail {
		end++
	}
	return start, end
}

// Field adds a text field as wide as r at y, showing placeholder (dim)
// when it is empty and not being edited, and returns the y below it.
func (f *Form) Field(r geom.Rect, y float64, t *TextField, act Action, placeholder string) float64 {
	m := f.M
	h := math.Max(math.Round(1.8*m.Font), m.Target)
	wr := geom.Rect{X: r.X + 8*m.U, Y: y, W: r.W - 16*m.U, H: h}
	w := Widget{Kind: KindText, R: wr, Act: act, Focus: t.Active, Caret: -1}
	if len(t.Text) == 0 && !t.Active {
		w.Label, w.Dim = placeholder, true
	} else {
		start, end := t.window(m, wr)
		w.Label = string(t.Text[start:end])
		if t.Active {
			w.Caret = render.TextWidth(fieldFont, string(t.Text[start:t.Caret]), m.Font)
		}
	}
	f.WS.Add(w)
	return y + h + 4*m.U
}

// drawField draws a KindText widget: its box, text and caret.
func (c *Canvas) drawField(dst *ebiten.Image, w *Widget, hot bool) {
	m := &c.M
	p := &c.Flat
	bg := Button
	if w.Focus || hot {
		bg = ButtonHot
	}
	p.FillRect(dst, w.R, bg)
	if w.Focus {
		p.StrokeRect(dst, w.R, float32(2*m.U), Ink)
	}
	ink := Ink
	if w.Dim {
		ink = Dim
	}
	x, cy := w.R.X+fieldPad(m), w.R.Y+w.R.H/2
	c.Text(fieldFont, w.Label, x, cy, m.Font, ink, render.Left|render.Middle)
	if w.Caret >= 0 {
		p.FillRect(dst, geom.Rect{X: x + w.Caret, Y: w.R.Y + 5*m.U, W: 2 * m.U, H: w.R.H - 10*m.U}, Ink)
	}
}
