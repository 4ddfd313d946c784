package app

import (
	"curvlab/lang"
	"image/color"
	"slices"
	"time"

	"curvlab/app/network"
	"curvlab/app/scene"
	"curvlab/app/surface"
	"curvlab/app/ui"
	"curvlab/assets"
	"curvlab/engine"
	"curvlab/render/geom"
	"curvlab/sim/scenario"

	"github.com/hajimehoshi/ebiten/v2"
)

// Game is curvlab's ebiten.Game: it owns the state and the clock, turns
// input into actions, keeps the toolbar and the popups, and has the
// current scene (surface.Scene or network.Scene) lay out, update and draw the
// panels.
type Game struct {
	host Host
	// textEditor is host as a TextEditor (nil if it is not one), asserted
	// once: a type assertion in a frame may allocate (Go caches them as it
	// goes)
	textEditor TextEditor
	announcer  Announcer // host as an Announcer, likewise
	pageWheel  pageWheel // host as a WheelPasser, and what it was told
	st         *scene.State
	scale      float64 // device pixels per logical pixel, capped at 2
	w, h       float64 // screen size in device pixels
	// pictureWanted: Save a picture was asked for; the next Draw saves
	// what it drew
	pictureWanted bool
	said          announced // what a screen reader was last told
	// background is the theme's background, as the screen was last
	// filled with it (a color.Color: boxing ui.Background every frame
	// would allocate)
	background color.Color
	// the animation's settings, the one being recorded (nil when none),
	// and the rows and size RecordGIF asked for, until the runs have them
	gif                   gifSettings
	rec                   *gifRecording
	gifWanted, gifW, gifH int
	gifDone               func(failure string) // RecordGIF's caller, told how the recording ended

	c      *ui.Canvas // the layout's sizes, the painters, the text queue
	lay    layout
	layKey layoutKey  // what the current layout is for
	ws     ui.Widgets // toolbar, panel headers, popup contents
	// the scenes, one per kind of scenario, and the current one
	surfaces *surface.Scene
	network  *network.Scene
	scene    scene.Scene

	uiDirty   bool
	popup     popup
	overflow  []scene.ToolItem // the toolbar's actions that do not fit on it: popMenu lists them
	popupClip ui.Clip          // the screen clipped to the open popup, where its content is drawn
	scrolling bool             // the pointer went down in a popup that scrolls: a drag scrolls it
	ptr       ui.Pointer
	pressed   ui.WidgetRef // widget pressed and not yet released
	dragging  ui.WidgetRef // slider being dragged
	panning   ui.PanelRef  // panel being panned
	grab      pointGrab    // a press on the scene's data
	hot       ui.WidgetRef // widget under the pointer
	chars     []rune       // the characters typed this frame (for a text field)
	// keptTyping: this spell of typing has started its history entry
	keptTyping bool
	help       helpText
	lessonCard lessonCard // the step of the lesson followed, under the panels
	focus      keyFocus   // the button with the keyboard's focus (Tab)

	opened       chan string     // links opened by the host (hashchange)
	notices      chan string     // notices from the host (Game.Notify)
	typedText    chan typedText  // what the host's text field holds (TextEditor)
	loaded       chan loadedText // files picked and text pasted (FilePicker, Loaded)
	editing      editingText     // what the host's text field was last told
	editingRunes []rune          // editing.text's characters
	lastTick     time.Time
	firstFrame   bool
	noticeSent   string
	lastPublish  time.Time
	toast        string // a passing message, e.g. "Link copied."
	toastUntil   time.Time
	// the status line's message, shortened to fit its width
	statusMsg, statusFit string
	// the status line's text as fitted, for the message, width and font
	// size it was fitted to
	statusW, statusFont, statusSize float64
	statusLang                      lang.Lang // the language it was fitted in
	stats                           frameStats
	// worked is the time Update spent computing since the last Draw: when
	// the game loop runs several Updates per frame they share one budget.
	worked time.Duration
}

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
	c := ui.NewCanvas()
	g := &Game{
		host:      host,
		st:        scene.NewState(link, eng),
		scale:     1,
		c:         c,
		surfaces:  surface.New(c),
		network:   network.New(c),
		opened:    make(chan string, 4),
		notices:   make(chan string, 4),
		typedText: make(chan typedText, 64),
		loaded:    make(chan loadedText, 4),
		uiDirty:   true,
		gif:       gifSettings{to: -1},
	}
	g.textEditor, _ = host.(TextEditor)
	g.announcer, _ = host.(Announcer)
	g.pageWheel.host, _ = host.(WheelPasser)
	g.scene = g.sceneFor(g.st.Scen.Kind())
	if why != "" && g.st.Notice == "" {
		g.st.Notice = why
	}
	return g
}

// Clock reports how far the runs have come (the rows asked for, those
// computed or on their way) and whether they are playing, so that the page
// can bring them back after it reloads (a lost WebGL context). Call it
// between frames.
func (g *Game) Clock() (rows int, playing bool) {
	return max(g.st.Eng.Wanted(), g.st.Eng.Rows()), g.st.Playing
}

// Resume brings the runs back to rows rows and the play state to playing,
// as Clock reported them before a reload. Call it before the first frame.
func (g *Game) Resume(rows int, playing bool) {
	g.st.Eng.Want(min(rows, g.st.Scen.Steps+1))
	g.st.Playing = playing && !g.st.Done()
	g.uiDirty = true
}

// Engine says where the runs are computed: "page", "goroutine" or
// "worker" (the browser exposes it as window.curvlab.engine).
func (g *Game) Engine() string { return g.st.Eng.Transport() }

// Open shows the scenario of a link, as when the user edits the URL. It may
// be called from any goroutine; the game loop picks it up.
func (g *Game) Open(link string) {
	select {
	case g.opened <- link:
	default: // a flood of links: keep the first ones
	}
}

// loadedText is a file's text (or pasted text) for the scene's data.
type loadedText struct{ name, text string }

// Loaded passes the text of a file the user picked (FilePicker.PickFile) or
// pasted, named name ("pasted text" for a paste): CSV points become the
// data, on the screen's next frame. It may be called from any goroutine.
func (g *Game) Loaded(name, text string) {
	select {
	case g.loaded <- loadedText{name, text}:
	default: // a flood: keep the first ones
	}
}

// takeLoaded loads what Loaded passed.
func (g *Game) takeLoaded() {
	for {
		select {
		case l := <-g.loaded:
			g.loadPoints(l.name, l.text)
		default:
			return
		}
	}
}

// typedText is an edit in the host's text field.
type typedText struct {
	text string
	end  TextEnd
}

// editingText is what the host's text field was last asked to show.
type editingText struct {
	r             geom.Rect
	text, problem string
	font          float64
}

// Typed passes what the host's text field (TextEditor) holds after an edit,
// and how the edit ends. It may be called from any goroutine; the game
// loop picks it up.
func (g *Game) Typed(text string, end TextEnd) {
	select {
	case g.typedText <- typedText{text, end}:
	default: // a flood: keep the first ones
	}
}

// takeTyped applies what the host's text field sent to the scene's field.
func (g *Game) takeTyped() {
	for {
		var t typedText
		select {
		case t = <-g.typedText:
		default:
			return
		}
		f := g.scene.Field()
		if f == nil || !f.Active {
			continue
		}
		if t.text != f.String() {
			f.Set(t.text)
			g.fieldChanged()
		}
		g.uiDirty = true
		switch t.end {
		case TextEntered:
			g.typed(f, true)
		case TextLeft:
			f.Active = false
		}
	}
}

// showTextField puts the host's text field, when it has one, over the
// scene's field while it is being edited, and hides it otherwise.
func (g *Game) showTextField() {
	te := g.textEditor
	if te == nil {
		return
	}
	var want editingText
	f := g.scene.Field()
	if f != nil && f.Active && g.popup.kind == popSurface {
		for _, w := range g.ws.List[g.ws.PopupStart:] {
			if w.Kind == ui.KindText {
				s := g.scale
				want = editingText{r: geom.Rect{X: w.R.X / s, Y: w.R.Y / s, W: w.R.W / s, H: w.R.H / s},
					text: g.editing.text, problem: g.scene.FieldError(), font: g.c.M.Font / s}
			}
		}
	}
	// the text is made a string only when it changed: a frame allocates
	// nothing while the user does not type
	if want.r.W > 0 && (want.text == "" || !slices.Equal(f.Text, g.editingRunes)) {
		want.text = f.String()
		g.editingRunes = append(g.editingRunes[:0], f.Text...)
	}
	if want != g.editing {
		g.editing = want
		te.EditText(want.r, want.text, want.problem, want.font)
	}
}

// RunGame runs g (or a wrapper of it) in a window or the browser's canvas.
func RunGame(g ebiten.Game) error {
	ebiten.SetWindowTitle("curvlab")
	if icons, err := assets.Icons(); err == nil { // embedded: cannot fail but for a broken build
		ebiten.SetWindowIcon(icons)
	}
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
	scene       scene.Scene // a network's layout differs
	touch       bool
	lesson      scenario.LessonRef // the lesson card's step
	theme       string             // its type's scale
	hide        ui.Hidden
	lang        lang.Lang // the words' language: the lesson card and the help are laid out in it
}

// relayout recomputes the layout when the screen, the scene, the panel
// count or the kind of pointer changed. A layout made for touch once a
// touch is seen waits until the finger is up, so that a tap ends on the
// target it began on.
func (g *Game) relayout() {
	g.useTheme()
	g.scene = g.sceneFor(g.st.Scen.Kind())
	w, h, scale, recording := g.gifLayoutSize()
	touched := g.ptr.Touched && (!g.ptr.Down || g.layKey.touch) && !recording
	key := layoutKey{w: w, h: h, scale: scale, panels: g.scene.PanelCount(g.st), scene: g.scene,
		touch: touched || ui.LooksTouch(w, h, scale), lesson: g.st.Scen.Lesson, hide: g.hidden(), theme: ui.Current(), lang: lang.Current()}
	if key == g.layKey && g.lay.panels != nil {
		return
	}
	g.layKey = key
	g.c.M = ui.NewMetrics(w, h, scale, key.touch)
	g.c.M.Hide = key.hide
	g.lay = layout{Screen: ui.Split(&g.c.M)}
	g.lessonCard = layoutLesson(&g.c.M, &g.lay.Main, key.lesson)
	g.lay.panels = g.scene.Layout(&g.c.M, g.lay.Main, key.panels)
	g.uiDirty = true
}

// Update implements ebiten.Game.
func (g *Game) Update() error {
	t0 := time.Now()
	if g.rec != nil { // an animation is being saved: nothing else moves
		g.lastTick = t0
		g.st.Sync(t0.Add(scene.FrameWork / 4))
		g.recordGIF(t0.Add(scene.FrameWork))
		g.publish(t0)
		g.worked += time.Since(t0)
		g.stats.addUpdate(time.Since(t0))
		return nil
	}
	select {
	case link := <-g.opened:
		g.openLink(link)
	case msg := <-g.notices:
		g.st.Notice = msg
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
	g.takeTyped()
	g.takeDropped(ebiten.DroppedFiles())
	g.takeLoaded()
	g.handleInput()
	wasPlaying := g.st.Playing
	g.st.Tick(dt, t0.Add(scene.FrameWork*3/4-g.worked))
	if g.st.Playing != wasPlaying { // the runs ended: Pause turns back into Play
		g.uiDirty = true
	}
	if g.gifWanted > 0 { // RecordGIF: record once the runs have the rows
		g.st.Eng.Want(g.gifWanted)
		if g.st.Eng.Rows() >= g.gifWanted || g.st.Done() {
			g.gifWanted = 0
			g.startGIF(g.gifW, g.gifH)
		}
	}
	// What came in this frame (a file, a paste, a choice) may have made
	// the scenario of another kind: its own scene, laid out, takes it.
	g.relayout()
	g.scene.Update(g.st, g.lay.panels, t0.Add(scene.FrameWork-g.worked))
	if g.uiDirty {
		g.buildUI()
	}
	g.headerStatus()
	g.publish(t0)
	g.pageWheel.tell(g.st.Flags.PageWheel && g.popup.kind == popNone)
	g.worked += time.Since(t0)
	g.stats.addUpdate(time.Since(t0))
	return nil
}

// openLink replaces the scenario with the one of a link, keeping the
// current one (with a notice) if the link is malformed.
func (g *Game) openLink(link string) {
	if link == "#"+g.st.Scen.Encode() || link == g.st.Scen.Encode() {
		return // our own fragment coming back
	}
	st := scene.NewState(link, g.st.Eng)
	if st.Notice != "" {
		g.st.Notice = st.Notice
		g.st.Changed = true // the address bar shows the scenario kept, not the bad link
		return
	}
	g.st = st
	g.popup = popup{}
	g.uiDirty = true
}

// publish tells the host about a changed scenario (at most four times a
// second while a slider or a pan is being dragged) and notice.
func (g *Game) publish(now time.Time) {
	if g.st.Changed && (g.dragging == 0 && g.panning == 0 || now.Sub(g.lastPublish) > 250*time.Millisecond) {
		g.st.Changed = false
		g.lastPublish = now
		g.host.ScenarioChanged(g.st.Scen.Encode())
	}
	if g.st.Notice != g.noticeSent {
		g.noticeSent = g.st.Notice
		g.host.NoticeChanged(g.st.Notice)
		g.uiDirty = true
	}
}

// Draw implements ebiten.Game.
func (g *Game) Draw(screen *ebiten.Image) {
	t0 := time.Now()
	if g.rec != nil {
		g.drawGIFProgress(screen)
		g.worked = 0
		g.stats.addDraw(time.Since(t0))
		return
	}
	g.relayout()
	if g.uiDirty {
		g.buildUI()
	}
	g.headerStatus()
	g.showTextField()
	g.draw(screen)
	if g.pictureWanted {
		g.pictureWanted = false
		g.savePicture(screen)
	}
	g.announce()
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

// headerStatus puts each panel's run status into its header.
func (g *Game) headerStatus() {
	for i := range g.ws.List[:g.ws.PopupStart] {
		if w := &g.ws.List[i]; w.Act == ui.ActEditPanel && w.Arg < len(g.st.Runs) {
			w.Status, w.StatusColor = g.scene.Status(w.Arg)
		}
	}
}

// panelView is the view of panel rect r.
func (g *Game) panelView(r geom.Rect) geom.View { return g.scene.View(g.st, r) }

// IterateRows returns panel k's iterates so far for automated checks: for
// a surface rows of (x1, x2, f), x1 and x2 NaN in a row whose iterate the
// trace no longer keeps; for a network rows of one number, the training
// loss (the weights are too many to be useful). Call it between frames.
func (g *Game) IterateRows(k int) [][]float64 {
	if k < 0 || k >= len(g.st.Runs) {
		return nil
	}
	return g.scene.IterateRows(g.st.Runs[k])
}

// SweepRows returns what came of panel k's sweep so far, for automated
// checks: rows of (value, final f, iterations, diverged as 0 or 1), as
// curvsim sweep prints them. Call it between frames.
func (g *Game) SweepRows(k int) [][]float64 {
	var rows [][]float64
	for _, p := range g.st.Eng.Sweep(k) {
		d := 0.0
		if p.Diverged() {
			d = 1
		}
		rows = append(rows, []float64{p.Value, p.Final.F, float64(p.Final.Iter), d})
	}
	return rows
}

// Computing reports whether the picture is still being completed though
// the runs stand still (see scene.Scene.Pending): for automated checks and
// pages that wait for a finished figure. Call it between frames.
func (g *Game) Computing() bool { return g.scene.Pending(g.st) }

// Panels returns the number of panels.
func (g *Game) Panels() int { return len(g.st.Runs) }

// Control is a button or slider on screen, for automated checks (the
// browser exposes them as window.curvlab.controls).
type Control struct {
	Kind       string // "button", "slider" or "text" (a text field)
	Action     string // what a button does (action.String); "none" for a slider
	Arg        int    // the action's argument: a panel, a lesson, a choice
	Label      string
	On         bool    // a toggle that is on, or the current choice
	X, Y, W, H float64 // where, in CSS pixels
	Popup      bool    // in the open popup
	Focus      bool    // it has the keyboard's focus (Tab, or a menu's row)
}

// Controls lists the buttons and sliders on screen: the toolbar's, the
// panel headers' and those of the open popup that are in view. Call it
// between frames.
func (g *Game) Controls() []Control {
	var out []Control
	for i, w := range g.ws.List {
		// a popup's row scrolled partly out of it is left out: only
		// what can be tapped whole is listed
		if w.Kind == ui.KindLabel || i >= g.ws.PopupStart && !within(w.R, g.popup.Rect) {
			continue
		}
		c := Control{Kind: "button", Action: w.Act.String(), Arg: w.Arg, Label: w.Label, On: w.On, Popup: i >= g.ws.PopupStart, Focus: w.Focus,
			X: w.R.X / g.scale, Y: w.R.Y / g.scale, W: w.R.W / g.scale, H: w.R.H / g.scale}
		switch w.Kind {
		case ui.KindSlider:
			c.Kind = "slider"
		case ui.KindText:
			c.Kind = "text"
		}
		out = append(out, c)
	}
	return out
}

// within reports whether r lies inside box.
func within(r, box geom.Rect) bool {
	return r.X >= box.X && r.Y >= box.Y && r.X+r.W <= box.X+box.W && r.Y+r.H <= box.Y+box.H
}

// Plane is where a plane of the scene's data is on screen, for automated
// checks: its rectangle in CSS pixels and the window of the plane it
// shows.
type Plane struct {
	X, Y, W, H             float64
	XMin, XMax, YMin, YMax float64
}

// DataPlanes lists the planes on which the scene shows its data (a
// network's panels, a line fit's points). Call it between frames.
func (g *Game) DataPlanes() []Plane {
	var out []Plane
	for _, v := range g.scene.DataPlanes(g.st, g.lay.panels) {
		r := v.Screen
		out = append(out, Plane{X: r.X / g.scale, Y: r.Y / g.scale, W: r.W / g.scale, H: r.H / g.scale,
			XMin: v.XMin, XMax: v.XMax, YMin: v.YMin, YMax: v.YMax})
	}
	return out
}

// Popup names the open popup ("" when none): "menu", "lessons",
// "surface", "panel", "help" or "network".
func (g *Game) Popup() string { return g.popup.kind.String() }

// sceneFor returns the scene that draws scenarios of kind k.
// useTheme draws in the theme the link's flags ask for. The scenes are
// made anew in another theme: their layers hold the old one's colours.
func (g *Game) useTheme() {
	want := ui.Dark
	if g.st.Flags.Projector {
		want = ui.Projector
	}
	if ui.Current() == want.Name && g.background == want.Background {
		return
	}
	ui.Use(want)
	g.background = want.Background
	g.surfaces, g.network = surface.New(g.c), network.New(g.c)
	g.uiDirty = true
}

func (g *Game) sceneFor(k scenario.Kind) scene.Scene {
	if k == scenario.KindNetwork {
		return g.network
	}
	return g.surfaces
}
