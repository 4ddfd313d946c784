package app

import (
	"curvlab/sim"
	"curvlab/sim/scenario"
	"curvlab/sim/surfaces"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"
)

// do carries out an action.
func (g *Game) do(a action, arg int) {
	st := g.st
	g.uiDirty = true
	switch a {
	case actPlay:
		if st.playing {
			st.playing = false
		} else {
			if st.done() {
				st.restart()
			}
			st.playing = true
		}
	case actStep:
		st.playing = false
		st.stepAll()
	case actReset:
		st.playing = false
		st.restart()
	case actToEnd: // play at the engine's full speed
		st.playing, st.rush = !st.done(), true
	case actSlower, actFaster:
		d := 1
		if a == actSlower {
			d = -1
		}
		f := st.flags
		f.speed = max(0, min(len(speeds)-1, f.speed+d))
		st.setFlags(f) // the speed lives in the link's UI flags
	case actSurfaceMenu:
		g.togglePopup(popSurface, 0)
	case actPresetMenu:
		g.togglePopup(popPresets, 0)
	case actEditPanel:
		if arg < len(st.scen.Methods) {
			if g.popup.kind == popPanel && g.popup.panel == arg {
				g.popup = popup{}
			} else {
				g.popup = popup{kind: popPanel, panel: arg}
			}
		}
	case actAddPanel:
		if n := len(st.scen.Methods); n < scenario.MaxPanels {
			st.scen.Methods = append(st.scen.Methods, nextMethod(st.scen.Methods))
			st.restart()
		}
	case actRemovePanel:
		if n := len(st.scen.Methods); n > 1 {
			st.scen.Methods = st.scen.Methods[:n-1]
			if g.popup.kind == popPanel && g.popup.panel >= n-1 {
				g.popup = popup{}
			}
			st.restart()
		}
	case actEllipses, actTrials, actContours, actOverlay:
		f := st.flags
		switch a {
		case actEllipses:
			f.hideEllipses = !f.hideEllipses
		case actTrials:
			f.hideTrials = !f.hideTrials
		case actContours:
			f.hideContours = !f.hideContours
		case actOverlay:
			f.overlay = !f.overlay
		}
		st.setFlags(f)
	case actResetView:
		st.setView(nil)
	case actZoomIn, actZoomOut:
		if len(g.lay.panels) > 0 {
			r := g.lay.panels[0].plot
			f := 1.25
			if a == actZoomOut {
				f = 1 / f
			}
			g.zoomAt(0, f, r.X+r.W/2, r.Y+r.H/2)
		}
	case actCopyLink:
		if msg := g.host.CopyLink(st.scen.Encode()); msg != "" {
			g.showToast(msg)
		}
	case actHelp:
		g.togglePopup(popHelp, 0)
	case actMenu:
		if len(g.overflow) > 0 || g.popup.kind == popMenu {
			g.togglePopup(popMenu, 0)
		}
	case actClose:
		g.popup = popup{}
	case actPickSurface:
		kinds := surfaces.Kinds()
		if arg >= 0 && arg < len(kinds) {
			g.pickSurface(kinds[arg])
		} else if arg == len(kinds) {
			g.pickNetwork()
		}
	case actNetMenu:
		if st.scen.Kind() == scenario.KindSurface || g.popup.kind != popNet {
			g.pickNetwork()
		} else {
			g.popup = popup{}
		}
	case actPlane:
		f := st.flags
		f.pca = !f.pca
		st.setFlags(f)
	case actPickPreset:
		if ps := scenario.Presets(); arg >= 0 && arg < len(ps) {
			_, sc, err := scenario.LookupPreset(ps[arg].Name)
			if err != nil {
				st.notice = err.Error()
				return
			}
			st.setScenario(sc)
			st.notice = ""
			g.popup = popup{}
		}
	case actPickMethod:
		kinds := sim.MethodKinds()
		p := g.popup.panel
		if arg >= 0 && arg < len(kinds) && p < len(st.scen.Methods) {
			st.scen.Methods[p] = sim.Spec{Kind: kinds[arg], Values: sim.Defaults(kinds[arg].Params)}
			st.restart()
		}
	}
}

// pickSurface switches to a surface with its default parameters, start and
// view, keeping the methods.
func (g *Game) pickSurface(k *surfaces.Kind) {
	st := g.st
	sc := st.scen.Clone()
	sc.Net = nil
	if err := sc.SetSurface(k, sim.Defaults(k.Params)); err != nil {
		st.notice = err.Error()
		return
	}
	start := sc.Surface().Start()
	sc.Start = start[:]
	sc.View = nil
	st.setScenario(sc)
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
	up := inpututil.IsKeyJustPressed(ebiten.KeyArrowUp)
	down := inpututil.IsKeyJustPressed(ebiten.KeyArrowDown)
	left := inpututil.IsKeyJustPressed(ebiten.KeyArrowLeft)
	right := inpututil.IsKeyJustPressed(ebiten.KeyArrowRight)
	enter := inpututil.IsKeyJustPressed(ebiten.KeyEnter)
	if !(up || down || left || right || enter) {
		return false
	}
	rows := g.popupRows()
	switch {
	case up:
		g.popup.focus = (g.popup.focus + rows - 1) % rows
		g.popup.reveal = true
	case down:
		g.popup.focus = (g.popup.focus + 1) % rows
		g.popup.reveal = true
	case left, right:
		dir := 1
		if left {
			dir = -1
		}
		g.adjustRow(g.popup.focus, dir)
	case enter:
		switch rows := g.menuRows(); {
		case g.popup.kind == popPresets:
			g.do(actPickPreset, g.popup.focus)
		case g.popup.kind == popMenu && g.popup.focus < len(rows):
			g.pickFromMenu(rows[g.popup.focus])
		default:
			g.popup = popup{}
		}
	}
	g.uiDirty = true
	return true
}

// popupRows is the number of keyboard rows of the open popup.
func (g *Game) popupRows() int {
	sc := &g.st.scen
	switch g.popup.kind {
	case popPresets:
		return len(scenario.Presets())
	case popMenu:
		return max(1, len(g.menuRows()))
	case popSurface:
		if sc.Kind() == scenario.KindNetwork {
			return 1
		}
		return 1 + len(sc.SurfaceKind.Params)
	case popNet:
		if sc.Kind() == scenario.KindNetwork {
			return 1 + len(netFields(sc.Net))
		}
	case popPanel:
		if g.popup.panel < len(sc.Methods) {
			return 1 + len(sc.Methods[g.popup.panel].Kind.Params)
		}
	}
	return 1
}

// adjustRow changes row r of the open editor by one step in direction dir:
// row 0 cycles the surface or method, the others nudge a parameter.
func (g *Game) adjustRow(r, dir int) {
	sc := &g.st.scen
	switch g.popup.kind {
	case popMenu:
		if rows := g.menuRows(); r < len(rows) && rows[r] == actSlower { // the speed's row
			a := actFaster
			if dir < 0 {
				a = actSlower
			}
			g.do(a, 0)
		}
	case popSurface:
		if r == 0 {
			kinds := surfaces.Kinds()
			cur := indexOfSurface(kinds, sc.SurfaceKind)
			if sc.Kind() == scenario.KindNetwork {
				cur = len(kinds)
			}
			g.do(actPickSurface, (cur+dir+len(kinds)+1)%(len(kinds)+1))
			return
		}
		g.nudge(paramTarget{owner: ownerSurface, index: r - 1}, sc.SurfaceKind.Params[r-1], sc.SurfaceVals[r-1], dir)
	case popNet:
		if sc.Kind() == scenario.KindSurface || r == 0 {
			return
		}
		if fs := netFields(sc.Net); r-1 < len(fs) {
			g.nudge(paramTarget{owner: ownerNetwork, index: r - 1}, fs[r-1].p, fs[r-1].get(sc.Net), dir)
		}
	case popPanel:
		p := g.popup.panel
		if p >= len(sc.Methods) {
			return
		}
		spec := sc.Methods[p]
		if r == 0 {
			kinds := sim.MethodKinds()
			g.do(actPickMethod, (indexOfMethod(kinds, spec.Kind)+dir+len(kinds))%len(kinds))
			return
		}
		g.nudge(paramTarget{owner: ownerMethod, panel: p, index: r - 1}, spec.Kind.Params[r-1], spec.Values[r-1], dir)
	}
}

func (g *Game) nudge(t paramTarget, p sim.Param, v float64, dir int) {
	if len(p.Choices) > 0 {
		n := len(p.Choices)
		g.setParam(t, float64((int(v)+dir+n)%n))
		return
	}
	g.setParam(t, newSliderScale(p).nudge(v, dir))
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

// pickFromMenu carries out an action chosen in the toolbar's menu and
// closes the menu, as a phone's menus do, unless the action opened
// another popup or is the speed's − or + (a stepper: one presses it
// again).
func (g *Game) pickFromMenu(a action) {
	g.do(a, 0)
	if g.popup.kind == popMenu && a != actSlower && a != actFaster {
		g.popup = popup{}
	}
}
