package sim_test

import (
	"fmt"

	"curvlab/sim"
	"curvlab/sim/surfaces"
)

// ExampleRun minimizes Rosenbrock's function from the standard start
// (−1.2, 1) with BFGS, as gonum's ExampleMinimize does. The zero value
// &sim.BFGS{} is BFGS with its defaults (a strong Wolfe line search and the
// first-step scaling of H₀); the Run records every iterate and stops when
// ‖∇f‖ ≤ Tol.
func ExampleRun() {
	surf, err := surfaces.New("rosenbrock", "")
	if err != nil {
		panic(err)
	}
	r := sim.NewRun(surf, &sim.BFGS{}, []float64{-1.2, 1}, sim.RunOptions{Tol: 1e-8})
	for i := 0; i < 1000 && r.Step(); i++ {
	}
	last := r.Last()
	fmt.Printf("converged: %v after %d iterations (%d evaluations of f, %d of ∇f)\n",
		last.Events&sim.EventConverged != 0, last.Iter, last.FEvals, last.GEvals)
	fmt.Printf("x = (%.6f, %.6f), f = %.1e, |g| = %.1e\n", last.X[0], last.X[1], last.F, last.GNorm)

	// The same method from its text form, as in a link or on curvsim's
	// command line, with a setting of its own.
	spec, err := sim.ParseSpec("bfgs:ls=armijo")
	if err != nil {
		panic(err)
	}
	r = sim.NewRun(surf, spec.New(), []float64{-1.2, 1}, sim.RunOptions{Tol: 1e-8})
	for i := 0; i < 1000 && r.Step(); i++ {
	}
	fmt.Printf("%s: %d iterations\n", spec, r.Last().Iter)
	// Output:
	// converged: true after 36 iterations (51 evaluations of f, 51 of ∇f)
	// x = (1.000000, 1.000000), f = 7.5e-22, |g| = 1.1e-09
	// bfgs:ls=armijo: 38 iterations
}
