package app

import (
	"curvlab/lang"
	"math"
	"time"

	"curvlab/app/ui"
	"curvlab/render"
	"curvlab/render/geom"

	"github.com/hajimehoshi/ebiten/v2"
)

// draw draws a frame: the toolbar's and the status line's backgrounds, the
// scene, the status line, the widgets, then the open popup over a shade.
func (g *Game) draw(dst *ebiten.Image) {
	c := g.c
	m := &c.M
	l := &g.lay
	dst.Fill(g.background)
	c.Flat.FillRect(dst, l.Toolbar, ui.Bar)
	c.Flat.FillRect(dst, l.Status, ui.Bar)

	// Shapes (and queued text) of the panels, then the widgets, then all
	// queued text at once: see ui.Canvas.Text.
	g.scene.Draw(dst, g.st, l.panels)
	g.drawLesson(dst)
	g.statusText()
	c.DrawWidgets(dst, &g.ws, 0, g.ws.PopupStart, g.hot)
	c.Flush(dst, true)
	if g.popup.kind == popNone {
		return
	}
	c.Flat.FillRect(dst, geom.Rect{X: 0, Y: l.Toolbar.H, W: m.W, H: m.H - l.Toolbar.H}, render.Alpha(ui.Shade, 0.55))
	r := g.popup.Rect
	c.Flat.FillRect(dst, r, ui.Bar)
	if g.popup.kind == popHelp { // its text scrolls under the Close button's band
		tr := geom.Rect{X: r.X, Y: r.Y + g.help.band, W: r.W, H: r.H - g.help.band}
		g.help.draw(g, tr, g.popup.Scroll)
		c.Flush(g.help.clip.Of(dst, tr), false)
	}
	// The content is clipped to the popup: what is scrolled out of it is
	// not drawn.
	clip := g.popupClip.Of(dst, r)
	c.DrawWidgets(clip, &g.ws, g.ws.PopupStart, len(g.ws.List), g.hot)
	c.Flush(clip, false)
	c.Flat.StrokeRect(dst, r, float32(m.U), ui.Frame)
	if g.popup.Content > r.H { // a scroll bar: where the view is in the content
		h := math.Max(r.H*r.H/g.popup.Content, 24*m.U)
		y := r.Y + (r.H-h)*g.popup.Scroll/(g.popup.Content-r.H)
		c.Flat.FillRect(dst, geom.Rect{X: r.X + r.W - 5*m.U, Y: y, W: 3 * m.U, H: h}, ui.Frame)
	}
}

// statusText queues the status line's text: the notice (what was wrong),
// a passing message, or the scene's hint at what one can do. A message
// too long for the line is drawn smaller, and if still too long shortened
// with "…" (the host has the whole notice: window.curvlab.notice).
func (g *Game) statusText() {
	m := &g.c.M
	r := g.lay.Status
	msg, clr := g.hint(m.Touch), ui.Dim
	switch {
	case g.st.Notice != "":
		msg, clr = g.st.Notice, ui.Warn
	case g.toast != "" && time.Now().Before(g.toastUntil):
		msg, clr = g.toast, ui.Good
	}
	if msg != g.statusMsg || r.W != g.statusW || m.Font != g.statusFont || lang.Current() != g.statusLang {
		g.statusMsg, g.statusW, g.statusFont, g.statusLang = msg, r.W, m.Font, lang.Current()
		g.statusSize = m.Font
		if clr == ui.Warn { // a notice, in English as the code writes it
			msg = lang.Notice(msg)
		}
		if w := r.W - 20*m.U; render.TextWidth(render.Sans, msg, m.Font) > w {
			g.statusSize = m.Small
			msg = ui.FitText(msg, m.Small, w)
		}
		g.statusFit = msg
	}
	g.c.Text(render.Sans, g.statusFit, r.X+10*m.U, r.Y+r.H/2, g.statusSize, clr, render.Left|render.Middle)
}
