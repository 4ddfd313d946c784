package app

import (
	"slices"
	"strings"

	"curvlab/render"
	"curvlab/render/geom"
	"curvlab/sim"

	"github.com/hajimehoshi/ebiten/v2"
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
}

var legendLines = []string{
	"What you see",
	"white curve: the true Hessian's level set ½ d'Hd = c around the current point",
	"dashed coloured curve: the method's own curvature (B, or H⁻¹) at the same level c:",
	"   when the two curves meet, the method has learned the curvature",
	"hyperbolas and dashed axes: negative curvature (a saddle direction)",
	"arrow: the descent direction −g (fixed length; |g| is in the readout)",
	"rings: points the line search or trust region tried in the last step",
	"dashed circle: the trust region;  ×: known minima",
	"right: f − f* against iteration, log scale, one line per panel",
}

func (h *helpText) refresh(g *Game) {
	if h.keys == nil {
		for _, b := range keymap {
			if b.keys != "" {
				h.keys = append(h.keys, padRight(b.keys, 7)+b.what)
			}
		}
		h.keys = append(h.keys, padRight("click", 7)+"a surface's panel: start every method there",
			padRight("drag", 7)+"a surface's panel: pan;  wheel / pinch: zoom",
			padRight("↑↓←→", 7)+"in a menu or editor: choose and change")
	}
	rows := 0
	for _, r := range g.st.runs {
		rows += len(r.Trace)
	}
	if slices.Equal(h.runs, g.st.runs) && rows == h.rows && h.rules != nil {
		return
	}
	h.runs = append(h.runs[:0], g.st.runs...)
	h.rows = rows
	h.rules = h.rules[:0]
	for i, r := range g.st.runs {
		spec := g.st.scen.Methods[i]
		s := r.Last()
		h.rules = append(h.rules, strings.TrimSpace(panelLabel(i)+"  "+spec.String()+"  — "+glyphSafe.Replace(spec.Kind.Desc)))
		for j, part := range strings.Split(glyphSafe.Replace(spec.Kind.Rule), "; ") {
			if j == 0 {
				h.rules = append(h.rules, "   rule:  "+part)
			} else {
				h.rules = append(h.rules, "          "+part)
			}
		}
		if g.st.scen.Net != nil {
			h.rules = append(h.rules, netNow(&s))
		} else {
			h.rules = append(h.rules, "   now:   x = "+pair(s.X[0], s.X[1])+"   g = "+pair(s.G[0], s.G[1])+"   f = "+num(s.F))
		}
		step := "   last step:  |s| = " + num(s.StepLen)
		if s.Alpha != 0 {
			step += "   α = " + num(s.Alpha)
		}
		if s.Radius > 0 {
			step += "   Δ = " + num(s.Radius)
		}
		if s.Events != 0 {
			step += "   events: " + s.Events.String()
		}
		h.rules = append(h.rules, step)
		if s.Curv != nil && len(s.Curv) >= 4 && g.st.scen.Net == nil {
			h.rules = append(h.rules, "   "+curvName(s.CurvKind)+" = [["+num(s.Curv[0])+", "+num(s.Curv[1])+"], ["+num(s.Curv[2])+", "+num(s.Curv[3])+"]]")
		}
		h.rules = append(h.rules, "   "+glyphSafe.Replace(spec.Kind.Cite))
	}
}

func panelLabel(i int) string { return string(rune('1' + i)) }

func padRight(s string, n int) string {
	for len([]rune(s)) < n {
		s += " "
	}
	return s
}

func (h *helpText) draw(dst *ebiten.Image, g *Game, r geom.Rect) {
	h.refresh(g)
	l := &g.lay
	fs := l.small
	line := fs * 1.45
	x, y := r.X+16*l.u, r.Y+12*l.u
	render.Text(dst, "curvlab — keys", x, y, l.font, colInk, render.Left|render.Top)
	y += line * 1.4
	for _, s := range h.keys {
		render.DrawText(dst, render.Mono, s, x, y, fs, colInk, render.Left|render.Top)
		y += line
	}
	y += line * 0.6
	legend := legendLines
	if g.st.scen.Net != nil {
		legend = netLegendLines
	}
	for j, s := range legend {
		clr := colDim
		if j == 0 {
			clr = colInk
		}
		render.Text(dst, s, x, y, fs, clr, render.Left|render.Top)
		y += line
	}
	x2, y2 := r.X+r.W*0.45, r.Y+12*l.u
	render.Text(dst, "Each panel's update rule, with its current numbers", x2, y2, l.font, colInk, render.Left|render.Top)
	y2 += line * 1.4
	panel := -1
	for _, s := range h.rules {
		clr := colDim
		if !strings.HasPrefix(s, " ") {
			panel++
			clr = panelColors[panel%len(panelColors)]
			y2 += line * 0.4
		}
		render.DrawText(dst, render.Mono, s, x2, y2, fs, clr, render.Left|render.Top)
		y2 += line
	}
}
