package scenario

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"

	"curvlab/sim"
	"curvlab/sim/internal/simtest"
	"curvlab/sim/surfaces"
)

// scCanonical are scenario texts in canonical form, written by hand from
// the format's rules.
var scCanonical = []string{
	"v1;s=quadratic;x=1,1;m=gd",
	"v1;s=quadratic:l1=2,l2=-3,angle=0;x=-1.5,0.25;m=gd:lr=0.1,ls=wolfe;m=gd:ls=armijo;n=1000;t=0;w=-3,3,-2.5,2.5;u=ab12",
	"v1;s=quadratic:l1=0.5;x=1e-07,-1e+06;m=gd;m=gd:lr=0.01;m=gd:ls=exact;m=gd:ls=wolfe,c2=0.1;n=100000;t=1;u=0123456789abcdef",
	"v1;s=rosenbrock;x=-1.2,1;m=gd:lr=0.002;m=newton;m=sr1",
	"v1;s=rosenbrock;x=-1.2,1;m=gd;m=newton;m=sr1;u=a;l=first-look.2",
	"v1;s=rosenbrock;x=-1.2,1;m=gd:lr=0.002;m=newton;m=sr1;lang=zh",
	"v1;s=rosenbrock:a=-2,b=0.5;x=0,0;m=sr1;n=1;t=1e-12;w=-5e+06,5e+06,-1,1",
	"v1;s=quadratic;x=0,0;m=gd;w=-0.5,0.5,0.1,0.2",
	"v1;s=himmelblau;x=0,0;m=gd;m=newton;m=bfgs;z=13:-30,35;u=m",
	"v1;s=rosenbrock;x=-1.2,1;m=gd;z=1:-180,90",
	"v1;s=rosenbrock;x=-1.2,1;m=gd;z=1:179.9,5",
	"v1;s=rosenbrock;x=-1.2,1;m=gd;m=momentum;y=beta:0,0.95,50;u=w",
	"v1;s=rosenbrock;x=-1.2,1;m=gd;y=lr:0.0001,0.01,200,log",
	"v1;net=tanh:4;d=circle:n=60;m=gd;y=lr:0.01,1,10,log;u=w",
	"v1;net=tanh:8,8;d=circle;m=gd:lr=0.1",
	"v1;net=relu:3,loss=ce,init=7;d=spiral:n=100,noise=0,seed=3;m=adam;m=newton;n=50;t=0;u=1",
	"v1;net=sigmoid:8,1,8;d=xor:n=8;m=sr1",
	"v1;f=x%5E2+y%5E2;x=-2,2;m=gd",
	"v1;f=(1-x)%5E2+100*(y-x%5E2)%5E2;x=-1.2,1;m=gd:lr=0.002;m=newton;w=-2,2,-1,3",
	"v1;f=sin(x)*cos(y)%20+%20min(x,y)/2;x=0.5,0.5;m=bfgs;n=50",
	"v1;s=linefit;x=0,0;m=gd:lr=0.1;m=newton",
	"v1;f=a*x%5E2+b*y%5E2:a=2,b=0.5;x=-2,2;m=gd",
	"v1;s=rosenbrock;x=-1.2,1;m=gd:lr=0.0005;m=newton;g=1:gd:lr=0.002;g=1:gd;g=2:bfgs",
	"v1;s=linefit;p=gAAAgAAA_8AA;x=0.5,-1;m=sr1",
}

// TestFormulaParameters: a formula's parameters a, b, c, d come after
// its text in a link and shape its surface; SetSurface changes their
// values, a new formula keeps those it uses, and one it does not use is
// set back to 1 (a link that gives it is read without it).
func TestFormulaParameters(t *testing.T) {
	sc, err := Decode("v1;f=a*x%5E2+b*y%5E2:a=2,b=0.5;m=gd")
	if err != nil {
		t.Fatal(err)
	}
	if f := sc.Surface().Func([]float64{1, 2}); f != 2*1+0.5*4 {
		t.Errorf("f(1, 2) = %v, want 2·1 + 0.5·4", f)
	}
	if err := sc.SetSurface(surfaces.FormulaKind, []float64{3, 0.5, 1, 1}); err != nil || sc.Surface().Func([]float64{1, 2}) != 5 ||
		!strings.Contains(sc.Encode(), ":a=3,b=0.5;") {
		t.Errorf("a = 3: %v, %s", err, sc.Encode())
	}
	if err := sc.SetFormula("a*x^2 + c"); err != nil || !slices.Equal(sc.SurfaceVals, []float64{3, 1, 1, 1}) {
		t.Errorf("a new formula without b: values %v (%v)", sc.SurfaceVals, err)
	}
	d, err := Decode("v1;f=x:a=2;x=0,0;m=gd")
	if err != nil || d.Encode() != "v1;f=x;x=0,0;m=gd" {
		t.Errorf("a parameter the formula does not use: %v, %s", err, d.Encode())
	}
}

// TestFitLinks: a line fit's link holds its points, and builds the fit
// whose minimum is the least-squares line through them: slope
// Σ(x−x̄)(y−ȳ)/Σ(x−x̄)², through (x̄, ȳ).
func TestFitLinks(t *testing.T) {
	xy := []float64{-1, 0.5, 0, 1.25, 1.5, 1.5, 3, 3.75}
	sc, err := Decode("v1;s=linefit;x=0,0;m=newton")
	if err != nil {
		t.Fatal(err)
	}
	if err := sc.SetFit(xy); err != nil {
		t.Fatal(err)
	}
	text := sc.Encode()
	d, err := Decode(text)
	if err != nil {
		t.Fatalf("%s: %v", text, err)
	}
	if !slices.Equal(d.Fit, xy) || d.SurfaceKind != surfaces.LineFitKind || !strings.Contains(text, ";s=linefit;p=") {
		t.Fatalf("%s decodes to points %v", text, d.Fit)
	}
	var xbar, ybar, sxy, sxx float64
	for i := 0; i < len(xy); i += 2 {
		xbar += xy[i] / 4
		ybar += xy[i+1] / 4
	}
	for i := 0; i < len(xy); i += 2 {
		sxy += (xy[i] - xbar) * (xy[i+1] - ybar)
		sxx += (xy[i] - xbar) * (xy[i] - xbar)
	}
	slope := sxy / sxx
	ms := d.Surface().Minima()
	if len(ms) != 1 || math.Abs(ms[0].Y-slope) > 1e-12 || math.Abs(ms[0].X-(ybar-slope*xbar)) > 1e-12 {
		t.Errorf("minima %+v, least squares intercept %g, slope %g", ms, ybar-slope*xbar, slope)
	}
	for _, bad := range [][]float64{{0.001, 0, 1, 1}, {0, 0, 5, 1}, {1, 1}} {
		c := sc
		if err := c.SetFit(bad); err == nil || !slices.Equal(c.Fit, xy) {
			t.Errorf("SetFit(%v): error %v, points now %v", bad, err, c.Fit)
		}
	}
	if err := sc.SetSurface(surfaces.LineFitKind, nil); err != nil || sc.Fit != nil || sc.Surface().(*surfaces.LineFit).N() != 5 {
		t.Errorf("SetSurface(linefit): %v, points %v", err, sc.Fit)
	}
}

// TestFormulaLinks: a typed surface's link takes the formula as typed or
// percent-encoded, starts at (−2, 2) when it gives no start, encodes to
// its canonical form (trimmed), and builds the formula's surface; a
// formula set with SetFormula has the operators −, × written in ASCII.
func TestFormulaLinks(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"v1;f=x^2 + y^2;m=gd", "v1;f=x%5E2%20+%20y%5E2;x=-2,2;m=gd"},
		{"v1;f=%20x-y*2%20;x=1,1;m=newton", "v1;f=x-y*2;x=1,1;m=newton"},
	} {
		s, err := Decode(c.in)
		if err != nil {
			t.Fatalf("%q: %v", c.in, err)
		}
		if got := s.Encode(); got != c.want {
			t.Errorf("%q encodes as %q, want %q", c.in, got, c.want)
		}
		if s.SurfaceKind != surfaces.FormulaKind || s.Surface().View() != (surfaces.Window{XMin: -3, XMax: 3, YMin: -3, YMax: 3}) {
			t.Errorf("%q: surface %v, view %v", c.in, s.SurfaceKind.Name, s.Surface().View())
		}
	}
	s, err := Decode("v1;f=x*y^2;x=2,3;m=gd")
	if err != nil {
		t.Fatal(err)
	}
	var g [2]float64
	s.Surface().Grad(g[:], []float64{2, 3})
	if f := s.Surface().Func([]float64{2, 3}); f != 18 || g != [2]float64{9, 12} {
		t.Errorf("x*y^2 at (2, 3): %v, %v; want 18, [9 12]", f, g)
	}
	// the operators a page gives are kept in ASCII, to fit a link
	if err := s.SetFormula(" x*y^2 − 0×x "); err != nil || s.Formula != "x*y^2 - 0*x" {
		t.Errorf("SetFormula with − and ×: %v, %q", err, s.Formula)
	}
	// a bad formula keeps the scenario as it was
	if err := s.SetFormula("x*y^2"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetFormula("sin(x"); err == nil || s.Formula != "x*y^2" || s.Surface().Func([]float64{2, 3}) != 18 {
		t.Errorf("SetFormula(sin(x): %v; formula now %q", err, s.Formula)
	}
	// and a built-in surface replaces the formula
	k, _ := surfaces.Lookup("booth")
	if err := s.SetSurface(k, nil); err != nil || s.Formula != "" || !strings.HasPrefix(s.Encode(), "v1;s=booth;") {
		t.Errorf("SetSurface(booth): %v, %q", err, s.Encode())
	}
	if err := s.SetSurface(surfaces.FormulaKind, nil); err == nil {
		t.Error("SetSurface took the formula kind without a formula")
	}
	bad := Scenario{SurfaceKind: surfaces.FormulaKind, Formula: "x +", Start: []float64{0, 0}, Methods: s.Methods, Steps: 10}
	if err := bad.Validate(); err == nil || !strings.Contains(err.Error(), "ends too soon") {
		t.Errorf("Validate of a bad formula: %v", err)
	}
	if f := bad.Surface().Func([]float64{0, 0}); f == f {
		t.Errorf("a bad formula's surface is %v at 0, not NaN", f)
	}
}

func TestScenarioCanonical(t *testing.T) {
	for _, text := range scCanonical {
		s, err := Decode(text)
		if err != nil {
			t.Errorf("Decode(%q): %v", text, err)
			continue
		}
		if got := s.Encode(); got != text {
			t.Errorf("Encode(Decode(%q)) = %q", text, got)
		}
		if err := s.Validate(); err != nil {
			t.Errorf("%q: Validate: %v", text, err)
		}
	}
	// Spot checks of what the fields mean.
	s, err := Decode(scCanonical[1])
	if err != nil {
		t.Fatal(err)
	}
	if s.SurfaceKind.Name != "quadratic" || !slices.Equal(s.SurfaceVals, []float64{2, -3, 0}) {
		t.Errorf("surface %s %v", s.SurfaceKind.Name, s.SurfaceVals)
	}
	if !slices.Equal(s.Start, []float64{-1.5, 0.25}) || s.Steps != 1000 || s.Tol != 0 || s.UI != "ab12" {
		t.Errorf("start %v steps %d tol %v ui %q", s.Start, s.Steps, s.Tol, s.UI)
	}
	if s.View == nil || *s.View != (surfaces.Window{XMin: -3, XMax: 3, YMin: -2.5, YMax: 2.5}) || s.ViewWindow() != *s.View {
		t.Errorf("view %v", s.View)
	}
	if len(s.Methods) != 2 || s.Methods[0].Value("lr") != 0.1 || lineSearchName(s.Methods[0]) != "wolfe" ||
		lineSearchName(s.Methods[1]) != "armijo" || s.Methods[1].Value("lr") != s.Methods[1].Kind.Params[0].Default {
		t.Errorf("methods %v", s.Methods)
	}
	// Without w, the view is the surface's own.
	s, err = Decode(scCanonical[0])
	if err != nil {
		t.Fatal(err)
	}
	if s.View != nil || s.ViewWindow() != surfaces.NewQuadratic(1, 10, 30).View() {
		t.Errorf("default view %v", s.ViewWindow())
	}
}

// TestScenarioNormalizes decodes non-canonical texts and checks that they
// encode to the canonical form the rules call for.
func TestScenarioNormalizes(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"#v1;s=quadratic;x=1,1;m=gd", "v1;s=quadratic;x=1,1;m=gd"},
		{"v1;s=quadratic;x=1,1;m=gd;n=500;t=1e-8;u=", "v1;s=quadratic;x=1,1;m=gd"},
		{"v1;s=quadratic;x=1,1;m=gd;t=0.00000001", "v1;s=quadratic;x=1,1;m=gd"},
		{"v1;m=gd;n=20;x=1.0,1;s=quadratic:l2=10,l1=3", "v1;s=quadratic:l1=3;x=1,1;m=gd;n=20"},
		{"v1;s=quadratic:angle=30;x=-0,1;m=gd:lr=0.001,ls=none", "v1;s=quadratic;x=0,1;m=gd"},
		{"v1;s=quadratic;x=1,1;m=gd;n=1e3;t=0.50", "v1;s=quadratic;x=1,1;m=gd;n=1000;t=0.5"},
		{"v1;s=quadratic;x=1,1;m=gd;w=-1,1,-1E0,1.00", "v1;s=quadratic;x=1,1;m=gd;w=-1,1,-1,1"},
		{"v1%3Bs%3Dquadratic;x=1%2C1;m=gd%3alr%3D0.5", "v1;s=quadratic;x=1,1;m=gd:lr=0.5"},
		{"%23v1;s=quadratic;x=1,1;m=gd", ""}, // '#' only before decoding
		{"v1;s=quadratic:;x=1,1;m=gd:", "v1;s=quadratic;x=1,1;m=gd"},
	} {
		s, err := Decode(c.in)
		if c.want == "" {
			if err == nil {
				t.Errorf("Decode(%q) accepted", c.in)
			}
			continue
		}
		if err != nil {
			t.Errorf("Decode(%q): %v", c.in, err)
			continue
		}
		if got := s.Encode(); got != c.want {
			t.Errorf("Encode(Decode(%q)) = %q, want %q", c.in, got, c.want)
		}
	}
}

// scFragmentLegal reports whether every byte of s may appear in a URL
// fragment without percent-encoding (RFC 3986 §3.5: pchar / "/" / "?").
func scFragmentLegal(s string) bool {
	hex := func(c byte) bool { return c >= '0' && c <= '9' || c >= 'A' && c <= 'F' }
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
			strings.IndexByte("-._~!$&'()*+,;=:@/?", c) >= 0 {
			continue
		}
		if c == '%' && i+2 < len(s) && hex(s[i+1]) && hex(s[i+2]) { // a percent-encoded byte
			i += 2
			continue
		}
		return false
	}
	return true
}

// scRandomValues draws parameter values: defaults, bounds or random values
// in range.
func scRandomValues(rng *rand.Rand, params []sim.Param) []float64 {
	v := sim.Defaults(params)
	for i, p := range params {
		switch {
		case len(p.Choices) > 0:
			v[i] = float64(rng.IntN(len(p.Choices)))
		case rng.IntN(4) == 0:
			// keep the default
		case rng.IntN(4) == 0:
			v[i] = p.Min
		case rng.IntN(4) == 0:
			v[i] = p.Max
		default:
			v[i] = p.Min + (p.Max-p.Min)*rng.Float64()
			if p.Int {
				v[i] = math.Round(v[i])
			}
		}
	}
	return v
}

func TestScenarioRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	kinds, methods := surfaces.Kinds(), sim.MethodKinds()
	scenarios := []Scenario{Default()}
	for len(scenarios) < 300 {
		var s Scenario
		k := kinds[rng.IntN(len(kinds))]
		if err := s.SetSurface(k, scRandomValues(rng, k.Params)); err != nil {
			t.Fatal(err)
		}
		for i := 1 + rng.IntN(MaxPanels); i > 0; i-- {
			m := methods[rng.IntN(len(methods))]
			vals := scRandomValues(rng, m.Params)
			if i := slices.IndexFunc(m.Params, func(p sim.Param) bool { return p.Key == "batch" }); i >= 0 && !slices.Contains(batchSurfaces(), k.Name) {
				vals[i] = 0 // batches only on means over points
			}
			if i := slices.IndexFunc(m.Params, func(p sim.Param) bool { return p.Key == "wd" }); i >= 0 {
				vals[i] = 0 // weight decay only on networks
			}
			s.Methods = append(s.Methods, sim.Spec{Kind: m, Values: vals})
		}
		s.Start = []float64{(rng.Float64() - 0.5) * 2e6, rng.NormFloat64()}
		s.Steps = 1 + rng.IntN(MaxSteps)
		s.Tol = []float64{DefaultTol, 0, 1, rng.Float64()}[rng.IntN(4)]
		if rng.IntN(2) == 0 {
			x, y := rng.NormFloat64()*1e3, rng.NormFloat64()
			s.View = &surfaces.Window{XMin: x, XMax: x + rng.Float64()*1e4 + 1e-3, YMin: y, YMax: y + rng.Float64() + 1e-3}
		}
		s.UI = "abcdefghijklmnopqrstuvwxyz0123456789"[:rng.IntN(MaxUILen+1)]
		if err := s.Validate(); err != nil {
			if strings.Contains(err.Error(), "bytes long") {
				continue // too many long numbers for one link
			}
			t.Fatalf("Validate(%s): %v", s.Encode(), err)
		}
		scenarios = append(scenarios, s)
	}
	for _, s := range scenarios {
		text := s.Encode()
		if !scFragmentLegal(text) {
			t.Errorf("%q is not legal in a URL fragment", text)
		}
		d, err := Decode(text)
		if err != nil {
			t.Errorf("Decode(%q): %v", text, err)
			continue
		}
		if !d.Equal(s) {
			t.Errorf("Decode(Encode(s)) differs from s for %q", text)
		}
		if again := d.Encode(); again != text {
			t.Errorf("Encode not stable: %q, then %q", text, again)
		}
		// The m fields are method specs in ParseSpec's sense.
		for i, m := range d.Methods {
			p, err := sim.ParseSpec(m.String())
			if err != nil || p.Kind != s.Methods[i].Kind || !slices.Equal(p.Values, s.Methods[i].Values) {
				t.Errorf("ParseSpec(%q) = %v, %v", m.String(), p, err)
			}
		}
	}
}

// scRejects are hostile or malformed texts and a phrase their error must
// contain.
var scRejects = []struct{ in, phrase string }{
	{"v1;s=rosenbrock;x=0,0;m=gd;lang=fr", `language "fr" is not one this app speaks (lang=en or lang=zh)`},
	{"v1;s=rosenbrock;x=0,0;m=gd;lang=zh-CN", `language "zh-CN" is not one`},
	{"v1;s=rosenbrock;x=0,0;m=gd;lang=zh;lang=zh", `field "lang" given twice`},
	{"v1;s=rosenbrock;x=0,0;m=gd;z=2:0,30", "3D view of panel 2, of 1"},
	{"v1;s=rosenbrock;x=0,0;m=gd;y=beta:0,0.9,10", `sweep: method gd has no parameter "beta" (it has: lr, c2, decay, batch, seed, wd)`},
	{"v1;s=rosenbrock;x=0,0;m=gd;m=sr1;y=beta:0,0.9,10", `no panel's method has a parameter "beta" to sweep`},
	{"v1;s=rosenbrock;x=0,0;m=gd;y=ls:0,1,10", "ls is a choice"},
	{"v1;s=rosenbrock;x=0,0;m=gd;y=lr:0.1,0.01,10", "the range from 0.1 to 0.01 is empty or reversed"},
	{"v1;s=rosenbrock;x=0,0;m=momentum;y=beta:0,0.9,10,log", "a log sweep needs both ends above 0, not 0"},
	{"v1;s=rosenbrock;x=0,0;m=gd;y=lr:0.001,0.1,201", "201 values, want 2 to 200"},
	{"v1;s=rosenbrock;x=0,0;m=gd;y=lr:0.001,0.1,1", "1 values, want 2 to 200"},
	{"v1;s=rosenbrock;x=0,0;m=gd;y=lr:0.001,0.1,1e1", "is not a whole number"},
	{"v1;s=rosenbrock;x=0,0;m=gd;y=lr:0.001,0.1,10,lin", "sweep spacing"},
	{"v1;s=rosenbrock;x=0,0;m=gd;y=lr:0.001,0.1", "must be key:from,to,n"},
	{"v1;s=rosenbrock;x=0,0;m=gd;y=lr:0,1e7,10", "out of range"},
	{"v1;net=tanh:4;d=circle:n=60;m=gd;y=lr:0.01,1e7,10", "out of range"},
	{"v1;s=rosenbrock;x=0,0;m=gd;m=sr1;z=21:0,30", "3D view panels \"21\" must be panel numbers 1 to 4, each once, in order"},
	{"v1;s=rosenbrock;x=0,0;m=gd;z=11:0,30", "each once, in order"},
	{"v1;s=rosenbrock;x=0,0;m=gd;z=5:0,30", "panel numbers 1 to 4"},
	{"v1;s=rosenbrock;x=0,0;m=gd;z=:0,30", "must be panels:azimuth,elevation"},
	{"v1;s=rosenbrock;x=0,0;m=gd;z=1", "must be panels:azimuth,elevation"},
	{"v1;s=rosenbrock;x=0,0;m=gd;z=1:30", "needs the azimuth and the elevation"},
	{"v1;s=rosenbrock;x=0,0;m=gd;z=1:180,30", "azimuth 180 is out of range [-180, 180)"},
	{"v1;s=rosenbrock;x=0,0;m=gd;z=1:0,4", "elevation 4 is out of range [5, 90]"},
	{"v1;s=rosenbrock;x=0,0;m=gd;z=1:0,nan", "3D view elevation"},
	{"v1;net=tanh:4;d=circle:n=60;m=gd;z=1:0,30", "takes no surface, start or view"},
	{"", "empty"},
	{"#", "empty"},
	{"v1;f=sinn(x);x=1,1;m=gd", "formula: unknown function 'sinn' at column 1"},
	{"v1;f=2x;m=gd", `formula: missing operator between "2" and "x" (write 2*x) at column 2`},
	{"v1;f=;x=1,1;m=gd", "formula: the formula is empty"},
	{"v1;f=x%5E;x=1,1;m=gd", "formula: the formula ends too soon at column 3"},
	{"v1;f=x%3Cy;x=1,1;m=gd", "formula: unexpected character U+003C at column 2"},
	{"v1;f=" + strings.Repeat("a", 900) + ";m=gd", "formula: unknown name 'aaaaaaaaaaaaaaaaaaaa…' (a formula uses x, y, pi, e and the parameters a, b, c, d) at column 1"},
	{"v1;s=rosenbrock;f=x;x=1,1;m=gd", "s= and f= both give the surface"},
	{"v1;f=x;s=rosenbrock;x=1,1;m=gd", "s= and f= both give the surface"},
	{"v1;f=x;x=1,1,1;m=gd", "start has 3 coordinates, the formula needs 2"},
	{"v1;net=tanh:4;f=x;m=gd", "takes no surface, start or view"},
	{"v1;net=tanh:4;p=AAAAAAAA;m=gd", "takes no surface, start or view"},
	{"v1;f=a*x:a=11;x=1,1;m=gd", "formula: a=11 is out of range [-10, 10]"},
	{"v1;s=quadratic;x=1,1;m=gd;g=5:gd", `ghost "5:gd" must be K:method with K a panel, 1 to 4`},
	{"v1;s=quadratic;x=1,1;m=gd;g=x:gd", `ghost "x:gd" must be K:method`},
	{"v1;s=quadratic;x=1,1;m=gd;g=01:gd", `ghost "01:gd" must be K:method`},
	{"v1;s=quadratic;x=1,1;m=gd;g=2:gd", "a ghost of panel 2, of 1"},
	{"v1;s=quadratic;x=1,1;m=gd;g=1:nope", "ghost of panel 1: unknown method"},
	{"v1;s=quadratic;x=1,1;m=gd;g=1:gd:lr=-1", "ghost of panel 1: method gd: lr=-1 is out of range"},
	{"v1;s=quadratic;x=1,1;m=gd" + strings.Repeat(";g=1:gd", 5), "panel 1 has more than 4 ghosts"},
	{"v1;net=tanh:4;m=gd;g=1:gd", "a network scenario has none"},
	{"v1;f=a*x:z=1;x=1,1;m=gd", `formula: unknown key "z" (accepted: a, b, c, d)`},
	{"v1;s=rosenbrock;p=AAAAAAAA;x=1,1;m=gd", "p= gives the points of a line fit: it goes with s=linefit"},
	{"v1;s=linefit;p=AAAA;x=1,1;m=gd", "line fit: points: 1 of them, want 2 to 1000 in a link"},
	{"v1;s=linefit;p=AAAAAAA;x=1,1;m=gd", "line fit: points: not the form a link holds them in"},
	{"v1;s=linefit;p=AAABAAAA;x=1,1;m=gd", "line fit: points: point 1 carries a label"},
	{"v1;s=linefit;p=AAAAAA.A;x=1,1;m=gd", "line fit: points: character 7 is not of the link's alphabet"},
	{"v1;s=linefit;p=AAAAAAAA;p=AAAAAAAA;x=1,1;m=gd", `field "p" given twice`},
	{"v1", "missing surface"},
	{"v1;s=quadratic", "missing start"},
	{"v1;s=quadratic;x=1,1", "missing method"},
	{"v1;x=1,1;m=gd", "missing surface"},
	{"v2;s=quadratic;x=1,1;m=gd", "version \"v2\" is not supported"},
	{"v10;s=quadratic;x=1,1;m=gd", "not supported"},
	{"V1;s=quadratic;x=1,1;m=gd", "must start with the version v1"},
	{"s=quadratic;x=1,1;m=gd", "must start with the version v1"},
	{"##v1;s=quadratic;x=1,1;m=gd", "must start with the version"},
	{"v1;s=quadratic;x=1,1;m=gd;u=" + strings.Repeat("a", 4500), "at most 4500"},
	{strings.Repeat("%61", 1600), "at most 4500"},
	{"<script>alert(1)</script>", "must start with the version"},
	{"v1;s=quadratic;x=1,1;m=<script>alert(1)</script>", "unknown method"},
	{"v1;s=<img src=x onerror=alert(1)>;x=1,1;m=gd", "unknown surface"},
	{"v1;s=quadratic;x=NaN,1;m=gd", "not a finite decimal number"},
	{"v1;s=quadratic;x=1,nan;m=gd", "not a finite decimal number"},
	{"v1;s=quadratic;x=Inf,1;m=gd", "not a finite decimal number"},
	{"v1;s=quadratic;x=1,-Infinity;m=gd", "not a finite decimal number"},
	{"v1;s=quadratic;x=1e999,1;m=gd", "not a finite decimal number"},
	{"v1;s=quadratic;x=0x1p3,1;m=gd", "not a finite decimal number"},
	{"v1;s=quadratic;x=1_000,1;m=gd", "not a finite decimal number"},
	{"v1;s=quadratic;x=1,1;m=gd:lr=1_0", "not a finite decimal number"},
	{"v1;s=quadratic;x=1,1;m=gd:lr=NaN", "not a finite decimal number"},
	{"v1;s=quadratic:l1=Inf;x=1,1;m=gd", "not a finite decimal number"},
	{"v1;s=quadratic;x=1,;m=gd", "not a finite decimal number"},
	{"v1;s=quadratic;x=1," + strings.Repeat("1", 40) + ";m=gd", "too long for a number"},
	{"v1;s=quadratic;x=1,1;m=gd;m=gd;m=gd;m=gd;m=gd", "more than 4 methods"},
	{"v1;s=quadratic;x=1,1;m=gd;q=1", "unknown field \"q\""},
	{"v1;s=quadratic;x=1,1;m=gd;S=quadratic", "unknown field \"S\""},
	{"v1;s=quadratic;x=1,1;m=gd;=1", "unknown field \"\""},
	{"v1;s=quadratic;x=1,1;m=gd;n=5;n=6", "field \"n\" given twice"},
	{"v1;s=quadratic;s=quadratic;x=1,1;m=gd", "field \"s\" given twice"},
	{"v1;s=quadratic;x=1,1;x=1,1;m=gd", "field \"x\" given twice"},
	{"v1;s=quadratic;x=1,1;m=gd;n=0", "n=0 is out of range"},
	{"v1;s=quadratic;x=1,1;m=gd;n=1e9", "n=1e9 is out of range"},
	{"v1;s=quadratic;x=1,1;m=gd;n=-5", "n=-5 is out of range"},
	{"v1;s=quadratic;x=1,1;m=gd;n=100001", "out of range"},
	{"v1;s=quadratic;x=1,1;m=gd;n=2.5", "integer"},
	{"v1;s=quadratic;x=1,1;m=gd;n=", "not a finite decimal number"},
	{"v1;s=quadratic;x=1,1;m=gd;t=-1", "t=-1 is out of range"},
	{"v1;s=quadratic;x=1,1;m=gd;t=1.5", "t=1.5 is out of range"},
	{"v1;s=quadratic;x=1,2,3;m=gd", "start has 3 coordinates, surface quadratic needs 2"},
	{"v1;s=quadratic;x=1;m=gd", "start has 1 coordinate, surface quadratic needs 2"},
	{"v1;s=quadratic;x=" + strings.Repeat("1,", 20) + "1;m=gd", "too many"},
	{"v1;s=quadratic;x=2e6,0;m=gd", "start coordinate 2e+06 is out of range [-1e+06, 1e+06]"},
	{"v1;s=quadratic;x=0,-1000001;m=gd", "out of range"},
	{"v1;s=quadratic;x=1,1;m=gd;w=1,1,0,1", "xmin 1 not below xmax 1"},
	{"v1;s=quadratic;x=1,1;m=gd;w=0,1,2,-2", "ymin 2 not below ymax -2"},
	{"v1;s=quadratic;x=1,1;m=gd;w=0,1e8,0,1", "coordinate 1e+08 is out of range [-1e+07, 1e+07]"},
	{"v1;s=quadratic;x=1,1;m=gd;w=-6e6,6e6,0,1", "width 1.2e+07 is larger than 1e+07"},
	{"v1;s=quadratic;x=1,1;m=gd;w=0,1,1,1.0000000000000002", "height 2.220446049250313e-16 is too small"},
	{"v1;s=quadratic;x=1,1;m=gd;w=0,1,0", "needs 4 numbers"},
	{"v1;s=quadratic;x=1,1;m=gd;w=0,1,0,1,2", "needs 4 numbers"},
	{"v1;s=quadratic;x=1,1;m=gd;u=\xc3\xa9", "non-ASCII"},
	{"v1;s=quadratic;x=1,1;m=gd;u=%C3%A9", "after percent-decoding, byte"},
	{"v1;s=quadratic;x=1,1;m=gd\n", "control character"},
	{"v1;s=quadratic;x=1,1;m=gd\x00", "control character (0x00)"},
	{"v1;s=quadratic;x=1,1;m=gd%00", "control character (0x00)"},
	{"v1;s=quadratic;x=1,1;m=gd\x7f", "control character"},
	{"v1;s=quadratic;x=1,1;m=gd;u=%zz", "bad percent-encoding \"%zz\""},
	{"v1;s=quadratic;x=1,1;m=gd;u=%4", "bad percent-encoding \"%4\""},
	{"v1;s=quadratic;x=1,1;m=gd;u=a%", "bad percent-encoding"},
	{"v1;s=quadratic;x=1,1;m=gd;u=%2541", "UI flags \"%41\""},
	{"v1;s=quadratic;x=1,1;m=gd;u=ABC", "UI flags \"ABC\""},
	{"v1;s=quadratic;x=1,1;m=gd;u=" + strings.Repeat("a", 25), "at most 24 characters"},
	{"v1;s=foo;x=1,1;m=gd", "unknown surface \"foo\" (accepted: "},
	{"v1;s=quadratic;x=1,1;m=foo", "unknown method \"foo\" (accepted: "},
	{"v1;s=quadratic;x=1,1;m=", "unknown method \"\""},
	{"v1;s=quadratic;x=1,1;m=gd:lr=abc", "method gd: lr=\"abc\" is not a finite decimal number"},
	{"v1;s=quadratic;x=1,1;m=gd:zz=1", "method gd: unknown key \"zz\" (accepted: lr, ls, c2, schedule, decay, batch, seed, wd)"},
	{"v1;s=rosenbrock;x=0,0;m=gd:batch=4", "method gd: batch=4 needs a loss that is a mean over points, and surface rosenbrock is not one: batches work on networks and on linefit, linreg, net-logistic, net-relu, net-tanh"},
	{"v1;s=linreg;x=0,0;m=newton:batch=1", "method newton: unknown key \"batch\""},
	{"v1;s=rosenbrock;x=0,0;m=gd;y=batch:1,4,4", "sweep of batch needs a loss that is a mean over points, and surface rosenbrock is not one"},
	{"v1;s=linreg;x=0,0;m=adam:wd=0.01", "method adam: wd=0.01 is a network's weight decay, and surface linreg is not a network"},
	{"v1;s=linreg;x=0,0;m=adam;y=wd:0,0.1,5", "sweep of wd: weight decay is a network's, and surface linreg is not a network"},
	{"v1;s=quadratic;x=1,1;m=gd:lr", "method gd: \"lr\" is not key=value"},
	{"v1;s=quadratic;x=1,1;m=gd:lr=1,lr=2", "key \"lr\" given twice"},
	{"v1;s=quadratic;x=1,1;m=gd:ls=foo", "ls=\"foo\" is not one of none|armijo|wolfe|exact"},
	{"v1;s=quadratic;x=1,1;m=gd:lr=0", "lr=0 is out of range [1e-12, 1e+06]"},
	{"v1;s=quadratic;x=1,1;m=gd:lr=0.1,", "\"\" is not key=value"},
	{"v1;s=quadratic:l1=1e5;x=1,1;m=gd", "surface quadratic: l1=1e5 is out of range"},
	{"v1;s=quadratic:zz=1;x=1,1;m=gd", "surface quadratic: unknown key \"zz\" (accepted: l1, l2, angle)"},
	{"v1;;s=quadratic;x=1,1;m=gd", "empty field"},
	{"v1;s=quadratic;x=1,1;m=gd;", "empty field"},
	{"v1;s", "field \"s\" is not key=value"},
	{"v1;s=quadratic;x=1,1;m=gd;n=5 ", "n=\"5 \" is not a finite decimal number"},
	{"v1;s=quadratic;x=1,1;m=gd;#", "field \"#\" is not key=value"},
	{"v1;s=quadratic;x=1,1;m=gd;u=%3Cscript%3E", "UI flags \"\\x3cscript\\x3e\""},
	{"v1;net=tanh:8;d=circle", "missing method"},
	{"v1;d=circle;m=gd", "net= is missing"},
	{"v1;net=tanh:8;s=quadratic;m=gd", "takes no surface, start or view"},
	{"v1;net=tanh:8;x=1,1;m=gd", "takes no surface, start or view"},
	{"v1;net=tanh:8;m=gd;w=0,1,0,1", "takes no surface, start or view"},
	{"v1;net=tanh;m=gd", "give 1 to 3 hidden layer widths"},
	{"v1;net=tanh:8,8,8,8;m=gd", "give 1 to 3 hidden layer widths"},
	{"v1;net=tanh:0;m=gd", "layer width 0 is out of range [1, 8]"},
	{"v1;net=tanh:9;m=gd", "layer width 9 is out of range [1, 8]"},
	{"v1;net=tanh:2.5;m=gd", "layer width 2.5 must be an integer"},
	{"v1;net=tanh:08;m=gd", "layer width \"08\" is not a finite decimal number"},
	{"v1;net=tanh:+5;m=gd", "layer width \"+5\" is not a finite decimal number"},
	{"v1;s=quadratic;x=1,+1;m=gd", "start coordinate \"+1\" is not a finite decimal number"},
	{"v1;s=quadratic;x=1,1;m=gd;t=.5", "t=\".5\" is not a finite decimal number"},
	{"v1;s=quadratic;x=1,1;m=gd;n=08", "n=\"08\" is not a finite decimal number"},
	{"v1;s=quadratic;x=1,1;m=gd:lr=5.", "lr=\"5.\" is not a finite decimal number"},
	{"v1;net=tanh:<b>;m=gd", "layer width \"\\x3cb\\x3e\""},
	{"v1;net=gelu:8;m=gd", "unknown activation \"gelu\" (accepted: tanh, relu, sigmoid)"},
	{"v1;net=tanh:8,loss=l1;m=gd", "loss=\"l1\" is not one of mse|ce"},
	{"v1;net=tanh:loss=ce,8;m=gd", "after a key=value setting"},
	{"v1;net=tanh:8,init=-1;m=gd", "init=-1 is out of range"},
	{"v1;net=tanh:8;net=tanh:8;m=gd", "field \"net\" given twice"},
	{"v1;net=tanh:8;d=moons;m=gd", "unknown dataset \"moons\" (accepted: "},
	{"v1;net=tanh:8;d=circle:n=3;m=gd", "n=3 is out of range [8, 1000]"},
	{"v1;net=tanh:8;d=circle:n=1001;m=gd", "out of range"},
	{"v1;net=tanh:8;d=circle:noise=2;m=gd", "noise=2 is out of range"},
	{"v1;net=tanh:8;d=circle:seed=1.5;m=gd", "must be an integer"},
	{"v1;net=tanh:8;d=circle:zz=1;m=gd", "unknown key \"zz\" (accepted: n, noise, seed)"},
}

// scCheckMessage checks the properties every Decode error must have.
func scCheckMessage(t *testing.T, in string, err error) {
	t.Helper()
	msg := err.Error()
	if !strings.HasPrefix(msg, "link: ") {
		t.Errorf("Decode(%.60q): %q does not start with \"link: \"", in, msg)
	}
	if len(msg) > 200 || strings.ContainsAny(msg, "<\n\r") {
		t.Errorf("Decode(%.60q): message too long or unsafe: %q", in, msg)
	}
	// At most about 40 bytes of the input are echoed.
	for i := 0; i+41 <= len(in); i++ {
		if strings.Contains(msg, in[i:i+41]) {
			t.Errorf("Decode(%.60q): message echoes %q", in, in[i:i+41])
			break
		}
	}
}

func TestScenarioRejects(t *testing.T) {
	for _, c := range scRejects {
		_, err := Decode(c.in)
		if err == nil {
			t.Errorf("Decode(%.80q) accepted", c.in)
			continue
		}
		if !strings.Contains(err.Error(), c.phrase) {
			t.Errorf("Decode(%.80q) = %q, want it to contain %q", c.in, err, c.phrase)
		}
		scCheckMessage(t, c.in, err)
	}
}

// TestScenarioLongTokens puts a long token everywhere the input is echoed
// and checks that the messages stay short.
func TestScenarioLongTokens(t *testing.T) {
	tok := strings.Repeat("abcdefghij<>&\"'\\", 30)
	for _, in := range []string{
		tok,
		"v" + tok,
		"v1;" + tok,
		"v1;" + tok + "=1",
		"v1;s=" + tok + ";x=1,1;m=gd",
		"v1;s=quadratic:" + tok + ";x=1,1;m=gd",
		"v1;s=quadratic:" + tok + "=1;x=1,1;m=gd",
		"v1;s=quadratic:l1=" + tok + ";x=1,1;m=gd",
		"v1;s=quadratic;x=" + tok + ",1;m=gd",
		"v1;s=quadratic;x=1,1;m=" + tok,
		"v1;s=quadratic;x=1,1;m=gd:" + tok,
		"v1;s=quadratic;x=1,1;m=gd:" + tok + "=1",
		"v1;s=quadratic;x=1,1;m=gd:lr=" + tok,
		"v1;s=quadratic;x=1,1;m=gd:ls=" + tok,
		"v1;s=quadratic;x=1,1;m=gd;n=" + tok,
		"v1;s=quadratic;x=1,1;m=gd;t=" + tok,
		"v1;s=quadratic;x=1,1;m=gd;w=" + tok + ",1,2,3",
		"v1;s=quadratic;x=1,1;m=gd;u=" + tok,
		"v1;s=quadratic;x=1,1;m=gd;u=%" + tok,
	} {
		_, err := Decode(in)
		if err == nil {
			t.Errorf("Decode(%.60q) accepted", in)
			continue
		}
		scCheckMessage(t, in, err)
	}
}

func TestDefaultScenario(t *testing.T) {
	s := Default()
	if err := s.Validate(); err != nil {
		t.Fatal(err)
	}
	if s.SurfaceKind.Name != "rosenbrock" || !slices.Equal(s.SurfaceVals, sim.Defaults(s.SurfaceKind.Params)) {
		t.Errorf("surface %s %v", s.SurfaceKind.Name, s.SurfaceVals)
	}
	if !slices.Equal(s.Start, []float64{-1.2, 1}) || s.Steps != 500 || s.Tol != 1e-8 || s.View != nil || s.UI != "" {
		t.Errorf("start %v steps %d tol %v view %v ui %q", s.Start, s.Steps, s.Tol, s.View, s.UI)
	}
	var names []string
	for _, m := range s.Methods {
		names = append(names, m.Kind.Name)
	}
	if strings.Join(names, ",") != "gd,newton,sr1" {
		t.Errorf("methods %v", names)
	}
	// Gradient descent must be stable at the start: lr < 2/λ_max(∇²f).
	surf := s.Surface()
	h := make([]float64, 4)
	surf.Hess(h, s.Start)
	var eig mat.EigenSym
	if !eig.Factorize(mat.NewSymDense(2, h), false) {
		t.Fatal("eigendecomposition failed")
	}
	lmax := math.Max(eig.Values(nil)[0], eig.Values(nil)[1])
	if lr := s.Methods[0].Value("lr"); !(lr > 0 && lr < 2/lmax) {
		t.Errorf("gd lr = %v, stable only below 2/λ_max = %v", lr, 2/lmax)
	}
	if d, err := Decode(s.Encode()); err != nil || !d.Equal(s) {
		t.Errorf("default scenario does not round-trip: %v", err)
	}
}

func TestScenarioRuns(t *testing.T) {
	s, err := Decode("v1;s=quadratic:l1=2,l2=8;x=0.01,-0.02;m=gd;m=gd:lr=0.1;n=50;t=1")
	if err != nil {
		t.Fatal(err)
	}
	runs := s.NewRuns()
	if len(runs) != 2 {
		t.Fatalf("%d runs", len(runs))
	}
	q := surfaces.NewQuadratic(2, 8, 30)
	g := make([]float64, 2)
	q.Grad(g, s.Start)
	for i, r := range runs {
		row := r.Row(0)
		if !slices.Equal(row.X, s.Start) || row.F != q.Func(s.Start) || !slices.Equal(row.G, g) {
			t.Errorf("run %d row 0: x %v f %v g %v", i, row.X, row.F, row.G)
		}
		// ‖g‖ ≈ 0.16 ≤ t = 1: converged at the start.
		if !r.Done || row.Events&sim.EventConverged == 0 {
			t.Errorf("run %d: ‖g‖ = %v ≤ tol 1 but not converged", i, row.GNorm)
		}
		// Storage grows with the rows computed, not with the budget.
		if cap(r.Trace) > s.Steps+1 {
			t.Errorf("run %d: trace capacity %d for 1 row", i, cap(r.Trace))
		}
	}
	// The panels' own parameters reach the methods: on the quadratic one
	// fixed step is x₊ = x − lr·Ax.
	s.Tol = 0
	runs = s.NewRuns()
	for i, lr := range []float64{0.001, 0.1} {
		r := runs[i]
		r.Step()
		want := []float64{s.Start[0] - lr*g[0], s.Start[1] - lr*g[1]}
		if !simtest.CloseVec(r.State.X, want, 1e-15) || r.Done {
			t.Errorf("run %d: step to %v, want %v", i, r.State.X, want)
		}
	}
}

// TestScenarioSurfaceCache checks that Surface follows edits of the fields.
func TestScenarioSurfaceCache(t *testing.T) {
	s, err := Decode("v1;s=quadratic;x=1,1;m=gd")
	if err != nil {
		t.Fatal(err)
	}
	x := []float64{0.3, -0.7}
	if got, want := s.Surface().Func(x), surfaces.NewQuadratic(1, 10, 30).Func(x); got != want {
		t.Errorf("f = %v, want %v", got, want)
	}
	c := s.Clone()
	c.SurfaceVals[0] = 4
	if got, want := c.Surface().Func(x), surfaces.NewQuadratic(4, 10, 30).Func(x); got != want {
		t.Errorf("after edit f = %v, want %v", got, want)
	}
	if got, want := s.Surface().Func(x), surfaces.NewQuadratic(1, 10, 30).Func(x); got != want {
		t.Errorf("clone edit leaked: f = %v, want %v", got, want)
	}
	if c.Equal(s) || !s.Equal(s.Clone()) {
		t.Error("Equal ignores the surface values or Clone differs")
	}
}

func TestScenarioValidate(t *testing.T) {
	base, err := Decode("v1;s=quadratic;x=1,1;m=gd")
	if err != nil {
		t.Fatal(err)
	}
	gd := base.Methods[0]
	for _, c := range []struct {
		phrase string
		edit   func(s *Scenario)
	}{
		{"no surface", func(s *Scenario) { s.SurfaceKind = nil }},
		{"takes 3 parameter values", func(s *Scenario) { s.SurfaceVals = s.SurfaceVals[:2] }},
		{"l1=NaN is out of range", func(s *Scenario) { s.SurfaceVals[0] = math.NaN() }},
		{"no method", func(s *Scenario) { s.Methods = nil }},
		{"5 methods given, at most 4", func(s *Scenario) { s.Methods = []sim.Spec{gd, gd, gd, gd, gd} }},
		{"panel 2 has no method", func(s *Scenario) { s.Methods = []sim.Spec{gd, {}} }},
		{"ls=7 is not an index", func(s *Scenario) { s.Methods[0].Values[1] = 7 }},
		{"lr=-1 is out of range", func(s *Scenario) { s.Methods[0].Values[0] = -1 }},
		{"start has 0 coordinates", func(s *Scenario) { s.Start = nil }},
		{"start coordinate NaN", func(s *Scenario) { s.Start[1] = math.NaN() }},
		{"start coordinate +Inf", func(s *Scenario) { s.Start[0] = math.Inf(1) }},
		{"n=0 is out of range [1, 100000]", func(s *Scenario) { s.Steps = 0 }},
		{"n=100001 is out of range", func(s *Scenario) { s.Steps = MaxSteps + 1 }},
		{"t=NaN is out of range [0, 1]", func(s *Scenario) { s.Tol = math.NaN() }},
		{"coordinate NaN", func(s *Scenario) { s.View = &surfaces.Window{XMin: math.NaN(), XMax: 1, YMin: 0, YMax: 1} }},
		{"xmin 1 not below xmax 0", func(s *Scenario) { s.View = &surfaces.Window{XMin: 1, XMax: 0, YMin: 0, YMax: 1} }},
		{"UI flags \"a;b\"", func(s *Scenario) { s.UI = "a;b" }},
	} {
		s := base.Clone()
		c.edit(&s)
		err := s.Validate()
		if err == nil || !strings.Contains(err.Error(), c.phrase) {
			t.Errorf("Validate = %v, want %q", err, c.phrase)
		}
	}
	if err := base.Validate(); err != nil {
		t.Error(err)
	}
}

func FuzzDecode(f *testing.F) {
	for _, c := range scRejects {
		f.Add(c.in)
	}
	for _, c := range scCanonical {
		f.Add(c)
	}
	f.Add(defaultScenarioText)
	f.Fuzz(func(t *testing.T, in string) {
		s, err := Decode(in)
		if err != nil {
			scCheckMessage(t, in, err)
			return
		}
		text := s.Encode()
		if !scFragmentLegal(text) || len(text) > MaxLinkLen {
			t.Fatalf("Decode(%q) encodes to %q", in, text)
		}
		d, err := Decode(text)
		if err != nil {
			t.Fatalf("Decode(%q) accepted, but its encoding %q is rejected: %v", in, text, err)
		}
		if !d.Equal(s) || d.Encode() != text {
			t.Fatalf("Decode(%q): encoding %q decodes to a different scenario %q", in, text, d.Encode())
		}
	})
}

// lineSearchName is the line search a method spec asks for, by name.
func lineSearchName(sp sim.Spec) string {
	for _, p := range sp.Kind.Params {
		if p.Key == "ls" {
			return p.Format(sp.Value("ls"))
		}
	}
	return ""
}

// TestKind: a scenario's kind follows its fields, whichever way they were
// set, and each kind has its name.
func TestKind(t *testing.T) {
	var zero Scenario
	surf := Default()
	net, err := Decode("v1;net=tanh:4;d=circle:n=60;m=gd")
	if err != nil {
		t.Fatal(err)
	}
	back := net.Clone()
	if err := back.SetSurface(surf.SurfaceKind, surf.SurfaceVals); err != nil {
		t.Fatal(err)
	}
	back.Net = nil
	toNet := surf.Clone()
	if err := toNet.SetNetwork(DefaultNetwork()); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		s    Scenario
		want Kind
	}{{"zero", zero, KindSurface}, {"default", surf, KindSurface}, {"decoded network", net, KindNetwork},
		{"network made a surface", back, KindSurface}, {"surface made a network", toNet, KindNetwork}} {
		if got := c.s.Kind(); got != c.want {
			t.Errorf("%s: Kind() = %v, want %v", c.name, got, c.want)
		}
	}
	for k, want := range map[Kind]string{KindSurface: "surface", KindNetwork: "network", 2: "Kind(2)", -1: "Kind(-1)"} {
		if got := k.String(); got != want {
			t.Errorf("Kind(%d).String() = %q, want %q", int(k), got, want)
		}
	}
}
