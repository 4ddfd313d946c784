package geom

import "math"

// Kind classifies a symmetric 2×2 matrix by the signs of its eigenvalues.
type Kind uint8

const (
	KindInvalid    Kind = iota // an entry is NaN or ±Inf
	KindPosDef                 // both eigenvalues > 0: level sets are ellipses
	KindIndefinite             // one > 0, one < 0: hyperbolas
	KindSingular               // one eigenvalue ≈ 0 (see SingularTol): open, parallel lines
	KindNegDef                 // both < 0: ellipses at negative levels, none at positive ones
	KindZero                   // the zero matrix: no curvature
)

var kindNames = [...]string{"invalid", "positive definite", "indefinite", "singular", "negative definite", "zero"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(?)"
}

// SingularTol is the relative size below which an eigenvalue counts as
// zero: |λ| <= SingularTol·max(|λmin|, |λmax|). At that ratio an ellipse's
// axes differ by a factor of 10⁵, beyond what a plot can show.
const SingularTol = 1e-10

// Curvature is the eigen-decomposition of a symmetric 2×2 matrix B:
// B = Lmin·V1V1ᵀ + Lmax·V2V2ᵀ with Lmin <= Lmax and V1, V2 orthonormal
// (V1 = V2 rotated by +90°).
type Curvature struct {
	Lmin, Lmax float64
	V1, V2     [2]float64 // unit eigenvectors of Lmin and Lmax
	Kind       Kind
}

// Eigen decomposes the symmetric part of the row-major 2×2 matrix b in
// closed form. With b = [[a, β], [β, d]], m = (a+d)/2 and r = hypot((a−d)/2, β)
// the eigenvalues are m ± r, and the eigenvector of m + r makes the angle
// θ = ½·atan2(β, (a−d)/2) with the x axis. The formula has no division, so it
// is stable when λ1 ≈ λ2 (any direction is then an eigenvector and θ → 0 when
// b is a multiple of the identity) and when β ≈ 0.
func Eigen(b [4]float64) Curvature {
	a, off, d := b[0], (b[1]+b[2])/2, b[3]
	if !finite4(a, off, d, 0) {
		nan := math.NaN()
		return Curvature{Lmin: nan, Lmax: nan, V1: [2]float64{0, 1}, V2: [2]float64{1, 0}, Kind: KindInvalid}
	}
	h := (a - d) / 2
	m := a/2 + d/2
	r := math.Hypot(h, off)
	th := math.Atan2(off, h) / 2
	s, c := math.Sincos(th)
	cv := Curvature{Lmin: m - r, Lmax: m + r, V1: [2]float64{-s, c}, V2: [2]float64{c, s}}
	// m ± r cancels for the eigenvalue of smaller magnitude; λ1λ2 = det
	// recovers it to the accuracy of det.
	if det := a*d - off*off; !math.IsInf(det, 0) {
		if m >= 0 && cv.Lmax != 0 {
			cv.Lmin = det / cv.Lmax
		} else if m < 0 {
			cv.Lmax = det / cv.Lmin
		}
	}
	cv.Kind = classify(cv.Lmin, cv.Lmax)
	return cv
}

func classify(lmin, lmax float64) Kind {
	scale := math.Max(math.Abs(lmin), math.Abs(lmax))
	tol := SingularTol * scale
	switch {
	case scale == 0:
		return KindZero
	case math.Abs(lmin) <= tol || math.Abs(lmax) <= tol:
		return KindSingular
	case lmin > 0:
		return KindPosDef
	case lmax < 0:
		return KindNegDef
	}
	return KindIndefinite
}

// Invert2 returns B = H⁻¹ for a symmetric 2×2 H (its symmetric part) and the
// Kind of H, which is also that of H⁻¹ (the eigenvalues invert, keeping their
// signs). A quasi-Newton method that estimates the inverse Hessian H draws
// the same curvature picture as one estimating B = H⁻¹. When H is singular
// (KindSingular, KindZero) or invalid, the inverse does not exist and b is
// all NaN.
func Invert2(h [4]float64) (b [4]float64, kind Kind) {
	kind = Eigen(h).Kind
	a, off, d := h[0], (h[1]+h[2])/2, h[3]
	det := a*d - off*off
	if kind == KindSingular || kind == KindZero || kind == KindInvalid || det == 0 {
		nan := math.NaN()
		return [4]float64{nan, nan, nan, nan}, kind
	}
	o := -off / det
	if o == 0 {
		o = 0 // not −0
	}
	return [4]float64{d / det, o, o, a / det}, kind
}

// LevelForRadius returns the level c at which the level set of ½dᵀBd
// reaches out to distance r along its widest direction: for B ≻ 0 the major
// semi-axis √(2c/Lmin) equals r; for indefinite or positive singular B the
// hyperbola's (or the lines') vertex lies at r along V2; for B ≺ 0 the
// ellipse at the negative level c has major semi-axis r. Zero and invalid
// matrices give 0.
func (cv Curvature) LevelForRadius(r float64) float64 {
	switch cv.Kind {
	case KindPosDef:
		return 0.5 * cv.Lmin * r * r
	case KindIndefinite, KindNegDef:
		return 0.5 * cv.Lmax * r * r
	case KindSingular:
		if cv.Lmax > 0 {
			return 0.5 * cv.Lmax * r * r
		}
		return 0.5 * cv.Lmin * r * r
	}
	return 0
}

// AppendLevel appends to dst the level set {centre + d : ½dᵀBd = c} of the
// matrix decomposed in cv, clipped to the disc |d| <= rmax, as a polyline in
// world coordinates whose runs are separated by a NaN pair. n is the number
// of samples of a whole ellipse (rounded up to a multiple of 4, at least
// 16); every sample lies exactly on the level set up to rounding.
//
// With μ = λ·sign(c) for each eigenpair (λ, v) and C = |c|:
//   - both μ > 0: the ellipse d = A1 cos t·v1 + A2 sin t·v2, Aᵢ = √(2C/μᵢ),
//     closed (last point = first) when it fits in the disc, otherwise the two
//     arcs inside it; samples at t = 0, π/2, … give the exact extents Aᵢ;
//   - μ_p > 0 > μ_n: the hyperbola's two branches d = ±A cosh s·v_p + B sinh s·v_n,
//     A = √(2C/μ_p), B = √(2C/|μ_n|), for the s that keep |d| <= rmax; the
//     conjugate pair is the level −c;
//   - μ_p > 0, μ_z ≈ 0 (KindSingular): the two lines d = ±A·v_p + s·v_z;
//   - c = 0: for indefinite B the two asymptotes through the centre, for
//     singular B the null line;
//   - otherwise (no μ > 0, zero or invalid B) nothing.
//
// A non-positive or non-finite rmax means no clipping for ellipses and
// 4 times the vertex distance for open curves.
func (cv Curvature) AppendLevel(dst []float64, cx, cy, c, rmax float64, n int) []float64 {
	if cv.Kind == KindInvalid || cv.Kind == KindZero || c != c || math.IsInf(c, 0) ||
		cx != cx || cy != cy || math.IsInf(cx, 0) || math.IsInf(cy, 0) {
		return dst
	}
	if n < 16 {
		n = 16
	}
	n = (n + 3) &^ 3
	clip := rmax > 0 && !math.IsInf(rmax, 0)
	l1, l2 := cv.Lmin, cv.Lmax
	v1, v2 := cv.V1, cv.V2
	tol := SingularTol * math.Max(math.Abs(l1), math.Abs(l2))
	pt := func(dst []float64, a float64, va [2]float64, b float64, vb [2]float64) []float64 {
		return append(dst, cx+a*va[0]+b*vb[0], cy+a*va[1]+b*vb[1])
	}
	brk := func(dst []float64) []float64 {
		nan := math.NaN()
		return append(dst, nan, nan)
	}

	if c == 0 {
		if !clip {
			return dst
		}
		switch cv.Kind {
		case KindIndefinite:
			// λ1 cos²φ + λ2 sin²φ = 0 along u ∝ √|λ2|·v1 ± √|λ1|·v2
			p, q := math.Sqrt(math.Abs(l2)), math.Sqrt(math.Abs(l1))
			nrm := math.Hypot(p, q)
			p, q = p/nrm*rmax, q/nrm*rmax
			dst = pt(dst, -p, v1, -q, v2)
			dst = pt(dst, p, v1, q, v2)
			dst = brk(dst)
			dst = pt(dst, -p, v1, q, v2)
			dst = pt(dst, p, v1, -q, v2)
		case KindSingular:
			vz := v1
			if math.Abs(l2) <= tol {
				vz = v2
			}
			dst = pt(dst, -rmax, vz, 0, vz)
			dst = pt(dst, rmax, vz, 0, vz)
		}
		return dst
	}

	C := math.Abs(c)
	if c < 0 {
		// −B has eigenpairs (−λ2, v2), (−λ1, v1): keep μ1 <= μ2
		l1, l2 = -l2, -l1
		v1, v2 = v2, v1
	}
	pos1, pos2 := l1 > tol, l2 > tol
	switch {
	case pos1 && pos2: // ellipse
		a1, a2 := math.Sqrt(2*C/l1), math.Sqrt(2*C/l2) // a1 >= a2
		if !clip || a1 <= rmax {
			start := len(dst)
			for k := range n {
				s, co := sincosExact(k, n)
				dst = pt(dst, a1*co, v1, a2*s, v2)
			}
			return append(dst, dst[start], dst[start+1])
		}
		if a2 >= rmax {
			return dst // the ellipse surrounds the disc
		}
		// d = a2 cos u·v2 + a1 sin u·v1, |d| <= rmax  ⇔  sin²u <= (rmax²−a2²)/(a1²−a2²)
		u0 := math.Asin(math.Sqrt((rmax*rmax - a2*a2) / (a1*a1 - a2*a2)))
		m := n / 2
		for arc := range 2 {
			if arc == 1 {
				dst = brk(dst)
			}
			sign := 1.0 - 2*float64(arc)
			for k := 0; k <= m; k++ {
				u := -u0 + 2*u0*float64(k)/float64(m)
				s, co := math.Sincos(u)
				dst = pt(dst, sign*a2*co, v2, a1*s, v1)
			}
		}
		return dst
	case pos2 && l1 < -tol: // hyperbola crossing the v2 axis
		a, b := math.Sqrt(2*C/l2), math.Sqrt(2*C/-l1)
		r := rmax
		if !clip {
			r = 4 * a
		}
		if a > r {
			return dst
		}
		smax := math.Asinh(math.Sqrt((r*r - a*a) / (a*a + b*b)))
		m := n / 2
		for br := range 2 {
			if br == 1 {
				dst = brk(dst)
			}
			sign := 1.0 - 2*float64(br)
			for k := 0; k <= m; k++ {
				s := -smax + 2*smax*float64(k)/float64(m)
				dst = pt(dst, sign*a*math.Cosh(s), v2, b*math.Sinh(s), v1)
			}
		}
		return dst
	case pos2: // l1 ≈ 0: two parallel lines
		a := math.Sqrt(2 * C / l2)
		r := rmax
		if !clip {
			r = 4 * a
		}
		if a > r {
			return dst
		}
		h := math.Sqrt(r*r - a*a)
		dst = pt(dst, a, v2, -h, v1)
		dst = pt(dst, a, v2, h, v1)
		dst = brk(dst)
		dst = pt(dst, -a, v2, -h, v1)
		dst = pt(dst, -a, v2, h, v1)
		return dst
	}
	return dst
}

// sincosExact returns sin and cos of 2πk/n, exact (0, ±1) at the quarter
// turns when 4 divides n.
func sincosExact(k, n int) (s, c float64) {
	if 4*k%n == 0 {
		switch 4 * k / n {
		case 0:
			return 0, 1
		case 1:
			return 1, 0
		case 2:
			return 0, -1
		case 3:
			return -1, 0
		}
	}
	return math.Sincos(2 * math.Pi * float64(k) / float64(n))
}
