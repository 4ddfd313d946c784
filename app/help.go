package app

import (
	"curvlab/lang"
	"image/color"
	"math"
	"slices"
	"strings"

	"curvlab/app/scene"
	"curvlab/app/ui"
	"curvlab/render"
	"curvlab/render/geom"
	"curvlab/sim"
	"curvlab/sim/scenario"
)

// helpText is the help overlay: every shortcut, what the drawing means, and
// each panel's update rule filled in with its current numbers. Its lines
// are rebuilt only when the runs advance.
type helpText struct {
	keys   []string
	legend []string
	rules  []string
	runs   []*sim.Run
	rows   int
	lang   lang.Lang // the language keys and rules are in
	// lines are the help laid out for width, from the popup's top-left
	// corner; height is their height.
	lines   []render.Label
	width   float64
	net     bool
	height  float64
	changed bool // the rules changed since the lines were laid out
	// band is the height of the popup's top band, where the Close button
	// stays while the text scrolls under it; clip is the screen clipped
	// to the text's part of the popup.
	band float64
	clip ui.Clip
}

func (h *helpText) refresh(g *Game) {
	if h.keys == nil || h.lang != lang.Current() {
		h.keys, h.lang, h.rules = h.keys[:0], lang.Current(), nil
		for _, b := range ui.Keymap {
			if b.Keys != "" {
				h.keys = append(h.keys, padRight(b.Keys, 7)+lang.T(b.What))
			}
		}
		h.keys = append(h.keys, padRight(lang.T("click"), 7)+lang.T("a surface's panel: start every method there"),
			padRight(lang.T("drag"), 7)+lang.T("a surface's panel: pan;  wheel / pinch: zoom"),
			padRight("↑↓←→", 7)+lang.T("in a menu or editor: choose and change"))
	}
	rows := 0
	for _, r := range g.st.Runs {
		rows += len(r.Trace)
	}
	if slices.Equal(h.runs, g.st.Runs) && rows == h.rows && h.rules != nil {
		return
	}
	h.changed = true
	h.runs = append(h.runs[:0], g.st.Runs...)
	h.rows = rows
	h.rules = h.rules[:0]
	for i, r := range g.st.Runs {
		spec := g.st.Scen.Methods[i]
		s := r.Last()
		h.rules = append(h.rules, strings.TrimSpace(panelLabel(i)+"  "+spec.String()+"  — "+ui.GlyphSafe.Replace(lang.T(spec.Kind.Desc))))
		for j, part := range strings.Split(ui.GlyphSafe.Replace(spec.Kind.Rule), "; ") {
			if j == 0 {
				h.rules = append(h.rules, "   "+lang.T("rule:")+"  "+part)
			} else {
				h.rules = append(h.rules, "          "+part)
			}
		}
		now := g.scene.Now(&s) // the iterate's line, then what the method holds
		h.rules = append(h.rules, now[0])
		step := "   " + lang.T("last step:") + "  |s| = " + ui.Num(s.StepLen)
		if s.Alpha != 0 {
			step += "   α = " + ui.Num(s.Alpha)
		}
		if s.Radius > 0 {
			step += "   Δ = " + ui.Num(s.Radius)
		}
		if s.Events != 0 {
			step += "   " + lang.T("events:") + " " + scene.EventsText(s.Events)
		}
		h.rules = append(h.rules, step)
		h.rules = append(h.rules, now[1:]...)
		h.rules = append(h.rules, "   "+ui.GlyphSafe.Replace(spec.Kind.Cite))
	}
}

func panelLabel(i int) string { return string(rune('1' + i)) }

// padRight pads s with spaces to n columns of the monospaced font, a
// Chinese character two columns, and at least one space.
func padRight(s string, n int) string {
	cols := 0
	for _, r := range s {
		cols++
		if r >= 0x2E80 {
			cols++
		}
	}
	s += " "
	for cols++; cols < n; cols++ {
		s += " "
	}
	return s
}

// layOut lays the help out for a popup of width w, again only when its
// lines or the width changed: on a wide popup the keys and the legend on
// the left and the rules on the right, on a narrow one (a phone's) all in
// one column, long lines wrapped. It returns the content's height.
func (h *helpText) layOut(g *Game, w float64) float64 {
	h.refresh(g)
	net := g.st.Scen.Kind() == scenario.KindNetwork
	if h.lines != nil && h.width == w && h.net == net && !h.changed {
		return h.height
	}
	h.width, h.net, h.changed = w, net, false
	h.lines = h.lines[:0]
	l := &g.c.M
	fs := l.Small
	line := fs * 1.45
	pad := 16 * l.U
	narrow := w < 1000*l.U
	colW := w - 2*pad
	if !narrow {
		colW = 0.45*w - 2*pad
	}
	add := func(f render.Font, s string, x, y, size float64, clr color.RGBA, width float64) float64 {
		for _, part := range ui.WrapLines(f, s, size, width) {
			h.lines = append(h.lines, render.Label{Font: f, S: part, X: x, Y: y, Size: size, Color: clr, Align: render.Left | render.Top})
			y += line
		}
		return y
	}
	x, y := pad, 0.0
	h.lines = append(h.lines, render.Label{Font: render.Sans, S: lang.T("curvlab — keys"), X: x, Y: y, Size: l.Font, Color: ui.Ink})
	y += line * 1.4
	for _, s := range h.keys {
		y = add(render.Mono, s, x, y, fs, ui.Ink, colW)
	}
	y += line * 0.6
	legend := g.scene.Legend()
	for j, s := range legend {
		clr := ui.Dim
		if j == 0 {
			clr = ui.Ink
		}
		y = add(render.Sans, s, x, y, fs, clr, colW)
	}
	x2, y2 := w*0.45, 0.0
	if narrow {
		x2, y2 = x, y+line
		colW = w - 2*pad
	} else {
		colW = 0.55*w - pad
	}
	h.lines = append(h.lines, render.Label{Font: render.Sans, S: lang.T("Each panel's update rule, with its current numbers"), X: x2, Y: y2, Size: l.Font, Color: ui.Ink})
	y2 += line * 1.4
	panel := -1
	for _, s := range h.rules {
		clr := ui.Dim
		if !strings.HasPrefix(s, " ") {
			panel++
			clr = ui.PanelColors[panel%len(ui.PanelColors)]
			y2 += line * 0.4
		}
		y2 = add(render.Mono, s, x2, y2, fs, clr, colW)
	}
	h.height = math.Max(y, y2) + line
	return h.height
}

// draw queues the help's text in r (the popup below its band), scrolled up
// by scroll, the lines outside r left out.
func (h *helpText) draw(g *Game, r geom.Rect, scroll float64) {
	h.layOut(g, r.W)
	for _, lb := range h.lines {
		lb.X += r.X
		lb.Y += r.Y - scroll
		if lb.Y+2*lb.Size < r.Y || lb.Y > r.Y+r.H {
			continue
		}
		g.c.Label(lb)
	}
}
