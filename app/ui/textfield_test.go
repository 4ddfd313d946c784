package ui

import (
	"strings"
	"testing"

	"curvlab/render"
	"curvlab/render/geom"
)

// TestTextFieldEdits: typing goes in at the caret, control characters are
// left out, the editing keys do what they say at the ends too, and the
// field holds at most MaxFieldLen characters.
func TestTextFieldEdits(t *testing.T) {
	var f TextField
	if !f.Insert([]rune("x+y")) || f.String() != "x+y" || f.Caret != 3 {
		t.Fatalf("%q caret %d", f.String(), f.Caret)
	}
	f.Edit(EditLeft)
	f.Edit(EditLeft)
	f.Insert([]rune("^2"))
	if f.String() != "x^2+y" || f.Caret != 3 {
		t.Errorf("insert at the caret: %q caret %d", f.String(), f.Caret)
	}
	if f.Insert([]rune("\n\t\x00")) || f.String() != "x^2+y" {
		t.Errorf("control characters typed: %q", f.String())
	}
	f.Edit(EditHome)
	if f.Edit(EditBackspace) || f.Caret != 0 {
		t.Error("backspace at the start changed something")
	}
	if !f.Edit(EditDelete) || f.String() != "^2+y" {
		t.Errorf("delete: %q", f.String())
	}
	f.Edit(EditEnd)
	if f.Edit(EditDelete) || f.Edit(EditRight) || f.Caret != 4 {
		t.Error("delete or → at the end changed something")
	}
	if !f.Edit(EditBackspace) || f.String() != "^2+" || f.Caret != 3 {
		t.Errorf("backspace: %q caret %d", f.String(), f.Caret)
	}
	f.Set(strings.Repeat("x", MaxFieldLen-1))
	f.Insert([]rune("yz"))
	if len(f.Text) != MaxFieldLen || f.Text[MaxFieldLen-1] != 'y' {
		t.Errorf("%d characters held, last %q", len(f.Text), f.Text[len(f.Text)-1])
	}
}

// TestTextFieldCaretAt: a click puts the caret at the character boundary
// nearest to it, and a long text shows the part around the caret.
func TestTextFieldCaretAt(t *testing.T) {
	m := NewMetrics(1600, 900, 1, false)
	r := geom.Rect{X: 100, Y: 0, W: 400, H: 30}
	var f TextField
	f.Set("sin(x) + y")
	cw := render.TextWidth(fieldFont, "s", m.Font) // monospaced: every character as wide
	for _, c := range []struct {
		dx   float64 // from the text's start
		want int
	}{{-20, 0}, {0.2 * cw, 0}, {0.8 * cw, 1}, {3.4 * cw, 3}, {3.6 * cw, 4}, {50 * cw, 10}} {
		f.CaretAt(&m, r, r.X+fieldPad(&m)+c.dx)
		if f.Caret != c.want {
			t.Errorf("click %.1f characters in: caret %d, want %d", c.dx/cw, f.Caret, c.want)
		}
	}
	f.Set(strings.Repeat("x+", 200))
	start, end := f.window(&m, r)
	if end != len(f.Text) || start == 0 || float64(end-start)*cw > r.W-2*fieldPad(&m)+0.5 {
		t.Errorf("caret at the end of 400 characters: shows %d…%d", start, end)
	}
}
