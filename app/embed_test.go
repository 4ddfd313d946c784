package app

import (
	"math"
	"testing"

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
