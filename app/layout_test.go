package app

import (
	"fmt"
	"image/color"
	"math"
	"strings"
	"testing"

	"curvlab/app/ui"
	"curvlab/internal/scenetest"
	"curvlab/render"
	"curvlab/render/geom"

	"github.com/hajimehoshi/ebiten/v2"
)

// screenSize is a screen in CSS pixels and its device pixel ratio.
type screenSize struct {
	name      string
	w, h, dpr float64
}

// The screens every ui.Action must be reachable on: a phone, a tablet held
// upright, a laptop and a desktop.
var screenSizes = []screenSize{
	{"phone", 390, 844, 3},
	{"tablet", 820, 1180, 2},
	{"laptop", 1280, 800, 1},
	{"desktop", 1920, 1080, 1},
}

const fourPanels = "v1;s=himmelblau;x=0.5,-3;m=gd:lr=0.01;m=newton;m=sr1-tr;m=tr-cg;n=100"
const twoNets = "v1;net=tanh:8,8;d=circle;m=gd:lr=0.35;m=bfgs"

// screenGame builds a game showing link on screen s as the browser would
// (device pixels = CSS pixels × the ratio capped at 2), touched if touch,
// laid out and drawn once; it returns the game, its screen and the scale.
func screenGame(t *testing.T, link string, s screenSize, touch bool) (*Game, *ebiten.Image) {
	t.Helper()
	scale := min(s.dpr, 2)
	g, img := newTestGame(t, link, int(s.w*scale), int(s.h*scale))
	g.scale = scale
	g.ptr.Touched = touch
	redraw(g, img, nil)
	return g, img
}

// redraw runs one more frame of g onto img, after act if given, and
// returns the screen's pixels. (The loop may update more than once a
// frame: act runs once.)
func redraw(g *Game, img *ebiten.Image, act func()) []byte {
	var pix []byte
	onFrames(1, func() {
		if act != nil {
			act()
			act = nil
		}
		g.Update()
	}, func(*ebiten.Image) {
		g.Draw(img)
		b := img.Bounds()
		pix = make([]byte, 4*b.Dx()*b.Dy())
		img.ReadPixels(pix)
	})
	return pix
}

// targets returns the widgets a pointer can press: all of them but labels.
func targets(ws []ui.Widget) []int {
	var out []int
	for i, w := range ws {
		if w.Kind != ui.KindLabel {
			out = append(out, i)
		}
	}
	return out
}

// checkTargets checks the targets among ws[from:to]: each inside box, at
// least least device pixels high and wide, none overlapping another.
func checkTargets(t *testing.T, what string, ws []ui.Widget, from, to int, box geom.Rect, least float64) {
	t.Helper()
	idx := targets(ws[from:to])
	for k, i := range idx {
		w := ws[from+i]
		if !scenetest.Inside(w.R, box) {
			t.Errorf("%s: %q (%v) at %+v is not inside %+v", what, w.Label, w.Act, w.R, box)
		}
		if w.R.H < least-1e-9 || w.R.W < least-1e-9 {
			t.Errorf("%s: %q (%v) is %.0f×%.0f device pixels, less than %.0f", what, w.Label, w.Act, w.R.W, w.R.H, least)
		}
		for _, j := range idx[:k] {
			if o := ws[from+j]; ui.Overlaps(w.R, o.R) {
				t.Errorf("%s: %q at %+v overlaps %q at %+v", what, w.Label, w.R, o.Label, o.R)
			}
		}
	}
}

// pixel is the colour at (x, y) of an RGBA screen of width w.
func pixel(pix []byte, w int, x, y float64) color.RGBA {
	i := 4 * (int(y)*w + int(x))
	return color.RGBA{pix[i], pix[i+1], pix[i+2], pix[i+3]}
}

func isButtonColour(c color.RGBA) bool {
	return c == ui.Button || c == ui.ButtonOn || c == ui.ButtonHot
}

// TestEveryActionReachable: on each screen, with a mouse and with a
// finger, every toolbar ui.Action has a target on screen — on the toolbar,
// or in the menu its last button opens — drawn as a button (its corner
// has a button's colour in the frame read back), at least 44 CSS pixels
// high and wide on a touch screen, none overlapping another; so do the
// panels' headers; in the projector's theme too.
func TestEveryActionReachable(t *testing.T) {
	for _, s := range screenSizes {
		for _, touch := range []bool{false, true} {
			// the projector's type (u=a) is half as large again: still
			// every action reachable, some of them through the menu
			for _, link := range []string{"", fourPanels, twoNets, fourPanels + ";u=a", twoNets + ";u=a"} {
				what := fmt.Sprintf("%s touch=%v %.12q", s.name, touch, link)
				g, img := screenGame(t, link, s, touch)
				scale := min(s.dpr, 2)
				if touch && !g.c.M.Touch {
					t.Fatalf("%s: a touch was seen but the layout is not for touch", what)
				}
				least := 0.0
				if g.c.M.Touch {
					least = ui.TouchTarget * scale
				}
				screen := geom.Rect{W: g.w, H: g.h}
				pix := redraw(g, img, nil)
				iw := int(g.w)
				checkTargets(t, what, g.ws.List, 0, g.ws.PopupStart, screen, least)
				// Every button of the bar and the headers is drawn where it
				// is hit: its corners have a button's colour.
				for _, i := range targets(g.ws.List[:g.ws.PopupStart]) {
					r := g.ws.List[i].R
					for _, c := range [][2]float64{{r.X + 2, r.Y + 2}, {r.X + r.W - 3, r.Y + r.H - 3}} {
						if clr := pixel(pix, iw, c[0], c[1]); !isButtonColour(clr) {
							t.Errorf("%s: %q at %+v is not drawn there: %v at %v", what, g.ws.List[i].Label, r, clr, c)
						}
					}
				}
				onBar := map[ui.Action]bool{}
				for _, i := range targets(g.ws.List[:g.ws.PopupStart]) {
					if w := g.ws.List[i]; scenetest.Inside(w.R, g.lay.Toolbar) {
						onBar[w.Act] = true
					}
				}
				want := g.toolItems()
				if len(g.overflow) == 0 {
					if onBar[ui.ActMenu] {
						t.Errorf("%s: a menu button with nothing in it", what)
					}
				} else {
					if !onBar[ui.ActMenu] {
						t.Fatalf("%s: %d actions do not fit and there is no menu button", what, len(g.overflow))
					}
					pix = redraw(g, img, func() { g.do(ui.ActMenu, 0) })
					if g.popup.kind != popMenu {
						t.Fatalf("%s: the menu button opens %v", what, g.popup.kind)
					}
					box := g.popup.Rect
					if !scenetest.Inside(box, screen) || box.Y < g.lay.Toolbar.H {
						t.Errorf("%s: the menu at %+v is not on screen under the toolbar", what, box)
					}
					checkTargets(t, what+" menu", g.ws.List, g.ws.PopupStart, len(g.ws.List), box, least)
					for _, i := range targets(g.ws.List[g.ws.PopupStart:]) {
						w := g.ws.List[g.ws.PopupStart+i]
						onBar[w.Act] = true
						// inside the keyboard focus's ring (2 logical pixels)
						if clr := pixel(pix, iw, w.R.X+math.Ceil(3*g.c.M.U), w.R.Y+math.Ceil(3*g.c.M.U)); !isButtonColour(clr) {
							t.Errorf("%s: menu item %q at %+v is not drawn there: %v", what, w.Label, w.R, clr)
						}
					}
					scenetest.SaveShot(t, img, "layout-"+s.name+"-menu")
				}
				for _, it := range want {
					if it.Act != ui.ActNone && !onBar[it.Act] {
						t.Errorf("%s: %q (%v) cannot be reached", what, it.Label, it.Act)
					}
				}
				if !touch && s.w >= 1280 && len(g.overflow) > 0 && !g.st.Flags.Projector {
					t.Errorf("%s: with a mouse on a %gpx screen %d actions are in a menu, not one click away", what, s.w, len(g.overflow))
				}
			}
		}
	}
}

// TestPopupsFitEveryScreen: every popup opens on screen under the toolbar;
// one taller than the screen scrolls, and scrolled to its end shows its
// last target; its targets are finger-sized on touch and overlap none;
// a press outside it closes it.
func TestPopupsFitEveryScreen(t *testing.T) {
	popups := []struct {
		name, link string
		act        ui.Action
	}{
		{"lessons", "", ui.ActLessonMenu},
		{"surface", "", ui.ActSurfaceMenu},
		{"panel", "", ui.ActEditPanel},
		{"help", fourPanels, ui.ActHelp},
		{"network", twoNets, ui.ActNetMenu},
		{"panel-net", twoNets, ui.ActEditPanel},
	}
	for _, s := range screenSizes {
		for _, p := range popups {
			what := s.name + " " + p.name
			g, img := screenGame(t, p.link, s, true)
			redraw(g, img, func() { g.do(p.act, 0) })
			scenetest.SaveShot(t, img, "layout-"+s.name+"-"+p.name)
			screen := geom.Rect{W: g.w, H: g.h}
			box := g.popup.Rect
			if g.popup.kind == popNone || !scenetest.Inside(box, screen) || box.Y < g.lay.Toolbar.H || box.H < 100 {
				t.Fatalf("%s: popup %v at %+v on a %vx%v screen", what, g.popup.kind, box, g.w, g.h)
			}
			least := ui.TouchTarget * min(s.dpr, 2)
			visible := func() []int {
				var in []int
				for _, i := range targets(g.ws.List[g.ws.PopupStart:]) {
					if ui.Overlaps(g.ws.List[g.ws.PopupStart+i].R, box) {
						in = append(in, g.ws.PopupStart+i)
					}
				}
				return in
			}
			for _, i := range visible() {
				w := g.ws.List[i]
				if w.R.H < least || w.R.W < least {
					t.Errorf("%s: %q is %.0f×%.0f, less than %.0f", what, w.Label, w.R.W, w.R.H, least)
				}
			}
			checkTargets(t, what, g.ws.List, g.ws.PopupStart, len(g.ws.List), geom.Rect{X: box.X, Y: -1e9, W: box.W, H: 2e9}, least)
			lastTarget := func() ui.Widget {
				ts := targets(g.ws.List[g.ws.PopupStart:])
				return g.ws.List[g.ws.PopupStart+ts[len(ts)-1]]
			}
			last := lastTarget()
			if g.popup.Content > box.H+1 {
				redraw(g, img, func() { g.scrollPopup(1e9) })
				last = lastTarget()
				if p.name == "help" {
					// the text is the content; the Close button stays at the top
					if g.popup.Scroll < g.popup.Content-box.H-1 {
						t.Errorf("%s: scrolled to %v of %v in %v", what, g.popup.Scroll, g.popup.Content, box.H)
					}
				} else if !scenetest.Inside(last.R, box) {
					t.Errorf("%s: scrolled to the end, its last target %q is at %+v, outside %+v", what, last.Label, last.R, box)
				}
			} else if !scenetest.Inside(last.R, box) {
				t.Errorf("%s: its last target %q at %+v is outside it (%+v) and it does not scroll", what, last.Label, last.R, box)
			}
			// A tap outside closes it.
			g.ptr.X, g.ptr.Y = box.X/2+1, g.h-2
			if box.X < 4 {
				g.ptr.X = box.X + box.W/2
			}
			g.press()
			if g.popup.kind != popNone {
				t.Errorf("%s: a press at (%v, %v), outside %+v, left it open", what, g.ptr.X, g.ptr.Y, box)
			}
		}
	}
}

// TestDragScrollsPopup: on a phone, a finger dragged up over the help
// scrolls it by as much as it moved and taps nothing; a tap (no drag) on a
// menu item carries it out and closes the menu.
func TestDragScrollsPopup(t *testing.T) {
	g, img := screenGame(t, fourPanels, screenSizes[0], true)
	redraw(g, img, func() { g.do(ui.ActHelp, 0) })
	box := g.popup.Rect
	if g.popup.Content <= box.H {
		t.Fatalf("help fits a phone (%v in %v): nothing to scroll", g.popup.Content, box.H)
	}
	p := &g.ptr
	p.X, p.Y = box.X+box.W/2, box.Y+box.H*0.8
	p.Press()
	g.press()
	p.Pressed = false // the next frames: four of 50 pixels up
	for range 4 {
		p.MoveTo(p.X, p.Y-50)
		p.Moved = true
		g.drag()
	}
	p.Down, p.Released = false, true
	g.release()
	if g.popup.kind != popHelp || g.popup.Scroll != 200 {
		t.Errorf("after a drag of 200 pixels up: popup %v scrolled %v", g.popup.kind, g.popup.Scroll)
	}

	g, img = screenGame(t, "", screenSizes[0], true)
	redraw(g, img, func() { g.do(ui.ActMenu, 0) })
	i := -1
	for k := g.ws.PopupStart; k < len(g.ws.List); k++ {
		if g.ws.List[k].Act == ui.ActAddPanel {
			i = k
		}
	}
	if i < 0 {
		t.Fatal("no + Panel in the phone's menu")
	}
	r := g.ws.List[i].R
	p = &g.ptr
	p.X, p.Y = r.X+r.W/2, r.Y+r.H/2
	p.Press()
	g.press()
	p.Down, p.Released = false, true
	g.release()
	if len(g.st.Scen.Methods) != 4 || g.popup.kind != popNone {
		t.Errorf("a tap on + Panel in the menu: %d panels, popup %v", len(g.st.Scen.Methods), g.popup.kind)
	}
}

// TestSteadyPopupFrameAllocatesNothing: with a scrolled popup open on a
// phone, a paused frame allocates nothing in curvlab's code (the help's
// text is laid out once, not every frame).
func TestSteadyPopupFrameAllocatesNothing(t *testing.T) {
	for _, a := range []ui.Action{ui.ActHelp, ui.ActMenu, ui.ActEditPanel} {
		g, img := screenGame(t, "", screenSizes[0], true)
		redraw(g, img, func() { g.do(a, 0); g.scrollPopup(100) })
		frame := func() { g.Update() }
		draw := func(*ebiten.Image) { g.Draw(img) }
		onFrames(5, frame, draw)
		if n, where := ownAllocs(20, frame, draw); n > 0 {
			t.Errorf("%v open: 20 steady frames allocated %d heap objects in curvlab's code (most in %s)", a, n, where)
		}
	}
}

// TestKeyboardFocusScrollsIntoView: in a popup taller than the screen,
// moving the keyboard's focus to its last row scrolls that row into view
// (a short desktop window).
func TestKeyboardFocusScrollsIntoView(t *testing.T) {
	g, img := screenGame(t, twoNets, screenSize{"short", 1280, 300, 1}, false)
	redraw(g, img, func() { g.do(ui.ActNetMenu, 0) })
	if g.popup.Content <= g.popup.Rect.H {
		t.Fatalf("the network editor fits (%v in %v): nothing to scroll", g.popup.Content, g.popup.Rect.H)
	}
	redraw(g, img, func() {
		g.popup.Focus = g.popupRows() - 1
		g.popup.Reveal = true
		g.uiDirty = true
	})
	for _, w := range g.ws.List[g.ws.PopupStart:] {
		if w.Focus && !scenetest.Inside(w.R, g.popup.Rect) {
			t.Errorf("the focused row %q at %+v is outside the popup %+v (scrolled %v)", w.Label, w.R, g.popup.Rect, g.popup.Scroll)
		}
	}
	if g.popup.Scroll == 0 {
		t.Error("not scrolled")
	}
}

// A notice far too long for the status line (a browser's CSP message, say)
// fits inside the line on every screen: whole where there is room, else
// shortened with "…", keeping its start; a short one is shown whole.
func TestLongNoticeFitsTheStatusLine(t *testing.T) {
	long := "Computing in the page: the worker failed (Refused to create a worker from " +
		"'https://example.org/course/curvlab/engine.js' because it violates the following Content Security Policy " +
		"directive: \"worker-src 'none'\")."
	for _, s := range screenSizes {
		for _, touch := range []bool{false, true} {
			g, img := screenGame(t, "", s, touch)
			for _, notice := range []string{long, "Link copied."} {
				redraw(g, img, func() { g.st.Notice = notice })
				m := &g.c.M
				r := g.lay.Status
				shown := g.statusFit
				if w := render.TextWidth(render.Sans, shown, g.statusSize); 10*m.U+w > r.W {
					t.Errorf("%s touch=%v: %q is %v px wide in a line of %v", s.name, touch, shown, w, r.W)
				}
				if notice != long {
					if shown != notice {
						t.Errorf("%s touch=%v: a short notice shown as %q", s.name, touch, shown)
					}
					continue
				}
				cut := strings.TrimSuffix(shown, "…")
				if shown != long && (cut == shown || len(cut) < 20 || !strings.HasPrefix(long, cut)) {
					t.Errorf("%s touch=%v: the long notice shown as %q", s.name, touch, shown)
				}
			}
		}
	}
}

// TestLongSpecsFitTheirHeaders: a method spec with a schedule, a batch
// and weight decay is shortened in its panel's header so that it ends
// before the header's key ("edit 2"), on every screen; a short one is
// shown whole.
func TestLongSpecsFitTheirHeaders(t *testing.T) {
	const link = "v1;net=tanh:8,8;d=circle;m=gd:lr=0.3;m=momentum:lr=0.5,beta=0.5,schedule=warmup,decay=300,batch=10,seed=3,wd=0.0001"
	for _, s := range screenSizes {
		g, _ := screenGame(t, link, s, false)
		m := &g.c.M
		for _, w := range g.ws.List {
			if w.Act != ui.ActEditPanel {
				continue
			}
			lw := render.TextWidth(render.Sans, w.Label, m.Font)
			kw := render.TextWidth(render.Sans, w.Key, m.Small)
			if lw+kw+12*m.U > w.R.W {
				t.Errorf("%s: header %q (%v px) and its key %q (%v px) in %v px", s.name, w.Label, lw, w.Key, kw, w.R.W)
			}
			if w.Arg == 0 && w.Label != "1   gd:lr=0.3" {
				t.Errorf("%s: the short spec's header says %q", s.name, w.Label)
			}
		}
	}
}
