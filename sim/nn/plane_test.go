package nn

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
)

func dotVec(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

// checkOrthonormal fails unless u and v are unit vectors at right angles.
func checkOrthonormal(t *testing.T, what string, u, v []float64) {
	t.Helper()
	if math.Abs(dotVec(u, u)-1) > 1e-12 || math.Abs(dotVec(v, v)-1) > 1e-12 || math.Abs(dotVec(u, v)) > 1e-12 {
		t.Fatalf("%s: |u|² %v, |v|² %v, u·v %v", what, dotVec(u, u), dotVec(v, v), dotVec(u, v))
	}
}

// The Hessian plane is spanned by the eigenvectors of the Hessian's two
// largest eigenvalues, as gonum's EigenSym finds them.
func TestHessianPlaneAgainstGonum(t *testing.T) {
	d := mustData(t, "spiral", 60, 0.1, 3)
	for _, a := range []Arch{{Hidden: []int{4}}, {Hidden: []int{3, 3}, Act: Sigmoid, Loss: CrossEntropy}} {
		m := mustMLP(t, a, d)
		n := m.Dim()
		x0 := make([]float64, n)
		m.Init(x0, 7)
		p := HessianPlane(m, x0)
		checkOrthonormal(t, a.String(), p.U, p.V)

		h := make([]float64, n*n)
		m.Hess(h, x0)
		var es mat.EigenSym
		if !es.Factorize(mat.NewSymDense(n, h), true) {
			t.Fatal("gonum EigenSym failed")
		}
		vals := es.Values(nil)
		var vecs mat.Dense
		es.VectorsTo(&vecs)
		for k, got := range [][]float64{p.U, p.V} {
			want := mat.Col(nil, n-1-k, &vecs)
			lam := vals[n-1-k]
			if far(p.Lam[k], lam, 1e-10*math.Abs(vals[n-1])) {
				t.Errorf("%v: eigenvalue %d is %v, gonum %v", a, k, p.Lam[k], lam)
			}
			// Eigenvectors are defined up to sign.
			if c := math.Abs(dotVec(got, want)); math.Abs(c-1) > 1e-8 {
				t.Errorf("%v: direction %d has |cos| %v with gonum's eigenvector", a, k, c)
			}
		}
		for i := range x0 {
			if p.Origin[i] != x0[i] {
				t.Fatalf("%v: origin differs from x0 at %d", a, i)
			}
		}
	}
}

// The principal-component plane of points laid on a known plane with
// known spreads is that plane, and Lam are the spreads' variances.
func TestPCAPlaneFindsTheirPlane(t *testing.T) {
	const n, m = 7, 200
	rng := rand.New(rand.NewPCG(1, 2))
	// An orthonormal pair e1, e2 by Gram–Schmidt on random vectors.
	e1, e2 := randVec(rng, n, 1), randVec(rng, n, 1)
	s := math.Sqrt(dotVec(e1, e1))
	for i := range e1 {
		e1[i] /= s
	}
	c := dotVec(e1, e2)
	for i := range e2 {
		e2[i] -= c * e1[i]
	}
	s = math.Sqrt(dotVec(e2, e2))
	for i := range e2 {
		e2[i] /= s
	}
	centre := randVec(rng, n, 3)
	pts := make([][]float64, m)
	for k := range pts {
		a, b := 5*rng.NormFloat64(), 0.5*rng.NormFloat64()
		x := make([]float64, n)
		for i := range x {
			x[i] = centre[i] + a*e1[i] + b*e2[i]
		}
		pts[k] = x
	}
	p, ok := PCAPlane(centre, pts)
	if !ok {
		t.Fatal("no plane")
	}
	checkOrthonormal(t, "pca", p.U, p.V)
	if c := math.Abs(dotVec(p.U, e1)); math.Abs(c-1) > 1e-3 {
		t.Errorf("first component has |cos| %v with the wide direction", c)
	}
	if c := math.Abs(dotVec(p.V, e2)); math.Abs(c-1) > 1e-3 {
		t.Errorf("second component has |cos| %v with the narrow direction", c)
	}
	// The sample variances (divided by m) along the principal components,
	// computed from the projected points directly.
	for k, dir := range [][]float64{p.U, p.V} {
		var mean, sq float64
		for _, x := range pts {
			mean += dotVec(x, dir) / m
		}
		for _, x := range pts {
			d := dotVec(x, dir) - mean
			sq += d * d / m
		}
		if far(p.Lam[k], sq, 1e-9*sq) {
			t.Errorf("variance along component %d is %v, the points' %v", k, p.Lam[k], sq)
		}
	}

	if _, ok := PCAPlane(centre, pts[:2]); ok {
		t.Error("a plane through two points")
	}
	line := make([][]float64, 10)
	for k := range line {
		x := make([]float64, n)
		for i := range x {
			x[i] = centre[i] + float64(k)*e1[i]
		}
		line[k] = x
	}
	if _, ok := PCAPlane(centre, line); ok {
		t.Error("a plane through points on a line")
	}
}

// Project and At are inverse on the plane, and Project is the orthogonal
// projection: what it drops is at right angles to the plane.
func TestPlaneProjectAt(t *testing.T) {
	d := mustData(t, "xor", 40, 0.1, 1)
	m := mustMLP(t, Arch{Hidden: []int{3}}, d)
	x0 := make([]float64, m.Dim())
	m.Init(x0, 2)
	p := HessianPlane(m, x0)
	x := make([]float64, m.Dim())
	p.At(x, 0.3, -1.7)
	if a, b := p.Project(x); far(a, 0.3, 1e-12) || far(b, -1.7, 1e-12) {
		t.Errorf("Project(At(0.3, −1.7)) = (%v, %v)", a, b)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	y := randVec(rng, m.Dim(), 1)
	a, b := p.Project(y)
	r := make([]float64, m.Dim())
	p.At(r, a, b)
	for i := range r {
		r[i] = y[i] - r[i]
	}
	if math.Abs(dotVec(r, p.U)) > 1e-12 || math.Abs(dotVec(r, p.V)) > 1e-12 {
		t.Errorf("residual of the projection has u·r %v, v·r %v", dotVec(r, p.U), dotVec(r, p.V))
	}
}

// A loss grid computes, coarse to fine, the loss at every cell centre of
// its window; each level's picture fills each block with a sample from
// inside it; a complete grid costs exactly SliceN² losses.
func TestLossGrid(t *testing.T) {
	d := mustData(t, "spiral", 30, 0.1, 5)
	m := mustMLP(t, Arch{Hidden: []int{3}}, d)
	x0 := make([]float64, m.Dim())
	m.Init(x0, 9)
	p := HessianPlane(m, x0)

	var g LossGrid
	if !g.Complete() || g.Step() {
		t.Fatal("the zero grid is not complete and empty")
	}
	g.Reset(m, p, -1, 3, -2, 0.5)
	if g.Complete() || g.Level() != 0 || g.Cells() != 16 {
		t.Fatalf("a reset grid: complete %v, level %d, cells %d", g.Complete(), g.Level(), g.Cells())
	}
	steps, levels := 0, 0
	for !g.Complete() {
		if g.Step() {
			levels++
			side := SliceN >> (4 - levels) // 16, 32, 64, 128
			if g.Level() != levels {
				t.Fatalf("level %d after %d levels", g.Level(), levels)
			}
			// Each level reuses the coarser samples: side² losses so far.
			computed := 0
			for _, v := range g.Vals {
				if !math.IsNaN(v) {
					computed++
				}
			}
			if computed != side*side {
				t.Fatalf("level %d: %d losses computed, want %d", levels, computed, side*side)
			}
			// Every block of the level shows one value, computed inside it.
			bs := SliceN / side
			for J := 0; J < side; J++ {
				for I := 0; I < side; I++ {
					v := g.Disp[J*bs*SliceN+I*bs]
					found := false
					for y := J * bs; y < (J+1)*bs; y++ {
						for x := I * bs; x < (I+1)*bs; x++ {
							if g.Disp[y*SliceN+x] != v {
								t.Fatalf("level %d: block (%d, %d) shows two values", levels, I, J)
							}
							found = found || g.Vals[y*SliceN+x] == v
						}
					}
					if !found || math.IsNaN(v) {
						t.Fatalf("level %d: block (%d, %d) shows %v, computed nowhere in it", levels, I, J, v)
					}
				}
			}
		}
		if steps++; steps > 100000 {
			t.Fatal("the grid never completes")
		}
	}
	if levels != 4 || steps != 16*16+32*32+64*64+128*128 {
		t.Fatalf("%d levels in %d steps", levels, steps)
	}
	x := make([]float64, m.Dim())
	for j := 0; j < SliceN; j++ {
		for i := 0; i < SliceN; i++ {
			// Cell centres of the window, row 0 at the top (b = 0.5).
			a := -1 + (float64(i)+0.5)*4/SliceN
			b := 0.5 - (float64(j)+0.5)*2.5/SliceN
			for k := range x {
				x[k] = x0[k] + a*p.U[k] + b*p.V[k]
			}
			want := m.Func(x)
			if got := g.Vals[j*SliceN+i]; far(got, want, 1e-12*math.Abs(want)) || g.Disp[j*SliceN+i] != got {
				t.Fatalf("cell (%d, %d): %v (shown %v), loss at its centre %v", i, j, got, g.Disp[j*SliceN+i], want)
			}
		}
	}
	if g.Step() || !g.Complete() {
		t.Fatal("a complete grid went on")
	}
	// A reset forgets every value.
	g.Reset(m, p, 0, 1, 0, 1)
	if !math.IsNaN(g.Vals[0]) || !math.IsNaN(g.Disp[SliceN*SliceN-1]) {
		t.Fatal("a reset grid kept old values")
	}
	if allocs := testing.AllocsPerRun(100, func() { g.Step() }); allocs != 0 {
		t.Errorf("Step allocates %v times", allocs)
	}
}
