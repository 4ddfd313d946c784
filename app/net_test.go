package app

import (
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"curvlab/app/ui"
	"curvlab/internal/scenetest"
	"curvlab/sim/nn"
	"curvlab/sim/scenario"
	"curvlab/sim/surfaces"

	"github.com/hajimehoshi/ebiten/v2"
)

const eosLink = "v1;net=tanh:8,8;d=circle;m=gd:lr=0.35;m=gd:lr=0.3;n=3000;t=0"

// settle runs frames until the picture is complete (g.Computing is false:
// for a network, every tracker, decision map and spectrum current and the
// slice complete), at most limit frames, and reports whether it got there.
// With extra > 0 each frame also lets the scene compute for that long
// beyond the frame's budget, to get there in fewer (slow,
// software-rendered) frames. The frames draw g onto img, or nothing when
// img is nil.
func settle(g *Game, img *ebiten.Image, limit int, extra time.Duration) bool {
	for i := 0; i < limit; i++ {
		onFrames(1, func() {
			g.Update()
			if extra > 0 {
				g.scene.Update(g.st, g.lay.panels, time.Now().Add(extra))
			}
		}, func(*ebiten.Image) {
			if img != nil {
				g.Draw(img)
			}
		})
		if !g.Computing() {
			return true
		}
	}
	return false
}

// TestEdgeOfStabilityScreen runs the edge-of-stability preset for 300
// iterations and saves a picture of it (with CURVLAB_SHOTS=dir).
func TestEdgeOfStabilityScreen(t *testing.T) {
	g, img, _ := steppedGame(t, "#"+eosLink, 300)
	if g.st.Notice != "" {
		t.Fatal(g.st.Notice)
	}
	scenetest.SaveShot(t, img, "eos")
}

// steppedGame opens link, takes steps steps and runs frames until
// everything is computed; it returns the game, its image and scenetest.TrainMLP.
func steppedGame(t *testing.T, link string, steps int) (*Game, *ebiten.Image, *nn.MLP) {
	return steppedGameSized(t, link, steps, 1600, 900)
}

func steppedGameSized(t *testing.T, link string, steps, w, h int) (*Game, *ebiten.Image, *nn.MLP) {
	t.Helper()
	g, img := newTestGame(t, link, w, h)
	for i := 0; i < steps; i++ {
		g.st.StepAll()
	}
	if !settle(g, img, 5000, 250*time.Millisecond) {
		t.Fatalf("%s: not settled after 5000 frames", link)
	}
	return g, img, scenetest.TrainMLP(t, g.st.Scen)
}

// A network link opens without a notice, with one panel per method, and
// the browser hook returns one loss per iterate.
func TestNetworkLinkOpens(t *testing.T) {
	for _, c := range []struct {
		link   string
		panels int
	}{
		{eosLink, 2},
		{"v1;net=relu:4,loss=ce;d=xor:n=60;m=gd:lr=0.5;m=newton;m=bfgs;m=adam;n=50", 4},
		{"v1;net=sigmoid:3,3,3;d=spiral:n=40,noise=0;m=sr1;u=op", 1},
	} {
		g, _ := newTestGame(t, "#"+c.link, 1600, 900)
		if g.st.Notice != "" {
			t.Errorf("%s: notice %q", c.link, g.st.Notice)
		}
		if g.Panels() != c.panels || len(g.lay.panels) != c.panels {
			t.Errorf("%s: %d runs, %d panels drawn, want %d", c.link, g.Panels(), len(g.lay.panels), c.panels)
		}
		if got := g.st.Scen.Encode(); got != c.link {
			t.Errorf("opened %q, encodes as %q", c.link, got)
		}
		rows := g.IterateRows(0)
		if len(rows) != 1 || len(rows[0]) != 1 || rows[0][0] != g.st.Runs[0].Trace[0].F {
			t.Errorf("%s: IterateRows(0) = %v", c.link, rows)
		}
	}
}

// The edge-of-stability preset opens from the presets menu and plays.
func TestEdgeOfStabilityFromMenu(t *testing.T) {
	g, img := newTestGame(t, "", 1600, 900)
	idx := -1
	for i, p := range scenario.Lessons() {
		if p.Name == "edge-of-stability" {
			idx = i
		}
	}
	if idx < 0 {
		t.Fatal("no edge-of-stability preset")
	}
	g.do(ui.ActLessonMenu, 0)
	g.do(ui.ActPickLesson, idx)
	l, _, _ := scenario.LookupLesson("edge-of-stability")
	want, _ := l.StepScenario(1)
	if g.st.Notice != "" || g.st.Scen.Net == nil || g.st.Scen.Encode() != want.Encode() || g.popup.kind != popNone {
		t.Fatalf("notice %q, scenario %q, popup %v", g.st.Notice, g.st.Scen.Encode(), g.popup.kind)
	}
	g.do(ui.ActPlay, 0)
	onFrames(10, func() { g.Update() }, func(*ebiten.Image) { g.Draw(img) })
	if r := g.st.Runs[0]; len(r.Trace) < 2 || len(g.st.Trackers[0].Sharpness) != len(r.Trace) {
		t.Errorf("after 10 playing frames: %d rows, %d sharpness values", len(r.Trace), len(g.st.Trackers[0].Sharpness))
	}
	// G plays to the end without running it all in one frame
	g.do(ui.ActToEnd, 0)
	onFrames(2, func() { g.Update() }, func(*ebiten.Image) { g.Draw(img) })
	if !g.st.Playing || g.st.Done() {
		t.Errorf("G on a network: playing %v, done %v", g.st.Playing, g.st.Done())
	}
}

// Things that do not apply to networks do nothing: dragging and zooming a
// panel, the overlay and view toggles; the surface picker and the
// network editor switch between the two kinds of scenario.
func TestNetworkInputs(t *testing.T) {
	g, img := newTestGame(t, "#"+eosLink, 1600, 900)
	link := g.st.Scen.Encode()
	pr := g.lay.panels[0].Plot
	g.zoomAt(0, 2, pr.X+10, pr.Y+10)
	for _, a := range []ui.Action{ui.ActOverlay, ui.ActEllipses, ui.ActTrials, ui.ActResetView, ui.ActZoomIn, ui.ActHelp, ui.ActClose} {
		g.do(a, 0)
	}
	onFrames(2, func() { g.Update() }, func(*ebiten.Image) { g.Draw(img) })
	if got := g.st.Scen.Encode(); !strings.HasPrefix(got, link) { // only UI flags may be added
		t.Errorf("inputs changed the scenario: %q → %q", link, got)
	}
	if len(g.st.Scen.Start) != len(g.st.Scen.NetProblem().Init) || g.st.Scen.View != nil {
		t.Errorf("start of %d numbers, view %v", len(g.st.Scen.Start), g.st.Scen.View)
	}

	// a gradient-descent panel's step-size slider marks 2/λmax at the start
	g.do(ui.ActEditPanel, 0)
	if mv, _ := g.stabilityMark("lr"); math.Abs(mv-2/g.st.Sharpness(0, 0)) > 1e-12 || !(mv > 0) {
		t.Errorf("the lr slider marks %v, want 2/λmax = %v", mv, 2/g.st.Sharpness(0, 0))
	}
	g.do(ui.ActClose, 0)

	// the network editor: a narrower second layer
	g.do(ui.ActNetMenu, 0)
	onFrames(1, func() { g.Update() }, func(*ebiten.Image) { g.Draw(img) })
	if g.popup.kind != popNet {
		t.Fatal("N did not open the network editor")
	}
	g.setParam(ui.Target{Owner: ui.OwnerScene, Index: 4}, 3) // width 2
	if !strings.Contains(g.st.Scen.Encode(), "net=tanh:8,3;") || len(g.st.Runs[0].Row(0).X) != 2*8+8+8*3+3+3+1 {
		t.Errorf("width 2 = 3 gave %q", g.st.Scen.Encode())
	}
	g.popup.Focus = 3 // layers
	g.adjustRow(3, 1)
	if !strings.Contains(g.st.Scen.Encode(), "net=tanh:8,3,3;") {
		t.Errorf("a third layer gave %q", g.st.Scen.Encode())
	}
	onFrames(2, func() { g.Update() }, func(*ebiten.Image) { g.Draw(img) })

	// back to a surface, and to a network again through the picker
	kinds := surfaces.Kinds()
	g.do(ui.ActSurfaceMenu, 0)
	g.do(ui.ActPickSurface, 0)
	onFrames(2, func() { g.Update() }, func(*ebiten.Image) { g.Draw(img) })
	if g.st.Scen.Net != nil || g.st.Scen.SurfaceKind != kinds[0] || len(g.st.Scen.Start) != 2 {
		t.Fatalf("picking %s gave %q", kinds[0].Name, g.st.Scen.Encode())
	}
	g.do(ui.ActPickSurface, len(kinds))
	onFrames(2, func() { g.Update() }, func(*ebiten.Image) { g.Draw(img) })
	if g.st.Scen.Net == nil || g.popup.kind != popNet || g.st.Notice != "" {
		t.Errorf("picking the network gave %q, popup %v, notice %q", g.st.Scen.Encode(), g.popup.kind, g.st.Notice)
	}
}

// TestNetworkScreens draws network scenarios in several states and sizes
// (saved with CURVLAB_SHOTS=dir) and checks they open without a notice.
func TestNetworkScreens(t *testing.T) {
	for _, c := range []struct {
		name, link string
		w, h       int
		steps      int
		acts       []ui.Action
	}{
		{"net-editor", eosLink, 1600, 900, 5, []ui.Action{ui.ActNetMenu}},
		{"net-picker", eosLink, 1600, 900, 5, []ui.Action{ui.ActSurfaceMenu}},
		{"net-help", eosLink, 1600, 900, 5, []ui.Action{ui.ActHelp}},
		{"net-four", "v1;net=relu:6,6,loss=ce;d=spiral:n=300,noise=0.05;m=gd:lr=1;m=newton-lm;m=bfgs;m=adam:lr=0.05;n=400;u=p", 1600, 900, 150, nil},
		{"net-portrait", eosLink, 800, 1200, 200, nil},
		{"net-small", eosLink, 1280, 720, 200, nil},
	} {
		g, img, _ := steppedGameSized(t, "#"+c.link, c.steps, c.w, c.h)
		for _, a := range c.acts {
			g.do(a, 0)
		}
		onFrames(2, func() { g.Update() }, func(*ebiten.Image) { g.Draw(img) })
		if g.st.Notice != "" {
			t.Errorf("%s: notice %q", c.name, g.st.Notice)
		}
		scenetest.SaveShot(t, img, c.name)
	}
}

// BenchmarkNetworkFrame times frames of the edge-of-stability preset after
// 300 iterations with everything computed, paused and playing at 50
// iterations a second: the Go side of a frame (Update, Draw) as metrics,
// ns/op is the whole frame including the (software) rendering. Run with
//
//	xvfb-run -a go test -run '^$' -bench NetworkFrame ./app/
func BenchmarkNetworkFrame(b *testing.B) {
	for _, playing := range []bool{false, true} {
		name := "paused"
		if playing {
			name = "playing"
		}
		b.Run(name, func(b *testing.B) {
			g := New("#"+eosLink, nil)
			g.w, g.h, g.scale = 1600, 900, 1
			var img *ebiten.Image
			onFrames(1, func() { img = ebiten.NewImage(1600, 900) }, nil)
			for i := 0; i < 300; i++ {
				g.st.StepAll()
			}
			settle(g, img, 5000, 250*time.Millisecond)
			if playing {
				g.st.Flags.Speed = 5 // 50 iterations a second
				g.do(ui.ActPlay, 0)
			}
			var ft frameTimes
			b.ResetTimer()
			ft.frames(g, img, b.N, nil)
			ft.report(b)
		})
	}
}

// tapAt taps (clicks) the screen point (x, y).
func tapAt(g *Game, x, y float64) {
	g.ptr.X, g.ptr.Y = x, y
	g.ptr.Press()
	g.press()
	g.ptr.Down, g.ptr.Released = false, true
	g.release()
	g.ptr.Released = false
}

// TestTapEditsNetworkData: a tap on a network's input plane adds a
// training point of the chosen class there (on the link's grid), the data
// set becoming the user's own with its points and split kept; a tap on a
// point takes it away; K switches the class; each edit restarts the runs
// from the same seeded weights, and the link holds the points.
func TestTapEditsNetworkData(t *testing.T) {
	g, img := newTestGame(t, "#"+eosLink, 1600, 900)
	p0 := g.st.Scen.NetProblem()
	n0, start := p0.Train.N()+p0.Test.N(), append([]float64(nil), g.st.Scen.Start...)
	v := g.panelView(g.lay.panels[0].Plot)
	// near the panel's corners, outside the circle's data
	ax, ay := v.XMin+0.92*(v.XMax-v.XMin), v.YMin+0.92*(v.YMax-v.YMin)
	bx, by := v.XMin+0.08*(v.XMax-v.XMin), v.YMin+0.08*(v.YMax-v.YMin)
	sx, sy := v.ToScreen(ax, ay)
	tapAt(g, sx, sy)
	own := g.st.Scen.Net.Own
	if g.st.Notice != "" || own == nil || own.Points.N() != n0+1 {
		t.Fatalf("after a tap: notice %q, own data %v", g.st.Notice, own != nil)
	}
	last := own.Points.N() - 1
	if x, y := own.Points.X[2*last], own.Points.X[2*last+1]; math.Abs(x-ax) > 1.0/256 || math.Abs(y-ay) > 1.0/256 || own.Points.Y[last] != 1 || own.Points.Test[last] {
		t.Errorf("the new point is (%v, %v), class %v, test %v; want about (%v, %v), a class-1 training point", x, y, own.Points.Y[last], own.Points.Test[last], ax, ay)
	}
	p := g.st.Scen.NetProblem()
	if p.Train.N() != p0.Train.N()+1 || p.Test.N() != p0.Test.N() || !slices.Equal(g.st.Scen.Start, start) || len(g.st.Runs[0].Trace) != 1 {
		t.Errorf("train %d (was %d), test %d (was %d), same start %v, rows %d", p.Train.N(), p0.Train.N(), p.Test.N(), p0.Test.N(), slices.Equal(g.st.Scen.Start, start), len(g.st.Runs[0].Trace))
	}
	g.do(ui.ActTapClass, 0)
	sx2, sy2 := v.ToScreen(bx, by)
	tapAt(g, sx2, sy2)
	own = g.st.Scen.Net.Own
	if own.Points.N() != n0+2 || own.Points.Y[own.Points.N()-1] != 0 || !strings.Contains(g.st.Scen.UI, "k") {
		t.Errorf("K then a tap: %d points, last of class %v, UI %q", own.Points.N(), own.Points.Y[own.Points.N()-1], g.st.Scen.UI)
	}
	tapAt(g, sx+2, sy-1) // on the first point added: it goes
	own = g.st.Scen.Net.Own
	if own.Points.N() != n0+1 || own.Points.Y[own.Points.N()-1] != 0 {
		t.Errorf("a tap on a point: %d points (want %d), last of class %v", own.Points.N(), n0+1, own.Points.Y[own.Points.N()-1])
	}
	d, err := scenario.Decode(g.st.Scen.Encode())
	if err != nil || !d.Equal(g.st.Scen) {
		t.Errorf("the link does not hold the points: %v", err)
	}
	onFrames(3, func() { g.Update() }, func(*ebiten.Image) { g.Draw(img) })
	scenetest.SaveShot(t, img, "net-own-points")
}
