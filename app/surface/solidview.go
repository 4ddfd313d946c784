package surface

import (
	"image/color"
	"math"

	"curvlab/app/ui"
	"curvlab/render"
	"curvlab/render/geom"
	"curvlab/sim"
	"curvlab/sim/la"
	"curvlab/sim/scenario"

	"github.com/hajimehoshi/ebiten/v2"
)

// solidKey is what a 3D panel's layer of runs shows.
type solidKey struct {
	cam   camKey
	runs  [scenario.MaxPanels]*sim.Run
	rows  [scenario.MaxPanels]int
	shown runsShown
	u     float64
}

// solidPathPoints bounds the iterates of a path the 3D view draws: a
// longer path is drawn through every k-th iterate and the latest, so that
// a frame that turns the camera stays cheap.
const solidPathPoints = 2000

// drawSolidPanel draws panel pr (index i, showing shown) in 3D: the mesh,
// shared by the 3D panels, then the panel's runs lifted onto it.
func (s *Scene) drawSolidPanel(dst *ebiten.Image, pr ui.PanelRects, i int, shown runsShown) {
	// The scenario's window itself, not widened to the panel as a plan
	// is: the mesh turns, and a square fills a panel best from every side.
	win := s.st.View()
	v := geom.View{XMin: win.XMin, XMax: win.XMax, YMin: win.YMin, YMax: win.YMax, Screen: pr.Plot}
	w, h := int(v.Screen.W), int(v.Screen.H)
	if w < 2 || h < 2 || !s.surface.ok {
		return
	}
	m := &s.mesh
	cam := s.st.Scen.Solid
	m.update(s.st.Scen.Surface(), s.st.SurfaceVersion, v, s.surface.scale)
	m.look(cam.Azimuth, cam.Elevation, w, h)
	s.meshLayer.Update(m.cam, w, h, func(img *ebiten.Image) { m.draw(img, &s.c.Paint) })
	s.meshLayer.Draw(dst, pr.Plot.X, pr.Plot.Y)
	key := solidKey{cam: m.cam, shown: shown, u: s.c.M.U}
	for k, r := range s.st.Runs {
		if shown.shows(k) {
			key.runs[k], key.rows[k] = r, len(r.Trace)
		}
	}
	l := &s.solids[i]
	l.Update(key, w, h, func(img *ebiten.Image) { s.drawSolidRuns(img, v, shown) })
	l.Draw(dst, pr.Plot.X, pr.Plot.Y)
}

// drawSolidRuns draws onto dst (a 3D panel's layer, at the origin) the
// minima and, for each run shown, its path lifted onto the mesh, its
// current iterate and the model its method holds there; then the frame.
func (s *Scene) drawSolidRuns(dst *ebiten.Image, v geom.View, shown runsShown) {
	l := &s.c.M
	p := &s.c.Paint
	m := &s.mesh
	for _, mn := range s.surface.minima {
		if sx, sy, ok := m.screen(mn.X, mn.Y, mn.F); ok {
			d := 5 * l.U
			p.Line(dst, nil, sx-d, sy-d, sx+d, sy+d, float32(2*l.U), ui.Minimum)
			p.Line(dst, nil, sx-d, sy+d, sx+d, sy-d, float32(2*l.U), ui.Minimum)
		}
	}
	for k, r := range s.st.Runs {
		if !shown.shows(k) {
			continue
		}
		clr := ui.PanelColors[k%len(ui.PanelColors)]
		pc := &s.panels[k]
		pc.syncPath(r)
		rows := pc.path.Rows
		stride := max(1, (len(rows)+solidPathPoints-1)/solidPathPoints)
		pts := s.solidPts[:0]
		for n := 0; n < len(rows); n += stride {
			if n+stride >= len(rows) {
				n = len(rows) - 1 // the latest, whatever the stride
			}
			sx, sy, ok := m.screen(pc.path.Pts[2*n], pc.path.Pts[2*n+1], r.Trace[rows[n]].F)
			if !ok {
				sx, sy = math.NaN(), math.NaN()
			}
			pts = append(pts, sx, sy)
		}
		s.solidPts = pts
		p.Polyline(dst, nil, pts, float32(2*l.U), render.Alpha(clr, 0.95))
		last := r.Last()
		if patch, ok := patchAt(&last, v.XMax-v.XMin); ok {
			s.drawPatch(dst, &patch, clr)
		}
		if sx, sy, ok := m.screen(last.X[0], last.X[1], last.F); ok && la.IsFinite(last.X) {
			p.Dot(dst, nil, sx, sy, 6*l.U, ui.Background)
			p.Dot(dst, nil, sx, sy, 4*l.U, clr)
		}
	}
	p.StrokeRect(dst, geom.Rect{W: v.Screen.W, H: v.Screen.H}, float32(l.U), ui.Frame)
}

// drawPatch draws model patch mp on the mesh's picture: a translucent
// disc in the panel's colour at the model's heights, touching the surface
// at the iterate; its rim (dashed: the trust region); and the step to the
// model's minimizer, ringed, when it has one on the disc.
func (s *Scene) drawPatch(dst *ebiten.Image, mp *modelPatch, clr color.RGBA) {
	l := &s.c.M
	p := &s.c.Paint
	m := &s.mesh
	o := &m.orbit
	a := float32(0.38)
	cr, cg, cb := a*float32(clr.R)/255, a*float32(clr.G)/255, a*float32(clr.B)/255
	vs, is := s.patchVs[:0], s.patchIs[:0]
	vertex := func(dx, dy float64) bool {
		mx, my, mz := m.toModel(mp.X+dx, mp.Y+dy, mp.At(dx, dy))
		sx, sy := o.Project(mx, my, mz)
		vs = append(vs, ebiten.Vertex{DstX: float32(sx), DstY: float32(sy), ColorR: cr, ColorG: cg, ColorB: cb, ColorA: a})
		return !math.IsNaN(mz)
	}
	if !vertex(0, 0) {
		return
	}
	for k := 1; k <= patchRings; k++ {
		for j := range patchSpokes {
			if !vertex(patchNode(mp.Radius, k, j)) {
				return
			}
		}
	}
	node := func(k, j int) uint16 { return uint16(1 + (k-1)*patchSpokes + j%patchSpokes) }
	for j := range patchSpokes {
		is = append(is, 0, node(1, j), node(1, j+1))
		for k := 1; k < patchRings; k++ {
			is = append(is, node(k, j), node(k+1, j), node(k+1, j+1), node(k, j), node(k+1, j+1), node(k, j+1))
		}
	}
	s.patchVs, s.patchIs = vs, is
	p.Mesh(dst, vs, is)
	rim := s.solidPts[:0]
	for j := 0; j <= patchSpokes; j++ {
		v := vs[node(patchRings, j)]
		rim = append(rim, float64(v.DstX), float64(v.DstY))
	}
	s.solidPts = rim
	if mp.Trust {
		p.Dashed(dst, nil, rim, float32(1.5*l.U), 6*l.U, 4*l.U, clr)
	} else {
		p.Polyline(dst, nil, rim, float32(1.5*l.U), render.Alpha(clr, 0.8))
	}
	if mp.HasMin && math.Hypot(mp.Min[0]-mp.X, mp.Min[1]-mp.Y) <= mp.Radius*(1+1e-9) {
		dx, dy := mp.Min[0]-mp.X, mp.Min[1]-mp.Y
		mx, my, mz := m.toModel(mp.Min[0], mp.Min[1], mp.At(dx, dy))
		if !math.IsNaN(mz) {
			sx, sy := o.Project(mx, my, mz)
			c := vs[0]
			p.Dashed(dst, nil, []float64{float64(c.DstX), float64(c.DstY), sx, sy}, float32(1.5*l.U), 3*l.U, 3*l.U, clr)
			p.Ring(dst, nil, sx, sy, 4*l.U, float32(1.5*l.U), clr)
		}
	}
}
