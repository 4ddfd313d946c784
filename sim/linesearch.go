package sim

import (
	"math"

	"curvlab/sim/la"
)

// LineSearch says how a method chooses its step length along a direction:
// the values of the common "ls" parameter.
type LineSearch uint8

const (
	// LSDefault, the zero value, is the method's own default line search.
	LSDefault LineSearch = iota
	LSNone               // fixed step: x₊ = x + α·d with α = lr, no checks
	LSArmijo             // backtracking until sufficient decrease (N&W Alg. 3.1)
	LSWolfe              // strong Wolfe conditions by bracketing and zoom (N&W Alg. 3.5–3.6)
	// LSExact takes the one-dimensional Newton step α = −gᵀd / dᵀ∇²f(x)d,
	// the exact minimizer along d on a quadratic (N&W eq. 3.55). It exists
	// to demonstrate the textbook facts that assume exact line searches.
	LSExact
)

// lsNames name the LineSearch constants in order; the choices of the "ls"
// parameter are all but LSDefault (choice i is LineSearch(i+1)).
var (
	lsNames   = []string{"default", "none", "armijo", "wolfe", "exact"}
	lsChoices = lsNames[1:]
)

func (ls LineSearch) String() string { return enumName(lsNames, int(ls), "LineSearch") }

// lsParam is the common "ls" parameter with the given default.
func lsParam(def LineSearch) Param {
	return Param{Key: "ls", Desc: "line search", Default: float64(def - 1), Choices: lsChoices}
}

// specLineSearch reads the "ls" parameter of s.
func specLineSearch(s Spec) LineSearch { return LineSearch(s.Value("ls")) + 1 }

// lrParam is the common "lr" parameter: the step size of first-order
// methods, the first trial step of Newton-type methods.
func lrParam(def float64) Param {
	return Param{Key: "lr", Desc: "step size (first trial step with a line search)", Default: def, Min: 1e-12, Max: 1e6}
}

// c2Param is the curvature constant of the strong Wolfe conditions.
func c2Param(def float64) Param {
	return Param{Key: "c2", Desc: "Wolfe curvature constant c₂", Default: def, Min: 1e-4, Max: 0.9999}
}

// MaxLineEvals bounds the trial points of one line search, and so those a
// row of a trace keeps (a scenario's memory estimate counts them).
const MaxLineEvals = 40

// Sufficient-decrease constant c₁ (N&W §3.1) and limits of the searches.
const (
	armijoC1       = 1e-4
	armijoShrink   = 0.5
	wolfeGrow      = 2.0
	wolfeMaxAlpha  = 1e10
	minRelInterval = 1e-14
)

// lineSearch finds a step length along a direction. It owns its workspace.
type lineSearch struct {
	kind LineSearch
	c2   float64
	xt   []float64 // trial point
	gt   []float64 // gradient at the trial point
	// lo end of the zoom bracket, kept with its value, slope and gradient
	xlo, glo []float64
	hess, hd []float64 // ∇²f(x) and ∇²f(x)·d, for LSExact only
}

func newLineSearch(kind LineSearch, c2 float64, n int) *lineSearch {
	return &lineSearch{
		kind: kind, c2: c2,
		xt: make([]float64, n), gt: make([]float64, n),
		xlo: make([]float64, n), glo: make([]float64, n),
		hess: make([]float64, n*n), hd: make([]float64, n),
	}
}

// search moves st along d, trying alpha0 first, and returns the accepted
// step length. It returns ok = false and leaves st unchanged when d is not a
// descent direction (Armijo and Wolfe only) or no acceptable step was
// found. Every point it evaluates is added to rec's trials, except the
// single point of a fixed step. Armijo and Wolfe accept only a point that
// decreases f: when every point passing their tests does so only within
// rounding, the search fails with EventStalled.
func (ls *lineSearch) search(p *Problem, st *State, d []float64, alpha0 float64, rec *Record) (alpha float64, ok bool) {
	switch ls.kind {
	case LSArmijo:
		return ls.armijo(p, st, d, alpha0, rec)
	case LSWolfe:
		return ls.wolfe(p, st, d, alpha0, rec)
	case LSExact:
		p.Hess(ls.hess, st.X)
		la.MatVec(ls.hd, ls.hess, d)
		curv := la.Dot(d, ls.hd)
		if !(curv > 0) {
			return 0, false
		}
		alpha0 = -la.Dot(st.G, d) / curv
	}
	la.Axpy(ls.xt, st.X, alpha0, d)
	st.F = p.Func(ls.xt)
	p.Grad(st.G, ls.xt)
	copy(st.X, ls.xt)
	return alpha0, true
}

// armijo backtracks from alpha0 by halving until
// f(x + αd) ≤ f(x) + c₁·α·gᵀd (N&W Alg. 3.1), tested with roundingSlack,
// and f(x + αd) < f(x).
func (ls *lineSearch) armijo(p *Problem, st *State, d []float64, alpha0 float64, rec *Record) (float64, bool) {
	slope := la.Dot(st.G, d)
	if !(slope < 0) {
		return 0, false
	}
	alpha := alpha0
	noise := false // some trial passed the test only within rounding
	for i := 0; i < MaxLineEvals; i++ {
		la.Axpy(ls.xt, st.X, alpha, d)
		ft := p.Func(ls.xt)
		rec.AddTrial(ls.xt, ft)
		if ft <= st.F+armijoC1*alpha*slope+roundingSlack(st.F) { // false for NaN
			if ft < st.F {
				copy(st.X, ls.xt)
				st.F = ft
				p.Grad(st.G, st.X)
				return alpha, true
			}
			noise = true
		}
		alpha *= armijoShrink
	}
	if noise {
		rec.Events |= EventStalled
	}
	return 0, false
}

// wolfe finds a step satisfying the strong Wolfe conditions
//
//	f(x+αd) ≤ f(x) + c₁α gᵀd   and   |∇f(x+αd)ᵀd| ≤ c₂|gᵀd|
//
// (the first tested with roundingSlack) at a point where f(x+αd) < f(x), by
// N&W Alg. 3.5 (bracketing, doubling α up to wolfeMaxAlpha: EventAlphaCap
// when it gets there) and Alg. 3.6 (zoom, with safeguarded cubic
// interpolation, N&W eq. 3.59). When the search gives up (EventNoWolfe) it
// takes the best point seen that meets the first condition and decreases
// f, if any.
func (ls *lineSearch) wolfe(p *Problem, st *State, d []float64, alpha0 float64, rec *Record) (float64, bool) {
	f0 := st.F
	slack := roundingSlack(f0)
	slope0 := la.Dot(st.G, d)
	if !(slope0 < 0) {
		return 0, false
	}
	evals := 0
	noise := false // a Wolfe point was found that does not decrease f
	eval := func(alpha float64) (f, slope float64) {
		evals++
		if alpha == wolfeMaxAlpha {
			rec.Events |= EventAlphaCap
		}
		la.Axpy(ls.xt, st.X, alpha, d)
		f = p.Func(ls.xt)
		p.Grad(ls.gt, ls.xt)
		rec.AddTrial(ls.xt, f)
		return f, la.Dot(ls.gt, d)
	}
	accept := func(alpha, f float64) (float64, bool) {
		copy(st.X, ls.xt)
		copy(st.G, ls.gt)
		st.F = f
		return alpha, true
	}
	giveUp := func() (float64, bool) {
		rec.Events |= EventNoWolfe
		if noise {
			rec.Events |= EventStalled
		}
		return 0, false
	}
	// zoom searches [lo, hi] (lo satisfies sufficient decrease and has the
	// lower value; the order of lo and hi is arbitrary).
	zoom := func(lo, flo, slo, hi, fhi, shi float64) (float64, bool) {
		for evals < MaxLineEvals {
			alpha := cubicMin(lo, flo, slo, hi, fhi, shi)
			width := math.Abs(hi - lo)
			left, right := math.Min(lo, hi), math.Max(lo, hi)
			// Safeguard: stay inside the middle 80% of the bracket.
			if !(alpha > left+0.1*width && alpha < right-0.1*width) {
				alpha = 0.5 * (lo + hi)
			}
			if width <= minRelInterval*math.Max(1, right) {
				break
			}
			f, s := eval(alpha)
			if !(f <= f0+armijoC1*alpha*slope0+slack) || f >= flo+slack {
				hi, fhi, shi = alpha, f, s
				continue
			}
			if math.Abs(s) <= -ls.c2*slope0 {
				if f < f0 {
					return accept(alpha, f)
				}
				noise = true // a Wolfe point at the noise floor of f
				break
			}
			if s*(hi-lo) >= 0 {
				hi, fhi, shi = lo, flo, slo
			}
			lo, flo, slo = alpha, f, s
			copy(ls.xlo, ls.xt)
			copy(ls.glo, ls.gt)
		}
		// No Wolfe point found: fall back to the best point seen if it
		// decreased f, which keeps the iteration monotone.
		if lo > 0 && flo < f0 {
			rec.Events |= EventNoWolfe
			copy(st.X, ls.xlo)
			copy(st.G, ls.glo)
			st.F = flo
			return lo, true
		}
		return giveUp()
	}

	prev, fprev, sprev := 0.0, f0, slope0
	alpha := alpha0
	for evals < MaxLineEvals {
		f, s := eval(alpha)
		if !(f <= f0+armijoC1*alpha*slope0+slack) || (evals > 1 && f >= fprev+slack) {
			// lo = prev: xlo and glo already hold its point and gradient
			// (zoom only falls back to lo when lo > 0, a real trial).
			return zoom(prev, fprev, sprev, alpha, f, s)
		}
		if math.Abs(s) <= -ls.c2*slope0 {
			if f < f0 {
				return accept(alpha, f)
			}
			noise = true // a Wolfe point at the noise floor of f
			return giveUp()
		}
		if s >= 0 {
			copy(ls.xlo, ls.xt)
			copy(ls.glo, ls.gt)
			return zoom(alpha, f, s, prev, fprev, sprev)
		}
		copy(ls.xlo, ls.xt)
		copy(ls.glo, ls.gt)
		prev, fprev, sprev = alpha, f, s
		alpha = math.Min(wolfeGrow*alpha, wolfeMaxAlpha)
	}
	return giveUp()
}

// roundingSlack is how much a computed f may exceed the true one by
// rounding alone. Sufficient decrease is tested with this slack so that,
// once the iterates are so close to a minimizer that f no longer changes
// measurably (f* far from 0, e.g. Goldstein–Price's 3), the line search is
// decided by the slope, which still carries information, rather than
// failing on noise (cf. the approximate Wolfe conditions of Hager & Zhang,
// SIAM J. Optim. 16(1), 2005).
func roundingSlack(f float64) float64 {
	return 8 * 0x1p-52 * math.Abs(f)
}

// cubicMin returns the minimizer of the cubic interpolating f and f′ at a
// and b (N&W eq. 3.59), or NaN when it does not exist.
func cubicMin(a, fa, sa, b, fb, sb float64) float64 {
	d1 := sa + sb - 3*(fa-fb)/(a-b)
	disc := d1*d1 - sa*sb
	if disc < 0 {
		return math.NaN()
	}
	d2 := math.Copysign(math.Sqrt(disc), b-a)
	return b - (b-a)*(sb+d2-d1)/(sb-sa+2*d2)
}
