package surface

import (
	"curvlab/lang"
	"image/color"
	"math"

	"curvlab/app/ui"
	"curvlab/render"
	"curvlab/render/geom"
	"curvlab/sim"
	"curvlab/sim/la"
	"curvlab/sim/scenario"
	"curvlab/sim/surfaces"

	"github.com/hajimehoshi/ebiten/v2"
)

// drawSurfaces draws the panels of a surface scenario and the plot of f,
// and queues their text.
func (s *Scene) drawSurfaces(dst *ebiten.Image, panels []ui.PanelRects) {
	l := &s.c.M
	// Flat rectangles and cached images, then all text: see app/text.go for
	// why. The surface (heatmap, contours, minima, tick marks) is drawn
	// once into a layer all panels copy, each run's path into a layer of
	// its own that grows with the run, and what marks the runs' current
	// iterates (points, arrows, curvature, trial points) into a layer per
	// panel drawn again when a run advanced: a steady frame draws no
	// anti-aliased shape onto the screen, so ebiten's anti-aliasing
	// buffer (twice the screen's resolution) is not cleared and blended
	// every frame.
	if !s.st.Flags.Overlay && len(panels) > len(s.st.Runs) {
		panels = panels[:len(s.st.Runs)]
	}
	if len(panels) > 0 {
		// Once a frame: every panel has the same size and view.
		s.surface.update(s.st.Scen.Surface(), s.st.SurfaceVersion, s.panelView(panels[0].Plot), l.U)
	}
	for i, pr := range panels {
		s.c.Flat.FillRect(dst, pr.Frame, ui.Bar)
		shown := s.shownIn(i)
		if s.st.Solid(i) {
			s.drawSolidPanel(dst, pr, i, shown)
			continue
		}
		s.surfaceLayer().Draw(dst, pr.Plot.X, pr.Plot.Y)
		v := s.panelView(pr.Plot)
		if s.st.Flags.Basins {
			s.basins.draw(dst, s.st, shown.run, pr.Plot) // the overlay: the first panel's method
		}
		for k := range s.st.Runs {
			if !shown.shows(k) {
				continue
			}
			if tl := s.trailLayer(v, k); tl != nil {
				tl.Draw(dst, pr.Plot.X, pr.Plot.Y)
			}
		}
		if len(s.ghosts.paths) > 0 {
			s.ghosts.layer(s, i, shown, v).Draw(dst, pr.Plot.X, pr.Plot.Y)
		}
		s.overlayLayer(v, i, shown).Draw(dst, pr.Plot.X, pr.Plot.Y)
	}
	s.plot.draw(dst, s, s.plotRect)
	if s.withCurv {
		s.curv.draw(dst, s, s.curvRect)
	}
	if s.withSweep {
		s.sweep.draw(dst, s, s.sweepRect)
	}
	s.fit.draw(dst, s)
	for i, pr := range panels {
		s.drawPanel(dst, pr, s.shownIn(i))
	}
}

// surfaceLayer returns the surface's layer, drawn again if the surface
// was recomputed or the contours toggled.
func (s *Scene) surfaceLayer() *render.Layer[surfaceLayerKey] {
	si := &s.surface
	key := surfaceLayerKey{computed: si.computed, contours: !s.st.Flags.HideContours, u: s.c.M.U}
	v := si.view // the screen rectangle at the origin
	si.layer.Update(key, int(v.Screen.W), int(v.Screen.H), func(img *ebiten.Image) { s.drawSurface(img, v) })
	return &si.layer
}

// drawSurface draws the surface — heatmap, contour lines, minima, tick
// marks — in view v onto dst (its layer).
func (s *Scene) drawSurface(dst *ebiten.Image, v geom.View) {
	l := &s.c.M
	p := &s.c.Paint
	si := &s.surface
	si.heat.Draw(dst, v.Screen)
	if ui.Wash.A != 0 { // the projector's theme pales the heatmap under its dark ink
		s.c.Flat.FillRect(dst, v.Screen, ui.Wash)
	}
	p.Clip = v.Screen
	if !s.st.Flags.HideContours {
		// every level at once: one draw call (per 2,300 segments)
		p.Segments(dst, &v, si.contours.Segs, float32(1*l.U), render.Alpha(ui.True, 0.28))
	}
	for _, m := range si.minima {
		sx, sy := v.ToScreen(m.X, m.Y)
		d := 6 * l.U
		p.Line(dst, nil, sx-d, sy-d, sx+d, sy+d, float32(2*l.U), ui.Minimum)
		p.Line(dst, nil, sx-d, sy+d, sx+d, sy-d, float32(2*l.U), ui.Minimum)
	}
	p.Clip = geom.Rect{}
	si.ticks.Marks(s.c, dst, v.Screen, v)
}

// TrailPointsPerFrame bounds the iterates a trail layer draws in one frame:
// Ebitengine keeps every vertex queued in a frame until it ends (a dot
// queues about 7 KB), and the four trails of 100 000 iterates at once
// queued 1.6 GB.
const TrailPointsPerFrame = 1024

// trailLayer returns run k's layer for view v (only v's world window and
// size matter): its path up to the last iterate, drawn again from the
// start when the run, the view or the scale changed or a point already
// drawn moved, else only the iterates added since, at most
// TrailPointsPerFrame a frame (a long path appears over a few frames, the
// same picture as at once). A run of one iterate has no layer (nil): its
// one dot lies under the mark of its current iterate; not making one
// saves the first frame two textures a panel.
func (s *Scene) trailLayer(v geom.View, k int) *render.Layer[trailKey] {
	pc := &s.panels[k]
	r := s.st.Runs[k]
	from := pc.syncPath(r)
	v.Screen.X, v.Screen.Y = 0, 0
	n := len(pc.path.Pts) / 2
	if n <= 1 {
		return nil
	}
	if pc.trailN > from { // a point already drawn changed: the trace thinned
		pc.trailMoved++
	}
	key := trailKey{run: r, view: v, u: s.c.M.U, moved: pc.trailMoved}
	pc.trail.Update(key, int(v.Screen.W), int(v.Screen.H), func(*ebiten.Image) { pc.trailN = 0 })
	if pc.trailN < n {
		to := min(n, pc.trailN+TrailPointsPerFrame)
		s.drawTrail(pc.trail.Image(), v, k, pc.trailN, to)
		pc.trailN = to
	}
	return &pc.trail
}

// drawTrail draws run k's path from its iterate from up to (not including)
// iterate to in view v onto dst (its layer): the line and a dot at each
// iterate.
func (s *Scene) drawTrail(dst *ebiten.Image, v geom.View, k, from, to int) {
	l := &s.c.M
	p := &s.c.Paint
	pc := &s.panels[k]
	clr := ui.PanelColors[k%len(ui.PanelColors)]
	p.Clip = v.Screen
	p.PolylineFrom(dst, &v, pc.path.Pts[:2*to], from, float32(2*l.U), render.Alpha(clr, 0.9))
	p.Dots(dst, &v, pc.path.Pts[2*from:2*to], 2.6*l.U, clr)
	p.Clip = geom.Rect{}
}

// shownIn returns what surface panel i shows: its run, or in overlay mode
// (one panel) every run.
func (s *Scene) shownIn(i int) runsShown {
	if s.st.Flags.Overlay {
		return allRuns
	}
	return oneRun(i)
}

// overlayLayer returns panel i's layer of what marks the current iterates
// of the runs it shows in view v (only v's world window and size matter),
// drawn again when a run advanced or changed, or the view, the scale or
// the toggles changed.
func (s *Scene) overlayLayer(v geom.View, i int, shown runsShown) *render.Layer[overlayKey] {
	ol := &s.overlays[i]
	v.Screen.X, v.Screen.Y = 0, 0
	f := s.st.Flags
	key := overlayKey{view: v, u: s.c.M.U, ellipses: !f.HideEllipses, trials: !f.HideTrials, shown: shown}
	if f.StepModel { // the true level sets come from the sampled surface
		key.stepModel, key.surface = true, s.surface.computed
	}
	for k, r := range s.st.Runs {
		if shown.shows(k) {
			key.runs[k], key.rows[k] = r, len(r.Trace)
		}
	}
	ol.Update(key, int(v.Screen.W), int(v.Screen.H), func(img *ebiten.Image) { s.drawRuns(img, v, shown) })
	return ol
}

// overlayKey is what a panel's layer of current iterates shows.
type overlayKey struct {
	runs             [scenario.MaxPanels]*sim.Run
	rows             [scenario.MaxPanels]int
	view             geom.View
	u                float64
	ellipses, trials bool
	stepModel        bool
	surface          int // surfaceImage.computed, with stepModel
	shown            runsShown
}

// drawPanel draws what of panel rects pr showing shown is not in layers:
// the header's colour strip, and the tick labels and readout (queued text).
func (s *Scene) drawPanel(dst *ebiten.Image, pr ui.PanelRects, shown runsShown) {
	l := &s.c.M
	v := s.panelView(pr.Plot)
	if !s.st.Solid(shown.run) {
		s.surface.ticks.Labels(s.c, pr.Plot, v)
		s.ghosts.drawLabels(s, pr.Plot, shown, v)
	}
	if shown.all {
		s.c.Text(render.Sans, lang.T("Overlay: all methods on one surface (O to split)"), pr.Header.X+8*l.U, pr.Header.Y+pr.Header.H/2, l.Font, ui.Ink, render.Left|render.Middle)
	} else {
		d := math.Round(2 * l.U)
		s.c.Flat.FillRect(dst, geom.Rect{X: pr.Header.X, Y: pr.Header.Y + d, W: math.Round(5 * l.U), H: pr.Header.H - 2*d}, ui.PanelColors[shown.run])
	}
	s.drawReadout(dst, pr.Readout, shown)
}

// drawRuns draws the runs shown in view v onto dst (a panel's overlay
// layer), and the plot's frame. The true
// Hessian's ellipse is drawn once, with the first run.
func (s *Scene) drawRuns(dst *ebiten.Image, v geom.View, shown runsShown) {
	p := &s.c.Paint
	p.Clip = v.Screen
	first := true
	for k := range s.st.Runs {
		if shown.shows(k) {
			s.drawRun(dst, v, k, first)
			first = false
		}
	}
	p.Clip = geom.Rect{}
	p.StrokeRect(dst, v.Screen, float32(s.c.M.U), ui.Frame)
}

// drawRun draws run k's trial points, current point, gradient arrow,
// curvature ellipses and trust region in view v (its path is in its
// trail layer). withTruth also draws the true Hessian's ellipse (once per
// panel).
func (s *Scene) drawRun(dst *ebiten.Image, v geom.View, k int, withTruth bool) {
	l := &s.c.M
	p := &s.c.Paint
	st := s.st
	r := st.Runs[k]
	clr := ui.PanelColors[k%len(ui.PanelColors)]
	last := r.Last()
	x, y := last.X[0], last.X[1]
	if math.IsNaN(x) || math.IsNaN(y) || math.IsInf(x, 0) || math.IsInf(y, 0) {
		return // diverged: the readout says so; nothing to draw as a number
	}
	if !st.Flags.HideTrials {
		// a view of the run at an earlier row (sim.Run.Upto) has no trial
		// points: the trace keeps the latest row's only
		for t := 0; t < len(last.TrialF); t++ {
			p.Ring(dst, &v, last.TrialX[2*t], last.TrialX[2*t+1], 4*l.U, float32(1.5*l.U), ui.Trial)
		}
	}
	m := marksAt(st.Scen.Surface(), &last, v, &s.hessBuf)
	if !st.Flags.HideEllipses {
		s.drawCurvature(dst, v, m, clr, withTruth)
	}
	if n := len(r.Trace); st.Flags.StepModel && n >= 2 {
		prev := r.Row(n - 2)
		if model, ok := stepModel(&prev, &last); ok {
			// dotted, and its centre (the model's minimum) ringed: apart
			// from the dashed estimate at the iterate
			p.LevelSet(dst, &v, model.Curv, model.X, model.Y, model.Level, render.Stroke{Width: float32(1.5 * l.U), Color: clr, Dash: 1.5 * l.U, Gap: 3.5 * l.U})
			p.Ring(dst, &v, model.X, model.Y, 4*l.U, float32(1.5*l.U), clr)
			p.Segments(dst, &v, s.levels[k].update(r, n-1, last.F, &s.surface), float32(1.5*l.U), render.Alpha(ui.True, 0.75))
		}
	}
	p.LevelSet(dst, &v, m.Trust.Curv, m.Trust.X, m.Trust.Y, m.Trust.Level, render.Stroke{Width: float32(1.5 * l.U), Color: render.Alpha(clr, 0.8), Dash: 6 * l.U})
	// The descent direction −g, drawn at a fixed length: its size varies
	// over many orders of magnitude and is in the readout.
	gx, gy := last.G[0], last.G[1]
	if n := math.Hypot(gx, gy); n > 0 && !math.IsInf(n, 0) && last.Events&sim.EventConverged == 0 {
		sx, sy := v.ToScreen(x, y)
		L := 44 * l.U
		p.Arrow(dst, nil, sx, sy, sx-L*gx/n, sy+L*gy/n, float32(2.2*l.U), 9*l.U, ui.True)
	}
	p.Dot(dst, &v, x, y, 6.5*l.U, ui.Background)
	p.Dot(dst, &v, x, y, 4.5*l.U, clr)
}

// runMarks is the geometry drawRun draws around a run's current iterate,
// in world coordinates, apart from how it looks: the level sets of the
// true Hessian and of the method's estimate, and the trust region.
type runMarks struct {
	// Truth is the level set ½dᵀ∇²f(x)d = c around the iterate x, with c
	// chosen so that it spans about a sixth of the view; Est is that of
	// the method's estimate of ∇²f (the Hessian it uses, B, or H⁻¹ for
	// the inverse forms) at the same level, so that their sizes compare.
	// Both are empty where the truth gives no level (∇²f = 0); Est is
	// empty when the method keeps no curvature or its H is singular.
	Truth, Est levelSet
	// Trust is the trust region |d| = Δ (the level ½Δ² of the identity);
	// empty for methods without one.
	Trust levelSet
}

// levelSet is the curve {(X, Y) + d : ½dᵀBd = Level} of the matrix B
// decomposed in Curv. The zero value is empty: its Curv's Kind is
// geom.KindInvalid, which has no level sets.
type levelSet struct {
	Curv        geom.Curvature
	X, Y, Level float64
}

// marksAt returns the marks of iterate s on surface f in view v (none
// where s is not finite); hess is room for f's Hessian.
func marksAt(f surfaces.Surface, s *sim.Row, v geom.View, hess *[4]float64) runMarks {
	var m runMarks
	x, y := s.X[0], s.X[1]
	if !la.IsFinite(s.X) {
		return m
	}
	if s.Radius > 0 {
		m.Trust = levelSet{Curv: geom.Eigen([4]float64{1, 0, 0, 1}), X: x, Y: y, Level: 0.5 * s.Radius * s.Radius}
	}
	f.Hess(hess[:], s.X)
	truth := geom.Eigen(*hess)
	c := truth.LevelForRadius(0.16 * math.Min(v.XMax-v.XMin, v.YMax-v.YMin))
	if c == 0 || math.IsNaN(c) {
		return m
	}
	m.Truth = levelSet{Curv: truth, X: x, Y: y, Level: c}
	if est, ok := estimate(s); ok {
		m.Est = levelSet{Curv: est, X: x, Y: y, Level: c}
	}
	return m
}

// drawCurvature draws marks m's level sets: the true Hessian's in white
// (with the conjugate level and the axes where it is not positive
// definite) when withTruth (once per panel), and the method's estimate
// dashed in the panel's colour.
func (s *Scene) drawCurvature(dst *ebiten.Image, v geom.View, m runMarks, clr color.RGBA, withTruth bool) {
	l := &s.c.M
	p := &s.c.Paint
	w := float32(2 * l.U)
	axis := 0.1 * (v.XMax - v.XMin)
	if t := m.Truth; withTruth {
		p.LevelSet(dst, &v, t.Curv, t.X, t.Y, t.Level, render.Stroke{Width: w, Color: ui.True})
		if t.Curv.Kind == geom.KindIndefinite {
			p.LevelSet(dst, &v, t.Curv, t.X, t.Y, -t.Level, render.Stroke{Width: w, Color: render.Alpha(ui.True, 0.6), Dash: 5 * l.U})
		}
		if t.Curv.Kind != geom.KindPosDef {
			p.CurvatureAxes(dst, &v, t.Curv, t.X, t.Y, axis, render.Stroke{Width: float32(1.5 * l.U), Color: ui.True})
		}
	}
	e := m.Est
	p.LevelSet(dst, &v, e.Curv, e.X, e.Y, e.Level, render.Stroke{Width: w, Color: clr, Dash: 7 * l.U, Gap: 4 * l.U})
	if e.Curv.Kind == geom.KindIndefinite {
		p.CurvatureAxes(dst, &v, e.Curv, e.X, e.Y, axis, render.Stroke{Width: float32(1.5 * l.U), Color: clr})
	}
}

// estimate returns the curvature the method holds at step s as a Hessian
// estimate B: the (modified) Hessian it uses, B, or H⁻¹; for Broyden's
// non-symmetric B, its symmetric part (geom.Eigen takes it).
func estimate(s *sim.Row) (geom.Curvature, bool) {
	if s.Curv == nil || len(s.Curv) < 4 {
		return geom.Curvature{}, false
	}
	m := [4]float64{s.Curv[0], s.Curv[1], s.Curv[2], s.Curv[3]}
	switch s.CurvKind {
	case sim.CurvHessian, sim.CurvB:
		return geom.Eigen(m), true
	case sim.CurvH:
		b, kind := geom.Invert2(m)
		if kind == geom.KindInvalid || kind == geom.KindSingular || kind == geom.KindZero {
			return geom.Curvature{}, false
		}
		return geom.Eigen(b), true
	}
	return geom.Curvature{}, false
}
