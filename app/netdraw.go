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

	// layers of the plots (loss, sharpness, spectra) and of the slice, and
	// what they were drawn for
	layers     [3]render.Layer
	key        netPlotsKey
	sliceLayer render.Layer
	sliceKey   sliceKey

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
func (g *Game) netPanelLayer(k int, r geom.Rect) *render.Layer {
	nv := &g.net
	pc := &nv.panels[k]
	v := nv.panelView(r)
	v.Screen.X, v.Screen.Y = 0, 0
	key := netPanelKey{prob: nv.prob, run: pc.run, row: pc.row, grid: pc.grid, view: v, u: g.lay.u}
	if key != pc.key || pc.layer.Image() == nil {
		pc.key = key
		nv.ticks.update(v, g.lay.u)
		g.drawNetPanel(pc.layer.Reset(int(v.Screen.W), int(v.Screen.H)), k, v)
	}
	return &pc.layer
}

// netPanelKey is what a network panel's layer was drawn for.
type netPanelKey struct {
	prob *scenario.NetProblem
	run  *sim.Run
	row  int
	grid geom.Grid
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
func (g *Game) sliceLayer(sq geom.Rect) *render.Layer {
	nv := &g.net
	sl := &nv.slice
	np := &nv.plots
	key := sliceKey{version: sl.version, level: sl.level, uploaded: sl.uploaded, contours: !g.st.flags.hideContours,
		w: sq.W, h: sq.H, u: g.lay.u}
	for k, r := range g.st.runs {
		key.runs[k], key.paths[k] = r, sl.paths[k].version
	}
	if key != np.sliceKey || np.sliceLayer.Image() == nil {
		np.sliceKey = key
		g.drawSliceShapes(np.sliceLayer.Reset(int(sq.W), int(sq.H)), geom.Rect{W: sq.W, H: sq.H})
	}
	return &np.sliceLayer
}

// sliceKey is what the slice's layer was drawn for.
type sliceKey struct {
	version, level int
	uploaded       time.Time
	contours       bool
	runs           [scenario.MaxPanels]*sim.Run
	paths          [scenario.MaxPanels]int // keptPath versions
	w, h, u        float64
}

// netPlotLayers draws the loss, sharpness and spectra plots through their
// layers, again when their data changed.
func (g *Game) netPlotLayers() {
	np, nr := &g.net.plots, &g.netLay
	key := netPlotsKey{loss: nr.loss, sharp: nr.sharp, spectrum: nr.spectrum, u: g.lay.u}
	for k, r := range g.st.runs {
		tr := g.st.trackers[k]
		key.runs[k], key.rows[k] = r, len(r.Trace)
		key.tracked[k] = [2]int{len(tr.TestLoss), len(tr.Sharpness)}
		key.spec[k] = g.net.panels[k].specRow
		key.labels[k] = g.net.panels[k].specLabel
	}
	if key == np.key && np.layers[0].Image() != nil {
		return
	}
	np.key = key
	g.prepNetPlots()
	for i, r := range []geom.Rect{nr.loss, nr.sharp, nr.spectrum} {
		img := np.layers[i].Reset(int(r.W), int(r.H))
		local := geom.Rect{W: r.W, H: r.H}
		switch i {
		case 0:
			np.loss.Draw(img, local)
		case 1:
			np.sharp.Draw(img, local)
		case 2:
			np.spectra.Draw(img, local)
		}
	}
}

// drawNetPlots copies the plots' layers (netPlotLayers) onto dst.
func (g *Game) drawNetPlots(dst *ebiten.Image) {
	np, nr := &g.net.plots, &g.netLay
	for i, r := range []geom.Rect{nr.loss, nr.sharp, nr.spectrum} {
		np.layers[i].Draw(dst, r.X, r.Y)
	}
}

// netPlotsKey is what the plots' layers were drawn for.
type netPlotsKey struct {
	runs                  [scenario.MaxPanels]*sim.Run
	rows, spec            [scenario.MaxPanels]int
	tracked               [scenario.MaxPanels][2]int
	labels                [scenario.MaxPanels]string // the spectra's rows
	loss, sharp, spectrum geom.Rect
	u                     float64
}

// prepNetPlots fills the series of the loss and sharpness plots and the
// rows of the spectra.
func (g *Game) prepNetPlots() {
	st := g.st
	nv := &g.net
	np := &nv.plots
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
	g.stylePlot(&np.loss)
	g.stylePlot(&np.sharp)
	np.loss.Series = np.loss.Series[:0]
	np.sharp.Series = np.sharp.Series[:0]
	np.spectra.Rows = np.spectra.Rows[:0]
	w := float32(2 * g.lay.u)
	for k, r := range st.runs {
		clr := panelColors[k]
		ys := np.lossY[k][:0]
		for s := range r.Trace {
			ys = append(ys, r.Trace[s].F)
		}
		np.lossY[k] = ys
		tr := st.trackers[k]
		np.loss.Series = append(np.loss.Series,
			render.Series{Y: tr.TestLoss, Color: render.Alpha(clr, 0.45), Width: float32(1.2 * g.lay.u)},
			render.Series{Y: ys, Color: clr, Name: np.names[k], Width: w})
		np.sharp.Series = append(np.sharp.Series, render.Series{Y: tr.Sharpness, Color: clr, Width: w})
		row := render.SpectrumRow{Vals: nv.panels[k].eig, Color: clr, Label: nv.panels[k].specLabel}
		if eta := lrOf(st.scen.Methods[k]); eta > 0 {
			np.etaX[k] = [2]float64{0, float64(max(1, len(r.Trace)-1))}
			np.etaY[k] = [2]float64{2 / eta, 2 / eta}
			np.sharp.Series = append(np.sharp.Series, render.Series{X: np.etaX[k][:], Y: np.etaY[k][:],
				Color: render.Alpha(clr, 0.7), Width: float32(g.lay.u)})
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
