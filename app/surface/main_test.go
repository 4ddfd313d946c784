package surface

import (
	"testing"

	"curvlab/internal/gameloop"
	"curvlab/internal/scenetest"
)

// The tests run beside ebiten's game loop (on a display: under Xvfb), so
// that images can be drawn and read back, and whole frames run.
func TestMain(m *testing.M) { gameloop.Main(m, 1600, 900) }

// newRig opens link in a surface scene on a w×h screen at scale 1 and
// draws its first frame.
func newRig(t testing.TB, link string, w, h int) *scenetest.Rig[*Scene] {
	t.Helper()
	return scenetest.New(t, link, w, h, 1, New)
}

// untilWhole runs frames until the scene has nothing pending (at most
// frames of them).
func untilWhole(t *testing.T, g *scenetest.Rig[*Scene], frames int) {
	t.Helper()
	for i := 0; g.Scene.Pending(g.St); i++ {
		if i > frames {
			t.Fatalf("the picture is not whole after %d frames", frames)
		}
		g.Frames(1)
	}
}
