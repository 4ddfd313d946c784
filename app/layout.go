package app

import (
	"math"

	"curvlab/app/ui"
	"curvlab/render/geom"
)

// layout is where the app's parts go, in device pixels: the toolbar and
// the status line are the app's; the panels (and the scene's plots, which
// the scene keeps) are placed by the scene in the rest. It is recomputed
// when the window size, the device scale, the scene or the number of
// panels changes.
type layout struct {
	toolbar geom.Rect
	status  geom.Rect
	main    geom.Rect // between them: the scene's
	panels  []ui.PanelRects
}

// frame lays out the toolbar and the status line of a screen with metrics
// m, and returns the layout with the scene's area left to place.
func frame(m *ui.Metrics) layout {
	var l layout
	pad := m.Pad()
	line := m.Line()
	l.toolbar = geom.Rect{X: 0, Y: 0, W: m.W, H: math.Max(math.Round(2.9*m.Font), m.Button+2*math.Round(4*m.U))}
	l.status = geom.Rect{X: 0, Y: m.H - line - pad, W: m.W, H: line + pad}
	l.main = geom.Rect{X: pad, Y: l.toolbar.H + pad, W: m.W - 2*pad, H: l.status.Y - l.toolbar.H - 2*pad}
	return l
}
