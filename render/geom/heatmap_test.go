package geom

import (
	"image/color"
	"math"
	"math/rand/v2"
	"sort"
	"testing"
)

func sample(f func(x, y float64) float64, g Grid) []float64 {
	v := make([]float64, g.W*g.H)
	for j := range g.H {
		for i := range g.W {
			v[j*g.W+i] = f(g.X(i), g.Y(j))
		}
	}
	return v
}

func TestAutoScaleDecision(t *testing.T) {
	g := Grid{W: 120, H: 120, XMin: -2, XMax: 2, YMin: -2, YMax: 2}
	quad := sample(func(x, y float64) float64 { return x*x + y*y }, g)
	if s := AutoScale(quad); s.Log {
		t.Errorf("quadratic bowl got a log scale: %+v", s)
	}
	rg := Grid{W: 120, H: 120, XMin: -2, XMax: 2, YMin: -1, YMax: 3}
	rosen := sample(func(x, y float64) float64 { return (1-x)*(1-x) + 100*(y-x*x)*(y-x*x) }, rg)
	if s := AutoScale(rosen); !s.Log {
		t.Errorf("Rosenbrock got a linear scale: %+v", s)
	}
	beale := sample(func(x, y float64) float64 {
		sq := func(u float64) float64 { return u * u }
		return sq(1.5-x+x*y) + sq(2.25-x+x*y*y) + sq(2.625-x+x*y*y*y)
	}, Grid{W: 100, H: 100, XMin: -4.5, XMax: 4.5, YMin: -4.5, YMax: 4.5})
	if !Wide(beale) {
		t.Error("Beale not wide")
	}
	if Wide([]float64{math.NaN(), 3, 3}) || Wide(nil) {
		t.Error("degenerate data called wide")
	}
}

func TestHeatScaleTAndInv(t *testing.T) {
	for _, s := range []HeatScale{LinearScale(-3, 5), LogScale(-3, 5), {Min: 0, Max: 1e4, Log: true, Eps: 1e-2}} {
		if s.T(s.Min) != 0 || s.T(s.Max) != 1 || s.T(s.Min-10) != 0 || s.T(s.Max+1e9) != 1 {
			t.Errorf("%+v: ends %v %v", s, s.T(s.Min), s.T(s.Max))
		}
		if !math.IsNaN(s.T(math.NaN())) || !math.IsNaN(s.T(math.Inf(1))) || !math.IsNaN(s.T(math.Inf(-1))) {
			t.Errorf("%+v: non-finite not NaN", s)
		}
		prev := math.Inf(-1)
		for k := 0; k <= 100; k++ {
			tt := float64(k) / 100
			f := s.Inv(tt)
			if got := s.T(f); !near(got, tt, 1e-9) {
				t.Errorf("%+v: T(Inv(%v)) = %v", s, tt, got)
			}
			if f <= prev {
				t.Errorf("%+v: Inv not increasing at %v", s, tt)
			}
			prev = f
		}
	}
	// a log scale spans LogDecades decades below the range
	s := LogScale(0, 1e6)
	if got := s.T(1); !near(got, math.Log(2)/math.Log(1e6+1), 1e-12) {
		t.Errorf("log T(1) = %v", got)
	}
	if got := (HeatScale{Min: 2, Max: 2}).T(2); got != 0.5 {
		t.Errorf("degenerate scale T = %v", got)
	}
}

func TestContourLevels(t *testing.T) {
	lin := ContourLevels(nil, 0, 10, 4, false)
	want := []float64{2, 4, 6, 8}
	for i := range want {
		if !near(lin[i], want[i], 1e-12) {
			t.Fatalf("linear levels %v", lin)
		}
	}
	lg := ContourLevels(nil, 0, 1e6, 5, true)
	if len(lg) != 5 {
		t.Fatalf("log levels %v", lg)
	}
	// evenly spaced in log(f − min + ε): constant ratio of f+ε
	e := 1e6 * 1e-6
	r := (lg[1] + e) / (lg[0] + e)
	for i := 1; i < len(lg); i++ {
		if !near((lg[i]+e)/(lg[i-1]+e), r, 1e-9*r) {
			t.Fatalf("log levels not geometric: %v", lg)
		}
	}
	if got := ContourLevels(nil, 1, 1, 5, false); len(got) != 0 {
		t.Fatalf("levels for an empty range: %v", got)
	}
}

func TestFillPixels(t *testing.T) {
	vals := []float64{0, 0.25, 0.5, 1, math.NaN(), math.Inf(-1)}
	pix := make([]byte, 4*len(vals))
	s := LinearScale(0, 1)
	FillPixels(pix, vals, s)
	for k, f := range vals {
		want := Colormap(s.T(f))
		got := pix[4*k : 4*k+4]
		if got[0] != want.R || got[1] != want.G || got[2] != want.B || got[3] != 255 {
			t.Errorf("pixel %d = %v want %v", k, got, want)
		}
	}
	if pix[16] != NoData.R || pix[20] != NoData.R {
		t.Error("non-finite values not NoData")
	}
	if a := testing.AllocsPerRun(10, func() { FillPixels(pix, vals, s) }); a != 0 {
		t.Errorf("FillPixels allocates %v", a)
	}
	big := make([]float64, 64*64)
	if a := testing.AllocsPerRun(10, func() { _ = Wide(big) }); a != 0 {
		t.Errorf("Wide allocates %v", a)
	}
}

func TestLogEps(t *testing.T) {
	g := Grid{W: 200, H: 200, XMin: -2, XMax: 2, YMin: -1, YMax: 3}
	rosen := sample(func(x, y float64) float64 { return (1-x)*(1-x) + 100*(y-x*x)*(y-x*x) }, g)
	min, max, _ := Range(rosen)
	e := LogEps(rosen, min, max)
	d := make([]float64, len(rosen))
	for i, f := range rosen {
		d[i] = f - min
	}
	sort.Float64s(d)
	q := d[len(d)/100] // 1st percentile
	// histogram bins are a factor 10^(1/20) wide
	if !(e >= q && e <= q*math.Pow(10, 1.0/20)*1.0001) {
		t.Errorf("LogEps = %v, 1st percentile %v", e, q)
	}
	s := AutoScale(rosen)
	if !s.Log || s.Eps != e {
		t.Errorf("AutoScale = %+v", s)
	}
	// the darkest colours go to a small but visible part of the plot
	dark := 0
	for _, f := range rosen {
		if s.T(f) < 0.05 {
			dark++
		}
	}
	if frac := float64(dark) / float64(len(rosen)); frac < 0.005 || frac > 0.05 {
		t.Errorf("%.3f of the cells in the bottom 5 %% of the colours", frac)
	}
	// a plateau at the minimum: the default ε
	flat := make([]float64, 1000)
	flat[999] = 5
	if got := LogEps(flat, 0, 5); !near(got, 5e-6, 1e-18) {
		t.Errorf("plateau: LogEps = %v", got)
	}
	if a := testing.AllocsPerRun(5, func() { _ = LogEps(rosen, min, max) }); a != 0 {
		t.Errorf("LogEps allocates %v", a)
	}
}

// FillPixels gives exactly the colours Colormap(s.T(f)) gives, on linear,
// log and degenerate scales, for values inside, outside and at the ends of
// the range and for non-finite ones.
func TestFillPixelsIsColormapOfT(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	vals := []float64{math.NaN(), math.Inf(1), math.Inf(-1), -1e300, 1e300, 0, -0.0}
	for range 20000 {
		vals = append(vals, math.Pow(10, 8*rng.Float64()-4)*(rng.Float64()-0.2))
	}
	for _, s := range []HeatScale{
		LinearScale(-1, 3), LinearScale(0, 1e-9), LinearScale(2, 2), LinearScale(0, math.Inf(1)),
		LogScale(0, 1e4), LogScale(-3, 50), {Min: 0, Max: 10, Log: true, Eps: 1e-3}, LogScale(1, 1),
	} {
		pix := make([]byte, 4*len(vals))
		FillPixels(pix, vals, s)
		for k, f := range vals {
			want := Colormap(s.T(f))
			if got := (color.RGBA{pix[4*k], pix[4*k+1], pix[4*k+2], pix[4*k+3]}); got != want {
				t.Fatalf("scale %+v, value %v: pixel %v, Colormap(T) %v", s, f, got, want)
			}
		}
	}
}
