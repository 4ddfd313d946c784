package la

import "math"

// MatVec sets dst = A·x for an n×n matrix A (dst must not alias x).
func MatVec(dst, a, x []float64) {
	n := len(x)
	for i := 0; i < n; i++ {
		dst[i] = Dot(a[i*n:(i+1)*n], x)
	}
}

// SetIdentity sets the n×n matrix a to γ·I.
func SetIdentity(a []float64, n int, gamma float64) {
	clear(a[:n*n])
	for i := 0; i < n; i++ {
		a[i*n+i] = gamma
	}
}

// Trace returns the trace of the n×n matrix a.
func Trace(a []float64, n int) float64 {
	var t float64
	for i := 0; i < n; i++ {
		t += a[i*n+i]
	}
	return t
}

// Cholesky computes the lower-triangular L with A = L·Lᵀ into l (n×n) and
// reports whether A is numerically positive definite. Only the lower
// triangle of A is read; l may alias a.
func Cholesky(l, a []float64, n int) bool {
	for j := 0; j < n; j++ {
		d := a[j*n+j]
		for k := 0; k < j; k++ {
			d -= l[j*n+k] * l[j*n+k]
		}
		if !(d > 0) || math.IsInf(d, 0) {
			return false
		}
		d = math.Sqrt(d)
		l[j*n+j] = d
		for i := j + 1; i < n; i++ {
			s := a[i*n+j]
			for k := 0; k < j; k++ {
				s -= l[i*n+k] * l[j*n+k]
			}
			l[i*n+j] = s / d
		}
		for i := 0; i < j; i++ {
			l[i*n+j] = 0
		}
	}
	return true
}

// CholSolve solves L·Lᵀ·x = b for x, given the factor from Cholesky.
// x may alias b.
func CholSolve(x, l, b []float64) {
	n := len(b)
	for i := 0; i < n; i++ { // L·z = b
		s := b[i]
		for k := 0; k < i; k++ {
			s -= l[i*n+k] * x[k]
		}
		x[i] = s / l[i*n+i]
	}
	for i := n - 1; i >= 0; i-- { // Lᵀ·x = z
		s := x[i]
		for k := i + 1; k < n; k++ {
			s -= l[k*n+i] * x[k]
		}
		x[i] = s / l[i*n+i]
	}
}

// PivotTol is the relative pivot below which Solve counts a matrix as
// singular: |pivot| ≤ PivotTol·max|aᵢⱼ|.
const PivotTol = 1e-12

// Solve sets x to the solution of A·x = b by Gaussian elimination with
// partial pivoting (Golub & Van Loan, Matrix Computations, 4th ed., §3.4),
// working in lu (n×n; A is not modified; x may alias b), and reports whether
// A was numerically nonsingular (see PivotTol) and x is finite. Row swaps
// are applied to the right-hand side as they happen, so no permutation is
// kept.
func Solve(x, lu, a, b []float64, n int) bool {
	copy(lu, a[:n*n])
	copy(x, b)
	var big float64
	for _, v := range lu {
		big = math.Max(big, math.Abs(v))
	}
	if !(big > 0) || math.IsInf(big, 0) {
		return false
	}
	for k := 0; k < n; k++ {
		p := k
		for i := k + 1; i < n; i++ {
			if math.Abs(lu[i*n+k]) > math.Abs(lu[p*n+k]) {
				p = i
			}
		}
		if !(math.Abs(lu[p*n+k]) > PivotTol*big) {
			return false
		}
		if p != k {
			for j := k; j < n; j++ {
				lu[k*n+j], lu[p*n+j] = lu[p*n+j], lu[k*n+j]
			}
			x[k], x[p] = x[p], x[k]
		}
		piv := lu[k*n+k]
		for i := k + 1; i < n; i++ {
			f := lu[i*n+k] / piv
			if f == 0 {
				continue
			}
			for j := k + 1; j < n; j++ {
				lu[i*n+j] -= f * lu[k*n+j]
			}
			x[i] -= f * x[k]
		}
	}
	for i := n - 1; i >= 0; i-- {
		v := x[i]
		for j := i + 1; j < n; j++ {
			v -= lu[i*n+j] * x[j]
		}
		x[i] = v / lu[i*n+i]
	}
	return IsFinite(x)
}
