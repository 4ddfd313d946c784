package geom

import (
	"image/color"
	"math"
)

// LogDecades is how many decades below the data range a log scale shows:
// with R = max − min, values are mapped by log(f − min + ε) with
// ε = R·10^−LogDecades, so the colour scale spans log ε … log(R + ε).
const LogDecades = 6

// WideThreshold decides between a linear and a log scale (see AutoScale):
// the scale is logarithmic when (median − min)/(max − min) < WideThreshold.
//
// Why the median and not max/min: surfaces usually have min ≈ 0 at the
// minimizer, so a ratio max/min is meaningless, and the smallest positive
// f − min on a grid depends on where the grid happens to fall. What matters
// is whether a linear scale would spend the colours on a few extreme cells:
// when half the plot sits in the bottom 7 % of the range, it does. Measured
// on 200² grids over the usual domains: quadratic bowls 0.25–0.32, Matyas
// and Booth ≈ 0.09, Himmelblau 0.13, Styblinski–Tang 0.18, Rastrigin 0.45,
// saddle 0.5 (linear); Rosenbrock 0.057, six-hump camel 0.059, three-hump
// camel 0.013, Goldstein–Price 0.0066, Beale 0.0021 (log).
const WideThreshold = 0.07

// HeatScale maps values to colormap positions t in [0, 1]. With Log false
// it is linear between Min and Max; with Log true t is linear in
// log(f − Min + Eps). Build one with AutoScale, LinearScale or LogScale.
type HeatScale struct {
	Min, Max float64
	Log      bool
	Eps      float64 // log offset ε; zero means (Max−Min)·10^−LogDecades
}

// LinearScale returns a linear scale over [min, max].
func LinearScale(min, max float64) HeatScale { return HeatScale{Min: min, Max: max} }

// LogScale returns a log scale over [min, max] with the default ε.
func LogScale(min, max float64) HeatScale { return HeatScale{Min: min, Max: max, Log: true} }

// Range returns the minimum and maximum of the finite values in vals and
// ok = false when there are none.
func Range(vals []float64) (min, max float64, ok bool) {
	min, max = math.Inf(1), math.Inf(-1)
	for k := 0; k < len(vals); k += chunk { // see FillPixels
		min, max = rangeOf(vals[k:k+chunkLen(vals, k)], min, max)
	}
	return min, max, min <= max
}

// rangeOf widens [lo, hi] to the finite values of vals.
//
//go:noinline
func rangeOf(vals []float64, lo, hi float64) (float64, float64) {
	for _, f := range vals {
		if f-f != 0 { // NaN or ±Inf
			continue
		}
		// plain comparisons: math.Min and math.Max, which care about NaN
		// and the sign of zero, cost several times more (the heatmap
		// calls this on every pixel of a panel)
		if f < lo {
			lo = f
		}
		if f > hi {
			hi = f
		}
	}
	return lo, hi
}

// Wide reports whether the finite values in vals have a wide range in the
// sense of WideThreshold. The median is estimated from a 1024-bin histogram,
// without allocating.
func Wide(vals []float64) bool {
	min, max, ok := Range(vals)
	return ok && wide(vals, min, max)
}

// wide is Wide for values whose finite range is [min, max].
func wide(vals []float64, min, max float64) bool {
	if !(max > min) {
		return false
	}
	var hist [1024]int32
	n := 0
	for k := 0; k < len(vals); k += chunk { // see FillPixels
		n += medianHist(&hist, vals[k:k+chunkLen(vals, k)], min, max)
	}
	half, acc := (n+1)/2, 0
	for k, c := range hist {
		acc += int(c)
		if acc >= half {
			// upper edge of the bin holding the median
			return float64(k+1)/1024 < WideThreshold
		}
	}
	return false
}

// medianHist counts the values of vals in [min, max] into hist's bins and
// returns how many there were.
//
//go:noinline
func medianHist(hist *[1024]int32, vals []float64, min, max float64) int {
	n := 0
	r := max - min
	for _, f := range vals {
		if f >= min && f <= max {
			k := int((f - min) / r * 1023)
			hist[k]++
			n++
		}
	}
	return n
}

// AutoScale returns the scale for vals: over their finite range, and
// logarithmic when Wide(vals). With no finite values it returns the linear
// scale over [0, 1].
func AutoScale(vals []float64) HeatScale {
	min, max, ok := Range(vals)
	if !ok {
		return LinearScale(0, 1)
	}
	if !wide(vals, min, max) {
		return HeatScale{Min: min, Max: max}
	}
	return HeatScale{Min: min, Max: max, Log: true, Eps: LogEps(vals, min, max)}
}

// LogEps picks the offset ε of a log scale from the data: the 1st
// percentile of f − min over the finite values, so that the colours resolve
// the bottom of the surface down to the lowest 1 % of the plot instead of a
// fixed number of decades; it is estimated from a histogram of
// log10(f − min) with 20 bins per decade and clamped to
// [R·10⁻⁹, R·10⁻¹] (R = max − min). When more than 1 % of the values sit
// within R·10⁻⁹ of the minimum (a plateau), it returns the default
// R·10^−LogDecades.
func LogEps(vals []float64, min, max float64) float64 {
	r := max - min
	if !(r > 0) || math.IsInf(r, 0) {
		return 0
	}
	var hist [logBins]int32 // bin 0: below R·1e-9
	n := 0
	lr := math.Log10(r)
	for k := 0; k < len(vals); k += chunk { // see FillPixels
		n += logHist(&hist, vals[k:k+chunkLen(vals, k)], min, max, lr)
	}
	want := int32(math.Ceil(0.01 * float64(n)))
	if hist[0] >= want {
		return r * math.Pow(10, -LogDecades)
	}
	acc := hist[0]
	for k := 1; k < len(hist); k++ {
		acc += hist[k]
		if acc >= want {
			e := r * math.Pow(10, float64(k)/perDecade-decades) // upper edge of bin k
			return math.Min(e, r*0.1)
		}
	}
	return r * 0.1
}

// LogEps's histogram: 20 bins a decade over 9 decades, and one below.
const (
	perDecade, decades = 20, 9
	logBins            = perDecade*decades + 1
)

// logHist counts the values of vals in [min, max] into hist's bins by
// log10(f − min) − lr and returns how many there were.
//
//go:noinline
func logHist(hist *[logBins]int32, vals []float64, min, max, lr float64) int {
	n := 0
	for _, f := range vals {
		if !(f >= min && f <= max) {
			continue
		}
		n++
		d := f - min
		k := 0
		if d > 0 {
			k = int(math.Floor((math.Log10(d)-lr+decades)*perDecade)) + 1
		}
		if k < 0 {
			k = 0
		} else if k >= len(hist) {
			k = len(hist) - 1
		}
		hist[k]++
	}
	return n
}

func (s HeatScale) eps() float64 {
	if s.Eps > 0 {
		return s.Eps
	}
	r := s.Max - s.Min
	if !(r > 0) {
		return 1
	}
	return r * math.Pow(10, -LogDecades)
}

// T returns the colormap position of f: in [0, 1] for finite f (clamped
// outside [Min, Max]), NaN for NaN and ±Inf. A degenerate scale
// (Max <= Min) maps every finite value to 0.5.
func (s HeatScale) T(f float64) float64 {
	if f != f || math.IsInf(f, 0) {
		return math.NaN()
	}
	r := s.Max - s.Min
	if !(r > 0) {
		return 0.5
	}
	var t float64
	if s.Log {
		e := s.eps()
		d := f - s.Min
		if d < 0 {
			d = 0
		}
		t = math.Log((d+e)/e) / math.Log((r+e)/e)
	} else {
		t = (f - s.Min) / r
	}
	return math.Max(0, math.Min(1, t))
}

// Inv returns the value whose colormap position is t; it inverts T on
// [0, 1].
func (s HeatScale) Inv(t float64) float64 {
	r := s.Max - s.Min
	if !s.Log {
		return s.Min + t*r
	}
	e := s.eps()
	return s.Min - e + e*math.Pow((r+e)/e, t)
}

// Levels appends k contour levels to dst: the values at t = i/(k+1),
// i = 1…k, so that contour lines fall on evenly spaced colours of the
// heatmap drawn with the same scale (geometrically spaced in f − Min for a
// log scale).
func (s HeatScale) Levels(dst []float64, k int) []float64 {
	if !(s.Max > s.Min) {
		return dst
	}
	for i := 1; i <= k; i++ {
		dst = append(dst, s.Inv(float64(i)/float64(k+1)))
	}
	return dst
}

// ContourLevels appends k levels strictly between min and max to dst:
// linearly spaced, or, with log true, spaced evenly in log(f − min + ε)
// like a log HeatScale. Decide log with Wide.
func ContourLevels(dst []float64, min, max float64, k int, log bool) []float64 {
	return HeatScale{Min: min, Max: max, Log: log}.Levels(dst, k)
}

// FillPixels writes the colours of vals through s into pix as RGBA bytes,
// pixel k from vals[k] (row-major, row 0 at the top, like Grid), non-finite
// values as NoData. pix must hold 4·len(vals) bytes. It allocates nothing.
func FillPixels(pix []byte, vals []float64, s HeatScale) {
	if len(vals) == 0 {
		return
	}
	_ = pix[4*len(vals)-1]
	// Colormap(s.T(f)) for every value, with T's constants computed once:
	// the same arithmetic, so the same colours.
	c := pixelScale{s: s, r: s.Max - s.Min, flat: Colormap(0.5), lo: Colormap(0), hi: Colormap(1)}
	if s.Log && c.r > 0 {
		c.e = s.eps()
		c.den = math.Log((c.r + c.e) / c.e)
	}
	// In pieces: in the browser, WebAssembly code starts unoptimized and a
	// function called often is optimized in the background for its next
	// calls, which a single long loop would never make.
	for k := 0; k < len(vals); k += chunk {
		n := chunkLen(vals, k)
		c.fill(pix[4*k:4*(k+n)], vals[k:k+n])
	}
}

// chunk is how many values the per-value loops of this file handle a call.
const chunk = 1024

// chunkLen is the length of the chunk of vals from k.
func chunkLen(vals []float64, k int) int { return min(chunk, len(vals)-k) }

// pixelScale is HeatScale.T's arithmetic with its constants computed.
type pixelScale struct {
	s      HeatScale
	r, e   float64    // range, log offset
	den    float64    // log((r+e)/e)
	flat   color.RGBA // a degenerate scale's colour
	lo, hi color.RGBA // Colormap(0), Colormap(1)
}

//go:noinline
func (c *pixelScale) fill(pix []byte, vals []float64) {
	_ = pix[4*len(vals)-1]
	for k, f := range vals {
		var clr color.RGBA
		switch {
		case f-f != 0: // NaN or ±Inf
			clr = NoData
		case !(c.r > 0):
			clr = c.flat
		default:
			var t float64
			if c.s.Log {
				d := f - c.s.Min
				if d < 0 {
					d = 0
				}
				t = math.Log((d+c.e)/c.e) / c.den
			} else {
				t = (f - c.s.Min) / c.r
			}
			// Colormap(t) written out: calls cost much in WebAssembly
			switch {
			case t != t:
				clr = NoData
			case t <= 0:
				clr = c.lo
			case t >= 1:
				clr = c.hi
			default:
				const n = len(viridis) - 1
				s := t * float64(n)
				k := int(s)
				if k >= n {
					k = n - 1
				}
				f := s - float64(k)
				a, b := &viridis[k], &viridis[k+1]
				var ch [3]uint8
				for i := range ch {
					// lerp(a[i], b[i], f)
					v := float64(a[i]) + f*(float64(b[i])-float64(a[i]))
					r := int(v)
					if v-float64(r) >= 0.5 {
						r++
					}
					ch[i] = uint8(r)
				}
				clr = color.RGBA{ch[0], ch[1], ch[2], 0xff}
			}
		}
		p := pix[4*k : 4*k+4 : 4*k+4]
		p[0], p[1], p[2], p[3] = clr.R, clr.G, clr.B, clr.A
	}
}

// FillPixelsMap is FillPixels through the colormap cmap (a function of
// t in [0, 1], NaN for no data) instead of Colormap.
func FillPixelsMap(pix []byte, vals []float64, s HeatScale, cmap func(t float64) color.RGBA) {
	if len(vals) == 0 {
		return
	}
	_ = pix[4*len(vals)-1]
	for k, f := range vals {
		c := cmap(s.T(f))
		p := pix[4*k : 4*k+4 : 4*k+4]
		p[0], p[1], p[2], p[3] = c.R, c.G, c.B, c.A
	}
}
