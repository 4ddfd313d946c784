package la

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// randSym returns a random symmetric n×n matrix: normal numbers below the
// diagonal, mirrored.
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

// spd returns a random symmetric positive definite n×n matrix MᵀM + I.
func spd(rng *rand.Rand, n int) []float64 {
	m := randSym(rng, n)
	a := make([]float64, n*n)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			for k := 0; k < n; k++ {
				a[i*n+j] += m[k*n+i] * m[k*n+j]
			}
		}
		a[i*n+i]++
	}
	return a
}

func randVec(rng *rand.Rand, n int) []float64 {
	v := make([]float64, n)
	for i := range v {
		v[i] = rng.NormFloat64()
	}
	return v
}

func maxAbs(v []float64) float64 {
	var m float64
	for _, x := range v {
		m = math.Max(m, math.Abs(x))
	}
	return m
}

// gonumEig returns the eigenvalues of the symmetric n×n matrix a, ascending.
func gonumEig(t *testing.T, a []float64, n int) []float64 {
	t.Helper()
	var es mat.EigenSym
	if !es.Factorize(mat.NewSymDense(n, append([]float64(nil), a...)), false) {
		t.Fatal("gonum EigenSym failed")
	}
	return es.Values(nil)
}

// checkEig holds EigSym against gonum's eigenvalues of a, checks A·v = λ·v
// for every pair and that the eigenvectors are orthonormal, and that the
// eigenvalues alone are the same numbers as with the eigenvectors.
func checkEig(t *testing.T, what string, a []float64, n int) {
	t.Helper()
	vals, vecs := make([]float64, n), make([]float64, n*n)
	EigSym(vals, vecs, a, make([]float64, EigSymWork(n)), n)
	want := gonumEig(t, a, n)
	scale := math.Max(maxAbs(want), 1e-300)
	for i := range want {
		if !(math.Abs(vals[i]-want[i]) <= 1e-13*float64(n)*scale) {
			t.Fatalf("%s: eigenvalue %d of %d = %v, gonum %v", what, i, n, vals[i], want[i])
		}
	}
	only := make([]float64, n)
	EigSym(only, nil, a, make([]float64, EigSymWork(n)), n)
	for i := range only {
		if only[i] != vals[i] {
			t.Fatalf("%s: eigenvalue %d is %v alone, %v with the eigenvectors", what, i, only[i], vals[i])
		}
	}
	v, av := make([]float64, n), make([]float64, n)
	for j := 0; j < n; j++ {
		for i := 0; i < n; i++ {
			v[i] = vecs[i*n+j]
		}
		MatVec(av, a, v)
		for i := range av {
			if !(math.Abs(av[i]-vals[j]*v[i]) <= 1e-12*float64(n)*scale) {
				t.Fatalf("%s: A·v ≠ λ·v for eigenpair %d of %d: residual %v", what, j, n, av[i]-vals[j]*v[i])
			}
		}
		for k := 0; k <= j; k++ {
			var s float64
			for i := 0; i < n; i++ {
				s += vecs[i*n+k] * v[i]
			}
			want := 0.0
			if k == j {
				want = 1
			}
			if !(math.Abs(s-want) <= 1e-12*float64(n)) {
				t.Fatalf("%s: eigenvectors %d and %d have inner product %v", what, k, j, s)
			}
		}
	}
}

func TestEigSymAgainstGonum(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	for _, n := range []int{1, 2, 3, 5, 12, 40, 105} {
		for trial := 0; trial < 3; trial++ {
			checkEig(t, "random", randSym(rng, n), n)
		}
	}
	// Repeated eigenvalues, a zero column, rank one, graded, diagonal.
	checkEig(t, "identity", []float64{1, 0, 0, 0, 1, 0, 0, 0, 1}, 3)
	checkEig(t, "zero column", []float64{0, 0, 0, 0, 2, 1, 0, 1, 2}, 3)
	checkEig(t, "rank one", []float64{1, 2, 3, 2, 4, 6, 3, 6, 9}, 3)
	checkEig(t, "graded", []float64{1e-12, 1e-9, 0, 1e-9, 1, 1e3, 0, 1e3, 1e12}, 3)
	checkEig(t, "diagonal", []float64{2, 0, 0, -2}, 2)
	checkEig(t, "zero", make([]float64, 16), 4)
	// Extreme scales, against gonum's eigenvalues of the unscaled matrix
	// (gonum v0.17's Dsterf panics in Dlascl on such matrices).
	a := randSym(rng, 20)
	want := gonumEig(t, a, 20)
	for _, scale := range []float64{1e-150, 1e150} {
		as := make([]float64, len(a))
		for i := range a {
			as[i] = scale * a[i]
		}
		vals := make([]float64, 20)
		EigSym(vals, make([]float64, 400), as, make([]float64, EigSymWork(20)), 20)
		for i := range vals {
			if !(math.Abs(vals[i]/scale-want[i]) <= 1e-12*maxAbs(want)) {
				t.Errorf("scale %g: eigenvalue %d = %v, want %v", scale, i, vals[i]/scale, want[i])
			}
		}
	}
}

// TestEigSymReadsLowerTriangle: the strict upper triangle is not read.
func TestEigSymReadsLowerTriangle(t *testing.T) {
	a := []float64{2, 99, 99, 1, 3, 99, 0, 1, 4}
	sym := []float64{2, 1, 0, 1, 3, 1, 0, 1, 4}
	got, want := make([]float64, 3), make([]float64, 3)
	EigSym(got, nil, a, make([]float64, EigSymWork(3)), 3)
	EigSym(want, nil, sym, make([]float64, EigSymWork(3)), 3)
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("eigenvalues %v from the lower triangle, %v from the symmetric matrix", got, want)
		}
	}
}

func TestCholeskySolve(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 3))
	for _, n := range []int{1, 2, 4, 9, 30} {
		a := spd(rng, n)
		b := randVec(rng, n)
		l := make([]float64, n*n)
		if !Cholesky(l, a, n) {
			t.Fatalf("n=%d: positive definite matrix refused", n)
		}
		var ch mat.Cholesky
		if !ch.Factorize(mat.NewSymDense(n, append([]float64(nil), a...))) {
			t.Fatal("gonum Cholesky failed")
		}
		var lg mat.TriDense
		ch.LTo(&lg)
		for i := 0; i < n; i++ {
			for j := 0; j < n; j++ {
				if !(math.Abs(l[i*n+j]-lg.At(i, j)) <= 1e-12*math.Sqrt(maxAbs(a))) {
					t.Fatalf("n=%d: L[%d,%d] = %v, gonum %v", n, i, j, l[i*n+j], lg.At(i, j))
				}
			}
		}
		x := make([]float64, n)
		CholSolve(x, l, b)
		var want mat.VecDense
		if err := ch.SolveVecTo(&want, mat.NewVecDense(n, b)); err != nil {
			t.Fatal(err)
		}
		for i := range x {
			if !(math.Abs(x[i]-want.AtVec(i)) <= 1e-9*math.Max(1, math.Abs(x[i]))) {
				t.Fatalf("n=%d: solution %v, gonum %v", n, x, want.RawVector().Data)
			}
		}
	}
	if Cholesky(make([]float64, 4), []float64{1, 2, 2, 1}, 2) {
		t.Error("indefinite matrix accepted by Cholesky")
	}
	if Cholesky(make([]float64, 4), []float64{1, 0, 0, math.NaN()}, 2) {
		t.Error("matrix with NaN accepted by Cholesky")
	}
}

func TestSolveAgainstGonum(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 5))
	for _, n := range []int{1, 2, 3, 7, 20} {
		a := make([]float64, n*n)
		for i := range a {
			a[i] = rng.NormFloat64()
		}
		if n > 1 {
			a[0] = 0 // a zero leading pivot: needs a row swap
		}
		b := randVec(rng, n)
		x := make([]float64, n)
		if !Solve(x, make([]float64, n*n), a, b, n) {
			t.Fatalf("n=%d: random matrix counted singular", n)
		}
		var want mat.VecDense
		if err := want.SolveVec(mat.NewDense(n, n, append([]float64(nil), a...)), mat.NewVecDense(n, b)); err != nil {
			t.Fatal(err)
		}
		for i := range x {
			if !(math.Abs(x[i]-want.AtVec(i)) <= 1e-8*math.Max(1, maxAbs(x))) {
				t.Fatalf("n=%d: solution %v, gonum %v", n, x, want.RawVector().Data)
			}
		}
		// x may alias b.
		y := append([]float64(nil), b...)
		Solve(y, make([]float64, n*n), a, y, n)
		for i := range y {
			if y[i] != x[i] {
				t.Fatalf("n=%d: aliased solve gives %v, not %v", n, y, x)
			}
		}
	}
	for _, a := range [][]float64{{1, 2, 2, 4}, {0, 0, 0, 0}, {1, 0, 0, 1e-20}, {1, 0, 0, math.NaN()}} {
		if x := make([]float64, 2); Solve(x, make([]float64, 4), a, []float64{1, 1}, 2) {
			t.Errorf("singular %v solved: %v", a, x)
		}
	}
}

func TestMatVecAgainstGonum(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 9))
	n := 6
	a, x := randSym(rng, n), randVec(rng, n)
	a[1] += 3 // not symmetric
	got := make([]float64, n)
	MatVec(got, a, x)
	var want mat.VecDense
	want.MulVec(mat.NewDense(n, n, a), mat.NewVecDense(n, x))
	for i := range got {
		if !(math.Abs(got[i]-want.AtVec(i)) <= 1e-14*float64(n)*maxAbs(a)*maxAbs(x)) {
			t.Fatalf("A·x = %v, gonum %v", got, want.RawVector().Data)
		}
	}
	if tr := Trace(a, n); !(math.Abs(tr-mat.Trace(mat.NewDense(n, n, a))) <= 1e-14*float64(n)*maxAbs(a)) {
		t.Errorf("Trace %v, gonum %v", tr, mat.Trace(mat.NewDense(n, n, a)))
	}
}

// exactNorm computes ‖x‖ in 200-bit arithmetic, rounded to float64.
func exactNorm(x []float64) float64 {
	s := new(big.Float).SetPrec(200)
	for _, v := range x {
		b := new(big.Float).SetPrec(200).SetFloat64(v)
		s.Add(s, b.Mul(b, b))
	}
	r, _ := s.Sqrt(s).Float64()
	return r
}

// TestNorm: √(xᵀx) where the sum of squares is a normal number (the same
// bits as math.Sqrt(Dot(x, x))), and the true norm to a few ulps where it
// overflows or underflows (the vector of curvsim's valley × broyden fault,
// whose sum of squares overflows while its norm is about 3.9e164).
func TestNorm(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	x := randVec(rng, 7)
	if got, want := Norm(x), math.Sqrt(Dot(x, x)); got != want {
		t.Errorf("Norm %v, √(xᵀx) %v", got, want)
	}
	for _, x := range [][]float64{
		{3.9345285804e+164, -9.175672e+161},
		{1e300, 1e300, -1e300},
		{3e-170, 4e-170},
		{5e-324, 5e-324},
		{1e-200, 1, 1e200},
		{math.MaxFloat64, 0},
	} {
		got, want := Norm(x), exactNorm(x)
		if !(math.Abs(got-want) <= 4*eps*want) || math.IsInf(got, 0) {
			t.Errorf("Norm(%v) = %v, exactly %v", x, got, want)
		}
	}
	if got := Norm([]float64{math.MaxFloat64, math.MaxFloat64}); !math.IsInf(got, 1) {
		t.Errorf("Norm of a vector longer than MaxFloat64 = %v, want +Inf", got)
	}
	if got := Norm([]float64{1, math.Inf(-1)}); !math.IsInf(got, 1) {
		t.Errorf("Norm with −Inf = %v, want +Inf", got)
	}
	if got := Norm([]float64{1e300, math.NaN()}); !math.IsNaN(got) {
		t.Errorf("Norm with NaN = %v, want NaN", got)
	}
	if got := Norm([]float64{0, 0}); got != 0 {
		t.Errorf("Norm of zero = %v", got)
	}
}

// BenchmarkEigSym times the eigenvalues and eigenvectors of a random
// symmetric 105×105 matrix (the size of a 2-8-8-1 network's Hessian).
func BenchmarkEigSym(b *testing.B) {
	const n = 105
	a := randSym(rand.New(rand.NewPCG(1, 2)), n)
	vals, vecs, work := make([]float64, n), make([]float64, n*n), make([]float64, EigSymWork(n))
	b.ReportAllocs()
	for b.Loop() {
		EigSym(vals, vecs, a, work, n)
	}
}

// BenchmarkEigSymValues is BenchmarkEigSym without the eigenvectors.
func BenchmarkEigSymValues(b *testing.B) {
	const n = 105
	a := randSym(rand.New(rand.NewPCG(1, 2)), n)
	vals, work := make([]float64, n), make([]float64, EigSymWork(n))
	b.ReportAllocs()
	for b.Loop() {
		EigSym(vals, nil, a, work, n)
	}
}
