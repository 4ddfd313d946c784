package surface

import (
	"curvlab/lang"
	"math"
	"slices"
	"strconv"

	"curvlab/app/scene"
	"curvlab/app/ui"
	"curvlab/render"
	"curvlab/render/geom"
	"curvlab/sim"
	"curvlab/sim/nn"
	"curvlab/sim/scenario"
	"curvlab/sim/surfaces"

	"github.com/hajimehoshi/ebiten/v2"
)

// fitBox shows the data of a line fit (surfaces.LineFit) beside its
// panels: the points (x, y) on their plane, every panel's current iterate
// θ as the line ŷ = θ₁ + θ₂x it is, in the panel's colour, and the
// least-squares line dashed; above the plane how to edit the points, under
// it the Hessian (2/m)XᵀX's eigenvalues, κ and the stable step 2/λ_max,
// which follow the points as they are dragged.
type fitBox struct {
	rect  geom.Rect // the whole box; zero when the surface is not a line fit
	plane geom.Rect // the points' plane within it
	ticks ui.AxisTicks
	layer render.Layer[fitKey]

	// The texts, for the surface version and width they were made for.
	textsFor  int
	textsW    float64
	textsLang lang.Lang // the language title and stats are in
	title     string
	stats     [2]string
	hess      [4]float64
}

// fitKey is what the box's layer shows.
type fitKey struct {
	version int // st.SurfaceVersion: the points
	runs    [scenario.MaxPanels]*sim.Run
	rows    [scenario.MaxPanels]int
	plane   geom.Rect
	u       float64
}

// fitWindow is the points' plane: the coordinates a link holds.
var fitWindow = surfaces.Window{XMin: -nn.LinkRange, XMax: nn.LinkRange, YMin: -nn.LinkRange, YMax: nn.LinkRange}

// place lays the box out in r (zero: no box).
func (fb *fitBox) place(m *ui.Metrics, r geom.Rect) {
	fb.rect = r
	line := m.Line()
	fb.plane = geom.Rect{X: r.X, Y: r.Y + line + 2*m.U, W: r.W, H: r.H - 3*line - 8*m.U}
	if r.W <= 0 || fb.plane.H < 40*m.U {
		fb.rect, fb.plane = geom.Rect{}, geom.Rect{}
	}
}

// view is the plane's view of the points.
func (fb *fitBox) view() geom.View {
	w := fitWindow
	v := geom.View{XMin: w.XMin, XMax: w.XMax, YMin: w.YMin, YMax: w.YMax, Screen: fb.plane}
	v.EqualAspect()
	return v
}

// draw draws the box for st onto dst (the plane through its layer, drawn
// again when the points or a run's iterate changed) and queues its text.
func (fb *fitBox) draw(dst *ebiten.Image, s *Scene) {
	if fb.rect.W <= 0 {
		return
	}
	st := s.st
	l := &s.c.M
	fit, ok := st.Scen.Surface().(*surfaces.LineFit)
	if !ok {
		return
	}
	key := fitKey{version: st.SurfaceVersion, plane: fb.plane, u: l.U}
	for k, r := range st.Runs {
		key.runs[k], key.rows[k] = r, len(r.Trace)
	}
	v := fb.view()
	v.Screen.X, v.Screen.Y = 0, 0
	fb.layer.Update(key, int(fb.plane.W), int(fb.plane.H), func(img *ebiten.Image) { fb.drawPlane(img, s, fit, v) })
	s.c.Flat.FillRect(dst, fb.rect, ui.Bar)
	fb.layer.Draw(dst, fb.plane.X, fb.plane.Y)
	fb.texts(s, fit)
	fb.ticks.Labels(s.c, fb.plane, fb.view())
	s.c.Text(render.Sans, fb.title, fb.rect.X+4*l.U, fb.rect.Y+2*l.U, l.Small, ui.Ink, render.Left|render.Top)
	for i, line := range fb.stats {
		s.c.Text(render.Sans, line, fb.rect.X+4*l.U, fb.plane.Y+fb.plane.H+4*l.U+float64(i)*l.Line(), l.Small, ui.Ink, render.Left|render.Top)
	}
}

// drawPlane draws the points, the runs' lines and the least-squares line
// in view v onto dst (the layer).
func (fb *fitBox) drawPlane(dst *ebiten.Image, s *Scene, fit *surfaces.LineFit, v geom.View) {
	l := &s.c.M
	p := &s.c.Paint
	p.Clip = v.Screen
	p.FillRect(dst, v.Screen, ui.Background)
	p.Line(dst, &v, v.XMin, 0, v.XMax, 0, float32(l.U), ui.Frame)
	p.Line(dst, &v, 0, v.YMin, 0, v.YMax, float32(l.U), ui.Frame)
	if ms := fit.Minima(); len(ms) == 1 {
		b, a := ms[0].X, ms[0].Y // ŷ = b + a·x
		p.Dashed(dst, &v, []float64{v.XMin, b + a*v.XMin, v.XMax, b + a*v.XMax}, float32(1.5*l.U), 7*l.U, 5*l.U, ui.True)
	}
	for k, r := range s.st.Runs {
		th := r.Last().X
		if !(math.Abs(th[0]) < 1e12 && math.Abs(th[1]) < 1e12) {
			continue // diverged, or not a number: the readout says so
		}
		p.Line(dst, &v, v.XMin, th[0]+th[1]*v.XMin, v.XMax, th[0]+th[1]*v.XMax, float32(2*l.U), ui.PanelColors[k%len(ui.PanelColors)])
	}
	pts := fit.Points()
	p.Dots(dst, &v, pts, 5*l.U, ui.Background)
	p.Dots(dst, &v, pts, 3.6*l.U, ui.Ink)
	fb.ticks.Update(v, l.U)
	fb.ticks.Marks(s.c, dst, v.Screen, v)
	p.Clip = geom.Rect{}
	p.StrokeRect(dst, v.Screen, float32(l.U), ui.Frame)
}

// texts rebuilds the title and the Hessian's readout when the points or
// the width changed.
func (fb *fitBox) texts(s *Scene, fit *surfaces.LineFit) {
	st := s.st
	if fb.textsFor == st.SurfaceVersion && fb.textsW == fb.rect.W && fb.title != "" && fb.textsLang == lang.Current() {
		return
	}
	fb.textsFor, fb.textsW, fb.textsLang = st.SurfaceVersion, fb.rect.W, lang.Current()
	l := &s.c.M
	w := fb.rect.W - 8*l.U
	fb.title = ui.FitText(lang.T("Points: drag · tap adds · hold deletes"), l.Small, w)
	fit.Hess(fb.hess[:], st.Scen.Start)
	e := geom.Eigen(fb.hess)
	stats := [2]string{"H = (2/m)X'X, m = " + strconv.Itoa(fit.N()) + ":  λ " + ui.Num(e.Lmin) + ", " + ui.Num(e.Lmax)}
	if e.Lmin > 0 {
		stats[1] = "κ " + ui.Num(e.Lmax/e.Lmin) + "   " + lang.T("stable step") + " α < 2/λmax = " + ui.Num(2/e.Lmax)
	} else {
		stats[1] = lang.T("singular: all x the same, the minima a line")
	}
	for i := range stats {
		fb.stats[i] = ui.FitText(stats[i], l.Small, w)
	}
}

// fitPoints are the line fit's points: the scenario's own, or the
// surface's default ones.
func fitPoints(st *scene.State) []float64 {
	if st.Scen.Fit != nil {
		return slices.Clone(st.Scen.Fit)
	}
	if fit, ok := st.Scen.Surface().(*surfaces.LineFit); ok {
		return fit.Points()
	}
	return nil
}
