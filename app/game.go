package app

import (
	"time"

	"github.com/hajimehoshi/ebiten/v2"
)

// Game is curvlab's ebiten.Game: it owns the state and the clock, turns
// input into actions and draws the panels.
type Game struct {
	host  Host
	st    *state
	width float64 // layout size in device pixels
	hgt   float64
	scale float64 // device pixels per CSS/logical pixel, capped at 2

	opened     chan string // scenario texts opened by the host (hashchange)
	lastTick   time.Time
	firstFrame bool
	noticeSent string

	stats frameStats
}

// New creates the app showing the scenario of a link ("" for the default).
func New(link string, host Host) *Game {
	if host == nil {
		host = nopHost{}
	}
	g := &Game{
		host:   host,
		st:     newState(link),
		scale:  1,
		opened: make(chan string, 4),
	}
	return g
}

// Open shows the scenario of a link, as when the user edits the URL. It may
// be called from any goroutine; the game loop picks it up.
func (g *Game) Open(link string) {
	select {
	case g.opened <- link:
	default: // a flood of links: keep the first ones
	}
}

// LayoutF implements ebiten.LayoutFer: the screen has one pixel per device
// pixel (capped at 2 per logical pixel) so text and lines are crisp.
func (g *Game) LayoutF(outsideWidth, outsideHeight float64) (float64, float64) {
	s := ebiten.Monitor().DeviceScaleFactor()
	if s < 1 {
		s = 1
	}
	if s > 2 {
		s = 2
	}
	g.scale = s
	g.width, g.hgt = outsideWidth*s, outsideHeight*s
	return g.width, g.hgt
}

// Layout implements ebiten.Game; LayoutF takes precedence.
func (g *Game) Layout(outsideWidth, outsideHeight int) (int, int) {
	w, h := g.LayoutF(float64(outsideWidth), float64(outsideHeight))
	return int(w), int(h)
}

// Update implements ebiten.Game.
func (g *Game) Update() error {
	t0 := time.Now()
	select {
	case link := <-g.opened:
		g.openLink(link)
	default:
	}
	now := t0
	dt := 0.0
	if !g.lastTick.IsZero() {
		dt = now.Sub(g.lastTick).Seconds()
		if dt > 0.25 { // after a stall, don't jump ahead
			dt = 0.25
		}
	}
	g.lastTick = now
	g.handleInput()
	g.st.tick(dt)
	g.publish()
	g.stats.addUpdate(time.Since(t0))
	return nil
}

// openLink replaces the scenario with the one of a link, keeping the
// current one (with a notice) if the link is malformed.
func (g *Game) openLink(link string) {
	st := newState(link)
	if st.notice != "" {
		g.st.notice = st.notice
		return
	}
	g.st = st
}

// publish tells the host about a changed scenario or notice.
func (g *Game) publish() {
	if g.st.changed {
		g.st.changed = false
		g.host.ScenarioChanged(g.st.scen.Encode())
	}
	if g.st.notice != g.noticeSent {
		g.noticeSent = g.st.notice
		g.host.NoticeChanged(g.st.notice)
	}
}

// Draw implements ebiten.Game.
func (g *Game) Draw(screen *ebiten.Image) {
	t0 := time.Now()
	g.draw(screen)
	g.stats.addDraw(time.Since(t0))
	if !g.firstFrame {
		g.firstFrame = true
		g.host.FirstFrame()
	}
	if ms := g.stats.flush(); ms != nil {
		g.host.FrameStats(ms)
	}
}

// RunGame runs g (or a wrapper of it) in a window or the browser's canvas.
func RunGame(g ebiten.Game) error {
	ebiten.SetWindowTitle("curvlab")
	ebiten.SetWindowSize(1280, 800)
	ebiten.SetWindowResizingMode(ebiten.WindowResizingModeEnabled)
	return ebiten.RunGame(g)
}
