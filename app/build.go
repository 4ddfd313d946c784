package app

import (
	"math"
	"slices"
	"strconv"

	"curvlab/app/scene"
	"curvlab/app/ui"
	"curvlab/lang"
	"curvlab/render"
	"curvlab/render/geom"
	"curvlab/sim"
	"curvlab/sim/explore"
	"curvlab/sim/scenario"
)

type popupKind uint8

const (
	popNone popupKind = iota
	popSurface
	popLessons
	popPanel
	popHelp
	popNet
	popMenu    // the toolbar's actions that do not fit on it
	popExplore // the views beyond a panel a run: the overlay, basins, the sweep
	popSweep   // the sweep's editor
	popGIF     // the animation's editor: its range and size
)

var popupNames = [...]string{popNone: "", popSurface: "surface", popLessons: "lessons", popPanel: "panel",
	popHelp: "help", popNet: "network", popMenu: "menu", popExplore: "explore", popSweep: "sweep", popGIF: "gif"}

func (k popupKind) String() string {
	if int(k) < len(popupNames) {
		return popupNames[k]
	}
	return "popup(" + strconv.Itoa(int(k)) + ")"
}

// popup is the open menu, editor or help overlay, if any. Content taller
// than the screen scrolls: by dragging, the wheel, or the keyboard's focus.
type popup struct {
	kind     popupKind
	panel    int // popPanel: which panel
	ui.Popup     // where it is, its scroll and keyboard focus
}

// buildUI rebuilds the widget list: the toolbar, the panel headers and the
// open popup's contents.
func (g *Game) buildUI() {
	g.uiDirty = false
	g.ws.List = g.ws.List[:0]
	g.buildToolbar()
	g.buildHeaders()
	g.buildLesson()
	g.ws.PopupStart = len(g.ws.List)
	g.markFocus()
	f := g.form()
	switch g.popup.kind {
	case popLessons:
		g.buildLessons(f)
	case popSurface:
		if g.st.Scen.Kind() == scenario.KindNetwork {
			g.buildPicker(f)
		} else {
			g.scene.Editor(g.st, f)
		}
	case popPanel:
		g.buildPanelEditor(f)
	case popHelp:
		g.buildHelp(f)
	case popNet:
		if g.st.Scen.Kind() == scenario.KindNetwork {
			g.scene.Editor(g.st, f)
		} else {
			g.popup = popup{}
		}
	case popMenu, popExplore:
		g.buildMenu(f)
	case popSweep:
		g.buildSweepEditor(f)
	case popGIF:
		g.buildGIFEditor(f)
	}
	if i, _ := g.hot.Index(); i >= len(g.ws.List) {
		g.hot = 0
	}
}

// menuLabel is the label of the toolbar's last button when some actions do
// not fit: it opens them as a list (popMenu).
const menuLabel = "More"

// toolItems lists every toolbar ui.Action, in order.
func (g *Game) toolItems() []scene.ToolItem {
	st := g.st
	play := lang.T("Play")
	if st.Playing {
		play = lang.T("Pause")
	}
	items := []scene.ToolItem{
		{Label: play, Act: ui.ActPlay, On: st.Playing},
		{Label: lang.T("Step"), Act: ui.ActStep},
		{Label: lang.T("Reset"), Act: ui.ActReset},
		{Label: lang.T("To end"), Act: ui.ActToEnd},
		{Label: "−", Act: ui.ActSlower, Gap: true},
		{Label: g.speedLabel(), Act: ui.ActNone},
		{Label: "+", Act: ui.ActFaster},
		g.scene.Objective(st, g.popup.kind == popSurface || g.popup.kind == popNet),
		{Label: lang.T("Lessons"), Act: ui.ActLessonMenu, On: g.popup.kind == popLessons},
		{Label: lang.T("+ Panel"), Act: ui.ActAddPanel, Gap: true},
		{Label: lang.T("− Panel"), Act: ui.ActRemovePanel},
		{Label: lang.T("Ellipses"), Act: ui.ActEllipses, On: !st.Flags.HideEllipses, Gap: true},
		{Label: lang.T("Trials"), Act: ui.ActTrials, On: !st.Flags.HideTrials},
		{Label: lang.T("Contours"), Act: ui.ActContours, On: !st.Flags.HideContours},
		{Label: lang.T("Explore"), Act: ui.ActExploreMenu, On: g.popup.kind == popExplore || st.Flags.Overlay || st.Flags.Basins || st.Flags.Sweep || st.Flags.StepModel || st.Scen.Solid.On()},
		{Label: lang.T("View"), Act: ui.ActResetView, Gap: true},
		{Label: lang.T("Link"), Act: ui.ActCopyLink},
		{Label: lang.T("Help"), Act: ui.ActHelp, On: g.popup.kind == popHelp},
		{Label: langLabel(), Act: ui.ActLang},
	}
	return g.scene.Tools(st, items)
}

// langLabel is the language switch's label: the other language's name,
// in that language.
func langLabel() string {
	if lang.Current() == lang.Chinese {
		return "English"
	}
	return "中文"
}

func (g *Game) speedLabel() string {
	return strconv.FormatFloat(scene.Speeds[g.st.Flags.Speed], 'g', -1, 64) + "/s"
}

// buildToolbar lays the toolbar's actions out in one row: with their key
// hints if they fit, else without; if even then they do not, the groups
// that fit stay and the rest go into a menu opened by the last button
// (g.overflow).
func (g *Game) buildToolbar() {
	m := &g.c.M
	if g.lay.Toolbar.H <= 0 { // hidden by the link
		g.overflow = g.overflow[:0]
		return
	}
	items := slices.DeleteFunc(g.toolItems(), func(it scene.ToolItem) bool { return g.refused(it.Act) })
	gap := math.Round(4 * m.U)
	bigGap := math.Round(14 * m.U)
	width := func(it scene.ToolItem, withKeys bool) float64 {
		key := ""
		if withKeys {
			key = ui.KeyFor(it.Act)
		}
		return math.Max(m.ButtonWidth(it.Label, key), m.Target)
	}
	total := func(withKeys bool) float64 {
		w := gap
		for _, it := range items {
			w += width(it, withKeys) + gap
			if it.Gap {
				w += bigGap
			}
		}
		return w
	}
	withKeys := total(true) <= g.lay.Toolbar.W
	fit := len(items)
	end := g.lay.Toolbar.W // where the buttons must end
	if !withKeys && total(false) > g.lay.Toolbar.W {
		end -= g.menuButtonWidth() + gap
		x := gap
		group := 0 // the first item of the current group
		for i, it := range items {
			if it.Gap {
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
	h := m.Button
	x, y := gap, math.Round((g.lay.Toolbar.H-h)/2)
	for _, it := range items[:fit] {
		key := ""
		if withKeys {
			key = ui.KeyFor(it.Act)
		}
		if it.Gap {
			x += bigGap
		}
		w := width(it, withKeys)
		kind := ui.KindButton
		if it.Act == ui.ActNone {
			kind = ui.KindLabel
		}
		g.ws.List = append(g.ws.List, ui.Widget{Kind: kind, R: geom.Rect{X: x, Y: y, W: w, H: h},
			Label: it.Label, Key: key, Act: it.Act, On: it.On || kind == ui.KindLabel})
		x += w + gap
	}
	if fit < len(items) {
		w := g.menuButtonWidth()
		g.ws.List = append(g.ws.List, ui.Widget{Kind: ui.KindButton, R: geom.Rect{X: g.lay.Toolbar.W - gap - w, Y: y, W: w, H: h},
			Label: lang.T(menuLabel), Act: ui.ActMenu, On: g.popup.kind == popMenu})
	}
}

// menuButtonWidth is the width of the button that opens the toolbar's
// menu: its label and an icon of three bars.
func (g *Game) menuButtonWidth() float64 {
	return math.Max(g.c.M.ButtonWidth(menuLabel, "")+math.Round(22*g.c.M.U), g.c.M.Target)
}

// menuItems are the open menu's items: the toolbar's actions that did not
// fit (popMenu), or the views that explore (popExplore).
func (g *Game) menuItems() []scene.ToolItem {
	if g.popup.kind == popExplore {
		f := g.st.Flags
		return slices.DeleteFunc([]scene.ToolItem{{Label: lang.T("Contour lines"), Act: ui.ActContours, On: !f.HideContours},
			{Label: lang.T("Overlay: all methods on one panel"), Act: ui.ActOverlay, On: f.Overlay},
			{Label: lang.T("Basins of attraction"), Act: ui.ActBasins, On: f.Basins},
			{Label: lang.T("Sweep a parameter"), Act: ui.ActSweep, On: f.Sweep},
			{Label: lang.T("Sweep: parameter and range…"), Act: ui.ActSweepMenu},
			{Label: lang.T("The last step's model"), Act: ui.ActStepModel, On: f.StepModel},
			{Label: lang.T("Curvature plot: eigenvalues"), Act: ui.ActEigen, On: f.Eigen},
			{Label: lang.T("3D view"), Act: ui.ActSolid, On: g.allSolid()},
			{Label: lang.T("Save a picture (PNG)"), Act: ui.ActSavePNG},
			{Label: lang.T("Save the runs as CSV"), Act: ui.ActSaveCSV},
			{Label: lang.T("Save the runs as JSON"), Act: ui.ActSaveJSON},
			{Label: lang.T("Save an animation (GIF)"), Act: ui.ActSaveGIF},
			{Label: lang.T("Animation: range and size…"), Act: ui.ActGIFMenu},
			{Label: lang.T("Embed in a page: copy an <iframe>"), Act: ui.ActEmbed},
			{Label: lang.T("Projector: dark on light, large type"), Act: ui.ActProjector, On: f.Projector}},
			func(it scene.ToolItem) bool { return g.refused(it.Act) || !g.scene.Explores(it.Act) })
	}
	return g.overflow
}

// buildMenu lays out the open menu's items (menuItems) as a list under
// its button: one row each, the speed's − and + on one row.
func (g *Game) buildMenu(f *ui.Form) {
	m := &g.c.M
	row := math.Max(math.Round(2.1*m.Font), m.Target)
	pad := math.Round(8 * m.U)
	w := 240 * m.U
	items := g.menuItems()
	for _, it := range items {
		w = math.Max(w, m.ButtonWidth(it.Label, ui.KeyFor(it.Act))+2*pad)
	}
	w = math.Min(w, m.W-2*pad)
	r := f.Rect(w)
	r.X = m.W - pad - r.W // under the menu button, at the right
	if g.popup.kind == popExplore {
		for _, wd := range g.ws.List[:g.ws.PopupStart] {
			if wd.Act == ui.ActExploreMenu { // under the Explore button, on screen
				r.X = math.Max(pad, math.Min(wd.R.X, m.W-pad-r.W))
			}
		}
	}
	y := r.Y + pad - g.popup.Scroll
	focus := 0
	for i := 0; i < len(items); i++ {
		it := items[i]
		rr := geom.Rect{X: r.X + pad, Y: y, W: r.W - 2*pad, H: row}
		if it.Act == ui.ActSlower && i+2 < len(items) { // − speed +
			bw := math.Max(row, m.ButtonWidth("−", ""))
			g.ws.List = append(g.ws.List,
				ui.Widget{Kind: ui.KindLabel, R: geom.Rect{X: rr.X + pad, Y: y, W: rr.W - 2*bw, H: row}, Label: lang.T("Speed") + "  " + items[i+1].Label, On: true},
				ui.Widget{Kind: ui.KindButton, R: geom.Rect{X: rr.X + rr.W - 2*bw - pad, Y: y, W: bw, H: row}, Label: "−", Act: ui.ActSlower, Focus: g.popup.Focus == focus},
				ui.Widget{Kind: ui.KindButton, R: geom.Rect{X: rr.X + rr.W - bw, Y: y, W: bw, H: row}, Label: "+", Act: ui.ActFaster, Focus: g.popup.Focus == focus})
			i += 2
		} else {
			key := ui.KeyFor(it.Act)
			if key == "" {
				key = " " // a blank hint: the label at the left, as in a list
			}
			g.ws.List = append(g.ws.List, ui.Widget{Kind: ui.KindButton, R: rr, Label: it.Label, Key: key, Act: it.Act, On: it.On,
				Focus: g.popup.Focus == focus})
		}
		focus++
		y += row + 4*m.U
	}
	f.Fit(r, y+pad-4*m.U)
}

// menuRows returns the open menu's rows' actions for the keyboard: the
// speed's row is ui.ActSlower.
func (g *Game) menuRows() []ui.Action {
	var rows []ui.Action
	items := g.menuItems()
	for i := 0; i < len(items); i++ {
		rows = append(rows, items[i].Act)
		if items[i].Act == ui.ActSlower && i+2 < len(items) {
			i += 2
		}
	}
	return rows
}

func (g *Game) buildHeaders() {
	if g.st.Flags.Overlay && g.st.Scen.Kind() == scenario.KindSurface {
		return
	}
	for i, pr := range g.lay.panels {
		if i >= len(g.st.Scen.Methods) {
			break
		}
		m := &g.c.M
		r := pr.Header.Inset(2 * m.U)
		key := lang.F("edit %d", i+1)
		// a long spec (a schedule, a batch) is shortened with "…" before
		// it reaches the key at the right (the editor shows it whole)
		room := r.W - render.TextWidth(render.Sans, key, m.Small) - 40*m.U
		label := ui.FitText(strconv.Itoa(i+1)+"   "+g.st.Scen.Methods[i].String(), m.Font, room)
		wd := ui.Widget{Kind: ui.KindButton, R: r, Label: label, Key: key, Act: ui.ActEditPanel, Arg: i, On: g.popup.kind == popPanel && g.popup.panel == i}
		if g.refused(ui.ActEditPanel) { // a locked figure: the header names the method, no more
			wd.Kind, wd.Key, wd.On = ui.KindLabel, "", true
		}
		g.ws.List = append(g.ws.List, wd)
	}
}

// form is the builder of the open popup's widgets.
func (g *Game) form() *ui.Form {
	return &ui.Form{M: &g.c.M, WS: &g.ws, P: &g.popup.Popup, Top: g.lay.Toolbar.H}
}

// scrollPopup scrolls the open popup's content by d device pixels.
func (g *Game) scrollPopup(d float64) { g.form().Scroll(d) }

// buildPicker is the surface picker of a network scenario: a surface
// replaces the network; the network's own settings are in its editor (N).
func (g *Game) buildPicker(f *ui.Form) {
	r, y := f.Head(900, f.KeysHint(lang.T("Surface (←/→ or click): "), lang.T("Surface: "))+lang.T("a network is trained now; N edits it"))
	names := scene.ObjectiveNames()
	y = f.Grid(r, y, names, ui.ActPickSurface, len(names)-1, f.P.Focus == 0)
	f.Fit(r, y+8*f.M.U)
}

func (g *Game) buildLessons(f *ui.Form) {
	m := &g.c.M
	row := math.Max(math.Round(2.1*m.Font), m.Target)
	w := 0.0
	presets := scenario.Lessons()
	for _, p := range presets {
		w = math.Max(w, render.TextWidth(render.Sans, p.Name+": "+lang.T(p.Title), m.Font))
	}
	r := f.Rect(w + 40*m.U)
	y := r.Y + 8*m.U - g.popup.Scroll
	if r.W < w+40*m.U { // narrow: the name, and the lesson under it
		row = math.Max(row, math.Round(2.6*m.Font))
	}
	for i, p := range presets {
		wr := geom.Rect{X: r.X + 8*m.U, Y: y, W: r.W - 16*m.U, H: row}
		wd := ui.Widget{Kind: ui.KindButton, R: wr, Label: p.Name + ": " + lang.T(p.Title), Key: " ", Act: ui.ActPickLesson, Arg: i, Focus: g.popup.Focus == i}
		if r.W < w+40*m.U {
			wd.Label, wd.Sub = p.Name, ui.FitText(lang.T(p.Title), m.Small, wr.W-16*m.U)
		}
		g.ws.List = append(g.ws.List, wd)
		y += row + 4*m.U
	}
	f.Fit(r, y+4*m.U)
}

func (g *Game) buildPanelEditor(f *ui.Form) {
	m := &g.c.M
	sc := &g.st.Scen
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
	r, y := f.Head(980, lang.F("Panel %d: ", p+1)+ui.GlyphSafe.Replace(lang.T(spec.Kind.Desc)))
	y = f.Grid(r, y, names, ui.ActPickMethod, indexOfMethod(kinds, spec.Kind), g.popup.Focus == 0)
	y = f.ParamRows(r, y+4*m.U, sc.MethodParams(p), spec.Values, ui.Target{Owner: ui.OwnerMethod, Panel: p}, g.stabilityMark)
	if sc.Kind() == scenario.KindSurface {
		n := 0
		for _, gh := range sc.Ghosts {
			if gh.Panel == p {
				n++
			}
		}
		y = f.Buttons(r, y+4*m.U, lang.F("Ghosts: %d of %d", n, scenario.MaxGhosts),
			ui.FormButton{Label: lang.T("Pin this run"), Act: ui.ActPinGhost, Arg: p}, ui.FormButton{Label: lang.T("Clear"), Act: ui.ActClearGhosts, Arg: p})
		view := lang.T("3D view")
		if sc.Solid.Panels[p] {
			view = lang.T("Flat view")
		}
		y = f.Buttons(r, y+4*m.U, f.KeysHint(lang.T("This panel's view (Z: every panel's)"), lang.T("This panel's view")), ui.FormButton{Label: view, Act: ui.ActSolidPanel, Arg: p})
	}
	y = f.LabelLines(r, y, lang.T("Rule:")+"  "+ui.GlyphSafe.Replace(spec.Kind.Rule))
	y = f.LabelLines(r, y, lang.T("From:")+"  "+ui.GlyphSafe.Replace(spec.Kind.Cite))
	f.Fit(r, y+8*m.U)
}

// stabilityMark marks, on the step-size slider of a method with a fixed
// step, the largest step for which it converges on the local quadratic
// model at the start (λ_max: the Hessian's largest eigenvalue there; above
// the mark the component along its eigenvector grows): 2/λ_max for
// gradient descent, 2(1+β)/λ_max for heavy ball, (2+2β)/((1+2β)λ_max) for
// Nesterov (REFERENCE.md, "Stability, noise and generalization";
// explore.StabilityLines). Adaptive
// methods (AdaGrad, RMSProp, Adam) precondition the step, so λ_max sets no
// such line for them, and Newton-type methods' lr is a first trial step:
// no mark.
func (g *Game) stabilityMark(key string) (float64, string) {
	if key != "lr" {
		return math.NaN(), ""
	}
	spec := g.st.Scen.Methods[g.popup.panel]
	for name, lim := range explore.StabilityLines(spec, key, g.scene.LambdaMax(g.st, g.popup.panel)) {
		return lim, name + " = " + ui.Num(lim) // one line at most
	}
	return math.NaN(), ""
}

// buildHelp places the help overlay, its text scrolling under a Close
// button that stays where it is.
func (g *Game) buildHelp(f *ui.Form) {
	m := &g.c.M
	r := f.Rect(m.W)
	w, h := math.Max(100*m.U, m.Target), math.Max(1.8*m.Font, m.Target)
	g.help.band = math.Round(h + 16*m.U)
	f.Fit(r, r.Y+g.help.band+g.help.layOut(g, r.W)-g.popup.Scroll)
	g.ws.List = append(g.ws.List, ui.Widget{Kind: ui.KindButton, R: geom.Rect{X: r.X + r.W - w - 10*m.U, Y: r.Y + 8*m.U, W: w, H: h},
		Label: lang.T("Close"), Key: "Esc", Act: ui.ActClose})
}
