// Package gameloop runs a package's tests beside Ebitengine's game loop
// (on a display: under Xvfb), so that tests can draw images, read them
// back, and run whole frames of a game inside the loop. A test package
// calls Main from its TestMain and OnFrames from its tests.
package gameloop

import (
	"os"
	"testing"

	"curvlab/internal/heapstat"

	"github.com/hajimehoshi/ebiten/v2"
)

type frameJob struct {
	update func()
	draw   func(screen *ebiten.Image)
	frames int
	done   chan struct{}
}

type loop struct {
	jobs chan *frameJob
	quit chan struct{}
	job  *frameJob
}

var theLoop = &loop{jobs: make(chan *frameJob), quit: make(chan struct{})}

// Main runs the tests of m on a goroutine while the game loop runs in a
// w×h window, and exits with their status (1 if the loop fails).
func Main(m *testing.M, w, h int) {
	code := 1
	go func() {
		code = m.Run()
		close(theLoop.quit)
	}()
	ebiten.SetWindowSize(w, h)
	if err := ebiten.RunGame(theLoop); err != nil {
		os.Stderr.WriteString("tests' game loop: " + err.Error() + "\n")
		code = 1
	}
	os.Exit(code)
}

func (l *loop) Update() error {
	if l.job == nil {
		select {
		case l.job = <-l.jobs:
		case <-l.quit:
			return ebiten.Termination
		default:
			return nil
		}
	}
	if l.job.update != nil {
		l.job.update()
	}
	return nil
}

func (l *loop) Draw(screen *ebiten.Image) {
	if l.job == nil {
		return
	}
	if l.job.draw != nil {
		l.job.draw(screen)
	}
	l.job.frames--
	if l.job.frames <= 0 {
		close(l.job.done)
		l.job = nil
	}
}

func (l *loop) Layout(w, h int) (int, int) { return w, h }

// OnFrames runs update and draw (either may be nil) in n real frames of
// the game loop and returns when they are done.
func OnFrames(n int, update func(), draw func(screen *ebiten.Image)) {
	j := &frameJob{update: update, draw: draw, frames: n, done: make(chan struct{})}
	theLoop.jobs <- j
	<-j.done
}

// OwnAllocs runs n frames and returns the heap objects allocated in them
// by curvlab's own code (see heapstat.OwnAllocs), with the function that
// allocated most.
func OwnAllocs(n int, update func(), draw func(screen *ebiten.Image)) (int64, string) {
	return heapstat.OwnAllocs("curvlab/", func() { OnFrames(n, update, draw) })
}
