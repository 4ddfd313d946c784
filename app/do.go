package app

import (
	"bytes"
	"curvlab/app/scene"
	"curvlab/app/ui"
	"curvlab/lang"
	"curvlab/sim"
	"curvlab/sim/export"
	"curvlab/sim/scenario"
	"curvlab/sim/surfaces"
	"image"
	"image/png"
	"slices"
	"strconv"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"
)

// do carries out an action.
func (g *Game) do(a ui.Action, arg int) {
	st := g.st
	g.uiDirty = true
	if g.refused(a) {
		g.showToast(lang.T(lockedNotice))
		return
	}
	switch a {
	case ui.ActPlay:
		if st.Playing {
			st.Playing = false
		} else {
			if st.Done() {
				st.Restart()
			}
			st.Playing = true
		}
	case ui.ActStep:
		st.Playing = false
		st.StepAll()
	case ui.ActReset:
		st.Playing = false
		st.Restart()
	case ui.ActToEnd: // play at the engine's full speed
		st.Playing, st.Rush = !st.Done(), true
	case ui.ActSlower, ui.ActFaster:
		d := 1
		if a == ui.ActSlower {
			d = -1
		}
		f := st.Flags
		f.Speed = max(0, min(len(scene.Speeds)-1, f.Speed+d))
		st.SetFlags(f) // the speed lives in the link's UI flags
	case ui.ActSurfaceMenu:
		g.togglePopup(popSurface, 0)
	case ui.ActType:
		g.startTyping()
	case ui.ActTapClass:
		if st.Scen.Kind() == scenario.KindNetwork {
			f := st.Flags
			f.TapClass0 = !f.TapClass0
			st.SetFlags(f)
		}
	case ui.ActLoadData:
		if fp, ok := g.host.(FilePicker); ok {
			fp.PickFile()
		} else {
			st.Notice = "Drop a CSV file on the window: x,y a line for a line fit, x1,x2,label for a network."
		}
	case ui.ActSaveData:
		name, text := g.scene.DataCSV(st)
		if text == "" {
			st.Notice = "There are no points to save here."
			break
		}
		g.saveFile(name, []byte(text))
	case ui.ActSaveCSV, ui.ActSaveJSON:
		g.saveRuns(a == ui.ActSaveJSON)
	case ui.ActSavePNG: // the scene, without the menu or editor it was asked from
		g.popup = popup{}
		g.uiDirty = true
		g.pictureWanted = true // taken in the next Draw
	case ui.ActSaveGIF:
		s := gifSizes[g.gif.size]
		g.startGIF(s.w, s.h)
	case ui.ActGIFMenu:
		g.togglePopup(popGIF, 0)
	case ui.ActPinGhost:
		pinGhost(st, arg)
		g.uiDirty = true
	case ui.ActClearGhosts:
		st.Scen.Ghosts = slices.DeleteFunc(st.Scen.Clone().Ghosts, func(gh scenario.Ghost) bool { return gh.Panel == arg })
		st.Changed = true
		g.uiDirty = true
	case ui.ActLessonMenu:
		g.togglePopup(popLessons, 0)
	case ui.ActEditPanel:
		if arg < len(st.Scen.Methods) {
			if g.popup.kind == popPanel && g.popup.panel == arg {
				g.popup = popup{}
			} else {
				g.popup = popup{kind: popPanel, panel: arg}
			}
		}
	case ui.ActAddPanel:
		if n := len(st.Scen.Methods); n < scenario.MaxPanels {
			st.Scen.Methods = append(st.Scen.Methods, nextMethod(st.Scen.Methods))
			st.Restart()
		}
	case ui.ActRemovePanel:
		if n := len(st.Scen.Methods); n > 1 {
			st.Scen.Methods = st.Scen.Methods[:n-1]
			st.Scen.Ghosts = slices.DeleteFunc(st.Scen.Clone().Ghosts, func(gh scenario.Ghost) bool { return gh.Panel == n-1 })
			st.Scen.Solid = st.Scen.Solid.WithPanel(n-1, false)
			if g.popup.kind == popPanel && g.popup.panel >= n-1 {
				g.popup = popup{}
			}
			st.Restart()
		}
	case ui.ActEllipses, ui.ActTrials, ui.ActContours, ui.ActOverlay, ui.ActBasins, ui.ActSweep, ui.ActStepModel, ui.ActEigen:
		f := st.Flags
		switch a {
		case ui.ActEllipses:
			f.HideEllipses = !f.HideEllipses
		case ui.ActTrials:
			f.HideTrials = !f.HideTrials
		case ui.ActContours:
			f.HideContours = !f.HideContours
		case ui.ActOverlay:
			f.Overlay = !f.Overlay
		case ui.ActBasins, ui.ActSweep, ui.ActStepModel, ui.ActEigen:
			if st.Scen.Kind() != scenario.KindSurface && a != ui.ActSweep {
				return
			}
			switch a {
			case ui.ActBasins:
				f.Basins = !f.Basins
			case ui.ActSweep:
				f.Sweep = !f.Sweep
			case ui.ActEigen:
				f.Eigen = !f.Eigen
			default:
				f.StepModel = !f.StepModel
			}
		}
		st.SetFlags(f)
		g.uiDirty = true // the toolbar's and the Explore menu's states
	case ui.ActSolid:
		if st.Scen.Kind() != scenario.KindSurface {
			return
		}
		v, on := st.Scen.Solid, !g.allSolid()
		for k := range st.Scen.Methods {
			v = v.WithPanel(k, on)
		}
		st.SetSolid(v)
		g.uiDirty = true
	case ui.ActSolidPanel:
		if st.Scen.Kind() == scenario.KindSurface && arg >= 0 && arg < len(st.Scen.Methods) {
			st.SetSolid(st.Scen.Solid.WithPanel(arg, !st.Scen.Solid.Panels[arg]))
			g.uiDirty = true
		}
	case ui.ActOrbit:
		if st.Scen.Solid.On() && arg >= 0 && arg < len(ui.OrbitSteps) {
			d := ui.OrbitSteps[arg]
			st.SetSolid(st.Scen.Solid.Turned(d[0], d[1]))
		}
	case ui.ActResetView:
		st.SetView(nil)
	case ui.ActZoomIn, ui.ActZoomOut:
		if len(g.lay.panels) > 0 {
			r := g.lay.panels[0].Plot
			f := 1.25
			if a == ui.ActZoomOut {
				f = 1 / f
			}
			g.zoomAt(0, f, r.X+r.W/2, r.Y+r.H/2)
		}
	case ui.ActCopyLink:
		if msg := g.host.CopyLink(st.Scen.Encode()); msg != "" {
			g.showToast(msg)
		}
	case ui.ActEmbed:
		g.copyEmbed()
	case ui.ActFocusNext, ui.ActFocusBack:
		g.moveFocus(a == ui.ActFocusNext)
	case ui.ActPressFocus:
		g.pressFocus()
	case ui.ActProjector:
		f := st.Flags
		f.Projector = !f.Projector
		st.SetFlags(f)
	case ui.ActLang:
		lang.Use(lang.Current().Toggle())
		st.Scen.Lang = lang.Current()
		st.Changed = true
		if k, ok := g.host.(LanguageKeeper); ok {
			k.KeepLanguage(lang.Current())
		}
	case ui.ActHelp:
		g.togglePopup(popHelp, 0)
	case ui.ActMenu:
		if len(g.overflow) > 0 || g.popup.kind == popMenu {
			g.togglePopup(popMenu, 0)
		}
	case ui.ActSweepMenu:
		g.togglePopup(popSweep, 0)
	case ui.ActExploreMenu:
		if st.Scen.Kind() == scenario.KindSurface {
			g.togglePopup(popExplore, 0)
		}
	case ui.ActClose:
		g.popup = popup{}
	case ui.ActPickSurface:
		kinds := surfaces.Kinds()
		if arg >= 0 && arg < len(kinds) {
			g.pickSurface(kinds[arg])
		} else if arg == len(kinds) {
			g.pickNetwork()
		}
	case ui.ActNetMenu:
		if st.Scen.Kind() == scenario.KindSurface || g.popup.kind != popNet {
			g.pickNetwork()
		} else {
			g.popup = popup{}
		}
	case ui.ActPlane:
		f := st.Flags
		f.PCA = !f.PCA
		st.SetFlags(f)
	case ui.ActPickLesson:
		if ls := scenario.Lessons(); arg >= 0 && arg < len(ls) {
			if err := st.OpenStep(ls[arg], 1); err != nil {
				st.Notice = err.Error()
				return
			}
			st.Notice = ""
			g.popup = popup{}
		}
	case ui.ActLessonNext, ui.ActLessonBack:
		ref := st.Scen.Lesson
		l, err := ref.Lesson()
		if err != nil {
			break // no lesson is being followed
		}
		k := ref.Step + 1
		if a == ui.ActLessonBack {
			k = ref.Step - 1
		}
		switch {
		case k > len(l.Steps): // Next on the last step: the lesson is done
			st.LeaveLesson()
		case k >= 1:
			if err := st.OpenStep(l, k); err != nil {
				st.Notice = err.Error()
			}
		}
	case ui.ActLeaveLesson:
		st.LeaveLesson()
	case ui.ActPickMethod:
		kinds := sim.MethodKinds()
		p := g.popup.panel
		if arg >= 0 && arg < len(kinds) && p < len(st.Scen.Methods) {
			st.Scen.Methods[p] = sim.Spec{Kind: kinds[arg], Values: sim.Defaults(kinds[arg].Params)}
			st.Restart()
		}
	}
}

// pickSurface switches to a surface with its default parameters, start and
// view, keeping the methods.
func (g *Game) pickSurface(k *surfaces.Kind) {
	st := g.st
	sc := st.Scen.Clone()
	sc.Net = nil
	if err := sc.SetSurface(k, sim.Defaults(k.Params)); err != nil {
		st.Notice = err.Error()
		return
	}
	start := sc.Surface().Start()
	sc.Start = start[:]
	sc.View = nil
	st.SetScenario(sc)
}

// pickNetwork switches to the default network, keeping the methods, and
// opens its editor.
func (g *Game) pickNetwork() {
	st := g.st
	if st.Scen.Kind() == scenario.KindSurface {
		sc := st.Scen.Clone()
		if err := sc.SetNetwork(scenario.DefaultNetwork()); err != nil {
			st.Notice = err.Error()
			return
		}
		st.SetScenario(sc)
	}
	g.popup = popup{kind: popNet}
}

// nextMethod picks the method for a new panel: the first of a teaching
// order that is not shown yet.
func nextMethod(have []sim.Spec) sim.Spec {
	for _, name := range []string{"gd", "newton", "sr1", "bfgs", "lbfgs", "newton-sf", "tr-dogleg", "adam"} {
		used := false
		for _, s := range have {
			used = used || s.Kind.Name == name
		}
		if !used {
			sp, _ := sim.ParseSpec(name)
			return sp
		}
	}
	sp, _ := sim.ParseSpec("bfgs")
	return sp
}

func (g *Game) togglePopup(k popupKind, panel int) {
	if f := g.scene.Field(); f != nil {
		f.Active = false
	}
	if g.popup.kind == k {
		g.popup = popup{}
		return
	}
	g.popup = popup{kind: k, panel: panel}
}

// editorKeys lets the keyboard drive an open menu or editor: ↑/↓ move the
// focus between rows, ←/→ change the focused row, Enter picks. It reports
// whether it used a key.
func (g *Game) editorKeys() bool {
	tab := inpututil.IsKeyJustPressed(ebiten.KeyTab) // Tab and Shift+Tab walk the rows as ↓ and ↑
	shift := ebiten.IsKeyPressed(ebiten.KeyShift)
	up := inpututil.IsKeyJustPressed(ebiten.KeyArrowUp) || tab && shift
	down := inpututil.IsKeyJustPressed(ebiten.KeyArrowDown) || tab && !shift
	left := inpututil.IsKeyJustPressed(ebiten.KeyArrowLeft)
	right := inpututil.IsKeyJustPressed(ebiten.KeyArrowRight)
	enter := inpututil.IsKeyJustPressed(ebiten.KeyEnter)
	if !(up || down || left || right || enter) {
		return false
	}
	rows := g.popupRows()
	switch {
	case up:
		g.popup.Focus = (g.popup.Focus + rows - 1) % rows
		g.popup.Reveal = true
	case down:
		g.popup.Focus = (g.popup.Focus + 1) % rows
		g.popup.Reveal = true
	case left, right:
		dir := 1
		if left {
			dir = -1
		}
		g.adjustRow(g.popup.Focus, dir)
	case enter:
		switch rows := g.menuRows(); {
		case g.popup.kind == popLessons:
			g.do(ui.ActPickLesson, g.popup.Focus)
		case (g.popup.kind == popMenu || g.popup.kind == popExplore) && g.popup.Focus < len(rows):
			g.pickFromMenu(rows[g.popup.Focus])
		case g.popup.kind == popGIF:
			g.do(ui.ActSaveGIF, 0)
		default:
			g.popup = popup{}
		}
	}
	g.uiDirty = true
	return true
}

// popupRows is the number of keyboard rows of the open popup.
func (g *Game) popupRows() int {
	sc := &g.st.Scen
	switch g.popup.kind {
	case popLessons:
		return len(scenario.Lessons())
	case popMenu, popExplore:
		return max(1, len(g.menuRows()))
	case popSurface:
		if sc.Kind() == scenario.KindNetwork { // the picker alone
			return 1
		}
		ps, _ := g.scene.Params(g.st)
		return 1 + len(ps)
	case popNet:
		if sc.Kind() == scenario.KindNetwork {
			ps, _ := g.scene.Params(g.st)
			return 1 + len(ps)
		}
	case popPanel:
		if g.popup.panel < len(sc.Methods) {
			return 1 + len(sc.MethodParams(g.popup.panel))
		}
	case popSweep:
		rows, _ := sweepRows(sc)
		return 1 + len(rows)
	case popGIF:
		rows, _ := g.gifRows()
		return 1 + len(rows)
	}
	return 1
}

// adjustRow changes row r of the open editor by one step in direction dir:
// row 0 cycles the surface or method, the others nudge a parameter.
func (g *Game) adjustRow(r, dir int) {
	sc := &g.st.Scen
	switch g.popup.kind {
	case popMenu, popExplore:
		if rows := g.menuRows(); r < len(rows) && rows[r] == ui.ActSlower { // the speed's row
			a := ui.ActFaster
			if dir < 0 {
				a = ui.ActSlower
			}
			g.do(a, 0)
		}
	case popSurface, popNet:
		if r == 0 {
			if g.popup.kind == popNet {
				return // the network editor's first row is a button
			}
			kinds := surfaces.Kinds()
			cur := indexOfSurface(kinds, sc.SurfaceKind)
			if sc.Kind() == scenario.KindNetwork {
				cur = len(kinds)
			}
			g.do(ui.ActPickSurface, (cur+dir+len(kinds)+1)%(len(kinds)+1))
			return
		}
		if g.popup.kind == popSurface && sc.Kind() == scenario.KindNetwork {
			return
		}
		if ps, vs := g.scene.Params(g.st); r-1 < len(ps) {
			g.nudge(ui.Target{Owner: ui.OwnerScene, Index: r - 1}, ps[r-1], vs[r-1], dir)
		}
	case popPanel:
		p := g.popup.panel
		if p >= len(sc.Methods) {
			return
		}
		spec := sc.Methods[p]
		if r == 0 {
			kinds := sim.MethodKinds()
			g.do(ui.ActPickMethod, (indexOfMethod(kinds, spec.Kind)+dir+len(kinds))%len(kinds))
			return
		}
		if ps := sc.MethodParams(p); r-1 < len(ps) {
			g.nudge(ui.Target{Owner: ui.OwnerMethod, Panel: p, Index: r - 1}, ps[r-1], spec.Values[r-1], dir)
		}
	case popSweep:
		if rows, vals := sweepRows(sc); r >= 1 && r-1 < len(rows) {
			g.nudge(ui.Target{Owner: ui.OwnerSweep, Index: r - 1}, rows[r-1], vals[r-1], dir)
		}
	case popGIF:
		if rows, vals := g.gifRows(); r >= 1 && r-1 < len(rows) {
			g.nudge(ui.Target{Owner: ui.OwnerGIF, Index: r - 1}, rows[r-1], vals[r-1], dir)
		}
	}
}

func (g *Game) nudge(t ui.Target, p sim.Param, v float64, dir int) {
	if len(p.Choices) > 0 {
		n := len(p.Choices)
		g.setParam(t, float64((int(v)+dir+n)%n))
		return
	}
	g.setParam(t, ui.NewScale(p).Nudge(v, dir))
}

func indexOfSurface(ks []*surfaces.Kind, k *surfaces.Kind) int {
	for i, x := range ks {
		if x == k {
			return i
		}
	}
	return 0
}

func indexOfMethod(ks []*sim.MethodKind, k *sim.MethodKind) int {
	for i, x := range ks {
		if x == k {
			return i
		}
	}
	return 0
}

// pickFromMenu carries out an ui.Action chosen in the toolbar's menu and
// closes the menu, as a phone's menus do, unless the ui.Action opened
// another popup or is the speed's − or + (a stepper: one presses it
// again).
func (g *Game) pickFromMenu(a ui.Action) {
	g.do(a, 0)
	if g.popup.kind == popMenu && a != ui.ActSlower && a != ui.ActFaster {
		g.popup = popup{}
	}
}

// pinGhost keeps panel k's method as a ghost of the panel (a surface's),
// the oldest of its ghosts giving way when it has MaxGhosts.
func pinGhost(st *scene.State, k int) {
	sc := &st.Scen
	if sc.Kind() != scenario.KindSurface || k < 0 || k >= len(sc.Methods) {
		return
	}
	ghosts := sc.Clone().Ghosts
	n := 0
	for _, gh := range ghosts {
		if gh.Panel == k {
			n++
		}
	}
	if n == scenario.MaxGhosts {
		i := slices.IndexFunc(ghosts, func(gh scenario.Ghost) bool { return gh.Panel == k })
		ghosts = slices.Delete(ghosts, i, i+1)
		st.Notice = "Panel " + strconv.Itoa(k+1) + " keeps " + strconv.Itoa(scenario.MaxGhosts) + " ghosts: its oldest went."
	}
	m := sc.Clone().Methods[k]
	sc.Ghosts = append(ghosts, scenario.Ghost{Panel: k, Spec: m})
	st.Changed = true
}

// allSolid reports whether every panel is in 3D (the overlay: its one).
func (g *Game) allSolid() bool {
	n := len(g.st.Scen.Methods)
	if g.st.Flags.Overlay {
		n = 1
	}
	for k := range n {
		if !g.st.Scen.Solid.Panels[k] {
			return false
		}
	}
	return true
}

// saveFile gives the user a file through the host, saying what happened.
func (g *Game) saveFile(name string, data []byte) {
	if fs, ok := g.host.(FileSaver); ok {
		g.st.Notice = fs.SaveFile(name, data)
	} else {
		g.st.Notice = "This app cannot save files here."
	}
}

// saveRuns saves the runs so far as curvsim writes them (package export):
// its CSV, or its JSON, named after the scenario.
func (g *Game) saveRuns(asJSON bool) {
	st := g.st
	var b bytes.Buffer
	write, ext := export.CSV, ".csv"
	if asJSON {
		write, ext = export.JSON, ".json"
	}
	if err := write(&b, st.Scen, st.Runs, st.Trackers); err != nil {
		st.Notice = "The runs could not be written: " + err.Error() + "."
		return
	}
	g.saveFile(runsFileName(st.Scen)+ext, b.Bytes())
}

// savePicture saves what screen shows, just drawn, as a PNG named after
// the scenario (Save a picture, ActSavePNG).
func (g *Game) savePicture(screen *ebiten.Image) {
	img := image.NewRGBA(screen.Bounds())
	screen.ReadPixels(img.Pix)
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		g.st.Notice = "The picture could not be written: " + err.Error() + "."
		return
	}
	g.saveFile(runsFileName(g.st.Scen)+".png", b.Bytes())
}

// runsFileName names a scenario's saved files: curvlab-, the surface or
// the network and its data, and the panels' methods.
func runsFileName(sc scenario.Scenario) string {
	name := "curvlab-"
	if sc.Kind() == scenario.KindNetwork {
		name += sc.Net.NetworkSpec() + "-" + sc.Net.Data
	} else {
		name += sc.SurfaceKind.Name
	}
	for _, m := range sc.Methods {
		name += "-" + m.Kind.Name
	}
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '.' {
			return r
		}
		return '-'
	}, name)
}
