package app

import (
	"curvlab/lang"
	"math"
	"strings"

	"curvlab/app/ui"
	"curvlab/render"
	"curvlab/render/geom"
	"curvlab/sim/scenario"

	"github.com/hajimehoshi/ebiten/v2"
)

// lessonCard is the band under the panels that tells the current step of
// the lesson being followed: a heading with Back, Next and Leave, then
// the step's text, wrapped to the band's width. It is laid out with the
// screen (the text's lines decide the band's height) and drawn every
// frame from what the layout kept.
type lessonCard struct {
	r       geom.Rect // the band; empty when no lesson is followed
	heading string    // the lesson's name and the step, "first-look · step 2 of 3"
	lines   []string  // the step's text, wrapped
	size    float64   // the text's font size
	last    bool      // the step is the lesson's last: Next says Done
	first   bool
	shown   string // the heading as it fits left of the buttons ("" if it does not)
}

// layoutLesson carves the lesson card out of the bottom of main, for the
// step ref names (none: no card, main unchanged).
func layoutLesson(m *ui.Metrics, main *geom.Rect, ref scenario.LessonRef) lessonCard {
	l, err := ref.Lesson()
	if err != nil {
		return lessonCard{}
	}
	text := ui.GlyphSafe.Replace(lang.T(l.Steps[ref.Step-1].Text))
	c := lessonCard{
		heading: l.Name + " · " + lang.F("step %d of %d", ref.Step, len(l.Steps)),
		first:   ref.Step == 1,
		last:    ref.Step == len(l.Steps),
		size:    m.Font,
	}
	pad := m.Pad()
	w := main.W - 4*pad
	line := func() float64 { return math.Round(c.size * 1.3) }
	// The text takes at most two fifths of the screen's middle: in smaller
	// type if it must, and shortened with "…" if even that is too long.
	room := 0.4*main.H - m.Button - 3*pad
	c.lines = wrapFlush(text, c.size, w)
	if float64(len(c.lines))*line() > room {
		c.size = m.Small
		c.lines = wrapFlush(text, c.size, w)
	}
	if n := max(1, int(room/line())); len(c.lines) > n {
		c.lines = c.lines[:n]
		c.lines[n-1] = ui.FitText(c.lines[n-1]+" …", c.size, w)
	}
	h := m.Button + float64(len(c.lines))*line() + 3*pad
	c.r = geom.Rect{X: main.X, Y: main.Y + main.H - h, W: main.W, H: h}
	main.H -= h + pad
	return c
}

// wrapFlush wraps text to width w at size, every line flush left (help's
// wrapping indents continuations).
func wrapFlush(text string, size, w float64) []string {
	lines := ui.WrapLines(render.Sans, text, size, w)
	for i := range lines {
		lines[i] = strings.TrimLeft(lines[i], " ")
	}
	return lines
}

// buildLesson adds the card's buttons: Back, Next (Done on the last step)
// and Leave, at the right of its heading.
func (g *Game) buildLesson() {
	c := &g.lessonCard
	if c.r.W == 0 {
		return
	}
	m := &g.c.M
	pad := m.Pad()
	next := lang.T("Next ›")
	if c.last {
		next = lang.T("Done")
	}
	buttons := []struct {
		label, key string
		act        ui.Action
		dim        bool
	}{{lang.T("‹ Back"), ",", ui.ActLessonBack, c.first}, {next, ".", ui.ActLessonNext, false}, {lang.T("Leave"), "Q", ui.ActLeaveLesson, false}}
	x := c.r.X + c.r.W - pad
	for i := len(buttons) - 1; i >= 0; i-- {
		b := buttons[i]
		key := b.key
		if m.Touch {
			key = ""
		}
		w := math.Max(m.ButtonWidth(b.label, key), m.Target)
		x -= w
		g.ws.Add(ui.Widget{Kind: ui.KindButton, R: geom.Rect{X: x, Y: c.r.Y + pad, W: w, H: m.Button}, Label: b.label, Key: key, Act: b.act, Dim: b.dim})
		x -= pad
	}
	c.shown = ""
	if room := x - c.r.X - 2*pad; room > 40*m.U {
		c.shown = ui.FitText(c.heading, m.Small, room)
	}
}

// drawLesson draws the card's band and queues its heading and text.
func (g *Game) drawLesson(dst *ebiten.Image) {
	c := &g.lessonCard
	if c.r.W == 0 {
		return
	}
	m := &g.c.M
	pad := m.Pad()
	g.c.Flat.FillRect(dst, c.r, ui.Bar)
	g.c.Flat.StrokeRect(dst, c.r, float32(m.U), ui.Good)
	if c.shown != "" {
		g.c.Text(render.Sans, c.shown, c.r.X+2*pad, c.r.Y+pad+m.Button/2, m.Small, ui.Good, render.Left|render.Middle)
	}
	line := math.Round(c.size * 1.3)
	y := c.r.Y + 2*pad + m.Button + line/2
	for _, l := range c.lines {
		g.c.Text(render.Sans, l, c.r.X+2*pad, y, c.size, ui.Ink, render.Left|render.Middle)
		y += line
	}
}
