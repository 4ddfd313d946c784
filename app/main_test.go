package app

import (
	"os"
	"testing"

	"curvlab/internal/heapstat"

	"github.com/hajimehoshi/ebiten/v2"
)

// The tests run beside ebiten's game loop (on a display: under Xvfb), so
// that images can be drawn and read back, and whole frames can be run
// inside the loop with onFrames.

type frameJob struct {
	update func()
	draw   func(screen *ebiten.Image)
	frames int
	done   chan struct{}
}

type testLoop struct {
	jobs chan *frameJob
	quit chan struct{}
	job  *frameJob
}

var loop = &testLoop{jobs: make(chan *frameJob), quit: make(chan struct{})}

func TestMain(m *testing.M) {
	code := 1
	go func() {
		code = m.Run()
		close(loop.quit)
	}()
	ebiten.SetWindowSize(1600, 900)
	if err := ebiten.RunGame(loop); err != nil {
		os.Stderr.WriteString("app tests: " + err.Error() + "\n")
		code = 1
	}
	os.Exit(code)
}

func (t *testLoop) Update() error {
	if t.job == nil {
		select {
		case t.job = <-t.jobs:
		case <-t.quit:
			return ebiten.Termination
		default:
			return nil
		}
	}
	if t.job.update != nil {
		t.job.update()
	}
	return nil
}

func (t *testLoop) Draw(screen *ebiten.Image) {
	if t.job == nil {
		return
	}
	if t.job.draw != nil {
		t.job.draw(screen)
	}
	t.job.frames--
	if t.job.frames <= 0 {
		close(t.job.done)
		t.job = nil
	}
}

func (t *testLoop) Layout(w, h int) (int, int) { return w, h }

// onFrames runs update and draw in n real frames of the game loop and
// returns when they are done.
func onFrames(n int, update func(), draw func(screen *ebiten.Image)) {
	j := &frameJob{update: update, draw: draw, frames: n, done: make(chan struct{})}
	loop.jobs <- j
	<-j.done
}

// ownAllocs runs n frames and returns the heap objects allocated in them
// by curvlab's own code (see heapstat.OwnAllocs), with the function that
// allocated most.
func ownAllocs(n int, update func(), draw func(screen *ebiten.Image)) (int64, string) {
	return heapstat.OwnAllocs("curvlab/", func() { onFrames(n, update, draw) })
}
