package sim

// StabilityProduct is where theory puts the edge of stability of a method
// with a fixed step size α on a quadratic whose largest Hessian
// eigenvalue is λ: the iteration converges iff αλ < c (REFERENCE.md,
// "Stability, noise and generalization"):
//
//	gradient descent   c = 2                    (Cauchy; N&W §3.3)
//	heavy ball         c = 2(1 + β)             (Polyak 1964)
//	Nesterov           c = (2 + 2β)/(1 + 2β)    (gradient at x + β(x − x₋))
//	SAM                c = 2                    (Bartlett, Long, Bousquet 2023:
//	                                             below it a bounded 2-cycle, above it divergence)
//
// name is the line's formula with λ in it, for a plot of the step size
// (the line lr = c/λ; write η for λ for the sharpness line λ = c/η).
// ok is false for a method without such a line: a line search, the
// second-order methods, and the adaptive ones, whose edge is that of the
// preconditioned Hessian instead.
func StabilityProduct(spec Spec) (c float64, name string, ok bool) {
	switch spec.Kind.Name {
	case "gd":
		if spec.Value("ls") != 0 {
			return 0, "", false // the step is searched, not fixed
		}
		return 2, "2/λmax", true
	case "momentum":
		b := spec.Value("beta")
		return 2 * (1 + b), "2(1+β)/λmax", true
	case "nesterov":
		b := spec.Value("beta")
		return (2 + 2*b) / (1 + 2*b), "(2+2β)/((1+2β)λmax)", true
	case "sam":
		return 2, "2/λmax", true
	}
	return 0, "", false
}

// Preconditioner is a method that divides its step, coordinate by
// coordinate, by P = diag(√v̂ + ε) (RMSProp, Adam): the Hessian its
// stability depends on is P⁻¹H, not H.
type Preconditioner interface {
	// Precond stores in p the diagonal of the P its latest step divided
	// by; false before its first step.
	Precond(p []float64) bool
}

// PreconditionedStability is where theory puts the edge of stability of
// an adaptive method with step size α: the largest eigenvalue of P⁻¹H,
// the preconditioned sharpness, at c/α (REFERENCE.md, "Stability, noise
// and generalization"; Cohen et al., Adaptive gradient methods at the edge
// of stability, 2022, §2: with P frozen, the update is heavy ball in the
// exponential-average form m = β₁m + (1 − β₁)g, stable iff
// αλ(P⁻¹H) < (2 + 2β₁)/(1 − β₁)):
//
//	Adam      c = (2 + 2β₁)/(1 − β₁)   (38 for β₁ = 0.9)
//	RMSProp   c = 2                    (no momentum: β₁ = 0)
//
// Under full-batch Adam the preconditioned sharpness rises to about that
// line and hovers there (Cohen et al. 2022), as the sharpness of
// gradient descent does at 2/α. name is the line's formula with λ in it;
// ok is false for the other methods.
func PreconditionedStability(spec Spec) (c float64, name string, ok bool) {
	switch spec.Kind.Name {
	case "adam":
		b := spec.Value("beta1")
		return (2 + 2*b) / (1 - b), "(2+2β₁)/((1−β₁)λ)", true
	case "rmsprop":
		return 2, "2/λ", true
	}
	return 0, "", false
}
