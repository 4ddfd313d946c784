package network

import (
	"curvlab/lang"
	"math"
	"slices"
	"strconv"
	"time"

	"curvlab/app/scene"
	"curvlab/app/ui"
	"curvlab/render"
	"curvlab/render/geom"
	"curvlab/sim"
	"curvlab/sim/nn"
	"curvlab/sim/scenario"

	"github.com/hajimehoshi/ebiten/v2"
)

// netPlots are a network scenario's plots: training (and faintly test)
// loss, sharpness with each panel's stability line (sharpLine), the Hessian
// spectra, and the texts of the slice. Names and titles are rebuilt only
// when the runs change, so a steady frame allocates nothing.
type netPlots struct {
	loss, sharp render.Plot
	spectra     render.Spectra
	lossY       [scenario.MaxPanels][]float64
	batchY      [scenario.MaxPanels][]float64 // each step's batch loss, for the runs on batches
	batched     [scenario.MaxPanels]bool      // the run trains on batches
	etaX, etaY  [scenario.MaxPanels][2]float64
	etaCurve    [scenario.MaxPanels][]float64 // a scheduled step's line, row by row
	marks       [scenario.MaxPanels][1]float64
	markLabels  [scenario.MaxPanels][1]string // each panel's line's formula
	// the spectra's title, and a shorter one for narrow plots
	spectraTitle, specShort string
	runs                    []*sim.Run
	lang                    lang.Lang // the language the titles are in
	names                   [scenario.MaxPanels]string

	// layers of the plots and of the slice
	lossLayer, sharpLayer render.Layer[seriesKey]
	spectraLayer          render.Layer[spectraKey]
	sliceLayer            render.Layer[sliceKey]

	sliceVersion, sliceLevel int
	slicePCA                 bool
	sliceWidths              [2]float64 // the widths the description and the title were fitted to
	sliceLang                lang.Lang
	sliceTitle, sliceNote    string
	sliceInfo                []string
	sliceTicks               ui.AxisTicks
}

// drawNet draws a network scenario — the panels with their decision maps,
// the loss slice, the plots — and queues its
// text. The panels, the slice and the plots are copied from layers drawn
// again only when what they show changed.
func (s *Scene) drawNet(dst *ebiten.Image, panels []ui.PanelRects) {
	l := &s.c.M
	nv := &s.netView
	st := s.st
	if nv.prob != st.Scen.NetProblem() || !slices.Equal(nv.runs, st.Runs) {
		s.netUpdate(panels, time.Now()) // a Draw before any Update (the browser's first frame)
	}
	// As for surfaces (drawSurfaces): what changes only with the weights,
	// the slice or the plots' data is drawn into layers, again when it
	// changed, so that a paused frame copies images.
	n := min(len(st.Runs), len(panels))
	sq, info := s.sliceRects(s.rects.slice)
	for k := 0; k < n; k++ {
		pr := panels[k]
		s.c.Flat.FillRect(dst, pr.Frame, ui.Bar)
		s.netPanelLayer(k, pr.Plot).Draw(dst, pr.Plot.X, pr.Plot.Y)
	}
	sweeping := st.Flags.Sweep
	plots := s.rects.loss.W > 0 // not hidden
	if plots {
		s.c.Flat.FillRect(dst, s.rects.slice, ui.Bar)
		if sq.W >= 20 && !sweeping {
			s.sliceLayer(sq).Draw(dst, sq.X, sq.Y)
		}
		s.netPlotLayers()
		s.drawNetPlots(dst, sweeping)
		if sweeping { // in place of the spectra and the slice
			s.sweep.draw(dst, s, s.rects.spectrum, s.rects.slice)
		}
	}

	for k := 0; k < n; k++ {
		pr := panels[k]
		pc := &nv.panels[k]
		v := nv.panelView(pr.Plot)
		nv.ticks.Update(v, l.U)
		nv.ticks.Labels(s.c, pr.Plot, v)
		d := math.Round(2 * l.U)
		s.c.Flat.FillRect(dst, geom.Rect{X: pr.Header.X, Y: pr.Header.Y + d, W: math.Round(5 * l.U), H: pr.Header.H - 2*d}, ui.PanelColors[k])
		r := pr.Readout
		line := (r.H - 6*l.U) / netReadoutLines
		for j := 0; j < netReadoutLines && r.H > 0; j++ {
			s.c.Text(render.Mono, pc.lines[j], r.X+8*l.U, r.Y+4*l.U+float64(j)*line, l.Read, pc.colors[j], render.Left|render.Top)
		}
	}
	if !sweeping && plots {
		s.drawSlice(s.rects.slice, sq, info)
	}
}

// netPanelLayer returns panel k's layer for plot rectangle r: its decision
// map, boundary, data points, tick marks and frame, drawn again when the
// map was recomputed or the size or scale changed.
func (s *Scene) netPanelLayer(k int, r geom.Rect) *render.Layer[netPanelKey] {
	nv := &s.netView
	pc := &nv.panels[k]
	v := nv.panelView(r)
	v.Screen.X, v.Screen.Y = 0, 0
	key := netPanelKey{prob: nv.prob, run: pc.run, row: pc.mapRow, grid: pc.grid, view: v, u: s.c.M.U}
	pc.layer.Update(key, int(v.Screen.W), int(v.Screen.H), func(img *ebiten.Image) {
		nv.ticks.Update(v, s.c.M.U)
		s.drawNetPanel(img, k, v)
	})
	return &pc.layer
}

// netPanelKey is what a network panel's layer shows.
type netPanelKey struct {
	prob *scenario.NetProblem // the data points
	run  *sim.Run
	row  rowRef    // the decision map's and the boundary's weights
	grid geom.Grid // and where they were sampled
	view geom.View
	u    float64
}

// drawNetPanel draws panel k's decision map, boundary, data points, tick
// marks and frame in view v onto dst (its layer).
func (s *Scene) drawNetPanel(dst *ebiten.Image, k int, v geom.View) {
	l := &s.c.M
	nv := &s.netView
	pc := &nv.panels[k]
	p := &s.c.Paint
	pc.heat.Draw(dst, v.Screen)
	p.Clip = v.Screen
	p.Segments(dst, &v, pc.boundary.Level(0), float32(2*l.U), ui.True)
	for c := range 2 {
		p.Dots(dst, &v, nv.points[0][c], 4.2*l.U, colOutline)
		p.Dots(dst, &v, nv.points[0][c], 3*l.U, colClass[c])
		p.Rings(dst, &v, nv.points[1][c], 4*l.U, float32(2.6*l.U), colOutline)
		p.Rings(dst, &v, nv.points[1][c], 4*l.U, float32(1.4*l.U), colClass[c])
	}
	nv.ticks.Marks(s.c, dst, v.Screen, v)
	p.Clip = geom.Rect{}
	p.StrokeRect(dst, v.Screen, float32(l.U), ui.Frame)
}

// sliceLayer returns the loss slice's layer for square sq: its picture,
// contours, projected paths, tick marks and frame, drawn again when any
// of them changed.
func (s *Scene) sliceLayer(sq geom.Rect) *render.Layer[sliceKey] {
	nv := &s.netView
	sl := &nv.slice
	np := &nv.plots
	key := sliceKey{version: sl.version, level: sl.cells.Level(), uploaded: sl.uploaded, contours: !s.st.Flags.HideContours, u: s.c.M.U}
	for k, r := range s.st.Runs {
		key.runs[k], key.paths[k] = r, sl.paths[k].Version
	}
	np.sliceLayer.Update(key, int(sq.W), int(sq.H), func(img *ebiten.Image) { s.drawSliceShapes(img, geom.Rect{W: sq.W, H: sq.H}) })
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
func (s *Scene) netPlotLayers() {
	np, nr := &s.netView.plots, &s.rects
	s.netPlotNames()
	var loss, sharp seriesKey
	spec := spectraKey{u: s.c.M.U, lang: lang.Current()}
	loss.u, sharp.u = s.c.M.U, s.c.M.U
	loss.lang, sharp.lang = lang.Current(), lang.Current()
	for k, r := range s.st.Runs {
		tr := s.st.Trackers[k]
		loss.runs[k], loss.rows[k], loss.tracked[k] = r, len(r.Trace), len(tr.TestLoss)
		sharp.runs[k], sharp.rows[k], sharp.tracked[k] = r, len(r.Trace), len(tr.Sharpness)
		spec.runs[k], spec.rows[k], spec.labels[k] = r, s.panels[k].specRow, s.panels[k].specLabel
	}
	np.lossLayer.Update(loss, int(nr.loss.W), int(nr.loss.H), func(img *ebiten.Image) {
		s.fillLossPlot()
		np.loss.Draw(img, geom.Rect{W: nr.loss.W, H: nr.loss.H})
	})
	np.sharpLayer.Update(sharp, int(nr.sharp.W), int(nr.sharp.H), func(img *ebiten.Image) {
		s.fillSharpnessPlot()
		np.sharp.Draw(img, geom.Rect{W: nr.sharp.W, H: nr.sharp.H})
	})
	np.spectraLayer.Update(spec, int(nr.spectrum.W), int(nr.spectrum.H), func(img *ebiten.Image) {
		s.fillSpectra()
		np.spectra.Draw(img, geom.Rect{W: nr.spectrum.W, H: nr.spectrum.H})
	})
}

// drawNetPlots copies the plots' layers (netPlotLayers) onto dst; the
// spectra's place is the sweep's while sweeping.
func (s *Scene) drawNetPlots(dst *ebiten.Image, sweeping bool) {
	np, nr := &s.netView.plots, &s.rects
	np.lossLayer.Draw(dst, nr.loss.X, nr.loss.Y)
	np.sharpLayer.Draw(dst, nr.sharp.X, nr.sharp.Y)
	if !sweeping {
		np.spectraLayer.Draw(dst, nr.spectrum.X, nr.spectrum.Y)
	}
}

// seriesKey is what the loss or the sharpness plot shows: per run, its
// rows (its training loss; the extent of its 2/η line) and the tracker's
// values (test loss, or sharpness). A run's method names its line and
// sets its η.
type seriesKey struct {
	runs          [scenario.MaxPanels]*sim.Run
	rows, tracked [scenario.MaxPanels]int
	u             float64
	lang          lang.Lang // the title's
}

// spectraKey is what the spectra show: per run, the row its spectrum is
// of (netPanel.specRow) and the label of that row; the title's width is
// the layer's.
type spectraKey struct {
	runs   [scenario.MaxPanels]*sim.Run
	rows   [scenario.MaxPanels]rowRef
	labels [scenario.MaxPanels]string
	u      float64
	lang   lang.Lang
}

// netPlotNames sets the plots' titles and the runs' names, when the runs
// changed.
func (s *Scene) netPlotNames() {
	st := s.st
	np := &s.netView.plots
	if !slices.Equal(np.runs, st.Runs) || np.lang != lang.Current() {
		np.runs, np.lang = append(np.runs[:0], st.Runs...), lang.Current()
		anyBatched := false
		n := st.Scen.Points()
		for k := range st.Runs {
			np.names[k] = strconv.Itoa(k+1) + "  " + st.Scen.Methods[k].String()
			b := sim.BatchOf(st.Scen.Methods[k])
			np.batched[k] = b > 0 && b < n
			anyBatched = anyBatched || np.batched[k]
		}
		np.loss.Title = lang.T("loss (log scale): bright training, faint test")
		if anyBatched {
			np.loss.Title = lang.T("loss (log): training; faint: test; thin: batch")
		}
		np.sharp.Title, np.sharp.LogY = lang.T("sharpness λmax;  thin: stability lines"), false
		for _, m := range st.Scen.Methods {
			if _, _, pre := sim.PreconditionedStability(m); pre { // lines and values far apart
				np.sharp.Title, np.sharp.LogY = lang.T("λmax (Adam, RMSProp: of P⁻¹H), log; thin: stability"), true
			}
		}
		np.loss.XLabel, np.sharp.XLabel = lang.T("iteration"), lang.T("iteration")
		np.loss.LogY = true
		// no legends: they would hide the curves' ends, where the news
		// is; the panel headers and the spectra's rows name the colours
		np.loss.NoLegend, np.sharp.NoLegend = true, true
		np.spectraTitle = lang.T("Hessian eigenvalues at each panel's current weights (symmetric log axis; red: negative)")
		np.specShort = lang.T("Hessian eigenvalues now (red: negative)")
		for k := range st.Runs {
			_, np.markLabels[k][0], _ = sharpLine(st.Scen.Methods[k], 0)
		}
	}
}

// fillLossPlot fills the loss plot's series: each run's training loss,
// and faintly its test loss.
func (s *Scene) fillLossPlot() {
	st := s.st
	np := &s.netView.plots
	ui.StylePlot(&np.loss, s.c.M.U, scene.PlotFont(&s.c.M))
	np.loss.Series = np.loss.Series[:0]
	for k, r := range st.Runs {
		clr := ui.PanelColors[k]
		ys := np.lossY[k][:0]
		for s := range r.Trace {
			ys = append(ys, r.Trace[s].F)
		}
		np.lossY[k] = ys
		if np.batched[k] { // beneath the others: the noise the steps see
			bs := np.batchY[k][:0]
			for s := range r.Trace {
				bs = append(bs, r.Trace[s].BatchF)
			}
			np.batchY[k] = bs
			np.loss.Series = append(np.loss.Series, render.Series{Y: bs, Color: render.Alpha(clr, 0.3), Width: float32(0.8 * s.c.M.U)})
		}
		np.loss.Series = append(np.loss.Series,
			render.Series{Y: st.Trackers[k].TestLoss, Color: render.Alpha(clr, 0.45), Width: float32(1.2 * s.c.M.U)},
			render.Series{Y: ys, Color: clr, Name: np.names[k], Width: float32(2 * s.c.M.U)})
	}
}

// fillSharpnessPlot fills the sharpness plot's series: each run's
// sharpness, and the line its method turns unstable at (sharpLine).
func (s *Scene) fillSharpnessPlot() {
	st := s.st
	np := &s.netView.plots
	ui.StylePlot(&np.sharp, s.c.M.U, scene.PlotFont(&s.c.M))
	np.sharp.Series = np.sharp.Series[:0]
	for k, r := range st.Runs {
		clr := ui.PanelColors[k]
		np.sharp.Series = append(np.sharp.Series, render.Series{Y: sharpnessOf(st, k), Color: clr, Width: float32(2 * s.c.M.U)})
		sp := st.Scen.Methods[k]
		if line, _, _ := sharpLine(sp, 0); line > 0 && scheduled(sp) {
			np.sharp.Series = append(np.sharp.Series, render.Series{Y: s.scheduledLine(k, sp, len(r.Trace)),
				Color: render.Alpha(clr, 0.7), Width: float32(s.c.M.U)})
		} else if line > 0 {
			np.etaX[k] = [2]float64{0, float64(max(1, len(r.Trace)-1))}
			np.etaY[k] = [2]float64{line, line}
			np.sharp.Series = append(np.sharp.Series, render.Series{X: np.etaX[k][:], Y: np.etaY[k][:],
				Color: render.Alpha(clr, 0.7), Width: float32(s.c.M.U)})
		}
	}
}

// scheduledLine is panel k's stability line row by row when its step
// follows a schedule: c/η_t at the step each row is about to take. Where
// η_t is so small that the line leaves the plot (above five times the
// larger of the sharpness seen and the line's lowest) it is not drawn, so
// that the sharpness keeps the plot's height.
func (s *Scene) scheduledLine(k int, sp sim.Spec, rows int) []float64 {
	c, _, _, _ := stabilityProduct(sp)
	sched, lr, _ := sim.SchedulingOf(sp) // read once: the line has a value a row
	ys := s.netView.plots.etaCurve[k][:0]
	top := math.Inf(1) // the line's lowest, unless a sharpness is above it
	for t := range rows {
		v := c / sched.Rate(lr, t)
		top = math.Min(top, v)
		ys = append(ys, v)
	}
	for _, v := range sharpnessOf(s.st, k) {
		if v > top {
			top = v
		}
	}
	for t, v := range ys {
		if v > 5*top {
			ys[t] = math.NaN()
		}
	}
	s.netView.plots.etaCurve[k] = ys
	return ys
}

// fillSpectra fills the spectra's rows: each panel's Hessian eigenvalues
// once computed, with its method's stability line marked.
func (s *Scene) fillSpectra() {
	st := s.st
	nv := &s.netView
	np := &nv.plots
	np.spectra.Rows = np.spectra.Rows[:0]
	for k := range st.Runs {
		row := render.SpectrumRow{Vals: nv.panels[k].eig, Color: ui.PanelColors[k], Label: nv.panels[k].specLabel}
		t, _ := nv.panels[k].specRow.Index()
		if line, _, pre := sharpLine(st.Scen.Methods[k], t); line > 0 && !pre { // the spectra are H's
			np.marks[k][0] = line
			row.Marks, row.MarkLabels = np.marks[k][:], np.markLabels[k][:]
		}
		if nv.panels[k].specRow != 0 {
			np.spectra.Rows = append(np.spectra.Rows, row)
		}
	}
	nr := &s.rects
	sp := &np.spectra
	sp.Title = np.spectraTitle
	if render.TextWidth(render.Sans, sp.Title, s.c.M.Small) > nr.spectrum.W-16*s.c.M.U {
		sp.Title = np.specShort
	}
	sp.Scale, sp.FontSize = s.c.M.U, scene.PlotFont(&s.c.M)
	sp.Background, sp.Frame, sp.Grid, sp.Ink, sp.Neg = ui.Bar, ui.Frame, render.Alpha(ui.Frame, 0.5), ui.Ink, ui.Bad
}

// sliceRects returns where the loss slice's square goes in r and whether
// its description fits beside it.
func (s *Scene) sliceRects(r geom.Rect) (sq geom.Rect, info bool) {
	l := &s.c.M
	line := math.Round(1.35 * l.Small)
	side := math.Max(0, math.Min(r.W-16*l.U, r.H-2*line-12*l.U))
	side = math.Floor(side)
	sq = geom.Rect{X: math.Round(r.X + 8*l.U), Y: math.Round(r.Y + 2*line + 6*l.U), W: side, H: side}
	info = r.W-side-24*l.U > 170*l.U
	if !info {
		sq.X = math.Round(r.X + (r.W-side)/2)
	}
	return sq, info // whole pixels: its layer is copied pixel for pixel
}

// drawSlice queues the texts of the loss slice in r (its title and note,
// its description beside square sq when info, its tick labels), fitted
// again when the slice or the widths changed; its shapes are in its layer.
func (s *Scene) drawSlice(r, sq geom.Rect, info bool) {
	l := &s.c.M
	nv := &s.netView
	sl := &nv.slice
	np := &nv.plots
	st := s.st
	lineH := math.Round(1.35 * l.Small)
	if sq.W < 20 {
		return
	}
	widths := [2]float64{r.X + r.W - (sq.X + sq.W + 14*l.U) - 6*l.U, r.W - 16*l.U} // info, title
	if np.sliceVersion != sl.version || np.sliceLevel != sl.cells.Level() || np.slicePCA != st.Flags.PCA || np.sliceWidths != widths || np.sliceLang != lang.Current() {
		np.sliceVersion, np.sliceLevel, np.slicePCA, np.sliceWidths, np.sliceLang = sl.version, sl.cells.Level(), st.Flags.PCA, widths, lang.Current()
		s.sliceTexts(widths[0], widths[1])
	}
	v := geom.View{XMin: sl.grid.XMin, XMax: sl.grid.XMax, YMin: sl.grid.YMin, YMax: sl.grid.YMax, Screen: sq}
	np.sliceTicks.Update(v, l.U)
	np.sliceTicks.Labels(s.c, sq, v)
	s.c.Text(render.Sans, np.sliceTitle, r.X+8*l.U, r.Y+4*l.U, l.Small, ui.Ink, render.Left|render.Top)
	s.c.Text(render.Sans, np.sliceNote, r.X+8*l.U, r.Y+4*l.U+lineH, l.Small, ui.Dim, render.Left|render.Top)
	if info {
		x, y := sq.X+sq.W+14*l.U, sq.Y+2*l.U
		for _, line := range np.sliceInfo {
			s.c.Text(render.Sans, line, x, y, l.Small, ui.Dim, render.Left|render.Top)
			y += lineH
		}
	}
}

// drawSliceShapes draws the loss slice's picture, contours, projected
// paths, tick marks and frame in square sq of dst (its layer).
func (s *Scene) drawSliceShapes(dst *ebiten.Image, sq geom.Rect) {
	l := &s.c.M
	sl := &s.netView.slice
	np := &s.netView.plots
	st := s.st
	sl.heat.Draw(dst, sq)
	v := geom.View{XMin: sl.grid.XMin, XMax: sl.grid.XMax, YMin: sl.grid.YMin, YMax: sl.grid.YMax, Screen: sq}
	p := &s.c.Paint
	p.Clip = sq
	if !st.Flags.HideContours {
		for k := range sl.levels {
			p.Segments(dst, &v, sl.contours.Level(k), float32(l.U), render.Alpha(ui.True, 0.3))
		}
	}
	for k := range st.Runs {
		if k >= len(sl.paths) || len(sl.paths[k].Pts) < 2 {
			continue
		}
		pts := sl.paths[k].Pts
		clr := ui.PanelColors[k]
		p.Polyline(dst, &v, pts, float32(1.6*l.U), render.Alpha(clr, 0.85))
		p.Dot(dst, &v, pts[len(pts)-2], pts[len(pts)-1], 5*l.U, ui.Background)
		p.Dot(dst, &v, pts[len(pts)-2], pts[len(pts)-1], 3.5*l.U, clr)
	}
	p.Ring(dst, &v, 0, 0, 6*l.U, float32(2*l.U), ui.True)
	np.sliceTicks.Update(v, l.U)
	p.Clip = geom.Rect{}
	np.sliceTicks.Marks(s.c, dst, sq, v)
	p.StrokeRect(dst, sq, float32(l.U), ui.Frame)
}

// sliceTexts rebuilds the slice's title and notes, shortened to width
// head, and the description beside it, shortened to width w.
func (s *Scene) sliceTexts(w, head float64) {
	sl := &s.netView.slice
	np := &s.netView.plots
	np.sliceTitle = lang.T("Training loss on a plane through the start")
	axes := lang.T("axes a, b: the top two Hessian eigenvectors at the start")
	what := lang.F("their eigenvalues %s and %s", ui.Num(sl.plane.Lam[0]), ui.Num(sl.plane.Lam[1]))
	if sl.kind == planePCA {
		axes = lang.T("axes a, b: the paths' first two principal components")
		what = lang.F("variance along them %s, %s", ui.Num(sl.plane.Lam[0]), ui.Num(sl.plane.Lam[1]))
	}
	np.sliceNote = ui.GlyphSafe.Replace(axes)
	progress := lang.F("grid %d² done", nn.SliceN)
	if !sl.complete() {
		progress = lang.F("computing the %d² grid…", sl.cells.Cells())
	}
	other := lang.T("B: slice along the principal components instead")
	if s.st.Flags.PCA {
		other = lang.T("B: slice along the Hessian eigenvectors instead")
	}
	if s.st.Flags.PCA && sl.kind == planeHessian {
		other = lang.T("principal components: waiting for the paths")
	}
	np.sliceInfo = append(np.sliceInfo[:0],
		ui.GlyphSafe.Replace(what),
		lang.T("white ring: the start;  dots: where each method is"),
		lang.T("lines: each method's path, projected"),
		lang.T("contours: levels of the loss (C hides them)"),
		progress,
		other,
	)
	for i, line := range np.sliceInfo {
		np.sliceInfo[i] = ui.FitText(line, s.c.M.Small, w)
	}
	np.sliceTitle = ui.FitText(np.sliceTitle, s.c.M.Small, head)
	np.sliceNote = ui.FitText(np.sliceNote, s.c.M.Small, head)
}
