package geom

import (
	"math"
	"strconv"
)

// maxTicks bounds the number of ticks any function here produces.
const maxTicks = 200

// NiceStep returns a step of the form {1, 2, 5}·10^k giving about n
// intervals over span, or 0 when span is not positive and finite.
func NiceStep(span float64, n int) float64 {
	if !(span > 0) || math.IsInf(span, 0) {
		return 0
	}
	if n < 1 {
		n = 1
	}
	raw := span / float64(n)
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	f := raw / p
	switch {
	case f < 1.5:
		return p
	case f < 3:
		return 2 * p
	case f < 7:
		return 5 * p
	default:
		return 10 * p
	}
}

// Ticks appends to dst the multiples of NiceStep(hi−lo, n) that lie in
// [lo, hi] (with a relative tolerance of 1e-9 of the step at both ends) and
// returns it with the step. Values within 1e-9 steps of zero are exactly 0.
// For lo == hi it appends lo alone; for non-finite bounds, nothing.
func Ticks(dst []float64, lo, hi float64, n int) ([]float64, float64) {
	if lo > hi {
		lo, hi = hi, lo
	}
	if lo != lo || hi != hi || math.IsInf(lo, 0) || math.IsInf(hi, 0) {
		return dst, 0
	}
	if lo == hi {
		return append(dst, lo), 0
	}
	step := NiceStep(hi-lo, n)
	if step == 0 {
		return dst, 0
	}
	k0 := math.Ceil(lo/step - 1e-9)
	k1 := math.Floor(hi/step + 1e-9)
	if k1-k0 >= maxTicks {
		k1 = k0 + maxTicks - 1
	}
	for k := k0; k <= k1; k++ {
		v := k * step
		if math.Abs(v) < 1e-9*step {
			v = 0
		}
		dst = append(dst, v)
	}
	return dst, step
}

// decadeSteps are the decade strides LogTicks chooses from.
var decadeSteps = [...]float64{1, 2, 3, 5, 10, 20, 30, 50, 100}

// LogTicks appends ticks for a logarithmic axis over [lo, hi] (both > 0):
// the powers of ten in range, every m-th decade (m = 1, 2, 3, 5, 10, …)
// when there are more than about n of them; when the range holds fewer than two decades it adds the
// multiples 2 and 5 (and, below that, 1-9), and when even that gives fewer
// than two ticks it falls back to linear Ticks. It returns 0 for a log
// decade pattern or the linear step.
func LogTicks(dst []float64, lo, hi float64, n int) ([]float64, float64) {
	if lo > hi {
		lo, hi = hi, lo
	}
	if !(lo > 0) || math.IsInf(hi, 0) || hi != hi {
		return dst, 0
	}
	if n < 2 {
		n = 2
	}
	e0 := math.Ceil(math.Log10(lo) - 1e-9)
	e1 := math.Floor(math.Log10(hi) + 1e-9)
	decades := e1 - e0 + 1
	start := len(dst)
	if decades >= 2 {
		m := 1.0
		for _, c := range decadeSteps {
			m = c
			if decades/c <= float64(n)+1 {
				break
			}
		}
		e0 = math.Ceil(e0/m) * m
		for e := e0; e <= e1 && len(dst)-start < maxTicks; e += m {
			dst = append(dst, pow10(e))
		}
		return dst, 0
	}
	for _, mults := range [][]float64{{1, 2, 5}, {1, 2, 3, 4, 5, 6, 7, 8, 9}} {
		dst = dst[:start]
		for e := math.Floor(math.Log10(lo)); e <= math.Ceil(math.Log10(hi)); e++ {
			for _, k := range mults {
				v := k * pow10(e)
				if v >= lo*(1-1e-9) && v <= hi*(1+1e-9) {
					dst = append(dst, v)
				}
			}
		}
		if len(dst)-start >= 2 {
			return dst, 0
		}
	}
	return Ticks(dst[:start], lo, hi, n)
}

// pow10 returns the float64 nearest to 10^e for an integral e. Neither
// math.Pow(10, e) nor math.Pow10 (which divides for e < 0, so 10⁻³⁰ comes
// out one ulp low and labels as "9.999999999999999e-31") is correctly
// rounded everywhere, so the powers are parsed once from their decimal form.
func pow10(e float64) float64 {
	i := int(e)
	if i < minPow10 {
		return 0
	}
	if i > maxPow10 {
		return math.Inf(1)
	}
	return pow10tab[i-minPow10]
}

const minPow10, maxPow10 = -323, 308

var pow10tab = func() (t [maxPow10 - minPow10 + 1]float64) {
	for i := range t {
		t[i], _ = strconv.ParseFloat("1e"+strconv.Itoa(i+minPow10), 64)
	}
	return t
}()

// AppendLabel appends a compact label for the tick value v to buf. step is
// the distance between neighbouring ticks (0 for log ticks): it decides how
// many digits are shown (as many decimals as a 1-2-5 step has; trailing
// zeros dropped), so 0.30000000000000004 with step 0.1 reads "0.3".
// Large and small magnitudes use a short exponent form: "2.5e6", "1e-4".
// Zero (also −0) is "0".
func AppendLabel(buf []byte, v, step float64) []byte {
	if v != v {
		return append(buf, "NaN"...)
	}
	if math.IsInf(v, 0) {
		if v > 0 {
			return append(buf, "∞"...)
		}
		return append(buf, "−∞"...)
	}
	a := math.Abs(v)
	if step > 0 && a < 1e-9*step || a == 0 {
		return append(buf, '0')
	}
	ev := math.Floor(math.Log10(a))
	if a >= 1e5 || ev <= -4 {
		// mantissa digits: enough to tell neighbours apart
		prec := -1
		if step > 0 {
			prec = int(math.Max(0, ev-math.Floor(math.Log10(step)+1e-9)))
			if prec > 15 {
				prec = 15
			}
		}
		start := len(buf)
		buf = strconv.AppendFloat(buf, v, 'e', prec, 64)
		return compactExp(buf, start)
	}
	if step > 0 {
		dec := int(math.Max(0, -math.Floor(math.Log10(step)+1e-9)))
		if dec > 15 {
			dec = 15
		}
		start := len(buf)
		buf = strconv.AppendFloat(buf, v, 'f', dec, 64)
		if dec > 0 { // "1.0" → "1", "0.50" → "0.5"
			for buf[len(buf)-1] == '0' {
				buf = buf[:len(buf)-1]
			}
			if buf[len(buf)-1] == '.' {
				buf = buf[:len(buf)-1]
			}
		}
		if string(buf[start:]) == "-0" {
			buf = append(buf[:start], '0')
		}
		return buf
	}
	return strconv.AppendFloat(buf, v, 'g', 6, 64)
}

// compactExp rewrites the 'e' format in buf[start:] from "2.50e+06" to
// "2.5e6": no plus sign, no leading zeros in the exponent, and no trailing
// zeros in the mantissa.
func compactExp(buf []byte, start int) []byte {
	e := start
	for e < len(buf) && buf[e] != 'e' {
		e++
	}
	if e == len(buf) {
		return buf
	}
	var exp [8]byte
	ne := copy(exp[:], buf[e+1:])
	m := e
	for m > start && buf[m-1] == '0' {
		m--
	}
	if m > start && buf[m-1] == '.' {
		m--
	}
	buf = append(buf[:m], 'e')
	i := 0
	if exp[0] == '+' {
		i = 1
	} else if exp[0] == '-' {
		buf = append(buf, '-')
		i = 1
	}
	for i < ne-1 && exp[i] == '0' {
		i++
	}
	return append(buf, exp[i:ne]...)
}

// TickSet caches the ticks and labels of one axis, recomputing them only
// when the range, count or scale changes, so that drawing axes every frame
// allocates nothing in steady state.
type TickSet struct {
	Pos    []float64 // tick values (data units, also for log axes)
	Labels []string  // one label per tick
	Step   float64   // linear step, 0 for log decades

	lo, hi float64
	n      int
	log    bool
	valid  bool
	buf    []byte
}

// Update recomputes the ticks for [lo, hi] with about n intervals, on a log
// axis when log is true, unless they are unchanged; it reports whether they
// changed.
func (t *TickSet) Update(lo, hi float64, n int, log bool) bool {
	if t.valid && t.lo == lo && t.hi == hi && t.n == n && t.log == log {
		return false
	}
	t.lo, t.hi, t.n, t.log, t.valid = lo, hi, n, log, true
	if log {
		t.Pos, t.Step = LogTicks(t.Pos[:0], lo, hi, n)
	} else {
		t.Pos, t.Step = Ticks(t.Pos[:0], lo, hi, n)
	}
	t.Labels = t.Labels[:0]
	for _, v := range t.Pos {
		t.buf = AppendLabel(t.buf[:0], v, t.Step)
		t.Labels = append(t.Labels, string(t.buf))
	}
	return true
}
