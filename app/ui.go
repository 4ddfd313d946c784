package app

import (
	"image/color"
	"math"
	"strconv"
	"strings"

	"curvlab/render"
	"curvlab/render/geom"
	"curvlab/sim"

	"github.com/hajimehoshi/ebiten/v2"
)

// The few widgets the app needs, drawn in the canvas: buttons (some of them
// toggles or menu items), sliders for parameters, and labels. Widgets are
// rebuilt (g.buildUI) only when something they show changes, and hit-tested
// and drawn from the list every frame.

type widgetKind uint8

const (
	wButton widgetKind = iota
	wSlider
	wLabel
)

// paramOwner is what the parameter of an editor row belongs to. The zero
// value, ownerNone, is the target of a widget that changes no parameter.
type paramOwner uint8

const (
	ownerNone    paramOwner = iota
	ownerSurface            // the surface's parameters (Scenario.SurfaceVals)
	ownerMethod             // a panel's method (paramTarget.panel)
	ownerNetwork            // the network editor's rows (netFields)
)

var paramOwnerNames = [...]string{ownerNone: "none", ownerSurface: "surface", ownerMethod: "method", ownerNetwork: "network"}

func (o paramOwner) String() string {
	if int(o) < len(paramOwnerNames) {
		return paramOwnerNames[o]
	}
	return "paramOwner(" + strconv.Itoa(int(o)) + ")"
}

// paramTarget names a parameter an editor row changes.
type paramTarget struct {
	owner paramOwner
	panel int // ownerMethod: the panel whose method it is
	index int // into the owner's parameters
}

type widget struct {
	kind  widgetKind
	r     geom.Rect
	label string
	sub   string // a second line under the label, dim (a button with a key hint)
	key   string // shortcut shown at the right of a button
	act   action
	arg   int
	on    bool // toggle on, or the current choice
	focus bool // keyboard focus (editor rows)
	dim   bool // drawn faintly (e.g. unavailable)

	// sliders
	target    paramTarget
	param     sim.Param
	scale     sliderScale
	value     float64
	mark      float64 // a value marked on the track (NaN: none)
	markLabel string
}

// widgetAt returns the widget under (x, y), if any. The open popup's
// widgets count only inside the popup: scrolled out of it they are hidden.
func (g *Game) widgetAt(x, y float64) widgetRef {
	inPopup := g.popup.rect.Contains(x, y)
	for i := len(g.widgets) - 1; i >= 0; i-- {
		w := &g.widgets[i]
		if w.kind != wLabel && w.r.Contains(x, y) && (i < g.popupStart || inPopup) {
			return refTo[widget](i)
		}
	}
	return 0
}

// sliderTrack is the part of a slider's rect the knob moves along: the
// label takes the left 45% (none when the label is on a line of its own),
// the value the last 90 pixels.
func sliderTrack(w *widget, u float64) geom.Rect {
	r := w.r
	lw := 0.45 * r.W
	if w.label == "" {
		lw = 0
	}
	return geom.Rect{X: r.X + lw + 8*u, Y: r.Y, W: r.W - lw - 106*u, H: r.H}
}

// drawWidgets draws the widgets from, …, to−1 and queues their text (the
// caller flushes it); the one under the pointer (Game.hot) is lit.
func (g *Game) drawWidgets(dst *ebiten.Image, from, to int) {
	l := &g.lay
	p := &g.flat
	for i := from; i < to; i++ {
		w := &g.widgets[i]
		switch w.kind {
		case wLabel:
			clr := colDim
			if w.on {
				clr = colInk
			}
			g.text(render.Sans, w.label, w.r.X, w.r.Y+w.r.H/2, l.font, clr, render.Left|render.Middle)
		case wButton:
			bg := colButton
			switch {
			case w.on:
				bg = colButtonOn
			case g.hot.is(i):
				bg = colButtonHot
			}
			p.FillRect(dst, w.r, bg)
			if w.focus && !l.touch { // the keyboard's focus: a finger needs none
				p.StrokeRect(dst, w.r, float32(2*l.u), colInk)
			}
			ink := colInk
			if w.dim {
				ink = colDim
			}
			pad := 8 * l.u
			switch {
			case w.sub != "":
				g.text(render.Sans, w.label, w.r.X+pad, w.r.Y+w.r.H*0.32, l.font, ink, render.Left|render.Middle)
				g.text(render.Sans, w.sub, w.r.X+pad, w.r.Y+w.r.H*0.72, l.small, colDim, render.Left|render.Middle)
			case w.act == actMenu: // three bars, then the label
				bw, bh := math.Round(14*l.u), math.Max(1, math.Round(2*l.u))
				x, cy := w.r.X+pad+2*l.u, math.Round(w.r.Y+w.r.H/2)
				for k := -1; k <= 1; k++ {
					p.FillRect(dst, geom.Rect{X: x, Y: cy + float64(k)*math.Round(5*l.u) - bh/2, W: bw, H: bh}, ink)
				}
				g.text(render.Sans, w.label, x+bw+6*l.u, w.r.Y+w.r.H/2, l.font, ink, render.Left|render.Middle)
			case w.key != "":
				g.text(render.Sans, w.label, w.r.X+pad, w.r.Y+w.r.H/2, l.font, ink, render.Left|render.Middle)
				g.text(render.Sans, w.key, w.r.X+w.r.W-pad, w.r.Y+w.r.H/2, l.small, colDim, render.Right|render.Middle)
				if w.act == actEditPanel && w.arg < len(g.panels) && g.panels[w.arg].status != "" {
					// a panel header: its run's status left of the key hint
					pc := &g.panels[w.arg]
					kw := render.TextWidth(render.Sans, w.key, l.small)
					g.text(render.Sans, pc.status, w.r.X+w.r.W-2*pad-kw, w.r.Y+w.r.H/2, l.font, pc.stClr, render.Right|render.Middle)
				}
			default:
				g.text(render.Sans, w.label, w.r.X+w.r.W/2, w.r.Y+w.r.H/2, l.font, ink, render.Center|render.Middle)
			}
		case wSlider:
			g.drawSlider(dst, w, g.hot.is(i))
		}
	}
}

func (g *Game) drawSlider(dst *ebiten.Image, w *widget, hot bool) {
	l := &g.lay
	p := &g.flat
	if w.focus && !l.touch {
		p.FillRect(dst, w.r, colButtonHot)
	}
	g.text(render.Sans, w.label, w.r.X+6*l.u, w.r.Y+w.r.H/2, l.font, colInk, render.Left|render.Middle)
	tr := sliderTrack(w, l.u)
	cy := tr.Y + tr.H/2
	p.FillRect(dst, geom.Rect{X: tr.X, Y: cy - 2*l.u, W: tr.W, H: 4 * l.u}, colFrame)
	if !math.IsNaN(w.mark) {
		mx := tr.X + tr.W*w.scale.pos(w.mark)
		p.FillRect(dst, geom.Rect{X: mx - 1.5*l.u, Y: tr.Y + 3*l.u, W: 3 * l.u, H: tr.H - 6*l.u}, colBad)
		g.text(render.Sans, w.markLabel, mx, tr.Y+tr.H-1*l.u, l.small*0.85, colBad, render.Center|render.Top)
	}
	kx := tr.X + tr.W*w.scale.pos(w.value)
	knob := colInk
	if hot {
		knob = colGood
	}
	p.Dot(dst, nil, kx, cy, 7*l.u, knob)
	g.text(render.Mono, w.param.Format(w.value), w.r.X+w.r.W-4*l.u, w.r.Y+w.r.H/2, l.small, colInk, render.Right|render.Middle)
}

// buttonWidth is the width a button needs for its label and key hint.
func (g *Game) buttonWidth(label, key string) float64 {
	l := &g.lay
	w := render.TextWidth(render.Sans, label, l.font) + 16*l.u
	if key != "" {
		w += render.TextWidth(render.Sans, key, l.small) + 10*l.u
	}
	return math.Ceil(w)
}

// fitText shortens s with "…" until it fits in width w at size.
func fitText(s string, size, w float64) string {
	if render.TextWidth(render.Sans, s, size) <= w {
		return s
	}
	r := []rune(s)
	for len(r) > 1 {
		r = r[:len(r)-1]
		t := string(r) + "…"
		if render.TextWidth(render.Sans, t, size) <= w {
			return t
		}
	}
	return ""
}

// wrapLines breaks s into lines no wider than w at size in font f, at
// spaces; a line's leading spaces (an indented line of help) indent its
// continuations too. A word wider than w stays whole.
func wrapLines(f render.Font, s string, size, w float64) []string {
	if render.TextWidth(f, s, size) <= w {
		return []string{s}
	}
	body := strings.TrimLeft(s, " ")
	indent := s[:len(s)-len(body)]
	var out []string
	line := indent
	for _, word := range strings.Fields(body) {
		switch {
		case line == indent:
			line += word
		case render.TextWidth(f, line+" "+word, size) <= w:
			line += " " + word
		default:
			out = append(out, line)
			line = indent + "  " + word
		}
	}
	return append(out, line)
}

// glyphSafe replaces the few symbols the Go fonts lack by plain ones.
var glyphSafe = strings.NewReplacer(
	"‖", "|", "∇²f", "H", "∇f", "g", "∇", "grad ", "ᵀ", "'", "ₖ", "k", "∈", " in ", "▾", "v", "✓", "ok",
)

func fade(c color.RGBA, a float64) color.RGBA { return render.Alpha(c, a) }
