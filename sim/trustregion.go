package sim

import (
	"math"

	"curvlab/sim/la"
)

// Trust-region machinery shared by tr-dogleg, tr-cg and sr1-tr
// (Nocedal & Wright, Ch. 4).
//
// Each iteration minimizes (approximately) the model
//
//	m(p) = f + gᵀp + ½pᵀBp   subject to ‖p‖ ≤ Δ
//
// and evaluates the ratio of actual to predicted reduction
//
//	ρ = (f(x) − f(x + p)) / (m(0) − m(p))                     (N&W eq. 4.4)
//
// The radius follows N&W Alg. 4.1: ρ < ¼ gives Δ ← ¼Δ; ρ > ¾ with the step
// on the boundary (‖p‖ = Δ, up to a relative 10⁻⁶) gives Δ ← min(2Δ, Δmax);
// otherwise Δ stays. The step is accepted when ρ > η with η = 10⁻⁴: Alg. 4.1
// allows any η ∈ [0, ¼), and Alg. 6.2 (SR1 trust region) asks for
// η ∈ (0, 10⁻³), so one small η serves all three methods and accepts every
// step that decreases f by a meaningful fraction of the prediction.
//
// A rejected step (EventRejected) leaves the iterate unchanged; accepted or
// not, the tried point is recorded with Record.AddTrial, and Record.Radius
// holds Δ after the update, the radius of the next step. Alpha is 1 on an
// accepted step and 0 on a rejected one. When the model step is p = 0
// (g = 0 or Δ = 0) nothing is tried and Δ stays; when the model predicts no
// decrease for p ≠ 0 (only possible through rounding) nothing is tried
// and Δ ← ¼Δ.

// Constants of N&W Alg. 4.1.
const (
	trEta         = 1e-4 // acceptance threshold η
	trShrinkBelow = 0.25 // ρ below this shrinks Δ …
	trShrink      = 0.25 // … by this factor
	trGrowAbove   = 0.75 // ρ above this with ‖p‖ = Δ grows Δ …
	trGrow        = 2.0  // … by this factor, up to Δmax
	trBoundaryTol = 1e-6 // ‖p‖ ≥ (1 − tol)·Δ counts as ‖p‖ = Δ
	// trCGTol is the relative residual ‖r‖ ≤ tol·‖g‖ at which Steihaug CG
	// stops inside the region. The problems drawn here are small, so the
	// subproblem is solved accurately rather than with N&W's forcing
	// sequence (eq. 7.21): with a positive definite B and a large Δ the
	// step is the Newton step.
	trCGTol = 1e-12
)

// Defaults of the trust-region methods' radii, taken by zero fields.
const (
	trDefaultRadius    = 1
	trDefaultMaxRadius = 100
)

// trParams are the parameters common to the trust-region methods.
func trParams() []Param {
	return []Param{
		{Key: "radius", Desc: "initial trust radius Δ₀", Default: trDefaultRadius, Min: 1e-12, Max: 1e6},
		{Key: "maxradius", Desc: "largest trust radius Δmax", Default: trDefaultMaxRadius, Min: 1e-12, Max: 1e10},
	}
}

// trRegion holds the trust radius and the workspace of a trial step.
type trRegion struct {
	delta, maxDelta float64
	xt, gt, bp      []float64 // trial point, gradient there, B·p
}

func newTRRegion(radius, maxRadius float64, n int) trRegion {
	return trRegion{
		delta:    math.Min(radius, maxRadius),
		maxDelta: maxRadius,
		xt:       make([]float64, n),
		gt:       make([]float64, n),
		bp:       make([]float64, n),
	}
}

// trPredicted returns m(0) − m(p) = −(gᵀp + ½pᵀBp), using bp for B·p.
func trPredicted(g, b, p, bp []float64) float64 {
	la.MatVec(bp, b, p)
	return -(la.Dot(g, p) + 0.5*la.Dot(p, bp))
}

// step evaluates the trial point x + p for the model with matrix b (n×n),
// updates Δ by Alg. 4.1 and accepts the point if ρ > η, moving st. With
// gradAlways it evaluates the gradient at the trial point into t.gt even
// when the step is rejected (SR1 updates B from every trial); otherwise
// only an accepted point's gradient is evaluated. It reports whether a
// point was tried and whether it was accepted, and records the trial,
// Radius, Alpha and EventRejected.
func (t *trRegion) step(pr *Problem, st *State, b, p []float64, rec *Record, gradAlways bool) (tried, accepted bool) {
	pnorm := la.Norm(p)
	pred := trPredicted(st.G, b, p, t.bp)
	if !(pnorm > 0) || !(pred > 0) || math.IsInf(pred, 0) {
		rec.SetTR(p, pred, math.NaN())
		if pnorm > 0 {
			t.delta *= trShrink
		}
		rec.Events |= EventRejected
		rec.Radius = t.delta
		return false, false
	}
	la.Axpy(t.xt, st.X, 1, p)
	ft := pr.Func(t.xt)
	rec.AddTrial(t.xt, ft)
	if gradAlways {
		pr.Grad(t.gt, t.xt)
	}
	rho := (st.F - ft) / pred
	rec.SetTR(p, pred, rho)
	switch {
	case !(rho >= trShrinkBelow): // ρ < ¼, or NaN
		t.delta *= trShrink
	case rho > trGrowAbove && pnorm >= (1-trBoundaryTol)*t.delta:
		t.delta = math.Min(trGrow*t.delta, t.maxDelta)
	}
	rec.Radius = t.delta
	if !(rho > trEta) {
		rec.Events |= EventRejected
		return true, false
	}
	copy(st.X, t.xt)
	st.F = ft
	if gradAlways {
		copy(st.G, t.gt)
	} else {
		pr.Grad(st.G, st.X)
	}
	rec.Alpha = 1
	return true, true
}

// trBoundaryRoots returns the roots τ₋ ≤ 0 ≤ τ₊ of ‖z + τd‖ = Δ for ‖z‖ ≤ Δ
// (0, 0 when d = 0). It is the step to the boundary of N&W Alg. 7.2 and of
// the dogleg (§4.1).
func trBoundaryRoots(z, d []float64, delta float64) (lo, hi float64) {
	a := la.Dot(d, d)
	if !(a > 0) {
		return 0, 0
	}
	b := la.Dot(z, d)
	c := la.Dot(z, z) - delta*delta
	if c > 0 { // z outside by rounding: treat as on the boundary
		c = 0
	}
	disc := math.Sqrt(b*b - a*c)
	// Stable forms: the root whose formula would cancel comes from c/(a·other).
	if b > 0 {
		lo = (-b - disc) / a
		hi = -c / (b + disc)
	} else {
		hi = (-b + disc) / a
		if -b+disc > 0 {
			lo = c / (-b + disc)
		}
	}
	return lo, hi
}

// trSteihaug approximately minimizes m(p) = gᵀp + ½pᵀBp subject to
// ‖p‖ ≤ Δ by conjugate gradients (Steihaug; N&W Alg. 7.2): it stops at the
// boundary when an iterate would leave the region, and follows a direction
// of nonpositive curvature dᵀBd ≤ 0 to the boundary (the root τ of
// ‖z + τd‖ = Δ giving the lower model value), so it also works with an
// indefinite B. Inside the region it stops when ‖r‖ ≤ trCGTol·‖g‖.
type trSteihaug struct {
	z, r, d, bd []float64
}

func newTRSteihaug(n int) trSteihaug {
	return trSteihaug{
		z: make([]float64, n), r: make([]float64, n),
		d: make([]float64, n), bd: make([]float64, n),
	}
}

// solve stores the step in p (p = 0 when g = 0 or Δ = 0).
func (c *trSteihaug) solve(p, b, g []float64, delta float64) {
	n := len(g)
	for i := range p {
		p[i] = 0
	}
	gnorm := la.Norm(g)
	if !(gnorm > 0) || !(delta > 0) {
		return
	}
	copy(c.r, g)
	la.Scale(c.d, -1, g)
	rr := gnorm * gnorm
	tol := trCGTol * gnorm
	// In exact arithmetic CG ends within n iterations; allow for rounding.
	for j := 0; j < 2*n+2; j++ {
		la.MatVec(c.bd, b, c.d)
		dBd := la.Dot(c.d, c.bd)
		if !(dBd > 0) {
			// Nonpositive curvature: go to the boundary along d, choosing the
			// root with the lower model value. With r the residual g + Bz,
			// m(z + τd) − m(z) = τ·rᵀd + ½τ²·dᵀBd.
			lo, hi := trBoundaryRoots(p, c.d, delta)
			rd := la.Dot(c.r, c.d)
			tau := hi
			if lo*rd+0.5*lo*lo*dBd < hi*rd+0.5*hi*hi*dBd {
				tau = lo
			}
			la.Axpy(p, p, tau, c.d)
			return
		}
		alpha := rr / dBd
		la.Axpy(c.z, p, alpha, c.d)
		if la.Norm(c.z) >= delta {
			_, hi := trBoundaryRoots(p, c.d, delta)
			la.Axpy(p, p, hi, c.d)
			return
		}
		copy(p, c.z)
		la.Axpy(c.r, c.r, alpha, c.bd)
		rrNew := la.Dot(c.r, c.r)
		if math.Sqrt(rrNew) <= tol {
			return
		}
		beta := rrNew / rr
		rr = rrNew
		for i := range c.d {
			c.d[i] = -c.r[i] + beta*c.d[i]
		}
	}
}
