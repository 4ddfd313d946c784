package app

import (
	"curvlab/lang"
	"html"
	"math"
	"strconv"
	"strings"

	"curvlab/app/scene"
	"curvlab/app/ui"
	"curvlab/sim/scenario"
)

// hidden is what the link's flags hide of the screen (an embedded figure:
// scene.Flags HideToolbar, HidePlots, HideReadouts).
func (g *Game) hidden() ui.Hidden {
	f := &g.st.Flags
	return ui.Hidden{Toolbar: f.HideToolbar, Plots: f.HidePlots, Readouts: f.HideReadouts}
}

// refused reports whether the link's flags forbid action a: a locked
// figure (Flags.Locked) takes no action that edits the scenario — the
// objective, the methods, the panels, the start, the data, the sweep's
// range — and a fixed view (Flags.FixedView) none that moves the view —
// zoom, reset, the 3D view and its camera. Playing, stepping, the speed,
// the display toggles, help, links and saving stay.
func (g *Game) refused(a ui.Action) bool {
	f := &g.st.Flags
	switch a {
	case ui.ActSurfaceMenu, ui.ActType, ui.ActTapClass, ui.ActLoadData, ui.ActPinGhost, ui.ActClearGhosts,
		ui.ActLessonMenu, ui.ActEditPanel, ui.ActAddPanel, ui.ActRemovePanel, ui.ActNetMenu, ui.ActPickSurface,
		ui.ActPickLesson, ui.ActPickMethod, ui.ActSetChoice, ui.ActSweepMenu:
		return f.Locked
	case ui.ActZoomIn, ui.ActZoomOut, ui.ActResetView, ui.ActOrbit, ui.ActSolid, ui.ActSolidPanel:
		return f.FixedView
	}
	return false
}

// lockedNotice is what a locked figure says when asked to change.
const lockedNotice = "This figure is fixed: open it in curvlab to change it."

// Notify shows the host's notice (say, that the browser would not let it
// copy) in the status line. It may be called from any goroutine; the game
// loop picks it up.
func (g *Game) Notify(msg string) {
	select {
	case g.notices <- msg:
	default: // a flood: keep the first ones
	}
}

// Embedded returns the scenario as an embedded figure shows it: sc with
// the toolbar hidden, locked, its view fixed and the wheel left to the
// page around it; its other flags (what is drawn, the speed, hidden plots
// or readouts) kept.
func Embedded(sc scenario.Scenario) scenario.Scenario {
	f := scene.ParseFlags(sc.UI)
	f.HideToolbar, f.Locked, f.FixedView, f.PageWheel = true, true, true, true
	sc.UI = f.String()
	return sc
}

// EmbedCode is an <iframe> element showing the scenario text (its link,
// without '#') of the app at page (its address, without a fragment), w×h
// CSS pixels, titled for screen readers, loaded when scrolled to, allowed
// to copy. Every attribute's value is escaped (html.EscapeString: & < > "
// and '), whatever page and text hold.
func EmbedCode(page, text, title string, w, h int) string {
	var b strings.Builder
	attr := func(k, v string) {
		b.WriteString(" " + k + `="` + html.EscapeString(v) + `"`)
	}
	b.WriteString("<iframe")
	attr("src", page+"#"+text)
	attr("width", strconv.Itoa(w))
	attr("height", strconv.Itoa(h))
	attr("title", title)
	attr("style", "border:0")
	attr("loading", "lazy")
	attr("allow", "clipboard-write")
	b.WriteString("></iframe>")
	return b.String()
}

// embedTitle names an embedded figure: what it shows and its methods.
func embedTitle(sc scenario.Scenario) string {
	what := "a network"
	if sc.Kind() == scenario.KindSurface {
		what = sc.SurfaceKind.Name
		if sc.Formula != "" {
			what = "f(x, y) = " + sc.Formula
		}
	}
	names := make([]string, len(sc.Methods))
	for i, m := range sc.Methods {
		names[i] = m.Kind.Name
	}
	return "curvlab: " + strings.Join(names, ", ") + " on " + what
}

// embedSize is an embedded figure's size in CSS pixels: the screen's,
// within 320×240 and 960×720, its shape kept where the limits allow.
func embedSize(w, h float64) (int, int) {
	if !(w > 0 && h > 0) {
		return 800, 500
	}
	k := min(1, 960/w, 720/h)
	w, h = w*k, h*k
	return int(math.Round(max(320, w))), int(math.Round(max(240, h)))
}

// copyEmbed copies the embed code of the view shown (ActEmbed).
func (g *Game) copyEmbed() {
	e, ok := g.host.(Embedder)
	if !ok {
		g.st.Notice = "This app cannot give an embed code here: copy the link (L) instead."
		return
	}
	sc := Embedded(g.st.Scen)
	w, h := embedSize(g.w/g.scale, g.h/g.scale)
	code := EmbedCode(e.PageURL(), sc.Encode(), embedTitle(sc), w, h)
	if msg := e.CopyText(code, lang.T("Embed code copied.")); msg != "" {
		g.showToast(msg)
	}
}

// WheelPasser is a Host that can leave the wheel to the page around the
// app (the browser's: Ebitengine's own listener would stop the page from
// scrolling): Flags.PageWheel, while no popup is open (a long popup
// scrolls with the wheel).
type WheelPasser interface {
	// PassWheel says whether wheel events over the app are the page's.
	PassWheel(on bool)
}

// pageWheel tells a WheelPasser host, when it changes, whether the wheel
// is the page's.
type pageWheel struct {
	host        WheelPasser
	told, known bool
}

func (p *pageWheel) tell(on bool) {
	if p.host == nil || p.known && p.told == on {
		return
	}
	p.known, p.told = true, on
	p.host.PassWheel(on)
}

// hint is the status line's hint: the scene's, or, where the link hid the
// toolbar (an embedded figure, whose clicks and drags may do nothing
// else), how to play.
func (g *Game) hint(touch bool) string {
	if !g.st.Flags.HideToolbar {
		return g.scene.Hint(touch)
	}
	if touch {
		return lang.T("Tap a panel to play or pause")
	}
	return lang.T("Click a panel or press Space to play or pause · ? for help")
}
