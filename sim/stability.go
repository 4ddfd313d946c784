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
