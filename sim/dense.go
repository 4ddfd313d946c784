package sim

import "math"

// Small dense linear algebra on plain slices. Matrices are n×n, row-major.
// These run inside every step, so they take their workspace from the caller
// and never allocate; gonum's mat package serves as their oracle in tests.

// Dot returns xᵀy.
func Dot(x, y []float64) float64 {
	var s float64
	for i, xi := range x {
		s += xi * y[i]
	}
	return s
}

// Norm returns the Euclidean norm ‖x‖.
func Norm(x []float64) float64 {
	return math.Sqrt(Dot(x, x))
}

// axpy sets dst = x + a·y.
func axpy(dst, x []float64, a float64, y []float64) {
	for i := range dst {
		dst[i] = x[i] + a*y[i]
	}
}

// sub sets dst = x − y.
func sub(dst, x, y []float64) {
	for i := range dst {
		dst[i] = x[i] - y[i]
	}
}

// scale sets dst = a·x.
func scale(dst []float64, a float64, x []float64) {
	for i := range dst {
		dst[i] = a * x[i]
	}
}

// MatVec sets dst = A·x for an n×n matrix A (dst must not alias x).
func MatVec(dst, a, x []float64) {
	n := len(x)
	for i := 0; i < n; i++ {
		dst[i] = Dot(a[i*n:(i+1)*n], x)
	}
}

// setIdentity sets the n×n matrix a to γ·I.
func setIdentity(a []float64, n int, gamma float64) {
	for i := range a {
		a[i] = 0
	}
	for i := 0; i < n; i++ {
		a[i*n+i] = gamma
	}
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

// EigSym computes the eigenvalues of the symmetric n×n matrix a in
// ascending order into vals and, when vecs is not nil, the orthonormal
// eigenvectors as the columns of vecs (n×n). work must hold n·n numbers; a
// is not modified. It uses cyclic Jacobi rotations (Golub & Van Loan,
// Matrix Computations, 4th ed., §8.5), accurate to a few ulps for the small
// matrices drawn here.
func EigSym(vals, vecs, a, work []float64, n int) {
	w := work[:n*n]
	copy(w, a[:n*n])
	if vecs != nil {
		setIdentity(vecs, n, 1)
	}
	for sweep := 0; sweep < 64; sweep++ {
		var off, diag float64
		for p := 0; p < n; p++ {
			diag += w[p*n+p] * w[p*n+p]
			for q := p + 1; q < n; q++ {
				off += w[p*n+q] * w[p*n+q]
			}
		}
		if off <= 1e-36*diag || off == 0 || math.IsNaN(off) || math.IsInf(off, 0) {
			break
		}
		for p := 0; p < n; p++ {
			for q := p + 1; q < n; q++ {
				apq := w[p*n+q]
				if apq == 0 {
					continue
				}
				theta := (w[q*n+q] - w[p*n+p]) / (2 * apq)
				t := 1 / (math.Abs(theta) + math.Sqrt(theta*theta+1))
				if theta < 0 {
					t = -t
				}
				if math.IsInf(theta, 0) {
					t = 0.5 / theta
				}
				c := 1 / math.Sqrt(t*t+1)
				s := t * c
				for k := 0; k < n; k++ { // columns p and q
					akp, akq := w[k*n+p], w[k*n+q]
					w[k*n+p] = c*akp - s*akq
					w[k*n+q] = s*akp + c*akq
				}
				for k := 0; k < n; k++ { // rows p and q
					apk, aqk := w[p*n+k], w[q*n+k]
					w[p*n+k] = c*apk - s*aqk
					w[q*n+k] = s*apk + c*aqk
				}
				w[p*n+q], w[q*n+p] = 0, 0
				if vecs != nil {
					for k := 0; k < n; k++ {
						vkp, vkq := vecs[k*n+p], vecs[k*n+q]
						vecs[k*n+p] = c*vkp - s*vkq
						vecs[k*n+q] = s*vkp + c*vkq
					}
				}
			}
		}
	}
	for i := 0; i < n; i++ {
		vals[i] = w[i*n+i]
	}
	// Selection sort, ascending, moving eigenvector columns along.
	for i := 0; i < n; i++ {
		m := i
		for j := i + 1; j < n; j++ {
			if vals[j] < vals[m] {
				m = j
			}
		}
		if m == i {
			continue
		}
		vals[i], vals[m] = vals[m], vals[i]
		if vecs != nil {
			for k := 0; k < n; k++ {
				vecs[k*n+i], vecs[k*n+m] = vecs[k*n+m], vecs[k*n+i]
			}
		}
	}
}

// isFinite reports whether every element of x is a finite number.
func isFinite(x []float64) bool {
	for _, v := range x {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}
