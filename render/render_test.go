package render

import (
	"image/color"
	"math"
	"testing"

	"curvlab/internal/heapstat"
	"curvlab/render/geom"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
)

var (
	black   = color.RGBA{0, 0, 0, 0xff}
	whiteC  = color.RGBA{0xff, 0xff, 0xff, 0xff}
	red     = color.RGBA{0xff, 0, 0, 0xff}
	magenta = color.RGBA{0xff, 0, 0xff, 0xff}
)

// canvas is an offscreen image with its pixels read back.
type canvas struct {
	img  *ebiten.Image
	w, h int
	pix  []byte
}

func newCanvas(w, h int) *canvas {
	c := &canvas{img: ebiten.NewImage(w, h), w: w, h: h, pix: make([]byte, 4*w*h)}
	c.img.Fill(black)
	return c
}

func (c *canvas) read() { c.img.ReadPixels(c.pix) }

func (c *canvas) at(x, y int) color.RGBA {
	if x < 0 || y < 0 || x >= c.w || y >= c.h {
		return color.RGBA{}
	}
	p := c.pix[4*(y*c.w+x):]
	return color.RGBA{p[0], p[1], p[2], p[3]}
}

// lit reports whether a pixel is clearly brighter than the black background.
func (c *canvas) lit(x, y int) bool {
	p := c.at(x, y)
	return max(p.R, p.G, p.B) > 100
}

func (c *canvas) litF(x, y float64) bool { return c.lit(int(math.Floor(x)), int(math.Floor(y))) }

func closeColor(a, b color.RGBA, tol int) bool {
	d := func(x, y uint8) bool { return math.Abs(float64(x)-float64(y)) <= float64(tol) }
	return d(a.R, b.R) && d(a.G, b.G) && d(a.B, b.B) && d(a.A, b.A)
}

// rotated returns R(θ)·diag(l1, l2)·R(θ)ᵀ.
func rotated(l1, l2, th float64) [4]float64 {
	s, c := math.Sincos(th)
	return [4]float64{l1*c*c + l2*s*s, (l1 - l2) * c * s, (l1 - l2) * c * s, l1*s*s + l2*c*c}
}

// farthest walks from the screen point (x, y) along (ux, uy) and returns
// the largest distance with a lit pixel.
func (c *canvas) farthest(x, y, ux, uy, max float64) float64 {
	far := -1.0
	for d := 0.0; d <= max; d += 0.25 {
		if c.litF(x+d*ux, y+d*uy) {
			far = d
		}
	}
	return far
}

func TestEllipsePixelExtent(t *testing.T) {
	c := newCanvas(200, 200)
	v := View{XMin: -2, XMax: 2, YMin: -2, YMax: 2, Screen: Rect{X: 0, Y: 0, W: 200, H: 200}} // 50 px per unit
	b := rotated(1, 4, 0.5)
	cv := geom.Eigen(b)
	var p Painter
	p.LevelSet(c.img, &v, cv, 0.2, -0.1, 0.5, Stroke{Width: 2, Color: whiteC})
	c.read()
	cx, cy := v.ToScreen(0.2, -0.1)
	for _, e := range []struct {
		u    [2]float64
		semi float64 // world units: √(2c/λ)
	}{{cv.V1, 1}, {cv.V2, 0.5}} {
		for _, sgn := range []float64{1, -1} {
			ux, uy := sgn*e.u[0], -sgn*e.u[1] // screen y is down
			want := e.semi*50 + 1             // outer edge of a 2 px stroke
			got := c.farthest(cx, cy, ux, uy, 99)
			if math.Abs(got-want) > 2 {
				t.Errorf("extent along %v: %v px, want %v", [2]float64{ux, uy}, got, want)
			}
			// hollow: nothing lit halfway to the curve
			if c.litF(cx+ux*e.semi*25, cy+uy*e.semi*25) {
				t.Errorf("pixel inside the ellipse lit along %v", [2]float64{ux, uy})
			}
		}
	}
	// the rotation matters: the long axis is not along x
	if got := c.farthest(cx, cy, 1, 0, 99); math.Abs(got-51) < 3 {
		t.Errorf("long axis drawn along x (%v px): rotation ignored", got)
	}
}

func TestHyperbolaPixels(t *testing.T) {
	c := newCanvas(200, 200)
	v := View{XMin: -2, XMax: 2, YMin: -2, YMax: 2, Screen: Rect{X: 0, Y: 0, W: 200, H: 200}}
	cv := geom.Eigen(rotated(-1, 2, 0.3))
	var p Painter
	p.Aliased = true
	p.LevelSet(c.img, &v, cv, 0, 0, 0.25, Stroke{Width: 2, Color: whiteC}) // vertices at 0.5 along V2
	c.read()
	ux, uy := cv.V2[0], -cv.V2[1]
	if c.lit(100, 100) {
		t.Error("centre lit")
	}
	if !c.litF(100+25*ux, 100+25*uy) || !c.litF(100-25*ux, 100-25*uy) {
		t.Error("hyperbola vertices not drawn")
	}
	// the branches reach the image border
	edge := 0
	for k := 0; k < 200; k++ {
		for _, xy := range [][2]int{{k, 0}, {k, 199}, {0, k}, {199, k}} {
			if c.lit(xy[0], xy[1]) {
				edge++
			}
		}
	}
	if edge < 4 {
		t.Errorf("branches do not reach the border (%d edge pixels)", edge)
	}
}

func TestHeatmapPixels(t *testing.T) {
	c := newCanvas(100, 100)
	vals := []float64{
		0, 1, 2, 3,
		4, math.NaN(), 6, 7,
		8, 9, 10, math.Inf(1),
	}
	s := geom.LinearScale(0, 10)
	var hm Heatmap
	hm.Set(vals, 4, 3, s)
	hm.Draw(c.img, Rect{X: 10, Y: 20, W: 80, H: 60}) // 20×20 px cells
	c.read()
	for j := range 3 {
		for i := range 4 {
			want := geom.Colormap(s.T(vals[j*4+i]))
			for _, d := range [][2]int{{10, 10}, {2, 2}, {17, 17}} {
				got := c.at(10+20*i+d[0], 20+20*j+d[1])
				if !closeColor(got, want, 1) {
					t.Errorf("cell (%d,%d) pixel %v = %v want %v", i, j, d, got, want)
				}
			}
		}
	}
	if got := c.at(15+20, 25+20); !closeColor(got, geom.NoData, 1) {
		t.Errorf("NaN cell %v, want NoData", got)
	}
	for _, xy := range [][2]int{{5, 50}, {95, 50}, {50, 10}, {50, 85}} {
		if got := c.at(xy[0], xy[1]); got != black {
			t.Errorf("outside pixel %v = %v", xy, got)
		}
	}
	// a second Set of the same size reuses the image
	img := hm.Image()
	hm.Set(vals, 4, 3, geom.LogScale(0, 10))
	if hm.Image() != img {
		t.Error("Set reallocated the image")
	}
	c.img.Fill(black)
	hm.Draw(c.img, Rect{X: 10, Y: 20, W: 80, H: 60})
	c.read()
	if got, want := c.at(10+20+10, 20+10), geom.Colormap(geom.LogScale(0, 10).T(1)); !closeColor(got, want, 1) {
		t.Errorf("log heatmap pixel %v want %v", got, want)
	}
}

func TestPolylinePixelsAndNaNBreak(t *testing.T) {
	c := newCanvas(200, 200)
	var p Painter
	p.Aliased = true
	p.Polyline(c.img, nil, []float64{10, 50, 190, 50}, 3, red)
	nan := math.NaN()
	p.Polyline(c.img, nil, []float64{10, 100, 90, 100, nan, nan, 110, 100, 190, 100}, 3, red)
	// world coordinates through a view: y up
	v := View{XMin: 0, XMax: 2, YMin: 0, YMax: 2, Screen: Rect{X: 0, Y: 0, W: 200, H: 200}}
	p.Polyline(c.img, &v, []float64{0.1, 0.5, 1.0, 0.5, 1.0, 0.2}, 3, red) // (10,150)→(100,150)→(100,180)
	c.read()
	isRed := func(x, y int) bool { return c.at(x, y) == red }
	// a 3 px line along y = 50 covers rows 49 and 50 fully, 48 and 51 half
	for _, xy := range [][2]int{{100, 50}, {100, 49}, {12, 50}, {188, 50}} {
		if !isRed(xy[0], xy[1]) {
			t.Errorf("line pixel %v = %v", xy, c.at(xy[0], xy[1]))
		}
	}
	for _, xy := range [][2]int{{100, 54}, {100, 46}, {5, 50}, {195, 50}} {
		if c.lit(xy[0], xy[1]) {
			t.Errorf("pixel %v off the line lit", xy)
		}
	}
	for _, x := range []int{20, 50, 85, 115, 150, 185} {
		if !isRed(x, 100) {
			t.Errorf("broken line: pixel (%d,100) = %v", x, c.at(x, 100))
		}
	}
	for _, x := range []int{93, 100, 107} {
		if c.lit(x, 100) {
			t.Errorf("NaN did not break the line: (%d,100) lit", x)
		}
	}
	// {100, 149} lies only in the bevel filling the outer side of the corner
	for _, xy := range [][2]int{{50, 150}, {99, 165}, {100, 165}, {100, 149}} {
		if !isRed(xy[0], xy[1]) {
			t.Errorf("world polyline pixel %v = %v", xy, c.at(xy[0], xy[1]))
		}
	}
	if c.lit(50, 165) {
		t.Error("world polyline in the wrong place")
	}
}

func TestLongPolylineIsChunked(t *testing.T) {
	c := newCanvas(200, 200)
	var p Painter
	p.Aliased = true
	// 30,000 segments zigzagging by ±1 px: ~7 vertices each, far beyond 65,536
	n := 30000
	pts := make([]float64, 0, 2*(n+1))
	for k := 0; k <= n; k++ {
		x := 10 + 180*float64(k)/float64(n)
		y := 100.0
		if k%2 == 1 {
			y = 101
		}
		pts = append(pts, x, y)
	}
	p.Polyline(c.img, nil, pts, 3, whiteC)
	c.read()
	for _, x := range []int{12, 60, 100, 150, 188} {
		if !c.lit(x, 100) {
			t.Errorf("long polyline missing at x=%d", x)
		}
	}
	for _, y := range []int{95, 106} {
		if c.lit(100, y) {
			t.Errorf("long polyline garbled: (100,%d) lit", y)
		}
	}
	if len(p.vs) != 0 || cap(p.vs) > 2*chunkVertices {
		t.Errorf("vertex buffer grew to %d", cap(p.vs))
	}
}

func TestDashedArrowRectDot(t *testing.T) {
	c := newCanvas(200, 200)
	var p Painter
	p.Aliased = true
	p.Dashed(c.img, nil, []float64{0, 10, 200, 10}, 2, 10, 10, whiteC)
	p.Arrow(c.img, nil, 20, 50, 120, 50, 2, 20, whiteC)
	p.StrokeRect(c.img, Rect{X: 20, Y: 100, W: 60, H: 40}, 2, whiteC)
	p.FillRect(c.img, Rect{X: 120, Y: 100, W: 20, H: 20}, whiteC)
	p.Dot(c.img, nil, 170, 170, 6, whiteC)
	c.read()
	for _, x := range []int{3, 23, 43, 183} {
		if !c.lit(x, 10) {
			t.Errorf("dash missing at x=%d", x)
		}
	}
	for _, x := range []int{15, 35, 55, 195} {
		if c.lit(x, 10) {
			t.Errorf("gap lit at x=%d", x)
		}
	}
	// arrow: head 20 px long, 20 px wide at its base (x = 100)
	for _, xy := range [][2]int{{60, 50}, {117, 50}, {102, 43}, {102, 57}} {
		if !c.lit(xy[0], xy[1]) {
			t.Errorf("arrow pixel %v missing", xy)
		}
	}
	for _, xy := range [][2]int{{60, 45}, {60, 55}, {124, 50}, {102, 63}} {
		if c.lit(xy[0], xy[1]) {
			t.Errorf("arrow pixel %v lit", xy)
		}
	}
	if !c.lit(20, 120) || !c.lit(79, 120) || !c.lit(50, 100) || !c.lit(50, 139) || c.lit(50, 120) || c.lit(50, 143) {
		t.Error("StrokeRect border wrong")
	}
	if !c.lit(130, 110) || c.lit(141, 110) {
		t.Error("FillRect wrong")
	}
	if !c.lit(170, 170) || !c.lit(175, 170) || c.lit(178, 170) || c.lit(170, 163) {
		t.Error("Dot wrong")
	}
}

func TestColorbar(t *testing.T) {
	c := newCanvas(20, 101)
	var p Painter
	p.Aliased = true
	p.Colorbar(c.img, Rect{X: 0, Y: 0, W: 20, H: 101})
	c.read()
	for _, tt := range []float64{0.02, 0.25, 0.5, 0.77, 0.98} {
		y := int(math.Round(100 - tt*101))
		got := c.at(10, y)
		want := geom.Colormap(1 - (float64(y)+0.5)/101)
		if !closeColor(got, want, 3) {
			t.Errorf("colorbar at t=%v: %v want %v", tt, got, want)
		}
	}
}

func TestTextPixelsInBox(t *testing.T) {
	c := newCanvas(300, 120)
	Text(c.img, "Hello, curvlab", 40, 30, 20, whiteC, Left|Top)
	box := TextBox(Sans, "Hello, curvlab", 40, 30, 20, Left|Top)
	DrawText(c.img, Mono, "x=1e-3", 260, 100, 14, whiteC, Right|Baseline)
	mbox := TextBox(Mono, "x=1e-3", 260, 100, 14, Right|Baseline)
	c.read()
	if box.W < 100 || box.H < 18 || box.W > 200 {
		t.Fatalf("implausible text box %+v", box)
	}
	if !near(mbox.X+mbox.W, 260, 0.5) || mbox.Y >= 100 || mbox.Y+mbox.H <= 100 {
		t.Fatalf("mono box %+v not anchored right/baseline at (260,100)", mbox)
	}
	in, out := 0, 0
	for y := range 120 {
		for x := range 300 {
			if !c.lit(x, y) {
				continue
			}
			fx, fy := float64(x)+0.5, float64(y)+0.5
			if box.Inset(-2).Contains(fx, fy) || mbox.Inset(-2).Contains(fx, fy) {
				in++
			} else {
				out++
			}
		}
	}
	if in < 100 || out > 0 {
		t.Errorf("text pixels: %d inside the boxes, %d outside", in, out)
	}
	// both texts drew something
	count := func(r Rect) int {
		n := 0
		for y := int(r.Y); y < int(r.Y+r.H); y++ {
			for x := int(r.X); x < int(r.X+r.W); x++ {
				if c.lit(x, y) {
					n++
				}
			}
		}
		return n
	}
	if count(mbox) < 20 {
		t.Error("mono text missing")
	}
	// two lines stack: twice the height, ink in both halves
	c.img.Fill(black)
	Text(c.img, "top\nbottom", 150, 60, 16, whiteC, Center|Middle)
	two := TextBox(Sans, "top\nbottom", 150, 60, 16, Center|Middle)
	c.read()
	if lh := LineHeight(Sans, 16); two.H < 1.9*lh || !near(two.Y+two.H/2, 60, 1) {
		t.Errorf("two-line box %+v, line height %v", two, lh)
	}
	upper, lower := two, two
	upper.H /= 2
	lower.H /= 2
	lower.Y += lower.H
	if count(upper) < 10 || count(lower) < 10 {
		t.Errorf("two lines: %d and %d pixels", count(upper), count(lower))
	}
	if w1, w2 := TextWidth(Sans, "iiii", 20), TextWidth(Mono, "iiii", 20); !(w2 > w1) {
		t.Errorf("mono 'iiii' (%v) not wider than proportional (%v)", w2, w1)
	}
}

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

func TestPlotBreaksAtNaN(t *testing.T) {
	c := newCanvas(320, 220)
	nan := math.NaN()
	pl := Plot{
		Title: "f", XLabel: "iteration", YLabel: "f(x)",
		NoLegend: true,
		Series: []Series{{
			X:     []float64{0, 1, 2, 3, 4, 5, 6},
			Y:     []float64{1, 2, 3, nan, 5, 6, 7},
			Color: magenta, Width: 2,
		}},
	}
	pl.Draw(c.img, Rect{X: 0, Y: 0, W: 320, H: 220})
	c.read()
	a := pl.Area()
	if !(a.W > 150 && a.H > 100 && a.X > 10 && a.Y+a.H < 215) {
		t.Fatalf("plot area %+v", a)
	}
	v := View{XMin: 0, XMax: 6, YMin: 0, YMax: 1, Screen: a} // x only
	column := func(x float64) bool {
		for y := int(a.Y); y < int(a.Y+a.H); y++ {
			if closeColor(c.at(int(x), y), magenta, 40) {
				return true
			}
		}
		return false
	}
	x2, _ := v.ToScreen(2, 0)
	x4, _ := v.ToScreen(4, 0)
	x0, _ := v.ToScreen(0, 0)
	x6, _ := v.ToScreen(6, 0)
	for x := x2 + 3; x < x4-3; x++ {
		if column(x) {
			t.Fatalf("NaN drawn: series pixels at x=%v between x(2)=%v and x(4)=%v", x, x2, x4)
		}
	}
	for _, x := range []float64{x0 + 3, (x0 + x2) / 2, x2 - 3, x4 + 3, (x4 + x6) / 2, x6 - 3} {
		if !column(x) {
			t.Errorf("series missing at x=%v", x)
		}
	}
	// labels: ink left of the axes and below them
	ink := 0
	for y := int(a.Y); y < int(a.Y+a.H); y++ {
		for x := 0; x < int(a.X)-6; x++ {
			if p := c.at(x, y); p.R < 128 {
				ink++
			}
		}
	}
	if ink < 20 {
		t.Errorf("no y tick labels (%d dark pixels)", ink)
	}
	// y ticks: fitted range [1, 7] padded, 1-2-5 steps
	if len(pl.yt.Pos) < 3 || pl.yt.Pos[0] < 0.7 || pl.yt.Pos[len(pl.yt.Pos)-1] > 7.3 {
		t.Errorf("y ticks %v", pl.yt.Pos)
	}
}

func TestPlotLogYAndLegend(t *testing.T) {
	c := newCanvas(320, 220)
	pl := Plot{
		LogY: true,
		Series: []Series{
			{Y: []float64{1e3, 1e1, 0, -5, 1e-3, 1e-6}, Color: magenta, Name: "gd"},
			{Y: []float64{1, 1e-2, math.Inf(1), 1e-4}, Color: red, Name: "newton"},
		},
	}
	pl.Draw(c.img, Rect{X: 0, Y: 0, W: 320, H: 220})
	c.read()
	// powers of ten covering most of 1e-6 … 1e3
	pos := pl.yt.Pos
	if len(pos) < 4 || pos[0] > 1e-4*1.0001 || pos[len(pos)-1] < 1e2*0.999 {
		t.Errorf("log ticks %v", pos)
	}
	for _, v := range pos {
		if e := math.Log10(v); math.Abs(e-math.Round(e)) > 1e-9 {
			t.Errorf("log tick %v is not a power of ten", v)
		}
	}
	for _, l := range pl.yt.Labels {
		if l == "NaN" || l == "" {
			t.Errorf("bad label %q", l)
		}
	}
	// legend swatches: red pixels in the top-right corner of the axes
	a := pl.Area()
	found := false
	for y := int(a.Y); y < int(a.Y+a.H/2); y++ {
		for x := int(a.X + a.W/2); x < int(a.X+a.W); x++ {
			if closeColor(c.at(x, y), red, 40) {
				found = true
			}
		}
	}
	if !found {
		t.Error("no legend")
	}
}

func TestSteadyStateAllocations(t *testing.T) {
	c := newCanvas(200, 200)
	v := View{XMin: -2, XMax: 2, YMin: -2, YMax: 2, Screen: Rect{X: 0, Y: 0, W: 200, H: 200}}
	pts := make([]float64, 0, 400)
	for k := range 200 {
		th := float64(k) / 30
		pts = append(pts, math.Cos(th)*th/4, math.Sin(th)*th/4)
	}
	cv := geom.Eigen(rotated(1, 3, 0.4))
	var p Painter
	var hm Heatmap
	vals := make([]float64, 64*64)
	hm.Set(vals, 64, 64, geom.LinearScale(0, 1))
	shapes := func() {
		p.Polyline(c.img, &v, pts, 2, red)
		p.Dashed(c.img, &v, pts, 2, 6, 4, red)
		p.LevelSet(c.img, &v, cv, 0, 0, 0.5, Stroke{Width: 2, Color: whiteC})
		p.LevelSet(c.img, &v, cv, 0, 0, -0.5, Stroke{Width: 2, Color: whiteC, Dash: 4})
		p.CurvatureAxes(c.img, &v, cv, 0, 0, 1, Stroke{Width: 1, Color: whiteC})
		p.Dots(c.img, &v, pts[:20], 3, whiteC)
		p.Ring(c.img, &v, 0.5, 0.5, 5, 1, whiteC)
		p.Arrow(c.img, &v, 0, 0, 1, 1, 2, 10, whiteC)
		p.StrokeRect(c.img, Rect{X: 5, Y: 5, W: 50, H: 50}, 1, whiteC)
	}
	texts := func() {
		Text(c.img, "f = 1.25e-3", 10, 10, 14, whiteC, Left|Top)
		DrawText(c.img, Mono, "iter 12", 190, 190, 12, whiteC, Right|Bottom)
		_ = TextWidth(Sans, "f = 1.25e-3", 14)
	}
	pl := Plot{Series: []Series{{Y: pts[:100], Color: red, Name: "a"}, {Y: pts[100:], Color: whiteC, Name: "b"}}, LogY: true}
	layout := func() { pl.layout(Rect{X: 0, Y: 0, W: 200, H: 150}) }
	heat := func() { hm.Draw(c.img, v.Screen) }
	plot := func() { pl.Draw(c.img, Rect{X: 0, Y: 0, W: 200, H: 150}) }
	// Warm up, then count render's own allocations: ebiten's (its command
	// queue, emptied only at a frame's end, which never comes inside a
	// test) do not count.
	all := map[string]func(){"shapes": shapes, "text": texts, "heatmap": heat, "plot layout": layout, "plot": plot}
	for _, f := range all {
		f()
	}
	for name, f := range all {
		if n, where := ownAllocs(20, f); n != 0 {
			t.Errorf("%s: 20 steady-state frames allocate %d times (most in %s)", name, n, where)
		}
	}
}

// ownAllocs runs f n times and returns the objects render's own code
// allocated, and where it allocated most.
func ownAllocs(n int, f func()) (int64, string) {
	return heapstat.OwnAllocs("curvlab/render", func() {
		for range n {
			f()
		}
	})
}

// spiral is a test path: a spiral of n points around (100, 100) that
// leaves a 200×200 image, with a NaN (a break) and repeated points.
func spiral(n int) []float64 {
	var pts []float64
	for k := range n {
		th := float64(k) / 9
		x, y := 100+math.Cos(th)*th*9, 100+math.Sin(th)*th*9
		switch {
		case k == 40:
			x, y = math.NaN(), math.NaN()
		case k%17 == 5: // a repeated point
			x, y = pts[len(pts)-2], pts[len(pts)-1]
		}
		pts = append(pts, x, y)
	}
	return pts
}

// pieceEnds are where TestPolylineFrom* cut the spiral: before and after
// the repeated points and the NaN, and the last, far outside the image.
var pieceEnds = []int{1, 2, 3, 6, 7, 22, 23, 40, 41, 42, 43, 80, 101, 120}

// PolylineFrom draws, piece by piece, exactly the triangles Polyline draws
// for the whole path: drawn aliased in a translucent colour, every pixel
// is the same, and a triangle left out or drawn twice (a join at a cut)
// would change the pixels it covers.
func TestPolylineFromPiecesAreTheWhole(t *testing.T) {
	pts := spiral(120)
	clr := Alpha(magenta, 0.5)
	whole, pieces := newCanvas(200, 200), newCanvas(200, 200)
	p := Painter{Aliased: true}
	p.Polyline(whole.img, nil, pts, 4, clr)
	n := 0
	for _, end := range pieceEnds {
		p.PolylineFrom(pieces.img, nil, pts[:2*end], n, 4, clr)
		n = end
	}
	whole.read()
	pieces.read()
	lit, differ := 0, 0
	for k := 0; k < len(whole.pix); k += 4 {
		if whole.pix[k] > 0 {
			lit++
		}
		if [4]byte(whole.pix[k:]) != [4]byte(pieces.pix[k:]) {
			differ++
		}
	}
	if lit < 1000 || differ > 0 {
		t.Errorf("the path drawn in pieces differs from the whole path in %d of its %d pixels", differ, lit)
	}
}

// A path drawn piece by piece onto a Layer — PolylineFrom and then Dots of
// the new points, as the app draws a growing path — looks like the path
// drawn whole (Polyline, then Dots of every point) once the layer is
// copied onto the canvas. Ebiten's anti-aliasing blends each batch of
// triangles on its own, so edge pixels may differ a little; where two
// pieces meet, a translucent line would show a lighter notch, which the dot
// at every point covers.
func TestPolylineFromPiecesLookLikeTheWhole(t *testing.T) {
	pts := spiral(120)
	clr := Alpha(magenta, 0.9)
	whole := newCanvas(200, 200)
	var p Painter
	p.Polyline(whole.img, nil, pts, 2, clr)
	p.Dots(whole.img, nil, pts, 2.6, magenta)
	whole.read()

	var l Layer[int]
	l.Update(0, 200, 200, func(*ebiten.Image) {})
	img := l.Image()
	n := 0
	for _, end := range pieceEnds {
		p.PolylineFrom(img, nil, pts[:2*end], n, 2, clr)
		p.Dots(img, nil, pts[2*n:2*end], 2.6, magenta)
		n = end
	}
	pieces := newCanvas(200, 200)
	l.Draw(pieces.img, 0, 0)
	pieces.read()
	lit, bad := 0, 0
	for k := 0; k < len(whole.pix); k += 4 {
		if whole.pix[k] > 0 {
			lit++
		}
		for c := k; c < k+3; c++ {
			if d := int(whole.pix[c]) - int(pieces.pix[c]); d > 16 || d < -16 {
				bad++
				break
			}
		}
	}
	if bad > lit/50 {
		t.Errorf("the path drawn in pieces differs from the whole path in %d of its %d pixels", bad, lit)
	}
}

// TestTextMatchesEbitenText draws the same strings with DrawText and with
// Ebitengine's own text/v2 (GoXFace over the same x/image face), which
// DrawText replaces for speed: the pixels must be the same.
func TestTextMatchesEbitenText(t *testing.T) {
	cases := []struct {
		font Font
		s    string
		size float64
	}{
		{Sans, "Hello, curvlab: f − f* = 1.25e-3", 14},
		{Mono, "iter 12/500  |g| 2.9e+02  λ 23.63, 1506", 13},
		{Sans, "two\nlines, ₊ ⁻¹ κ", 22.5},
		{Sans, "Large", 48},
	}
	for _, tc := range cases {
		ours, theirs := newCanvas(420, 140), newCanvas(420, 140)
		DrawText(ours.img, tc.font, tc.s, 10, 20, tc.size, whiteC, Left|Top)
		fc := faceOf(tc.font, tc.size)
		op := &text.DrawOptions{LayoutOptions: text.LayoutOptions{LineSpacing: fc.spacing}}
		op.GeoM.Translate(10, 20)
		text.Draw(theirs.img, tc.s, text.NewGoXFace(fc.x), op)
		ours.read()
		theirs.read()
		lit, differ := 0, 0
		for k := 0; k < len(ours.pix); k += 4 {
			if ours.pix[k] != theirs.pix[k] || ours.pix[k+3] != theirs.pix[k+3] {
				differ++
			}
			if theirs.pix[k] > 0 {
				lit++
			}
		}
		if lit < 50 || differ > 0 {
			t.Errorf("%q at %v: %d pixels differ from text/v2's (%d lit)", tc.s, tc.size, differ, lit)
		}
	}
}

// TestTextAfterAtlasStartsOver fills the glyph atlas with large glyphs
// until it starts over (larger), then checks that text laid out before
// is drawn exactly as it was.
func TestTextAfterAtlasStartsOver(t *testing.T) {
	before := newCanvas(300, 60)
	DrawText(before.img, Sans, "Hello, atlas 0.5", 10, 10, 18, whiteC, Left|Top)
	before.read()
	gen, size := atlas.gen, atlas.size
	scratch := newCanvas(600, 600)
	for r := 'A'; r <= 'z' && atlas.gen == gen; r++ {
		DrawText(scratch.img, Sans, string(r), 0, 0, 400, whiteC, Left|Top)
	}
	if atlas.gen == gen || atlas.size <= size {
		t.Fatalf("the atlas did not start over larger: generation %d → %d, size %d → %d", gen, atlas.gen, size, atlas.size)
	}
	after := newCanvas(300, 60)
	DrawText(after.img, Sans, "Hello, atlas 0.5", 10, 10, 18, whiteC, Left|Top)
	after.read()
	differ := 0
	for k := range before.pix {
		if before.pix[k] != after.pix[k] {
			differ++
		}
	}
	if differ > 0 {
		t.Errorf("text after the atlas started over: %d bytes of its pixels differ", differ)
	}
}
