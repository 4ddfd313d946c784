package render

import (
	"github.com/hajimehoshi/ebiten/v2"
)

// Layer is an offscreen image that caches drawing which changes rarely
// (a heatmap with its contour lines, a plot, a path that only grows), so
// that a frame copies it with one draw call instead of drawing it again.
// K is what the drawing depends on: the layer is drawn again when the key
// or the size it is asked for differs from those it was drawn for, and
// only then. A key must name everything the drawing reads (data versions,
// runs and their lengths, views, toggles, the scale), or the layer shows
// a stale picture. The zero value is empty and holds no image.
type Layer[K comparable] struct {
	img   *ebiten.Image
	w, h  int
	key   K
	drawn bool // img holds the drawing for key at w×h
	op    ebiten.DrawImageOptions
}

// Update makes the layer's image w×h (at least 1×1) and drawn for key: if
// the key or the size changed since the last Update, or the layer was
// never drawn, it clears the image (a new one when the
// size changed) and calls draw on it, with (0, 0) at its top-left corner,
// and reports true; else it leaves the image as it is. A layer that grows
// (a path) draws its additions onto Image after Update.
func (l *Layer[K]) Update(key K, w, h int, draw func(img *ebiten.Image)) bool {
	w, h = max(w, 1), max(h, 1)
	if l.drawn && l.key == key && l.w == w && l.h == h {
		return false
	}
	if l.img == nil || l.w != w || l.h != h {
		if l.img != nil {
			l.img.Deallocate()
		}
		l.img = ebiten.NewImage(w, h)
		l.w, l.h = w, h
	} else {
		l.img.Clear()
	}
	l.key, l.drawn = key, true
	draw(l.img)
	return true
}

// Image returns the layer's image (nil before the first Update).
func (l *Layer[K]) Image() *ebiten.Image { return l.img }

// Size returns the layer's size (0×0 before the first Update).
func (l *Layer[K]) Size() (w, h int) { return l.w, l.h }

// Draw draws the layer onto dst with its top-left corner at (x, y), which
// should be whole pixels: the layer is copied pixel for pixel.
func (l *Layer[K]) Draw(dst *ebiten.Image, x, y float64) {
	if l.img == nil {
		return
	}
	l.op.GeoM.Reset()
	l.op.GeoM.Translate(x, y)
	dst.DrawImage(l.img, &l.op)
}
