package sim_test

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"

	"curvlab/sim"
	"curvlab/sim/internal/simtest"
	"curvlab/sim/la"
	"curvlab/sim/surfaces"
)

// TestSAMOnAQuadratic holds SAM against the closed form on f = ½xᵀAx
// (REFERENCE.md; A built here from the quadratic's eigenvalues and
// angle, products by gonum): x₊ = x − αA(x + ρ·Ax/‖Ax‖) at every step;
// a hair below α = 2/λmax it settles into the 2-cycle x ↔ −x along the
// top eigenvector at ‖x‖ = αλρ/(2 − αλ), not at the minimizer; a hair
// above, it diverges.
func TestSAMOnAQuadratic(t *testing.T) {
	const l1, l2, angle, rho = 1.0, 10.0, 30.0, 0.05
	q := surfaces.NewQuadratic(l1, l2, angle)
	s, c := math.Sincos(angle * math.Pi / 180)
	u, v := mat.NewVecDense(2, []float64{c, s}), mat.NewVecDense(2, []float64{-s, c}) // eigenvectors of l1, l2
	var A, vv mat.Dense
	A.Outer(l1, u, u)
	vv.Outer(l2, v, v)
	A.Add(&A, &vv)
	x0 := []float64{-1.5, 1}
	for _, factor := range []float64{0.9, 0.99, 1.01} {
		alpha := factor * 2 / l2
		r := simtest.RunSpec(t, q, "sam:lr="+sim.FormatFloat(alpha)+",rho="+sim.FormatFloat(rho), x0, 3000, 0)
		for k := 1; k < len(r.Trace); k++ {
			x := mat.NewVecDense(2, r.Row(k-1).X)
			var ax, up, step mat.VecDense
			ax.MulVec(&A, x)
			if mat.Norm(&ax, 2) == 0 {
				break
			}
			up.AddScaledVec(x, rho/mat.Norm(&ax, 2), &ax)
			step.MulVec(&A, &up)
			want := []float64{x.AtVec(0) - alpha*step.AtVec(0), x.AtVec(1) - alpha*step.AtVec(1)}
			got := r.Row(k).X
			if !la.IsFinite(got) {
				break
			}
			if d := math.Hypot(got[0]-want[0], got[1]-want[1]); d > 1e-12*math.Max(1, la.Norm(want)) {
				t.Fatalf("α = %g·2/λ step %d: x = %v, the closed form %v", factor, k, got, want)
			}
		}
		last := r.Last()
		if factor > 1 {
			if last.Events&sim.EventDiverged == 0 {
				t.Errorf("α = %g·2/λmax: no divergence in %d steps (‖x‖ = %g)", factor, last.Iter, la.Norm(last.X))
			}
			continue
		}
		if last.Events&sim.EventDiverged != 0 {
			t.Fatalf("α = %g·2/λmax diverged", factor)
		}
		// the 2-cycle along v, the top eigenvector
		amp := alpha * l2 * rho / (2 - alpha*l2)
		x, prev := last.X, r.Row(len(r.Trace)-2).X
		along := x[0]*v.AtVec(0) + x[1]*v.AtVec(1)
		across := x[0]*u.AtVec(0) + x[1]*u.AtVec(1)
		if math.Abs(math.Abs(along)-amp) > 1e-6*amp || math.Abs(across) > 1e-6*amp || math.Hypot(x[0]+prev[0], x[1]+prev[1]) > 1e-6*amp {
			t.Errorf("α = %g·2/λmax: ends at %v (after %v), along the top eigenvector %g, across %g; want ±%g along it, flipping each step",
				factor, x, prev, along, across, amp)
		}
	}
}
