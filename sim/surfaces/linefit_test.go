package surfaces

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// lineFitData draws m points near a line; off shifts the x's from 0 (far
// from 0 the valley is tilted and thin).
func lineFitData(rng *rand.Rand, m int, off float64) []float64 {
	xy := make([]float64, 2*m)
	for i := range m {
		x := off + 3*rng.NormFloat64()
		xy[2*i], xy[2*i+1] = x, 0.7-1.3*x+rng.NormFloat64()
	}
	return xy
}

// TestLineFitAgainstGonum: on random data (centred, and 40 away from 0)
// the line fit's value is (1/m)‖Xθ − y‖² summed point by point, its
// gradient (2/m)Xᵀ(Xθ − y), its Hessian (2/m)XᵀX by gonum's product, its
// minimum gonum's least-squares solution, and its Hessian's eigenvalues
// gonum's.
func TestLineFitAgainstGonum(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, tc := range []struct {
		m   int
		off float64
	}{{2, 0}, {7, 0}, {50, 0}, {12, 40}, {1000, -5}} {
		xy := lineFitData(rng, tc.m, tc.off)
		l, err := NewLineFit(xy)
		if err != nil {
			t.Fatal(err)
		}
		m := float64(tc.m)
		X := mat.NewDense(tc.m, 2, nil)
		y := mat.NewVecDense(tc.m, nil)
		for i := range tc.m {
			X.Set(i, 0, 1)
			X.Set(i, 1, xy[2*i])
			y.SetVec(i, xy[2*i+1])
		}
		var xtx mat.Dense
		xtx.Mul(X.T(), X)
		h := make([]float64, 4)
		l.Hess(h, []float64{0, 0})
		for i := range 2 {
			for j := range 2 {
				want := 2 / m * xtx.At(i, j)
				if math.Abs(h[2*i+j]-want) > 1e-11*math.Abs(want)+1e-13 {
					t.Errorf("m=%d off=%g: H[%d,%d] = %.15g, (2/m)XᵀX = %.15g", tc.m, tc.off, i, j, h[2*i+j], want)
				}
			}
		}
		var sol mat.VecDense
		if err := sol.SolveVec(X, y); err != nil {
			t.Fatal(err)
		}
		ms := l.Minima()
		if len(ms) != 1 || math.Abs(ms[0].X-sol.AtVec(0)) > 1e-9*(1+math.Abs(sol.AtVec(0))) || math.Abs(ms[0].Y-sol.AtVec(1)) > 1e-9*(1+math.Abs(sol.AtVec(1))) {
			t.Errorf("m=%d off=%g: minima %+v, gonum's least squares (%g, %g)", tc.m, tc.off, ms, sol.AtVec(0), sol.AtVec(1))
		}
		for k := 0; k < 10; k++ {
			th := []float64{sol.AtVec(0) + 5*rng.NormFloat64(), sol.AtVec(1) + rng.NormFloat64()}
			if k == 0 {
				th = []float64{sol.AtVec(0), sol.AtVec(1)}
			}
			var r mat.VecDense
			r.MulVec(X, mat.NewVecDense(2, th))
			r.SubVec(&r, y)
			want := mat.Dot(&r, &r) / m
			if f := l.Func(th); math.Abs(f-want) > 1e-11*want {
				t.Errorf("m=%d off=%g: L(%v) = %.15g, (1/m)‖Xθ − y‖² = %.15g", tc.m, tc.off, th, f, want)
			}
			var gw mat.VecDense
			gw.MulVec(X.T(), &r)
			g := make([]float64, 2)
			l.Grad(g, th)
			scale := 2 / m * (mat.Norm(X, 1)*mat.Norm(&r, 1) + 1)
			for i := range 2 {
				if d := math.Abs(g[i] - 2/m*gw.AtVec(i)); d > 1e-11*scale {
					t.Errorf("m=%d off=%g: ∇L(%v)[%d] = %g, (2/m)Xᵀ(Xθ − y) = %g", tc.m, tc.off, th, i, g[i], 2/m*gw.AtVec(i))
				}
			}
		}
		var eig mat.EigenSym
		if !eig.Factorize(mat.NewSymDense(2, []float64{2 / m * xtx.At(0, 0), 2 / m * xtx.At(0, 1), 2 / m * xtx.At(1, 0), 2 / m * xtx.At(1, 1)}), false) {
			t.Fatal("eigendecomposition failed")
		}
		lo, hi := surfEig(l, 0, 0)
		vals := eig.Values(nil)
		if math.Abs(lo-vals[0]) > 1e-8*vals[1] || math.Abs(hi-vals[1]) > 1e-10*vals[1] {
			t.Errorf("m=%d off=%g: eigenvalues %g, %g; gonum's %v", tc.m, tc.off, lo, hi, vals)
		}
	}
}

// TestLineFitSingular: points on one vertical line leave the intercept
// and slope undetermined: the Hessian is singular (det 0) and linefit
// knows no minimum, while every line through the points' mean value at
// that x has the least loss, their variance in y.
func TestLineFitSingular(t *testing.T) {
	l, err := NewLineFit([]float64{2, 1, 2, 3, 2, 5})
	if err != nil {
		t.Fatal(err)
	}
	h := make([]float64, 4)
	l.Hess(h, []float64{0, 0})
	if det := h[0]*h[3] - h[1]*h[2]; det != 0 {
		t.Errorf("det H = %g, want 0 (H = %v)", det, h)
	}
	if ms := l.Minima(); len(ms) != 0 {
		t.Errorf("minima %+v, want none", ms)
	}
	want := (4.0 + 0 + 4) / 3 // variance of 1, 3, 5
	for _, th := range [][]float64{{3, 0}, {1, 1}, {-7, 5}} {
		if f := l.Func(th); math.Abs(f-want) > 1e-14 {
			t.Errorf("L(%v) = %g on the line of minimizers, want %g", th, f, want)
		}
	}
}

// TestLineFitRefusesBadPoints: odd counts, too few or too many points,
// and coordinates that are not finite or too large are errors.
func TestLineFitRefusesBadPoints(t *testing.T) {
	many := make([]float64, 2*(MaxFitPoints+1))
	for _, xy := range [][]float64{nil, {1, 2}, {1, 2, 3}, many, {0, 0, 1, math.NaN()}, {math.Inf(1), 0, 1, 1}, {0, 0, 1, 1001}} {
		if _, err := NewLineFit(xy); err == nil {
			t.Errorf("NewLineFit(%d numbers) gave no error", len(xy))
		}
	}
}
