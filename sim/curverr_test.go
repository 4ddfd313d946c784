package sim_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"

	"curvlab/sim"
	"curvlab/sim/surfaces"
)

// TestCurvErrorAgainstGonum: on random symmetric positive definite
// matrices of sizes 1 to 6, CurvError is gonum's ‖B − H‖_F/‖H‖_F, with B
// the model itself for a Hessian approximation and gonum's inverse of it
// for an inverse one; it is NaN without a model, for H = 0 and for a
// singular inverse model.
func TestCurvErrorAgainstGonum(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	spd := func(n int) *mat.SymDense {
		a := mat.NewDense(n, n, nil)
		for i := range n {
			for j := range n {
				a.Set(i, j, rng.NormFloat64())
			}
		}
		var s mat.SymDense
		s.SymOuterK(1, a)
		for i := range n {
			s.SetSym(i, i, s.At(i, i)+0.1)
		}
		return &s
	}
	flat := func(m mat.Matrix) []float64 {
		r, c := m.Dims()
		out := make([]float64, 0, r*c)
		for i := range r {
			for j := range c {
				out = append(out, m.At(i, j))
			}
		}
		return out
	}
	for n := 1; n <= 6; n++ {
		work := make([]float64, sim.CurvErrorWork(n))
		h, model := spd(n), spd(n)
		var d mat.Dense
		d.Sub(model, h)
		want := frob(&d) / frob(h)
		for _, kind := range []sim.CurvKind{sim.CurvB, sim.CurvHessian} {
			if got := sim.CurvError(flat(model), kind, flat(h), n, work); math.Abs(got-want) > 1e-12*want {
				t.Errorf("n=%d %v: %v, gonum %v", n, kind, got, want)
			}
		}
		var inv mat.Dense
		if err := inv.Inverse(model); err != nil {
			t.Fatal(err)
		}
		// The inverse form holds H = model⁻¹: its Hessian is model again.
		if got := sim.CurvError(flat(&inv), sim.CurvH, flat(h), n, work); math.Abs(got-want) > 1e-9*want {
			t.Errorf("n=%d H: %v, gonum %v", n, got, want)
		}
		if got := sim.CurvError(flat(model), sim.CurvNone, flat(h), n, work); !math.IsNaN(got) {
			t.Errorf("n=%d without a model: %v", n, got)
		}
		if got := sim.CurvError(flat(model), sim.CurvB, make([]float64, n*n), n, work); !math.IsNaN(got) {
			t.Errorf("n=%d against H = 0: %v", n, got)
		}
		if got := sim.CurvError(make([]float64, n*n), sim.CurvH, flat(h), n, work); !math.IsNaN(got) {
			t.Errorf("n=%d a singular inverse model: %v", n, got)
		}
	}
}

// frob is the Frobenius norm, summed here entry by entry.
func frob(m mat.Matrix) float64 {
	r, c := m.Dims()
	var s float64
	for i := range r {
		for j := range c {
			s += m.At(i, j) * m.At(i, j)
		}
	}
	return math.Sqrt(s)
}

// TestSR1LearnsTheHessian: on a 2D quadratic with unit steps, SR1's model
// is the Hessian from its second step on, its error 0 to rounding (N&W
// Thm 6.1: two independent steps determine A), while BFGS's is not after
// two steps; the errors CurvError gives are those of the rows' models.
func TestSR1LearnsTheHessian(t *testing.T) {
	q := surfaces.NewQuadratic(2, 1, 30)
	hess := q.Matrix()
	work := make([]float64, sim.CurvErrorWork(2))
	errs := func(spec string) []float64 {
		sp, err := sim.ParseSpec(spec)
		if err != nil {
			t.Fatal(err)
		}
		r := sim.NewRun(q, sp.New(), []float64{-1.5, 1}, sim.RunOptions{Budget: 6, KeepVectors: true})
		for i := 0; i < 6 && r.Step(); i++ {
		}
		var out []float64
		for k := range r.Trace {
			row := r.Row(k)
			out = append(out, sim.CurvError(row.Curv, row.CurvKind, hess[:], 2, work))
		}
		return out
	}
	sr1, bfgs := errs("sr1:ls=none,h0=0.2"), errs("bfgs:ls=none,h0=0.2")
	if len(sr1) < 3 || len(bfgs) < 3 {
		t.Fatalf("%d and %d rows", len(sr1), len(bfgs))
	}
	if !(sr1[1] > 0.1) {
		t.Errorf("SR1's error after one step is %v: the lesson needs it far from 0", sr1[1])
	}
	for k := 2; k < len(sr1); k++ {
		if !(sr1[k] < 1e-12) {
			t.Errorf("SR1's error at step %d is %v, want 0 to rounding", k, sr1[k])
		}
	}
	if !(bfgs[2] > 1e-3) {
		t.Errorf("BFGS's error at step 2 is %v: it should not have learned the Hessian", bfgs[2])
	}
	t.Logf("SR1 %v\nBFGS %v", sr1, bfgs)
}
