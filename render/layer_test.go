package render

import (
	"image/color"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"
)

// layerKey stands for what a layer depends on: several fields of several
// kinds, as the app's keys have.
type layerKey struct {
	rows  int
	shown bool
	u     float64
}

// The one test of the cached-layer mechanism: a Layer draws on its first
// Update, again when any field of its key or its size changed, and never
// otherwise; a redraw starts from a cleared image (a new one only for a
// new size); Draw copies it pixel for pixel.
func TestLayerDrawsAgainOnlyWhenItsKeyOrSizeChanged(t *testing.T) {
	var l Layer[layerKey]
	c := newCanvas(64, 48)
	l.Draw(c.img, 0, 0) // the zero value is empty: draws nothing
	if l.Image() != nil {
		t.Fatal("the zero layer has an image")
	}
	draws := 0
	var fill color.RGBA // what the next drawing draws
	draw := func(img *ebiten.Image) {
		draws++
		var p Painter
		p.FillRect(img, Rect{X: 2, Y: 1, W: 3, H: 2}, fill)
	}
	key := layerKey{rows: 3, shown: true, u: 1}
	step := func(what string, k layerKey, w, h int, redraw bool) {
		t.Helper()
		before := draws
		if got := l.Update(k, w, h, draw); got != redraw || draws-before != btoi(redraw) {
			t.Errorf("%s: Update reported %v and drew %d times, want a redraw %v", what, got, draws-before, redraw)
		}
		if gw, gh := l.Size(); gw != max(w, 1) || gh != max(h, 1) {
			t.Errorf("%s: layer %d×%d, want %d×%d", what, gw, gh, w, h)
		}
	}
	fill = red
	step("first update", key, 20, 10, true)
	img := l.Image()
	step("same key and size", key, 20, 10, false)
	step("same again", key, 20, 10, false)
	for _, k := range []layerKey{{rows: 4, shown: true, u: 1}, {rows: 4, shown: false, u: 1}, {rows: 4, shown: false, u: 2}} {
		step("key field changed", k, 20, 10, true)
		key = k
	}
	if l.Image() != img {
		t.Error("a redraw at the same size made a new image")
	}
	step("wider", key, 21, 10, true)
	step("taller", key, 21, 11, true)
	if l.Image() == img {
		t.Error("a new size kept the old image")
	}
	step("empty", key, 0, 0, true)
	step("back", key, 21, 11, true)

	// A redraw clears what was there: draw red, then draw nothing.
	fill = red
	step("red", layerKey{rows: 10}, 8, 6, true)
	l.Draw(c.img, 7, 5)
	c.read()
	if got := c.at(7+3, 5+2); got != red {
		t.Errorf("the layer copied at (7, 5) shows %v at (10, 7), want red", got)
	}
	if got := c.at(7+1, 5+2); got != black {
		t.Errorf("the layer copied at (7, 5) shows %v at (8, 7), want the canvas (black)", got)
	}
	fill = color.RGBA{}
	step("cleared", layerKey{rows: 11}, 8, 6, true)
	c = newCanvas(64, 48)
	l.Draw(c.img, 7, 5)
	c.read()
	if got := c.at(7+3, 5+2); got != black {
		t.Errorf("after a redraw that draws nothing the layer shows %v, want it cleared", got)
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
