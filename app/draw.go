package app

import (
	"image/color"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"
)

var background = color.RGBA{0x15, 0x17, 0x1c, 0xff}

func (g *Game) draw(screen *ebiten.Image) {
	screen.Fill(background)
	n := len(g.st.runs)
	pw := g.width / float64(n)
	for i := 0; i < n; i++ {
		vector.DrawFilledRect(screen, float32(float64(i)*pw+8), 8, float32(pw-16), float32(g.hgt-16), color.RGBA{0x30, 0x40, 0x60, 0xff}, false)
	}
}
