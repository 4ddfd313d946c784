package app

import (
	"testing"
	"time"

	"curvlab/app/ui"

	"github.com/hajimehoshi/ebiten/v2"
)

// busyLink is the browser benchmark's scenario (internal/webbench): four
// methods that never stop, 1,000 steps each.
const busyLink = "v1;s=rosenbrock;x=-1.2,1;m=gd;m=momentum;m=adam;m=bfgs;n=1000;t=0"

// BenchmarkSurfaceFrame times frames of four surface panels: "steady" with
// 1,001 iterates each run to the end (the browser benchmark's scenario
// after G), "playing" while the paths grow by 50 iterations a second. The
// Go side of a frame (Update, Draw) is reported as metrics; ns/op is the
// whole frame including the (software) rendering. Run with
//
//	xvfb-run -a -s "-screen 0 1600x1000x24" go test -run '^$' -bench SurfaceFrame ./app/
func BenchmarkSurfaceFrame(b *testing.B) {
	for _, name := range []string{"steady", "playing"} {
		b.Run(name, func(b *testing.B) {
			link := busyLink
			if name == "playing" {
				link = "v1;s=rosenbrock;x=-1.2,1;m=gd;m=momentum;m=adam;m=bfgs;n=100000;t=0;u=5"
			}
			g, img := benchGame(link, name == "steady")
			var ft frameTimes
			b.ResetTimer()
			ft.frames(g, img, b.N, nil)
			ft.report(b)
		})
	}
}

// BenchmarkFirstFrame times a new game's first Update and Draw on the
// default scenario and on four panels, as in the browser's first frame,
// except that the process's caches (fonts, glyphs, shaders) are warm after
// the first iteration: the figures are those of a first frame with warm
// caches.
func BenchmarkFirstFrame(b *testing.B) {
	for _, c := range []struct{ name, link string }{{"default", ""}, {"four", busyLink}} {
		b.Run(c.name, func(b *testing.B) {
			var img *ebiten.Image
			onFrames(1, func() { img = ebiten.NewImage(1600, 900) }, nil)
			var ft frameTimes
			for i := 0; i < b.N; i++ {
				g := New("#"+c.link, nil)
				g.w, g.h, g.scale = 1600, 900, 1
				ft.frames(g, img, 1, nil)
			}
			ft.report(b)
		})
	}
}

// frameTimes adds up the time the benchmarks' frames spend in Update and
// in Draw.
type frameTimes struct{ update, draw time.Duration }

// benchGame opens link on a 1600×900 screen, its runs at their end
// (toEnd) or 500 steps in and playing, and warms its caches with five
// frames.
func benchGame(link string, toEnd bool) (*Game, *ebiten.Image) {
	g := New("#"+link, nil)
	g.w, g.h, g.scale = 1600, 900, 1
	var img *ebiten.Image
	onFrames(1, func() { img = ebiten.NewImage(1600, 900) }, nil)
	if toEnd {
		onFrames(1, func() { g.do(ui.ActToEnd, 0) }, nil)
	} else {
		for i := 0; i < 500; i++ {
			g.st.StepAll()
		}
		g.do(ui.ActPlay, 0)
	}
	onFrames(5, func() { g.Update() }, func(*ebiten.Image) { g.Draw(img) })
	return g, img
}

// frames runs n frames of g drawing onto img, timing Update and Draw;
// before (if not nil) runs at the start of each frame's Update, timed
// with it.
func (ft *frameTimes) frames(g *Game, img *ebiten.Image, n int, before func()) {
	onFrames(n, func() {
		t0 := time.Now()
		if before != nil {
			before()
		}
		g.Update()
		ft.update += time.Since(t0)
	}, func(*ebiten.Image) {
		t0 := time.Now()
		g.Draw(img)
		ft.draw += time.Since(t0)
	})
}

// report reports the mean time per frame (b.N frames) as metrics.
func (ft *frameTimes) report(b *testing.B) {
	b.ReportMetric(float64(ft.update)/1e6/float64(b.N), "update-ms")
	b.ReportMetric(float64(ft.draw)/1e6/float64(b.N), "draw-ms")
}

// BenchmarkSolidFrame times frames of the 3D view with four paths: the
// four runs of busyLink, 1,001 iterates each, in the overlay (one panel
// in 3D, the paths and four model discs on one mesh) and in four 3D
// panels. "turning" turns the camera by 1° a frame, so that every frame
// projects, lights and sorts the 128² mesh again and draws it and the
// paths anew (a drag); "playing" keeps the camera and grows the paths
// by 50 iterations a second (the runs' layers are drawn again, the
// mesh's picture is copied). Update and Draw are the Go side, reported as
// metrics. Run with
//
//	xvfb-run -a -s "-screen 0 1600x1000x24" go test -run '^$' -bench SolidFrame -benchtime 100x ./app/
func BenchmarkSolidFrame(b *testing.B) {
	for _, c := range []struct{ name, link string }{
		{"overlay/turning", busyLink + ";z=1:-30,35;u=o"},
		{"four-panels/turning", busyLink + ";z=1234:-30,35"},
		{"four-panels/playing", "v1;s=rosenbrock;x=-1.2,1;m=gd;m=momentum;m=adam;m=bfgs;n=100000;t=0;z=1234:-30,35;u=5"},
	} {
		b.Run(c.name, func(b *testing.B) {
			turning := c.name != "four-panels/playing"
			g, img := benchGame(c.link, turning)
			var turn func()
			if turning {
				turn = func() { g.st.SetSolid(g.st.Scen.Solid.Turned(1, 0)) }
			}
			var ft frameTimes
			b.ResetTimer()
			ft.frames(g, img, b.N, turn)
			ft.report(b)
		})
	}
}
