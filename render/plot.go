package render

import (
	"image/color"
	"math"

	"curvlab/render/geom"

	"github.com/hajimehoshi/ebiten/v2"
)

// Series is one line of a Plot: Y[k] against X[k] (X nil: against k).
// Points with a non-finite coordinate, or y <= 0 on a log axis, break the
// line; they are never drawn as numbers.
type Series struct {
	X, Y  []float64
	Color color.RGBA
	Name  string  // legend entry; empty: not in the legend
	Width float32 // device pixels; 0: 1.5·Plot.Scale
}

// Plot is a small line plot with ticked axes, optional log-scale y and a
// legend. Fill Series (reusing the slice) and call Draw each frame; ticks
// and labels are recomputed only when the ranges change.
type Plot struct {
	Title, XLabel, YLabel string
	LogY                  bool
	Series                []Series

	// Fixed ranges: used when Max > Min, otherwise fitted to the data.
	XMin, XMax, YMin, YMax float64

	// Scale multiplies sizes for hi-DPI (0: 1); FontSize is the label size
	// before scaling (0: 12).
	Scale, FontSize float64
	// NoLegend hides the legend.
	NoLegend bool
	// Colours; zero values give a light theme.
	Background, Frame, Grid, Ink color.RGBA

	p      Painter
	pts    []float64
	ends   []int // where each series' points end in pts (before its NaN pair)
	xt, yt geom.TickSet
	area   Rect

	lbl []Label // DrawLabels's labels
	// what DrawShapes leaves for DrawLabels
	drawn   Rect
	st      plotStyle
	v       View
	ok      bool
	box     Rect
	nLegend int
}

// Area returns the rectangle of the axes (inside the labels) of the last
// Draw.
func (pl *Plot) Area() Rect { return pl.area }

func orDefault(c, d color.RGBA) color.RGBA {
	if c == (color.RGBA{}) {
		return d
	}
	return c
}

// valid reports whether the point k of s is drawable.
func (pl *Plot) point(s *Series, k int) (x, y float64, ok bool) {
	y = s.Y[k]
	if s.X != nil {
		if k >= len(s.X) {
			return 0, 0, false
		}
		x = s.X[k]
	} else {
		x = float64(k)
	}
	if !finite(x, y) || pl.LogY && !(y > 0) {
		return 0, 0, false
	}
	if pl.LogY {
		y = math.Log10(y)
	}
	return x, y, true
}

// ranges returns the data ranges (y in log10 units for LogY).
func (pl *Plot) ranges() (x0, x1, y0, y1 float64) {
	x0, y0 = math.Inf(1), math.Inf(1)
	x1, y1 = math.Inf(-1), math.Inf(-1)
	for i := range pl.Series {
		s := &pl.Series[i]
		for k := range s.Y {
			x, y, ok := pl.point(s, k)
			if !ok {
				continue
			}
			x0, x1 = math.Min(x0, x), math.Max(x1, x)
			y0, y1 = math.Min(y0, y), math.Max(y1, y)
		}
	}
	if pl.XMax > pl.XMin {
		x0, x1 = pl.XMin, pl.XMax
	}
	if pl.YMax > pl.YMin {
		y0, y1 = pl.YMin, pl.YMax
		if pl.LogY {
			y0, y1 = math.Log10(math.Max(y0, 1e-300)), math.Log10(math.Max(y1, 1e-300))
		}
		if !(y1 > y0) {
			y0, y1 = math.Inf(1), math.Inf(-1)
		}
	} else if y1 >= y0 { // pad fitted y by 5 %, or around a single value
		pad := 0.05 * (y1 - y0)
		if pad == 0 {
			pad = math.Max(0.5, 0.05*math.Abs(y0))
			if pl.LogY {
				pad = 0.5
			}
		}
		y0, y1 = y0-pad, y1+pad
	}
	if !(x1 >= x0) {
		x0, x1 = 0, 1
	} else if x1 == x0 {
		x0, x1 = x0-0.5, x1+0.5
	}
	if !(y1 > y0) {
		y0, y1 = 0, 1
	}
	return x0, x1, y0, y1
}

// plotStyle holds the sizes and colours of one Draw.
type plotStyle struct {
	sc, fs, lh, pad, tick float64
	gw                    float32
	bg, frame, grid, ink  color.RGBA
}

// layout computes the style, ranges, ticks, axes rectangle and the series
// points (pl.pts: series after series, each followed by a NaN pair, pl.ends
// where each ends; world y in log10 units for LogY). It allocates nothing
// in steady state.
func (pl *Plot) layout(r Rect) (st plotStyle, v View, ok bool) {
	st.sc = pl.Scale
	if !(st.sc > 0) {
		st.sc = 1
	}
	st.fs = pl.FontSize
	if !(st.fs > 0) {
		st.fs = 12
	}
	st.fs *= st.sc
	st.bg = orDefault(pl.Background, color.RGBA{0xff, 0xff, 0xff, 0xff})
	st.frame = orDefault(pl.Frame, color.RGBA{0x50, 0x50, 0x50, 0xff})
	st.grid = orDefault(pl.Grid, color.RGBA{0xe4, 0xe4, 0xe4, 0xff})
	st.ink = orDefault(pl.Ink, color.RGBA{0x20, 0x20, 0x20, 0xff})
	st.lh = LineHeight(Sans, st.fs)
	st.pad = 4 * st.sc
	st.tick = 4 * st.sc
	st.gw = float32(math.Max(1, st.sc))

	x0, x1, y0, y1 := pl.ranges()
	// y ticks first: their labels' width sets the left margin
	top := r.Y + st.pad
	if pl.Title != "" || pl.YLabel != "" {
		top += st.lh
	}
	bottom := r.Y + r.H - st.pad - st.lh - st.tick
	if pl.XLabel != "" {
		bottom -= st.lh
	}
	if pl.LogY {
		ny := int(math.Max(2, math.Min(10, (bottom-top)/(2*st.lh))))
		pl.yt.Update(math.Pow(10, y0), math.Pow(10, y1), ny, true)
	} else {
		ny := int(math.Max(2, math.Min(8, (bottom-top)/(3*st.lh))))
		pl.yt.Update(y0, y1, ny, false)
	}
	lw := 0.0
	for _, s := range pl.yt.Labels {
		lw = math.Max(lw, TextWidth(Sans, s, st.fs))
	}
	left := r.X + st.pad + lw + st.tick + 2*st.sc
	right := r.X + r.W - st.pad - 0.5*TextWidth(Sans, "0000", st.fs)
	a := Rect{X: left, Y: top, W: right - left, H: bottom - top}
	pl.area = a
	if !(a.W > 4) || !(a.H > 4) {
		return st, v, false
	}
	nx := int(math.Max(2, math.Min(10, a.W/(6*st.fs))))
	pl.xt.Update(x0, x1, nx, false)
	v = View{XMin: x0, XMax: x1, YMin: y0, YMax: y1, Screen: a}

	nan := math.NaN()
	pts := pl.pts[:0]
	pl.ends = pl.ends[:0]
	for i := range pl.Series {
		pts = pl.appendSeries(pts, &pl.Series[i], &v)
		pl.ends = append(pl.ends, len(pts))
		pts = append(pts, nan, nan)
	}
	pl.pts = pts
	return st, v, true
}

// appendSeries appends the points of series s to pts, a non-finite one as a
// NaN pair (it breaks the line). A series along the iterations (no X) with
// more points than 4 a pixel column of v is reduced to the first, lowest,
// highest and last point of each column, in their order: the line through
// them covers the same pixels as the full line (M4: Jugel et al., "M4: A
// Visualization-Oriented Time Series Data Aggregation", PVLDB 7(10), 2014),
// and what is drawn stays within 4 points a column however long the series.
func (pl *Plot) appendSeries(pts []float64, s *Series, v *View) []float64 {
	nan := math.NaN()
	if s.X != nil || len(s.Y) <= 4*int(v.Screen.W) {
		for k := range s.Y {
			x, y, ok := pl.point(s, k)
			if !ok {
				x, y = nan, nan
			}
			pts = append(pts, x, y)
		}
		return pts
	}
	var col m4Column
	perX := v.Screen.W / (v.XMax - v.XMin)
	for k := range s.Y {
		x, y, ok := pl.point(s, k)
		if !ok {
			pts = append(col.flush(pts), nan, nan)
			continue
		}
		if c := int(math.Floor((x - v.XMin) * perX)); !col.have || c != col.c {
			pts = col.flush(pts)
			col = m4Column{c: c, have: true, first: [2]float64{x, y}, lo: [2]float64{x, y}, hi: [2]float64{x, y}, kLo: k, kHi: k, kFirst: k}
		}
		if y < col.lo[1] {
			col.lo, col.kLo = [2]float64{x, y}, k
		}
		if y > col.hi[1] {
			col.hi, col.kHi = [2]float64{x, y}, k
		}
		col.last, col.kLast = [2]float64{x, y}, k
	}
	return col.flush(pts)
}

// m4Column is the first, lowest, highest and last point of a series in
// pixel column c, and their indices.
type m4Column struct {
	c, kFirst, kLo, kHi, kLast int
	first, lo, hi, last        [2]float64
	have                       bool
}

// flush appends the column's points in index order, each once, and empties
// the column.
func (m *m4Column) flush(pts []float64) []float64 {
	if !m.have {
		return pts
	}
	mid1, mid2, k1, k2 := m.lo, m.hi, m.kLo, m.kHi
	if k2 < k1 {
		mid1, mid2, k1, k2 = mid2, mid1, k2, k1
	}
	pts = append(pts, m.first[0], m.first[1])
	if k1 != m.kFirst {
		pts = append(pts, mid1[0], mid1[1])
	}
	if k2 != k1 && k2 != m.kFirst {
		pts = append(pts, mid2[0], mid2[1])
	}
	if m.kLast != k2 && m.kLast != m.kFirst {
		pts = append(pts, m.last[0], m.last[1])
	}
	m.have = false
	return pts
}

func (pl *Plot) seriesWidth(s *Series, st *plotStyle) float32 {
	if s.Width > 0 {
		return s.Width
	}
	return float32(1.5 * st.sc)
}

// legendBox returns the legend's rectangle and entry count.
func (pl *Plot) legendBox(st *plotStyle) (Rect, int) {
	if pl.NoLegend {
		return Rect{}, 0
	}
	n, wmax := 0, 0.0
	for i := range pl.Series {
		if pl.Series[i].Name != "" {
			n++
			wmax = math.Max(wmax, TextWidth(Sans, pl.Series[i].Name, st.fs))
		}
	}
	a := pl.area
	box := Rect{W: wmax + 2*st.fs + 4*st.pad, H: float64(n)*st.lh + 2*st.pad}
	box.X, box.Y = a.X+a.W-box.W-st.pad, a.Y+st.pad
	return box, n
}

// Draw draws the plot into r (device pixels): all shapes first, then all
// text, so that ebiten can batch each kind into few draw calls.
func (pl *Plot) Draw(dst *ebiten.Image, r Rect) {
	pl.DrawShapes(dst, r)
	pl.DrawLabels(dst)
}

// DrawShapes draws the plot's background, grid, series, frame and legend
// box into r; DrawLabels then draws its text. Drawing the shapes of several
// plots before the text of any saves ebiten a pass over the anti-aliasing
// buffer for each switch between shapes and text.
func (pl *Plot) DrawShapes(dst *ebiten.Image, r Rect) {
	pl.p.Clip = Rect{}
	st, v, ok := pl.layout(r)
	pl.drawn, pl.st, pl.v, pl.ok, pl.nLegend = r, st, v, ok, 0
	pl.p.FillRect(dst, r, st.bg)
	if !ok {
		return
	}
	a := pl.area
	p := &pl.p

	// shapes: grid, ticks, series, frame, legend box and swatches
	for _, t := range pl.yt.Pos {
		if sy, in := pl.yTick(&v, t); in {
			p.Line(dst, nil, a.X, sy, a.X+a.W, sy, st.gw, st.grid)
			p.Line(dst, nil, a.X-st.tick, sy, a.X, sy, st.gw, st.frame)
		}
	}
	for _, t := range pl.xt.Pos {
		if sx, in := pl.xTick(&v, t); in {
			p.Line(dst, nil, sx, a.Y, sx, a.Y+a.H, st.gw, st.grid)
			p.Line(dst, nil, sx, a.Y+a.H, sx, a.Y+a.H+st.tick, st.gw, st.frame)
		}
	}
	p.Clip = a
	off := 0
	for i := range pl.Series {
		s := &pl.Series[i]
		pts := pl.pts[off:pl.ends[i]]
		off = pl.ends[i] + 2
		w := pl.seriesWidth(s, &st)
		p.Polyline(dst, &v, pts, w, s.Color)
		// isolated points (a run of one) would vanish: mark them
		for k := 0; k < len(pts); k += 2 {
			if pts[k] != pts[k] {
				continue
			}
			prevOK := k >= 2 && pts[k-2] == pts[k-2]
			nextOK := k+2 < len(pts) && pts[k+2] == pts[k+2]
			if !prevOK && !nextOK {
				p.Dot(dst, &v, pts[k], pts[k+1], float64(w), s.Color)
			}
		}
	}
	p.Clip = Rect{}
	p.StrokeRect(dst, a.Inset(-float64(st.gw)), st.gw, st.frame)
	box, n := pl.legendBox(&st)
	pl.box, pl.nLegend = box, n
	if n > 0 {
		p.FillRect(dst, box, Alpha(st.bg, 0.85))
		p.StrokeRect(dst, box, st.gw, st.grid)
		y := box.Y + st.pad + st.lh/2
		for i := range pl.Series {
			if s := &pl.Series[i]; s.Name != "" {
				p.Line(dst, nil, box.X+st.pad, y, box.X+st.pad+2*st.fs, y, pl.seriesWidth(s, &st), s.Color)
				y += st.lh
			}
		}
	}
}

// DrawLabels draws the text of the plot drawn by the last DrawShapes.
func (pl *Plot) DrawLabels(dst *ebiten.Image) {
	if !pl.ok {
		return
	}
	pl.lbl = pl.lbl[:0]
	pl.labels()
	DrawTexts(dst, pl.lbl)
}

// labels collects the plot's labels in pl.lbl.
func (pl *Plot) labels() {
	st, v, r, a, box, n := pl.st, pl.v, pl.drawn, pl.area, pl.box, pl.nLegend
	for i, t := range pl.yt.Pos {
		if sy, in := pl.yTick(&v, t); in {
			pl.text(pl.yt.Labels[i], a.X-st.tick-2*st.sc, sy, st.fs, st.ink, Right|Middle)
		}
	}
	for i, t := range pl.xt.Pos {
		if sx, in := pl.xTick(&v, t); in {
			pl.text(pl.xt.Labels[i], sx, a.Y+a.H+st.tick+st.sc, st.fs, st.ink, Center|Top)
		}
	}
	if pl.XLabel != "" {
		pl.text(pl.XLabel, a.X+a.W/2, r.Y+r.H-st.pad, st.fs, st.ink, Center|Bottom)
	}
	if pl.YLabel != "" {
		pl.text(pl.YLabel, r.X+st.pad, r.Y+st.pad, st.fs, st.ink, Left|Top)
	}
	if pl.Title != "" {
		pl.text(pl.Title, a.X+a.W/2, r.Y+st.pad, st.fs, st.ink, Center|Top)
	}
	if n > 0 {
		y := box.Y + st.pad + st.lh/2
		for i := range pl.Series {
			if s := &pl.Series[i]; s.Name != "" {
				pl.text(s.Name, box.X+2*st.pad+2*st.fs, y, st.fs, st.ink, Left|Middle)
				y += st.lh
			}
		}
	}
}

func (pl *Plot) text(s string, x, y, size float64, clr color.RGBA, align Align) {
	pl.lbl = append(pl.lbl, Label{Sans, s, x, y, size, clr, align})
}

// yTick returns the screen y of the y tick t and whether it is on the axes.
func (pl *Plot) yTick(v *View, t float64) (float64, bool) {
	if pl.LogY {
		t = math.Log10(t)
	}
	_, sy := v.ToScreen(v.XMin, t)
	a := pl.area
	return sy, sy >= a.Y-0.5 && sy <= a.Y+a.H+0.5
}

// xTick returns the screen x of the x tick t and whether it is on the axes.
func (pl *Plot) xTick(v *View, t float64) (float64, bool) {
	sx, _ := v.ToScreen(t, v.YMin)
	a := pl.area
	return sx, sx >= a.X-0.5 && sx <= a.X+a.W+0.5
}
