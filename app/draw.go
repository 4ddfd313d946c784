package app

import (
	"image"
	"image/color"
	"math"
	"time"

	"curvlab/render"
	"curvlab/render/geom"
	"curvlab/sim"
	"curvlab/sim/scenario"
	"curvlab/sim/surfaces"

	"github.com/hajimehoshi/ebiten/v2"
)

// backgroundColor is colBackground boxed once: passing a color.RGBA as a
// color.Color allocates.
var backgroundColor color.Color = colBackground

func (g *Game) draw(dst *ebiten.Image) {
	l := &g.lay
	dst.Fill(backgroundColor)
	g.flat.FillRect(dst, l.toolbar, colBar)

	// Shapes (and queued text) of the panels, then the widgets, then all
	// queued text at once: see app/text.go.
	if g.st.scen.Kind() == scenario.KindNetwork {
		g.drawNet(dst)
	} else {
		g.drawSurfaces(dst)
	}
	g.statusText()
	g.drawWidgets(dst, 0, g.popupStart)
	g.flushText(dst, true)
	if g.popup.kind == popNone {
		return
	}
	g.flat.FillRect(dst, geom.Rect{X: 0, Y: l.toolbar.H, W: l.w, H: l.h - l.toolbar.H}, render.Alpha(colShade, 0.55))
	r := g.popup.rect
	g.flat.FillRect(dst, r, colBar)
	if g.popup.kind == popHelp { // its text scrolls under the Close button's band
		tr := geom.Rect{X: r.X, Y: r.Y + g.help.band, W: r.W, H: r.H - g.help.band}
		g.help.draw(g, tr, g.popup.scroll)
		g.flushText(g.help.clip.of(dst, tr), false)
	}
	// The content is clipped to the popup: what is scrolled out of it is
	// not drawn.
	clip := g.popupClip.of(dst, r)
	g.drawWidgets(clip, g.popupStart, len(g.widgets))
	g.flushText(clip, false)
	g.flat.StrokeRect(dst, r, float32(l.u), colFrame)
	if g.popup.content > r.H { // a scroll bar: where the view is in the content
		h := math.Max(r.H*r.H/g.popup.content, 24*l.u)
		y := r.Y + (r.H-h)*g.popup.scroll/(g.popup.content-r.H)
		g.flat.FillRect(dst, geom.Rect{X: r.X + r.W - 5*l.u, Y: y, W: 3 * l.u, H: h}, colFrame)
	}
}

// clipCache keeps an image clipped to a rectangle: SubImage allocates, so
// a frame reuses the last one.
type clipCache struct {
	img, on *ebiten.Image // the clipped image, and the image it is of
}

// of returns dst clipped to r (whole pixels).
func (c *clipCache) of(dst *ebiten.Image, r geom.Rect) *ebiten.Image {
	rect := image.Rect(int(r.X), int(r.Y), int(math.Ceil(r.X+r.W)), int(math.Ceil(r.Y+r.H)))
	if c.img == nil || c.on != dst || c.img.Bounds() != rect {
		c.img, c.on = dst.SubImage(rect).(*ebiten.Image), dst
	}
	return c.img
}

// drawSurfaces draws the panels of a surface scenario, the status line's
// background and the plot of f, and queues their text.
func (g *Game) drawSurfaces(dst *ebiten.Image) {
	l := &g.lay
	// Flat rectangles and cached images, then all text: see app/text.go for
	// why. The surface (heatmap, contours, minima, tick marks) is drawn
	// once into a layer all panels copy, each run's path into a layer of
	// its own that grows with the run, and what marks the runs' current
	// iterates (points, arrows, curvature, trial points) into a layer per
	// panel drawn again when a run advanced: a steady frame draws no
	// anti-aliased shape onto the screen, so ebiten's anti-aliasing
	// buffer (twice the screen's resolution) is not cleared and blended
	// every frame.
	panels := l.panels
	if !g.st.flags.overlay && len(panels) > len(g.st.runs) {
		panels = panels[:len(g.st.runs)]
	}
	if len(panels) > 0 {
		// Once a frame: every panel has the same size and view.
		g.surface.update(g.st.scen.Surface(), g.st.surfaceVersion, g.panelView(panels[0].plot), l.u)
	}
	for i, pr := range panels {
		g.flat.FillRect(dst, pr.frame, colBar)
		g.surfaceLayer().Draw(dst, pr.plot.X, pr.plot.Y)
		v := g.panelView(pr.plot)
		shown := g.shownIn(i)
		for k := range g.st.runs {
			if !shown.shows(k) {
				continue
			}
			if tl := g.trailLayer(v, k); tl != nil {
				tl.Draw(dst, pr.plot.X, pr.plot.Y)
			}
		}
		g.overlayLayer(v, i, shown).Draw(dst, pr.plot.X, pr.plot.Y)
	}
	g.flat.FillRect(dst, l.status, colBar)
	g.plot.draw(dst, g, l.plot)
	for i, pr := range panels {
		g.drawPanel(dst, pr, g.shownIn(i))
	}
}

// surfaceLayer returns the surface's layer, drawn again if the surface
// was recomputed or the contours toggled.
func (g *Game) surfaceLayer() *render.Layer[surfaceLayerKey] {
	si := &g.surface
	key := surfaceLayerKey{computed: si.computed, contours: !g.st.flags.hideContours, u: g.lay.u}
	v := si.view // the screen rectangle at the origin
	si.layer.Update(key, int(v.Screen.W), int(v.Screen.H), func(img *ebiten.Image) { g.drawSurface(img, v) })
	return &si.layer
}

// drawSurface draws the surface — heatmap, contour lines, minima, tick
// marks — in view v onto dst (its layer).
func (g *Game) drawSurface(dst *ebiten.Image, v geom.View) {
	l := &g.lay
	p := &g.paint
	si := &g.surface
	si.heat.Draw(dst, v.Screen)
	p.Clip = v.Screen
	if !g.st.flags.hideContours {
		// every level at once: one draw call (per 2,300 segments)
		p.Segments(dst, &v, si.contours.Segs, float32(1*l.u), render.Alpha(colTrue, 0.28))
	}
	for _, m := range si.minima {
		sx, sy := v.ToScreen(m.X, m.Y)
		d := 6 * l.u
		p.Line(dst, nil, sx-d, sy-d, sx+d, sy+d, float32(2*l.u), colMinimum)
		p.Line(dst, nil, sx-d, sy+d, sx+d, sy-d, float32(2*l.u), colMinimum)
	}
	p.Clip = geom.Rect{}
	g.drawTickMarks(dst, v.Screen, v, &si.ticks)
}

// trailPointsPerFrame bounds the iterates a trail layer draws in one frame:
// Ebitengine keeps every vertex queued in a frame until it ends (a dot
// queues about 7 KB), and the four trails of 100 000 iterates at once
// queued 1.6 GB.
const trailPointsPerFrame = 1024

// trailLayer returns run k's layer for view v (only v's world window and
// size matter): its path up to the last iterate, drawn again from the
// start when the run, the view or the scale changed or a point already
// drawn moved, else only the iterates added since, at most
// trailPointsPerFrame a frame (a long path appears over a few frames, the
// same picture as at once). A run of one iterate has no layer (nil): its
// one dot lies under the mark of its current iterate; not making one
// saves the first frame two textures a panel.
func (g *Game) trailLayer(v geom.View, k int) *render.Layer[trailKey] {
	pc := &g.panels[k]
	r := g.st.runs[k]
	from := pc.syncPath(r)
	v.Screen.X, v.Screen.Y = 0, 0
	n := len(pc.path.pts) / 2
	if n <= 1 {
		return nil
	}
	if pc.trailN > from { // a point already drawn changed: the trace thinned
		pc.trailMoved++
	}
	key := trailKey{run: r, view: v, u: g.lay.u, moved: pc.trailMoved}
	pc.trail.Update(key, int(v.Screen.W), int(v.Screen.H), func(*ebiten.Image) { pc.trailN = 0 })
	if pc.trailN < n {
		to := min(n, pc.trailN+trailPointsPerFrame)
		g.drawTrail(pc.trail.Image(), v, k, pc.trailN, to)
		pc.trailN = to
	}
	return &pc.trail
}

// drawTrail draws run k's path from its iterate from up to (not including)
// iterate to in view v onto dst (its layer): the line and a dot at each
// iterate.
func (g *Game) drawTrail(dst *ebiten.Image, v geom.View, k, from, to int) {
	l := &g.lay
	p := &g.paint
	pc := &g.panels[k]
	clr := panelColors[k%len(panelColors)]
	p.Clip = v.Screen
	p.PolylineFrom(dst, &v, pc.path.pts[:2*to], from, float32(2*l.u), render.Alpha(clr, 0.9))
	p.Dots(dst, &v, pc.path.pts[2*from:2*to], 2.6*l.u, clr)
	p.Clip = geom.Rect{}
}

// statusText queues the status line's text: the notice (what was wrong),
// a passing message, or a hint at what one can do. The caller fills the
// line's background.
func (g *Game) statusText() {
	l := &g.lay
	r := l.status
	msg, clr := "Click a panel to set the start · drag to pan · wheel or pinch to zoom · Space to play · ? for help", colDim
	switch {
	case g.st.scen.Kind() == scenario.KindNetwork && l.touch:
		msg = "Play to train · a panel's header picks its method"
	case g.st.scen.Kind() == scenario.KindNetwork:
		msg = netHint
	case l.touch:
		msg = "Tap a panel to start there · drag to pan · pinch to zoom"
	}
	switch {
	case g.st.notice != "":
		msg, clr = g.st.notice, colWarn
	case g.toast != "" && time.Now().Before(g.toastUntil):
		msg, clr = g.toast, colGood
	}
	g.text(render.Sans, msg, r.X+10*l.u, r.Y+r.H/2, l.font, clr, render.Left|render.Middle)
}

// shownIn returns what surface panel i shows: its run, or in overlay mode
// (one panel) every run.
func (g *Game) shownIn(i int) runsShown {
	if g.st.flags.overlay {
		return allRuns
	}
	return oneRun(i)
}

// overlayLayer returns panel i's layer of what marks the current iterates
// of the runs it shows in view v (only v's world window and size matter),
// drawn again when a run advanced or changed, or the view, the scale or
// the toggles changed.
func (g *Game) overlayLayer(v geom.View, i int, shown runsShown) *render.Layer[overlayKey] {
	ol := &g.overlays[i]
	v.Screen.X, v.Screen.Y = 0, 0
	f := g.st.flags
	key := overlayKey{view: v, u: g.lay.u, ellipses: !f.hideEllipses, trials: !f.hideTrials, shown: shown}
	for k, r := range g.st.runs {
		if shown.shows(k) {
			key.runs[k], key.rows[k] = r, len(r.Trace)
		}
	}
	ol.Update(key, int(v.Screen.W), int(v.Screen.H), func(img *ebiten.Image) { g.drawRuns(img, v, shown) })
	return ol
}

// overlayKey is what a panel's layer of current iterates shows.
type overlayKey struct {
	runs             [scenario.MaxPanels]*sim.Run
	rows             [scenario.MaxPanels]int
	view             geom.View
	u                float64
	ellipses, trials bool
	shown            runsShown
}

// drawPanel draws what of panel rects pr showing shown is not in layers:
// the header's colour strip, and the tick labels and readout (queued text).
func (g *Game) drawPanel(dst *ebiten.Image, pr panelRects, shown runsShown) {
	l := &g.lay
	v := g.panelView(pr.plot)
	g.tickLabels(pr.plot, v, &g.surface.ticks)
	if shown.all {
		g.text(render.Sans, "Overlay: all methods on one surface (O to split)", pr.header.X+8*l.u, pr.header.Y+pr.header.H/2, l.font, colInk, render.Left|render.Middle)
	} else {
		d := math.Round(2 * l.u)
		g.flat.FillRect(dst, geom.Rect{X: pr.header.X, Y: pr.header.Y + d, W: math.Round(5 * l.u), H: pr.header.H - 2*d}, panelColors[shown.run])
	}
	g.drawReadout(dst, pr.readout, shown)
}

// drawRuns draws the runs shown in view v onto dst (a panel's overlay
// layer), and the plot's frame. The true
// Hessian's ellipse is drawn once, with the first run.
func (g *Game) drawRuns(dst *ebiten.Image, v geom.View, shown runsShown) {
	p := &g.paint
	p.Clip = v.Screen
	first := true
	for k := range g.st.runs {
		if shown.shows(k) {
			g.drawRun(dst, v, k, first)
			first = false
		}
	}
	p.Clip = geom.Rect{}
	p.StrokeRect(dst, v.Screen, float32(g.lay.u), colFrame)
}

// drawRun draws run k's trial points, current point, gradient arrow,
// curvature ellipses and trust region in view v (its path is in its
// trail layer). withTruth also draws the true Hessian's ellipse (once per
// panel).
func (g *Game) drawRun(dst *ebiten.Image, v geom.View, k int, withTruth bool) {
	l := &g.lay
	p := &g.paint
	st := g.st
	r := st.runs[k]
	clr := panelColors[k%len(panelColors)]
	last := r.Last()
	x, y := last.X[0], last.X[1]
	if math.IsNaN(x) || math.IsNaN(y) || math.IsInf(x, 0) || math.IsInf(y, 0) {
		return // diverged: the readout says so; nothing to draw as a number
	}
	if !st.flags.hideTrials {
		for t := 0; t < last.Trials; t++ {
			p.Ring(dst, &v, last.TrialX[2*t], last.TrialX[2*t+1], 4*l.u, float32(1.5*l.u), colTrial)
		}
	}
	m := marksAt(st.scen.Surface(), &last, v, &g.hessBuf)
	if !st.flags.hideEllipses {
		g.drawCurvature(dst, v, m, clr, withTruth)
	}
	p.LevelSet(dst, &v, m.Trust.Curv, m.Trust.X, m.Trust.Y, m.Trust.Level, render.Stroke{Width: float32(1.5 * l.u), Color: render.Alpha(clr, 0.8), Dash: 6 * l.u})
	// The descent direction −g, drawn at a fixed length: its size varies
	// over many orders of magnitude and is in the readout.
	gx, gy := last.G[0], last.G[1]
	if n := math.Hypot(gx, gy); n > 0 && !math.IsInf(n, 0) && last.Events&sim.EventConverged == 0 {
		sx, sy := v.ToScreen(x, y)
		L := 44 * l.u
		p.Arrow(dst, nil, sx, sy, sx-L*gx/n, sy+L*gy/n, float32(2.2*l.u), 9*l.u, colTrue)
	}
	p.Dot(dst, &v, x, y, 6.5*l.u, colBackground)
	p.Dot(dst, &v, x, y, 4.5*l.u, clr)
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
	if !isFiniteVec(s.X) {
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
func (g *Game) drawCurvature(dst *ebiten.Image, v geom.View, m runMarks, clr color.RGBA, withTruth bool) {
	l := &g.lay
	p := &g.paint
	w := float32(2 * l.u)
	axis := 0.1 * (v.XMax - v.XMin)
	if t := m.Truth; withTruth {
		p.LevelSet(dst, &v, t.Curv, t.X, t.Y, t.Level, render.Stroke{Width: w, Color: colTrue})
		if t.Curv.Kind == geom.KindIndefinite {
			p.LevelSet(dst, &v, t.Curv, t.X, t.Y, -t.Level, render.Stroke{Width: w, Color: render.Alpha(colTrue, 0.6), Dash: 5 * l.u})
		}
		if t.Curv.Kind != geom.KindPosDef {
			p.CurvatureAxes(dst, &v, t.Curv, t.X, t.Y, axis, render.Stroke{Width: float32(1.5 * l.u), Color: colTrue})
		}
	}
	e := m.Est
	p.LevelSet(dst, &v, e.Curv, e.X, e.Y, e.Level, render.Stroke{Width: w, Color: clr, Dash: 7 * l.u, Gap: 4 * l.u})
	if e.Curv.Kind == geom.KindIndefinite {
		p.CurvatureAxes(dst, &v, e.Curv, e.X, e.Y, axis, render.Stroke{Width: float32(1.5 * l.u), Color: clr})
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
