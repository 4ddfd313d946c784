package surface

import (
	"curvlab/lang"
	"math"
	"slices"

	"curvlab/app/scene"
	"curvlab/app/ui"
	"curvlab/render"
	"curvlab/render/geom"
	"curvlab/sim"
	"curvlab/sim/explore"
	"curvlab/sim/scenario"

	"github.com/hajimehoshi/ebiten/v2"
)

// sweepPlot is the parameter sweep (Flags.Sweep, set by the scenario's
// SweepSpec): for each panel whose method has the parameter, the final
// f − f* of a run from the start for each value of it, against the value
// (its log₁₀ for a log sweep), the runs that diverged marked at the top,
// and the method's stability line at the start (explore.StabilityLines)
// as a vertical line. By default each panel sweeps its own step size lr
// from its value ÷ 30 to × 30 in DefaultSweepValues log-spaced values.
// The engine runs the sweeps, off the frame (engine.Client.SetSweep).
type sweepPlot struct {
	pl render.Plot

	// what the sweeps are for
	methods []sim.Spec
	start   []float64
	surfV   int
	steps   int
	tol     float64
	spec    scenario.SweepSpec
	xLabel  string
	log     bool // the values are log spaced: the x axis is their log₁₀

	sweeps [scenario.MaxPanels]explore.Sweep // zero Values: none for the panel
	ends   [scenario.MaxPanels][]explore.Point
	lines  [scenario.MaxPanels][2]float64 // the stability line's log₁₀ lr, NaN for none
	hess   [4]float64
	done   int // counts the points computed (the layer's key)

	xs, ys, tops [scenario.MaxPanels][]float64
	vx, vy       [scenario.MaxPanels][2]float64

	layer render.Layer[sweepKey]
}

type sweepKey struct {
	done int
	u    float64
	lang lang.Lang // the title's
}

// update asks the engine for the sweep of the scenario's SweepSpec (it
// runs them off the frame, and again from the start when the scenario
// changes) and takes the points that came; the values, the axis and the
// stability lines are worked out again when the scenario or the sweep
// changed.
func (sp *sweepPlot) update(st *scene.State) {
	sc := &st.Scen
	st.Eng.SetSweep(sc.Sweep, true)
	if sp.surfV != st.SurfaceVersion || sp.spec != sc.Sweep || sp.steps != sc.Steps || sp.tol != sc.Tol || !slices.Equal(sp.start, sc.Start) ||
		!slices.EqualFunc(sp.methods, sc.Methods, sim.Spec.Equal) {
		sp.reset(st)
	}
	for k := range sp.ends {
		sp.ends[k] = nil
		if len(sp.sweeps[k].Values) > 0 {
			sp.ends[k] = st.Eng.Sweep(k)
		}
	}
	sp.done = st.Eng.SweepVersion()
}

// reset works out each panel's sweep (explore.PanelSweep): its values,
// the axis, and the method's stability line at the start.
func (sp *sweepPlot) reset(st *scene.State) {
	sc := &st.Scen
	sp.surfV, sp.steps, sp.tol, sp.start, sp.spec = st.SurfaceVersion, sc.Steps, sc.Tol, slices.Clone(sc.Start), sc.Sweep
	sp.methods = sc.Clone().Methods
	sp.log = sc.Sweep.Key == "" || sc.Sweep.Log
	key := sc.Sweep.Key
	if key == "" {
		key = "lr"
	}
	sp.xLabel = key
	if sp.log {
		sp.xLabel = "log₁₀ " + key
	}
	for k := range sp.sweeps {
		sp.sweeps[k], sp.lines[k] = explore.Sweep{}, [2]float64{math.NaN(), math.NaN()}
		s, ok := explore.PanelSweep(*sc, k)
		if !ok {
			continue // the panel's method has no such parameter: no sweep for it
		}
		sp.sweeps[k] = s
		sc.Surface().Hess(sp.hess[:], sc.Start)
		for _, v := range explore.StabilityLines(sc.Methods[k], key, geom.Eigen(sp.hess).Lmax) {
			sp.lines[k] = [2]float64{sp.x(v), v}
		}
	}
}

// x is where value v of the parameter swept is on the plot's x axis.
func (sp *sweepPlot) x(v float64) float64 {
	if sp.log {
		return math.Log10(v)
	}
	return v
}

// pending reports whether some sweep is not whole yet.
func (sp *sweepPlot) pending() bool {
	for k := range sp.sweeps {
		if len(sp.ends[k]) < len(sp.sweeps[k].Values) {
			return true
		}
	}
	return false
}

// draw draws the plot into r through its layer, drawn again when points
// came.
func (sp *sweepPlot) draw(dst *ebiten.Image, s *Scene, r geom.Rect) {
	if r.W <= 0 {
		return
	}
	sp.layer.Update(sweepKey{done: sp.done, u: s.c.M.U, lang: lang.Current()}, int(r.W), int(r.H), func(img *ebiten.Image) { sp.drawPlot(img, s, geom.Rect{W: r.W, H: r.H}) })
	sp.layer.Draw(dst, r.X, r.Y)
}

// drawPlot fills the series: f − f* (f where the surface knows no
// minimum) at each log₁₀ lr, the diverged at the plot's top, and each
// stability line from bottom to top.
func (sp *sweepPlot) drawPlot(dst *ebiten.Image, s *Scene, r geom.Rect) {
	l := &s.c.M
	fstar, known := s.surface.fstar, s.surface.fknown
	lo, hi := math.Inf(1), math.Inf(-1)
	for k := range sp.ends {
		for _, p := range sp.ends[k] {
			if f := p.Final.F - fstar*b2f(known); !p.Diverged() && f > 0 && !math.IsInf(f, 0) {
				lo, hi = math.Min(lo, f), math.Max(hi, f)
			}
		}
	}
	if !(hi >= lo) {
		lo, hi = 1e-16, 1
	}
	top := hi * 100
	sp.pl.Title, sp.pl.XLabel, sp.pl.LogY = lang.T("sweep: final f − f*"), sp.xLabel, true
	sp.pl.NoLegend = true // the plot of f above names the colours
	sp.pl.YMin, sp.pl.YMax = math.Max(lo/10, 1e-300), top*10
	ui.StylePlot(&sp.pl, l.U, scene.PlotFont(l))
	sp.pl.Series = sp.pl.Series[:0]
	for k := range sp.ends {
		if len(sp.sweeps[k].Values) == 0 {
			continue
		}
		xs, ys, tops := sp.xs[k][:0], sp.ys[k][:0], sp.tops[k][:0]
		for _, p := range sp.ends[k] {
			f, t := p.Final.F-fstar*b2f(known), math.NaN()
			if p.Diverged() {
				f, t = math.NaN(), top
			}
			xs, ys, tops = append(xs, sp.x(p.Value)), append(ys, f), append(tops, t)
		}
		sp.xs[k], sp.ys[k], sp.tops[k] = xs, ys, tops
		clr := ui.PanelColors[k%len(ui.PanelColors)]
		sp.pl.Series = append(sp.pl.Series, render.Series{X: xs, Y: ys, Color: clr, Name: sp.methods[k].String()},
			render.Series{X: xs, Y: tops, Color: render.Alpha(clr, 0.8), Width: float32(4 * l.U)})
		if x := sp.lines[k][0]; !math.IsNaN(x) {
			sp.vx[k], sp.vy[k] = [2]float64{x, x}, [2]float64{sp.pl.YMin, sp.pl.YMax}
			sp.pl.Series = append(sp.pl.Series, render.Series{X: sp.vx[k][:], Y: sp.vy[k][:], Color: render.Alpha(clr, 0.5)})
		}
	}
	sp.pl.Draw(dst, r)
}

// b2f is 1 for true, 0 for false.
func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
