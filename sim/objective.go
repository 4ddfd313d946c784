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
// With a weight decay Decay = λ, the Problem is f(x) + (λ/2)‖x‖², its
// gradient ∇f(x) + λx and its Hessian ∇²f(x) + λI (Training.WD).
type Problem struct {
	Obj                    Objective
	Decay                  float64
	FEvals, GEvals, HEvals int
}

// Func evaluates f(x) (with the penalty of Decay) and counts it.
func (p *Problem) Func(x []float64) float64 {
	p.FEvals++
	f := p.Obj.Func(x)
	if p.Decay != 0 {
		f += p.penalty(x)
	}
	return f
}

// penalty is (λ/2)‖x‖² for λ = Decay.
func (p *Problem) penalty(x []float64) float64 {
	var ss float64
	for _, v := range x {
		ss += v * v
	}
	return 0.5 * p.Decay * ss
}

// Grad evaluates ∇f(x) (with λx of Decay) into grad and counts it.
func (p *Problem) Grad(grad, x []float64) {
	p.GEvals++
	p.Obj.Grad(grad, x)
	if p.Decay != 0 {
		for i, v := range x {
			grad[i] += p.Decay * v
		}
	}
}

// Hess evaluates ∇²f(x) (with λI of Decay) into hess and counts it.
func (p *Problem) Hess(hess, x []float64) {
	p.HEvals++
	p.Obj.Hess(hess, x)
	if p.Decay != 0 {
		n := len(x)
		for i := range n {
			hess[i*n+i] += p.Decay
		}
	}
}

// Dim is the problem's number of variables.
func (p *Problem) Dim() int { return p.Obj.Dim() }
