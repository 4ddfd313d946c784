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
	"curvlab/sim/la"
	"curvlab/sim/scenario"

	"github.com/hajimehoshi/ebiten/v2"
)

// curvPlot is the curvature-learning plot: for each panel whose method
// keeps a curvature model, its relative error against the true Hessian at
// each iterate, ‖B_k − ∇²f(x_k)‖_F / ‖∇²f(x_k)‖_F (sim.CurvError; B_k =
// H_k⁻¹ for inverse forms), on a log scale. An error below curvFloor
// (a model that is the Hessian to rounding: SR1's on a quadratic from its
// second step) is drawn at the floor.
//
// With Flags.Eigen it shows instead the eigenvalues themselves: each
// model's two, |λ| of B_k, in the panel's colour, and beside them the true
// Hessian's at the same iterates, |λ| of ∇²f(x_k), in white, so that the
// student sees which of the two curvatures a method has learned and when.
type curvPlot struct {
	pl   render.Plot
	errs [scenario.MaxPanels][]float64 // the errors of each run's rows so far
	// The magnitudes of the eigenvalues of each run's rows so far, the
	// larger and the smaller: the model's (NaN without one) and the true
	// Hessian's.
	modelHi, modelLo, trueHi, trueLo [scenario.MaxPanels][]float64
	runs                             [scenario.MaxPanels]*sim.Run // the runs errs are for
	names                            [scenario.MaxPanels]string
	hess                             [4]float64
	work                             []float64

	layer render.Layer[curvPlotKey]
}

// curvFloor is the smallest error drawn: about the rounding of a 2×2
// model's entries.
const curvFloor = 1e-16

// curvPlotKey is what the plot shows.
type curvPlotKey struct {
	rows    [scenario.MaxPanels]int
	runs    [scenario.MaxPanels]*sim.Run
	version int
	u       float64
	eigen   bool
	lang    lang.Lang // the title's and the axis's
}

// models reports whether any run's method keeps a curvature model (the
// plot is shown only then).
func models(st *scene.State) bool {
	for _, r := range st.Runs {
		if r.Trace[0].CurvKind != sim.CurvNone {
			return true
		}
	}
	return false
}

// draw draws the plot into r through its layer, drawn again when a run
// advanced or changed.
func (cp *curvPlot) draw(dst *ebiten.Image, s *Scene, r geom.Rect) {
	if r.W <= 0 {
		return
	}
	key := curvPlotKey{u: s.c.M.U, version: s.st.SurfaceVersion, eigen: s.st.Flags.Eigen, lang: lang.Current()}
	for k, run := range s.st.Runs {
		key.runs[k], key.rows[k] = run, len(run.Trace)
	}
	cp.layer.Update(key, int(r.W), int(r.H), func(img *ebiten.Image) { cp.drawPlot(img, s, geom.Rect{W: r.W, H: r.H}) })
	cp.layer.Draw(dst, r.X, r.Y)
}

// update brings each run's errors up to its rows.
func (cp *curvPlot) update(st *scene.State) {
	if cp.work == nil {
		cp.work = make([]float64, sim.CurvErrorWork(2))
	}
	surf := st.Scen.Surface()
	for k, r := range st.Runs {
		if cp.runs[k] != r {
			cp.runs[k], cp.errs[k] = r, cp.errs[k][:0]
			cp.modelHi[k], cp.modelLo[k], cp.trueHi[k], cp.trueLo[k] = cp.modelHi[k][:0], cp.modelLo[k][:0], cp.trueHi[k][:0], cp.trueLo[k][:0]
			cp.names[k] = st.Scen.Methods[k].String()
		}
		for i := len(cp.errs[k]); i < len(r.Trace); i++ {
			row := r.Row(i)
			e, mhi, mlo, thi, tlo := math.NaN(), math.NaN(), math.NaN(), math.NaN(), math.NaN()
			if row.CurvKind != sim.CurvNone && la.IsFinite(row.X) {
				surf.Hess(cp.hess[:], row.X)
				e = max(curvFloor, sim.CurvError(row.Curv, row.CurvKind, cp.hess[:], 2, cp.work))
				thi, tlo = eigenMagnitudes(cp.hess)
				if b, ok := modelHessian(&row); ok {
					mhi, mlo = eigenMagnitudes(b)
				}
			}
			cp.errs[k] = append(cp.errs[k], e)
			cp.modelHi[k], cp.modelLo[k] = append(cp.modelHi[k], mhi), append(cp.modelLo[k], mlo)
			cp.trueHi[k], cp.trueLo[k] = append(cp.trueHi[k], thi), append(cp.trueLo[k], tlo)
		}
	}
}

// eigenMagnitudes are the larger and the smaller |λ| of the symmetric 2×2
// matrix b, the smallest drawn at curvFloor (a log plot has no 0).
func eigenMagnitudes(b [4]float64) (hi, lo float64) {
	c := geom.Eigen(b)
	a, d := math.Abs(c.Lmax), math.Abs(c.Lmin)
	return max(curvFloor, a, d), max(curvFloor, min(a, d))
}

// drawPlot draws the series into r of dst.
func (cp *curvPlot) drawPlot(dst *ebiten.Image, s *Scene, r geom.Rect) {
	st := s.st
	l := &s.c.M
	cp.update(st)
	if st.Flags.Eigen {
		cp.drawEigen(dst, s, r)
		return
	}
	// A fixed range: the errors span many decades, and a model that is
	// the Hessian to rounding sits at the floor.
	cp.pl.Title, cp.pl.XLabel, cp.pl.LogY = "|B − H| / |H|", lang.T("iteration"), true
	cp.pl.YMin, cp.pl.YMax = curvFloor/10, 1e3
	cp.pl.NoLegend = true // the plot of f names the panels' colours
	ui.StylePlot(&cp.pl, l.U, scene.PlotFont(l))
	cp.pl.Series = cp.pl.Series[:0]
	for k := range st.Runs {
		if !slices.ContainsFunc(cp.errs[k], func(e float64) bool { return e > 0 }) {
			continue // no model
		}
		cp.pl.Series = append(cp.pl.Series, render.Series{Y: cp.errs[k], Color: ui.PanelColors[k], Name: cp.names[k]})
	}
	cp.pl.Draw(dst, r)
}

// drawEigen draws the eigenvalues' magnitudes, the models' in the panels'
// colours and the true Hessian's, at the same iterates, in white: where a
// colour meets the white, the model has learned that curvature.
func (cp *curvPlot) drawEigen(dst *ebiten.Image, s *Scene, r geom.Rect) {
	st := s.st
	l := &s.c.M
	cp.pl.Title, cp.pl.XLabel, cp.pl.LogY = lang.T("|λ| of B (colour), of H (white)"), lang.T("iteration"), true
	cp.pl.YMin, cp.pl.YMax = 0, 0 // fitted: eigenvalues have the surface's own scale
	cp.pl.NoLegend = true
	ui.StylePlot(&cp.pl, l.U, scene.PlotFont(l))
	cp.pl.Series = cp.pl.Series[:0]
	truth := render.Alpha(ui.True, 0.7)
	for k := range st.Runs {
		if !slices.ContainsFunc(cp.errs[k], func(e float64) bool { return e > 0 }) {
			continue // no model
		}
		clr := ui.PanelColors[k]
		cp.pl.Series = append(cp.pl.Series,
			render.Series{Y: cp.trueHi[k], Color: truth, Width: float32(3.5 * l.U)},
			render.Series{Y: cp.trueLo[k], Color: truth, Width: float32(3.5 * l.U)},
			render.Series{Y: cp.modelHi[k], Color: clr, Name: cp.names[k]},
			render.Series{Y: cp.modelLo[k], Color: clr})
	}
	cp.pl.Draw(dst, r)
}
