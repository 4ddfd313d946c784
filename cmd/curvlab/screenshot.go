package main

import (
	"image"
	"image/png"
	"os"

	"github.com/hajimehoshi/ebiten/v2"

	"curvlab/app"
)

// screenshotGame draws a few frames, saves the last one and ends the app:
// for figures, and for the test that the desktop build draws under Xvfb.
type screenshotGame struct {
	*app.Game
	path   string
	frames int
	drawn  int
	err    error
	saved  bool
}

func (s *screenshotGame) Update() error {
	if s.saved {
		if s.err != nil {
			return s.err
		}
		return ebiten.Termination
	}
	return s.Game.Update()
}

func (s *screenshotGame) Draw(screen *ebiten.Image) {
	s.Game.Draw(screen)
	s.drawn++
	if s.drawn < s.frames || s.saved {
		return
	}
	b := screen.Bounds()
	img := image.NewRGBA(b)
	screen.ReadPixels(img.Pix)
	s.saved = true
	f, err := os.Create(s.path)
	if err != nil {
		s.err = err
		return
	}
	defer f.Close()
	s.err = png.Encode(f, img)
}
