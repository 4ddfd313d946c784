package render

import (
	"image"
	"image/color"
	"math"

	"curvlab/render/geom"

	"github.com/hajimehoshi/ebiten/v2"
)

// View and Rect are the geom types the drawing calls take.
type (
	View = geom.View
	Rect = geom.Rect
)

// Alpha returns c with its opacity multiplied by a in [0, 1], keeping it
// premultiplied.
func Alpha(c color.RGBA, a float64) color.RGBA {
	a = math.Max(0, math.Min(1, a))
	f := func(u uint8) uint8 { return uint8(math.Round(float64(u) * a)) }
	return color.RGBA{f(c.R), f(c.G), f(c.B), f(c.A)}
}

// chunkVertices is the vertex count after which a Painter flushes a draw
// call: DrawTriangles takes uint16 indices, so long paths are split into
// chunks of about 2,300 segments (7 vertices each at most).
const chunkVertices = 16384

// guardPad is how far beyond dst's bounds lines are kept before clipping,
// in pixels; it hides the clipped ends and joins.
const guardPad = 32

var whiteImg *ebiten.Image

// white returns a 1×1 white sub-image used as the source of all triangles.
func white() *ebiten.Image {
	if whiteImg == nil {
		img := ebiten.NewImage(3, 3)
		img.Fill(color.White)
		whiteImg = img.SubImage(image.Rect(1, 1, 2, 2)).(*ebiten.Image)
	}
	return whiteImg
}

// Painter strokes and fills shapes with triangles (DrawTriangles), reusing
// its vertex, index and point buffers. Its zero value is ready to use and
// anti-aliases; every method issues its draw calls before returning.
//
// Lines are built from one quad per segment (butt ends) and a bevel
// triangle filling the outer side of each join; overlaps at the inner side
// of joins are drawn twice, which shows only with translucent colours.
type Painter struct {
	// Aliased turns anti-aliasing off: cheaper, and pixel-exact.
	Aliased bool
	// Clip, when non-empty, is the rectangle (device pixels) lines are cut
	// to, instead of dst's bounds plus a margin: a plot clips its series to
	// its axes this way without a sub-image.
	Clip Rect

	vs   []ebiten.Vertex
	is   []uint16
	op   ebiten.DrawTrianglesOptions
	cr   [4]float32 // current vertex colour
	pts  []float64  // scratch: level sets, circles
	dash []float64  // scratch: dashes

	// stroke state
	guard  Rect
	hw     float64
	joinOK bool
	ux, uy float64 // direction of the previous segment
	skip   bool    // segment only updates the stroke state (PolylineFrom)
}

func (p *Painter) setColor(c color.RGBA) {
	p.cr = [4]float32{float32(c.R) / 255, float32(c.G) / 255, float32(c.B) / 255, float32(c.A) / 255}
}

func (p *Painter) vertex(x, y float64) uint16 {
	n := len(p.vs)
	p.vs = append(p.vs, ebiten.Vertex{
		DstX: float32(x), DstY: float32(y), SrcX: 1.5, SrcY: 1.5,
		ColorR: p.cr[0], ColorG: p.cr[1], ColorB: p.cr[2], ColorA: p.cr[3],
	})
	return uint16(n)
}

// room flushes when adding n more vertices would pass the chunk size.
func (p *Painter) room(dst *ebiten.Image, n int) {
	if len(p.vs)+n > chunkVertices {
		p.flush(dst)
	}
}

func (p *Painter) flush(dst *ebiten.Image) {
	if len(p.is) > 0 {
		p.op.ColorScaleMode = ebiten.ColorScaleModePremultipliedAlpha
		p.op.AntiAlias = !p.Aliased
		dst.DrawTriangles(p.vs, p.is, white(), &p.op)
	}
	p.vs, p.is = p.vs[:0], p.is[:0]
}

// toScreen maps a point through v (nil: already device pixels).
func toScreen(v *View, x, y float64) (float64, float64) {
	if v == nil {
		return x, y
	}
	return v.ToScreen(x, y)
}

func finite(x, y float64) bool {
	return !math.IsNaN(x) && !math.IsNaN(y) && !math.IsInf(x, 0) && !math.IsInf(y, 0)
}

func (p *Painter) beginStroke(dst *ebiten.Image, width float32, clr color.RGBA) {
	p.setColor(clr)
	p.hw = math.Max(0.25, float64(width)/2)
	if p.Clip.W > 0 && p.Clip.H > 0 {
		p.guard = p.Clip
	} else {
		p.guard = geom.RectOf(dst.Bounds()).Inset(-guardPad - p.hw)
	}
	p.joinOK = false
}

// segment adds the quad of the screen segment a→b and, when it continues
// the previous one, the bevel join at a. A segment clipped away entirely
// adds nothing and breaks the join; a zero-length one is skipped.
func (p *Painter) segment(dst *ebiten.Image, ax, ay, bx, by float64) {
	x0, y0, x1, y1, ok := geom.ClipSegment(ax, ay, bx, by, p.guard)
	if !ok {
		p.joinOK = false
		return
	}
	dx, dy := x1-x0, y1-y0
	l := math.Hypot(dx, dy)
	if l == 0 {
		return // keep the join state: a repeated point
	}
	ux, uy := dx/l, dy/l
	if p.skip {
		p.ux, p.uy = ux, uy
		p.joinOK = x1 == bx && y1 == by
		return
	}
	nx, ny := -uy*p.hw, ux*p.hw
	p.room(dst, 7)
	if p.joinOK && x0 == ax && y0 == ay {
		cross := p.ux*uy - p.uy*ux
		if math.Abs(cross) > 1e-6 {
			s := 1.0
			if cross > 0 {
				s = -1
			}
			c := p.vertex(x0, y0)
			a := p.vertex(x0-s*p.uy*p.hw, y0+s*p.ux*p.hw)
			b := p.vertex(x0+s*nx, y0+s*ny)
			p.is = append(p.is, c, a, b)
		}
	}
	i0 := p.vertex(x0+nx, y0+ny)
	i1 := p.vertex(x1+nx, y1+ny)
	i2 := p.vertex(x1-nx, y1-ny)
	i3 := p.vertex(x0-nx, y0-ny)
	p.is = append(p.is, i0, i1, i2, i0, i2, i3)
	p.ux, p.uy = ux, uy
	p.joinOK = x1 == bx && y1 == by
}

// Polyline strokes the polyline pts (interleaved x, y; world coordinates
// through v, or device pixels when v is nil) with the given width in device
// pixels. A non-finite point breaks the line: the segments on either side
// of it are not drawn. Parts far outside dst (or outside Clip) are clipped.
func (p *Painter) Polyline(dst *ebiten.Image, v *View, pts []float64, width float32, clr color.RGBA) {
	p.PolylineFrom(dst, v, pts, 0, width, clr)
}

// PolylineFrom strokes the part of the polyline pts (as Polyline) from its
// point from on: the segments ending at points from, from+1, …, with the
// join at point from−1. The triangles are exactly those Polyline draws for
// these segments, so a growing path can be drawn piece by piece, each piece
// from where the previous one ended, onto a cached image.
func (p *Painter) PolylineFrom(dst *ebiten.Image, v *View, pts []float64, from int, width float32, clr color.RGBA) {
	p.beginStroke(dst, width, clr)
	// The stroke state at point from−1 depends only on the segment into it
	// (from the last point before it that differs from it on screen:
	// segment skips a step of length zero there, which distinct world
	// points far below a pixel apart make), so the replay that rebuilds it
	// starts there.
	start := 0
	if from > 1 && 2*from <= len(pts) {
		s := from - 1
		sx, sy := toScreen(v, pts[2*s], pts[2*s+1])
		for s > 0 {
			if px, py := toScreen(v, pts[2*s-2], pts[2*s-1]); px != sx || py != sy {
				break
			}
			s--
		}
		start = max(0, s-1)
	}
	have := false
	var px, py float64
	for k := 2 * start; k+1 < len(pts); k += 2 {
		x, y := pts[k], pts[k+1]
		if !finite(x, y) {
			have, p.joinOK = false, false
			continue
		}
		sx, sy := toScreen(v, x, y)
		if have {
			p.skip = k < 2*from
			p.segment(dst, px, py, sx, sy)
		}
		px, py, have = sx, sy, true
	}
	p.skip = false
	p.flush(dst)
}

// Line strokes the single segment (x0, y0)–(x1, y1).
func (p *Painter) Line(dst *ebiten.Image, v *View, x0, y0, x1, y1 float64, width float32, clr color.RGBA) {
	if !finite(x0, y0) || !finite(x1, y1) {
		return
	}
	p.beginStroke(dst, width, clr)
	ax, ay := toScreen(v, x0, y0)
	bx, by := toScreen(v, x1, y1)
	p.segment(dst, ax, ay, bx, by)
	p.flush(dst)
}

// Segments strokes independent segments, four numbers each (x0, y0, x1, y1),
// as produced by geom.Contours; segments with a non-finite end are skipped.
func (p *Painter) Segments(dst *ebiten.Image, v *View, segs []float64, width float32, clr color.RGBA) {
	p.beginStroke(dst, width, clr)
	for k := 0; k+3 < len(segs); k += 4 {
		if !finite(segs[k], segs[k+1]) || !finite(segs[k+2], segs[k+3]) {
			continue
		}
		ax, ay := toScreen(v, segs[k], segs[k+1])
		bx, by := toScreen(v, segs[k+2], segs[k+3])
		p.joinOK = false
		p.segment(dst, ax, ay, bx, by)
	}
	p.flush(dst)
}

// Dashed strokes pts like Polyline with dashes of dash pixels separated by
// gaps of gap pixels, the pattern running on across vertices. Dashes are
// cut from the part of the line near dst, so a line running far off screen
// costs nothing extra.
func (p *Painter) Dashed(dst *ebiten.Image, v *View, pts []float64, width float32, dash, gap float64, clr color.RGBA) {
	if !(dash > 0) || !(gap > 0) {
		p.Polyline(dst, v, pts, width, clr)
		return
	}
	hw := math.Max(0.25, float64(width)/2)
	guard := geom.RectOf(dst.Bounds()).Inset(-guardPad - hw)
	if p.Clip.W > 0 && p.Clip.H > 0 {
		guard = p.Clip
	}
	nan := math.NaN()
	out := p.dash[:0]
	period := dash + gap
	phase := 0.0 // distance into the current period
	have := false
	open := false // a dash run is in progress and ends at the current position
	var px, py float64
	for k := 0; k+1 < len(pts); k += 2 {
		x, y := pts[k], pts[k+1]
		if !finite(x, y) {
			have, open = false, false
			continue
		}
		sx, sy := toScreen(v, x, y)
		if !have {
			px, py, have = sx, sy, true
			continue
		}
		x0, y0, x1, y1, ok := geom.ClipSegment(px, py, sx, sy, guard)
		if !ok || x0 != px || y0 != py {
			open = false
		}
		px, py = sx, sy
		if !ok {
			continue
		}
		l := math.Hypot(x1-x0, y1-y0)
		ux, uy := (x1-x0)/l, (y1-y0)/l
		for s := 0.0; s < l; {
			if phase < dash { // inside a dash: draw to its end or the segment's
				take := math.Min(l-s, dash-phase)
				if !open {
					out = append(out, nan, nan, x0+ux*s, y0+uy*s)
					open = true
				}
				s += take
				out = append(out, x0+ux*s, y0+uy*s)
				if take == dash-phase {
					phase, open = dash, false
				} else {
					phase += take
				}
			} else { // in a gap
				take := math.Min(l-s, period-phase)
				s += take
				if take == period-phase {
					phase = 0
				} else {
					phase += take
				}
			}
		}
		if x1 != sx || y1 != sy {
			open = false
		}
	}
	p.dash = out
	p.Polyline(dst, nil, out, width, clr)
}

// circle is the unit circle sampled at 64 points.
var circle = func() (c [64][2]float64) {
	for k := range c {
		c[k][1], c[k][0] = math.Sincos(2 * math.Pi * float64(k) / 64)
	}
	return c
}()

// circleStep returns the stride into circle for a radius of r pixels: about
// one vertex per 2 pixels of circumference, 8 to 64 in all.
func circleStep(r float64) int {
	switch {
	case r < 3:
		return 8
	case r < 6:
		return 4
	case r < 12:
		return 2
	}
	return 1
}

func (p *Painter) disc(dst *ebiten.Image, x, y, r float64) {
	step := circleStep(r)
	p.room(dst, 1+64/step)
	c := p.vertex(x, y)
	first := uint16(len(p.vs))
	for k := 0; k < 64; k += step {
		p.vertex(x+r*circle[k][0], y+r*circle[k][1])
	}
	last := uint16(len(p.vs) - 1)
	for i := first; i < last; i++ {
		p.is = append(p.is, c, i, i+1)
	}
	p.is = append(p.is, c, last, first)
}

// Dot fills a disc of radius r device pixels at (x, y).
func (p *Painter) Dot(dst *ebiten.Image, v *View, x, y, r float64, clr color.RGBA) {
	if !finite(x, y) || !(r > 0) {
		return
	}
	p.setColor(clr)
	sx, sy := toScreen(v, x, y)
	p.disc(dst, sx, sy, r)
	p.flush(dst)
}

// Dots fills a disc of radius r at every finite point of pts, skipping
// those far outside dst and those within a quarter pixel of the last disc
// drawn (the same disc: a method crawling along a valley puts thousands of
// iterates on one pixel, and every disc queued costs vertices until the
// frame ends).
func (p *Painter) Dots(dst *ebiten.Image, v *View, pts []float64, r float64, clr color.RGBA) {
	if !(r > 0) {
		return
	}
	p.setColor(clr)
	g := geom.RectOf(dst.Bounds()).Inset(-r - 1)
	if p.Clip.W > 0 && p.Clip.H > 0 {
		g = p.Clip
	}
	lx, ly := math.Inf(1), math.Inf(1)
	for k := 0; k+1 < len(pts); k += 2 {
		if !finite(pts[k], pts[k+1]) {
			continue
		}
		sx, sy := toScreen(v, pts[k], pts[k+1])
		if g.Contains(sx, sy) && (math.Abs(sx-lx) >= 0.25 || math.Abs(sy-ly) >= 0.25) {
			p.disc(dst, sx, sy, r)
			lx, ly = sx, sy
		}
	}
	p.flush(dst)
}

// Ring strokes a circle of radius r device pixels at (x, y).
func (p *Painter) Ring(dst *ebiten.Image, v *View, x, y, r float64, width float32, clr color.RGBA) {
	if !finite(x, y) || !(r > 0) {
		return
	}
	sx, sy := toScreen(v, x, y)
	step := circleStep(r)
	out := p.pts[:0]
	for k := 0; k <= 64; k += step {
		c := circle[k%64]
		out = append(out, sx+r*c[0], sy+r*c[1])
	}
	p.pts = out
	p.Polyline(dst, nil, out, width, clr)
}

// Arrow draws an arrow from (x0, y0) to its tip (x1, y1): a shaft of the
// given width and a filled triangular head head pixels long and as wide.
// Short arrows get a proportionally smaller head (at most 60 % of the
// length); a zero-length arrow draws nothing.
func (p *Painter) Arrow(dst *ebiten.Image, v *View, x0, y0, x1, y1 float64, width float32, head float64, clr color.RGBA) {
	if !finite(x0, y0) || !finite(x1, y1) {
		return
	}
	ax, ay := toScreen(v, x0, y0)
	bx, by := toScreen(v, x1, y1)
	l := math.Hypot(bx-ax, by-ay)
	if l < 1e-9 || l > 1e7 {
		return
	}
	h := math.Min(head, 0.6*l)
	ux, uy := (bx-ax)/l, (by-ay)/l
	// shaft up to slightly inside the head so they overlap without a seam
	p.beginStroke(dst, width, clr)
	p.segment(dst, ax, ay, bx-ux*h*0.8, by-uy*h*0.8)
	cx, cy := bx-ux*h, by-uy*h
	nx, ny := -uy*h/2, ux*h/2
	p.room(dst, 3)
	i := p.vertex(bx, by)
	j := p.vertex(cx+nx, cy+ny)
	k := p.vertex(cx-nx, cy-ny)
	p.is = append(p.is, i, j, k)
	p.flush(dst)
}

// FillRect fills r (device pixels).
func (p *Painter) FillRect(dst *ebiten.Image, r Rect, clr color.RGBA) {
	if !(r.W > 0) || !(r.H > 0) {
		return
	}
	p.setColor(clr)
	p.quad(dst, r.X, r.Y, r.X+r.W, r.Y+r.H)
	p.flush(dst)
}

func (p *Painter) quad(dst *ebiten.Image, x0, y0, x1, y1 float64) {
	p.room(dst, 4)
	a := p.vertex(x0, y0)
	b := p.vertex(x1, y0)
	c := p.vertex(x1, y1)
	d := p.vertex(x0, y1)
	p.is = append(p.is, a, b, c, a, c, d)
}

// StrokeRect outlines r with a border of the given width drawn inside r.
func (p *Painter) StrokeRect(dst *ebiten.Image, r Rect, width float32, clr color.RGBA) {
	w := math.Min(float64(width), math.Min(r.W, r.H)/2)
	if !(w > 0) {
		return
	}
	p.setColor(clr)
	x0, y0, x1, y1 := r.X, r.Y, r.X+r.W, r.Y+r.H
	p.quad(dst, x0, y0, x1, y0+w)
	p.quad(dst, x0, y1-w, x1, y1)
	p.quad(dst, x0, y0+w, x0+w, y1-w)
	p.quad(dst, x1-w, y0+w, x1, y1-w)
	p.flush(dst)
}

// FillConvex fills the convex polygon pts (a fan from its first point); a
// closed ellipse from geom.Curvature.AppendLevel qualifies. Non-finite
// points are skipped.
func (p *Painter) FillConvex(dst *ebiten.Image, v *View, pts []float64, clr color.RGBA) {
	p.setColor(clr)
	first := -1
	prev := -1
	for k := 0; k+1 < len(pts); k += 2 {
		if !finite(pts[k], pts[k+1]) {
			continue
		}
		if len(p.vs)+2 > chunkVertices && first >= 0 {
			// restart the fan in a new chunk from the same first point
			fx, fy := p.vs[first].DstX, p.vs[first].DstY
			px, py := p.vs[prev].DstX, p.vs[prev].DstY
			p.flush(dst)
			first = int(p.vertex(float64(fx), float64(fy)))
			prev = int(p.vertex(float64(px), float64(py)))
		}
		sx, sy := toScreen(v, pts[k], pts[k+1])
		sx = math.Max(-1e6, math.Min(1e6, sx))
		sy = math.Max(-1e6, math.Min(1e6, sy))
		i := int(p.vertex(sx, sy))
		switch {
		case first < 0:
			first = i
		case prev != first || i != first+1:
			p.is = append(p.is, uint16(first), uint16(prev), uint16(i))
		}
		prev = i
	}
	p.flush(dst)
}

// Mesh draws the triangles is of vertices vs, each vertex coloured by its
// Color fields (premultiplied alpha), without anti-aliasing: a lit
// surface, whose cells meet edge to edge. It sets the vertices' source
// to the white pixel every triangle samples. The indices are drawn in
// order, later triangles over earlier ones, so a caller paints the far
// before the near.
func (p *Painter) Mesh(dst *ebiten.Image, vs []ebiten.Vertex, is []uint16) {
	for i := range vs {
		vs[i].SrcX, vs[i].SrcY = 1.5, 1.5
	}
	p.op.ColorScaleMode = ebiten.ColorScaleModePremultipliedAlpha
	p.op.AntiAlias = false
	dst.DrawTriangles(vs, is, white(), &p.op)
}
