package network

import (
	"testing"
	"time"

	"curvlab/internal/gameloop"
	"curvlab/internal/scenetest"
	"curvlab/sim/nn"

	"github.com/hajimehoshi/ebiten/v2"
)

// The tests run beside ebiten's game loop (on a display: under Xvfb), so
// that images can be drawn and read back, and whole frames run.
func TestMain(m *testing.M) { gameloop.Main(m, 1600, 900) }

const eosLink = "v1;net=tanh:8,8;d=circle;m=gd:lr=0.35;m=gd:lr=0.3;n=3000;t=0"

// newRig opens link in a network scene on a w×h screen at scale 1 and
// draws its first frame.
func newRig(t testing.TB, link string, w, h int) *scenetest.Rig[*Scene] {
	t.Helper()
	return scenetest.New(t, link, w, h, 1, New)
}

// settle runs frames until the scene has nothing left to compute (every
// tracker, decision map and spectrum current, the slice complete), at
// most limit frames, and reports whether it got there. With extra > 0
// each frame also computes for that long beyond the frame's budget, to
// get there in fewer (slow, software-rendered) frames. The frames draw
// when draw is set.
func settle(g *scenetest.Rig[*Scene], draw bool, limit int, extra time.Duration) bool {
	for i := 0; i < limit; i++ {
		gameloop.OnFrames(1, func() {
			g.Update()
			if extra > 0 {
				g.Scene.Update(g.St, g.Panels, time.Now().Add(extra))
			}
		}, func(*ebiten.Image) {
			if draw {
				g.Draw(g.Img)
			}
		})
		if !g.Scene.Pending(g.St) {
			return true
		}
	}
	return false
}

// steppedRig opens link, takes steps steps and runs frames until
// everything is computed; it returns the rig and scenetest.TrainMLP.
func steppedRig(t *testing.T, link string, steps int) (*scenetest.Rig[*Scene], *nn.MLP) {
	return steppedRigSized(t, link, steps, 1600, 900)
}

func steppedRigSized(t *testing.T, link string, steps, w, h int) (*scenetest.Rig[*Scene], *nn.MLP) {
	t.Helper()
	g := newRig(t, link, w, h)
	for i := 0; i < steps; i++ {
		g.St.StepAll()
	}
	if !settle(g, true, 5000, 250*time.Millisecond) {
		t.Fatalf("%s: not settled after 5000 frames", link)
	}
	return g, scenetest.TrainMLP(t, g.St.Scen)
}
