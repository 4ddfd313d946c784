package app

import (
	"image/color"
	"slices"

	"curvlab/render"

	"github.com/hajimehoshi/ebiten/v2"
)

// textCache keeps a frame's queued text drawn in a screen-sized layer:
// a frame whose text is the same as the last one's copies the layer (one
// draw call) instead of drawing every glyph (a thousand quads a frame
// with four panels). The layer is drawn when the text
// has stayed the same for a frame, so that text changing every frame
// (while playing) is drawn directly, as cheaply as before.
type textCache struct {
	layer   render.Layer[int] // keyed by version
	last    []render.Label    // the text of the last frame
	version int               // counts the changes of last
	steady  bool              // the text was the same in the last two frames
	w, h    int
}

// text queues a label. Text is drawn after all anti-aliased shapes of a
// frame, all of it in one draw call (render.DrawTexts): ebiten renders
// anti-aliased triangles through an offscreen buffer that every other kind
// of draw call flushes, so interleaving text and shapes would cost one
// flush per label (expensive with software GL in headless browsers and
// under Xvfb).
func (g *Game) text(font render.Font, s string, x, y, size float64, clr color.RGBA, align render.Align) {
	g.texts = append(g.texts, render.Label{Font: font, S: s, X: x, Y: y, Size: size, Color: clr, Align: align})
}

// flushText draws the queued text; cached uses the text cache (the main
// pass of a frame), otherwise it is drawn directly (popups).
func (g *Game) flushText(dst *ebiten.Image, cached bool) {
	defer func() { g.texts = g.texts[:0] }()
	if !cached {
		render.DrawTexts(dst, g.texts)
		return
	}
	tc := &g.textCache
	w, h := dst.Bounds().Dx(), dst.Bounds().Dy()
	same := w == tc.w && h == tc.h && slices.Equal(g.texts, tc.last)
	if !same {
		tc.last = append(tc.last[:0], g.texts...)
		tc.w, tc.h = w, h
		tc.version++
	}
	steady := same && tc.steady
	tc.steady = same
	if !steady {
		render.DrawTexts(dst, g.texts)
		return
	}
	tc.layer.Update(tc.version, w, h, func(img *ebiten.Image) { render.DrawTexts(img, g.texts) })
	tc.layer.Draw(dst, 0, 0)
}
