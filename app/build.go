package app

import (
	"math"
	"strconv"

	"curvlab/render"
	"curvlab/render/geom"
	"curvlab/sim"
	"curvlab/sim/scenario"
	"curvlab/sim/surfaces"
)

type popupKind uint8

const (
	popNone popupKind = iota
	popSurface
	popPresets
	popPanel
	popHelp
	popNet
	popMenu // the toolbar's actions that do not fit on it
)

var popupNames = [...]string{popNone: "", popSurface: "surface", popPresets: "presets", popPanel: "panel",
	popHelp: "help", popNet: "network", popMenu: "menu"}

func (k popupKind) String() string {
	if int(k) < len(popupNames) {
		return popupNames[k]
	}
	return "popup(" + strconv.Itoa(int(k)) + ")"
}

// popup is the open menu, editor or help overlay, if any. Content taller
// than the screen scrolls: by dragging, the wheel, or the keyboard's focus.
type popup struct {
	kind    popupKind
	panel   int       // popPanel: which panel
	focus   int       // keyboard row
	rect    geom.Rect // where it is drawn (set by buildUI)
	scroll  float64   // how far its content is scrolled up, in device pixels
	content float64   // its content's height
	reveal  bool      // scroll the focused row into view (the keyboard moved the focus)
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
	case popMenu:
		g.buildMenu()
	}
	if i, _ := g.hot.index(); i >= len(g.widgets) {
		g.hot = 0
	}
}

type toolItem struct {
	label string
	act   action
	on    bool
	gap   bool // starts a group: extra space before it; a group is never split between the bar and the menu
}

// menuLabel is the label of the toolbar's last button when some actions do
// not fit: it opens them as a list (popMenu).
const menuLabel = "More"

// toolItems lists every toolbar action, in order.
func (g *Game) toolItems() []toolItem {
	st := g.st
	play := "Play"
	if st.playing {
		play = "Pause"
	}
	items := []toolItem{
		{play, actPlay, st.playing, false},
		{"Step", actStep, false, false},
		{"Reset", actReset, false, false},
		{"To end", actToEnd, false, false},
		{"−", actSlower, false, true},
		{g.speedLabel(), actNone, false, false},
		{"+", actFaster, false, false},
		g.objectiveButton(),
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
	if st.scen.Kind() == scenario.KindNetwork {
		items = g.netToolbar(items)
	}
	return items
}

func (g *Game) speedLabel() string {
	return strconv.FormatFloat(speeds[g.st.flags.speed], 'g', -1, 64) + "/s"
}

// buildToolbar lays the toolbar's actions out in one row: with their key
// hints if they fit, else without; if even then they do not, the groups
// that fit stay and the rest go into a menu opened by the last button
// (g.overflow).
func (g *Game) buildToolbar() {
	l := &g.lay
	items := g.toolItems()
	gap := math.Round(4 * l.u)
	bigGap := math.Round(14 * l.u)
	width := func(it toolItem, withKeys bool) float64 {
		key := ""
		if withKeys {
			key = keyFor(it.act)
		}
		return math.Max(g.buttonWidth(it.label, key), l.target)
	}
	total := func(withKeys bool) float64 {
		w := gap
		for _, it := range items {
			w += width(it, withKeys) + gap
			if it.gap {
				w += bigGap
			}
		}
		return w
	}
	withKeys := total(true) <= l.toolbar.W
	fit := len(items)
	end := l.toolbar.W // where the buttons must end
	if !withKeys && total(false) > l.toolbar.W {
		end -= g.menuButtonWidth() + gap
		x := gap
		group := 0 // the first item of the current group
		for i, it := range items {
			if it.gap {
				group = i
				x += bigGap
			}
			x += width(it, false)
			if x > end {
				fit = group
				break
			}
			x += gap
		}
	}
	g.overflow = append(g.overflow[:0], items[fit:]...)
	h := l.button
	x, y := gap, math.Round((l.toolbar.H-h)/2)
	for _, it := range items[:fit] {
		key := ""
		if withKeys {
			key = keyFor(it.act)
		}
		if it.gap {
			x += bigGap
		}
		w := width(it, withKeys)
		kind := wButton
		if it.act == actNone {
			kind = wLabel
		}
		g.widgets = append(g.widgets, widget{kind: kind, r: geom.Rect{X: x, Y: y, W: w, H: h},
			label: it.label, key: key, act: it.act, on: it.on || kind == wLabel})
		x += w + gap
	}
	if fit < len(items) {
		w := g.menuButtonWidth()
		g.widgets = append(g.widgets, widget{kind: wButton, r: geom.Rect{X: l.toolbar.W - gap - w, Y: y, W: w, H: h},
			label: menuLabel, act: actMenu, on: g.popup.kind == popMenu})
	}
}

// menuButtonWidth is the width of the button that opens the toolbar's
// menu: its label and an icon of three bars.
func (g *Game) menuButtonWidth() float64 {
	return math.Max(g.buttonWidth(menuLabel, "")+math.Round(22*g.lay.u), g.lay.target)
}

// buildMenu lays out the toolbar's actions that did not fit as a list
// under the menu button: one row each, the speed's − and + on one row.
func (g *Game) buildMenu() {
	l := &g.lay
	row := math.Max(math.Round(2.1*l.font), l.target)
	pad := math.Round(8 * l.u)
	w := 240 * l.u
	for _, it := range g.overflow {
		w = math.Max(w, g.buttonWidth(it.label, keyFor(it.act))+2*pad)
	}
	w = math.Min(w, l.w-2*pad)
	r := g.popupRect(w)
	r.X = l.w - pad - r.W // under the menu button, at the right
	y := r.Y + pad - g.popup.scroll
	focus := 0
	for i := 0; i < len(g.overflow); i++ {
		it := g.overflow[i]
		rr := geom.Rect{X: r.X + pad, Y: y, W: r.W - 2*pad, H: row}
		if it.act == actSlower && i+2 < len(g.overflow) { // − speed +
			bw := math.Max(row, g.buttonWidth("−", ""))
			g.widgets = append(g.widgets,
				widget{kind: wLabel, r: geom.Rect{X: rr.X + pad, Y: y, W: rr.W - 2*bw, H: row}, label: "Speed  " + g.overflow[i+1].label, on: true},
				widget{kind: wButton, r: geom.Rect{X: rr.X + rr.W - 2*bw - pad, Y: y, W: bw, H: row}, label: "−", act: actSlower, focus: g.popup.focus == focus},
				widget{kind: wButton, r: geom.Rect{X: rr.X + rr.W - bw, Y: y, W: bw, H: row}, label: "+", act: actFaster, focus: g.popup.focus == focus})
			i += 2
		} else {
			key := keyFor(it.act)
			if key == "" {
				key = " " // a blank hint: the label at the left, as in a list
			}
			g.widgets = append(g.widgets, widget{kind: wButton, r: rr, label: it.label, key: key, act: it.act, on: it.on,
				focus: g.popup.focus == focus})
		}
		focus++
		y += row + 4*l.u
	}
	g.fitPopup(r, y+pad-4*l.u)
}

// menuRows returns the open menu's rows' actions for the keyboard: the
// speed's row is actSlower.
func (g *Game) menuRows() []action {
	var rows []action
	for i := 0; i < len(g.overflow); i++ {
		rows = append(rows, g.overflow[i].act)
		if g.overflow[i].act == actSlower && i+2 < len(g.overflow) {
			i += 2
		}
	}
	return rows
}

func (g *Game) buildHeaders() {
	if g.st.flags.overlay && g.st.scen.Kind() == scenario.KindSurface {
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

// popupRect places a popup of width w under the toolbar, centred and kept
// on screen, as tall as the screen allows: fitPopup sets its height.
func (g *Game) popupRect(w float64) geom.Rect {
	l := &g.lay
	w = math.Min(w, l.w-16*l.u)
	return geom.Rect{X: math.Round((l.w - w) / 2), Y: l.toolbar.H + 8*l.u, W: w, H: l.h - l.toolbar.H - 16*l.u}
}

// fitPopup makes r, laid out with its content scrolled up by
// g.popup.scroll and ending at bottom, the open popup's rectangle: as tall
// as its content, or as the screen allows, the scroll kept within the
// content.
func (g *Game) fitPopup(r geom.Rect, bottom float64) {
	p := &g.popup
	p.content = bottom + p.scroll - r.Y
	r.H = math.Min(r.H, p.content)
	p.rect = r
	d := 0.0
	if p.reveal {
		p.reveal = false
		for i := g.popupStart; i < len(g.widgets); i++ {
			if w := g.widgets[i].r; g.widgets[i].focus {
				d = math.Min(w.Y-r.Y, math.Max(0, w.Y+w.H-(r.Y+r.H)))
				break
			}
		}
	}
	g.scrollPopup(d)
}

// scrollPopup scrolls the open popup's content up by d device pixels
// (down for d < 0), within its content, moving its widgets.
func (g *Game) scrollPopup(d float64) {
	p := &g.popup
	s := math.Max(0, math.Min(p.scroll+d, p.content-p.rect.H))
	d, p.scroll = s-p.scroll, s
	if d == 0 {
		return
	}
	for i := g.popupStart; i < len(g.widgets); i++ {
		g.widgets[i].r.Y -= d
	}
}

func (g *Game) buildPresets() {
	l := &g.lay
	row := math.Max(math.Round(2.1*l.font), l.target)
	w := 0.0
	presets := scenario.Presets()
	for _, p := range presets {
		w = math.Max(w, render.TextWidth(render.Sans, p.Name+": "+p.Desc, l.font))
	}
	r := g.popupRect(w + 40*l.u)
	y := r.Y + 8*l.u - g.popup.scroll
	if r.W < w+40*l.u { // narrow: the name, and the lesson under it
		row = math.Max(row, math.Round(2.6*l.font))
	}
	for i, p := range presets {
		wr := geom.Rect{X: r.X + 8*l.u, Y: y, W: r.W - 16*l.u, H: row}
		wd := widget{kind: wButton, r: wr, label: p.Name + ": " + p.Desc, key: " ", act: actPickPreset, arg: i, focus: g.popup.focus == i}
		if r.W < w+40*l.u {
			wd.label, wd.sub = p.Name, fitText(p.Desc, l.small, wr.W-16*l.u)
		}
		g.widgets = append(g.widgets, wd)
		y += row + 4*l.u
	}
	g.fitPopup(r, y+4*l.u)
}

// grid lays out n buttons in columns inside r starting at y and returns the
// y below them.
func (g *Game) grid(r geom.Rect, y float64, labels []string, act action, current int, focus bool) float64 {
	l := &g.lay
	row := math.Max(math.Round(1.8*l.font), l.target)
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

// paramRows adds one editor row per parameter of owner (a paramTarget
// without its index): a slider, or buttons for a choice. mark gives a value to mark on a parameter's slider (NaN: none).
// In a narrow popup (a phone's) each parameter's label has a line of its
// own above its slider or buttons, which then take the whole width.
func (g *Game) paramRows(r geom.Rect, y float64, params []sim.Param, vals []float64, owner paramTarget,
	mark func(key string) (float64, string)) float64 {
	l := &g.lay
	row := math.Max(math.Round(2.0*l.font), l.target)
	narrow := r.W < 640*l.u
	inner := geom.Rect{X: r.X + 8*l.u, W: r.W - 16*l.u}
	for i, p := range params {
		t := owner
		t.index = i
		focus := g.popup.focus == i+1
		label := p.Key + "  " + glyphSafe.Replace(p.Desc)
		if narrow {
			lh := math.Round(1.5 * l.font)
			g.widgets = append(g.widgets, widget{kind: wLabel, r: geom.Rect{X: r.X + 14*l.u, Y: y, W: inner.W, H: lh},
				label: fitText(label, l.font, inner.W-6*l.u), on: focus})
			y += lh
		}
		if len(p.Choices) > 0 {
			x, bw := inner.X, math.Floor(inner.W/float64(len(p.Choices)))
			if !narrow {
				g.widgets = append(g.widgets, widget{kind: wLabel, r: geom.Rect{X: r.X + 14*l.u, Y: y, W: 160 * l.u, H: row},
					label: fitText(label, l.font, 0.45*r.W-20*l.u), on: focus})
				x, bw = r.X+r.W*0.5, math.Floor((r.W*0.5-12*l.u)/float64(len(p.Choices)))
			}
			inset := 2 * l.u // the choices' buttons are a little smaller than the row, unless that makes them too small to tap
			if row-2*inset < l.target {
				inset = 0
			}
			for c, name := range p.Choices {
				g.widgets = append(g.widgets, widget{kind: wButton, r: geom.Rect{X: x + float64(c)*bw, Y: y + inset, W: bw - 4*l.u, H: row - 2*inset},
					label: fitText(name, l.font, bw-8*l.u), act: actSetChoice, arg: c, target: t, on: int(vals[i]) == c, focus: focus && int(vals[i]) == c})
			}
		} else {
			mv, ml := math.NaN(), ""
			if mark != nil {
				mv, ml = mark(p.Key)
			}
			if narrow {
				label = ""
			} else {
				label = fitText(label, l.font, 0.45*inner.W-10*l.u)
			}
			g.widgets = append(g.widgets, widget{kind: wSlider, r: geom.Rect{X: inner.X, Y: y, W: inner.W, H: row},
				label: label, target: t, param: p, scale: newSliderScale(p),
				value: vals[i], mark: mv, markLabel: ml, focus: focus})
		}
		y += row + 4*l.u
	}
	return y
}

// editorHead starts an editor popup of width w (logical pixels) with a
// title line, shortened to fit; it returns the popup's rectangle and the
// y below the title (scrolled as the popup is).
func (g *Game) editorHead(w float64, title string) (geom.Rect, float64) {
	l := &g.lay
	r := g.popupRect(w * l.u)
	y := r.Y + 8*l.u - g.popup.scroll
	g.widgets = append(g.widgets, widget{kind: wLabel, r: geom.Rect{X: r.X + 14*l.u, Y: y, W: r.W, H: 1.6 * l.font},
		label: fitText(title, l.font, r.W-28*l.u), on: true})
	return r, y + 1.8*l.font
}

// keysHint returns keys, a title's hint at the keyboard, or on a touch
// screen, where it is noise, touch.
func (g *Game) keysHint(keys, touch string) string {
	if g.lay.touch {
		return touch
	}
	return keys
}

// labelLines adds s as labels in r from y on, wrapped to r's width, and
// returns the y below them.
func (g *Game) labelLines(r geom.Rect, y float64, s string) float64 {
	l := &g.lay
	for _, line := range wrapLines(render.Sans, s, l.font, r.W-28*l.u) {
		g.widgets = append(g.widgets, widget{kind: wLabel, r: geom.Rect{X: r.X + 14*l.u, Y: y, W: r.W, H: 1.5 * l.font}, label: line})
		y += 1.5 * l.font
	}
	return y
}

func (g *Game) buildSurfaceEditor() {
	l := &g.lay
	sc := &g.st.scen
	kinds := surfaces.Kinds()
	names := make([]string, len(kinds), len(kinds)+1)
	for i, k := range kinds {
		names[i] = k.Name
	}
	names = append(names, netChoice)
	if sc.Kind() == scenario.KindNetwork { // the network's own settings are in its editor (N)
		r, y := g.editorHead(900, g.keysHint("Surface (←/→ or click): ", "Surface: ")+"a network is trained now; N edits it")
		y = g.grid(r, y, names, actPickSurface, len(kinds), g.popup.focus == 0)
		g.fitPopup(r, y+8*l.u)
		return
	}
	r, y := g.editorHead(900, g.keysHint("Surface (←/→ or click; ↑/↓ then ←/→ for parameters): ", "")+glyphSafe.Replace(sc.SurfaceKind.Desc))
	y = g.grid(r, y, names, actPickSurface, indexOfSurface(kinds, sc.SurfaceKind), g.popup.focus == 0)
	y = g.paramRows(r, y+4*l.u, sc.SurfaceKind.Params, sc.SurfaceVals, paramTarget{owner: ownerSurface}, nil)
	g.fitPopup(r, y+8*l.u)
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
	y = g.paramRows(r, y+4*l.u, spec.Kind.Params, spec.Values, paramTarget{owner: ownerMethod, panel: p}, g.stabilityMark)
	y = g.labelLines(r, y, "Rule:  "+glyphSafe.Replace(spec.Kind.Rule))
	y = g.labelLines(r, y, "From:  "+glyphSafe.Replace(spec.Kind.Cite))
	g.fitPopup(r, y+8*l.u)
}

// stabilityMark marks, on the step-size slider of a method with a fixed
// step, the largest step for which it converges on the local quadratic
// model at the start (λ_max: the Hessian's largest eigenvalue there; above
// the mark the component along its eigenvector grows): 2/λ_max for
// gradient descent, 2(1+β)/λ_max for heavy ball, (2+2β)/((1+2β)λ_max) for
// Nesterov (REFERENCE.md, "Stability, noise and generalization"). Adaptive
// methods (AdaGrad, RMSProp, Adam) precondition the step, so λ_max sets no
// such line for them, and Newton-type methods' lr is a first trial step:
// no mark.
func (g *Game) stabilityMark(key string) (float64, string) {
	if key != "lr" {
		return math.NaN(), ""
	}
	spec := g.st.scen.Methods[g.popup.panel]
	name := spec.Kind.Name
	if name != "gd" && name != "momentum" && name != "nesterov" {
		return math.NaN(), ""
	}
	var lmax float64
	if g.st.scen.Kind() == scenario.KindNetwork {
		lmax = g.st.sharpness(g.popup.panel, 0)
	} else {
		g.st.scen.Surface().Hess(g.hessBuf[:], g.st.scen.Start)
		lmax = geom.Eigen(g.hessBuf).Lmax
	}
	if !(lmax > 0) {
		return math.NaN(), ""
	}
	beta := 0.0
	for i, p := range spec.Kind.Params {
		if p.Key == "beta" {
			beta = spec.Values[i]
		}
	}
	switch name {
	case "momentum":
		lim := 2 * (1 + beta) / lmax
		return lim, "2(1+β)/λmax = " + num(lim)
	case "nesterov":
		lim := (2 + 2*beta) / ((1 + 2*beta) * lmax)
		return lim, "(2+2β)/((1+2β)λmax) = " + num(lim)
	}
	lim := 2 / lmax
	return lim, "2/λmax = " + num(lim)
}

// buildHelp places the help overlay, its text scrolling under a Close
// button that stays where it is.
func (g *Game) buildHelp() {
	l := &g.lay
	r := g.popupRect(l.w)
	w, h := math.Max(100*l.u, l.target), math.Max(1.8*l.font, l.target)
	g.help.band = math.Round(h + 16*l.u)
	g.fitPopup(r, r.Y+g.help.band+g.help.layOut(g, r.W)-g.popup.scroll)
	g.widgets = append(g.widgets, widget{kind: wButton, r: geom.Rect{X: r.X + r.W - w - 10*l.u, Y: r.Y + 8*l.u, W: w, H: h},
		label: "Close", key: "Esc", act: actClose})
}
