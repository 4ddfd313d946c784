package app

import (
	"math"
	"strconv"

	"curvlab/render"
	"curvlab/render/geom"
	"curvlab/sim"
)

type popupKind uint8

const (
	popNone popupKind = iota
	popSurface
	popPresets
	popPanel
	popHelp
	popNet
)

// popup is the open menu, editor or help overlay, if any.
type popup struct {
	kind  popupKind
	panel int       // popPanel: which panel
	focus int       // keyboard row
	rect  geom.Rect // where it is drawn (set by buildUI)
}

// buildUI rebuilds the widget list: the toolbar, the panel headers and the
// open popup's contents.
func (g *Game) buildUI() {
	g.uiDirty = false
	g.widgets = g.widgets[:0]
	g.buildToolbar()
	g.buildHeaders()
	g.popupStart = len(g.widgets)
	switch g.popup.kind {
	case popPresets:
		g.buildPresets()
	case popSurface:
		g.buildSurfaceEditor()
	case popPanel:
		g.buildPanelEditor()
	case popHelp:
		g.buildHelp()
	case popNet:
		g.buildNetEditor()
	}
	if g.hot >= len(g.widgets) {
		g.hot = -1
	}
}

type toolItem struct {
	label string
	act   action
	on    bool
	gap   bool // extra space before it
}

func (g *Game) buildToolbar() {
	st := g.st
	l := &g.lay
	play := "Play"
	if st.playing {
		play = "Pause"
	}
	obj := g.objectiveButton()
	items := []toolItem{
		{play, actPlay, st.playing, false},
		{"Step", actStep, false, false},
		{"Reset", actReset, false, false},
		{"−", actSlower, false, true},
		{strconv.FormatFloat(speeds[st.flags.speed], 'g', -1, 64) + "/s", actNone, false, false},
		{"+", actFaster, false, false},
		obj,
		{"Presets", actPresetMenu, g.popup.kind == popPresets, false},
		{"+ Panel", actAddPanel, false, true},
		{"− Panel", actRemovePanel, false, false},
		{"Ellipses", actEllipses, !st.flags.hideEllipses, true},
		{"Trials", actTrials, !st.flags.hideTrials, false},
		{"Contours", actContours, !st.flags.hideContours, false},
		{"Overlay", actOverlay, st.flags.overlay, false},
		{"View", actResetView, false, true},
		{"Link", actCopyLink, false, false},
		{"Help", actHelp, g.popup.kind == popHelp, false},
	}
	if st.scen.Net != nil {
		items = g.netToolbar(items)
	}
	gap := math.Round(4 * l.u)
	bigGap := math.Round(14 * l.u)
	total := func(withKeys bool) float64 {
		var w float64
		for _, it := range items {
			key := ""
			if withKeys {
				key = keyFor(it.act)
			}
			w += g.buttonWidth(it.label, key) + gap
			if it.gap {
				w += bigGap
			}
		}
		return w
	}
	withKeys := total(true) <= l.toolbar.W-2*gap
	h := math.Round(1.9 * l.font)
	x, y := gap, math.Round((l.toolbar.H-h)/2)
	for _, it := range items {
		key := ""
		if withKeys {
			key = keyFor(it.act)
		}
		if it.gap {
			x += bigGap
		}
		w := g.buttonWidth(it.label, key)
		if x+w > l.toolbar.W { // out of room: the rest stay reachable by key
			break
		}
		kind := wButton
		if it.act == actNone {
			kind = wLabel
		}
		g.widgets = append(g.widgets, widget{kind: kind, r: geom.Rect{X: x, Y: y, W: w, H: h},
			label: it.label, key: key, act: it.act, on: it.on || kind == wLabel})
		x += w + gap
	}
}

func (g *Game) buildHeaders() {
	if g.st.flags.overlay && g.st.scen.Net == nil {
		return
	}
	for i, pr := range g.lay.panels {
		if i >= len(g.st.scen.Methods) {
			break
		}
		r := pr.header.Inset(2 * g.lay.u)
		label := strconv.Itoa(i+1) + "   " + g.st.scen.Methods[i].String()
		g.widgets = append(g.widgets, widget{kind: wButton, r: r, label: label, key: "edit " + strconv.Itoa(i+1),
			act: actEditPanel, arg: i, on: g.popup.kind == popPanel && g.popup.panel == i})
	}
}

// popupRect places a popup of the given width and height under the
// toolbar, centred and kept on screen.
func (g *Game) popupRect(w, h float64) geom.Rect {
	l := &g.lay
	w = math.Min(w, l.w-16*l.u)
	h = math.Min(h, l.h-l.toolbar.H-16*l.u)
	return geom.Rect{X: math.Round((l.w - w) / 2), Y: l.toolbar.H + 8*l.u, W: w, H: h}
}

func (g *Game) buildPresets() {
	l := &g.lay
	row := math.Round(2.1 * l.font)
	w := 0.0
	presets := sim.Presets()
	for _, p := range presets {
		w = math.Max(w, render.TextWidth(render.Sans, p.Name+": "+p.Desc, l.font))
	}
	r := g.popupRect(w+40*l.u, float64(len(presets))*(row+4*l.u)+16*l.u)
	g.popup.rect = r
	y := r.Y + 8*l.u
	for i, p := range presets {
		g.widgets = append(g.widgets, widget{kind: wButton, r: geom.Rect{X: r.X + 8*l.u, Y: y, W: r.W - 16*l.u, H: row},
			label: p.Name + ": " + p.Desc, key: " ", act: actPickPreset, arg: i, focus: g.popup.focus == i})
		y += row + 4*l.u
	}
}

// grid lays out n buttons in columns inside r starting at y and returns the
// y below them.
func (g *Game) grid(r geom.Rect, y float64, labels []string, act action, current int, focus bool) float64 {
	l := &g.lay
	row := math.Round(1.8 * l.font)
	var cw float64
	for _, s := range labels {
		cw = math.Max(cw, g.buttonWidth(s, ""))
	}
	cols := max(1, int((r.W-16*l.u)/(cw+4*l.u)))
	cw = math.Floor((r.W-16*l.u)/float64(cols)) - 4*l.u
	for i, s := range labels {
		c, k := i%cols, i/cols
		g.widgets = append(g.widgets, widget{kind: wButton,
			r:     geom.Rect{X: r.X + 8*l.u + float64(c)*(cw+4*l.u), Y: y + float64(k)*(row+4*l.u), W: cw, H: row},
			label: s, act: act, arg: i, on: i == current, focus: focus && i == current})
	}
	return y + float64((len(labels)+cols-1)/cols)*(row+4*l.u)
}

// paramRows adds one editor row per parameter: a slider, or buttons for a
// choice. mark gives a value to mark on a parameter's slider (NaN: none).
func (g *Game) paramRows(r geom.Rect, y float64, params []sim.Param, vals []float64, panel int,
	mark func(key string) (float64, string)) float64 {
	l := &g.lay
	row := math.Round(2.0 * l.font)
	for i, p := range params {
		t := paramTarget{panel: panel, index: i}
		focus := g.popup.focus == i+1
		if len(p.Choices) > 0 {
			g.widgets = append(g.widgets, widget{kind: wLabel, r: geom.Rect{X: r.X + 14*l.u, Y: y, W: 160 * l.u, H: row},
				label: fitText(p.Key+"  "+glyphSafe.Replace(p.Desc), l.font, 0.45*r.W-20*l.u), on: focus})
			x := r.X + r.W*0.5
			bw := math.Floor((r.W*0.5 - 12*l.u) / float64(len(p.Choices)))
			for c, name := range p.Choices {
				g.widgets = append(g.widgets, widget{kind: wButton, r: geom.Rect{X: x + float64(c)*bw, Y: y + 2*l.u, W: bw - 4*l.u, H: row - 4*l.u},
					label: name, act: actSetChoice, arg: c, target: t, on: int(vals[i]) == c, focus: focus && int(vals[i]) == c})
			}
		} else {
			mv, ml := math.NaN(), ""
			if mark != nil {
				mv, ml = mark(p.Key)
			}
			g.widgets = append(g.widgets, widget{kind: wSlider, r: geom.Rect{X: r.X + 8*l.u, Y: y, W: r.W - 16*l.u, H: row},
				label: fitText(p.Key+"  "+glyphSafe.Replace(p.Desc), l.font, 0.45*(r.W-16*l.u)-10*l.u), target: t, param: p, scale: newSliderScale(p),
				value: vals[i], mark: mv, markLabel: ml, focus: focus})
		}
		y += row + 4*l.u
	}
	return y
}

// editorHead starts an editor popup of width w (logical pixels) with a
// title line; it returns the popup's rectangle and the y below the title.
func (g *Game) editorHead(w float64, title string) (geom.Rect, float64) {
	l := &g.lay
	r := g.popupRect(w*l.u, 1000*l.u)
	y := r.Y + 8*l.u
	g.widgets = append(g.widgets, widget{kind: wLabel, r: geom.Rect{X: r.X + 14*l.u, Y: y, W: r.W, H: 1.6 * l.font},
		label: title, on: true})
	return r, y + 1.8*l.font
}

func (g *Game) buildSurfaceEditor() {
	l := &g.lay
	sc := &g.st.scen
	kinds := sim.SurfaceKinds()
	names := make([]string, len(kinds), len(kinds)+1)
	for i, k := range kinds {
		names[i] = k.Name
	}
	names = append(names, netChoice)
	if sc.Net != nil { // the network's own settings are in its editor (N)
		r, y := g.editorHead(900, "Surface (←/→ or click): a network is trained now; N edits it")
		y = g.grid(r, y, names, actPickSurface, len(kinds), g.popup.focus == 0)
		r.H = y - r.Y + 8*l.u
		g.popup.rect = r
		return
	}
	r, y := g.editorHead(900, "Surface (←/→ or click; ↑/↓ then ←/→ for parameters): "+glyphSafe.Replace(sc.SurfaceKind.Desc))
	y = g.grid(r, y, names, actPickSurface, indexOfSurface(kinds, sc.SurfaceKind), g.popup.focus == 0)
	y = g.paramRows(r, y+4*l.u, sc.SurfaceKind.Params, sc.SurfaceVals, -1, nil)
	r.H = y - r.Y + 8*l.u
	g.popup.rect = r
}

func (g *Game) buildPanelEditor() {
	l := &g.lay
	sc := &g.st.scen
	p := g.popup.panel
	if p >= len(sc.Methods) {
		g.popup = popup{}
		return
	}
	spec := sc.Methods[p]
	kinds := sim.MethodKinds()
	names := make([]string, 0, len(kinds))
	for _, k := range kinds {
		names = append(names, k.Name)
	}
	r, y := g.editorHead(980, "Panel "+strconv.Itoa(p+1)+": "+glyphSafe.Replace(spec.Kind.Desc))
	y = g.grid(r, y, names, actPickMethod, indexOfMethod(kinds, spec.Kind), g.popup.focus == 0)
	y = g.paramRows(r, y+4*l.u, spec.Kind.Params, spec.Values, p, g.stabilityMark)
	for _, s := range []string{"Rule:  " + glyphSafe.Replace(spec.Kind.Rule), "From:  " + glyphSafe.Replace(spec.Kind.Cite)} {
		g.widgets = append(g.widgets, widget{kind: wLabel, r: geom.Rect{X: r.X + 14*l.u, Y: y, W: r.W, H: 1.5 * l.font}, label: s})
		y += 1.5 * l.font
	}
	r.H = y - r.Y + 8*l.u
	g.popup.rect = r
}

// stabilityMark marks 2/λ_max of the Hessian at the start on the step-size
// slider of a first-order method: above it a fixed step diverges on the
// local quadratic model.
func (g *Game) stabilityMark(key string) (float64, string) {
	if key != "lr" {
		return math.NaN(), ""
	}
	spec := g.st.scen.Methods[g.popup.panel]
	if _, newtonLike := firstTrialStep[spec.Kind.Name]; newtonLike {
		return math.NaN(), ""
	}
	var lmax float64
	if g.st.scen.Net != nil {
		lmax = g.st.sharpness(g.popup.panel, 0)
	} else {
		g.st.scen.Surface().Hess(g.hessBuf[:], g.st.scen.Start)
		lmax = geom.Eigen(g.hessBuf).Lmax
	}
	if !(lmax > 0) {
		return math.NaN(), ""
	}
	lim := 2 / lmax
	return lim, "2/λmax = " + num(lim)
}

// firstTrialStep lists the methods whose lr is the first trial step of a
// Newton-type iteration rather than a gradient step size.
var firstTrialStep = map[string]bool{
	"newton": true, "newton-lm": true, "newton-sf": true, "sr1": true, "sr1-tr": true, "broyden": true,
	"bfgs": true, "dfp": true, "lbfgs": true, "tr-dogleg": true, "tr-cg": true,
}

func (g *Game) buildHelp() {
	l := &g.lay
	r := g.popupRect(l.w, l.h)
	g.popup.rect = r
	g.widgets = append(g.widgets, widget{kind: wButton, r: geom.Rect{X: r.X + r.W - 110*l.u, Y: r.Y + 8*l.u, W: 100 * l.u, H: 1.8 * l.font},
		label: "Close", key: "Esc", act: actClose})
}
