package render

import (
	"image/color"
	"math"
	"testing"
)

// TestChineseGlyphs: a Chinese character, which the Go fonts lack, is
// measured and drawn from the CJK subset: about an em wide, with ink in
// its box; Latin beside it keeps the Go font's widths, and a rune neither
// font has draws no ink from the subset (龘: no string uses it).
func TestChineseGlyphs(t *testing.T) {
	const size = 20
	if w := TextWidth(Sans, "中", size); math.Abs(w-size) > 1 {
		t.Errorf("中 is %v wide at %v, want about an em", w, size)
	}
	if got, want := TextWidth(Sans, "a中b", size), TextWidth(Sans, "ab", size)+TextWidth(Sans, "中", size); math.Abs(got-want) > 0.01 {
		t.Errorf("a中b is %v wide, a, b and 中 %v", got, want)
	}
	ink := func(s string) int {
		c := newCanvas(64, 40)
		DrawText(c.img, Sans, s, 4, 4, size, color.RGBA{255, 255, 255, 255}, Left|Top)
		c.read()
		n := 0
		for y := range 40 {
			for x := range 64 {
				if c.at(x, y).R > 64 {
					n++
				}
			}
		}
		return n
	}
	if n := ink("中文"); n < 60 {
		t.Errorf("中文 drew %d pixels", n)
	}
	if n := ink("龘"); n > 0 && n == ink("中") {
		t.Errorf("龘, not in the subset, drew as 中 does")
	}
}
