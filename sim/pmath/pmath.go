// Package pmath has the few transcendental functions whose results must
// be the same bits on every architecture curvlab runs on. Go's math.Exp
// (and math.Tanh, which calls it) has assembly on amd64 and pure Go on
// js/wasm, and the two may differ in the last bit; on a network that is
// enough for Newton's method, whose Hessians are ill-conditioned, to leave
// the native trajectory within ten iterations, so that a link opened in the
// browser would not show what the desktop showed. The functions here are
// built from operations that are the same everywhere: +, −, ×, ÷ and the
// pure-Go math.Expm1, math.Ldexp and math.Round.
//
// The compiler must not fuse a multiply and an add into one FMA, which
// rounds once instead of twice: Go does not on amd64, 386 and wasm; where it
// may (arm64, ppc64, s390x), explicit float64 conversions of products stop
// it, and the code below writes them.
package pmath

import "math"

// ln2Hi + ln2Lo = ln 2 to about 2⁻⁸⁵; ln2Hi has only 32 significant bits,
// so k·ln2Hi is exact for every |k| < 2²¹.
const (
	ln2Hi = 6.93147180369123816490e-01
	ln2Lo = 1.90821492927058770002e-10
)

// Exp returns eˣ: with k = round(x/ln 2) and r = x − k·ln 2, |r| ≤ ln2/2,
// eˣ = 2ᵏ·(expm1(r) + 1). It is within 1 ulp or so of the exact value,
// overflows to +Inf above 709.79 and underflows to 0 below −745.2.
func Exp(x float64) float64 {
	switch {
	case math.IsNaN(x):
		return x
	case x > 709.782712893384:
		return math.Inf(1)
	case x < -745.1332191019412:
		return 0
	}
	k := math.Round(float64(x * math.Log2E))
	r := (x - float64(k*ln2Hi)) - float64(k*ln2Lo)
	return math.Ldexp(math.Expm1(r)+1, int(k))
}

// Tanh returns tanh x = −e/(e + 2) with e = expm1(−2|x|), the sign of x
// restored: accurate for small |x| too, since expm1 is.
func Tanh(x float64) float64 {
	if math.IsNaN(x) {
		return x
	}
	e := math.Expm1(-2 * math.Abs(x))
	t := -e / (e + 2)
	if x < 0 {
		return -t
	}
	return t
}

// Sigmoid returns σ(x) = 1/(1 + e⁻ˣ) without overflow: for x < 0 as
// eˣ/(1 + eˣ).
func Sigmoid(x float64) float64 {
	if x >= 0 {
		return 1 / (1 + Exp(-x))
	}
	e := Exp(x)
	return e / (1 + e)
}

// Log returns the natural logarithm of x: with x = m·2ᵏ, √½ ≤ m < √2,
// log x = k·ln 2 + log1p(m − 1). NaN for x < 0 and NaN, −Inf at 0, +Inf
// at +Inf.
func Log(x float64) float64 {
	switch {
	case math.IsNaN(x) || x < 0:
		return math.NaN()
	case x == 0:
		return math.Inf(-1)
	case math.IsInf(x, 1):
		return x
	}
	m, k := math.Frexp(x) // x = m·2ᵏ, ½ ≤ m < 1
	if m < math.Sqrt2/2 {
		m *= 2
		k--
	}
	fk := float64(k)
	return float64(fk*ln2Hi) + (math.Log1p(m-1) + float64(fk*ln2Lo))
}

// Sinh returns sinh x = (e − 1/e)/2 with e = eˣ, and for |x| < 1 as
// (m + m/(m + 1))/2 with m = expm1(x), accurate near 0.
func Sinh(x float64) float64 {
	if math.Abs(x) < 1 {
		m := math.Expm1(x)
		return (m + m/(m+1)) / 2
	}
	if math.Abs(x) > 710 {
		return math.Copysign(math.Inf(1), x)
	}
	e := Exp(math.Abs(x))
	return math.Copysign((e-1/e)/2, x)
}

// Cosh returns cosh x = (e + 1/e)/2 with e = e^|x|.
func Cosh(x float64) float64 {
	if math.Abs(x) > 710 {
		return math.Inf(1)
	}
	e := Exp(math.Abs(x))
	return (e + 1/e) / 2
}

// Pow returns xʸ. An integer y (|y| < 2⁵³) is math.Pow's, which uses only
// exact scaling and products; otherwise it is exp(y·log x) for x > 0
// (math.Pow's own would call the assembly Exp and Log), 0 or +Inf at
// x = 0, and NaN for x < 0; within about 2 + 2|y·log x| ulp.
func Pow(x, y float64) float64 {
	if y == math.Trunc(y) && math.Abs(y) < 1<<53 {
		return math.Pow(x, y)
	}
	switch {
	case math.IsNaN(x) || math.IsNaN(y) || x < 0:
		return math.NaN()
	case x == 0:
		if y > 0 {
			return 0
		}
		return math.Inf(1)
	}
	return Exp(y * Log(x))
}
