package app

import (
	"image/color"

	"curvlab/render"

	"github.com/hajimehoshi/ebiten/v2"
)

// textCmd is a queued text draw. Text is drawn after all anti-aliased
// shapes of a frame: ebiten renders anti-aliased triangles through an
// offscreen buffer that every other kind of draw call flushes, so
// interleaving text and shapes would cost one flush per label (expensive
// with software GL in headless browsers and under Xvfb).
type textCmd struct {
	font  render.Font
	s     string
	x, y  float64
	size  float64
	clr   color.RGBA
	align render.Align
}

func (g *Game) text(font render.Font, s string, x, y, size float64, clr color.RGBA, align render.Align) {
	g.texts = append(g.texts, textCmd{font, s, x, y, size, clr, align})
}

func (g *Game) flushText(dst *ebiten.Image) {
	for _, t := range g.texts {
		render.DrawText(dst, t.font, t.s, t.x, t.y, t.size, t.clr, t.align)
	}
	g.texts = g.texts[:0]
}
