package sim

// Objective is a twice continuously differentiable function f: Rⁿ → R with
// exact first and second derivatives. Implementations must not allocate in
// Func, Grad or Hess, so that a step of any method stays allocation-free.
type Objective interface {
	// Dim is n, the number of variables.
	Dim() int
	// Func returns f(x).
	Func(x []float64) float64
	// Grad stores ∇f(x) in grad (length n).
	Grad(grad, x []float64)
	// Hess stores ∇²f(x) in hess, an n×n row-major symmetric matrix (length n·n).
	Hess(hess, x []float64)
}

// Problem wraps an Objective and counts evaluations. Methods evaluate the
// objective only through a Problem so that the counts in a Trace are exact.
type Problem struct {
	Obj                    Objective
	FEvals, GEvals, HEvals int
}

// Func evaluates f(x) and counts it.
func (p *Problem) Func(x []float64) float64 {
	p.FEvals++
	return p.Obj.Func(x)
}

// Grad evaluates ∇f(x) into grad and counts it.
func (p *Problem) Grad(grad, x []float64) {
	p.GEvals++
	p.Obj.Grad(grad, x)
}

// Hess evaluates ∇²f(x) into hess and counts it.
func (p *Problem) Hess(hess, x []float64) {
	p.HEvals++
	p.Obj.Hess(hess, x)
}

// Dim is the problem's number of variables.
func (p *Problem) Dim() int { return p.Obj.Dim() }
