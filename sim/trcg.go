package sim

// TRCG is a trust-region Newton method whose subproblem
//
//	min m(p) = f + gᵀp + ½pᵀ∇²f(x)p   subject to ‖p‖ ≤ Δ
//
// is solved by Steihaug's conjugate gradients (N&W Alg. 7.2): CG iterates
// from p = 0 and stops where an iterate would leave the region or where a
// direction of nonpositive curvature dᵀ∇²f·d ≤ 0 appears, which it follows
// to the boundary. So unlike the dogleg it uses negative curvature, and on
// a positive definite Hessian with a large enough Δ its step is the Newton
// step (the CG tolerance is tight, trCGTol). The radius and acceptance
// follow N&W Alg. 4.1 (see trustregion.go).
//
// Recording: CurvHessian is ∇²f at the new iterate (never modified);
// Radius is Δ for the next step.
//
// Steihaug, The conjugate gradient method and trust regions in large scale
// optimization, SIAM J. Numer. Anal. 20, 1983; Nocedal & Wright §7.1,
// Alg. 7.2, and Alg. 4.1.
//
// The zero value is the method with its default radii (Δ₀ = 1, Δmax = 100).
type TRCG struct {
	Radius, MaxRadius float64

	tr   trRegion
	cg   trSteihaug
	hess []float64
	p    []float64
}

func init() {
	registerMethod(&MethodKind{
		Name:   "tr-cg",
		Desc:   "trust-region Newton, subproblem by Steihaug CG (follows negative curvature)",
		Rule:   "p = Steihaug-CG(min gᵀp + ½pᵀ∇²f·p, ‖p‖ ≤ Δ); ρ > η: x₊ = x + p; Δ by Alg. 4.1",
		Cite:   "Steihaug 1983; Nocedal & Wright Alg. 7.2, Alg. 4.1",
		Params: trParams(),
		New: func(s Spec) Method {
			return &TRCG{Radius: s.Value("radius"), MaxRadius: s.Value("maxradius")}
		},
	})
}

// Init implements Method.
func (m *TRCG) Init(p *Problem, st *State, rec *Record) {
	n := p.Dim()
	orDefault(&m.Radius, trDefaultRadius)
	orDefault(&m.MaxRadius, trDefaultMaxRadius)
	m.tr = newTRRegion(m.Radius, m.MaxRadius, n)
	m.cg = newTRSteihaug(n)
	m.hess = make([]float64, n*n)
	m.p = make([]float64, n)
	p.Hess(m.hess, st.X)
	rec.SetCurv(CurvHessian, m.hess)
	rec.Radius = m.tr.delta
}

// Iterate implements Method.
func (m *TRCG) Iterate(p *Problem, st *State, rec *Record) {
	m.cg.solve(m.p, m.hess, st.G, m.tr.delta)
	if _, ok := m.tr.step(p, st, m.hess, m.p, rec, false); ok {
		p.Hess(m.hess, st.X)
	}
	rec.SetCurv(CurvHessian, m.hess)
}
