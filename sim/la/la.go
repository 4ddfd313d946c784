// Package la is the small dense linear algebra that curvlab's methods
// (package sim) and networks (package sim/nn) share: vector operations,
// matrix–vector products, Cholesky factorization, Gaussian elimination and
// one symmetric eigensolver.
//
// Vectors are []float64; matrices are n×n row-major []float64. The
// destination comes first. These run inside every step, so they take their
// workspace from the caller and never allocate; gonum's mat package is their
// oracle in tests.
package la

import "math"

// Dot returns xᵀy (len(y) ≥ len(x)), summed left to right.
func Dot(x, y []float64) float64 {
	var s float64
	for i, xi := range x {
		s += xi * y[i]
	}
	return s
}

// Norm returns the Euclidean norm ‖x‖. It is √(xᵀx) wherever xᵀx is a
// normal float64; where the sum of squares overflows or underflows while
// the norm itself does not, it scales by max|xᵢ| first, as BLAS dnrm2 does,
// so that ‖x‖ is +Inf only when it truly exceeds the largest float64 (or
// some xᵢ is ±Inf), and NaN when some xᵢ is NaN.
func Norm(x []float64) float64 {
	ss := Dot(x, x)
	if ss >= 0x1p-1022 && ss <= math.MaxFloat64 || math.IsNaN(ss) {
		return math.Sqrt(ss)
	}
	var big float64
	for _, v := range x {
		if a := math.Abs(v); a > big || math.IsNaN(a) {
			big = a
		}
	}
	if big == 0 || math.IsInf(big, 1) || math.IsNaN(big) {
		return big
	}
	var s float64
	for _, v := range x {
		r := v / big
		s += r * r
	}
	return big * math.Sqrt(s)
}

// Axpy sets dst = x + a·y.
func Axpy(dst, x []float64, a float64, y []float64) {
	for i := range dst {
		dst[i] = x[i] + a*y[i]
	}
}

// Sub sets dst = x − y.
func Sub(dst, x, y []float64) {
	for i := range dst {
		dst[i] = x[i] - y[i]
	}
}

// Scale sets dst = a·x.
func Scale(dst []float64, a float64, x []float64) {
	for i := range dst {
		dst[i] = a * x[i]
	}
}

// IsFinite reports whether every element of x is a finite number.
func IsFinite(x []float64) bool {
	for _, v := range x {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}
