package render

import (
	"image/color"
	"math"

	"curvlab/render/geom"

	"github.com/hajimehoshi/ebiten/v2"
)

// levelSamples is the number of points of a whole ellipse: chord error
// below 0.2 px up to a radius of 600 px.
const levelSamples = 128

// reach returns the largest distance from (cx, cy) to a corner of what dst
// shows, in world units through v (pixels when v is nil): the clipping
// radius for level sets.
func reach(dst *ebiten.Image, v *View, cx, cy float64) float64 {
	var x0, x1, y0, y1 float64
	if v != nil {
		x0, x1, y0, y1 = v.XMin, v.XMax, v.YMin, v.YMax
	} else {
		b := dst.Bounds()
		x0, x1, y0, y1 = float64(b.Min.X), float64(b.Max.X), float64(b.Min.Y), float64(b.Max.Y)
	}
	dx := math.Max(math.Abs(x0-cx), math.Abs(x1-cx))
	dy := math.Max(math.Abs(y0-cy), math.Abs(y1-cy))
	return 1.01 * math.Hypot(dx, dy)
}

// LevelSet strokes the level set {centre + d : ½dᵀBd = c} of the matrix
// decomposed in cv around (cx, cy) (see geom.Curvature.AppendLevel): an
// ellipse for B ≻ 0, a hyperbola's two branches for indefinite B (draw the
// level −c too, dashed say, for the conjugate pair), two parallel lines for
// singular B; clipped to what dst shows.
func (p *Painter) LevelSet(dst *ebiten.Image, v *View, cv geom.Curvature, cx, cy, c float64, st Stroke) {
	p.pts = cv.AppendLevel(p.pts[:0], cx, cy, c, reach(dst, v, cx, cy), levelSamples)
	p.Stroke(dst, v, p.pts, st)
}

// FillLevelSet fills the inside of the level set when it is a closed
// ellipse and reports whether it was one.
func (p *Painter) FillLevelSet(dst *ebiten.Image, v *View, cv geom.Curvature, cx, cy, c float64, clr color.RGBA) bool {
	p.pts = cv.AppendLevel(p.pts[:0], cx, cy, c, 0, levelSamples)
	n := len(p.pts)
	if n < 6 || p.pts[0] != p.pts[n-2] || p.pts[1] != p.pts[n-1] {
		return false
	}
	for _, f := range p.pts {
		if f != f {
			return false
		}
	}
	p.FillConvex(dst, v, p.pts, clr)
	return true
}

// CurvatureAxes draws the two eigenvector axes of cv through (cx, cy), r
// world units (pixels when v is nil) to each side: solid where the
// curvature is positive and dashed where it is negative or zero.
func (p *Painter) CurvatureAxes(dst *ebiten.Image, v *View, cv geom.Curvature, cx, cy, r float64, st Stroke) {
	if cv.Kind == geom.KindInvalid {
		return
	}
	tol := geom.SingularTol * math.Max(math.Abs(cv.Lmin), math.Abs(cv.Lmax))
	for _, e := range [2]struct {
		l float64
		u [2]float64
	}{{cv.Lmin, cv.V1}, {cv.Lmax, cv.V2}} {
		s := st
		if e.l <= tol {
			if s.Dash <= 0 {
				s.Dash = math.Max(3, 3*float64(st.Width))
			}
		} else {
			s.Dash = 0
		}
		p.pts = append(p.pts[:0], cx-r*e.u[0], cy-r*e.u[1], cx+r*e.u[0], cy+r*e.u[1])
		p.Stroke(dst, v, p.pts, s)
	}
}
