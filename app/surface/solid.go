package surface

import (
	"cmp"
	"image/color"
	"math"
	"slices"

	"curvlab/render"
	"curvlab/render/geom"
	"curvlab/sim/surfaces"

	"github.com/hajimehoshi/ebiten/v2"
)

// The 3D view draws the surface in a panel's window as a lit mesh seen by
// an orthographic camera (geom.Orbit) and lifts each path onto it. Model
// space: the window's wider side spans [−1, 1], its centre at the origin;
// the height is the heatmap's colour position t = HeatScale.T(f) in
// [0, 1] (log where the heatmap is), stretched to [−meshHalfHeight,
// meshHalfHeight], so that the mesh's colours and heights say the same
// thing and a valley as deep as Rosenbrock's still shows.

// meshN is the mesh's vertices along each side.
const meshN = 128

// meshHalfHeight is the mesh's half-height in model units (the wider side
// is 2 long).
const meshHalfHeight = 0.4

// meshLight is the direction the light comes from, in the camera's frame
// (right, up the screen, toward the camera): from the upper left, in
// front; unit length.
var meshLight = func() [3]float64 {
	l := [3]float64{-0.3, 0.45, 0.84}
	n := math.Sqrt(l[0]*l[0] + l[1]*l[1] + l[2]*l[2])
	return [3]float64{l[0] / n, l[1] / n, l[2] / n}
}()

// Shading: ambient light, and the diffuse part at full incidence.
const meshAmbient, meshDiffuse = 0.5, 0.55

// solidMesh is the surface's mesh for one window and colour scale, and
// its picture from one camera at one size. All 3D panels share it: they
// show the same window at the same size from the same camera.
type solidMesh struct {
	key      meshKey
	ok       bool
	computed int // counts the recomputations of the heights

	centre [2]float64 // the window's centre (world)
	unit   float64    // world units per model unit
	hx, hy float64    // the model's half-widths
	xs, ys []float64  // the world coordinates of the columns and rows
	row    []float64  // scratch: one row of values
	t      []float64  // heights t, meshN² of them, row by row from the bottom; NaN where f is not a number
	normal []float64  // the unit normals, three numbers a vertex
	base   []color.RGBA
	scale  geom.HeatScale

	cam   camKey
	orbit geom.Orbit
	vs    []ebiten.Vertex
	depth []float64 // each cell's centre's depth
	order []int32   // the cells with a picture, farthest first
	is    []uint16
}

// meshKey is what the mesh's heights depend on.
type meshKey struct {
	version int // the scene's SurfaceVersion
	window  [4]float64
	scale   geom.HeatScale
}

// camKey is what the mesh's picture depends on besides its heights.
type camKey struct {
	computed           int
	azimuth, elevation float64
	w, h               int
}

// update samples surf over view v's world window and colours it by scale,
// if any of them changed.
func (m *solidMesh) update(surf surfaces.Surface, version int, v geom.View, scale geom.HeatScale) {
	key := meshKey{version: version, window: [4]float64{v.XMin, v.XMax, v.YMin, v.YMax}, scale: scale}
	if m.ok && m.key == key {
		return
	}
	m.key, m.ok, m.scale = key, true, scale
	m.computed++
	n := meshN
	if m.t == nil {
		m.xs, m.ys, m.row = make([]float64, n), make([]float64, n), make([]float64, n)
		m.t, m.normal, m.base = make([]float64, n*n), make([]float64, 3*n*n), make([]color.RGBA, n*n)
	}
	m.centre = [2]float64{(v.XMin + v.XMax) / 2, (v.YMin + v.YMax) / 2}
	m.unit = math.Max(v.XMax-v.XMin, v.YMax-v.YMin) / 2
	m.hx, m.hy = (v.XMax-v.XMin)/2/m.unit, (v.YMax-v.YMin)/2/m.unit
	for i := range n {
		f := float64(i) / float64(n-1)
		m.xs[i] = v.XMin + f*(v.XMax-v.XMin)
		m.ys[i] = v.YMin + f*(v.YMax-v.YMin)
	}
	for j := range n {
		sampleRow(m.row, surf, m.xs, m.ys[j])
		for i, f := range m.row {
			m.t[j*n+i] = scale.T(f)
			m.base[j*n+i] = geom.Colormap(m.t[j*n+i])
		}
	}
	m.normals()
}

// height is the model height of colour position t.
func height(t float64) float64 { return meshHalfHeight * (2*t - 1) }

// normals sets each vertex's unit normal from the heights around it
// (central differences; one-sided at the edges and beside a vertex that
// is not a number).
func (m *solidMesh) normals() {
	n := meshN
	dx, dy := 2*m.hx/float64(n-1), 2*m.hy/float64(n-1)
	z := func(i, j int) float64 { return height(m.t[j*n+i]) }
	slope := func(at, lo, hi float64, dlo, dhi int, d float64) float64 {
		switch {
		case !math.IsNaN(lo) && !math.IsNaN(hi):
			return (hi - lo) / (float64(dhi+dlo) * d)
		case !math.IsNaN(hi):
			return (hi - at) / (float64(dhi) * d)
		case !math.IsNaN(lo):
			return (at - lo) / (float64(dlo) * d)
		}
		return 0
	}
	for j := range n {
		for i := range n {
			at := z(i, j)
			lo, hi, dlo, dhi := math.NaN(), math.NaN(), 1, 1
			if i > 0 {
				lo = z(i-1, j)
			}
			if i < n-1 {
				hi = z(i+1, j)
			}
			zx := slope(at, lo, hi, dlo, dhi, dx)
			lo, hi = math.NaN(), math.NaN()
			if j > 0 {
				lo = z(i, j-1)
			}
			if j < n-1 {
				hi = z(i, j+1)
			}
			zy := slope(at, lo, hi, dlo, dhi, dy)
			l := math.Sqrt(zx*zx + zy*zy + 1)
			k := 3 * (j*n + i)
			m.normal[k], m.normal[k+1], m.normal[k+2] = -zx/l, -zy/l, 1/l
		}
	}
}

// toModel returns the model point of world point (x, y) at value f (its
// height NaN where f is not a number).
func (m *solidMesh) toModel(x, y, f float64) (mx, my, mz float64) {
	return (x - m.centre[0]) / m.unit, (y - m.centre[1]) / m.unit, height(m.scale.T(f))
}

// inside reports whether the model point (mx, my) is over the mesh.
func (m *solidMesh) inside(mx, my float64) bool { return math.Abs(mx) <= m.hx && math.Abs(my) <= m.hy }

// screen returns where world point (x, y) at value f is drawn from the
// camera looked through last; ok is false off the mesh and where f is
// not a number.
func (m *solidMesh) screen(x, y, f float64) (sx, sy float64, ok bool) {
	mx, my, mz := m.toModel(x, y, f)
	if !m.inside(mx, my) || math.IsNaN(mz) {
		return 0, 0, false
	}
	sx, sy = m.orbit.Project(mx, my, mz)
	return sx, sy, true
}

// look projects the mesh from the camera at azimuth and elevation onto a
// w×h image, if the camera, the size or the heights changed: each vertex
// placed and lit, the cells ordered from the farthest to the nearest.
func (m *solidMesh) look(azimuth, elevation float64, w, h int) {
	key := camKey{computed: m.computed, azimuth: azimuth, elevation: elevation, w: w, h: h}
	if m.cam == key && m.vs != nil {
		return
	}
	m.cam = key
	n := meshN
	margin := 0.04 * float64(min(w, h))
	m.orbit = geom.NewOrbit(azimuth, elevation, geom.Rect{X: margin, Y: margin, W: float64(w) - 2*margin, H: float64(h) - 2*margin}, m.hx, m.hy, meshHalfHeight)
	o := &m.orbit
	if m.vs == nil {
		m.vs = make([]ebiten.Vertex, n*n)
		m.depth = make([]float64, (n-1)*(n-1))
		m.order = make([]int32, 0, (n-1)*(n-1))
		m.is = make([]uint16, 0, 6*(n-1)*(n-1))
	}
	for j := range n {
		y := -m.hy + 2*m.hy*float64(j)/float64(n-1)
		for i := range n {
			k := j*n + i
			x := -m.hx + 2*m.hx*float64(i)/float64(n-1)
			sx, sy := o.Project(x, y, height(m.t[k]))
			r, u, tw := o.Toward(m.normal[3*k], m.normal[3*k+1], m.normal[3*k+2])
			light := float32(math.Min(1, meshAmbient+meshDiffuse*math.Max(0, r*meshLight[0]+u*meshLight[1]+tw*meshLight[2])))
			c := m.base[k]
			m.vs[k] = ebiten.Vertex{DstX: float32(sx), DstY: float32(sy),
				ColorR: light * float32(c.R) / 255, ColorG: light * float32(c.G) / 255, ColorB: light * float32(c.B) / 255, ColorA: 1}
		}
	}
	m.order = m.order[:0]
	for j := range n - 1 {
		y := -m.hy + 2*m.hy*(float64(j)+0.5)/float64(n-1)
		for i := range n - 1 {
			k := j*n + i
			z := (m.t[k] + m.t[k+1] + m.t[k+n] + m.t[k+n+1]) / 4 // NaN if a corner is
			if math.IsNaN(z) {
				continue
			}
			x := -m.hx + 2*m.hx*(float64(i)+0.5)/float64(n-1)
			c := j*(n-1) + i
			m.depth[c] = o.Depth(x, y, height(z))
			m.order = append(m.order, int32(c))
		}
	}
	slices.SortFunc(m.order, m.fartherFirst)
	m.is = m.is[:0]
	for _, c := range m.order {
		j, i := int(c)/(n-1), int(c)%(n-1)
		a := uint16(j*n + i)
		b, d, e := a+1, a+uint16(n), a+uint16(n)+1
		m.is = append(m.is, a, b, e, a, e, d)
	}
}

// fartherFirst orders cells a and b by their depth.
func (m *solidMesh) fartherFirst(a, b int32) int { return cmp.Compare(m.depth[a], m.depth[b]) }

// draw paints the mesh, as looked at last, onto dst.
func (m *solidMesh) draw(dst *ebiten.Image, p *render.Painter) {
	if len(m.is) > 0 {
		p.Mesh(dst, m.vs, m.is)
	}
}
