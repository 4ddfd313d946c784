package sim

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
)

func randSym(rng *rand.Rand, n int) []float64 {
	a := make([]float64, n*n)
	for i := 0; i < n; i++ {
		for j := 0; j <= i; j++ {
			v := rng.NormFloat64()
			a[i*n+j], a[j*n+i] = v, v
		}
	}
	return a
}

func TestEigSymAgainstGonum(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	for _, n := range []int{1, 2, 3, 5, 12, 40} {
		for trial := 0; trial < 5; trial++ {
			a := randSym(rng, n)
			vals := make([]float64, n)
			vecs := make([]float64, n*n)
			EigSym(vals, vecs, a, make([]float64, n*n), n)

			var es mat.EigenSym
			if !es.Factorize(mat.NewSymDense(n, append([]float64(nil), a...)), false) {
				t.Fatal("gonum EigenSym failed")
			}
			want := es.Values(nil)
			for i := range want {
				if math.Abs(vals[i]-want[i]) > 1e-12*float64(n) {
					t.Fatalf("n=%d: eigenvalue %d = %v, gonum %v", n, i, vals[i], want[i])
				}
			}
			// A·v = λ·v for each column, and the columns are orthonormal.
			av := make([]float64, n)
			v := make([]float64, n)
			for j := 0; j < n; j++ {
				for i := 0; i < n; i++ {
					v[i] = vecs[i*n+j]
				}
				MatVec(av, a, v)
				for i := range av {
					if math.Abs(av[i]-vals[j]*v[i]) > 1e-11*float64(n) {
						t.Fatalf("n=%d: A·v ≠ λ·v for eigenpair %d", n, j)
					}
				}
				if math.Abs(Norm(v)-1) > 1e-12 {
					t.Fatalf("n=%d: eigenvector %d has norm %v", n, j, Norm(v))
				}
			}
		}
	}
}

func TestCholeskySolve(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 3))
	for _, n := range []int{1, 2, 4, 9} {
		// A = MᵀM + I is positive definite.
		m := randSym(rng, n)
		a := make([]float64, n*n)
		for i := 0; i < n; i++ {
			for j := 0; j < n; j++ {
				var s float64
				for k := 0; k < n; k++ {
					s += m[k*n+i] * m[k*n+j]
				}
				a[i*n+j] = s
			}
			a[i*n+i]++
		}
		b := make([]float64, n)
		for i := range b {
			b[i] = rng.NormFloat64()
		}
		l := make([]float64, n*n)
		if !Cholesky(l, a, n) {
			t.Fatalf("n=%d: positive definite matrix refused", n)
		}
		x := make([]float64, n)
		CholSolve(x, l, b)
		var want mat.VecDense
		if err := want.SolveVec(mat.NewDense(n, n, a), mat.NewVecDense(n, b)); err != nil {
			t.Fatal(err)
		}
		for i := range x {
			if math.Abs(x[i]-want.AtVec(i)) > 1e-9*math.Max(1, math.Abs(x[i])) {
				t.Fatalf("n=%d: solution %v, gonum %v", n, x, want.RawVector().Data)
			}
		}
	}
	// An indefinite matrix is refused.
	if Cholesky(make([]float64, 4), []float64{1, 2, 2, 1}, 2) {
		t.Error("indefinite matrix accepted by Cholesky")
	}
}
