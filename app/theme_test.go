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
	dark, dimg := newTestGame(t, link+";u=c", 1280, 800) // no contours over the heatmap
	dpix := redraw(dark, dimg, nil)
	darkFont, darkPlot := dark.c.M.Font, dark.lay.panels[0].Plot

	g, img := newTestGame(t, link+";u=ac", 1280, 800)
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
	// the heatmap, at the top of panel 1 and on its diagonal, is viridis
	// under white at 0.6: every channel at least 0.6·255 = 153, yet not
	// white (the colours show through); in the screen's theme it is
	// viridis itself, a channel under 153
	p := g.lay.panels[0].Plot
	for _, at := range [][2]float64{{0.5, 0.02}, {0.95, 0.05}, {0.95, 0.6}} { // away from the paths
		c := pixel(pix, 1280, p.X+at[0]*p.W, p.Y+at[1]*p.H)
		d := pixel(dpix, 1280, darkPlot.X+at[0]*darkPlot.W, darkPlot.Y+at[1]*darkPlot.H)
		if min(c.R, c.G, c.B) < 150 || min(c.R, c.G, c.B) > 245 || min(d.R, d.G, d.B) >= 153 {
			t.Errorf("the heatmap at %v is %v in the projector's theme, %v in the screen's: want viridis under white at 0.6", at, c, d)
		}
	}

	redraw(g, img, func() { g.do(ui.ActProjector, 0) })
	if ui.Current() != "dark" || g.st.Flags.Projector || g.st.Scen.UI != "c" {
		t.Errorf("toggled off: theme %s, flags %q", ui.Current(), g.st.Scen.UI)
	}
	if g.c.M.Font != darkFont {
		t.Errorf("type %v after the toggle, want %v", g.c.M.Font, darkFont)
	}
	redraw(g, img, func() { g.do(ui.ActProjector, 0) })
	if ui.Current() != "projector" || g.st.Scen.UI != "ca" {
		t.Errorf("toggled on: theme %s, flags %q", ui.Current(), g.st.Scen.UI)
	}
}
