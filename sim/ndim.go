package sim

import "curvlab/sim/la"

// QuadraticND is the n-dimensional quadratic
//
//	f(x) = ½·xᵀAx − bᵀx,  ∇f = Ax − b,  ∇²f = A
//
// with A symmetric n×n (row-major). When A is positive definite its unique
// minimizer solves Ax = b (N&W §5.1, eqs. 5.1–5.2).
type QuadraticND struct {
	A, B []float64
	n    int
}

// NewQuadraticND builds ½xᵀAx − bᵀx; a is n×n row-major with n = len(b).
// It panics if the sizes disagree or a is not symmetric. a and b are
// copied.
func NewQuadraticND(a []float64, b []float64) *QuadraticND {
	n := len(b)
	if n == 0 || len(a) != n*n {
		panic("sim: NewQuadraticND: A must be n×n with n = len(b) > 0")
	}
	for i := 0; i < n; i++ {
		for j := 0; j < i; j++ {
			if a[i*n+j] != a[j*n+i] {
				panic("sim: NewQuadraticND: A is not symmetric")
			}
		}
	}
	return &QuadraticND{
		A: append([]float64(nil), a...),
		B: append([]float64(nil), b...),
		n: n,
	}
}

func (q *QuadraticND) Dim() int { return q.n }

func (q *QuadraticND) Func(x []float64) float64 {
	var f float64
	for i := 0; i < q.n; i++ {
		f += x[i] * (0.5*la.Dot(q.A[i*q.n:(i+1)*q.n], x) - q.B[i])
	}
	return f
}

func (q *QuadraticND) Grad(g, x []float64) {
	la.MatVec(g, q.A, x)
	la.Sub(g, g, q.B)
}

func (q *QuadraticND) Hess(h, x []float64) { copy(h, q.A) }

// Minimizer solves Ax = b by Cholesky factorization; ok is false when A is
// not positive definite (then f has no minimizer).
func (q *QuadraticND) Minimizer() (x []float64, ok bool) {
	l := make([]float64, q.n*q.n)
	if !la.Cholesky(l, q.A, q.n) {
		return nil, false
	}
	x = make([]float64, q.n)
	la.CholSolve(x, l, q.B)
	return x, true
}

// RosenbrockND is Rosenbrock's function in n dimensions, in one of its two
// standard extensions:
//
// chained (Dixon & Mills 1994; gonum's functions.ExtendedRosenbrock), n ≥ 2:
//
//	f(x) = Σ_{i=1}^{n−1} [100(x_{i+1} − x_i²)² + (1 − x_i)²]
//
// extended (Moré, Garbow & Hillstrom, ACM TOMS 7, 1981, problem 21), n even:
//
//	f(x) = Σ_{i=1}^{n/2} [100(x_{2i} − x_{2i−1}²)² + (1 − x_{2i−1})²]
//
// Both have the global minimum f = 0 at (1, …, 1); the chained form also
// has a local minimum near (−1, 1, …, 1) for 4 ≤ n ≤ 7 (Kok & Sandrock,
// Evolutionary Computation 17, 2009). The standard start is
// (−1.2, 1, −1.2, 1, …). The Hessian is tridiagonal (chained) or 2×2 block
// diagonal (extended).
type RosenbrockND struct {
	N       int
	Chained bool
}

// NewRosenbrockND builds the chained (chained = true, n ≥ 2) or extended
// (n even) Rosenbrock function; it panics on an invalid n.
func NewRosenbrockND(n int, chained bool) *RosenbrockND {
	if n < 2 || !chained && n%2 != 0 {
		panic("sim: NewRosenbrockND: n must be ≥ 2, and even unless chained")
	}
	return &RosenbrockND{N: n, Chained: chained}
}

// stride is the step between the first indices of successive terms.
func (r *RosenbrockND) stride() int {
	if r.Chained {
		return 1
	}
	return 2
}

func (r *RosenbrockND) Dim() int { return r.N }

func (r *RosenbrockND) Func(x []float64) float64 {
	var f float64
	for i := 0; i+1 < r.N; i += r.stride() {
		a := 1 - x[i]
		b := x[i+1] - x[i]*x[i]
		f += a*a + 100*b*b
	}
	return f
}

func (r *RosenbrockND) Grad(g, x []float64) {
	for i := range g[:r.N] {
		g[i] = 0
	}
	for i := 0; i+1 < r.N; i += r.stride() {
		b := x[i+1] - x[i]*x[i]
		g[i] += -2*(1-x[i]) - 400*x[i]*b
		g[i+1] += 200 * b
	}
}

func (r *RosenbrockND) Hess(h, x []float64) {
	n := r.N
	for i := range h[:n*n] {
		h[i] = 0
	}
	for i := 0; i+1 < n; i += r.stride() {
		j := i + 1
		h[i*n+i] += 2 - 400*x[j] + 1200*x[i]*x[i]
		h[i*n+j] += -400 * x[i]
		h[j*n+i] += -400 * x[i]
		h[j*n+j] += 200
	}
}

// Start returns the standard start (−1.2, 1, −1.2, 1, …).
func (r *RosenbrockND) Start() []float64 {
	x := make([]float64, r.N)
	for i := range x {
		x[i] = 1
		if i%2 == 0 {
			x[i] = -1.2
		}
	}
	return x
}
