package surfaces

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/optimize/functions"

	"curvlab/sim"
	"curvlab/sim/internal/simtest"
	"curvlab/sim/la"
)

// surfParamSets returns parameter value sets for k: the defaults, each
// parameter alone at its minimum and at its maximum, and two random mixes.
func surfParamSets(k *Kind) [][]float64 {
	sets := [][]float64{sim.Defaults(k.Params)}
	for i, p := range k.Params {
		if len(p.Choices) > 0 {
			for c := range p.Choices {
				v := sim.Defaults(k.Params)
				v[i] = float64(c)
				sets = append(sets, v)
			}
			continue
		}
		for _, x := range []float64{p.Min, p.Max} {
			v := sim.Defaults(k.Params)
			v[i] = x
			sets = append(sets, v)
		}
	}
	if len(k.Params) > 0 {
		rng := rand.New(rand.NewPCG(7, uint64(len(k.Name))))
		for r := 0; r < 2; r++ {
			v := make([]float64, len(k.Params))
			for i, p := range k.Params {
				switch {
				case len(p.Choices) > 0:
					v[i] = float64(rng.IntN(len(p.Choices)))
				default:
					v[i] = p.Min + (p.Max-p.Min)*rng.Float64()
					if p.Int {
						v[i] = math.Round(v[i])
					}
				}
			}
			sets = append(sets, v)
		}
	}
	return sets
}

// surfCase is one surface of the library built with one parameter set.
type surfCase struct {
	name string // kind and settings, for messages
	kind *Kind
	s    Surface
}

func surfCases() []surfCase {
	var cs []surfCase
	for _, k := range Kinds() {
		for _, v := range surfParamSets(k) {
			cs = append(cs, surfCase{
				name: k.Name + "[" + sim.FormatSettings(v, k.Params) + "]",
				kind: k,
				s:    k.New(v),
			})
		}
	}
	return cs
}

// surfGrow returns the window scaled by factor about its centre.
func surfGrow(w Window, factor float64) Window {
	cx, cy := (w.XMin+w.XMax)/2, (w.YMin+w.YMax)/2
	hx, hy := factor*(w.XMax-w.XMin)/2, factor*(w.YMax-w.YMin)/2
	return Window{cx - hx, cx + hx, cy - hy, cy + hy}
}

func surfInside(w Window, x, y float64) bool {
	return x >= w.XMin && x <= w.XMax && y >= w.YMin && y <= w.YMax
}

// surfEig returns the eigenvalues of the 2×2 Hessian of s at (x, y).
func surfEig(s Surface, x, y float64) (lo, hi float64) {
	h := make([]float64, 4)
	s.Hess(h, []float64{x, y})
	vals := make([]float64, 2)
	la.EigSym(vals, nil, h, make([]float64, la.EigSymWork(2)), 2)
	return vals[0], vals[1]
}

// surfNewton runs k pure Newton steps from x0 and returns the end point and
// whether every step was defined.
func surfNewton(s Surface, x0 [2]float64, k int) ([2]float64, bool) {
	x := []float64{x0[0], x0[1]}
	g, h := make([]float64, 2), make([]float64, 4)
	for i := 0; i < k; i++ {
		s.Grad(g, x)
		s.Hess(h, x)
		det := h[0]*h[3] - h[1]*h[2]
		if det == 0 || !la.IsFinite(g) || !la.IsFinite(h) {
			return [2]float64{x[0], x[1]}, false
		}
		x[0] -= (h[3]*g[0] - h[1]*g[1]) / det
		x[1] -= (h[0]*g[1] - h[2]*g[0]) / det
		if !la.IsFinite(x) || math.Abs(x[0]) > 1e6 || math.Abs(x[1]) > 1e6 {
			return [2]float64{x[0], x[1]}, false
		}
	}
	return [2]float64{x[0], x[1]}, true
}

func TestSurfaceLibraryNames(t *testing.T) {
	want := []string{"beale", "booth", "camel3", "camel6", "goldstein-price", "himmelblau", "linreg",
		"matyas", "monkey-saddle", "quadratic", "rastrigin", "rosenbrock", "saddle", "styblinski-tang", "valley",
		"net-tanh", "net-relu", "net-logistic"}
	for _, name := range want {
		if _, err := Lookup(name); err != nil {
			t.Errorf("surface %q missing: %v", name, err)
		}
	}
}

func TestSurfaceKindMetadata(t *testing.T) {
	for _, k := range Kinds() {
		if k.Name == "" || strings.ContainsAny(k.Name, " ,=\n") || strings.ToLower(k.Name) != k.Name {
			t.Errorf("bad surface name %q", k.Name)
		}
		if strings.TrimSpace(k.Desc) == "" || strings.Contains(k.Desc, "\n") {
			t.Errorf("%s: description must be one non-empty line: %q", k.Name, k.Desc)
		}
		if k.New == nil {
			t.Errorf("%s: no constructor", k.Name)
		}
		seen := map[string]bool{}
		for _, p := range k.Params {
			if p.Key == "" || seen[p.Key] {
				t.Errorf("%s: empty or repeated parameter key %q", k.Name, p.Key)
			}
			seen[p.Key] = true
			if p.Desc == "" {
				t.Errorf("%s: parameter %s has no description", k.Name, p.Key)
			}
			if len(p.Choices) == 0 && !(p.Min <= p.Default && p.Default <= p.Max) {
				t.Errorf("%s: default %s=%g outside [%g, %g]", k.Name, p.Key, p.Default, p.Min, p.Max)
			}
			if _, err := p.Parse(p.Format(p.Default)); err != nil {
				t.Errorf("%s: default of %s does not parse back: %v", k.Name, p.Key, err)
			}
		}
	}
}

func TestNewSettings(t *testing.T) {
	x := []float64{0.3, -0.7}
	for _, k := range Kinds() {
		if _, err := New(k.Name, "nosuchkey=1"); err == nil {
			t.Errorf("%s: unknown key accepted", k.Name)
		}
		if _, err := New(k.Name, "nonsense"); err == nil {
			t.Errorf("%s: setting without '=' accepted", k.Name)
		}
		s, err := New(k.Name, "")
		if err != nil {
			t.Fatalf("%s: defaults rejected: %v", k.Name, err)
		}
		if got, want := s.Func(x), k.New(sim.Defaults(k.Params)).Func(x); got != want {
			t.Errorf("%s: New with defaults gives f = %g, New(Defaults) gives %g", k.Name, got, want)
		}
		for _, p := range k.Params {
			if len(p.Choices) > 0 {
				if _, err := New(k.Name, p.Key+"=nosuchchoice"); err == nil {
					t.Errorf("%s: %s accepted an unknown choice", k.Name, p.Key)
				}
				continue
			}
			for _, bad := range []float64{p.Max + 1 + math.Abs(p.Max), p.Min - 1 - math.Abs(p.Min)} {
				set := p.Key + "=" + sim.FormatFloat(bad)
				if _, err := New(k.Name, set); err == nil {
					t.Errorf("%s: out-of-range %s accepted", k.Name, set)
				}
			}
			for _, ok := range []float64{p.Min, p.Max} {
				set := p.Key + "=" + sim.FormatFloat(ok)
				if _, err := New(k.Name, set); err != nil {
					t.Errorf("%s: in-range %s rejected: %v", k.Name, set, err)
				}
			}
		}
	}
}

func TestSurfaceWindows(t *testing.T) {
	for _, c := range surfCases() {
		w := c.s.View()
		if !la.IsFinite([]float64{w.XMin, w.XMax, w.YMin, w.YMax}) || !(w.XMin < w.XMax) || !(w.YMin < w.YMax) {
			t.Errorf("%s: degenerate view %+v", c.name, w)
			continue
		}
		st := c.s.Start()
		if !surfInside(w, st[0], st[1]) {
			t.Errorf("%s: start %v outside view %+v", c.name, st, w)
		}
		for _, m := range c.s.Minima() {
			if !surfInside(w, m.X, m.Y) {
				t.Errorf("%s: minimum (%g, %g) outside view %+v", c.name, m.X, m.Y, w)
			}
		}
		if c.s.Dim() != 2 {
			t.Errorf("%s: Dim = %d", c.name, c.s.Dim())
		}
	}
}

// TestSurfaceDerivatives checks ∇f and ∇²f against central finite
// differences at 50 random points of 1.5× the view, for every kind and
// parameter set. Finite differences of f lose about ε·|f|/h to rounding
// (h = 6e-6), which matters where f is large and ∇f small, so the
// tolerance grows with |f|/‖∇f‖ there.
func TestSurfaceDerivatives(t *testing.T) {
	for ci, c := range surfCases() {
		g := make([]float64, 2)
		for _, x := range randPoints(surfGrow(c.s.View(), 1.5), 50, uint64(100+ci)) {
			c.s.Grad(g, x)
			f := math.Abs(c.s.Func(x))
			tol := 1e-6 + 1e-9*f/math.Max(1, la.Norm(g))
			simtest.CheckDerivatives(t, c.name, c.s, x, tol)
		}
	}
}

func TestSurfaceZeroAllocs(t *testing.T) {
	for _, k := range Kinds() {
		s := k.New(sim.Defaults(k.Params))
		x, g, h := []float64{0.3, -0.2}, make([]float64, 2), make([]float64, 4)
		n := testing.AllocsPerRun(10, func() {
			s.Func(x)
			s.Grad(g, x)
			s.Hess(h, x)
		})
		if n != 0 {
			t.Errorf("%s: %v allocations per Func+Grad+Hess", k.Name, n)
		}
	}
}

// surfMinimaPartial names the kinds whose Minima lists only some minima in
// the view (Rastrigin has one near every lattice point).
var surfMinimaPartial = map[string]bool{"rastrigin": true}

func TestSurfaceMinima(t *testing.T) {
	for ci, c := range surfCases() {
		s, w := c.s, c.s.View()
		diam := math.Hypot(w.XMax-w.XMin, w.YMax-w.YMin)
		ms := s.Minima()
		g := make([]float64, 2)
		globalF, nGlobal := math.Inf(1), 0
		for _, m := range ms {
			x := []float64{m.X, m.Y}
			f := s.Func(x)
			lo, hi := surfEig(s, m.X, m.Y)
			scale := math.Max(1, math.Max(math.Abs(f), math.Abs(hi)))
			if math.Abs(f-m.F) > 1e-10*math.Max(1, math.Abs(f)) {
				t.Errorf("%s: minimum (%g, %g) lists F = %.17g, f = %.17g", c.name, m.X, m.Y, m.F, f)
			}
			s.Grad(g, x)
			if la.Norm(g) > 1e-8*scale {
				t.Errorf("%s: ‖∇f‖ = %g at minimum (%g, %g)", c.name, la.Norm(g), m.X, m.Y)
			}
			if lo < -1e-9*scale {
				t.Errorf("%s: Hessian eigenvalues %g, %g at minimum (%g, %g)", c.name, lo, hi, m.X, m.Y)
			}
			// Newton's method from the listed point must stay on it: the
			// coordinates are accurate to near machine precision.
			if lo > 0 {
				xn, ok := surfNewton(s, [2]float64{m.X, m.Y}, 8)
				if d := math.Hypot(xn[0]-m.X, xn[1]-m.Y); !ok || d > 1e-12*math.Max(1, math.Hypot(m.X, m.Y)) {
					t.Errorf("%s: Newton from minimum (%.17g, %.17g) moves to (%.17g, %.17g)", c.name, m.X, m.Y, xn[0], xn[1])
				}
			}
			// A local minimum: f does not decrease in any direction nearby.
			r := 1e-3 * diam
			for j := 0; j < 16; j++ {
				sn, cs := math.Sincos(float64(j) * math.Pi / 8)
				if fj := s.Func([]float64{m.X + r*cs, m.Y + r*sn}); fj < m.F {
					t.Errorf("%s: f = %g < F = %g next to minimum (%g, %g)", c.name, fj, m.F, m.X, m.Y)
					break
				}
			}
			if m.Global {
				nGlobal++
				globalF = math.Min(globalF, m.F)
			}
		}
		if len(ms) == 0 {
			continue
		}
		if nGlobal == 0 {
			t.Errorf("%s: minima listed but none global", c.name)
			continue
		}
		tol := 1e-9 * math.Max(1, math.Abs(globalF))
		for _, m := range ms {
			if m.Global && m.F > globalF+tol {
				t.Errorf("%s: global minima have different values %g, %g", c.name, m.F, globalF)
			}
			if !m.Global && m.F <= globalF+tol {
				t.Errorf("%s: local minimum (%g, %g) has F = %g, not above global %g", c.name, m.X, m.Y, m.F, globalF)
			}
		}
		for _, x := range randPoints(w, 2000, uint64(900+ci)) {
			if f := s.Func(x); f < globalF-tol {
				t.Errorf("%s: f(%v) = %g below the global minimum %g", c.name, x, f, globalF)
				break
			}
		}
		for i := range ms {
			for j := 0; j < i; j++ {
				if math.Hypot(ms[i].X-ms[j].X, ms[i].Y-ms[j].Y) < 1e-6*diam {
					t.Errorf("%s: minimum (%g, %g) listed twice", c.name, ms[i].X, ms[i].Y)
				}
			}
		}
	}
}

// TestSurfaceMinimaComplete runs Newton's method from a grid of starts over
// the view; every strict local minimum it converges to inside the view must
// be listed.
func TestSurfaceMinimaComplete(t *testing.T) {
	for _, c := range surfCases() {
		if surfMinimaPartial[c.kind.Name] {
			continue
		}
		s, w := c.s, c.s.View()
		diam := math.Hypot(w.XMax-w.XMin, w.YMax-w.YMin)
		ms := s.Minima()
		g := make([]float64, 2)
		const k = 16
		missing := map[string]bool{}
		for i := 0; i <= k; i++ {
			for j := 0; j <= k; j++ {
				x0 := [2]float64{w.XMin + (w.XMax-w.XMin)*float64(i)/k, w.YMin + (w.YMax-w.YMin)*float64(j)/k}
				x, ok := surfNewton(s, x0, 60)
				if !ok || !surfInside(w, x[0], x[1]) {
					continue
				}
				s.Grad(g, x[:])
				lo, hi := surfEig(s, x[0], x[1])
				scale := math.Max(1, math.Max(math.Abs(s.Func(x[:])), math.Abs(hi)))
				if la.Norm(g) > 1e-8*scale || lo <= 1e-6*math.Max(1, math.Abs(hi)) {
					continue // not converged, or not a strict minimum
				}
				listed := false
				for _, m := range ms {
					if math.Hypot(m.X-x[0], m.Y-x[1]) < 1e-6*diam {
						listed = true
					}
				}
				if !listed {
					missing[fmt.Sprintf("(%.10g, %.10g) f = %.10g", x[0], x[1], s.Func(x[:]))] = true
				}
			}
		}
		for m := range missing {
			t.Errorf("%s: Newton finds the unlisted minimum %s", c.name, m)
		}
	}
}

// TestSurfaceMinimaLiterature compares the listed minima with published
// values (to the digits published): Wikipedia "Test functions for
// optimization" and the papers cited in each file.
func TestSurfaceMinimaLiterature(t *testing.T) {
	lit := map[string][][3]float64{
		"rosenbrock":      {{1, 1, 0}},
		"beale":           {{3, 0.5, 0}},
		"booth":           {{1, 3, 0}},
		"matyas":          {{0, 0, 0}},
		"himmelblau":      {{3, 2, 0}, {-2.805118, 3.131312, 0}, {-3.779310, -3.283186, 0}, {3.584428, -1.848126, 0}},
		"camel3":          {{0, 0, 0}},
		"camel6":          {{0.0898, -0.7126, -1.0316}, {-0.0898, 0.7126, -1.0316}},
		"goldstein-price": {{0, -1, 3}},
		"rastrigin":       {{0, 0, 0}},
		"styblinski-tang": {{-2.903534, -2.903534, -78.33234}},
		"linreg":          {{1, 1, 0}},
		"valley":          {{0, 0, 0}},
	}
	for name, want := range lit {
		s, err := New(name, "")
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range want {
			found := false
			for _, m := range s.Minima() {
				// Published to 4–7 significant digits.
				if m.Global && math.Abs(m.X-p[0]) < 1e-4 && math.Abs(m.Y-p[1]) < 1e-4 &&
					math.Abs(m.F-p[2]) < 1e-4*math.Max(1, math.Abs(p[2])) {
					found = true
				}
			}
			if !found {
				t.Errorf("%s: published global minimum %v not listed: %+v", name, p, s.Minima())
			}
		}
	}
}

// TestCamel6LocalMinima finds the six minima of the six-hump camel by
// Newton's method from rough published positions and checks the listing.
func TestSurfaceCamel6LocalMinima(t *testing.T) {
	s, _ := New("camel6", "")
	rough := [][2]float64{{0.09, -0.71}, {-0.09, 0.71}, {1.70, -0.80}, {-1.70, 0.80}, {1.61, 0.57}, {-1.61, -0.57}}
	ms := s.Minima()
	if len(ms) != 6 {
		t.Fatalf("camel6 lists %d minima, want 6", len(ms))
	}
	for _, r := range rough {
		x, ok := surfNewton(s, r, 30)
		if !ok {
			t.Fatalf("Newton from %v failed", r)
		}
		lo, _ := surfEig(s, x[0], x[1])
		if lo <= 0 {
			t.Errorf("Newton from %v reached (%g, %g), not a minimum", r, x[0], x[1])
		}
		found := false
		for _, m := range ms {
			if math.Abs(m.X-x[0]) < 1e-13 && math.Abs(m.Y-x[1]) < 1e-13 && math.Abs(m.F-s.Func(x[:])) < 1e-13 {
				found = true
				if m.Global != (m.F < -1) {
					t.Errorf("minimum %+v has the wrong Global flag", m)
				}
			}
		}
		if !found {
			t.Errorf("Newton from %v reaches (%.17g, %.17g), f = %.17g: not listed to 1e-13", r, x[0], x[1], s.Func(x[:]))
		}
	}
}

func TestSurfaceBealeGonum(t *testing.T) {
	s, _ := New("beale", "")
	var ref functions.Beale
	g, gr := make([]float64, 2), make([]float64, 2)
	n := 0
	for _, x := range randPoints(surfGrow(s.View(), 1.5), 200, 11) {
		if math.Abs(x[0]-x[1]) < 0.1 {
			continue
		}
		n++
		if f, fr := s.Func(x), ref.Func(x); math.Abs(f-fr) > 1e-12*math.Max(1, math.Abs(fr)) {
			t.Errorf("beale f(%v) = %g, gonum %g", x, f, fr)
		}
		s.Grad(g, x)
		ref.Grad(gr, x)
		if !simtest.CloseVec(g, gr, 1e-12) {
			t.Errorf("beale ∇f(%v) = %v, gonum %v", x, g, gr)
		}
		// The Hessian has no trustworthy oracle in gonum: finite differences.
		simtest.CheckDerivatives(t, "beale", s, x, 1e-6+1e-9*math.Abs(s.Func(x))/math.Max(1, la.Norm(g)))
	}
	if n < 150 {
		t.Fatalf("only %d points with x ≠ y", n)
	}
}

func TestSurfaceRosenbrockGonum(t *testing.T) {
	s, _ := New("rosenbrock", "")
	var ref functions.ExtendedRosenbrock
	g, gr := make([]float64, 2), make([]float64, 2)
	for _, x := range randPoints(surfGrow(s.View(), 1.5), 200, 12) {
		if f, fr := s.Func(x), ref.Func(x); math.Abs(f-fr) > 1e-12*math.Max(1, math.Abs(fr)) {
			t.Errorf("rosenbrock f(%v) = %g, gonum %g", x, f, fr)
		}
		s.Grad(g, x)
		ref.Grad(gr, x)
		if !simtest.CloseVec(g, gr, 1e-12) {
			t.Errorf("rosenbrock ∇f(%v) = %v, gonum %v", x, g, gr)
		}
	}
	// Other a, b: f is the textbook formula.
	s, _ = New("rosenbrock", "a=-2,b=3")
	x := []float64{0.7, -1.3}
	if f, want := s.Func(x), (-2-0.7)*(-2-0.7)+3*(-1.3-0.49)*(-1.3-0.49); math.Abs(f-want) > 1e-12*want {
		t.Errorf("rosenbrock a=-2,b=3: f = %g, want %g", f, want)
	}
}

func TestSurfaceLinRegCurvature(t *testing.T) {
	s, _ := New("linreg", "")
	X, y := LinRegMatrix()
	m := len(X)
	xm := mat.NewDense(m, 2, nil)
	for i, r := range X {
		xm.SetRow(i, r)
	}
	ym := mat.NewVecDense(m, y)

	// ∇²L = (2/m)XᵀX.
	var xtx mat.Dense
	xtx.Mul(xm.T(), xm)
	h := make([]float64, 4)
	s.Hess(h, []float64{0.4, -2})
	for i := 0; i < 2; i++ {
		for j := 0; j < 2; j++ {
			if want := 2 / float64(m) * xtx.At(i, j); math.Abs(h[i*2+j]-want) > 1e-14*want {
				t.Errorf("Hessian[%d,%d] = %g, (2/m)XᵀX = %g", i, j, h[i*2+j], want)
			}
		}
	}

	// L(θ) = (1/m)‖Xθ − y‖² at random points.
	for _, th := range randPoints(s.View(), 20, 13) {
		var r mat.VecDense
		r.MulVec(xm, mat.NewVecDense(2, th))
		r.SubVec(&r, ym)
		if want, f := mat.Dot(&r, &r)/float64(m), s.Func(th); math.Abs(f-want) > 1e-12*math.Max(1, want) {
			t.Errorf("L(%v) = %g, want %g", th, f, want)
		}
	}

	// θ* by gonum's least squares.
	var th mat.Dense
	if err := th.Solve(xm, mat.NewDense(m, 1, y)); err != nil {
		t.Fatal(err)
	}
	ms := s.Minima()
	if len(ms) != 1 || math.Abs(ms[0].X-th.At(0, 0)) > 1e-12 || math.Abs(ms[0].Y-th.At(1, 0)) > 1e-12 {
		t.Errorf("minima %+v, least squares θ* = (%g, %g)", ms, th.At(0, 0), th.At(1, 0))
	}

	// κ = λ_max/λ_min from gonum's eigensolver vs the closed form
	// (43 + √1825)/(43 − √1825) ≈ 306 of REFERENCE.md.
	var eig mat.EigenSym
	if !eig.Factorize(mat.NewSymDense(2, h), false) {
		t.Fatal("eigendecomposition failed")
	}
	vals := eig.Values(nil)
	kappa := vals[1] / vals[0]
	want := (43 + math.Sqrt(1825)) / (43 - math.Sqrt(1825))
	if math.Abs(kappa-want) > 1e-9*want || math.Abs(kappa-306) > 1 {
		t.Errorf("κ = %.10g, closed form %.10g, REFERENCE.md ≈ 306", kappa, want)
	}
	if lmin := 2.0 / 3 * (43 - math.Sqrt(1825)) / 2; math.Abs(vals[0]-lmin) > 1e-9*lmin {
		t.Errorf("λ_min = %g, want %g", vals[0], lmin)
	}

	// The view shows the valley: the level set through the start reaches
	// the view's edge along the eigenvector of λ_min.
	st := s.Start()
	fs := s.Func(st[:])
	var vec mat.Dense
	eig.Factorize(mat.NewSymDense(2, h), true)
	eig.VectorsTo(&vec)
	v := []float64{vec.At(0, 0), vec.At(1, 0)}
	reach := math.Sqrt(2 * fs / vals[0]) // distance along v where f = f(start)
	w := s.View()
	for _, sgn := range []float64{-1, 1} {
		// Half the valley's length at the start's level must fit partly in view:
		// the point at 40% of the reach lies inside.
		px, py := 1+sgn*0.4*reach*v[0], 1+sgn*0.4*reach*v[1]
		if !surfInside(w, px, py) {
			t.Errorf("valley point (%g, %g) outside view %+v", px, py, w)
		}
	}
}

func TestSurfaceValleyConditionNumber(t *testing.T) {
	for _, set := range []string{"", "kappa=1", "kappa=4000,angle=-70", "kappa=25,angle=200"} {
		s, err := New("valley", set)
		if err != nil {
			t.Fatal(err)
		}
		kappa := s.(*Valley).Kappa
		lo, hi := surfEig(s, 0, 0)
		if math.Abs(hi/lo-kappa) > 1e-12*kappa {
			t.Errorf("valley[%s]: Hessian at the minimum has κ = %g, want %g", set, hi/lo, kappa)
		}
		// The floor points at angle: f grows along it with curvature 1.
		a := s.(*Valley).Angle * math.Pi / 180
		x := []float64{2 * math.Cos(a), 2 * math.Sin(a)}
		if f := s.Func(x); math.Abs(f-2) > 1e-12 {
			t.Errorf("valley[%s]: f = %g on the floor at distance 2, want 2", set, f)
		}
	}
}

func TestSurfaceCamel3ClosedForm(t *testing.T) {
	s, _ := New("camel3", "")
	// Stationary points: y = −x/2, x(x⁴ − 4.2x² + 3.5) = 0; the outer roots
	// are minima.
	for _, m := range s.Minima() {
		if m.Global {
			continue
		}
		x2 := m.X * m.X
		if r := x2*x2 - 4.2*x2 + 3.5; math.Abs(r) > 1e-13 || m.Y != -m.X/2 {
			t.Errorf("camel3 local minimum (%g, %g) off the closed form (residual %g)", m.X, m.Y, r)
		}
	}
}
