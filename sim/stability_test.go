package sim_test

import (
	"strings"
	"testing"

	"curvlab/sim"
	"curvlab/sim/internal/simtest"
	"curvlab/sim/la"
	"curvlab/sim/surfaces"
)

// TestStabilityProductIsTheDynamics holds each method's line against its
// own iterations: with a fixed step η = 0.05 on a quadratic whose largest
// eigenvalue is λ, λ a hair below c/η (1 %) converges — or, for SAM,
// stays bounded in its 2-cycle — and a hair above diverges; the methods
// without a line say so.
func TestStabilityProductIsTheDynamics(t *testing.T) {
	const eta = 0.05
	for _, spec := range []string{"gd", "momentum:beta=0", "momentum:beta=0.5", "momentum:beta=0.9", "nesterov:beta=0", "nesterov:beta=0.5", "nesterov:beta=0.9", "sam:rho=0.01"} {
		if !strings.Contains(spec, ":") {
			spec += ":"
		} else {
			spec += ","
		}
		spec += "lr=" + sim.FormatFloat(eta)
		sp := mustSpec(t, spec)
		c, name, ok := sim.StabilityProduct(sp)
		if !ok || name == "" {
			t.Fatalf("%s has no line", spec)
		}
		for _, f := range []float64{0.99, 1.01} {
			lambda := f * c / eta
			q := surfaces.NewQuadratic(0.3*lambda, lambda, 25)
			r := simtest.RunSpec(t, q, spec, []float64{-1.5, 1}, 40000, 0)
			last := r.Last()
			diverged := last.Events&sim.EventDiverged != 0
			switch {
			case f > 1 && !diverged:
				t.Errorf("%s at λ = 1.01·%s: no divergence in %d steps (‖x‖ = %g)", spec, name, last.Iter, la.Norm(last.X))
			case f < 1 && diverged:
				t.Errorf("%s at λ = 0.99·%s diverged at step %d", spec, name, last.Iter)
			case f < 1 && sp.Kind.Name != "sam" && !(la.Norm(last.X) < 1e-8):
				t.Errorf("%s at λ = 0.99·%s: ‖x‖ = %g after %d steps, not converging", spec, name, la.Norm(last.X), last.Iter)
			case f < 1 && sp.Kind.Name == "sam" && !(la.Norm(last.X) < 1): // the 2-cycle, ηλρ/(2 − ηλ) = 0.01·1.98/0.02 ≈ 1
				t.Errorf("%s at λ = 0.99·%s: ‖x‖ = %g, not in its 2-cycle", spec, name, la.Norm(last.X))
			}
		}
	}
	for _, spec := range []string{"gd:ls=armijo", "newton", "bfgs", "adam", "rmsprop"} {
		if _, _, ok := sim.StabilityProduct(mustSpec(t, spec)); ok {
			t.Errorf("%s has a fixed-step line", spec)
		}
	}
}
