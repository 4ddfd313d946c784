package app

import (
	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"
)

// handleInput turns keys, mouse and touch into actions.
func (g *Game) handleInput() {
	st := g.st
	switch {
	case inpututil.IsKeyJustPressed(ebiten.KeySpace):
		st.playing = !st.playing && !st.done()
	case inpututil.IsKeyJustPressed(ebiten.KeyS), inpututil.IsKeyJustPressed(ebiten.KeyArrowRight):
		st.playing = false
		st.stepAll()
	case inpututil.IsKeyJustPressed(ebiten.KeyR):
		st.playing = false
		st.restart()
	}
}
