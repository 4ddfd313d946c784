package render

import (
	"github.com/hajimehoshi/ebiten/v2"
)

// Layer is an offscreen image that caches drawing which changes rarely
// (a heatmap with its contour lines, a path that only grows), so that a
// frame copies it with one draw call instead of drawing it again. Its zero
// value is empty.
type Layer struct {
	img  *ebiten.Image
	w, h int
	op   ebiten.DrawImageOptions
}

// Reset returns the layer's image, w×h and transparent: the old one cleared
// when it has this size, else a new one.
func (l *Layer) Reset(w, h int) *ebiten.Image {
	w, h = max(w, 1), max(h, 1)
	if l.img == nil || l.w != w || l.h != h {
		if l.img != nil {
			l.img.Deallocate()
		}
		l.img = ebiten.NewImage(w, h)
		l.w, l.h = w, h
		return l.img
	}
	l.img.Clear()
	return l.img
}

// Image returns the layer's image (nil before the first Reset).
func (l *Layer) Image() *ebiten.Image { return l.img }

// Size returns the size of the last Reset.
func (l *Layer) Size() (w, h int) { return l.w, l.h }

// Draw draws the layer onto dst with its top-left corner at (x, y), which
// should be whole pixels: the layer is copied pixel for pixel.
func (l *Layer) Draw(dst *ebiten.Image, x, y float64) {
	if l.img == nil || discardDraws {
		return
	}
	l.op.GeoM.Reset()
	l.op.GeoM.Translate(x, y)
	dst.DrawImage(l.img, &l.op)
}
