package app

import (
	"math"

	"curvlab/render/geom"
	"curvlab/sim"
	"curvlab/sim/scenario"
	"curvlab/sim/surfaces"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"
)

// handleInput turns this frame's keys, mouse and touch into actions.
func (g *Game) handleInput() {
	g.handleKeys()
	g.ptr.update(6 * g.lay.u)
	p := &g.ptr

	g.hot = g.widgetAt(p.x, p.y)

	switch {
	case p.pressed:
		g.press()
	case p.down:
		g.drag()
	}
	if p.released {
		g.release()
	}
	if p.wheel != 0 {
		if g.popup.kind != popNone && g.popup.rect.Contains(p.x, p.y) {
			g.scrollPopup(-p.wheel * 3 * g.lay.font)
		} else if i, ok := g.panelAt(p.x, p.y).index(); ok && g.popup.kind == popNone {
			g.zoomAt(i, math.Pow(1.15, p.wheel), p.x, p.y)
		}
	}
	if p.pinch != 1 {
		if i, ok := g.panelAt(p.pinchX, p.pinchY).index(); ok {
			g.zoomAt(i, p.pinch, p.pinchX, p.pinchY)
		}
	}
}

// handleKeys runs the actions of the keys pressed this frame. Arrow keys
// and Enter go to an open editor or menu first.
func (g *Game) handleKeys() {
	if g.popup.kind != popNone && g.popup.kind != popHelp && g.editorKeys() {
		return
	}
	shift := ebiten.IsKeyPressed(ebiten.KeyShift)
	for _, b := range keymap {
		if !inpututil.IsKeyJustPressed(b.key) {
			continue
		}
		if b.key == ebiten.KeySlash && !shift {
			continue // "/" without shift is not "?"
		}
		g.do(b.act, b.arg)
	}
}

// panelAt returns the panel whose plot contains (x, y), if any.
func (g *Game) panelAt(x, y float64) panelRef {
	for i, pr := range g.lay.panels {
		if pr.plot.Contains(x, y) {
			return refTo[panelRects](i)
		}
	}
	return 0
}

func (g *Game) press() {
	p := &g.ptr
	pop := &g.popup
	g.scrolling = pop.kind != popNone && pop.content > pop.rect.H && pop.rect.Contains(p.x, p.y)
	if at := g.widgetAt(p.x, p.y); at != 0 {
		i, _ := at.index()
		w := &g.widgets[i]
		// A slider is grabbed on its track (and knob), not its label, so
		// that a finger can scroll a popup from there.
		if w.kind == wSlider && p.x >= sliderTrack(w, g.lay.u).X-10*g.lay.u {
			g.dragging = at
			g.scrolling = false
			g.setSlider(i, p.x)
			return
		}
		if w.kind != wSlider {
			g.pressed = at
		}
		return
	}
	if pop.kind != popNone {
		if !g.popup.rect.Contains(p.x, p.y) { // a press outside closes it
			g.popup = popup{}
			g.uiDirty = true
		}
		return
	}
	if at := g.panelAt(p.x, p.y); at != 0 && g.st.scen.Kind() == scenario.KindSurface { // a network's panels are not a start to click
		g.panning = at
	}
}

func (g *Game) drag() {
	p := &g.ptr
	switch {
	case g.dragging != 0:
		i, _ := g.dragging.index()
		g.setSlider(i, p.x)
	case g.scrolling && p.moved:
		g.pressed = 0 // a drag, not a tap
		g.scrollPopup(-p.dy)
	case g.panning != 0 && p.moved && (p.dx != 0 || p.dy != 0):
		i, _ := g.panning.index()
		v := g.panelView(g.lay.panels[i].plot)
		v.Pan(p.dx, p.dy)
		g.setWindow(v)
	}
}

func (g *Game) release() {
	p := &g.ptr
	g.scrolling = false
	switch {
	case g.dragging != 0:
		g.dragging = 0
		g.st.changed = true // publish the final value now
	case g.pressed != 0:
		i, _ := g.pressed.index()
		at := g.pressed
		g.pressed = 0
		if i < len(g.widgets) && g.widgetAt(p.x, p.y) == at {
			w := g.widgets[i]
			switch {
			case w.act == actSetChoice:
				g.setParam(w.target, float64(w.arg))
			case g.popup.kind == popMenu && i >= g.popupStart:
				g.pickFromMenu(w.act)
			default:
				g.do(w.act, w.arg)
			}
		}
	case g.panning != 0:
		i, _ := g.panning.index()
		g.panning = 0
		if p.clicked() && i < len(g.lay.panels) {
			v := g.panelView(g.lay.panels[i].plot)
			x, y := v.ToWorld(p.x, p.y)
			g.setStart(x, y)
		} else {
			g.st.changed = true
		}
	}
}

// setStart moves the start of every panel to a clicked point.
func (g *Game) setStart(x, y float64) {
	x, y = round3(x), round3(y)
	if math.Abs(x) > scenario.MaxStartCoord || math.Abs(y) > scenario.MaxStartCoord {
		return
	}
	g.st.setStart(x, y)
	g.uiDirty = true
}

// zoomAt zooms the view of panel i by factor about the screen point (sx, sy).
func (g *Game) zoomAt(i int, factor, sx, sy float64) {
	if g.st.scen.Kind() == scenario.KindNetwork {
		return // the input plane of a network keeps its window
	}
	v := g.panelView(g.lay.panels[i].plot)
	v.Zoom(factor, sx, sy)
	g.setWindow(v)
}

// setWindow makes v's world window the scenario's view, if it is one a
// link may hold (zooming and panning stop at the limits).
func (g *Game) setWindow(v geom.View) {
	w := surfaces.Window{XMin: v.XMin, XMax: v.XMax, YMin: v.YMin, YMax: v.YMax}
	if scenario.CheckWindow(w) != nil {
		return
	}
	g.st.setView(&w)
}

// setSlider sets the parameter of slider i from the pointer's x.
func (g *Game) setSlider(i int, x float64) {
	w := &g.widgets[i]
	tr := sliderTrack(w, g.lay.u)
	v := w.scale.value((x - tr.X) / tr.W)
	if v == w.value {
		return
	}
	w.value = v
	g.setParam(w.target, v)
}

// setParam changes one parameter of the surface or of a panel's method and
// restarts the runs; the widgets are rebuilt except while dragging, when
// only the dragged slider's value changes.
func (g *Game) setParam(t paramTarget, v float64) {
	sc := &g.st.scen
	switch t.owner {
	case ownerNone:
		return
	case ownerNetwork:
		g.setNetParam(t.index, v)
		return
	case ownerSurface:
		vals := append([]float64(nil), sc.SurfaceVals...)
		vals[t.index] = v
		if sc.SetSurface(sc.SurfaceKind, vals) != nil {
			return
		}
		g.st.surfaceVersion++
	case ownerMethod:
		if t.panel >= len(sc.Methods) {
			return
		}
		vals := append([]float64(nil), sc.Methods[t.panel].Values...)
		vals[t.index] = v
		sc.Methods[t.panel] = sim.Spec{Kind: sc.Methods[t.panel].Kind, Values: vals}
	}
	g.st.restart()
	if g.dragging == 0 {
		g.uiDirty = true
	}
}
