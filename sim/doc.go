// Package sim is curvlab's numerical core: objectives with exact
// derivatives, optimization methods that advance one iteration per call,
// and the Trace that records everything an iteration did. The 2D test
// surfaces are in package surfaces, scenarios (what a link describes) in
// package scenario; both import sim. It never imports ebiten, so it runs
// headless, in the CLI, under node as WebAssembly and inside the app alike.
//
// # Conventions
//
// Vectors are []float64; matrices are n×n row-major []float64. Destination
// comes first in signatures (Grad(grad, x)). Nothing allocates inside
// Objective.Func/Grad/Hess or Method.Iterate: methods allocate their
// workspace in Init. The dense linear algebra of package la (Dot, Norm,
// MatVec, Cholesky, Solve, EigSym, …) serves every method; gonum is its
// oracle in tests.
//
// A surface lives in its own file of package surfaces and registers a
// surfaces.Kind from init. A method lives in its own file, registers a MethodKind from init, and
// carries its update rule and citation in its doc comment and in the
// MethodKind's Rule and Cite fields.
//
// # What a method records
//
// Run evaluates f and ∇f at the start, calls Method.Init and records row 0;
// then each Run.Step calls Method.Iterate once and records one row. An
// iteration must leave State with X, F and G of the new iterate (or
// unchanged, with EventRejected, when it did not move). In the Record it
// adds every trial point (Record.AddTrial), the step length Alpha along the
// search direction, and its curvature model at the new iterate — the one it
// will use for its next step — with Record.SetCurv: the Hessian it uses
// (modified if it was, with EventModified), B ≈ ∇²f, or H ≈ (∇²f)⁻¹. The
// trust radius goes in Record.Radius. Run itself adds EventConverged and
// EventDiverged and stops the run.
//
// Methods must survive s = 0 and y = 0 (a step taken at a stationary point):
// quasi-Newton updates are skipped (EventSkip) rather than divided by zero.
//
// # Common parameters
//
// lr is the step size of first-order methods and the first trial step of
// Newton-type methods; ls selects the line search (none, armijo, wolfe;
// exact is a one-dimensional Newton step, exact on quadratics, meant for
// demonstrating textbook facts). With ls=none a Newton-type method takes the
// step α = lr, which defaults to the full step 1.
//
// # Zero values and specs
//
// The zero value of every method type is that method with its defaults
// (&BFGS{} is BFGS with a Wolfe line search; Init fills each zero field,
// and an enumeration's zero constant, such as LSDefault, means the method's
// own default). A decay that may be 0, such as Momentum's β, is asked for
// by a Zero… flag. A Spec names a method and its values in the order of
// its Params; MethodKind.New reads each by its key (Spec.Value), never by
// position. Every number of a spec, a link or a CLI flag is read by
// ParseFloat's one grammar and checked by Param.Check.
package sim
