package app

import (
	"testing"

	"curvlab/internal/gameloop"

	"github.com/hajimehoshi/ebiten/v2"
)

// The tests run beside ebiten's game loop (on a display: under Xvfb), so
// that images can be drawn and read back, and whole frames can be run
// inside the loop with onFrames.
func TestMain(m *testing.M) { gameloop.Main(m, 1600, 900) }

// onFrames runs update and draw in n real frames of the game loop and
// returns when they are done.
func onFrames(n int, update func(), draw func(screen *ebiten.Image)) {
	gameloop.OnFrames(n, update, draw)
}

// ownAllocs runs n frames and returns the heap objects allocated in them
// by curvlab's own code, with the function that allocated most.
func ownAllocs(n int, update func(), draw func(screen *ebiten.Image)) (int64, string) {
	return gameloop.OwnAllocs(n, update, draw)
}
