package ui

import (
	"image/color"
	"slices"

	"curvlab/render"

	"github.com/hajimehoshi/ebiten/v2"
)

// Canvas is what the app and its scenes draw with: the layout's sizes,
// two painters and the queue of a frame's text.
type Canvas struct {
	M     Metrics
	Paint render.Painter // anti-aliased shapes
	Flat  render.Painter // rectangles: aliased, cheap, pixel-exact
	texts []render.Label // text queued to be drawn after the shapes
	cache textCache
}

// NewCanvas returns a canvas whose flat painter is aliased.
func NewCanvas() *Canvas { return &Canvas{Flat: render.Painter{Aliased: true}} }

// textCache keeps a frame's queued text drawn in a screen-sized layer:
// a frame whose text is the same as the last one's copies the layer (one
// draw call) instead of drawing every glyph (a thousand quads a frame
// with four panels). The layer is drawn when the text has stayed the
// same for a frame, so that text changing every frame (while playing) is
// drawn directly, as cheaply as before.
type textCache struct {
	layer   render.Layer[int] // keyed by version
	last    []render.Label    // the text of the last frame
	version int               // counts the changes of last
	steady  bool              // the text was the same in the last two frames
	w, h    int
}

// Text queues a label. Text is drawn after all anti-aliased shapes of a
// frame, all of it in one draw call (render.DrawTexts): ebiten renders
// anti-aliased triangles through an offscreen buffer that every other kind
// of draw call flushes, so interleaving text and shapes would cost one
// flush per label (expensive with software GL in headless browsers and
// under Xvfb).
func (c *Canvas) Text(font render.Font, s string, x, y, size float64, clr color.RGBA, align render.Align) {
	c.texts = append(c.texts, render.Label{Font: font, S: s, X: x, Y: y, Size: size, Color: clr, Align: align})
}

// Label queues a label laid out before.
func (c *Canvas) Label(lb render.Label) { c.texts = append(c.texts, lb) }

// Flush draws the queued text; cached uses the text cache (the main pass
// of a frame), otherwise it is drawn directly (popups).
func (c *Canvas) Flush(dst *ebiten.Image, cached bool) {
	defer func() { c.texts = c.texts[:0] }()
	if !cached {
		render.DrawTexts(dst, c.texts)
		return
	}
	tc := &c.cache
	w, h := dst.Bounds().Dx(), dst.Bounds().Dy()
	same := w == tc.w && h == tc.h && slices.Equal(c.texts, tc.last)
	if !same {
		tc.last = append(tc.last[:0], c.texts...)
		tc.w, tc.h = w, h
		tc.version++
	}
	steady := same && tc.steady
	tc.steady = same
	if !steady {
		render.DrawTexts(dst, c.texts)
		return
	}
	tc.layer.Update(tc.version, w, h, func(img *ebiten.Image) { render.DrawTexts(img, c.texts) })
	tc.layer.Draw(dst, 0, 0)
}
