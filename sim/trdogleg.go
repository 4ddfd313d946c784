package sim

import (
	"math"

	"curvlab/sim/la"
)

// TRDogleg is a trust-region Newton method with the dogleg step on the
// true Hessian B = ∇²f(x). With B positive definite, the Newton step
// p_B = −B⁻¹g and the model minimizer along −g, p_U = −(gᵀg / gᵀBg)·g,
// the dogleg path runs from 0 to p_U and on to p_B; the step is where it
// leaves the region ‖p‖ ≤ Δ (N&W §4.1, eq. 4.16):
//
//	p = p_B                         if ‖p_B‖ ≤ Δ
//	p = −Δ·g/‖g‖                    if ‖p_U‖ ≥ Δ
//	p = p_U + (τ−1)(p_B − p_U)      with ‖p‖ = Δ, τ ∈ [1, 2], otherwise
//
// The dogleg needs B ≻ 0. Where the Hessian is not positive definite
// (Cholesky fails) the step is the Cauchy point (N&W eqs. 4.11–4.12):
//
//	p = −τ·Δ·g/‖g‖,  τ = 1 if gᵀBg ≤ 0, else min(‖g‖³/(Δ·gᵀBg), 1)
//
// which along negative curvature goes to the boundary. The Hessian itself
// is not modified, so the model in ρ is the true quadratic model and no
// EventModified is recorded. The radius and acceptance follow N&W
// Alg. 4.1 (see trustregion.go).
//
// Recording: CurvHessian is ∇²f at the new iterate; Radius is Δ for the
// next step.
//
// Nocedal & Wright §4.1 (Cauchy point, dogleg), Alg. 4.1; Powell 1970.
//
// The zero value is the method with its default radii (Δ₀ = 1, Δmax = 100).
type TRDogleg struct {
	Radius, MaxRadius float64

	tr         trRegion
	hess, chol []float64
	pd         bool // hess is positive definite (chol holds its factor)
	p, pn, pu  []float64
	bg         []float64
	n          int
}

func init() {
	registerMethod(&MethodKind{
		Name:   "tr-dogleg",
		Desc:   "trust-region Newton with the dogleg step (Cauchy point where ∇²f is not positive definite)",
		Rule:   "p on the path 0 → p_U = −(gᵀg/gᵀBg)g → p_B = −B⁻¹g, ‖p‖ ≤ Δ; ρ > η: x₊ = x + p; Δ by Alg. 4.1",
		Cite:   "Nocedal & Wright §4.1, Alg. 4.1, eqs. 4.11–4.16",
		Params: trParams(),
		New: func(s Spec) Method {
			return &TRDogleg{Radius: s.Value("radius"), MaxRadius: s.Value("maxradius")}
		},
	})
}

// Init implements Method.
func (m *TRDogleg) Init(p *Problem, st *State, rec *Record) {
	n := p.Dim()
	m.n = n
	orDefault(&m.Radius, trDefaultRadius)
	orDefault(&m.MaxRadius, trDefaultMaxRadius)
	m.tr = newTRRegion(m.Radius, m.MaxRadius, n)
	m.hess = make([]float64, n*n)
	m.chol = make([]float64, n*n)
	m.p = make([]float64, n)
	m.pn = make([]float64, n)
	m.pu = make([]float64, n)
	m.bg = make([]float64, n)
	m.model(p, st)
	rec.SetCurv(CurvHessian, m.hess)
	rec.Radius = m.tr.delta
}

func (m *TRDogleg) model(p *Problem, st *State) {
	p.Hess(m.hess, st.X)
	m.pd = la.Cholesky(m.chol, m.hess, m.n)
}

// Iterate implements Method.
func (m *TRDogleg) Iterate(p *Problem, st *State, rec *Record) {
	doglegStep(m.p, m.pn, m.pu, m.bg, m.hess, m.chol, m.pd, st.G, m.tr.delta)
	if _, ok := m.tr.step(p, st, m.hess, m.p, rec, false); ok {
		m.model(p, st)
	}
	rec.SetCurv(CurvHessian, m.hess)
}

// doglegStep stores the dogleg step for the model (g, b) and radius delta in
// p; pn, pu and bg are workspace, chol the Cholesky factor of b when pd.
func doglegStep(p, pn, pu, bg, b, chol []float64, pd bool, g []float64, delta float64) {
	gnorm := la.Norm(g)
	if !(gnorm > 0) || !(delta > 0) {
		for i := range p {
			p[i] = 0
		}
		return
	}
	la.MatVec(bg, b, g)
	gBg := la.Dot(g, bg)
	if !pd || !(gBg > 0) {
		// Cauchy point, N&W eqs. 4.11–4.12.
		tau := 1.0
		if gBg > 0 {
			tau = math.Min(gnorm*gnorm/gBg*gnorm/delta, 1)
		}
		la.Scale(p, -tau*delta/gnorm, g)
		return
	}
	la.CholSolve(pn, chol, g)
	la.Scale(pn, -1, pn)
	if la.Norm(pn) <= delta {
		copy(p, pn)
		return
	}
	la.Scale(pu, -gnorm*gnorm/gBg, g)
	if la.Norm(pu) >= delta {
		la.Scale(p, -delta/gnorm, g)
		return
	}
	// ‖p_U + s(p_B − p_U)‖ = Δ for s = τ − 1 ∈ [0, 1].
	la.Sub(p, pn, pu)
	_, s := trBoundaryRoots(pu, p, delta)
	la.Axpy(p, pu, s, p)
}
