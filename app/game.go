package app

import (
	"time"

	"curvlab/engine"
	"curvlab/render"
	"curvlab/render/geom"
	"curvlab/sim/scenario"

	"github.com/hajimehoshi/ebiten/v2"
)

// Game is curvlab's ebiten.Game: it owns the state and the clock, turns
// input into actions and draws the panels.
type Game struct {
	host  Host
	st    *state
	scale float64 // device pixels per logical pixel, capped at 2
	w, h  float64 // screen size in device pixels

	lay     layout
	layKey  layoutKey // what the current layout is for
	widgets []widget  // toolbar, panel headers, popup contents
	// popupStart is the index of the first popup widget: they are drawn
	// over the popup's background, the others under it.
	popupStart int
	uiDirty    bool
	popup      popup
	overflow   []toolItem // the toolbar's actions that do not fit on it: popMenu lists them
	popupClip  clipCache  // the screen clipped to the open popup, where its content is drawn
	scrolling  bool       // the pointer went down in a popup that scrolls: a drag scrolls it
	ptr        pointer
	pressed    widgetRef // widget pressed and not yet released
	dragging   widgetRef // slider being dragged
	panning    panelRef  // panel being panned
	hot        widgetRef // widget under the pointer

	paint     render.Painter // anti-aliased shapes
	flat      render.Painter // rectangles: aliased, cheap, pixel-exact
	texts     []render.Label // text queued to be drawn after the shapes
	textCache textCache
	surface   surfaceImage
	plot      fPlot
	panels    [scenario.MaxPanels]panelCache
	overlays  [scenario.MaxPanels]render.Layer[overlayKey] // each panel's current iterates
	help      helpText

	opened      chan string // links opened by the host (hashchange)
	lastTick    time.Time
	firstFrame  bool
	noticeSent  string
	lastPublish time.Time
	toast       string // a passing message, e.g. "Link copied."
	toastUntil  time.Time
	stats       frameStats
	hessBuf     [4]float64

	net    netView  // what a network scenario draws (net*.go)
	netLay netRects // where its plots go
	// worked is the time Update spent computing since the last Draw: when
	// the game loop runs several Updates per frame they share one budget.
	worked time.Duration
}

// frameWork is the time a frame may spend stepping runs and computing
// what they draw (the rest of a 30 fps frame is for drawing).
const frameWork = 12 * time.Millisecond

// New creates the app showing the scenario of a link ("" for the default).
func New(link string, host Host) *Game {
	if host == nil {
		host = nopHost{}
	}
	t, why := host.Engine()
	if t == nil {
		t = engine.NewInProcess()
	}
	eng := engine.NewClient(t)
	g := &Game{
		host:    host,
		st:      newState(link, eng),
		scale:   1,
		opened:  make(chan string, 4),
		uiDirty: true,
		flat:    render.Painter{Aliased: true},
	}
	if why != "" && g.st.notice == "" {
		g.st.notice = why
	}
	return g
}

// Clock reports how far the runs have come (the rows asked for, those
// computed or on their way) and whether they are playing, so that the page
// can bring them back after it reloads (a lost WebGL context). Call it
// between frames.
func (g *Game) Clock() (rows int, playing bool) {
	return max(g.st.eng.Wanted(), g.st.eng.Rows()), g.st.playing
}

// Resume brings the runs back to rows rows and the play state to playing,
// as Clock reported them before a reload. Call it before the first frame.
func (g *Game) Resume(rows int, playing bool) {
	g.st.eng.Want(min(rows, g.st.scen.Steps+1))
	g.st.playing = playing && !g.st.done()
	g.uiDirty = true
}

// Engine says where the runs are computed: "page", "goroutine" or
// "worker" (the browser exposes it as window.curvlab.engine).
func (g *Game) Engine() string { return g.st.eng.Transport() }

// Open shows the scenario of a link, as when the user edits the URL. It may
// be called from any goroutine; the game loop picks it up.
func (g *Game) Open(link string) {
	select {
	case g.opened <- link:
	default: // a flood of links: keep the first ones
	}
}

// RunGame runs g (or a wrapper of it) in a window or the browser's canvas.
func RunGame(g ebiten.Game) error {
	ebiten.SetWindowTitle("curvlab")
	ebiten.SetWindowSize(1280, 800)
	ebiten.SetWindowResizingMode(ebiten.WindowResizingModeEnabled)
	return ebiten.RunGame(g)
}

// LayoutF implements ebiten.LayoutFer: the screen has one pixel per device
// pixel (capped at 2 per logical pixel) so text and lines are crisp.
func (g *Game) LayoutF(outsideWidth, outsideHeight float64) (float64, float64) {
	s := ebiten.Monitor().DeviceScaleFactor()
	if !(s >= 1) {
		s = 1
	}
	if s > 2 {
		s = 2
	}
	g.scale = s
	g.w, g.h = float64(int(outsideWidth*s)), float64(int(outsideHeight*s))
	return g.w, g.h
}

// Layout implements ebiten.Game; LayoutF takes precedence.
func (g *Game) Layout(outsideWidth, outsideHeight int) (int, int) {
	w, h := g.LayoutF(float64(outsideWidth), float64(outsideHeight))
	return int(w), int(h)
}

// layoutKey is what a layout depends on.
type layoutKey struct {
	w, h, scale float64
	panels      int
	net         bool // a network's layout differs
	touch       bool
}

// relayout recomputes the layout when the screen, the panel count or the
// kind of pointer changed. A layout made for touch once a touch is seen
// waits until the finger is up, so that a tap ends on the target it began
// on.
func (g *Game) relayout() {
	touched := g.ptr.touched && (!g.ptr.down || g.layKey.touch)
	key := layoutKey{w: g.w, h: g.h, scale: g.scale, panels: len(g.st.runs), net: g.st.scen.Kind() == scenario.KindNetwork,
		touch: touched || looksTouch(g.w, g.h, g.scale)}
	if g.st.flags.overlay && !key.net {
		key.panels = 1
	}
	if key == g.layKey && g.lay.panels != nil {
		return
	}
	g.layKey = key
	if key.net {
		g.lay, g.netLay = computeNetLayout(g.w, g.h, g.scale, key.panels, key.touch)
	} else {
		g.lay = computeLayout(g.w, g.h, g.scale, key.panels, key.touch)
	}
	g.uiDirty = true
}

// Update implements ebiten.Game.
func (g *Game) Update() error {
	t0 := time.Now()
	select {
	case link := <-g.opened:
		g.openLink(link)
	default:
	}
	dt := 0.0
	if !g.lastTick.IsZero() {
		dt = t0.Sub(g.lastTick).Seconds()
		if dt > 0.25 { // after a stall, don't jump ahead
			dt = 0.25
		}
	}
	g.lastTick = t0
	g.relayout()
	g.handleInput()
	wasPlaying := g.st.playing
	g.st.tick(dt, t0.Add(frameWork*3/4-g.worked))
	if g.st.playing != wasPlaying { // the runs ended: Pause turns back into Play
		g.uiDirty = true
	}
	if g.st.scen.Kind() == scenario.KindNetwork {
		g.netUpdate(t0.Add(frameWork - g.worked))
	}
	if g.uiDirty {
		g.buildUI()
	}
	g.publish(t0)
	g.worked += time.Since(t0)
	g.stats.addUpdate(time.Since(t0))
	return nil
}

// openLink replaces the scenario with the one of a link, keeping the
// current one (with a notice) if the link is malformed.
func (g *Game) openLink(link string) {
	if link == "#"+g.st.scen.Encode() || link == g.st.scen.Encode() {
		return // our own fragment coming back
	}
	st := newState(link, g.st.eng)
	if st.notice != "" {
		g.st.notice = st.notice
		g.st.changed = true // the address bar shows the scenario kept, not the bad link
		return
	}
	g.st = st
	g.popup = popup{}
	g.uiDirty = true
}

// publish tells the host about a changed scenario (at most four times a
// second while a slider or a pan is being dragged) and notice.
func (g *Game) publish(now time.Time) {
	if g.st.changed && (g.dragging == 0 && g.panning == 0 || now.Sub(g.lastPublish) > 250*time.Millisecond) {
		g.st.changed = false
		g.lastPublish = now
		g.host.ScenarioChanged(g.st.scen.Encode())
	}
	if g.st.notice != g.noticeSent {
		g.noticeSent = g.st.notice
		g.host.NoticeChanged(g.st.notice)
		g.uiDirty = true
	}
}

// Draw implements ebiten.Game.
func (g *Game) Draw(screen *ebiten.Image) {
	t0 := time.Now()
	g.relayout()
	if g.uiDirty {
		g.buildUI()
	}
	g.draw(screen)
	g.worked = 0
	g.stats.addDraw(time.Since(t0))
	if !g.firstFrame {
		g.firstFrame = true
		g.host.FirstFrame()
	}
	if ms := g.stats.flush(); ms != nil {
		g.host.FrameStats(ms)
	}
}

// showToast shows a passing message in the status line.
func (g *Game) showToast(msg string) {
	g.toast = msg
	g.toastUntil = time.Now().Add(4 * time.Second)
	g.uiDirty = true
}

// panelView is the view of panel rect r: the scenario's window widened to
// the rectangle's aspect so that circles stay round.
func (g *Game) panelView(r geom.Rect) geom.View {
	w := g.st.view()
	v := geom.View{XMin: w.XMin, XMax: w.XMax, YMin: w.YMin, YMax: w.YMax, Screen: r}
	v.EqualAspect()
	return v
}

// Iterates returns panel k's iterates so far as rows of (x1, x2, f), for
// automated checks (the browser exposes it as window.curvlab.iterates):
// x1 and x2 are NaN in a row whose iterate the trace no longer keeps (see
// sim.Run.Vectors; a surface's run keeps every row in practice). Call it
// between frames, never from inside Update or Draw.
func (g *Game) Iterates(k int) [][3]float64 {
	if k < 0 || k >= len(g.st.runs) {
		return nil
	}
	r := g.st.runs[k]
	rows := make([][3]float64, len(r.Trace))
	for i := range rows {
		rows[i] = [3]float64{nan, nan, r.Trace[i].F}
	}
	for _, i := range r.Kept() {
		x := r.X(i)
		rows[i][0], rows[i][1] = x[0], x[1]
	}
	return rows
}

// IterateRows returns panel k's iterates so far for automated checks: for
// a surface rows of (x1, x2, f) as Iterates, for a network rows of one
// number, the training loss (the weights are too many to be useful). Call
// it between frames.
func (g *Game) IterateRows(k int) [][]float64 {
	if k < 0 || k >= len(g.st.runs) {
		return nil
	}
	if g.st.scen.Kind() == scenario.KindSurface {
		its := g.Iterates(k)
		rows := make([][]float64, len(its))
		for i := range its {
			rows[i] = its[i][:]
		}
		return rows
	}
	tr := g.st.runs[k].Trace
	rows := make([][]float64, len(tr))
	for i := range tr {
		rows[i] = []float64{tr[i].F}
	}
	return rows
}

// Panels returns the number of panels.
func (g *Game) Panels() int { return len(g.st.runs) }

// Control is a button or slider on screen, for automated checks (the
// browser exposes them as window.curvlab.controls).
type Control struct {
	Kind       string // "button" or "slider"
	Action     string // what a button does (action.String); "none" for a slider
	Arg        int    // the action's argument: a panel, a preset, a choice
	Label      string
	On         bool    // a toggle that is on, or the current choice
	X, Y, W, H float64 // where, in CSS pixels
	Popup      bool    // in the open popup
}

// Controls lists the buttons and sliders on screen: the toolbar's, the
// panel headers' and those of the open popup that are in view. Call it
// between frames.
func (g *Game) Controls() []Control {
	var out []Control
	for i, w := range g.widgets {
		if w.kind == wLabel || i >= g.popupStart && !overlapsRect(w.r, g.popup.rect) {
			continue
		}
		c := Control{Kind: "button", Action: w.act.String(), Arg: w.arg, Label: w.label, On: w.on, Popup: i >= g.popupStart,
			X: w.r.X / g.scale, Y: w.r.Y / g.scale, W: w.r.W / g.scale, H: w.r.H / g.scale}
		if w.kind == wSlider {
			c.Kind = "slider"
		}
		out = append(out, c)
	}
	return out
}

func overlapsRect(a, b geom.Rect) bool {
	return a.X < b.X+b.W && b.X < a.X+a.W && a.Y < b.Y+b.H && b.Y < a.Y+a.H
}

// Popup names the open popup ("" when none): "menu", "presets",
// "surface", "panel", "help" or "network".
func (g *Game) Popup() string { return g.popup.kind.String() }
