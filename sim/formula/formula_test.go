package formula

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// cases are formulas with their values written out in Go (math's own
// functions, an implementation apart from the tape's) and, for some,
// their derivatives in closed form; at and over say where to test them
// (a box where the formula is smooth).
var cases = []struct {
	src  string
	f    func(x, y float64) float64
	grad func(x, y float64) [2]float64
	hess func(x, y float64) [3]float64 // fxx, fxy, fyy
	lo   float64                       // the box [lo, hi]²
	hi   float64
}{
	{"x", func(x, y float64) float64 { return x }, nil, nil, -3, 3},
	{"y", func(x, y float64) float64 { return y }, nil, nil, -3, 3},
	{"3", func(x, y float64) float64 { return 3 }, nil, nil, -3, 3},
	{"x + y", func(x, y float64) float64 { return x + y }, nil, nil, -3, 3},
	{"x - 2*y", func(x, y float64) float64 { return x - 2*y }, nil, nil, -3, 3},
	{"x*y", func(x, y float64) float64 { return x * y },
		func(x, y float64) [2]float64 { return [2]float64{y, x} },
		func(x, y float64) [3]float64 { return [3]float64{0, 1, 0} }, -3, 3},
	{"x/y", func(x, y float64) float64 { return x / y },
		func(x, y float64) [2]float64 { return [2]float64{1 / y, -x / (y * y)} },
		func(x, y float64) [3]float64 { return [3]float64{0, -1 / (y * y), 2 * x / (y * y * y)} }, 0.5, 3},
	{"(1 - x)^2 + 100*(y - x^2)^2", func(x, y float64) float64 { return (1-x)*(1-x) + 100*(y-x*x)*(y-x*x) },
		func(x, y float64) [2]float64 { return [2]float64{-2*(1-x) - 400*x*(y-x*x), 200 * (y - x*x)} },
		func(x, y float64) [3]float64 { return [3]float64{2 - 400*y + 1200*x*x, -400 * x, 200} }, -2, 2},
	{"(x^2 + y - 11)^2 + (x + y^2 - 7)^2", func(x, y float64) float64 {
		a, b := x*x+y-11, x+y*y-7
		return a*a + b*b
	}, func(x, y float64) [2]float64 {
		a, b := x*x+y-11, x+y*y-7
		return [2]float64{4*x*a + 2*b, 2*a + 4*y*b}
	}, func(x, y float64) [3]float64 {
		return [3]float64{12*x*x + 4*y - 42, 4*x + 4*y, 4*x + 12*y*y - 26}
	}, -4, 4},
	{"sin(x)*cos(y)", func(x, y float64) float64 { return math.Sin(x) * math.Cos(y) },
		func(x, y float64) [2]float64 {
			return [2]float64{math.Cos(x) * math.Cos(y), -math.Sin(x) * math.Sin(y)}
		},
		func(x, y float64) [3]float64 {
			return [3]float64{-math.Sin(x) * math.Cos(y), -math.Cos(x) * math.Sin(y), -math.Sin(x) * math.Cos(y)}
		}, -3, 3},
	{"exp(-(x^2 + y^2))", func(x, y float64) float64 { return math.Exp(-(x*x + y*y)) },
		func(x, y float64) [2]float64 { e := math.Exp(-(x*x + y*y)); return [2]float64{-2 * x * e, -2 * y * e} },
		func(x, y float64) [3]float64 {
			e := math.Exp(-(x*x + y*y))
			return [3]float64{(4*x*x - 2) * e, 4 * x * y * e, (4*y*y - 2) * e}
		}, -2, 2},
	{"log(1 + x^2 + y^2)", func(x, y float64) float64 { return math.Log(1 + x*x + y*y) },
		func(x, y float64) [2]float64 { d := 1 + x*x + y*y; return [2]float64{2 * x / d, 2 * y / d} },
		func(x, y float64) [3]float64 {
			d := 1 + x*x + y*y
			return [3]float64{2/d - 4*x*x/(d*d), -4 * x * y / (d * d), 2/d - 4*y*y/(d*d)}
		}, -3, 3},
	{"sqrt(1 + x^2 + y^2)", func(x, y float64) float64 { return math.Sqrt(1 + x*x + y*y) },
		func(x, y float64) [2]float64 { s := math.Sqrt(1 + x*x + y*y); return [2]float64{x / s, y / s} },
		func(x, y float64) [3]float64 {
			s := math.Sqrt(1 + x*x + y*y)
			return [3]float64{(1 + y*y) / (s * s * s), -x * y / (s * s * s), (1 + x*x) / (s * s * s)}
		}, -3, 3},
	{"tan(x/3) + y", func(x, y float64) float64 { return math.Tan(x/3) + y }, nil, nil, -3, 3},
	{"asin(x/4)*y", func(x, y float64) float64 { return math.Asin(x/4) * y }, nil, nil, -3, 3},
	{"acos(y/4) - x", func(x, y float64) float64 { return math.Acos(y/4) - x }, nil, nil, -3, 3},
	{"atan(x*y)", func(x, y float64) float64 { return math.Atan(x * y) },
		func(x, y float64) [2]float64 { d := 1 + x*x*y*y; return [2]float64{y / d, x / d} }, nil, -3, 3},
	{"sinh(x) - cosh(y)", func(x, y float64) float64 { return math.Sinh(x) - math.Cosh(y) }, nil, nil, -3, 3},
	{"tanh(x + 2*y)", func(x, y float64) float64 { return math.Tanh(x + 2*y) }, nil, nil, -2, 2},
	{"abs(x) + abs(y - 10)", func(x, y float64) float64 { return math.Abs(x) + math.Abs(y-10) }, nil, nil, 0.5, 3},
	{"min(x^2, y) + max(x, y^2)", func(x, y float64) float64 { return math.Min(x*x, y) + math.Max(x, y*y) }, nil, nil, 1.1, 3},
	{"x^3 - 3*x*y^2", func(x, y float64) float64 { return x*x*x - 3*x*y*y },
		func(x, y float64) [2]float64 { return [2]float64{3*x*x - 3*y*y, -6 * x * y} },
		func(x, y float64) [3]float64 { return [3]float64{6 * x, -6 * y, -6 * x} }, -3, 3},
	{"x^-2 + y^0.5", func(x, y float64) float64 { return 1/(x*x) + math.Sqrt(y) }, nil, nil, 0.5, 3},
	{"x^1.5*y^3", func(x, y float64) float64 { return math.Pow(x, 1.5) * y * y * y }, nil, nil, 0.5, 3},
	{"x^y", func(x, y float64) float64 { return math.Pow(x, y) }, nil, nil, 0.5, 3},
	{"2^-x^2", func(x, y float64) float64 { return math.Pow(2, -x*x) }, nil, nil, -2, 2},
	{"-x^2 - -y", func(x, y float64) float64 { return -x*x + y }, nil, nil, -3, 3},
	{"2^3^2*x", func(x, y float64) float64 { return 512 * x }, nil, nil, -3, 3},
	{"pi*x + e*y", func(x, y float64) float64 { return math.Pi*x + math.E*y }, nil, nil, -3, 3},
	{".5*x^2 + 1e-3*y^4 + 2.5E+1", func(x, y float64) float64 { return 0.5*x*x + 1e-3*y*y*y*y + 25 }, nil, nil, -3, 3},
	{"x*x*x*x + y*y*y", func(x, y float64) float64 { return x*x*x*x + y*y*y }, nil, nil, -3, 3},
	{"(x - y)/(1 + x^2 + y^2)", func(x, y float64) float64 { return (x - y) / (1 + x*x + y*y) }, nil, nil, -3, 3},
	{"exp(sin(x*y)) / (2 + cos(x))", func(x, y float64) float64 { return math.Exp(math.Sin(x*y)) / (2 + math.Cos(x)) }, nil, nil, -3, 3},
	{"sin(x)^2 + cos(x)^2 + y", func(x, y float64) float64 { return 1 + y }, nil, nil, -3, 3},
	{"0.26*(x^2 + y^2) - 0.48*x*y", func(x, y float64) float64 { return 0.26*(x*x+y*y) - 0.48*x*y },
		func(x, y float64) [2]float64 { return [2]float64{0.52*x - 0.48*y, 0.52*y - 0.48*x} },
		func(x, y float64) [3]float64 { return [3]float64{0.52, -0.48, 0.52} }, -3, 3},
	{"log(x)*sqrt(y) + x − y×2", func(x, y float64) float64 { return math.Log(x)*math.Sqrt(y) + x - 2*y }, nil, nil, 0.5, 3},
}

// rel is |a − b| relative to max(1, |b|).
func rel(a, b float64) float64 { return math.Abs(a-b) / math.Max(1, math.Abs(b)) }

// TestFormulasAgainstTheirValuesAndDifferences: at random points of each
// case's box the value is the Go expression's, the gradient agrees with
// central differences of the value and the Hessian with central
// differences of the gradient (h = 1e-5: rounding and truncation leave
// about 1e-8), and with the closed forms where given (1e-12).
func TestFormulasAgainstTheirValuesAndDifferences(t *testing.T) {
	if len(cases) < 30 {
		t.Fatalf("%d formulas, want at least 30", len(cases))
	}
	rng := rand.New(rand.NewPCG(7, 8))
	const h = 1e-5
	for _, c := range cases {
		f, err := Compile(c.src)
		if err != nil {
			t.Errorf("%s: %v", c.src, err)
			continue
		}
		for range 40 {
			x, y := c.lo+(c.hi-c.lo)*rng.Float64(), c.lo+(c.hi-c.lo)*rng.Float64()
			v, g, hs := f.Derivs(x, y)
			if want := c.f(x, y); rel(f.Value(x, y), want) > 1e-13 || v != f.Value(x, y) {
				t.Errorf("%s at (%v, %v): value %v (Derivs %v), want %v", c.src, x, y, f.Value(x, y), v, want)
				break
			}
			fd := [2]float64{(f.Value(x+h, y) - f.Value(x-h, y)) / (2 * h), (f.Value(x, y+h) - f.Value(x, y-h)) / (2 * h)}
			_, gxp, _ := f.Derivs(x+h, y)
			_, gxm, _ := f.Derivs(x-h, y)
			_, gyp, _ := f.Derivs(x, y+h)
			_, gym, _ := f.Derivs(x, y-h)
			fdh := [3]float64{(gxp[0] - gxm[0]) / (2 * h), (gyp[0] - gym[0]) / (2 * h), (gyp[1] - gym[1]) / (2 * h)}
			if rel(g[0], fd[0]) > 1e-6 || rel(g[1], fd[1]) > 1e-6 {
				t.Errorf("%s at (%v, %v): gradient %v, differences %v", c.src, x, y, g, fd)
				break
			}
			if rel(hs[0], fdh[0]) > 1e-6 || rel(hs[1], fdh[1]) > 1e-6 || rel(hs[2], fdh[2]) > 1e-6 {
				t.Errorf("%s at (%v, %v): Hessian %v, differences %v", c.src, x, y, hs, fdh)
				break
			}
			if fyx := (gxp[1] - gxm[1]) / (2 * h); rel(hs[1], fyx) > 1e-6 {
				t.Errorf("%s at (%v, %v): fxy %v, ∂fy/∂x by differences %v", c.src, x, y, hs[1], fyx)
				break
			}
			if c.grad != nil {
				if w := c.grad(x, y); rel(g[0], w[0]) > 1e-12 || rel(g[1], w[1]) > 1e-12 {
					t.Errorf("%s at (%v, %v): gradient %v, closed form %v", c.src, x, y, g, w)
					break
				}
			}
			if c.hess != nil {
				if w := c.hess(x, y); rel(hs[0], w[0]) > 1e-12 || rel(hs[1], w[1]) > 1e-12 || rel(hs[2], w[2]) > 1e-12 {
					t.Errorf("%s at (%v, %v): Hessian %v, closed form %v", c.src, x, y, hs, w)
					break
				}
			}
		}
	}
}

// TestRowIsValue: a row evaluated at once holds, bit for bit, the values
// one at a time.
func TestRowIsValue(t *testing.T) {
	xs := make([]float64, 37)
	for i := range xs {
		xs[i] = -3 + 6*float64(i)/36
	}
	row := make([]float64, len(xs))
	for _, c := range cases {
		f, err := Compile(c.src)
		if err != nil {
			t.Fatal(err)
		}
		for _, y := range []float64{-2.5, 0, 0.7, 3} {
			f.Row(row, xs, y)
			for i, x := range xs {
				if v := f.Value(x, y); math.Float64bits(v) != math.Float64bits(row[i]) && !(v != v && row[i] != row[i]) {
					t.Fatalf("%s at (%v, %v): row %v, value %v", c.src, x, y, row[i], v)
				}
			}
		}
	}
}

// TestWhereDerivativesDoNotExist: the documented one-sided choices and
// IEEE values at the points where a function or its derivative is not
// defined.
func TestWhereDerivativesDoNotExist(t *testing.T) {
	derivs := func(src string, x, y float64) (float64, [2]float64, [3]float64) {
		t.Helper()
		f, err := Compile(src)
		if err != nil {
			t.Fatal(err)
		}
		return f.Derivs(x, y)
	}
	if v, g, _ := derivs("abs(x) + y", 0, 1); v != 1 || g != [2]float64{0, 1} {
		t.Errorf("abs at 0: %v, %v; want 1, [0 1]", v, g)
	}
	if _, g, _ := derivs("min(x, y)", 2, 2); g != [2]float64{1, 0} {
		t.Errorf("min at a tie: gradient %v, want the first argument's [1 0]", g)
	}
	if _, g, _ := derivs("max(y, x)", 2, 2); g != [2]float64{0, 1} {
		t.Errorf("max at a tie: gradient %v, want the first argument's [0 1]", g)
	}
	if v, g, _ := derivs("sqrt(y)", 1, 0); v != 0 || g[0] != 0 || !math.IsInf(g[1], 1) {
		t.Errorf("sqrt(y) at y = 0: %v, %v; want 0, [0 +Inf]", v, g)
	}
	if v, _, _ := derivs("log(x)", -1, 0); !math.IsNaN(v) {
		t.Errorf("log(−1) = %v, want NaN", v)
	}
	if v, _, _ := derivs("1/x", 0, 0); !math.IsInf(v, 1) {
		t.Errorf("1/0 = %v, want +Inf", v)
	}
	if v, _, _ := derivs("exp(x)", 1000, 0); !math.IsInf(v, 1) {
		t.Errorf("exp(1000) = %v, want +Inf", v)
	}
	if v, g, _ := derivs("x^1.5", 0, 0); v != 0 || g[0] != 0 {
		t.Errorf("x^1.5 at 0: %v, %v; want 0, [0 0]", v, g)
	}
	if v, _, _ := derivs("x^0.3", -1, 0); !math.IsNaN(v) {
		t.Errorf("(−1)^0.3 = %v, want NaN", v)
	}
	if v, _, _ := derivs("x^3", -2, 0); v != -8 {
		t.Errorf("(−2)^3 = %v, want −8", v)
	}
	if v, g, _ := derivs("min(x, log(y))", 1, -1); !math.IsNaN(v) || !math.IsNaN(g[0]) {
		t.Errorf("min with NaN: %v, %v; want NaN", v, g)
	}
}

// TestBadFormulas: each is refused with one sentence that says what is
// wrong and where, quickly, without a panic.
func TestBadFormulas(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"", "the formula is empty"},
		{"   ", "the formula is empty"},
		{"sinn(x)", "unknown function 'sinn' at column 1"},
		{"2x", `missing operator between "2" and "x" (write 2*x) at column 2`},
		{"x y", `missing operator between "x" and "y" (write x*y) at column 3`},
		{"(x+1)(y-1)", `missing operator between ")" and "(" (write )*() at column 6`},
		{"1e999", "number 1e999 is out of range at column 1"},
		{"NaN", "unknown name 'NaN' (a formula uses x, y, pi, e and the parameters a, b, c, d) at column 1"},
		{"X^2", "unknown name 'X' (names are lower case: x) at column 1"},
		{"Sin(x)", "unknown name 'Sin' (names are lower case: sin) at column 1"},
		{"z + 1", "unknown name 'z' (a formula uses x, y, pi, e and the parameters a, b, c, d) at column 1"},
		{"x\a+1", "control character U+0007 is not allowed at column 2"},
		{"x\n", "control character U+000A is not allowed at column 2"},
		{"(x", "'(' is never closed at column 1"},
		{"x)", "unmatched ')' at column 2"},
		{"x +", "the formula ends too soon at column 4"},
		{"* x", `unexpected "*" at column 1`},
		{"sin x", "sin needs its argument in parentheses: sin(…) at column 1"},
		{"min(x)", "min takes 2 arguments, not 1 at column 1"},
		{"sin(x, y)", "sin takes 1 argument, not 2 at column 1"},
		{"x(2)", "x is not a function at column 1"},
		{"log(-1) + x", "this part of the formula is the constant NaN at column 1"},
		{"x + 1/0", "this part of the formula is the constant +Inf at column 6"},
		{"x $ 2", `unexpected character '$' at column 3`},
		{"x²", `unexpected character '²' at column 2`},
		{"sin(x,", "the formula ends too soon at column 7"},
		{"x + \xff", "the formula is not valid UTF-8 text at column 5"},
		{strings.Repeat("x+", 5000) + "x", "the formula is 10001 characters long; at most 1000 are allowed"},
		{strings.Repeat("(", 5000) + "x" + strings.Repeat(")", 5000), "the formula is 10001 characters long; at most 1000 are allowed"},
		{strings.Repeat("(", 200) + "x" + strings.Repeat(")", 200), "the formula nests more than 100 deep at column 101"},
		{strings.Repeat("-", 300) + "x", "the formula nests more than 100 deep at column 100"},
		{strings.Repeat("sin(", 120) + "x" + strings.Repeat(")", 120), "the formula nests more than 100 deep at column 401"},
	} {
		_, err := Compile(c.src)
		if err == nil || err.Error() != c.want {
			t.Errorf("%.40q: %v, want %q", c.src, err, c.want)
		}
		if _, ok := err.(*Error); err != nil && !ok {
			t.Errorf("%.40q: error of type %T", c.src, err)
		}
	}
}

// TestTapeLimit: a formula of many distinct terms within the length limit
// but over the tape's is refused; repeated subexpressions are merged, so
// the same term many times is short.
func TestTapeLimit(t *testing.T) {
	var b strings.Builder
	b.WriteString("x")
	for i := 0; b.Len() < MaxLength-20; i++ {
		b.WriteString("+sin(x*" + strings.Repeat("y*", i%7) + "x)")
	}
	f, err := Compile(b.String())
	if err != nil {
		t.Fatalf("%d characters: %v", b.Len(), err)
	}
	// one addition a term, and the seven distinct terms once each (up to
	// nine instructions): without merging, four to ten a term
	if terms := strings.Count(b.String(), "sin"); f.Len() > terms+7*9 {
		t.Errorf("%d terms, seven of them distinct, compiled to %d instructions: not merged", terms, f.Len())
	}
	// x*y*x*y*…: a new product every two characters
	ok := "x" + strings.Repeat("*y*x", 190) // 2 + 380 instructions
	if f, err := Compile(ok); err != nil || f.Len() != 382 {
		t.Errorf("380 products: %v", err)
	}
	_, err = Compile("x" + strings.Repeat("*y*x", 220)) // 2 + 440
	if want := "the formula is too long: it needs more than 400 steps to compute"; err == nil || err.Error() != want {
		t.Errorf("440 products: %v, want %q", err, want)
	}
}

// TestParameters: a, b, c, d are numbers set apart from the formula: the
// value, gradient and Hessian of a·x² + b·y² − c·x·y + d follow their
// closed forms for the values set, the tape keeps them (a part of the
// formula made of parameters and constants is not folded into a number),
// each is 1 until set, and Uses says which a formula has.
func TestParameters(t *testing.T) {
	f, err := Compile("a*x^2 + b*y^2 - c*x*y + d")
	if err != nil {
		t.Fatal(err)
	}
	if v := f.Value(1, 2); v != 1+4-2+1 {
		t.Errorf("with every parameter 1: f(1, 2) = %v, want 4", v)
	}
	a, b, c, d := 2.0, 3.0, 0.5, -1.0
	for i, v := range []float64{a, b, c, d} {
		f.SetParam(i, v)
		if !f.Uses(i) {
			t.Errorf("Uses(%d) is false", i)
		}
	}
	for _, p := range [][2]float64{{1, 2}, {-0.5, 0.25}, {3, -1}} {
		x, y := p[0], p[1]
		want := a*x*x + b*y*y - c*x*y + d
		v, g, h := f.Derivs(x, y)
		if v != want || f.Value(x, y) != want || g != [2]float64{2*a*x - c*y, 2*b*y - c*x} || h != [3]float64{2 * a, -c, 2 * b} {
			t.Errorf("at (%v, %v): %v %v %v, want %v, ∇ (%v, %v), H (%v, %v, %v)", x, y, v, g, h, want, 2*a*x-c*y, 2*b*y-c*x, 2*a, -c, 2*b)
		}
		row := make([]float64, 1)
		if f.Row(row, []float64{x}, y); row[0] != want {
			t.Errorf("Row at (%v, %v) = %v, want %v", x, y, row[0], want)
		}
	}
	g, err := Compile("a*2 + exp(b - b)")
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []float64{3, 5} {
		if g.SetParam(0, v); g.Value(0, 0) != 2*v+1 {
			t.Errorf("a = %v: a*2 + exp(b − b) = %v, want %v", v, g.Value(0, 0), 2*v+1)
		}
	}
	if g.Uses(2) || g.Uses(3) || !g.Uses(1) {
		t.Error("Uses is wrong for a*2 + exp(b - b)")
	}
}
