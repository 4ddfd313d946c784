package render

import (
	"image/color"
	"math"
	"strconv"

	"github.com/hajimehoshi/ebiten/v2"
)

// SpectrumRow is one row of Spectra: the eigenvalues of one symmetric
// matrix, each drawn as a short vertical tick.
type SpectrumRow struct {
	Vals  []float64  // eigenvalues, any order; non-finite ones are skipped
	Color color.RGBA // ticks of positive eigenvalues
	Label string     // drawn at the row's top left
	// Marks are values marked by a line across the row, MarkLabels their
	// labels (may be shorter or empty).
	Marks      []float64
	MarkLabels []string
}

// Spectra draws eigenvalue spectra, one row per matrix, on a shared
// symmetric-log axis x ↦ sign(x)·log₁₀(1 + |x|/τ): linear within τ of zero,
// logarithmic beyond, so that eigenvalues spread over many decades of both
// signs all show. Positive eigenvalues are ticks in the row's colour,
// negative ones ticks in Neg below a zero line, so that directions of
// negative curvature stand out. τ is a power of ten 10⁻⁴ times the largest
// |eigenvalue| (or Tau when set), and the axis ends at whole powers of ten,
// so the scale only moves when the spectrum crosses a decade.
//
// Fill Rows (reusing the slices) and call Draw each frame; the axis labels
// are recomputed only when the axis changes, so a steady frame allocates
// nothing.
type Spectra struct {
	Title string
	Rows  []SpectrumRow
	// Tau fixes τ (0: chosen from the data as above).
	Tau float64
	// Scale multiplies sizes for hi-DPI (0: 1); FontSize is the label
	// size before scaling (0: 12).
	Scale, FontSize float64
	// Colours; zero values give a light theme.
	Background, Frame, Grid, Ink, Neg color.RGBA

	p          Painter
	pos, neg   []float64 // tick segments
	key        [3]float64
	tau        float64
	lo, hi     float64 // axis range in symlog units
	ticks      []float64
	labels     []string
	negatives  bool
	area       Rect
	scratchSeg []float64
	lbl        []Label // DrawLabels's labels
	// what DrawShapes leaves for DrawLabels
	drawn       Rect
	fs, sc, pad float64
	ink         color.RGBA
	ok          bool
	labelFn     func(str string, x, y float64, al Align, c color.RGBA)
}

// Area returns the rectangle of the axis (inside the labels) of the last
// Draw.
func (s *Spectra) Area() Rect { return s.area }

// symlog maps an eigenvalue to the axis.
func (s *Spectra) symlog(x float64) float64 {
	return math.Copysign(math.Log10(1+math.Abs(x)/s.tau), x)
}

// X returns the screen x of value x in the last Draw's axis.
func (s *Spectra) X(x float64) float64 {
	a := s.area
	return a.X + (s.symlog(x)-s.lo)/(s.hi-s.lo)*a.W
}

// axis chooses τ and the range from the rows and rebuilds the tick labels
// when they changed.
func (s *Spectra) axis() {
	var maxAbs, minV float64
	for i := range s.Rows {
		for _, v := range s.Rows[i].Vals {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				continue
			}
			maxAbs = math.Max(maxAbs, math.Abs(v))
			minV = math.Min(minV, v)
		}
	}
	if !(maxAbs > 0) {
		maxAbs = 1
	}
	top := math.Ceil(math.Log10(maxAbs)) // axis ends at ±10^top
	tau := s.Tau
	if !(tau > 0) {
		tau = math.Pow(10, top-4)
	}
	neg := minV < 0
	key := [3]float64{top, tau, 0}
	if neg {
		key[2] = math.Ceil(math.Log10(-minV))
	}
	if key == s.key && s.labels != nil {
		return
	}
	s.key, s.tau, s.negatives = key, tau, neg
	s.hi = s.symlog(math.Pow(10, top))
	s.lo = -0.04 * s.hi
	if neg {
		s.lo = math.Min(-0.22*s.hi, s.symlog(-math.Pow(10, key[2])))
	}
	s.ticks = append(s.ticks[:0], 0)
	e0 := math.Round(math.Log10(tau))
	every := 1.0
	if top-e0 > 6 {
		every = 2
	}
	for e := top; e > e0; e -= every {
		v := math.Pow(10, e)
		s.ticks = append(s.ticks, v)
		if -s.symlog(v) >= s.lo {
			s.ticks = append(s.ticks, -v)
		}
	}
	s.labels = s.labels[:0]
	for _, v := range s.ticks {
		s.labels = append(s.labels, powerLabel(v))
	}
}

// powerLabel writes ±10^e compactly: 0.01, 0.1, 1, 10, 100, 1e4, 1e-3.
func powerLabel(v float64) string {
	if v == 0 {
		return "0"
	}
	e := int(math.Round(math.Log10(math.Abs(v))))
	var s string
	if e >= -2 && e <= 3 {
		s = strconv.FormatFloat(math.Abs(v), 'f', -1, 64)
	} else {
		s = "1e" + strconv.Itoa(e)
	}
	if v < 0 {
		s = "−" + s
	}
	return s
}

// Draw draws the spectra into r (device pixels): shapes first, then text.
func (s *Spectra) Draw(dst *ebiten.Image, r Rect) {
	s.DrawShapes(dst, r)
	s.DrawLabels(dst)
}

// DrawShapes draws everything but the text into r; DrawLabels then draws
// the text (see Plot.DrawShapes for why they are apart).
func (s *Spectra) DrawShapes(dst *ebiten.Image, r Rect) {
	sc := s.Scale
	if !(sc > 0) {
		sc = 1
	}
	fs := s.FontSize
	if !(fs > 0) {
		fs = 12
	}
	fs *= sc
	bg := orDefault(s.Background, color.RGBA{0xff, 0xff, 0xff, 0xff})
	frame := orDefault(s.Frame, color.RGBA{0x50, 0x50, 0x50, 0xff})
	grid := orDefault(s.Grid, color.RGBA{0xe4, 0xe4, 0xe4, 0xff})
	ink := orDefault(s.Ink, color.RGBA{0x20, 0x20, 0x20, 0xff})
	negC := orDefault(s.Neg, color.RGBA{0xd0, 0x30, 0x30, 0xff})
	lh := LineHeight(Sans, fs)
	pad := 4 * sc
	gw := float32(math.Max(1, sc))
	p := &s.p
	p.Clip = Rect{}
	p.FillRect(dst, r, bg)
	s.axis()
	top := r.Y + pad
	if s.Title != "" {
		top += lh + pad
	}
	// room at the ends for half of the end labels
	lw := 0.0
	for _, lab := range s.labels {
		lw = math.Max(lw, TextWidth(Sans, lab, fs))
	}
	m := pad + math.Max(6*sc, lw/2)
	a := Rect{X: r.X + m, Y: top, W: r.W - 2*m, H: r.Y + r.H - pad - lh - 4*sc - top}
	s.area = a
	s.drawn, s.fs, s.sc, s.pad, s.ink = r, fs, sc, pad, ink
	s.ok = a.W > 4 && a.H > 4 && len(s.Rows) > 0
	if !s.ok {
		return
	}
	// grid lines at the ticks, the zero line, then the rows
	for _, t := range s.ticks {
		x := s.X(t)
		p.Line(dst, nil, x, a.Y, x, a.Y+a.H+4*sc, gw, grid)
	}
	rh := a.H / float64(len(s.Rows))
	for i := range s.Rows {
		row := &s.Rows[i]
		y0 := a.Y + float64(i)*rh
		if i > 0 {
			p.Line(dst, nil, a.X, y0, a.X+a.W, y0, gw, grid)
		}
		// ticks span the lower part of the row, under the label
		t0, t1 := y0+math.Min(lh+2*sc, 0.45*rh), y0+rh-3*sc
		pos, neg := s.pos[:0], s.neg[:0]
		for _, v := range row.Vals {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				continue
			}
			x := math.Floor(s.X(v)) + 0.5 // on a pixel's centre: crisp
			if v < 0 {
				neg = append(neg, x, t0, x, t1)
			} else {
				pos = append(pos, x, t0, x, t1)
			}
		}
		s.pos, s.neg = pos, neg
		w := float32(1.5 * sc)
		p.Segments(dst, nil, pos, w, row.Color)
		p.Segments(dst, nil, neg, w, negC)
		mk := s.scratchSeg[:0]
		for _, m := range row.Marks {
			if m == m && !math.IsInf(m, 0) {
				x := s.X(m)
				mk = append(mk, x, y0+2*sc, x, y0+rh-1*sc)
			}
		}
		s.scratchSeg = mk
		p.Segments(dst, nil, mk, float32(2.5*sc), Alpha(ink, 0.8))
	}
	zx := s.X(0)
	p.Line(dst, nil, zx, a.Y, zx, a.Y+a.H, float32(2*sc), ink)
	p.StrokeRect(dst, a.Inset(-float64(gw)), gw, frame)
	// boxes under the labels, so that ticks do not cross them
	for i := range s.Rows {
		s.labelBoxes(i, func(r Rect) { p.FillRect(dst, r, Alpha(bg, 0.85)) }, nil)
	}
}

// labelBoxes calls box with the rectangle of each label of row i, and
// text (if not nil) with the label and where it goes: the row's label at
// its top left; each mark's label at the bottom of the row, left of the
// mark, or right of it near the left end.
func (s *Spectra) labelBoxes(i int, box func(Rect), text func(str string, x, y float64, al Align, c color.RGBA)) {
	a, fs, sc := s.area, s.fs, s.sc
	rh := a.H / float64(len(s.Rows))
	row := &s.Rows[i]
	y0 := a.Y + float64(i)*rh
	lh := LineHeight(Sans, fs)
	if row.Label != "" {
		x, y := a.X+4*sc, y0+2*sc
		box(Rect{X: x - 2*sc, Y: y, W: TextWidth(Sans, row.Label, fs) + 4*sc, H: lh})
		if text != nil {
			text(row.Label, x, y, Left|Top, row.Color)
		}
	}
	for k, m := range row.Marks {
		if k >= len(row.MarkLabels) || row.MarkLabels[k] == "" || m != m || math.IsInf(m, 0) {
			continue
		}
		w := TextWidth(Sans, row.MarkLabels[k], fs)
		x, y := s.X(m)-3*sc-w, y0+rh-lh-2*sc
		if x < a.X+2*sc {
			x = s.X(m) + 4*sc
		}
		box(Rect{X: x - 2*sc, Y: y, W: w + 4*sc, H: lh})
		if text != nil {
			text(row.MarkLabels[k], x, y, Left|Top, s.ink)
		}
	}
}

// DrawLabels draws the text of the spectra drawn by the last DrawShapes.
func (s *Spectra) DrawLabels(dst *ebiten.Image) {
	s.lbl = s.lbl[:0]
	s.collectLabels()
	DrawTexts(dst, s.lbl)
}

// collectLabels collects the spectra's labels in s.lbl.
func (s *Spectra) collectLabels() {
	r, fs, sc, pad, ink, a := s.drawn, s.fs, s.sc, s.pad, s.ink, s.area
	if s.Title != "" {
		s.text(s.Title, r.X+r.W/2, r.Y+pad, fs, ink, Center|Top)
	}
	if !s.ok {
		return
	}
	for i, t := range s.ticks {
		s.text(s.labels[i], s.X(t), a.Y+a.H+4*sc, fs, ink, Center|Top)
	}
	for i := range s.Rows {
		s.labelBoxes(i, func(Rect) {}, s.addLabel())
	}
}

func (s *Spectra) text(str string, x, y, size float64, clr color.RGBA, align Align) {
	s.lbl = append(s.lbl, Label{Sans, str, x, y, size, clr, align})
}

// addLabel returns the text callback of labelBoxes collecting its labels;
// it is made once, so that steady frames allocate nothing.
func (s *Spectra) addLabel() func(str string, x, y float64, al Align, c color.RGBA) {
	if s.labelFn == nil {
		s.labelFn = func(str string, x, y float64, al Align, c color.RGBA) { s.text(str, x, y, s.fs, c, al) }
	}
	return s.labelFn
}
