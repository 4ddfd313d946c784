package app

import "curvlab/app/ui"

// keyFocus is the button outside a popup that has the keyboard's focus
// (Tab, Shift+Tab), named by its action and argument so that it keeps the
// focus while the widgets are rebuilt; the zero value is none.
type keyFocus struct {
	act ui.Action
	arg int
}

// focusable reports whether widget w outside a popup takes the keyboard's
// focus: a button that does something.
func focusable(w *ui.Widget) bool { return w.Kind == ui.KindButton && w.Act != ui.ActNone }

// moveFocus moves the keyboard's focus to the next (or, not forward, the
// previous) button on screen outside a popup, in reading order: the
// toolbar, the panels' headers, the lesson's card; round from the last to
// the first. The focus is drawn from then on, on a touch screen too.
func (g *Game) moveFocus(forward bool) {
	var order []int
	at := -1
	for i := range g.ws.List[:g.ws.PopupStart] {
		w := &g.ws.List[i]
		if !focusable(w) {
			continue
		}
		if w.Act == g.focus.act && w.Arg == g.focus.arg {
			at = len(order)
		}
		order = append(order, i)
	}
	if len(order) == 0 {
		return
	}
	next := 0
	switch {
	case at < 0 && !forward:
		next = len(order) - 1
	case at >= 0 && forward:
		next = (at + 1) % len(order)
	case at >= 0:
		next = (at + len(order) - 1) % len(order)
	}
	w := &g.ws.List[order[next]]
	g.focus = keyFocus{w.Act, w.Arg}
	g.ws.Keyboard = true
	g.uiDirty = true
}

// pressFocus presses the button with the keyboard's focus, as a click
// would.
func (g *Game) pressFocus() {
	if g.focus == (keyFocus{}) {
		return
	}
	for i := range g.ws.List[:g.ws.PopupStart] {
		if w := &g.ws.List[i]; focusable(w) && w.Act == g.focus.act && w.Arg == g.focus.arg {
			g.do(w.Act, w.Arg)
			return
		}
	}
}

// markFocus marks the button with the keyboard's focus among the widgets
// outside a popup, once they are built.
func (g *Game) markFocus() {
	if g.focus == (keyFocus{}) {
		return
	}
	for i := range g.ws.List[:g.ws.PopupStart] {
		w := &g.ws.List[i]
		w.Focus = focusable(w) && w.Act == g.focus.act && w.Arg == g.focus.arg
	}
}
