package app

import (
	"math"
	"testing"

	"curvlab/app/ui"
)

// TestProjectorTheme: the link's u=a draws in the projector's theme —
// the screen's ground is the theme's white, a button its light grey, the
// type half as large again as in the screen's theme on the same screen,
// the heatmap paler — and the toggle goes back and forth through the
// link.
func TestProjectorTheme(t *testing.T) {
	defer ui.Use(ui.Dark)
	const link = "v1;s=rosenbrock;x=-1.2,1;m=gd;m=newton"
	dark, dimg := newTestGame(t, link, 1280, 800)
	dpix := redraw(dark, dimg, nil)
	darkFont, darkPlot := dark.c.M.Font, dark.lay.panels[0].Plot

	g, img := newTestGame(t, link+";u=a", 1280, 800)
	pix := redraw(g, img, nil)
	if ui.Current() != "projector" || !g.st.Flags.Projector {
		t.Fatalf("u=a: theme %s", ui.Current())
	}
	if f := g.c.M.Font; math.Abs(f/darkFont-1.5) > 0.05 {
		t.Errorf("type %v in the projector's theme, %v in the screen's: want 1.5 times", f, darkFont)
	}
	// the status line's ground, between its text's end and the edge
	st := g.lay.Status
	if c := pixel(pix, 1280, st.X+st.W-3, st.Y+st.H-2); c != ui.Projector.Bar {
		t.Errorf("the status line is %v, want the projector's bar %v", c, ui.Projector.Bar)
	}
	for _, w := range g.ws.List[:g.ws.PopupStart] {
		if w.Kind == ui.KindButton && !w.On && !w.Dim {
			if c := pixel(pix, 1280, w.R.X+2, w.R.Y+2); c != ui.Projector.Button && c != ui.Projector.ButtonHot {
				t.Errorf("button %q is %v, want the projector's %v", w.Label, c, ui.Projector.Button)
			}
			break
		}
	}
	// the heatmap: the same corner of panel 1 (the surface's lowest
	// values: viridis' dark violet) is paler, brighter in every channel
	p := g.lay.panels[0].Plot
	c, d := pixel(pix, 1280, p.X+p.W/2, p.Y+3), pixel(dpix, 1280, darkPlot.X+darkPlot.W/2, darkPlot.Y+3)
	if !(c.R > d.R+40 && c.G > d.G+40 && c.B > d.B+40) {
		t.Errorf("the heatmap at the panel's top is %v in the projector's theme, %v in the screen's: want paler", c, d)
	}

	redraw(g, img, func() { g.do(ui.ActProjector, 0) })
	if ui.Current() != "dark" || g.st.Flags.Projector || g.st.Scen.UI != "" {
		t.Errorf("toggled off: theme %s, flags %q", ui.Current(), g.st.Scen.UI)
	}
	if g.c.M.Font != darkFont {
		t.Errorf("type %v after the toggle, want %v", g.c.M.Font, darkFont)
	}
	redraw(g, img, func() { g.do(ui.ActProjector, 0) })
	if ui.Current() != "projector" || g.st.Scen.UI != "a" {
		t.Errorf("toggled on: theme %s, flags %q", ui.Current(), g.st.Scen.UI)
	}
}
