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

// finished ends --gif when the app has given the animation to SaveFile,
// or with the app's sentence when it gave up on it (RecordGIF).
func (h *gifHost) finished(failure string) {
	h.done = true
	if failure != "" && h.err == nil {
		h.err = errors.New(failure)
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
