package nn

import (
	"math"

	"curvlab/sim/la"
)

// Trace returns the trace of the n×n matrix a (row-major).
func Trace(a []float64, n int) float64 { return la.Trace(a, n) }

// SpectrumWork returns the length of the work slice Spectrum needs for an
// n×n matrix.
func SpectrumWork(n int) int { return la.EigSymWork(n) }

// Spectrum stores the eigenvalues of the symmetric n×n matrix a (row-major;
// only the lower triangle is read, a is not modified) in vals, ascending,
// by la.EigSym. work must hold SpectrumWork(n) numbers.
func Spectrum(vals, a, work []float64, n int) { la.EigSym(vals, nil, a, work, n) }

// The tridiagonal eigenvalue problems of Lanczos (sharpness.go): Sharpness
// finds the top eigenvalue of its small Lanczos matrices by bisection on
// Sturm sequences (Golub & Van Loan, Matrix Computations, 4th ed., §8.4.1).

// sturmCount returns the number of eigenvalues less than x of the symmetric
// tridiagonal matrix with diagonal d and off-diagonal e: the number of
// negative pivots of the LDLᵀ factorization of T − xI (Golub & Van Loan
// §8.4.1). A zero pivot is replaced by a tiny negative number.
func sturmCount(d, e []float64, x, pivmin float64) int {
	cnt := 0
	q := d[0] - x
	for i := 0; ; i++ {
		if math.Abs(q) < pivmin {
			q = -pivmin
		}
		if q < 0 {
			cnt++
		}
		if i == len(e) {
			return cnt
		}
		q = d[i+1] - x - e[i]*e[i]/q
	}
}

// triBounds returns an interval that holds every eigenvalue of the
// tridiagonal matrix (Gershgorin's discs, widened a little) and the
// smallest pivot magnitude sturmCount should use.
func triBounds(d, e []float64) (lo, hi, pivmin float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	var emax2 float64
	for i, di := range d {
		r := 0.0
		if i > 0 {
			r += math.Abs(e[i-1])
		}
		if i < len(e) {
			r += math.Abs(e[i])
			emax2 = math.Max(emax2, e[i]*e[i])
		}
		lo, hi = math.Min(lo, di-r), math.Max(hi, di+r)
	}
	width := math.Max(math.Abs(lo), math.Abs(hi))
	lo -= 2*eps*width + 1e-300
	hi += 2*eps*width + 1e-300
	return lo, hi, 0x1p-1022 * math.Max(1, emax2)
}

const eps = 0x1p-52

// triEigen returns the k-th smallest (from 0) eigenvalue of the symmetric
// tridiagonal matrix with diagonal d and off-diagonal e, by bisection to
// full precision.
func triEigen(d, e []float64, k int) float64 {
	lo, hi, pivmin := triBounds(d, e)
	for it := 0; it < 200; it++ {
		mid := lo + (hi-lo)/2
		if mid <= lo || mid >= hi || hi-lo <= 2*eps*math.Max(math.Abs(lo), math.Abs(hi)) {
			break
		}
		if sturmCount(d, e, mid, pivmin) > k {
			hi = mid
		} else {
			lo = mid
		}
	}
	return lo + (hi-lo)/2
}
