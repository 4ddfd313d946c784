package sim_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/optimize/functions"

	"curvlab/sim"
	"curvlab/sim/internal/simtest"
	"curvlab/sim/la"
	"curvlab/sim/surfaces"
)

// ndRandSPD returns a random symmetric positive definite n×n matrix MᵀM + I
// and a random vector.
func ndRandSPD(rng *rand.Rand, n int) (a, b []float64) {
	m := make([]float64, n*n)
	for i := range m {
		m[i] = rng.NormFloat64()
	}
	a = make([]float64, n*n)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			for k := 0; k < n; k++ {
				a[i*n+j] += m[k*n+i] * m[k*n+j]
			}
		}
		a[i*n+i]++
	}
	b = make([]float64, n)
	for i := range b {
		b[i] = rng.NormFloat64()
	}
	return a, b
}

func ndRandPoint(rng *rand.Rand, n int, r float64) []float64 {
	x := make([]float64, n)
	for i := range x {
		x[i] = r * (2*rng.Float64() - 1)
	}
	return x
}

func TestQuadraticND(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 2))
	for _, n := range []int{3, 5} {
		a, b := ndRandSPD(rng, n)
		q := sim.NewQuadraticND(a, b)
		if q.Dim() != n {
			t.Fatalf("Dim = %d, want %d", q.Dim(), n)
		}
		for k := 0; k < 50; k++ {
			x := ndRandPoint(rng, n, 3)
			simtest.CheckDerivatives(t, "quadratic-nd", q, x, 1e-6)
			// f against gonum: ½xᵀAx − bᵀx.
			xv := mat.NewVecDense(n, x)
			want := 0.5*mat.Inner(xv, mat.NewSymDense(n, a), xv) - mat.Dot(mat.NewVecDense(n, b), xv)
			if f := q.Func(x); math.Abs(f-want) > 1e-12*math.Max(1, math.Abs(want)) {
				t.Errorf("n=%d: f = %g, want %g", n, f, want)
			}
		}

		xs, ok := q.Minimizer()
		if !ok {
			t.Fatalf("n=%d: Minimizer failed on a positive definite A", n)
		}
		g := make([]float64, n)
		q.Grad(g, xs)
		if la.Norm(g) > 1e-12*la.Norm(b)*math.Max(1, la.Norm(xs)) {
			t.Errorf("n=%d: ‖∇f(x*)‖ = %g", n, la.Norm(g))
		}
		var want mat.VecDense
		if err := want.SolveVec(mat.NewDense(n, n, a), mat.NewVecDense(n, b)); err != nil {
			t.Fatal(err)
		}
		if !simtest.CloseVec(xs, want.RawVector().Data, 1e-10) {
			t.Errorf("n=%d: minimizer %v, gonum solve %v", n, xs, want.RawVector().Data)
		}
		// f(x*) = −½bᵀx* is the least value.
		fs := q.Func(xs)
		if math.Abs(fs+0.5*la.Dot(b, xs)) > 1e-12*math.Max(1, math.Abs(fs)) {
			t.Errorf("n=%d: f(x*) = %g, want −½bᵀx* = %g", n, fs, -0.5*la.Dot(b, xs))
		}
		for k := 0; k < 100; k++ {
			if f := q.Func(ndRandPoint(rng, n, 3)); f < fs {
				t.Errorf("n=%d: f = %g below f(x*) = %g", n, f, fs)
			}
		}

		x, h := ndRandPoint(rng, n, 1), make([]float64, n*n)
		if allocs := testing.AllocsPerRun(10, func() { q.Func(x); q.Grad(g, x); q.Hess(h, x) }); allocs != 0 {
			t.Errorf("n=%d: %v allocations per Func+Grad+Hess", n, allocs)
		}
	}

	// Indefinite A: no minimizer.
	q := sim.NewQuadraticND([]float64{1, 0, 0, 0, -2, 0, 0, 0, 3}, []float64{1, 1, 1})
	if x, ok := q.Minimizer(); ok {
		t.Errorf("Minimizer of an indefinite quadratic returned %v", x)
	}
	// Inputs are copied.
	a, b := []float64{2, 0, 0, 2}, []float64{2, 4}
	q = sim.NewQuadraticND(a, b)
	a[0], b[0] = 100, 100
	if xs, ok := q.Minimizer(); !ok || !simtest.CloseVec(xs, []float64{1, 2}, 1e-15) {
		t.Errorf("minimizer %v after changing the caller's slices, want [1 2]", xs)
	}
}

func TestNDConstructorsPanic(t *testing.T) {
	for name, f := range map[string]func(){
		"asymmetric":    func() { sim.NewQuadraticND([]float64{1, 2, 3, 4}, []float64{0, 0}) },
		"size mismatch": func() { sim.NewQuadraticND([]float64{1, 0, 0, 1}, []float64{0, 0, 0}) },
		"empty":         func() { sim.NewQuadraticND(nil, nil) },
		"odd extended":  func() { sim.NewRosenbrockND(3, false) },
		"n = 1":         func() { sim.NewRosenbrockND(1, true) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", name)
				}
			}()
			f()
		}()
	}
}

func TestRosenbrockND(t *testing.T) {
	rng := rand.New(rand.NewPCG(22, 3))
	var ref functions.ExtendedRosenbrock
	for _, tc := range []struct {
		n       int
		chained bool
	}{{3, true}, {5, true}, {4, false}, {6, false}} {
		r := sim.NewRosenbrockND(tc.n, tc.chained)
		n := tc.n
		g, gr := make([]float64, n), make([]float64, n)
		for k := 0; k < 50; k++ {
			x := ndRandPoint(rng, n, 2)
			f := r.Func(x)
			r.Grad(g, x)
			simtest.CheckDerivatives(t, "rosenbrock-nd", r, x, 1e-6+1e-9*f/math.Max(1, la.Norm(g)))
			if tc.chained {
				// gonum's ExtendedRosenbrock is the chained form.
				if fr := ref.Func(x); math.Abs(f-fr) > 1e-12*math.Max(1, fr) {
					t.Errorf("n=%d: f = %g, gonum %g", n, f, fr)
				}
				ref.Grad(gr, x)
				if !simtest.CloseVec(g, gr, 1e-12) {
					t.Errorf("n=%d: ∇f = %v, gonum %v", n, g, gr)
				}
			} else {
				// The extended form is a sum of independent 2D Rosenbrocks.
				var want float64
				for i := 0; i < n; i += 2 {
					want += (&surfaces.Rosenbrock{A: 1, B: 100}).Func(x[i : i+2])
				}
				if math.Abs(f-want) > 1e-12*math.Max(1, want) {
					t.Errorf("n=%d extended: f = %g, sum of 2D terms %g", n, f, want)
				}
			}
		}

		// The minimizer (1, …, 1): f = 0, ∇f = 0, ∇²f positive definite.
		ones := make([]float64, n)
		for i := range ones {
			ones[i] = 1
		}
		if f := r.Func(ones); f != 0 {
			t.Errorf("n=%d: f(1,…,1) = %g", n, f)
		}
		r.Grad(g, ones)
		if la.Norm(g) != 0 {
			t.Errorf("n=%d: ∇f(1,…,1) = %v", n, g)
		}
		h, vals := make([]float64, n*n), make([]float64, n)
		r.Hess(h, ones)
		la.EigSym(vals, nil, h, make([]float64, la.EigSymWork(n)), n)
		if vals[0] <= 0 {
			t.Errorf("n=%d: Hessian at (1,…,1) has eigenvalues %v", n, vals)
		}
		st := r.Start()
		if len(st) != n || st[0] != -1.2 || st[1] != 1 {
			t.Errorf("n=%d: start %v", n, st)
		}
		x := ndRandPoint(rng, n, 1)
		if allocs := testing.AllocsPerRun(10, func() { r.Func(x); r.Grad(g, x); r.Hess(h, x) }); allocs != 0 {
			t.Errorf("n=%d: %v allocations per Func+Grad+Hess", n, allocs)
		}
	}

	// gonum's listed local minimum of the chained 5D function is stationary
	// for our gradient too, with the same value.
	r := sim.NewRosenbrockND(5, true)
	for _, m := range ref.Minima() {
		if len(m.X) != 5 {
			continue
		}
		g := make([]float64, 5)
		r.Grad(g, m.X)
		if la.Norm(g) > 1e-6 {
			t.Errorf("‖∇f‖ = %g at gonum's minimum %v", la.Norm(g), m.X)
		}
		if f := r.Func(m.X); math.Abs(f-m.F) > 1e-12*math.Max(1, m.F) {
			t.Errorf("f = %g at gonum's minimum %v, gonum F = %g", f, m.X, m.F)
		}
	}

	// In 2D both forms are the rosenbrock surface, Hessian included.
	s, _ := surfaces.New("rosenbrock", "")
	for _, chained := range []bool{true, false} {
		r := sim.NewRosenbrockND(2, chained)
		for _, x := range randPoints(s.View(), 20, 23) {
			h1, h2 := make([]float64, 4), make([]float64, 4)
			r.Hess(h1, x)
			s.Hess(h2, x)
			if r.Func(x) != s.Func(x) || !simtest.CloseVec(h1, h2, 1e-15) {
				t.Errorf("2D RosenbrockND(chained=%v) differs from the rosenbrock surface at %v", chained, x)
			}
		}
	}
}
