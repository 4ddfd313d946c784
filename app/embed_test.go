package app

import (
	"fmt"
	"html"
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"curvlab/app/scene"
	"curvlab/app/ui"
	"curvlab/render/geom"
)

// panelsBox is the smallest rectangle holding every panel's frame.
func panelsBox(ps []ui.PanelRects) geom.Rect {
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range ps {
		f := p.Frame
		x0, y0, x1, y1 = math.Min(x0, f.X), math.Min(y0, f.Y), math.Max(x1, f.X+f.W), math.Max(y1, f.Y+f.H)
	}
	return geom.Rect{X: x0, Y: y0, W: x1 - x0, H: y1 - y0}
}

// plotArea is the panels' plots' area, in device pixels.
func plotArea(ps []ui.PanelRects) float64 {
	a := 0.0
	for _, p := range ps {
		a += p.Plot.W * p.Plot.H
	}
	return a
}

// TestHiddenPartsReflow: on every screen, a link that hides the toolbar,
// the plots or the readouts lays out no room for them, the panels take
// it (their plots grow, and with the plots hidden the panels fill the
// room between the top and the status line), and what is hidden is not on
// screen: no toolbar button, no plot beside the panels, no readout under
// them.
func TestHiddenPartsReflow(t *testing.T) {
	for _, link := range []string{"", fourPanels, twoNets} {
		for _, s := range screenSizes {
			sep := ";u="
			if link == "" {
				link = "v1;s=rosenbrock;x=-1.2,1;m=gd;m=newton;m=sr1"
			}
			plain, _ := screenGame(t, link, s, false)
			pl := plain.lay
			for _, u := range []string{"h", "g", "n", "hgn"} {
				g, _ := screenGame(t, link+sep+u, s, false)
				name := s.name + " " + link + sep + u
				f := g.st.Flags
				l := g.lay
				if len(l.panels) != len(pl.panels) {
					t.Fatalf("%s: %d panels, %d without the flags", name, len(l.panels), len(pl.panels))
				}
				if a, b := plotArea(l.panels), plotArea(pl.panels); !(a > b) {
					t.Errorf("%s: the plots take %.0f px², as without the flags (%.0f)", name, a, b)
				}
				pad := g.c.M.Pad()
				if f.HideToolbar {
					if l.Toolbar.H != 0 || l.Main.Y != pad {
						t.Errorf("%s: toolbar %v, main %v", name, l.Toolbar, l.Main)
					}
					for _, w := range g.ws.List[:g.ws.PopupStart] {
						if w.Act != ui.ActEditPanel {
							t.Errorf("%s: %q (%v) on screen", name, w.Label, w.Act)
						}
					}
				} else if l.Toolbar.H == 0 {
					t.Errorf("%s: no toolbar", name)
				}
				box := panelsBox(l.panels)
				fills := box.X == l.Main.X && box.Y == l.Main.Y && l.Main.X+l.Main.W-(box.X+box.W) < 4 && l.Main.Y+l.Main.H-(box.Y+box.H) < 4
				if f.HidePlots != fills {
					t.Errorf("%s: the panels take %v of %v", name, box, l.Main)
				}
				for i, p := range l.panels {
					if f.HideReadouts != (p.Readout.H == 0) || f.HideReadouts && p.Plot.Y+p.Plot.H != p.Frame.Y+p.Frame.H {
						t.Errorf("%s: panel %d: readout %v, plot %v, frame %v", name, i, p.Readout, p.Plot, p.Frame)
					}
				}
			}
			// without the flags the plots and readouts have room
			if box := panelsBox(pl.panels); box.W*box.H > 0.9*pl.Main.W*pl.Main.H {
				t.Errorf("%s %s: the panels take %v of %v though the plots are shown", s.name, link, box, pl.Main)
			}
		}
	}
}

// viewAfter opens link, does what to it, and returns the scenario's view
// and 3D camera as its link writes them (w= and z=), and its start.
func viewAfter(t *testing.T, link string, what func(g *Game, c geom.Rect)) (view, start string) {
	t.Helper()
	g, _ := newTestGame(t, link, 1600, 900)
	what(g, g.lay.panels[0].Plot)
	sc := g.st.Scen
	view = "w=none"
	if sc.View != nil {
		view = "w=" + fmt.Sprint(*sc.View)
	}
	return view + " z=" + fmt.Sprint(sc.Solid), fmt.Sprint(sc.Start)
}

// TestFixedViewStays: with the view fixed (u=f) the wheel, a pinch, a
// drag, the zoom and reset keys and the 3D camera's keys leave the view
// window and the camera as the link has them; the same gestures move the
// view of the same link without the flag. With u=s the wheel alone is
// left to the page: it zooms nothing, a drag still pans.
func TestFixedViewStays(t *testing.T) {
	const link = "v1;s=rosenbrock;x=-1.2,1;m=gd;m=newton;w=-2,2,-1,3;z=2:-30,35"
	gestures := []struct {
		name string
		do   func(g *Game, r geom.Rect)
	}{
		{"wheel", func(g *Game, r geom.Rect) {
			g.ptr.X, g.ptr.Y, g.ptr.Wheel = r.X+r.W/2, r.Y+r.H/2, 2
			g.wheelAndPinch()
		}},
		{"pinch", func(g *Game, r geom.Rect) {
			g.ptr.Pinch, g.ptr.PinchX, g.ptr.PinchY = 1.5, r.X+r.W/2, r.Y+r.H/2
			g.wheelAndPinch()
		}},
		{"drag", func(g *Game, r geom.Rect) {
			pressAt(g, r.X+r.W/2, r.Y+r.H/2)
			dragTo(g, r.X+r.W/2+80, r.Y+r.H/2+40, 4)
			releasePointer(g)
		}},
		{"drag in 3D", func(g *Game, _ geom.Rect) {
			r := g.lay.panels[1].Plot
			pressAt(g, r.X+r.W/2, r.Y+r.H/2)
			dragTo(g, r.X+r.W/2+80, r.Y+r.H/2+40, 4)
			releasePointer(g)
		}},
		{"keys", func(g *Game, _ geom.Rect) {
			for _, a := range []ui.Action{ui.ActZoomIn, ui.ActZoomOut, ui.ActZoomIn, ui.ActResetView} {
				g.do(a, 0)
			}
		}},
		{"3D keys", func(g *Game, _ geom.Rect) { g.do(ui.ActOrbit, int(ui.OrbitLeft)); g.do(ui.ActSolid, 0) }},
	}
	for _, ges := range gestures {
		before, start := viewAfter(t, "#"+link, func(*Game, geom.Rect) {})
		free, _ := viewAfter(t, "#"+link, ges.do)
		if free == before {
			t.Errorf("%s: the view stays %s without the flag", ges.name, free)
		}
		fixed, fixedStart := viewAfter(t, "#"+link+";u=f", ges.do)
		if fixed != before || fixedStart != start {
			t.Errorf("%s: a fixed view %s (start %s) became %s (start %s)", ges.name, before, start, fixed, fixedStart)
		}
		wheelToPage, _ := viewAfter(t, "#"+link+";u=s", ges.do)
		if (wheelToPage == before) != (ges.name == "wheel") {
			t.Errorf("%s with the wheel left to the page: %s became %s", ges.name, before, wheelToPage)
		}
	}
}

// TestLockedFigure: a locked figure (u=r) has no editing buttons (its
// panel headers name the methods and press to nothing, its toolbar has no
// surface, preset or panel buttons), refuses the editing keys with a
// passing notice, and a click on a panel does not move the start; with
// the toolbar hidden too (u=hr) a tap on a panel plays and pauses.
func TestLockedFigure(t *testing.T) {
	const link = "#v1;s=rosenbrock;x=-1.2,1;m=gd;m=newton"
	g, _ := newTestGame(t, link+";u=r", 1600, 900)
	for _, w := range g.ws.List {
		if g.refused(w.Act) && w.Kind != ui.KindLabel || w.Act == ui.ActLessonMenu || w.Act == ui.ActAddPanel {
			t.Errorf("a locked figure shows %q (%v)", w.Label, w.Act)
		}
	}
	before := g.st.Scen.Encode()
	for _, a := range []ui.Action{ui.ActEditPanel, ui.ActSurfaceMenu, ui.ActLessonMenu, ui.ActAddPanel, ui.ActRemovePanel, ui.ActNetMenu, ui.ActType} {
		g.do(a, 0)
		if g.popup.kind != popNone || g.st.Scen.Encode() != before {
			t.Errorf("%v: popup %v, scenario %s", a, g.popup.kind, g.st.Scen.Encode())
		}
	}
	if g.toast != lockedNotice {
		t.Errorf("toast %q", g.toast)
	}
	r := g.lay.panels[0].Plot
	pressAt(g, r.X+r.W/3, r.Y+r.H/3)
	releasePointer(g)
	if g.st.Scen.Encode() != before {
		t.Errorf("a click made %s of %s", g.st.Scen.Encode(), before)
	}

	g, _ = newTestGame(t, link+";u=hr", 1600, 900)
	r = g.lay.panels[1].Plot
	for i, want := range []bool{true, false} {
		pressAt(g, r.X+r.W/3, r.Y+r.H/3)
		releasePointer(g)
		if g.st.Playing != want || g.st.Scen.Encode() != link[1:]+";u=hr" {
			t.Errorf("tap %d: playing %v, scenario %s", i+1, g.st.Playing, g.st.Scen.Encode())
		}
	}
}

// parseIframe reads s strictly as one <iframe> element with no content:
// `<iframe`, attributes ` name="value"` (names of a-z and '-', each once;
// values holding no " < > and & only in the entities EscapeString writes),
// then `></iframe>`. It returns the attributes' values unescaped.
func parseIframe(s string) (map[string]string, error) {
	const open, end = "<iframe", "></iframe>"
	if !strings.HasPrefix(s, open) || !strings.HasSuffix(s, end) {
		return nil, fmt.Errorf("not one <iframe></iframe>: %q", s)
	}
	rest := s[len(open) : len(s)-len(end)]
	attrs := map[string]string{}
	for rest != "" {
		if rest[0] != ' ' {
			return nil, fmt.Errorf("no space before %q", rest)
		}
		rest = rest[1:]
		eq := strings.Index(rest, `="`)
		if eq <= 0 {
			return nil, fmt.Errorf("no attribute in %q", rest)
		}
		name := rest[:eq]
		if strings.Trim(name, "abcdefghijklmnopqrstuvwxyz-") != "" {
			return nil, fmt.Errorf("attribute name %q", name)
		}
		rest = rest[eq+2:]
		q := strings.IndexByte(rest, '"')
		if q < 0 {
			return nil, fmt.Errorf("%s: no closing quote", name)
		}
		v := rest[:q]
		raw := v
		rest = rest[q+1:]
		if strings.ContainsAny(v, "<>") {
			return nil, fmt.Errorf("%s: unescaped < or > in %q", name, v)
		}
		for i := strings.IndexByte(v, '&'); i >= 0; i = strings.IndexByte(v, '&') {
			ok := false
			for _, e := range []string{"&amp;", "&lt;", "&gt;", "&#34;", "&#39;"} {
				ok = ok || strings.HasPrefix(v[i:], e)
			}
			if !ok {
				return nil, fmt.Errorf("%s: a bare & in %q", name, v)
			}
			v = v[:i] + "\x00" + v[i+1:] // checked: look for the next one
		}
		if _, dup := attrs[name]; dup {
			return nil, fmt.Errorf("%s twice", name)
		}
		attrs[name] = html.UnescapeString(raw)
	}
	return attrs, nil
}

// embedHost is a host that copies an embed code into a field.
type embedHost struct {
	nopHost
	page, copied string
}

func (h *embedHost) PageURL() string { return h.page }
func (h *embedHost) CopyText(text, done string) string {
	h.copied = text
	return done
}

// checkEmbedCode checks that code is one <iframe> showing text at page,
// with the attributes an embed code promises.
func checkEmbedCode(t *testing.T, code, page, text string) map[string]string {
	t.Helper()
	a, err := parseIframe(code)
	if err != nil {
		t.Fatal(err)
	}
	if a["src"] != page+"#"+text {
		t.Errorf("src %q, want %q", a["src"], page+"#"+text)
	}
	for k, v := range map[string]string{"style": "border:0", "loading": "lazy", "allow": "clipboard-write"} {
		if a[k] != v {
			t.Errorf("%s=%q in %s", k, a[k], code)
		}
	}
	if a["title"] == "" || a["width"] == "" || a["height"] == "" {
		t.Errorf("no title, width or height in %s", code)
	}
	return a
}

// TestEmbedCode: Embed (Shift+L) copies an <iframe> whose src is the
// page's address, '#' and the scenario shown with the embedding flags
// (toolbar hidden, locked, fixed view, the wheel the page's) added to its
// own; every attribute escaped (the page's address here holds & " < >
// and '), sized from the screen, and says so.
func TestEmbedCode(t *testing.T) {
	const link = "v1;s=rosenbrock;x=-1.2,1;m=gd;m=newton;w=-2,2,-1,3;u=eg"
	h := &embedHost{page: `https://example.org/c/?a=1&b="<x>'`}
	g := New("#"+link, h)
	g.w, g.h, g.scale = 1600, 900, 1
	g.do(ui.ActEmbed, 0)
	if g.toast != "Embed code copied." {
		t.Errorf("toast %q", g.toast)
	}
	want := Embedded(g.st.Scen).Encode()
	a := checkEmbedCode(t, h.copied, h.page, want)
	if a["width"] != "960" || a["height"] != "540" {
		t.Errorf("%s×%s for a 1600×900 screen", a["width"], a["height"])
	}
	st := scene.NewState(want, g.st.Eng)
	f := st.Flags
	if st.Notice != "" || !f.HideToolbar || !f.Locked || !f.FixedView || !f.PageWheel || !f.HideEllipses || !f.HidePlots || f.HideReadouts {
		t.Errorf("the embedded %s has flags %+v, notice %q", want, f, st.Notice)
	}
	if sc := st.Scen; sc.View == nil || *sc.View != *g.st.Scen.View {
		t.Errorf("the embedded view %v, shown %v", sc.View, g.st.Scen.View)
	}
}

// FuzzEmbedCode: whatever a page's address and a scenario's text hold,
// the embed code is one <iframe> whose src is exactly them.
func FuzzEmbedCode(f *testing.F) {
	f.Add("https://example.org/c/", "v1;s=rosenbrock;x=-1.2,1;m=gd;u=hrfs", "curvlab: gd on rosenbrock")
	f.Add(`a&b"c<d>e'f`, `&amp;"&#34;`, "<script>")
	f.Fuzz(func(t *testing.T, page, text, title string) {
		if !utf8.ValidString(page+text+title) || title == "" {
			return // a page's address and a link are text
		}
		code := EmbedCode(page, text, title, 800, 500)
		a := checkEmbedCode(t, code, page, text)
		if a["title"] != title && title != "" {
			t.Errorf("title %q, want %q", a["title"], title)
		}
	})
}
