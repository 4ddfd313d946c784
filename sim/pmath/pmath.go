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
