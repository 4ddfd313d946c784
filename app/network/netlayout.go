package network

import (
	"math"

	"curvlab/app/ui"
	"curvlab/render/geom"
)

// netRects are where a network scenario's plots go, beside or under its
// panels (which show the decision boundaries).
type netRects struct {
	loss, sharp, spectrum, slice geom.Rect
}

// netReadoutLines is the number of text lines under a network panel.
const netReadoutLines = 5

// Layout lays out a network scenario with n panels: the panels
// on the left (on top in portrait), the training loss and the sharpness
// next to them, the loss slice and the Hessian spectra below. With one or
// two panels the spectra sit under the panels and the slice takes the
// width of the right half.
func (s *Scene) Layout(m *ui.Metrics, main geom.Rect, n int) []ui.PanelRects {
	pad := m.Pad()
	head := m.HeaderHeight()
	read := float64(netReadoutLines)*m.Line() + pad
	var nr netRects
	var block geom.Rect // where the panels go
	cols, rows := min(n, 2), (n+1)/2
	// four plots in a 2×2 grid in r
	grid4 := func(r geom.Rect) {
		cw, ch := (r.W-pad)/2, (r.H-pad)/2
		nr.loss = geom.Rect{X: r.X, Y: r.Y, W: cw, H: ch}
		nr.sharp = geom.Rect{X: r.X + cw + pad, Y: r.Y, W: cw, H: ch}
		nr.slice = geom.Rect{X: r.X, Y: r.Y + ch + pad, W: cw, H: ch}
		nr.spectrum = geom.Rect{X: r.X + cw + pad, Y: r.Y + ch + pad, W: cw, H: ch}
	}
	if m.Hide.Plots { // the panels take the plots' room; the plots have none
		cols, rows = n, 1
		if n == 4 && main.W < 2.4*main.H || n >= 2 && main.W < 0.9*main.H {
			cols, rows = 1, n
			if n >= 3 {
				cols, rows = 2, (n+1)/2
			}
		}
		block = main
	} else if main.W >= 1.1*main.H { // landscape
		lw := math.Round((main.W - pad) / 2)
		right := geom.Rect{X: main.X + lw + pad, Y: main.Y, W: main.W - lw - pad, H: main.H}
		if n <= 2 {
			cw := (lw - float64(cols-1)*pad) / float64(cols)
			ph := math.Min(head+cw+read, 0.62*main.H)
			block = geom.Rect{X: main.X, Y: main.Y, W: lw, H: ph}
			nr.spectrum = geom.Rect{X: main.X, Y: main.Y + ph + pad, W: lw, H: main.H - ph - pad}
			th := math.Round(0.47 * main.H)
			cw2 := (right.W - pad) / 2
			nr.loss = geom.Rect{X: right.X, Y: right.Y, W: cw2, H: th}
			nr.sharp = geom.Rect{X: right.X + cw2 + pad, Y: right.Y, W: cw2, H: th}
			nr.slice = geom.Rect{X: right.X, Y: right.Y + th + pad, W: right.W, H: main.H - th - pad}
		} else {
			block = geom.Rect{X: main.X, Y: main.Y, W: lw, H: main.H}
			grid4(right)
		}
	} else { // portrait: panels on top, the plots below
		bh := math.Round(0.5 * main.H)
		if m.W/m.Scale < 600 && n <= 2 { // a phone: one or two panels stacked, so that readouts stay readable
			cols, rows = 1, n
			bh = math.Round(0.6 * main.H)
		}
		block = geom.Rect{X: main.X, Y: main.Y, W: main.W, H: bh}
		grid4(geom.Rect{X: main.X, Y: main.Y + bh + pad, W: main.W, H: main.H - bh - pad})
	}
	panels := ui.PanelGrid(m, block, n, cols, rows, netReadoutLines)
	// whole pixels: the plots' layers are copied pixel for pixel
	for _, r := range []*geom.Rect{&nr.loss, &nr.sharp, &nr.spectrum, &nr.slice} {
		*r = ui.Whole(*r)
	}
	s.rects = nr
	return panels
}
