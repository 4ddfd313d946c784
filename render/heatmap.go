package render

import (
	"image/color"

	"curvlab/render/geom"

	"github.com/hajimehoshi/ebiten/v2"
)

// Heatmap holds a surface's colour image: Set fills a reused pixel buffer
// with geom.FillPixels and uploads it to a reused ebiten.Image (recreated
// only when the grid size changes); Draw scales it into a screen rectangle.
// Call Set only when the surface, the view or the scale changes.
type Heatmap struct {
	// Smooth draws with linear filtering instead of nearest-pixel blocks.
	Smooth bool
	// Map is the colormap (nil: geom.Colormap, viridis).
	Map func(t float64) color.RGBA

	img  *ebiten.Image
	pix  []byte
	w, h int
	op   ebiten.DrawImageOptions
}

// Set colours the w×h grid vals (row 0 at the top, see geom.Grid) through
// the scale s (geom.AutoScale picks linear or log); non-finite values show
// as geom.NoData. It does nothing when vals holds fewer than w·h values.
func (m *Heatmap) Set(vals []float64, w, h int, s geom.HeatScale) {
	if w <= 0 || h <= 0 || len(vals) < w*h {
		return
	}
	if m.img == nil || m.w != w || m.h != h {
		if m.img != nil {
			m.img.Deallocate()
		}
		m.img = ebiten.NewImage(w, h)
		m.w, m.h = w, h
	}
	if cap(m.pix) < 4*w*h {
		m.pix = make([]byte, 4*w*h)
	}
	m.pix = m.pix[:4*w*h]
	if m.Map == nil {
		geom.FillPixels(m.pix, vals[:w*h], s)
	} else {
		geom.FillPixelsMap(m.pix, vals[:w*h], s, m.Map)
	}
	m.img.WritePixels(m.pix)
}

// Image returns the heatmap image (nil before the first Set).
func (m *Heatmap) Image() *ebiten.Image { return m.img }

// Size returns the grid size of the last Set.
func (m *Heatmap) Size() (w, h int) { return m.w, m.h }

// Draw draws the heatmap stretched over r (device pixels); with the same
// view for the grid (View.Grid) and for r, cell centres land on the
// positions their values were sampled at.
func (m *Heatmap) Draw(dst *ebiten.Image, r Rect) {
	if m.img == nil || !(r.W > 0) || !(r.H > 0) {
		return
	}
	m.op.GeoM.Reset()
	m.op.GeoM.Scale(r.W/float64(m.w), r.H/float64(m.h))
	m.op.GeoM.Translate(r.X, r.Y)
	m.op.Filter = ebiten.FilterNearest
	if m.Smooth {
		m.op.Filter = ebiten.FilterLinear
	}
	dst.DrawImage(m.img, &m.op)
}

// Colorbar fills r with the colormap, t = 0 at the bottom and 1 at the top
// (left to right when r is wider than tall). The colormap is piecewise
// linear between its anchors, so vertex colours reproduce it exactly.
func (p *Painter) Colorbar(dst *ebiten.Image, r Rect) {
	if !(r.W > 0) || !(r.H > 0) {
		return
	}
	const n = 10 // anchors − 1 (see geom.Colormap)
	horiz := r.W > r.H
	for k := 0; k < n; k++ {
		t0, t1 := float64(k)/n, float64(k+1)/n
		c0, c1 := geom.Colormap(t0), geom.Colormap(t1)
		var x0, y0, x1, y1 float64
		if horiz {
			x0, x1, y0, y1 = r.X+t0*r.W, r.X+t1*r.W, r.Y, r.Y+r.H
		} else {
			x0, x1, y0, y1 = r.X, r.X+r.W, r.Y+r.H-t0*r.H, r.Y+r.H-t1*r.H
		}
		p.room(dst, 4)
		p.setColor(c0)
		a := p.vertex(x0, y0)
		var b, c, d uint16
		if horiz {
			d = p.vertex(x0, y1)
			p.setColor(c1)
			b = p.vertex(x1, y0)
			c = p.vertex(x1, y1)
		} else {
			b = p.vertex(x1, y0)
			p.setColor(c1)
			c = p.vertex(x1, y1)
			d = p.vertex(x0, y1)
		}
		p.is = append(p.is, a, b, c, a, c, d)
	}
	p.flush(dst)
}

// Stroke is a line style: width and colour, and dashes when Dash > 0
// (lengths in device pixels; Gap defaults to Dash).
type Stroke struct {
	Width     float32
	Color     color.RGBA
	Dash, Gap float64
}

// Stroke draws pts in the style st: Polyline or Dashed.
func (p *Painter) Stroke(dst *ebiten.Image, v *View, pts []float64, st Stroke) {
	if st.Dash > 0 {
		gap := st.Gap
		if !(gap > 0) {
			gap = st.Dash
		}
		p.Dashed(dst, v, pts, st.Width, st.Dash, gap, st.Color)
		return
	}
	p.Polyline(dst, v, pts, st.Width, st.Color)
}
