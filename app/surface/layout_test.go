package surface

import (
	"testing"

	"curvlab/app/ui"
	"curvlab/internal/scenetest"
	"curvlab/render/geom"
)

// TestLayoutFits: on screens from a phone's to 4K, one to four panels and
// the plot of f lie inside the scene's area, none overlapping another.
func TestLayoutFits(t *testing.T) {
	for _, sz := range [][2]float64{{1280, 800}, {1920, 1080}, {800, 1200}, {390, 844}, {3840, 2160}} {
		for n := 1; n <= 4; n++ {
			m := ui.NewMetrics(sz[0], sz[1], 1, false)
			var s Scene
			panels := s.Layout(&m, ui.Split(&m).Main, n)
			screen := geom.Rect{W: sz[0], H: sz[1]}
			for i, p := range panels {
				if !scenetest.Inside(p.Frame, screen) || p.Plot.W < 50 || p.Plot.H < 50 {
					t.Errorf("%v n=%d: panel %d at %+v", sz, n, i, p.Frame)
				}
				if ui.Overlaps(p.Frame, s.plotRect) {
					t.Errorf("%v n=%d: panel %d overlaps the plot", sz, n, i)
				}
				for j := 0; j < i; j++ {
					if ui.Overlaps(p.Frame, panels[j].Frame) {
						t.Errorf("%v n=%d: panels %d and %d overlap", sz, n, i, j)
					}
				}
			}
			// A line fit's data share the plot's room.
			s.placePlots(true, false, true)
			if !scenetest.Inside(s.fit.rect, screen) || !scenetest.Inside(s.fit.plane, s.fit.rect) || s.fit.plane.W < 100 || s.fit.plane.H < 60 ||
				ui.Overlaps(s.fit.rect, s.plotRect) || ui.Overlaps(s.fit.rect, s.curvRect) || ui.Overlaps(s.curvRect, s.plotRect) ||
				!scenetest.Inside(s.plotRect, s.side) || !scenetest.Inside(s.curvRect, s.side) || s.plotRect.H < 100 || s.curvRect.H < 100 {
				t.Errorf("%v n=%d: the fit's box %+v (plane %+v), the plot %+v", sz, n, s.fit.rect, s.fit.plane, s.plotRect)
			}
			for i, p := range panels {
				if ui.Overlaps(p.Frame, s.fit.rect) || ui.Overlaps(p.Frame, s.curvRect) {
					t.Errorf("%v n=%d: panel %d overlaps the fit's box", sz, n, i)
				}
			}
		}
	}
}
