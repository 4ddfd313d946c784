package nn

import "math"

// Dense symmetric eigenvalues: Householder reduction to tridiagonal form,
// then the implicit symmetric QR algorithm with Wilkinson shifts (Golub &
// Van Loan, Matrix Computations, 4th ed., Algs. 8.3.1, 8.3.2 and 8.3.3).
// Sharpness finds the top eigenvalue of its small Lanczos matrices by
// bisection on Sturm sequences (§8.4.1) instead.

// Trace returns the trace of the n×n matrix a (row-major).
func Trace(a []float64, n int) float64 {
	var t float64
	for i := 0; i < n; i++ {
		t += a[i*n+i]
	}
	return t
}

// SpectrumWork returns the length of the work slice Spectrum needs for an
// n×n matrix.
func SpectrumWork(n int) int { return n*n + 3*n }

// Spectrum stores the eigenvalues of the symmetric n×n matrix a (row-major;
// only the lower triangle is read, a is not modified) in vals, ascending.
// work must hold SpectrumWork(n) numbers. Both steps are backward stable, so
// each eigenvalue is accurate to a modest multiple of eps·‖A‖.
func Spectrum(vals, a, work []float64, n int) {
	if n == 0 {
		return
	}
	w := work[:n*n]
	d, e, v := work[n*n:n*n+n], work[n*n+n:n*n+2*n], work[n*n+2*n:n*n+3*n]
	for i := 0; i < n; i++ { // the lower triangle, mirrored
		for j := 0; j <= i; j++ {
			w[i*n+j], w[j*n+i] = a[i*n+j], a[i*n+j]
		}
	}
	tridiagonalize(d, e[:n-1], v, w, n)
	triQR(d, e[:n-1])
	copy(vals, d)
	// Insertion sort: the QR algorithm leaves the eigenvalues nearly sorted
	// only by chance.
	for i := 1; i < n; i++ {
		for j := i; j > 0 && vals[j] < vals[j-1]; j-- {
			vals[j], vals[j-1] = vals[j-1], vals[j]
		}
	}
}

// triQR overwrites d with the eigenvalues (unsorted) of the symmetric
// tridiagonal matrix with diagonal d and off-diagonal e (destroyed), by
// implicit QR steps with the Wilkinson shift on the trailing unreduced
// block, chasing the bulge with Givens rotations (Golub & Van Loan
// Algs. 8.3.2–8.3.3). An off-diagonal element counts as zero once it is
// at most eps times its two diagonal neighbours.
func triQR(d, e []float64) {
	small := func(i int) bool {
		return math.Abs(e[i]) <= eps*(math.Abs(d[i])+math.Abs(d[i+1])) || math.Abs(e[i]) < 0x1p-1000
	}
	h := len(d) - 1
	for iter := 0; h > 0 && iter < 50*len(d); iter++ {
		if small(h - 1) {
			e[h-1] = 0
			h--
			continue
		}
		l := h - 1 // the unreduced block is l..h
		for l > 0 && !small(l-1) {
			l--
		}
		// Wilkinson shift: the eigenvalue of the trailing 2×2 block closer to d[h].
		dd, en := (d[h-1]-d[h])/2, e[h-1]
		mu := d[h] - en*(en/(dd+math.Copysign(math.Hypot(dd, en), dd)))
		x, z := d[l]-mu, e[l]
		for k := l; k < h; k++ {
			// The rotation G = [c s; −s c] on rows and columns k, k+1
			// with c·x − s·z = r, s·x + c·z = 0.
			r := math.Hypot(x, z)
			c, s := x/r, -z/r
			if k > l {
				e[k-1] = r
			}
			a, b, cc := d[k], e[k], d[k+1]
			d[k] = c*c*a - 2*c*s*b + s*s*cc
			d[k+1] = s*s*a + 2*c*s*b + c*c*cc
			e[k] = c*s*(a-cc) + (c*c-s*s)*b
			if k+1 < h {
				x, z = e[k], -s*e[k+1]
				e[k+1] *= c
			}
		}
	}
}

// tridiagonalize reduces the symmetric n×n matrix w (full storage, destroyed)
// to the tridiagonal matrix with diagonal d and off-diagonal e that has the
// same eigenvalues, by Householder reflections P = I − βvvᵀ applied from
// both sides, one column at a time. v is workspace of n numbers.
func tridiagonalize(d, e, v, w []float64, n int) {
	for k := 0; k+2 < n; k++ {
		m := n - k - 1 // size of the trailing block
		x := w[k*n+k+1 : k*n+n]
		var norm float64
		for _, xi := range x {
			norm = math.Hypot(norm, xi)
		}
		if norm == 0 {
			e[k] = 0
			continue
		}
		alpha := -math.Copysign(norm, x[0]) // P·x = alpha·e₁
		vv := v[:m]
		copy(vv, x)
		vv[0] -= alpha
		beta := 1 / (norm * (norm + math.Abs(x[0]))) // 2/vᵀv
		e[k] = alpha
		// A₂₂ ← P·A₂₂·P = A₂₂ − v·wᵀ − w·vᵀ with p = β·A₂₂·v and
		// w = p − (β·pᵀv/2)·v; p is kept in the row above the block,
		// which is no longer read.
		p := w[k*n+k+1 : k*n+n]
		var pv float64
		for i := 0; i < m; i++ {
			row := w[(k+1+i)*n+k+1 : (k+1+i)*n+n]
			var s float64
			for j, vj := range vv {
				s += row[j] * vj
			}
			p[i] = beta * s
			pv += p[i] * vv[i]
		}
		c := beta * pv / 2
		for i := range p {
			p[i] -= c * vv[i]
		}
		for i := 0; i < m; i++ {
			row := w[(k+1+i)*n+k+1 : (k+1+i)*n+n]
			vi, pi := vv[i], p[i]
			for j := range row {
				row[j] -= vi*p[j] + pi*vv[j]
			}
		}
	}
	for k := 0; k < n; k++ {
		d[k] = w[k*n+k]
	}
	if n >= 2 {
		e[n-2] = w[(n-1)*n+n-2]
	}
}

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
