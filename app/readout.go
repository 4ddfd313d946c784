package app

import (
	"image/color"
	"strconv"

	"curvlab/render"
	"curvlab/render/geom"
	"curvlab/sim"

	"github.com/hajimehoshi/ebiten/v2"
)

// panelCache keeps what a panel draws from its run between frames: the
// path as a polyline and the readout lines, rebuilt only when the run
// advanced, so a frame allocates nothing while nothing changes.
type panelCache struct {
	// path is the run's path as a polyline, extended as the run grows.
	path keptPath
	// trail is the path drawn up to iterate trailN (see Game.trailLayer);
	// trailMoved counts the syncs that moved a point already drawn.
	trail      render.Layer[trailKey]
	trailN     int
	trailMoved int

	run    *sim.Run
	rows   int
	lines  [readoutLines]string
	colors [readoutLines]color.RGBA
	short  string // the one-line form for the overlay
	status string // converged, DIVERGED, …: shown in the panel's header
	stClr  color.RGBA
	hess   [4]float64
}

// trailKey is what a trail layer shows, apart from the iterates added to
// it since it was drawn from the start.
type trailKey struct {
	run   *sim.Run
	view  geom.View // world window and size
	u     float64   // line widths
	moved int       // panelCache.trailMoved
}

// syncPath brings pc.path up to run r's iterates and returns the index of
// its first point that changed.
func (pc *panelCache) syncPath(r *sim.Run) int { return pc.path.sync(r, surfacePoint) }

// surfacePoint is the point of a surface's iterate x.
func surfacePoint(x []float64) (float64, float64) { return x[0], x[1] }

// refresh rebuilds the readout of run r (panel k) if it advanced.
func (pc *panelCache) refresh(g *Game, r *sim.Run, k int) {
	if pc.run == r && pc.rows == len(r.Trace) {
		return
	}
	pc.run, pc.rows = r, len(r.Trace)
	s := r.Last()
	clr := panelColors[k%len(panelColors)]
	budget := strconv.Itoa(g.st.scen.Steps)
	pc.lines[0] = "iter " + strconv.Itoa(s.Iter) + "/" + budget + "  f " + num(s.F) + "  |g| " + num(s.GNorm)
	pc.colors[0] = colInk
	ev := "step " + num(s.StepLen)
	if s.Alpha != 0 {
		ev += "  α " + num(s.Alpha)
	}
	if s.Radius > 0 {
		ev += "  Δ " + num(s.Radius)
	}
	ev += "  evals " + strconv.Itoa(s.FEvals) + "/" + strconv.Itoa(s.GEvals) + "/" + strconv.Itoa(s.HEvals)
	pc.lines[1], pc.colors[1] = ev, colDim
	truth := geom.Curvature{Kind: geom.KindInvalid}
	if isFiniteVec(s.X) {
		g.st.scen.Surface().Hess(pc.hess[:], s.X)
		truth = geom.Eigen(pc.hess)
		pc.lines[2] = "true H    " + eigText(truth)
	} else {
		pc.lines[2] = "true H    —"
	}
	pc.colors[2] = colTrue
	if est, ok := estimate(&s); ok {
		pc.lines[3] = curvName(s.CurvKind) + "  " + eigText(est)
	} else {
		pc.lines[3] = "no curvature model"
	}
	pc.colors[3] = clr
	pc.status, pc.stClr = runStatus(&s.Step, truth.Kind == geom.KindPosDef)
	if s.Events&sim.EventDiverged != 0 {
		pc.lines[0] = "DIVERGED at iter " + strconv.Itoa(s.Iter)
		pc.colors[0] = colBad
	}
	if k < len(g.st.scen.Methods) {
		pc.short = g.st.scen.Methods[k].Kind.Name + ":  " + pc.lines[0]
	}
}

// runStatus is what a panel's header says about its run at step s:
// diverged, converged, or the events of the step ("" for none). minimum
// tells whether the Hessian there is positive definite: g = 0 where it is
// not is a saddle or a maximum, not a minimum.
func runStatus(s *sim.Step, minimum bool) (string, color.RGBA) {
	switch {
	case s.Events&sim.EventDiverged != 0:
		return "diverged", colBad
	case s.Events&sim.EventConverged != 0 && !minimum:
		return "stuck: not a minimum", colWarn
	case s.Events&sim.EventConverged != 0:
		return "converged", colGood
	case s.Events != 0:
		return s.Events.String(), colWarn
	}
	return "", colInk
}

func isFiniteVec(x []float64) bool {
	for _, v := range x {
		if v != v || v > 1e308 || v < -1e308 {
			return false
		}
	}
	return true
}

func curvName(k sim.CurvKind) string {
	switch k {
	case sim.CurvHessian:
		return "H used  "
	case sim.CurvB:
		return "B        "
	case sim.CurvH:
		return "(H_k)⁻¹  "
	}
	return ""
}

// eigText describes a curvature: eigenvalues, condition number, and what
// the signs mean.
func eigText(cv geom.Curvature) string {
	s := "λ " + num(cv.Lmin) + ", " + num(cv.Lmax)
	switch cv.Kind {
	case geom.KindPosDef:
		s += "  κ " + num(cv.Lmax/cv.Lmin)
	case geom.KindIndefinite:
		s += "  indefinite (saddle)"
	case geom.KindNegDef:
		s += "  negative (maximum)"
	case geom.KindSingular:
		s += "  singular"
	case geom.KindInvalid:
		s = "not a number"
	}
	return s
}

// drawReadout draws the numbers under a panel: its run's, or one line per
// run in overlay.
func (g *Game) drawReadout(dst *ebiten.Image, r geom.Rect, shown runsShown) {
	l := &g.lay
	line := (r.H - 6*l.u) / readoutLines
	if !shown.all {
		k := shown.run
		pc := &g.panels[k]
		pc.refresh(g, g.st.runs[k], k)
		for j := 0; j < readoutLines; j++ {
			g.text(render.Mono, pc.lines[j], r.X+8*l.u, r.Y+4*l.u+float64(j)*line, l.read, pc.colors[j], render.Left|render.Top)
		}
		return
	}
	for j, run := range g.st.runs {
		if j >= readoutLines {
			break
		}
		pc := &g.panels[j]
		pc.refresh(g, run, j)
		g.text(render.Mono, pc.short, r.X+8*l.u, r.Y+4*l.u+float64(j)*line, l.read, panelColors[j], render.Left|render.Top)
	}
}
