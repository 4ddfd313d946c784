package app

import (
	"math"

	"curvlab/app/scene"
	"curvlab/app/ui"
	"curvlab/render/geom"
	"curvlab/sim"
	"curvlab/sim/scenario"
	"curvlab/sim/surfaces"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"
)

// widgetAt returns the widget under (x, y), if any.
func (g *Game) widgetAt(x, y float64) ui.WidgetRef { return g.ws.At(x, y, g.popup.Rect) }

// handleInput turns this frame's keys, mouse and touch into actions.
func (g *Game) handleInput() {
	g.handleKeys()
	g.ptr.Update(6 * g.c.M.U)
	p := &g.ptr

	g.hot = g.widgetAt(p.X, p.Y)

	switch {
	case p.Pressed:
		g.press()
	case p.Down:
		g.drag()
	}
	if p.Released {
		g.release()
	}
	if p.RightClicked && g.popup.kind == popNone && !g.st.Flags.Locked {
		g.deletePointAt(p.X, p.Y)
	}
	g.wheelAndPinch()
}

// wheelAndPinch scrolls the open popup or zooms a panel by this frame's
// wheel, and zooms by its pinch: not a fixed view's, and the wheel not
// where the link leaves it to the page (Flags.PageWheel).
func (g *Game) wheelAndPinch() {
	p := &g.ptr
	if p.Wheel != 0 {
		if g.popup.kind != popNone && g.popup.Rect.Contains(p.X, p.Y) {
			g.scrollPopup(-p.Wheel * 3 * g.c.M.Font)
		} else if i, ok := g.panelAt(p.X, p.Y).Index(); ok && g.popup.kind == popNone && !g.st.Flags.PageWheel {
			g.zoomAt(i, math.Pow(1.15, p.Wheel), p.X, p.Y)
		}
	}
	if p.Pinch != 1 {
		if i, ok := g.panelAt(p.PinchX, p.PinchY).Index(); ok {
			g.zoomAt(i, p.Pinch, p.PinchX, p.PinchY)
		}
	}
}

// handleKeys runs the actions of the keys pressed this frame. While a text
// field is being edited every key goes to it; arrow keys and Enter go to
// an open editor or menu first.
func (g *Game) handleKeys() {
	if f := g.scene.Field(); f != nil && f.Active {
		if g.popup.kind == popSurface {
			if g.textEditor == nil { // else the host's field has the keys
				g.typeKeys(f)
			}
			return
		}
		f.Active = false // its editor was closed
	}
	if g.popup.kind != popNone && g.popup.kind != popHelp && g.editorKeys() {
		return
	}
	shift := ebiten.IsKeyPressed(ebiten.KeyShift)
	for _, b := range ui.Keymap {
		if !inpututil.IsKeyJustPressed(b.Key) {
			continue
		}
		if b.Shift && !shift || !b.Shift && shift && shiftBound(b.Key) {
			continue // "/" without shift is not "?"; Shift+→ turns the 3D view, → steps
		}
		g.do(b.Act, b.Arg)
	}
}

// typeKeys feeds this frame's typing to field f: characters, the editing
// keys (repeating while held), Enter to keep what was typed and close the
// editor, Escape to stop typing.
func (g *Game) typeKeys(f *ui.TextField) {
	g.chars = ebiten.AppendInputChars(g.chars[:0])
	changed := f.Insert(g.chars)
	moved := false
	for _, k := range ui.EditKeys {
		if d := inpututil.KeyPressDuration(k.Key); d == 1 || d > 24 && d%3 == 0 { // held: repeats
			changed = f.Edit(k.Edit) || changed
			moved = true
		}
	}
	switch {
	case inpututil.IsKeyJustPressed(ebiten.KeyEnter) || inpututil.IsKeyJustPressed(ebiten.KeyNumpadEnter):
		g.typed(f, true)
		return
	case inpututil.IsKeyJustPressed(ebiten.KeyEscape):
		f.Active = false
		g.uiDirty = true
		return
	}
	if changed {
		g.fieldChanged()
	}
	if changed || moved {
		g.uiDirty = true
	}
}

// startTyping opens the scene's editor, if it is not open, with the keys
// going to its text field.
func (g *Game) startTyping() {
	f := g.scene.Field()
	if f == nil { // a network: the picker, to choose a surface first
		if g.popup.kind != popSurface {
			g.popup = popup{kind: popSurface}
		}
		return
	}
	if g.popup.kind != popSurface {
		g.popup = popup{kind: popSurface}
	}
	if !f.Active {
		f.Active = true
		f.Caret = len(f.Text)
		g.keptTyping = false
	}
	g.uiDirty = true
}

// fieldChanged has the scene take what its field holds. The first change
// of the scenario in a spell of typing starts a new history entry, so
// that Back returns to the scenario from before it.
func (g *Game) fieldChanged() {
	h, ok := g.host.(Historian)
	if !ok || g.keptTyping {
		g.scene.FieldChanged(g.st)
		return
	}
	before := g.st.Scen.Encode()
	g.scene.FieldChanged(g.st)
	if g.st.Scen.Encode() != before {
		g.keptTyping = true
		h.NewHistoryEntry(before)
	}
}

// typed ends typing into f: the scene takes the text; when enter, the
// editor closes if the text was taken (its error stays in view if not).
func (g *Game) typed(f *ui.TextField, enter bool) {
	g.fieldChanged()
	f.Active = false
	g.uiDirty = true
	if enter && g.scene.FieldError() == "" {
		g.popup = popup{}
	}
}

// panelAt returns the panel whose plot contains (x, y), if any.
func (g *Game) panelAt(x, y float64) ui.PanelRef {
	for i, pr := range g.lay.panels {
		if pr.Plot.Contains(x, y) {
			return ui.RefTo[ui.PanelRects](i)
		}
	}
	return 0
}

func (g *Game) press() {
	p := &g.ptr
	pop := &g.popup
	g.scrolling = pop.kind != popNone && pop.Content > pop.Rect.H && pop.Rect.Contains(p.X, p.Y)
	if at := g.widgetAt(p.X, p.Y); at != 0 {
		i, _ := at.Index()
		w := &g.ws.List[i]
		// A slider is grabbed on its track (and knob), not its label, so
		// that a finger can scroll a popup from there.
		if w.Kind == ui.KindSlider && p.X >= ui.SliderTrack(w, g.c.M.U).X-10*g.c.M.U {
			g.dragging = at
			g.scrolling = false
			g.setSlider(i, p.X)
			return
		}
		if w.Kind != ui.KindSlider {
			g.pressed = at
		}
		return
	}
	if pop.kind != popNone {
		if !g.popup.Rect.Contains(p.X, p.Y) { // a press outside closes it
			g.popup = popup{}
			g.uiDirty = true
		}
		return
	}
	if at := g.panelAt(p.X, p.Y); at != 0 && g.st.Flags.HideToolbar {
		g.panning = at // a tap plays or pauses (there is no toolbar), a drag pans
		return
	}
	if v, ok := g.dataAt(p.X, p.Y); ok && !g.st.Flags.Locked {
		x, y := v.ToWorld(p.X, p.Y)
		g.grab = pointGrab{on: true, view: v, point: g.scene.PointNear(g.st, x, y, fingerReach(v, g.c.M.U))}
		return
	}
	if at := g.panelAt(p.X, p.Y); at != 0 && g.scene.Explorable() {
		g.panning = at
	}
}

// dataAt returns the view of the scene's data plane under the screen
// point (x, y), if there is one.
func (g *Game) dataAt(x, y float64) (geom.View, bool) {
	for _, v := range g.scene.DataPlanes(g.st, g.lay.panels) {
		if v.Screen.Contains(x, y) {
			return v, true
		}
	}
	return geom.View{}, false
}

// pointGrab is a press on the plane of the scene's data: a tap there adds
// a point (or deletes the one tapped), a drag moves the point pressed, a
// long press deletes it.
type pointGrab struct {
	on    bool
	view  geom.View // the plane's, as pressed: the whole gesture uses it
	point int       // the point pressed, −1 for none
	done  bool      // the gesture did its edit (a long press): the rest is ignored
}

// fingerReach is how far from a point, in the plane of view v, a press
// takes it: 12 logical pixels (u device pixels each).
func fingerReach(v geom.View, u float64) float64 { return 12 * u * (v.XMax - v.XMin) / v.Screen.W }

// dragPoint follows a press on the scene's data: the point pressed moves
// with the pointer (within the plane), and a long press deletes it.
func (g *Game) dragPoint() {
	p, gr := &g.ptr, &g.grab
	switch {
	case gr.done || gr.point < 0:
	case p.LongPressed():
		g.scene.EditPoints(g.st, scene.PointEdit{Op: scene.PointDelete, I: gr.point})
		gr.done = true
	case p.Moved && (p.DX != 0 || p.DY != 0):
		v := gr.view
		x, y := v.ToWorld(math.Max(v.Screen.X, math.Min(p.X, v.Screen.X+v.Screen.W)), math.Max(v.Screen.Y, math.Min(p.Y, v.Screen.Y+v.Screen.H)))
		g.scene.EditPoints(g.st, scene.PointEdit{Op: scene.PointMove, I: gr.point, X: x, Y: y})
	}
}

// deletePointAt deletes the data point under the screen point (x, y), if
// there is one (a right click).
func (g *Game) deletePointAt(x, y float64) {
	v, ok := g.dataAt(x, y)
	if !ok {
		return
	}
	wx, wy := v.ToWorld(x, y)
	if i := g.scene.PointNear(g.st, wx, wy, fingerReach(v, g.c.M.U)); i >= 0 {
		g.scene.EditPoints(g.st, scene.PointEdit{Op: scene.PointDelete, I: i})
	}
}

func (g *Game) drag() {
	p := &g.ptr
	switch {
	case g.dragging != 0:
		i, _ := g.dragging.Index()
		g.setSlider(i, p.X)
	case g.scrolling && p.Moved:
		g.pressed = 0 // a drag, not a tap
		g.scrollPopup(-p.DY)
	case g.grab.on:
		g.dragPoint()
	case g.panning != 0 && p.Moved && (p.DX != 0 || p.DY != 0) && !g.st.Flags.FixedView && g.scene.Explorable():
		i, _ := g.panning.Index()
		if g.st.Solid(i) { // a 3D panel turns with the drag, as if held
			u := g.c.M.U
			g.st.SetSolid(g.st.Scen.Solid.Turned(-0.5*p.DX/u, 0.4*p.DY/u))
			return
		}
		v := g.panelView(g.lay.panels[i].Plot)
		v.Pan(p.DX, p.DY)
		g.setWindow(v)
	}
}

func (g *Game) release() {
	p := &g.ptr
	g.scrolling = false
	switch {
	case g.dragging != 0:
		g.dragging = 0
		g.st.Changed = true // publish the final value now
	case g.pressed != 0:
		i, _ := g.pressed.Index()
		at := g.pressed
		g.pressed = 0
		if i < len(g.ws.List) && g.widgetAt(p.X, p.Y) == at {
			w := g.ws.List[i]
			switch {
			case w.Kind == ui.KindText:
				g.startTyping()
				if f := g.scene.Field(); f != nil {
					f.CaretAt(&g.c.M, w.R, p.X)
				}
			case w.Act == ui.ActSetChoice:
				g.setParam(w.Target, float64(w.Arg))
			case (g.popup.kind == popMenu || g.popup.kind == popExplore) && i >= g.ws.PopupStart:
				g.pickFromMenu(w.Act)
			default:
				g.do(w.Act, w.Arg)
			}
		}
	case g.grab.on:
		gr := g.grab
		g.grab = pointGrab{}
		switch {
		case gr.done || !p.Clicked():
		case gr.point >= 0:
			g.scene.EditPoints(g.st, scene.PointEdit{Op: scene.PointDelete, I: gr.point})
		default:
			x, y := gr.view.ToWorld(p.X, p.Y)
			g.scene.EditPoints(g.st, scene.PointEdit{Op: scene.PointAdd, X: x, Y: y})
		}
	case g.panning != 0:
		at := g.panning
		g.panning = 0
		if g.st.Flags.HideToolbar { // no toolbar: a tap plays or pauses
			if p.Clicked() {
				g.do(ui.ActPlay, 0)
			}
			g.st.Changed = true
		} else if i, _ := at.Index(); g.st.Solid(i) {
			g.st.Changed = true // a 3D panel has no plane to click a start on
		} else if _, x, y, ok := g.clickedOn(at); ok && !g.st.Flags.Locked {
			g.setStart(x, y)
		} else {
			g.st.Changed = true
		}
	}
}

// clickedOn returns panel at's view and the point of its plane the
// pointer was released on, when the press and release were a click.
func (g *Game) clickedOn(at ui.PanelRef) (v geom.View, x, y float64, ok bool) {
	i, _ := at.Index()
	if !g.ptr.Clicked() || i >= len(g.lay.panels) {
		return v, 0, 0, false
	}
	v = g.panelView(g.lay.panels[i].Plot)
	x, y = v.ToWorld(g.ptr.X, g.ptr.Y)
	return v, x, y, true
}

// setStart moves the start of every panel to a clicked point.
func (g *Game) setStart(x, y float64) {
	x, y = ui.Round3(x), ui.Round3(y)
	if math.Abs(x) > scenario.MaxStartCoord || math.Abs(y) > scenario.MaxStartCoord {
		return
	}
	g.st.SetStart(x, y)
	g.uiDirty = true
}

// zoomAt zooms the view of panel i by factor about the screen point (sx, sy).
func (g *Game) zoomAt(i int, factor, sx, sy float64) {
	if !g.scene.Explorable() {
		return // the input plane of a network keeps its window
	}
	v := g.panelView(g.lay.panels[i].Plot)
	v.Zoom(factor, sx, sy)
	g.setWindow(v)
}

// setWindow makes v's world window the scenario's view, if it is one a
// link may hold (zooming and panning stop at the limits), and not when
// the link fixed the view (Flags.FixedView).
func (g *Game) setWindow(v geom.View) {
	if g.st.Flags.FixedView {
		return
	}
	w := surfaces.Window{XMin: v.XMin, XMax: v.XMax, YMin: v.YMin, YMax: v.YMax}
	if scenario.CheckWindow(w) != nil {
		return
	}
	g.st.SetView(&w)
}

// setSlider sets the parameter of slider i from the pointer's x.
func (g *Game) setSlider(i int, x float64) {
	w := &g.ws.List[i]
	tr := ui.SliderTrack(w, g.c.M.U)
	v := w.Scale.Value((x - tr.X) / tr.W)
	if v == w.Value {
		return
	}
	w.Value = v
	g.setParam(w.Target, v)
}

// setParam changes one parameter of the surface or of a panel's method and
// restarts the runs; the widgets are rebuilt except while dragging, when
// only the dragged slider's value changes.
func (g *Game) setParam(t ui.Target, v float64) {
	sc := &g.st.Scen
	switch t.Owner {
	case ui.OwnerNone:
		return
	case ui.OwnerScene:
		g.scene.SetParam(g.st, t.Index, v)
	case ui.OwnerMethod:
		if t.Panel >= len(sc.Methods) {
			return
		}
		vals := append([]float64(nil), sc.Methods[t.Panel].Values...)
		vals[t.Index] = v
		sc.Methods[t.Panel] = sim.Spec{Kind: sc.Methods[t.Panel].Kind, Values: vals}
		g.st.Restart()
	case ui.OwnerSweep:
		g.setSweepRow(t.Index, v)
	case ui.OwnerGIF:
		g.setGIFRow(t.Index, v)
	}
	if g.dragging == 0 {
		g.uiDirty = true
	}
}

// shiftBound reports whether key k is bound with Shift too: then k
// without Shift does not run its binding while Shift is held.
func shiftBound(k ebiten.Key) bool {
	for _, b := range ui.Keymap {
		if b.Key == k && b.Shift {
			return true
		}
	}
	return false
}
