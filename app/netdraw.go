package app

import (
	"math"
	"slices"
	"strconv"
	"time"

	"curvlab/render"
	"curvlab/render/geom"
	"curvlab/sim"
	"curvlab/sim/scenario"

	"github.com/hajimehoshi/ebiten/v2"
)

// netPlots are a network scenario's plots: training (and faintly test)
// loss, sharpness with each gradient-descent panel's 2/η, the Hessian
// spectra, and the texts of the slice. Names and titles are rebuilt only
// when the runs change, so a steady frame allocates nothing.
type netPlots struct {
	loss, sharp render.Plot
	spectra     render.Spectra
	lossY       [scenario.MaxPanels][]float64
	etaX, etaY  [scenario.MaxPanels][2]float64
	marks       [scenario.MaxPanels][1]float64
	markLabels  []string
	// the spectra's title, and a shorter one for narrow plots
	spectraTitle, specShort string
	runs                    []*sim.Run
	names                   [scenario.MaxPanels]string

	// layers of the plots and of the slice
	lossLayer, sharpLayer render.Layer[seriesKey]
	spectraLayer          render.Layer[spectraKey]
	sliceLayer            render.Layer[sliceKey]

	sliceVersion, sliceLevel int
	slicePCA                 bool
	sliceWidths              [2]float64 // the widths the description and the title were fitted to
	sliceTitle, sliceNote    string
	sliceInfo                []string
	sliceTicks               axisTicks
}

// plotFont is the plots' font size before their scale u: that of the tick
// labels (12.5 logical pixels, rounded to whole device pixels), so that
// both share one face and its glyph images.
func (g *Game) plotFont() float64 { return g.lay.small / g.lay.u }

// stylePlot gives a plot the app's dark theme.
func (g *Game) stylePlot(pl *render.Plot) {
	pl.Scale = g.lay.u
	pl.FontSize = g.plotFont()
	pl.Background = colBar
	pl.Frame = colFrame
	pl.Grid = render.Alpha(colFrame, 0.5)
	pl.Ink = colInk
}

// drawNet draws a network scenario — the panels with their decision maps,
// the loss slice, the status line's background, the plots — and queues its
// text. The panels, the slice and the plots are copied from layers drawn
// again only when what they show changed.
func (g *Game) drawNet(dst *ebiten.Image) {
	l := &g.lay
	nv := &g.net
	st := g.st
	if nv.prob != st.scen.NetProblem() || !slices.Equal(nv.runs, st.runs) {
		g.netUpdate(time.Now()) // a Draw before any Update (the browser's first frame)
	}
	// As for surfaces (drawSurfaces): what changes only with the weights,
	// the slice or the plots' data is drawn into layers, again when it
	// changed, so that a paused frame copies images.
	n := min(len(st.runs), len(l.panels))
	sq, info := g.sliceRects(g.netLay.slice)
	for k := 0; k < n; k++ {
		pr := l.panels[k]
		g.flat.FillRect(dst, pr.frame, colBar)
		g.netPanelLayer(k, pr.plot).Draw(dst, pr.plot.X, pr.plot.Y)
	}
	g.flat.FillRect(dst, g.netLay.slice, colBar)
	if sq.W >= 20 {
		g.sliceLayer(sq).Draw(dst, sq.X, sq.Y)
	}
	g.flat.FillRect(dst, l.status, colBar)
	g.netPlotLayers()
	g.drawNetPlots(dst)

	for k := 0; k < n; k++ {
		pr := l.panels[k]
		pc := &nv.panels[k]
		v := nv.panelView(pr.plot)
		nv.ticks.update(v, l.u)
		g.tickLabels(pr.plot, v, &nv.ticks)
		d := math.Round(2 * l.u)
		g.flat.FillRect(dst, geom.Rect{X: pr.header.X, Y: pr.header.Y + d, W: math.Round(5 * l.u), H: pr.header.H - 2*d}, panelColors[k])
		r := pr.readout
		line := (r.H - 6*l.u) / netReadoutLines
		for j := 0; j < netReadoutLines; j++ {
			g.text(render.Mono, pc.lines[j], r.X+8*l.u, r.Y+4*l.u+float64(j)*line, l.read, pc.colors[j], render.Left|render.Top)
		}
	}
	g.drawSlice(g.netLay.slice, sq, info)
}

// netPanelLayer returns panel k's layer for plot rectangle r: its decision
// map, boundary, data points, tick marks and frame, drawn again when the
// map was recomputed or the size or scale changed.
func (g *Game) netPanelLayer(k int, r geom.Rect) *render.Layer[netPanelKey] {
	nv := &g.net
	pc := &nv.panels[k]
	v := nv.panelView(r)
	v.Screen.X, v.Screen.Y = 0, 0
	key := netPanelKey{prob: nv.prob, run: pc.run, row: pc.row, grid: pc.grid, view: v, u: g.lay.u}
	pc.layer.Update(key, int(v.Screen.W), int(v.Screen.H), func(img *ebiten.Image) {
		nv.ticks.update(v, g.lay.u)
		g.drawNetPanel(img, k, v)
	})
	return &pc.layer
}

// netPanelKey is what a network panel's layer shows.
type netPanelKey struct {
	prob *scenario.NetProblem // the data points
	run  *sim.Run
	row  int       // the decision map's and the boundary's weights
	grid geom.Grid // and where they were sampled
	view geom.View
	u    float64
}

// drawNetPanel draws panel k's decision map, boundary, data points, tick
// marks and frame in view v onto dst (its layer).
func (g *Game) drawNetPanel(dst *ebiten.Image, k int, v geom.View) {
	l := &g.lay
	nv := &g.net
	pc := &nv.panels[k]
	p := &g.paint
	pc.heat.Draw(dst, v.Screen)
	p.Clip = v.Screen
	p.Segments(dst, &v, pc.boundary.Level(0), float32(2*l.u), colTrue)
	for c := range 2 {
		p.Dots(dst, &v, nv.points[0][c], 4.2*l.u, colOutline)
		p.Dots(dst, &v, nv.points[0][c], 3*l.u, colClass[c])
		p.Rings(dst, &v, nv.points[1][c], 4*l.u, float32(2.6*l.u), colOutline)
		p.Rings(dst, &v, nv.points[1][c], 4*l.u, float32(1.4*l.u), colClass[c])
	}
	g.drawTickMarks(dst, v.Screen, v, &nv.ticks)
	p.Clip = geom.Rect{}
	p.StrokeRect(dst, v.Screen, float32(l.u), colFrame)
}

// sliceLayer returns the loss slice's layer for square sq: its picture,
// contours, projected paths, tick marks and frame, drawn again when any
// of them changed.
func (g *Game) sliceLayer(sq geom.Rect) *render.Layer[sliceKey] {
	nv := &g.net
	sl := &nv.slice
	np := &nv.plots
	key := sliceKey{version: sl.version, level: sl.level, uploaded: sl.uploaded, contours: !g.st.flags.hideContours, u: g.lay.u}
	for k, r := range g.st.runs {
		key.runs[k], key.paths[k] = r, sl.paths[k].version
	}
	np.sliceLayer.Update(key, int(sq.W), int(sq.H), func(img *ebiten.Image) { g.drawSliceShapes(img, geom.Rect{W: sq.W, H: sq.H}) })
	return &np.sliceLayer
}

// sliceKey is what the slice's layer shows.
type sliceKey struct {
	version, level int       // the plane, its grid and how fine it is
	uploaded       time.Time // the picture sent to its heatmap
	contours       bool
	runs           [scenario.MaxPanels]*sim.Run
	paths          [scenario.MaxPanels]int // keptPath versions
	u              float64
}

// netPlotLayers draws the loss, sharpness and spectra plots through their
// layers, each again when its data changed.
func (g *Game) netPlotLayers() {
	np, nr := &g.net.plots, &g.netLay
	g.netPlotNames()
	var loss, sharp seriesKey
	spec := spectraKey{u: g.lay.u}
	loss.u, sharp.u = g.lay.u, g.lay.u
	for k, r := range g.st.runs {
		tr := g.st.trackers[k]
		loss.runs[k], loss.rows[k], loss.tracked[k] = r, len(r.Trace), len(tr.TestLoss)
		sharp.runs[k], sharp.rows[k], sharp.tracked[k] = r, len(r.Trace), len(tr.Sharpness)
		spec.runs[k], spec.rows[k], spec.labels[k] = r, g.net.panels[k].specRow, g.net.panels[k].specLabel
	}
	np.lossLayer.Update(loss, int(nr.loss.W), int(nr.loss.H), func(img *ebiten.Image) {
		g.fillLossPlot()
		np.loss.Draw(img, geom.Rect{W: nr.loss.W, H: nr.loss.H})
	})
	np.sharpLayer.Update(sharp, int(nr.sharp.W), int(nr.sharp.H), func(img *ebiten.Image) {
		g.fillSharpnessPlot()
		np.sharp.Draw(img, geom.Rect{W: nr.sharp.W, H: nr.sharp.H})
	})
	np.spectraLayer.Update(spec, int(nr.spectrum.W), int(nr.spectrum.H), func(img *ebiten.Image) {
		g.fillSpectra()
		np.spectra.Draw(img, geom.Rect{W: nr.spectrum.W, H: nr.spectrum.H})
	})
}

// drawNetPlots copies the plots' layers (netPlotLayers) onto dst.
func (g *Game) drawNetPlots(dst *ebiten.Image) {
	np, nr := &g.net.plots, &g.netLay
	np.lossLayer.Draw(dst, nr.loss.X, nr.loss.Y)
	np.sharpLayer.Draw(dst, nr.sharp.X, nr.sharp.Y)
	np.spectraLayer.Draw(dst, nr.spectrum.X, nr.spectrum.Y)
}

// seriesKey is what the loss or the sharpness plot shows: per run, its
// rows (its training loss; the extent of its 2/η line) and the tracker's
// values (test loss, or sharpness). A run's method names its line and
// sets its η.
type seriesKey struct {
	runs          [scenario.MaxPanels]*sim.Run
	rows, tracked [scenario.MaxPanels]int
	u             float64
}

// spectraKey is what the spectra show: per run, the row its spectrum is
// of (netPanel.specRow) and the label of that row; the title's width is
// the layer's.
type spectraKey struct {
	runs   [scenario.MaxPanels]*sim.Run
	rows   [scenario.MaxPanels]int
	labels [scenario.MaxPanels]string
	u      float64
}

// netPlotNames sets the plots' titles and the runs' names, when the runs
// changed.
func (g *Game) netPlotNames() {
	st := g.st
	np := &g.net.plots
	if !slices.Equal(np.runs, st.runs) {
		np.runs = append(np.runs[:0], st.runs...)
		for k := range st.runs {
			np.names[k] = strconv.Itoa(k+1) + "  " + st.scen.Methods[k].String()
		}
		np.loss.Title = "loss (log scale): bright training, faint test"
		np.sharp.Title = "sharpness λmax of the Hessian;  thin: 2/η"
		np.loss.XLabel, np.sharp.XLabel = "iteration", "iteration"
		np.loss.LogY = true
		// no legends: they would hide the curves' ends, where the news
		// is; the panel headers and the spectra's rows name the colours
		np.loss.NoLegend, np.sharp.NoLegend = true, true
		np.spectraTitle = "Hessian eigenvalues at each panel's current weights (symmetric log axis; red: negative)"
		np.specShort = "Hessian eigenvalues now (red: negative)"
		np.markLabels = []string{"2/η"}
	}
}

// fillLossPlot fills the loss plot's series: each run's training loss,
// and faintly its test loss.
func (g *Game) fillLossPlot() {
	st := g.st
	np := &g.net.plots
	g.stylePlot(&np.loss)
	np.loss.Series = np.loss.Series[:0]
	for k, r := range st.runs {
		clr := panelColors[k]
		ys := np.lossY[k][:0]
		for s := range r.Trace {
			ys = append(ys, r.Trace[s].F)
		}
		np.lossY[k] = ys
		np.loss.Series = append(np.loss.Series,
			render.Series{Y: st.trackers[k].TestLoss, Color: render.Alpha(clr, 0.45), Width: float32(1.2 * g.lay.u)},
			render.Series{Y: ys, Color: clr, Name: np.names[k], Width: float32(2 * g.lay.u)})
	}
}

// fillSharpnessPlot fills the sharpness plot's series: each run's
// sharpness, and for gradient descent the line at 2/η.
func (g *Game) fillSharpnessPlot() {
	st := g.st
	np := &g.net.plots
	g.stylePlot(&np.sharp)
	np.sharp.Series = np.sharp.Series[:0]
	for k, r := range st.runs {
		clr := panelColors[k]
		np.sharp.Series = append(np.sharp.Series, render.Series{Y: st.trackers[k].Sharpness, Color: clr, Width: float32(2 * g.lay.u)})
		if eta := lrOf(st.scen.Methods[k]); eta > 0 {
			np.etaX[k] = [2]float64{0, float64(max(1, len(r.Trace)-1))}
			np.etaY[k] = [2]float64{2 / eta, 2 / eta}
			np.sharp.Series = append(np.sharp.Series, render.Series{X: np.etaX[k][:], Y: np.etaY[k][:],
				Color: render.Alpha(clr, 0.7), Width: float32(g.lay.u)})
		}
	}
}

// fillSpectra fills the spectra's rows: each panel's Hessian eigenvalues
// once computed, with 2/η marked for gradient descent.
func (g *Game) fillSpectra() {
	st := g.st
	nv := &g.net
	np := &nv.plots
	np.spectra.Rows = np.spectra.Rows[:0]
	for k := range st.runs {
		row := render.SpectrumRow{Vals: nv.panels[k].eig, Color: panelColors[k], Label: nv.panels[k].specLabel}
		if eta := lrOf(st.scen.Methods[k]); eta > 0 {
			np.marks[k][0] = 2 / eta
			row.Marks, row.MarkLabels = np.marks[k][:], np.markLabels
		}
		if nv.panels[k].specRow >= 0 {
			np.spectra.Rows = append(np.spectra.Rows, row)
		}
	}
	nr := &g.netLay
	sp := &np.spectra
	sp.Title = np.spectraTitle
	if render.TextWidth(render.Sans, sp.Title, g.lay.small) > nr.spectrum.W-16*g.lay.u {
		sp.Title = np.specShort
	}
	sp.Scale, sp.FontSize = g.lay.u, g.plotFont()
	sp.Background, sp.Frame, sp.Grid, sp.Ink, sp.Neg = colBar, colFrame, render.Alpha(colFrame, 0.5), colInk, colBad
}

// sliceRects returns where the loss slice's square goes in r and whether
// its description fits beside it.
func (g *Game) sliceRects(r geom.Rect) (sq geom.Rect, info bool) {
	l := &g.lay
	line := math.Round(1.35 * l.small)
	side := math.Max(0, math.Min(r.W-16*l.u, r.H-2*line-12*l.u))
	side = math.Floor(side)
	sq = geom.Rect{X: math.Round(r.X + 8*l.u), Y: math.Round(r.Y + 2*line + 6*l.u), W: side, H: side}
	info = r.W-side-24*l.u > 170*l.u
	if !info {
		sq.X = math.Round(r.X + (r.W-side)/2)
	}
	return sq, info // whole pixels: its layer is copied pixel for pixel
}

// drawSlice queues the texts of the loss slice in r (its title and note,
// its description beside square sq when info, its tick labels), fitted
// again when the slice or the widths changed; its shapes are in its layer.
func (g *Game) drawSlice(r, sq geom.Rect, info bool) {
	l := &g.lay
	nv := &g.net
	sl := &nv.slice
	np := &nv.plots
	st := g.st
	line := math.Round(1.35 * l.small)
	if sq.W < 20 {
		return
	}
	widths := [2]float64{r.X + r.W - (sq.X + sq.W + 14*l.u) - 6*l.u, r.W - 16*l.u} // info, title
	if np.sliceVersion != sl.version || np.sliceLevel != sl.level || np.slicePCA != st.flags.pca || np.sliceWidths != widths {
		np.sliceVersion, np.sliceLevel, np.slicePCA, np.sliceWidths = sl.version, sl.level, st.flags.pca, widths
		g.sliceTexts(widths[0], widths[1])
	}
	v := geom.View{XMin: sl.grid.XMin, XMax: sl.grid.XMax, YMin: sl.grid.YMin, YMax: sl.grid.YMax, Screen: sq}
	np.sliceTicks.update(v, l.u)
	g.tickLabels(sq, v, &np.sliceTicks)
	g.text(render.Sans, np.sliceTitle, r.X+8*l.u, r.Y+4*l.u, l.small, colInk, render.Left|render.Top)
	g.text(render.Sans, np.sliceNote, r.X+8*l.u, r.Y+4*l.u+line, l.small, colDim, render.Left|render.Top)
	if info {
		x, y := sq.X+sq.W+14*l.u, sq.Y+2*l.u
		for _, s := range np.sliceInfo {
			g.text(render.Sans, s, x, y, l.small, colDim, render.Left|render.Top)
			y += line
		}
	}
}

// drawSliceShapes draws the loss slice's picture, contours, projected
// paths, tick marks and frame in square sq of dst (its layer).
func (g *Game) drawSliceShapes(dst *ebiten.Image, sq geom.Rect) {
	l := &g.lay
	sl := &g.net.slice
	np := &g.net.plots
	st := g.st
	sl.heat.Draw(dst, sq)
	v := geom.View{XMin: sl.grid.XMin, XMax: sl.grid.XMax, YMin: sl.grid.YMin, YMax: sl.grid.YMax, Screen: sq}
	p := &g.paint
	p.Clip = sq
	if !st.flags.hideContours {
		for k := range sl.levels {
			p.Segments(dst, &v, sl.contours.Level(k), float32(l.u), render.Alpha(colTrue, 0.3))
		}
	}
	for k := range st.runs {
		if k >= len(sl.paths) || len(sl.paths[k].pts) < 2 {
			continue
		}
		pts := sl.paths[k].pts
		clr := panelColors[k]
		p.Polyline(dst, &v, pts, float32(1.6*l.u), render.Alpha(clr, 0.85))
		p.Dot(dst, &v, pts[len(pts)-2], pts[len(pts)-1], 5*l.u, colBackground)
		p.Dot(dst, &v, pts[len(pts)-2], pts[len(pts)-1], 3.5*l.u, clr)
	}
	p.Ring(dst, &v, 0, 0, 6*l.u, float32(2*l.u), colTrue)
	np.sliceTicks.update(v, l.u)
	p.Clip = geom.Rect{}
	g.drawTickMarks(dst, sq, v, &np.sliceTicks)
	p.StrokeRect(dst, sq, float32(l.u), colFrame)
}

// sliceTexts rebuilds the slice's title and notes, shortened to width
// head, and the description beside it, shortened to width w.
func (g *Game) sliceTexts(w, head float64) {
	sl := &g.net.slice
	np := &g.net.plots
	np.sliceTitle = "Training loss on a plane through the start"
	axes := "axes a, b: the top two Hessian eigenvectors at the start"
	what := "their eigenvalues " + num(sl.lam[0]) + " and " + num(sl.lam[1])
	if sl.kind == planePCA {
		axes = "axes a, b: the paths' first two principal components"
		what = "variance along them " + num(sl.lam[0]) + ", " + num(sl.lam[1])
	}
	np.sliceNote = glyphSafe.Replace(axes)
	progress := "grid " + strconv.Itoa(sliceN) + "² done"
	if !sl.complete() {
		progress = "computing the " + strconv.Itoa(sliceN/sliceSteps[sl.level]) + "² grid…"
	}
	other := "B: slice along the principal components instead"
	if g.st.flags.pca {
		other = "B: slice along the Hessian eigenvectors instead"
	}
	if g.st.flags.pca && sl.kind == planeHessian {
		other = "principal components: waiting for the paths"
	}
	np.sliceInfo = append(np.sliceInfo[:0],
		glyphSafe.Replace(what),
		"white ring: the start;  dots: where each method is",
		"lines: each method's path, projected",
		"contours: levels of the loss (C hides them)",
		progress,
		other,
	)
	for i, s := range np.sliceInfo {
		np.sliceInfo[i] = fitText(s, g.lay.small, w)
	}
	np.sliceTitle = fitText(np.sliceTitle, g.lay.small, head)
	np.sliceNote = fitText(np.sliceNote, g.lay.small, head)
}
