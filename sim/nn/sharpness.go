package nn

import (
	"math"
	"math/rand/v2"
)

// HessVecer is an operator with exact Hessian-vector products, such as *MLP.
type HessVecer interface {
	Dim() int
	HessVec(hv, x, v []float64)
}

// Sharpness computes λ_max, the largest eigenvalue of the Hessian, by the
// Lanczos method with full reorthogonalization on Hessian-vector products
// (Golub & Van Loan, Matrix Computations, 4th ed., §10.1 and §10.3),
// warm-started from the top eigenvector of its previous call. The zero value
// is ready to use. It allocates its workspace on the first call (and again
// only when the dimension or MaxIter changes).
//
// Each call builds an orthonormal basis q₀, q₁, … of the Krylov space of
// the start vector and the tridiagonal matrix T = QᵀHQ; the largest
// eigenvalue θ of T (by bisection) and its eigenvector s (by inverse
// iteration) give the Ritz pair (θ, Qs), whose residual is
// ‖H·Qs − θ·Qs‖ = β|s_last|. The iteration stops when that residual is at
// most Tol·‖T‖ (then some eigenvalue lies within it of θ, and in practice
// λ_max agrees with θ to about residual²/gap), when the Krylov space is
// invariant, or after MaxIter steps. Unlike power iteration it converges
// to λ_max whatever the sign and size of the other eigenvalues.
//
// The start vector is the previous top Ritz vector plus a random vector of
// relative size 10⁻³ (so that a new top eigenvector orthogonal to the old
// one is still found), or a random vector on the first call. The random
// numbers come from a PCG with a fixed seed: a sequence of calls is
// reproducible.
type Sharpness struct {
	// MaxIter bounds the Lanczos steps of a call; 0 means 60. It is capped
	// by the dimension.
	MaxIter int
	// Tol is the residual, relative to ‖T‖, at which a call stops; 0 means 1e-9.
	Tol float64

	// Iters is the number of Hessian-vector products of the last call,
	// Resid its final residual bound β|s_last|, and Converged whether
	// the residual met Tol (or the Krylov space became invariant).
	Iters     int
	Resid     float64
	Converged bool

	n, k         int
	q            []float64 // Lanczos vectors, k×n
	w, vec       []float64 // work, top Ritz vector
	alpha, beta  []float64 // T's diagonal and off-diagonal
	s, lu        []float64 // eigenvector of T, its inverse-iteration work (5k)
	warm, seeded bool
	rng          rand.PCG
}

// Reset forgets the warm start: the next call starts from a random vector.
func (sh *Sharpness) Reset() { sh.warm = false }

// Vec returns the top eigenvector found by the last call (unit length). It
// is owned by sh and changes with the next call.
func (sh *Sharpness) Vec() []float64 { return sh.vec }

// setup sizes the workspace for dimension n.
func (sh *Sharpness) setup(n int) {
	k := sh.MaxIter
	if k <= 0 {
		k = 60
	}
	k = min(k, n)
	if !sh.seeded {
		sh.rng.Seed(0x7368617270, 0x6c616e637a6f73)
		sh.seeded = true
	}
	if n == sh.n && k == sh.k {
		return
	}
	sh.n, sh.k, sh.warm = n, k, false
	sh.q = make([]float64, k*n)
	sh.w, sh.vec = make([]float64, n), make([]float64, n)
	sh.alpha, sh.beta = make([]float64, k), make([]float64, k)
	sh.s, sh.lu = make([]float64, k), make([]float64, 5*k)
}

// random fills v with uniform numbers in [−1, 1).
func (sh *Sharpness) random(v []float64) {
	for i := range v {
		v[i] = float64(sh.rng.Uint64()>>11)*0x1p-52 - 1
	}
}

// Top returns λ_max of the Hessian of op at x (NaN when the Hessian-vector
// products are not finite; the next call then starts cold).
func (sh *Sharpness) Top(op HessVecer, x []float64) float64 {
	n := op.Dim()
	sh.setup(n)
	if n == 0 {
		return 0
	}
	tol := sh.Tol
	if tol <= 0 {
		tol = 1e-9
	}
	q0, w := sh.q[:n], sh.w
	sh.random(q0)
	if sh.warm {
		c := 1e-3 / norm(q0)
		for i := range q0 {
			q0[i] = sh.vec[i] + c*q0[i]
		}
	}
	scaleTo(q0, 1/norm(q0))
	var theta float64
	sh.Converged = false
	for j := 0; j < sh.k; j++ {
		qj := sh.q[j*n : (j+1)*n]
		op.HessVec(w, x, qj)
		sh.Iters = j + 1
		a := dot(qj, w)
		sh.alpha[j] = a
		for i := range w {
			w[i] -= a * qj[i]
		}
		if j > 0 {
			b, qp := sh.beta[j-1], sh.q[(j-1)*n:j*n]
			for i := range w {
				w[i] -= b * qp[i]
			}
		}
		for pass := 0; pass < 2; pass++ { // full reorthogonalization, twice
			for i := 0; i <= j; i++ {
				qi := sh.q[i*n : (i+1)*n]
				c := dot(qi, w)
				for l := range w {
					w[l] -= c * qi[l]
				}
			}
		}
		b := norm(w)
		sh.beta[j] = b
		d, e, s := sh.alpha[:j+1], sh.beta[:j], sh.s[:j+1]
		theta = triEigen(d, e, j)
		triEigvec(s, d, e, theta, sh.lu)
		sh.Resid = b * math.Abs(s[j])
		tnorm := triNorm(d, sh.beta[:j+1])
		if sh.Resid <= tol*tnorm || b <= 1e-14*tnorm {
			sh.Converged = true
			break
		}
		if j+1 < sh.k {
			scaleTo(sh.q[(j+1)*n:(j+2)*n], 1/b, w...)
		}
	}
	// The Ritz vector Q·s.
	clear(sh.vec)
	for i, si := range sh.s[:sh.Iters] {
		qi := sh.q[i*n : (i+1)*n]
		for l := range sh.vec {
			sh.vec[l] += si * qi[l]
		}
	}
	nv := norm(sh.vec)
	scaleTo(sh.vec, 1/nv)
	sh.warm = nv > 0 && !math.IsInf(nv, 0) && !math.IsNaN(nv) // NaN in, no warm start out
	return theta
}

// norm returns ‖v‖.
func norm(v []float64) float64 { return math.Sqrt(dot(v, v)) }

// scaleTo sets dst = c·src, or dst = c·dst when src is empty.
func scaleTo(dst []float64, c float64, src ...float64) {
	if len(src) == 0 {
		src = dst
	}
	for i := range dst {
		dst[i] = c * src[i]
	}
}

// triNorm returns a bound on the 2-norm of the symmetric tridiagonal matrix
// with diagonal d and off-diagonal e (the largest absolute row sum); e may
// hold one more number, the last residual β, which is counted too.
func triNorm(d, e []float64) float64 {
	var m float64
	for i, di := range d {
		r := math.Abs(di)
		if i > 0 {
			r += math.Abs(e[i-1])
		}
		if i < len(e) {
			r += math.Abs(e[i])
		}
		m = math.Max(m, r)
	}
	return m
}

// triEigvec stores in s the unit eigenvector of the symmetric tridiagonal
// matrix T (diagonal d, off-diagonal e) for its eigenvalue theta, by two
// steps of inverse iteration: solves of (T − θI)·y = b by Gaussian
// elimination with partial pivoting (Golub & Van Loan §4.3), a zero pivot
// replaced by eps·‖T‖. work holds 5·len(d) numbers.
func triEigvec(s, d, e []float64, theta float64, work []float64) {
	n := len(d)
	if n == 1 {
		s[0] = 1
		return
	}
	// Factor P(T − θI) = LU: U has diagonal dd and two superdiagonals du,
	// du2; L has the multipliers ml; swap[i] records a row interchange.
	dd, du, du2, ml, swap := work[:n], work[n:2*n], work[2*n:3*n], work[3*n:4*n], work[4*n:5*n]
	tiny := eps * triNorm(d, e)
	if tiny == 0 {
		tiny = 0x1p-1022
	}
	for i := 0; i < n; i++ {
		dd[i] = d[i] - theta
		du2[i] = 0
		if i < n-1 {
			du[i], ml[i] = e[i], e[i]
		}
	}
	for i := 0; i < n-1; i++ {
		if math.Abs(dd[i]) >= math.Abs(ml[i]) {
			swap[i] = 0
			if dd[i] == 0 {
				dd[i] = tiny
			}
			f := ml[i] / dd[i]
			ml[i] = f
			dd[i+1] -= f * du[i]
			continue
		}
		swap[i] = 1
		f := dd[i] / ml[i]
		dd[i], ml[i] = ml[i], f
		t := du[i]
		du[i] = dd[i+1]
		dd[i+1] = t - f*dd[i+1]
		if i < n-2 {
			du2[i] = du[i+1]
			du[i+1] = -f * du[i+1]
		}
	}
	if dd[n-1] == 0 {
		dd[n-1] = tiny
	}
	for i := range s {
		s[i] = 1
	}
	for it := 0; it < 2; it++ {
		for i := 0; i < n-1; i++ { // L·z = P·b
			if swap[i] == 1 {
				s[i], s[i+1] = s[i+1], s[i]
			}
			s[i+1] -= ml[i] * s[i]
		}
		for i := n - 1; i >= 0; i-- { // U·y = z
			v := s[i]
			if i+1 < n {
				v -= du[i] * s[i+1]
			}
			if i+2 < n {
				v -= du2[i] * s[i+2]
			}
			s[i] = v / dd[i]
		}
		scaleTo(s, 1/norm(s))
	}
}

// Preconditioned is the operator D·H·D of Op's Hessian H and D = diag(D):
// with D = P^(−1/2) its eigenvalues are those of P⁻¹H, to which it is
// similar (P^(1/2)·P⁻¹H·P^(−1/2) = DHD), the Hessian as an adaptive
// method with preconditioner P steps on it; Sharpness.Top of it is the
// preconditioned sharpness λ_max(P⁻¹H) (Cohen et al., Adaptive gradient
// methods at the edge of stability, 2022).
type Preconditioned struct {
	Op  HessVecer
	D   []float64
	tmp []float64
}

// Dim implements HessVecer.
func (p *Preconditioned) Dim() int { return p.Op.Dim() }

// HessVec implements HessVecer: hv = D·H·(D·v).
func (p *Preconditioned) HessVec(hv, x, v []float64) {
	if len(p.tmp) != len(v) {
		p.tmp = make([]float64, len(v))
	}
	for i, vi := range v {
		p.tmp[i] = p.D[i] * vi
	}
	p.Op.HessVec(hv, x, p.tmp)
	for i := range hv {
		hv[i] *= p.D[i]
	}
}
