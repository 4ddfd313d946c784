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
	"curvlab/sim/scenario"
	"curvlab/sim/surfaces"

	"github.com/hajimehoshi/ebiten/v2"
)

// fPlot is the plot of f − f* (log scale) against iteration, one line per
// panel in the panel's colour; f itself on a linear scale when the surface
// has no known minimum. A panel on batches adds, thin and faint beneath,
// each step's batch loss (less f*; where that is not above 0 the log
// axis has no place for it).
type fPlot struct {
	pl      render.Plot
	ys      [scenario.MaxPanels][]float64
	batchYs [scenario.MaxPanels][]float64
	batched [scenario.MaxPanels]bool
	runs    []*sim.Run // the runs the names below are for
	names   [scenario.MaxPanels]string
	fstar   float64
	known   bool

	layer render.Layer[fPlotKey]
}

// fPlotKey is what the f plot shows (the runs' methods name the lines).
type fPlotKey struct {
	rows  [scenario.MaxPanels]int
	runs  [scenario.MaxPanels]*sim.Run
	u     float64
	fstar float64
	known bool
	lang  lang.Lang // the axis's label's
}

// draw draws the plot into r (whole pixels) through its layer, which is
// drawn again only when the runs advanced or changed.
func (fp *fPlot) draw(dst *ebiten.Image, s *Scene, r geom.Rect) {
	if r.W <= 0 { // hidden
		return
	}
	key := fPlotKey{u: s.c.M.U, fstar: s.surface.fstar, known: s.surface.fknown, lang: lang.Current()}
	for k, run := range s.st.Runs {
		key.runs[k], key.rows[k] = run, len(run.Trace)
	}
	fp.layer.Update(key, int(r.W), int(r.H), func(img *ebiten.Image) { fp.drawPlot(img, s, geom.Rect{W: r.W, H: r.H}) })
	fp.layer.Draw(dst, r.X, r.Y)
}

// drawPlot fills the series and draws the plot into r of dst.
func (fp *fPlot) drawPlot(dst *ebiten.Image, s *Scene, r geom.Rect) {
	st := s.st
	l := &s.c.M
	fstar, known := s.surface.fstar, s.surface.fknown
	if !slices.Equal(fp.runs, st.Runs) || fp.fstar != fstar || fp.known != known {
		fp.fstar, fp.known = fstar, known
		fp.runs = append(fp.runs[:0], st.Runs...)
		n := st.Scen.Points()
		for i := range st.Runs {
			fp.names[i] = st.Scen.Methods[i].String()
			b := sim.BatchOf(st.Scen.Methods[i])
			fp.batched[i] = b > 0 && b < n
		}
		if known {
			fp.pl.Title, fp.pl.YLabel = "f − f*  (f* = "+ui.Num(fstar)+")", ""
		} else {
			fp.pl.Title, fp.pl.YLabel = "f", ""
		}
	}
	fp.pl.XLabel = lang.T("iteration")
	fp.pl.LogY = known
	ui.StylePlot(&fp.pl, l.U, scene.PlotFont(l))
	fp.pl.Series = fp.pl.Series[:0]
	shift := 0.0
	if known {
		shift = fstar
	}
	for i, run := range st.Runs {
		fp.ys[i] = rowValues(fp.ys[i][:0], run, func(s *sim.Step) float64 { return s.F - shift })
		if fp.batched[i] {
			fp.batchYs[i] = rowValues(fp.batchYs[i][:0], run, func(s *sim.Step) float64 { return s.BatchF - shift })
			fp.pl.Series = append(fp.pl.Series, render.Series{Y: fp.batchYs[i], Color: render.Alpha(ui.PanelColors[i], 0.3), Width: float32(0.8 * l.U)})
		}
		fp.pl.Series = append(fp.pl.Series, render.Series{Y: fp.ys[i], Color: ui.PanelColors[i], Name: fp.names[i]})
	}
	fp.pl.Draw(dst, r)
}

// rowValues appends v of each of run's rows to dst.
func rowValues(dst []float64, run *sim.Run, v func(*sim.Step) float64) []float64 {
	for k := range run.Trace {
		dst = append(dst, v(&run.Trace[k]))
	}
	return dst
}

// globalMin returns the value of the global minimum among minima, if any.
func globalMin(minima []surfaces.Minimum) (float64, bool) {
	best, ok := math.Inf(1), false
	for _, m := range minima {
		if m.Global && m.F < best {
			best, ok = m.F, true
		}
	}
	return best, ok
}
