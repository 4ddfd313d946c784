package surface

import (
	"curvlab/lang"
	"image/color"
	"math"
	"strconv"

	"curvlab/app/scene"
	"curvlab/app/ui"
	"curvlab/render"
	"curvlab/render/geom"
	"curvlab/sim"
	"curvlab/sim/la"

	"github.com/hajimehoshi/ebiten/v2"
)

// panelCache keeps what a panel draws from its run between frames: the
// path as a polyline and the readout lines, rebuilt only when the run
// advanced, so a frame allocates nothing while nothing changes.
type panelCache struct {
	// path is the run's path as a polyline, extended as the run grows.
	path scene.KeptPath
	// trail is the path drawn up to iterate trailN (see Scene.trailLayer);
	// trailMoved counts the syncs that moved a point already drawn.
	trail      render.Layer[trailKey]
	trailN     int
	trailMoved int

	run    *sim.Run
	rows   int
	lang   lang.Lang // the language the lines are in
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
func (pc *panelCache) syncPath(r *sim.Run) int { return pc.path.Sync(r, surfacePoint) }

// surfacePoint is the point of a surface's iterate x.
func surfacePoint(x []float64) (float64, float64) { return x[0], x[1] }

// refresh rebuilds the readout of run r (panel k) if it advanced.
func (pc *panelCache) refresh(s *Scene, r *sim.Run, k int) {
	if pc.run == r && pc.rows == len(r.Trace) && pc.lang == lang.Current() {
		return
	}
	pc.run, pc.rows, pc.lang = r, len(r.Trace), lang.Current()
	last := r.Last()
	clr := ui.PanelColors[k%len(ui.PanelColors)]
	budget := strconv.Itoa(s.st.Scen.Steps)
	pc.lines[0] = lang.T("iter") + " " + strconv.Itoa(last.Iter) + "/" + budget + "  f " + ui.Num(last.F) + "  |g| " + ui.Num(last.GNorm)
	pc.colors[0] = ui.Ink
	ev := lang.T("step") + " " + ui.Num(last.StepLen)
	if !math.IsNaN(last.Epoch) && last.Epoch != float64(last.Iter) { // on batches (|g| is the batch's)
		ev = lang.T("epoch") + " " + ui.Num(last.Epoch) + "  " + lang.T("batch f") + " " + ui.Num(last.BatchF) + "  " + ev
	}
	if last.Alpha != 0 {
		ev += "  α " + ui.Num(last.Alpha)
	}
	if last.Radius > 0 {
		ev += "  Δ " + ui.Num(last.Radius)
	}
	ev += "  " + lang.T("evals") + " " + strconv.Itoa(last.FEvals) + "/" + strconv.Itoa(last.GEvals) + "/" + strconv.Itoa(last.HEvals)
	pc.lines[1], pc.colors[1] = ev, ui.Dim
	truth := geom.Curvature{Kind: geom.KindInvalid}
	if la.IsFinite(last.X) {
		s.st.Scen.Surface().Hess(pc.hess[:], last.X)
		truth = geom.Eigen(pc.hess)
		pc.lines[2] = lang.T("true H") + "    " + eigText(truth)
	} else {
		pc.lines[2] = lang.T("true H") + "    —"
	}
	pc.colors[2] = ui.True
	if est, ok := estimate(&last); ok {
		pc.lines[3] = curvName(last.CurvKind) + "  " + eigText(est)
	} else {
		pc.lines[3] = lang.T("no curvature model")
	}
	pc.colors[3] = clr
	pc.status, pc.stClr = scene.RunStatus(&last.Step, truth.Kind == geom.KindPosDef)
	if last.Events&sim.EventDiverged != 0 {
		pc.lines[0] = lang.F("DIVERGED at iter %d", last.Iter)
		pc.colors[0] = ui.Bad
	}
	if k < len(s.st.Scen.Methods) {
		pc.short = s.st.Scen.Methods[k].Kind.Name + ":  " + pc.lines[0]
	}
}

func curvName(k sim.CurvKind) string {
	switch k {
	case sim.CurvHessian:
		return lang.T("H used") + "  "
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
	s := "λ " + ui.Num(cv.Lmin) + ", " + ui.Num(cv.Lmax)
	switch cv.Kind {
	case geom.KindPosDef:
		s += "  κ " + ui.Num(cv.Lmax/cv.Lmin)
	case geom.KindIndefinite:
		s += "  " + lang.T("indefinite (saddle)")
	case geom.KindNegDef:
		s += "  " + lang.T("negative (maximum)")
	case geom.KindSingular:
		s += "  " + lang.T("singular")
	case geom.KindInvalid:
		s = lang.T("not a number")
	}
	return s
}

// drawReadout draws the numbers under a panel: its run's, or one line per
// run in overlay; hidden readouts (r of no height) are refreshed all the
// same, for Readout (a screen reader still hears them).
func (s *Scene) drawReadout(dst *ebiten.Image, r geom.Rect, shown runsShown) {
	l := &s.c.M
	line := (r.H - 6*l.U) / readoutLines
	if !shown.all {
		k := shown.run
		pc := &s.panels[k]
		pc.refresh(s, s.st.Runs[k], k)
		for j := 0; j < readoutLines && r.H > 0; j++ {
			s.c.Text(render.Mono, pc.lines[j], r.X+8*l.U, r.Y+4*l.U+float64(j)*line, l.Read, pc.colors[j], render.Left|render.Top)
		}
		return
	}
	for j, run := range s.st.Runs {
		if j >= readoutLines {
			break
		}
		pc := &s.panels[j]
		pc.refresh(s, run, j)
		if r.H <= 0 {
			continue
		}
		s.c.Text(render.Mono, pc.short, r.X+8*l.U, r.Y+4*l.U+float64(j)*line, l.Read, ui.PanelColors[j], render.Left|render.Top)
	}
}
