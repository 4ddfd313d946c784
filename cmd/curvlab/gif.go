package main

import (
	"errors"
	"os"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"curvlab/app"
)

// gifHost is the desktop's host for --gif: the animation the app saves
// (app.Game.RecordGIF) is written to the file named on the command line,
// whatever name the app gives it.
type gifHost struct {
	*desktopHost
	path string
	done bool
	err  error
}

func (h *gifHost) SaveFile(name string, data []byte) string {
	if !strings.HasSuffix(name, ".gif") {
		return h.desktopHost.SaveFile(name, data)
	}
	h.done = true
	h.err = os.WriteFile(h.path, data, 0o644)
	if h.err != nil {
		if u := errors.Unwrap(h.err); u != nil {
			h.err = u
		}
		return "Could not save " + h.path + ": " + h.err.Error() + "."
	}
	return "Saved " + h.path + "."
}

// NoticeChanged ends --gif with the notice when the app gives up on the
// animation (it cannot be saved of this scenario, or could not be written).
func (h *gifHost) NoticeChanged(text string) {
	h.desktopHost.NoticeChanged(text)
	if strings.HasPrefix(text, "An animation can be saved") || strings.HasPrefix(text, "The animation could not") || strings.HasPrefix(text, "The screen is too small") {
		h.done, h.err = true, errors.New(text)
	}
}

// gifGame runs the app until it has saved the animation, then ends it.
type gifGame struct {
	*app.Game
	host *gifHost
}

func (g *gifGame) Update() error {
	if g.host.done {
		if g.host.err != nil {
			return g.host.err
		}
		return ebiten.Termination
	}
	return g.Game.Update()
}
