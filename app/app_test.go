package app

import (
	"math"
	"strings"
	"testing"
	"time"

	"curvlab/app/scene"
	"curvlab/app/ui"
	"curvlab/engine"

	"curvlab/sim"
	"curvlab/sim/scenario"

	"github.com/hajimehoshi/ebiten/v2"
)

// newTestGame builds a game of size w×h showing link, laid out and with
// its first frame drawn on an offscreen image (inside the game loop).
func newTestGame(t *testing.T, link string, w, h int) (*Game, *ebiten.Image) {
	t.Helper()
	g := New(link, nil)
	g.w, g.h, g.scale = float64(w), float64(h), 1
	var img *ebiten.Image
	onFrames(1, func() {
		img = ebiten.NewImage(w, h)
		g.Update()
	}, func(*ebiten.Image) { g.Draw(img) })
	return g, img
}

func TestHostileLinkOpensDefaultWithNotice(t *testing.T) {
	def := scenario.Default().Encode()
	for _, link := range []string{
		"#<script>alert(1)</script>",
		"#v1;s=rosenbrock;x=NaN,1;m=gd",
		"#" + strings.Repeat("v1;", 2000),
		"#%ZZ",
		"#v2;s=rosenbrock;x=1,1;m=gd",
	} {
		st := scene.NewState(link, engine.NewClient(engine.NewInProcess()))
		if got := st.Scen.Encode(); got != def {
			t.Errorf("%.30q opened %q, want the default", link, got)
		}
		if st.Notice == "" || strings.ContainsAny(st.Notice, "<>") || len(st.Notice) > 300 {
			t.Errorf("%.30q: notice %q", link, st.Notice)
		}
	}
	if st := scene.NewState("", engine.NewClient(engine.NewInProcess())); st.Notice != "" {
		t.Errorf("empty link: notice %q", st.Notice)
	}
}

// linkHost records the last scenario text the game published.
type linkHost struct {
	nopHost
	last string
}

func (h *linkHost) ScenarioChanged(text string) { h.last = text }

// A bad link pasted into the address bar of an open page keeps the current
// scenario, says why, and puts the current scenario's link back.
func TestBadLinkWhileOpenRestoresTheLink(t *testing.T) {
	h := &linkHost{}
	g := New("", h)
	g.publish(time.Now())
	h.last = ""
	g.openLink("#v1;s=rosenbrock;x=NaN,1;m=gd")
	g.publish(time.Now())
	if def := scenario.Default().Encode(); h.last != def {
		t.Errorf("published %q, want the scenario kept, %q", h.last, def)
	}
	if g.st.Notice == "" {
		t.Error("no notice")
	}
}

func TestLinkRoundTrip(t *testing.T) {
	link := "v1;s=quadratic:l1=2,l2=20;x=1,-1;m=gd:lr=0.05;m=bfgs;n=40;w=-3,3,-2,2;u=eo5"
	st := scene.NewState("#"+link, engine.NewClient(engine.NewInProcess()))
	if st.Notice != "" {
		t.Fatal(st.Notice)
	}
	if got := st.Scen.Encode(); got != link {
		t.Errorf("opened %q, encodes as %q", link, got)
	}
	f := st.Flags
	if !f.HideEllipses || !f.Overlay || f.HideTrials || f.Speed != 5 {
		t.Errorf("flags %+v from u=eo5", f)
	}
	if scene.ParseFlags(f.String()) != f {
		t.Errorf("flags %+v do not round-trip through %q", f, f.String())
	}
}

func TestSliderScale(t *testing.T) {
	for _, p := range []sim.Param{
		{Key: "lr", Default: 0.001, Min: 1e-12, Max: 1e6},
		{Key: "l1", Default: 1, Min: -1e4, Max: 1e4},
		{Key: "beta", Default: 0.9, Min: 0, Max: 0.9999},
		{Key: "m", Default: 5, Min: 1, Max: 50, Int: true},
	} {
		s := ui.NewScale(p)
		for k := 0; k <= 20; k++ {
			v := s.Value(float64(k) / 20)
			if v < p.Min || v > p.Max || math.IsNaN(v) {
				t.Fatalf("%s: value(%v) = %v outside [%v, %v]", p.Key, float64(k)/20, v, p.Min, p.Max)
			}
			if p.Int && v != math.Round(v) {
				t.Fatalf("%s: %v is not an integer", p.Key, v)
			}
			// Positions round-trip up to the 3-digit rounding of values.
			if back := s.Pos(v); math.Abs(back-float64(k)/20) > 0.02 && !p.Int {
				t.Errorf("%s: pos(value(%v)) = %v", p.Key, float64(k)/20, back)
			}
		}
		if d := s.Pos(p.Default); d <= 0 || d >= 1 {
			t.Errorf("%s: the default sits at the end of the slider (%v)", p.Key, d)
		}
	}
}

// TestSteadyFrameAllocatesNothing: once drawn, a paused frame (Update and
// Draw) allocates nothing, so the heap stays flat (with a ghost pinned and
// the curvature plot shown).
func TestSteadyFrameAllocatesNothing(t *testing.T) {
	for _, link := range []string{
		"v1;s=rosenbrock;x=-1.2,1;m=gd:lr=0.001;m=newton;m=sr1;m=bfgs;g=1:gd:lr=0.0005;n=1000",
		"v1;s=rosenbrock;x=-1.2,1;m=gd:lr=0.001;m=newton;m=sr1;m=bfgs;n=1000;z=24:-30,35", // two panels in 3D
	} {
		steadyFrameAllocatesNothing(t, link)
	}
}

func steadyFrameAllocatesNothing(t *testing.T, link string) {
	g, img := newTestGame(t, link, 1600, 900)
	onFrames(1, func() { g.do(ui.ActToEnd, 0) }, nil)
	frame := func() { g.Update() }
	draw := func(*ebiten.Image) { g.Draw(img) }
	onFrames(5, frame, draw) // warm up caches
	if n, where := ownAllocs(30, frame, draw); n > 0 {
		t.Errorf("%s: 30 steady frames allocated %d heap objects in curvlab's code (most in %s)", link, n, where)
	}
}

// TestClickMovesStart: a click in a panel's plot sets the start of every
// panel to the point under the pointer.
func TestClickMovesStart(t *testing.T) {
	g, _ := newTestGame(t, "", 1600, 900)
	pr := g.lay.panels[1].Plot
	sx, sy := pr.X+pr.W*0.3, pr.Y+pr.H*0.6
	v := g.panelView(pr)
	wx, wy := v.ToWorld(sx, sy)
	g.ptr.X, g.ptr.Y = sx, sy
	g.ptr.Press()
	g.press()
	g.ptr.Down, g.ptr.Released = false, true
	g.release()
	for k, r := range g.st.Runs {
		x := r.Row(0).X
		if math.Abs(x[0]-wx) > 0.01*(v.XMax-v.XMin) || math.Abs(x[1]-wy) > 0.01*(v.YMax-v.YMin) {
			t.Errorf("panel %d starts at %v, clicked (%v, %v)", k, x, wx, wy)
		}
	}
	if !g.st.Changed {
		t.Error("the new start was not marked for publishing")
	}
}

// TestToEndTurnsPauseBackIntoPlay: G plays at the engine's speed over
// frames; when the runs end, the play button says Play again.
func TestToEndTurnsPauseBackIntoPlay(t *testing.T) {
	g, img := newTestGame(t, "v1;net=tanh:8,8;d=circle:n=60;m=gd:lr=0.5;n=300", 1600, 900)
	label := func() string {
		for _, c := range g.Controls() {
			if c.Action == ui.ActPlay.String() {
				return c.Label
			}
		}
		return ""
	}
	onFrames(1, func() { g.do(ui.ActToEnd, 0); g.Update() }, func(*ebiten.Image) { g.Draw(img) })
	if !g.st.Playing || label() != "Pause" {
		t.Fatalf("after G: playing %v, button %q", g.st.Playing, label())
	}
	for i := 0; i < 600 && !g.st.Done(); i++ {
		onFrames(1, func() { g.Update() }, func(*ebiten.Image) { g.Draw(img) })
	}
	onFrames(1, func() { g.Update() }, func(*ebiten.Image) { g.Draw(img) })
	if !g.st.Done() || g.st.Playing || label() != "Play" {
		t.Errorf("at the end: done %v, playing %v, button %q", g.st.Done(), g.st.Playing, label())
	}
}
