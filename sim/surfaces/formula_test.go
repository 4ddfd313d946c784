package surfaces

import (
	"math"
	"strings"
	"testing"

	"curvlab/sim"
)

// typedLibrary is the library's surfaces (default parameters) as a user
// would type them, from their doc comments.
var typedLibrary = map[string]string{
	"rosenbrock":      "(1 - x)^2 + 100*(y - x^2)^2",
	"himmelblau":      "(x^2 + y - 11)^2 + (x + y^2 - 7)^2",
	"booth":           "(x + 2*y - 7)^2 + (2*x + y - 5)^2",
	"matyas":          "0.26*(x^2 + y^2) - 0.48*x*y",
	"beale":           "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2",
	"camel3":          "2*x^2 - 1.05*x^4 + x^6/6 + x*y + y^2",
	"camel6":          "(4 - 2.1*x^2 + x^4/3)*x^2 + x*y + (4*y^2 - 4)*y^2",
	"goldstein-price": "(1 + (x + y + 1)^2*(19 - 14*x + 3*x^2 - 14*y + 6*x*y + 3*y^2)) * (30 + (2*x - 3*y)^2*(18 - 32*x + 12*x^2 + 48*y - 36*x*y + 27*y^2))",
	"rastrigin":       "20 + x^2 - 10*cos(2*pi*x) + y^2 - 10*cos(2*pi*y)",
	"styblinski-tang": "(x^4 - 16*x^2 + 5*x + y^4 - 16*y^2 + 5*y)/2",
	"saddle":          "x^2 - y^2",
	"monkey-saddle":   "x^3 - 3*x*y^2",
	"linreg":          "((x + 2*y - 3)^2 + (2*x + 3*y - 5)^2 + (3*x + 4*y - 7)^2)/3",
	"linefit":         "((x + 0.5*y - 1)^2 + (x + 1.5*y - 1.5)^2 + (x + 2*y - 2.5)^2 + (x + 3*y - 2.5)^2 + (x + 3.5*y - 3.5)^2)/5",
	"quadratic":       "0.5*((cos(pi/6)*x + sin(pi/6)*y)^2 + 10*(-sin(pi/6)*x + cos(pi/6)*y)^2)",
	"valley":          "0.5*(cos(pi/6)*x + sin(pi/6)*y)^2 + 100*(cosh(-sin(pi/6)*x + cos(pi/6)*y) - 1)",
}

// TestTypedLibraryMatchesItsDerivatives: each library surface typed as a
// formula has the library's value, gradient and Hessian (written by hand
// from the closed forms) at random points of its view, to rounding. The
// network surfaces (sums over data sets) are left out.
func TestTypedLibraryMatchesItsDerivatives(t *testing.T) {
	for _, k := range Kinds() {
		src, ok := typedLibrary[k.Name]
		if !ok {
			if !strings.HasPrefix(k.Name, "net-") {
				t.Errorf("surface %s has no typed form in the test", k.Name)
			}
			continue
		}
		vals := make([]float64, len(k.Params))
		for i, p := range k.Params {
			vals[i] = p.Default
		}
		lib := k.New(vals)
		typed, err := NewFormula(src)
		if err != nil {
			t.Fatalf("%s: %v", k.Name, err)
		}
		var g1, g2 [2]float64
		var h1, h2 [4]float64
		worst := 0.0
		for _, x := range randPoints(lib.View(), 200, 11) {
			f1, f2 := lib.Func(x), typed.Func(x)
			lib.Grad(g1[:], x)
			typed.Grad(g2[:], x)
			lib.Hess(h1[:], x)
			typed.Hess(h2[:], x)
			// relative to the size of the terms: f's value, the gradient's
			// and the Hessian's largest entries (cancellation in a sum of
			// large terms leaves an absolute, not a relative, error)
			sf := math.Max(1, math.Abs(f1))
			sg := math.Max(sf, math.Max(math.Abs(g1[0]), math.Abs(g1[1])))
			sh := math.Max(sg, math.Max(math.Max(math.Abs(h1[0]), math.Abs(h1[1])), math.Abs(h1[3])))
			d := math.Max(math.Abs(f1-f2)/sf, math.Max(math.Abs(g1[0]-g2[0])/sg, math.Abs(g1[1]-g2[1])/sg))
			for i := range h1 {
				d = math.Max(d, math.Abs(h1[i]-h2[i])/sh)
			}
			worst = math.Max(worst, d)
			if !(d <= 1e-12) {
				t.Errorf("%s at %v: library f %v ∇f %v ∇²f %v; typed %v %v %v", k.Name, x, f1, g1, h1, f2, g2, h2)
				break
			}
		}
		t.Logf("%-16s worst relative difference %.1e", k.Name, worst)
	}
}

// TestTypedRosenbrockRuns: gradient descent, Newton and BFGS on the typed
// Rosenbrock follow the library's iterates from the standard start; the
// test reports how many iterates are the same bits. They need not all be:
// the library computes 100·(y − x²)² as (100·v)·v and its gradient
// −4b·x·v in its own order, the tape in the formula's, so the last bit
// of a value can differ and a long run amplifies it.
func TestTypedRosenbrockRuns(t *testing.T) {
	lib, err := New("rosenbrock", "")
	if err != nil {
		t.Fatal(err)
	}
	typed, err := NewFormula(typedLibrary["rosenbrock"])
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []string{"gd:lr=0.001", "newton", "bfgs"} {
		runs := [2]*sim.Run{}
		for i, s := range []Surface{lib, typed} {
			spec, err := sim.ParseSpec(m)
			if err != nil {
				t.Fatal(err)
			}
			runs[i] = sim.NewRun(s, spec.New(), []float64{-1.2, 1}, sim.RunOptions{})
			for j := 0; j < 200 && runs[i].Step(); j++ {
			}
		}
		if len(runs[0].Trace) != len(runs[1].Trace) {
			t.Errorf("%s: %d iterates on the library's surface, %d on the typed one", m, len(runs[0].Trace), len(runs[1].Trace))
			continue
		}
		same, worst := 0, 0.0
		for k := range runs[0].Trace {
			a, b := runs[0].Row(k).X, runs[1].Row(k).X
			if a[0] == b[0] && a[1] == b[1] {
				same++
			}
			worst = math.Max(worst, math.Hypot(a[0]-b[0], a[1]-b[1]))
		}
		if worst > 1e-9 {
			t.Errorf("%s: the typed surface's iterates leave the library's by %g", m, worst)
		}
		t.Logf("%-12s %d of %d iterates the same bits, the farthest %.1e apart", m, same, len(runs[0].Trace), worst)
	}
}
