package app

import (
	"testing"

	"curvlab/app/ui"

	"github.com/hajimehoshi/ebiten/v2"
)

// TestKeyboardFocus: Tab (ActFocusNext) visits every button outside a
// popup — the toolbar's, the panels' headers, the lesson card's — once
// each before it comes round, Shift+Tab goes back; the focused button is
// drawn with a ring in the ink's colour, on a touch screen too; Enter
// (ActPressFocus) presses it: the toolbar's Explore opens its menu.
func TestKeyboardFocus(t *testing.T) {
	for _, key := range []struct {
		k     ebiten.Key
		shift bool
		act   ui.Action
	}{{ebiten.KeyTab, false, ui.ActFocusNext}, {ebiten.KeyTab, true, ui.ActFocusBack}, {ebiten.KeyEnter, false, ui.ActPressFocus}} {
		if b := binding(t, key.k, key.shift); b.Act != key.act {
			t.Errorf("%v (shift %v) does %v, want %v", key.k, key.shift, b.Act, key.act)
		}
	}
	for _, s := range []screenSize{screenSizes[0], screenSizes[2]} {
		g, img := screenGame(t, "v1;s=rosenbrock;x=-1.2,1;m=gd;m=newton;m=sr1;l=first-look.1", s, s.w < 600)
		want := map[keyFocus]bool{}
		for i := range g.ws.List[:g.ws.PopupStart] {
			if w := &g.ws.List[i]; focusable(w) {
				want[keyFocus{w.Act, w.Arg}] = true
			}
		}
		for _, a := range []ui.Action{ui.ActPlay, ui.ActEditPanel, ui.ActLessonNext} {
			if !want[keyFocus{a, 0}] {
				t.Fatalf("%s: no %v button among %v", s.name, a, want)
			}
		}
		seen := map[keyFocus]bool{}
		var first keyFocus
		for k := 0; k < len(want); k++ {
			pix := redraw(g, img, func() { g.do(ui.ActFocusNext, 0) })
			if k == 0 {
				first = g.focus
			}
			if seen[g.focus] {
				t.Fatalf("%s: Tab came back to %v after %d of %d buttons", s.name, g.focus, k, len(want))
			}
			seen[g.focus] = true
			var w *ui.Widget
			for i := range g.ws.List[:g.ws.PopupStart] {
				if g.ws.List[i].Focus {
					if w != nil {
						t.Fatalf("%s: two buttons have the focus", s.name)
					}
					w = &g.ws.List[i]
				}
			}
			if w == nil || w.Act != g.focus.act || w.Arg != g.focus.arg {
				t.Fatalf("%s: the focus %v is on no button (%v)", s.name, g.focus, w)
			}
			if c := pixel(pix, int(g.w), w.R.X+1, w.R.Y+w.R.H/2); c != ui.Ink {
				t.Errorf("%s: %q has the focus but its left edge is %v, not the ring's %v", s.name, w.Label, c, ui.Ink)
			}
		}
		for f := range want {
			if !seen[f] {
				t.Errorf("%s: Tab never reaches %v", s.name, f)
			}
		}
		redraw(g, img, func() { g.do(ui.ActFocusNext, 0) })
		if g.focus != first {
			t.Errorf("%s: Tab after the last button is on %v, want the first %v", s.name, g.focus, first)
		}
		redraw(g, img, func() { g.do(ui.ActFocusBack, 0) })
		redraw(g, img, func() { g.do(ui.ActFocusNext, 0) })
		if g.focus != first {
			t.Errorf("%s: Shift+Tab then Tab is on %v, want %v", s.name, g.focus, first)
		}
		// Enter presses the focused button: the Explore menu (or, on the
		// phone, the menu of what does not fit) opens
		open, kind := ui.ActExploreMenu, popExplore
		if !want[keyFocus{ui.ActExploreMenu, 0}] {
			open, kind = ui.ActMenu, popMenu
		}
		for g.focus.act != open {
			g.do(ui.ActFocusNext, 0)
			redraw(g, img, nil)
		}
		redraw(g, img, func() { g.do(ui.ActPressFocus, 0) })
		if g.popup.kind != kind {
			t.Errorf("%s: Enter on %v opened %v, want %v", s.name, open, g.popup.kind, kind)
		}
	}
}
