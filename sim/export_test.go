package sim

// Internals that the tests of package sim_test check directly. The tests
// are external so that they can run the methods on the surfaces of package
// surfaces, which imports sim.

const (
	ArmijoC1    = armijoC1
	LMMaxLambda = lmMaxLambda
)

var (
	NewRecord     = newRecord
	ParamIndex    = paramIndex
	NewtonModChol = newtonModChol
	LSChoices     = lsChoices
	DoglegStep    = doglegStep
)

// NewSteihaug returns the solve method of a Steihaug-CG solver of
// n-dimensional trust-region subproblems.
func NewSteihaug(n int) func(p, b, g []float64, delta float64) {
	cg := newTRSteihaug(n)
	return cg.solve
}

// RunRecord is the record r fills during an iteration.
func RunRecord(r *Run) *Record { return r.rec }

// BroydenB is m's estimate B of the Hessian (set by Init).
func BroydenB(m *Broyden) []float64 { return m.b }

// ResetRecord clears r for the next iteration, as Run does.
func ResetRecord(r *Record) { r.reset() }
