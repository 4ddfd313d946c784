package render

import (
	"image/color"

	"curvlab/render/geom"

	"github.com/hajimehoshi/ebiten/v2"
)

// Rings strokes a circle of radius r device pixels, width pixels wide, at
// every finite point of pts (interleaved x, y through v), skipping those
// outside dst (or Clip): hollow markers, all in one draw call per chunk
// rather than one per ring as with Ring.
func (p *Painter) Rings(dst *ebiten.Image, v *View, pts []float64, r float64, width float32, clr color.RGBA) {
	hw := float64(width) / 2
	if !(r > hw) || !(hw > 0) {
		return
	}
	p.setColor(clr)
	g := geom.RectOf(dst.Bounds()).Inset(-r - hw - 1)
	if p.Clip.W > 0 && p.Clip.H > 0 {
		g = p.Clip
	}
	step := circleStep(r)
	ro, ri := r+hw, r-hw
	for k := 0; k+1 < len(pts); k += 2 {
		if !finite(pts[k], pts[k+1]) {
			continue
		}
		x, y := toScreen(v, pts[k], pts[k+1])
		if !g.Contains(x, y) {
			continue
		}
		p.room(dst, 2*(64/step))
		first := uint16(len(p.vs))
		for j := 0; j < 64; j += step {
			c := circle[j]
			p.vertex(x+ro*c[0], y+ro*c[1])
			p.vertex(x+ri*c[0], y+ri*c[1])
		}
		m := uint16(64 / step)
		for j := uint16(0); j < m; j++ {
			a, b := first+2*j, first+2*((j+1)%m)
			p.is = append(p.is, a, b, a+1, b, b+1, a+1)
		}
	}
	p.flush(dst)
}
