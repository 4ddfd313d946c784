package geom

import (
	"math"
	"testing"
)

// rotated returns R(θ)·diag(l1, l2)·R(θ)ᵀ.
func rotated(l1, l2, th float64) [4]float64 {
	s, c := math.Sincos(th)
	return [4]float64{
		l1*c*c + l2*s*s, (l1 - l2) * c * s,
		(l1 - l2) * c * s, l1*s*s + l2*c*c,
	}
}

func quadForm(b [4]float64, dx, dy float64) float64 {
	return 0.5 * (b[0]*dx*dx + (b[1]+b[2])*dx*dy + b[3]*dy*dy)
}

func dot(a [2]float64, x, y float64) float64 { return a[0]*x + a[1]*y }

func TestEigenClosedForm(t *testing.T) {
	for _, c := range []struct {
		b          [4]float64
		lmin, lmax float64
		kind       Kind
	}{
		{[4]float64{2, 0, 0, 5}, 2, 5, KindPosDef},
		{[4]float64{5, 0, 0, 2}, 2, 5, KindPosDef},
		{[4]float64{3, 0, 0, 3}, 3, 3, KindPosDef},             // λ1 = λ2
		{[4]float64{3, 1e-300, 1e-300, 3}, 3, 3, KindPosDef},   // off-diagonal ≈ 0
		{[4]float64{1, 2, 2, 1}, -1, 3, KindIndefinite},        // equal diagonal
		{[4]float64{-1, 0, 0, -4}, -4, -1, KindNegDef},         //
		{[4]float64{1, 1, 1, 1}, 0, 2, KindSingular},           // rank one
		{[4]float64{0, 0, 0, 0}, 0, 0, KindZero},               //
		{[4]float64{2, 1, 3, 2}, 0, 4, KindSingular},           // symmetric part [[2,2],[2,2]]
		{[4]float64{1e6, 0, 0, 1e-3}, 1e-3, 1e6, KindPosDef},   // ill-conditioned
		{[4]float64{1e8, 0, 0, 1e-3}, 1e-3, 1e8, KindSingular}, // ratio below SingularTol
		{[4]float64{1e6, 1, 1, 1e-3}, 999 / (1e6 + 1e-6 - 1e-15), 1e6 + 1e-6 - 1e-15, KindPosDef},
		{[4]float64{1, 0, 0, 1e-11}, 1e-11, 1, KindSingular},   // below SingularTol
		{[4]float64{1, 0, 0, -1e-11}, -1e-11, 1, KindSingular}, //
	} {
		cv := Eigen(c.b)
		// each eigenvalue to 1e-12 relative (absolute for zero)
		tol := func(l float64) float64 {
			if l == 0 {
				return 1e-12 * math.Abs(c.lmax)
			}
			return 1e-12 * math.Abs(l)
		}
		if !near(cv.Lmin, c.lmin, tol(c.lmin)) || !near(cv.Lmax, c.lmax, tol(c.lmax)) || cv.Kind != c.kind {
			t.Errorf("Eigen(%v) = %v, %v, %v want %v, %v, %v", c.b, cv.Lmin, cv.Lmax, cv.Kind, c.lmin, c.lmax, c.kind)
		}
		// B v = λ v for the symmetric part, orthonormal vectors
		a, off, d := c.b[0], (c.b[1]+c.b[2])/2, c.b[3]
		for _, p := range []struct {
			l float64
			v [2]float64
		}{{cv.Lmin, cv.V1}, {cv.Lmax, cv.V2}} {
			rx := a*p.v[0] + off*p.v[1] - p.l*p.v[0]
			ry := off*p.v[0] + d*p.v[1] - p.l*p.v[1]
			if math.Hypot(rx, ry) > 1e-12*math.Max(1, math.Abs(c.lmax)) {
				t.Errorf("Eigen(%v): residual %v for λ=%v", c.b, math.Hypot(rx, ry), p.l)
			}
		}
		if !near(math.Hypot(cv.V1[0], cv.V1[1]), 1, 1e-15) || math.Abs(dot(cv.V1, cv.V2[0], cv.V2[1])) > 1e-15 {
			t.Errorf("Eigen(%v): vectors not orthonormal", c.b)
		}
	}
	if cv := Eigen([4]float64{math.NaN(), 0, 0, 1}); cv.Kind != KindInvalid {
		t.Errorf("NaN matrix: %v", cv.Kind)
	}
	if cv := Eigen([4]float64{math.Inf(1), 0, 0, 1}); cv.Kind != KindInvalid {
		t.Errorf("Inf matrix: %v", cv.Kind)
	}
}

// extent returns the largest projection of the level set's points onto u.
func extent(pts []float64, cx, cy float64, u [2]float64) float64 {
	m := math.Inf(-1)
	for p := 0; p < len(pts); p += 2 {
		if pts[p] == pts[p] {
			m = math.Max(m, dot(u, pts[p]-cx, pts[p+1]-cy))
		}
	}
	return m
}

func TestEllipseExtentsAndLevel(t *testing.T) {
	cx, cy := 0.7, -1.3
	for _, c := range []struct{ l1, l2, th, level float64 }{
		{1, 4, 0.3, 0.5},
		{2, 2, 1.1, 3},      // circle
		{1e-3, 10, -0.8, 2}, // long and thin
		{7, 0.5, math.Pi / 2, 1},
		{3, 3.0000000001, 0.2, 1}, // nearly equal eigenvalues
	} {
		b := rotated(c.l1, c.l2, c.th)
		cv := Eigen(b)
		if cv.Kind != KindPosDef {
			t.Fatalf("%+v: kind %v", c, cv.Kind)
		}
		pts := cv.AppendLevel(nil, cx, cy, c.level, 0, 96)
		n := len(pts) / 2
		if pts[0] != pts[2*n-2] || pts[1] != pts[2*n-1] {
			t.Fatalf("%+v: ellipse not closed", c)
		}
		for p := 0; p < len(pts); p += 2 {
			if got := quadForm(b, pts[p]-cx, pts[p+1]-cy); !near(got, c.level, 1e-9*c.level) {
				t.Fatalf("%+v: point %d has ½dᵀBd = %v", c, p/2, got)
			}
		}
		for _, e := range []struct {
			l float64
			v [2]float64
		}{{cv.Lmin, cv.V1}, {cv.Lmax, cv.V2}} {
			want := math.Sqrt(2 * c.level / e.l)
			for _, sgn := range []float64{1, -1} {
				u := [2]float64{sgn * e.v[0], sgn * e.v[1]}
				if got := extent(pts, cx, cy, u); !near(got, want, 1e-9*want) {
					t.Errorf("%+v: extent along %v = %.15g want %.15g", c, u, got, want)
				}
			}
		}
	}
}

func TestEllipseClippedToRadius(t *testing.T) {
	b := rotated(1e-4, 1, 0.4) // semi-axes √200 ≈ 14 and √2 at c = 1
	cv := Eigen(b)
	pts := cv.AppendLevel(nil, 0, 0, 1, 5, 64)
	runs, inside := 0, 0
	for p := 0; p < len(pts); p += 2 {
		if pts[p] != pts[p] {
			runs++
			continue
		}
		if r := math.Hypot(pts[p], pts[p+1]); r > 5*(1+1e-9) {
			t.Fatalf("point outside the disc: r=%v", r)
		}
		if !near(quadForm(b, pts[p], pts[p+1]), 1, 1e-9) {
			t.Fatal("clipped point off the level set")
		}
		inside++
	}
	if runs != 1 || inside < 60 {
		t.Fatalf("clipped ellipse: %d breaks, %d points", runs, inside)
	}
	if got := extent(pts, 0, 0, cv.V2); !near(got, math.Sqrt(2), 1e-9) {
		t.Fatalf("minor extent %v", got)
	}
	// the disc inside the ellipse: nothing to draw
	if got := Eigen(rotated(1e-6, 1e-6, 0)).AppendLevel(nil, 0, 0, 1, 5, 64); len(got) != 0 {
		t.Fatalf("ellipse around the disc gave %d points", len(got)/2)
	}
}

func TestHyperbola(t *testing.T) {
	cx, cy := 1.0, 2.0
	b := rotated(-0.5, 2, 0.6) // indefinite
	cv := Eigen(b)
	if cv.Kind != KindIndefinite {
		t.Fatalf("kind %v", cv.Kind)
	}
	for _, level := range []float64{1, -1, 0.3} {
		pts := cv.AppendLevel(nil, cx, cy, level, 6, 64)
		breaks, n := 0, 0
		for p := 0; p < len(pts); p += 2 {
			if pts[p] != pts[p] {
				breaks++
				continue
			}
			n++
			dx, dy := pts[p]-cx, pts[p+1]-cy
			if got := quadForm(b, dx, dy); !near(got, level, 1e-9*math.Max(1, math.Abs(level))) {
				t.Fatalf("level %v: point has ½dᵀBd = %v", level, got)
			}
			if math.Hypot(dx, dy) > 6*(1+1e-9) {
				t.Fatalf("level %v: point beyond rmax", level)
			}
		}
		if breaks != 1 || n < 60 {
			t.Fatalf("level %v: %d branches, %d points", level, breaks+1, n)
		}
		// vertices: at √(2c/λ) along the eigenvector of the positive μ
		v, l := cv.V2, cv.Lmax
		if level < 0 {
			v, l = cv.V1, -cv.Lmin
		}
		want := math.Sqrt(2 * math.Abs(level) / l)
		got := math.Inf(1)
		for p := 0; p < len(pts); p += 2 {
			if pts[p] == pts[p] {
				got = math.Min(got, math.Abs(dot(v, pts[p]-cx, pts[p+1]-cy)))
			}
		}
		if !near(got, want, 1e-9) {
			t.Errorf("level %v: vertex distance %v want %v", level, got, want)
		}
		// the outermost points reach the clipping radius
		far := 0.0
		for p := 0; p < len(pts); p += 2 {
			if pts[p] == pts[p] {
				far = math.Max(far, math.Hypot(pts[p]-cx, pts[p+1]-cy))
			}
		}
		if !near(far, 6, 1e-9) {
			t.Errorf("level %v: reaches %v, want 6", level, far)
		}
	}
	// c = 0: asymptotes, on which the quadratic form vanishes
	pts := cv.AppendLevel(nil, cx, cy, 0, 3, 64)
	if len(pts) != 10 {
		t.Fatalf("asymptotes: %v", pts)
	}
	for _, p := range []int{0, 2, 6, 8} {
		if q := quadForm(b, pts[p]-cx, pts[p+1]-cy); math.Abs(q) > 1e-12 {
			t.Fatalf("asymptote point has ½dᵀBd = %v", q)
		}
	}
	// negative definite: nothing at c > 0, an ellipse at c < 0
	nd := Eigen(rotated(-1, -3, 0.2))
	if got := nd.AppendLevel(nil, 0, 0, 1, 10, 64); len(got) != 0 {
		t.Fatal("negative definite B has a positive level set")
	}
	if got := nd.AppendLevel(nil, 0, 0, -1, 10, 64); len(got) != 2*65 {
		t.Fatalf("negative definite at c<0: %d points", len(got)/2)
	}
}

func TestSingularLines(t *testing.T) {
	b := rotated(0, 2, 0.5)
	cv := Eigen(b)
	if cv.Kind != KindSingular {
		t.Fatalf("kind %v", cv.Kind)
	}
	pts := cv.AppendLevel(nil, 0, 0, 1, 4, 64)
	if len(pts) != 10 || pts[4] == pts[4] {
		t.Fatalf("singular: %v", pts)
	}
	for _, p := range []int{0, 2, 6, 8} {
		if !near(quadForm(b, pts[p], pts[p+1]), 1, 1e-9) || !near(math.Hypot(pts[p], pts[p+1]), 4, 1e-9) {
			t.Fatalf("line end %v,%v wrong", pts[p], pts[p+1])
		}
	}
	if got := cv.AppendLevel(nil, 0, 0, -1, 4, 64); len(got) != 0 {
		t.Fatal("positive semidefinite B has a negative level set")
	}
	if got := Eigen([4]float64{}).AppendLevel(nil, 0, 0, 1, 4, 64); len(got) != 0 {
		t.Fatal("zero matrix has a level set")
	}
}

func TestRotationCovariance(t *testing.T) {
	b := [4]float64{3, 1.2, 1.2, 1.5}
	cv := Eigen(b)
	base := cv.AppendLevel(nil, 0, 0, 1, 0, 64)
	for _, th := range []float64{0.4, -1.3, math.Pi / 2, 2.9} {
		s, c := math.Sincos(th)
		// R B Rᵀ
		rb := [4]float64{
			c*c*b[0] - 2*c*s*b[1] + s*s*b[3], c*s*(b[0]-b[3]) + (c*c-s*s)*b[1],
			c*s*(b[0]-b[3]) + (c*c-s*s)*b[1], s*s*b[0] + 2*c*s*b[1] + c*c*b[3],
		}
		rcv := Eigen(rb)
		if !near(rcv.Lmin, cv.Lmin, 1e-12) || !near(rcv.Lmax, cv.Lmax, 1e-12) {
			t.Fatalf("θ=%v: eigenvalues changed", th)
		}
		// eigenvectors rotate (up to sign)
		for _, pair := range [][2][2]float64{{cv.V1, rcv.V1}, {cv.V2, rcv.V2}} {
			v, w := pair[0], pair[1]
			rv := [2]float64{c*v[0] - s*v[1], s*v[0] + c*v[1]}
			if math.Abs(math.Abs(dot(rv, w[0], w[1]))-1) > 1e-12 {
				t.Fatalf("θ=%v: eigenvector %v does not rotate to %v", th, v, w)
			}
		}
		// the rotated base points lie on the rotated level set
		for p := 0; p < len(base); p += 2 {
			x, y := c*base[p]-s*base[p+1], s*base[p]+c*base[p+1]
			if !near(quadForm(rb, x, y), 1, 1e-12) {
				t.Fatalf("θ=%v: rotated point off the level set", th)
			}
		}
		// and the rotated level set has the same extents, rotated
		pts := rcv.AppendLevel(nil, 0, 0, 1, 0, 64)
		for _, v := range [][2]float64{cv.V1, cv.V2} {
			rv := [2]float64{c*v[0] - s*v[1], s*v[0] + c*v[1]}
			if !near(extent(pts, 0, 0, rv), extent(base, 0, 0, v), 1e-9) {
				t.Fatalf("θ=%v: extents differ", th)
			}
		}
	}
}

func TestInvert2(t *testing.T) {
	h := rotated(0.25, 2, 0.7)
	b, kind := Invert2(h)
	if kind != KindPosDef {
		t.Fatalf("kind %v", kind)
	}
	// H B = I
	p := [4]float64{h[0]*b[0] + h[1]*b[2], h[0]*b[1] + h[1]*b[3], h[2]*b[0] + h[3]*b[2], h[2]*b[1] + h[3]*b[3]}
	for i, want := range []float64{1, 0, 0, 1} {
		if !near(p[i], want, 1e-12) {
			t.Fatalf("H·H⁻¹ = %v", p)
		}
	}
	cb := Eigen(b)
	if !near(cb.Lmin, 0.5, 1e-12) || !near(cb.Lmax, 4, 1e-12) {
		t.Fatalf("eigenvalues of H⁻¹: %v %v", cb.Lmin, cb.Lmax)
	}
	if _, kind := Invert2(rotated(-1, 2, 0.1)); kind != KindIndefinite {
		t.Fatalf("indefinite H: %v", kind)
	}
	if b, kind := Invert2([4]float64{1, 1, 1, 1}); kind != KindSingular || b[0] == b[0] {
		t.Fatalf("singular H: %v %v", b, kind)
	}
}

func TestLevelForRadiusAndAllocs(t *testing.T) {
	cv := Eigen(rotated(0.5, 8, 0.3))
	c := cv.LevelForRadius(2)
	pts := cv.AppendLevel(nil, 0, 0, c, 0, 64)
	if got := extent(pts, 0, 0, cv.V1); !near(got, 2, 1e-9) {
		t.Fatalf("major semi-axis %v want 2", got)
	}
	hv := Eigen(rotated(-0.5, 8, 0.3))
	pts = hv.AppendLevel(pts[:0], 0, 0, hv.LevelForRadius(2), 10, 64)
	near0 := math.Inf(1)
	for p := 0; p < len(pts); p += 2 {
		if pts[p] == pts[p] {
			near0 = math.Min(near0, math.Hypot(pts[p], pts[p+1]))
		}
	}
	if !near(near0, 2, 1e-9) {
		t.Fatalf("hyperbola vertex at %v want 2", near0)
	}
	buf := make([]float64, 0, 1024)
	if a := testing.AllocsPerRun(10, func() { buf = hv.AppendLevel(buf[:0], 0, 0, 1, 5, 96) }); a != 0 {
		t.Fatalf("AppendLevel allocates %v", a)
	}
}
