package network

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

// netSweep is a network's parameter sweep (Flags.Sweep, the scenario's
// SweepSpec; by default each panel's own step size lr from ÷ 30 to × 30):
// for each value, a run of the panel's method from the same initial
// weights, and how it ended, in two plots that take the place of the
// loss slice and the spectra while it is on: the final training loss
// (bright) and test loss (faint), and the final sharpness λmax with, when
// the sweep is of lr, the curve 2/lr, the edge of stability a run's
// sharpness settles at or under (Cohen et al. 2021). Diverged runs are
// marked at the top. The engine runs them, off the frame.
type netSweep struct {
	spec    scenario.SweepSpec
	prob    *scenario.NetProblem
	methods []sim.Spec
	steps   int
	tol     float64

	sweeps [scenario.MaxPanels]explore.Sweep
	ends   [scenario.MaxPanels][]explore.Point
	log    bool
	key    string

	loss, sharp                              render.Plot
	xs, train, test, sharps, tops, sharpTops [scenario.MaxPanels][]float64
	edgeX, edgeY                             []float64 // the curve 2/lr
	lossLayer, sharpLayer                    render.Layer[netSweepKey]
}

// netSweepKey is what the sweep's plots show.
type netSweepKey struct {
	version int // the engine's SweepVersion
	u       float64
}

// update asks the engine for the sweep and takes the points that came.
func (ns *netSweep) update(st *scene.State) {
	sc := &st.Scen
	st.Eng.SetSweep(sc.Sweep, true)
	if ns.spec != sc.Sweep || ns.prob != sc.NetProblem() || ns.steps != sc.Steps || ns.tol != sc.Tol || !slices.EqualFunc(ns.methods, sc.Methods, sim.Spec.Equal) {
		ns.spec, ns.prob, ns.steps, ns.tol, ns.methods = sc.Sweep, sc.NetProblem(), sc.Steps, sc.Tol, sc.Clone().Methods
		ns.log = sc.Sweep.Key == "" || sc.Sweep.Log
		ns.key = sc.Sweep.Key
		if ns.key == "" {
			ns.key = "lr"
		}
		for k := range ns.sweeps {
			ns.sweeps[k], _ = explore.PanelSweep(*sc, k)
		}
		ns.loss.Title, ns.sharp.Title = lang.T("sweep: final loss, bright training, faint test"), lang.T("sweep: final sharpness λmax")
		if ns.key == "lr" {
			ns.sharp.Title = lang.T("sweep: final sharpness λmax;  white: 2/lr")
		}
		ns.loss.XLabel = ns.key
		if ns.log {
			ns.loss.XLabel = "log₁₀ " + ns.key
		}
		ns.sharp.XLabel = ns.loss.XLabel
		ns.loss.LogY, ns.sharp.LogY = true, true
		ns.loss.NoLegend, ns.sharp.NoLegend = true, true
	}
	for k := range ns.ends {
		ns.ends[k] = nil
		if len(ns.sweeps[k].Values) > 0 {
			ns.ends[k] = st.Eng.Sweep(k)
		}
	}
}

// pending reports whether a sweep is not whole yet.
func (ns *netSweep) pending() bool {
	for k := range ns.sweeps {
		if len(ns.ends[k]) < len(ns.sweeps[k].Values) {
			return true
		}
	}
	return false
}

// x is where value v is on the plots' x axis.
func (ns *netSweep) x(v float64) float64 {
	if ns.log {
		return math.Log10(v)
	}
	return v
}

// draw draws the two plots, the losses into lossR and the sharpness into
// sharpR, through their layers.
func (ns *netSweep) draw(dst *ebiten.Image, s *Scene, lossR, sharpR geom.Rect) {
	key := netSweepKey{version: s.st.Eng.SweepVersion(), u: s.c.M.U}
	ns.lossLayer.Update(key, int(lossR.W), int(lossR.H), func(img *ebiten.Image) {
		ns.fill(s)
		ns.loss.Draw(img, geom.Rect{W: lossR.W, H: lossR.H})
	})
	ns.sharpLayer.Update(key, int(sharpR.W), int(sharpR.H), func(img *ebiten.Image) {
		ns.fill(s)
		ns.sharp.Draw(img, geom.Rect{W: sharpR.W, H: sharpR.H})
	})
	ns.lossLayer.Draw(dst, lossR.X, lossR.Y)
	ns.sharpLayer.Draw(dst, sharpR.X, sharpR.Y)
}

// fill builds both plots' series from the points: NaN for a diverged
// run's values, which are marked at the plot's top instead.
func (ns *netSweep) fill(s *Scene) {
	l := &s.c.M
	ui.StylePlot(&ns.loss, l.U, scene.PlotFont(l))
	ui.StylePlot(&ns.sharp, l.U, scene.PlotFont(l))
	ns.loss.Series, ns.sharp.Series = ns.loss.Series[:0], ns.sharp.Series[:0]
	hiLoss, hiSharp := 1.0, 1.0
	for k := range ns.ends {
		for _, p := range ns.ends[k] {
			if !p.Diverged() {
				hiLoss = math.Max(hiLoss, finiteOr(p.Final.F, 0))
				hiSharp = math.Max(hiSharp, finiteOr(p.Sharpness, 0))
			}
		}
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for k := range ns.ends {
		if len(ns.sweeps[k].Values) == 0 {
			continue
		}
		xs, train, test, sharps, tops := ns.xs[k][:0], ns.train[k][:0], ns.test[k][:0], ns.sharps[k][:0], ns.tops[k][:0]
		for _, p := range ns.ends[k] {
			x := ns.x(p.Value)
			lo, hi = math.Min(lo, x), math.Max(hi, x)
			f, te, sh, top := p.Final.F, p.TestLoss, p.Sharpness, math.NaN()
			if p.Diverged() {
				f, te, sh, top = math.NaN(), math.NaN(), math.NaN(), 1
			}
			xs, train, test, sharps, tops = append(xs, x), append(train, f), append(test, te), append(sharps, sh), append(tops, top)
		}
		ns.xs[k], ns.train[k], ns.test[k], ns.sharps[k], ns.tops[k] = xs, train, test, sharps, tops
		clr := ui.PanelColors[k]
		lossTop, sharpTop := ns.tops[k], ns.sharpTops[k][:0]
		for i, t := range tops { // the diverged, at each plot's top
			sharpTop = append(sharpTop, t*hiSharp*10)
			lossTop[i] = t * hiLoss * 10
		}
		ns.sharpTops[k] = sharpTop
		ns.loss.Series = append(ns.loss.Series,
			render.Series{X: xs, Y: train, Color: clr, Width: float32(2 * l.U)},
			render.Series{X: xs, Y: test, Color: render.Alpha(clr, 0.45), Width: float32(1.5 * l.U)},
			render.Series{X: xs, Y: lossTop, Color: render.Alpha(clr, 0.8), Width: float32(4 * l.U)})
		ns.sharp.Series = append(ns.sharp.Series,
			render.Series{X: xs, Y: sharps, Color: clr, Width: float32(2 * l.U)},
			render.Series{X: xs, Y: sharpTop, Color: render.Alpha(clr, 0.8), Width: float32(4 * l.U)})
	}
	if ns.key == "lr" && lo < hi { // the edge of stability, 2/lr
		ns.edgeX, ns.edgeY = ns.edgeX[:0], ns.edgeY[:0]
		for i := range 64 {
			x := lo + (hi-lo)*float64(i)/63
			lr := x
			if ns.log {
				lr = math.Pow(10, x)
			}
			ns.edgeX, ns.edgeY = append(ns.edgeX, x), append(ns.edgeY, 2/lr)
		}
		ns.sharp.Series = append(ns.sharp.Series, render.Series{X: ns.edgeX, Y: ns.edgeY, Color: render.Alpha(ui.True, 0.8), Width: float32(1.5 * l.U)})
	}
}

// finiteOr is v, or or when v is not a finite number.
func finiteOr(v, or float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return or
	}
	return v
}
