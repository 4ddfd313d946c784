package la

import "math"

// The symmetric eigensolver: Householder reduction to tridiagonal form, then
// the implicit symmetric QR algorithm with Wilkinson shifts (Golub & Van
// Loan, Matrix Computations, 4th ed., Algs. 8.3.1, 8.3.2 and 8.3.3), the
// orthogonal transformations accumulated when eigenvectors are asked for.
// Both steps are backward stable, so each eigenvalue is accurate to a modest
// multiple of eps·‖A‖.

const eps = 0x1p-52

// EigSymWork returns the length of the work slice EigSym needs for an n×n
// matrix.
func EigSymWork(n int) int { return n*n + 4*n }

// EigSym stores the eigenvalues of the symmetric n×n matrix a in vals,
// ascending, and, when vecs is not nil, orthonormal eigenvectors as the
// columns of vecs (n×n), column j for vals[j]. Only the lower triangle of a
// is read; a is not modified. work must hold EigSymWork(n) numbers.
func EigSym(vals, vecs, a, work []float64, n int) {
	if n == 0 {
		return
	}
	w := work[:n*n]
	d, e := work[n*n:n*n+n], work[n*n+n:n*n+2*n]
	v, beta := work[n*n+2*n:n*n+3*n], work[n*n+3*n:n*n+4*n]
	for i := 0; i < n; i++ { // the lower triangle, mirrored
		for j := 0; j <= i; j++ {
			w[i*n+j], w[j*n+i] = a[i*n+j], a[i*n+j]
		}
	}
	tridiagonalize(d, e[:n-1], v, beta, w, n)
	if vecs != nil {
		householderQ(vecs, w, beta, n)
	}
	triQR(d, e[:n-1], vecs, n)
	copy(vals, d[:n])
	// Insertion sort, eigenvector columns moving along: the QR algorithm
	// leaves the eigenvalues nearly sorted only by chance.
	for i := 1; i < n; i++ {
		for j := i; j > 0 && vals[j] < vals[j-1]; j-- {
			vals[j], vals[j-1] = vals[j-1], vals[j]
			if vecs != nil {
				for r := 0; r < n; r++ {
					vecs[r*n+j], vecs[r*n+j-1] = vecs[r*n+j-1], vecs[r*n+j]
				}
			}
		}
	}
}

// tridiagonalize reduces the symmetric n×n matrix w (full storage) to the
// tridiagonal matrix T = QᵀAQ with diagonal d and off-diagonal e, by
// Householder reflections Pₖ = I − βₖvₖvₖᵀ applied from both sides, one
// column at a time (Q = P₀P₁…). vₖ is left in column k of w below the
// subdiagonal (which the reduction no longer reads) and βₖ in beta[k]
// (0 for Pₖ = I); v is workspace of n numbers.
func tridiagonalize(d, e, v, beta, w []float64, n int) {
	clear(beta)
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
		b := 1 / (norm * (norm + math.Abs(x[0]))) // 2/vᵀv
		e[k] = alpha
		beta[k] = b
		for i, vi := range vv {
			w[(k+1+i)*n+k] = vi
		}
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
			p[i] = b * s
			pv += p[i] * vv[i]
		}
		c := b * pv / 2
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

// householderQ forms Q = P₀P₁…P_{n−3} in q from the reflections that
// tridiagonalize left in w and beta, accumulating backwards (Golub & Van
// Loan §5.1.6): Q ← Pₖ·Q touches only rows k+1 and below.
func householderQ(q, w, beta []float64, n int) {
	SetIdentity(q, n, 1)
	for k := n - 3; k >= 0; k-- {
		b := beta[k]
		if b == 0 {
			continue
		}
		for j := k + 1; j < n; j++ {
			var s float64 // vᵀ·(column j of Q)
			for i := k + 1; i < n; i++ {
				s += w[i*n+k] * q[i*n+j]
			}
			s *= b
			for i := k + 1; i < n; i++ {
				q[i*n+j] -= s * w[i*n+k]
			}
		}
	}
}

// triQR overwrites d with the eigenvalues (unsorted) of the symmetric
// tridiagonal matrix with diagonal d and off-diagonal e (destroyed), by
// implicit QR steps with the Wilkinson shift on the trailing unreduced
// block, chasing the bulge with Givens rotations (Golub & Van Loan
// Algs. 8.3.2–8.3.3). Each rotation is applied to the columns of q (n×n)
// too unless q is nil, so that q·diag(d)·qᵀ stays the matrix q·T·qᵀ. An
// off-diagonal element counts as zero once it is at most eps times its two
// diagonal neighbours.
func triQR(d, e, q []float64, n int) {
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
			// T ← GᵀTG with the rotation G = [c s; −s c] on rows and
			// columns k, k+1, where c·x − s·z = r, s·x + c·z = 0.
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
			if q != nil {
				for i := 0; i < n; i++ {
					qk, qk1 := q[i*n+k], q[i*n+k+1]
					q[i*n+k] = c*qk - s*qk1
					q[i*n+k+1] = s*qk + c*qk1
				}
			}
		}
	}
}
