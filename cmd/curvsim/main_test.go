package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"curvlab/sim"
	"curvlab/sim/scenario"
	"curvlab/sim/surfaces"
)

// call runs the CLI with args and returns its exit status and outputs.
func call(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

// mustRun runs args, which must succeed.
func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errs := call(args...)
	if code != 0 || errs != "" {
		t.Fatalf("%q: status %d, stderr %q", args, code, errs)
	}
	return out
}

func TestBadInput(t *testing.T) {
	q := []string{"run", "--surface", "quadratic"}
	for _, c := range []struct {
		args    []string
		mention string
	}{
		{[]string{"frobnicate"}, `"frobnicate"`},
		{[]string{"list", "extra"}, `"extra"`},
		{[]string{"run", "--bogus"}, "--bogus"},
		{[]string{"compare", "--format", "csv"}, "--format"},
		{[]string{"run", "--surface", "nosuch", "--method", "gd"}, `"nosuch"`},
		{[]string{"run", "--method", "gd"}, "--surface"},
		{q, "--method"},
		{append(q, "--method", "nosuch"), `"nosuch"`},
		{append(q, "--method", "gd:zz=1"), `"zz"`},
		{append(q, "--method", "gd:lr=abc"), `"abc"`},
		{append(q, "--method", "gd:lr=NaN"), `"NaN"`},
		{append(q, "--method", "gd:ls=psychic"), `"psychic"`},
		{append(q, "--param", "zz=1", "--method", "gd"), `"zz"`},
		{append(q, "--param", "l1=0x10", "--method", "gd"), `"0x10"`},
		{append(q, "--param", "l1=1e9", "--method", "gd"), "l1=1e9"},
		{append(q, "--method", "gd", "--start", "1,abc"), `"abc"`},
		{append(q, "--method", "gd", "--start", "1,2,3"), "3 coordinates"},
		{append(q, "--method", "gd", "--start", "1"), "1 coordinate"},
		{append(q, "--method", "gd", "--start", "Inf,1"), "Inf"},
		{append(q, "--method", "gd", "--steps", "0"), "--steps 0"},
		{append(q, "--method", "gd", "--steps", "-5"), "--steps -5"},
		{append(q, "--method", "gd", "--steps", "abc"), `--steps "abc"`},
		{append(q, "--method", "gd", "--steps", "1.5"), "--steps 1.5 must be an integer"},
		{append(q, "--method", "gd", "--steps", "+5"), `--steps "+5" is not a finite decimal number`},
		{append(q, "--method", "gd", "--steps", "08"), `--steps "08"`},
		{append(q, "--method", "gd", "--steps", "1e6"), "--steps 1e6 is out of range [1, 100000]"},
		{append(q, "--method", "gd", "--tol", "+0.5"), `--tol "+0.5"`},
		{append(q, "--method", "gd", "--start", "+1,1"), `"+1"`},
		{[]string{"run", "--scenario", "v1;s=quadratic;x=1,1;m=gd;n=+5"}, `n="+5"`},
		{append(q, "--method", "gd", "--steps", "1000001"), "--steps 1000001"},
		{append(q, "--method", "gd", "--tol", "-1"), "--tol -1"},
		{append(q, "--method", "gd", "--tol", "NaN"), `--tol "NaN"`},
		{append(q, "--method", "gd", "--format", "xml"), `"xml"`},
		{append(q, "--method", "gd", "--start"), "--start"},
		{append(q, "--method", "gd", "stray"), `"stray"`},
		{append(q, "--method", "gd", "--method", "gd", "--method", "gd", "--method", "gd", "--method", "gd"), "5 methods"},
		{[]string{"run", "--scenario", "v1;s=quadratic;x=1,1;m=nosuch"}, `"nosuch"`},
		{[]string{"run", "--scenario", "v2;s=quadratic;x=1,1;m=gd"}, `"v2"`},
		{[]string{"run", "--scenario", "v1;s=quadratic;x=1,1;m=gd", "--surface", "quadratic"}, "--surface"},
		{[]string{"run", "--scenario", "v1;s=quadratic;x=1,1;m=gd", "--steps", "0"}, "--steps 0"},
		{[]string{"compare", "--surface", "quadratic", "--method", "gd", "--steps", "0"}, "--steps 0"},
		{[]string{"compare", "--surface", "quadratic", "--method", "nosuch"}, `"nosuch"`},
		{[]string{"compare", "--surface", "quadratic"}, "--method"},
	} {
		code, out, errs := call(c.args...)
		if code != 2 || out != "" {
			t.Errorf("%q: status %d, stdout %q; want 2 and nothing", c.args, code, out)
		}
		if strings.Count(errs, "\n") != 1 || !strings.HasSuffix(errs, "\n") || !strings.Contains(errs, c.mention) {
			t.Errorf("%q: stderr %q, want one line mentioning %s", c.args, errs, c.mention)
		}
	}
}

func TestUsage(t *testing.T) {
	code, out, errs := call()
	if code != 2 || out != "" || !strings.Contains(errs, "Usage:") {
		t.Errorf("no arguments: status %d, stdout %q, stderr %.40q", code, out, errs)
	}
	for _, args := range [][]string{{"help"}, {"-h"}, {"--help"}, {"run", "-h"}, {"compare", "--help"}} {
		code, out, errs := call(args...)
		if code != 0 || errs != "" || !strings.Contains(out, "Usage:") {
			t.Errorf("%q: status %d, stdout %.40q, stderr %q", args, code, out, errs)
		}
	}
}

// parseCSV splits CSV output into its header and rows.
func parseCSV(t *testing.T, out string) (header string, rows [][]string) {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	for _, l := range lines[1:] {
		rows = append(rows, strings.Split(l, ","))
	}
	return lines[0], rows
}

func num64(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestRunCSV(t *testing.T) {
	out := mustRun(t, "run", "--surface", "rosenbrock", "--param", "b=50", "--start", "-1.2,1", "--method", "gd:lr=0.001", "--steps", "20")
	header, rows := parseCSV(t, out)
	if header != "iter,x1,x2,f,gnorm,step,fevals,gevals,hevals,events,curv_err,epoch,batch_f" {
		t.Errorf("header %q", header)
	}
	if len(rows) != 21 {
		t.Fatalf("%d rows for 20 steps", len(rows))
	}
	surf, err := surfaces.New("rosenbrock", "b=50")
	if err != nil {
		t.Fatal(err)
	}
	x := []float64{-1.2, 1}
	g := make([]float64, 2)
	surf.Grad(g, x)
	r0 := rows[0]
	if r0[0] != "0" || num64(t, r0[1]) != -1.2 || num64(t, r0[2]) != 1 || num64(t, r0[3]) != surf.Func(x) ||
		math.Abs(num64(t, r0[4])-math.Hypot(g[0], g[1])) > 1e-14*math.Hypot(g[0], g[1]) || r0[5] != "0" {
		t.Errorf("row 0 %q, want the start, f = %v, gnorm = %v", r0, surf.Func(x), math.Hypot(g[0], g[1]))
	}
	// Row 1 is one fixed gradient step from the start, of length lr·‖g‖.
	r1 := rows[1]
	want := []float64{x[0] - 0.001*g[0], x[1] - 0.001*g[1]}
	if num64(t, r1[1]) != want[0] || num64(t, r1[2]) != want[1] ||
		math.Abs(num64(t, r1[5])-0.001*math.Hypot(g[0], g[1])) > 1e-15 {
		t.Errorf("row 1 %q, want x = %v", r1, want)
	}
	for i, r := range rows {
		// gd keeps no curvature model; Rosenbrock is no mean over points
		if len(r) != 13 || r[0] != strconv.Itoa(i) || r[10] != "" || r[11] != "" || r[12] != "" {
			t.Errorf("row %d: %q", i, r)
		}
	}
	// The default start is the surface's suggested start.
	def := mustRun(t, "run", "--surface", "rosenbrock", "--param", "b=50", "--method", "gd:lr=0.001", "--steps", "20")
	if def != out {
		t.Error("default start differs from the surface's Start")
	}
}

func TestRunConvergesAndDiverges(t *testing.T) {
	// Newton reaches the minimizer of a positive definite quadratic in one
	// step, so the run stops there with converged.
	_, rows := parseCSV(t, mustRun(t, "run", "--surface", "quadratic", "--start", "1.5,-2", "--method", "newton"))
	last := rows[len(rows)-1]
	if len(rows) != 2 || last[9] != "converged" || num64(t, last[4]) > 1e-8 {
		t.Errorf("newton: %d rows, last %q", len(rows), last)
	}
	// Fixed-step GD with lr = 0.5 > 2/λ_max = 0.2 on the bowl with
	// eigenvalue 10 multiplies the error by |1 − 5| = 4 per step, so it
	// leaves the bound 1e10 within about 17 steps.
	_, rows = parseCSV(t, mustRun(t, "run", "--surface", "quadratic", "--method", "gd:lr=0.5", "--steps", "100"))
	last = rows[len(rows)-1]
	if last[9] != "diverged" || len(rows) > 30 {
		t.Errorf("gd: %d rows, last %q", len(rows), last)
	}
	for _, r := range rows[:len(rows)-1] {
		if r[9] != "" {
			t.Errorf("event before the end: %q", r)
		}
	}
}

type jsonOut struct {
	Scenario string `json:"scenario"`
	Surface  string `json:"surface"`
	Panels   []struct {
		Method string        `json:"method"`
		Steps  []jsonStepOut `json:"steps"`
	} `json:"panels"`
}

// jsonPanel is one panel's steps, with the surface it ran on.
type jsonPanel struct {
	surface, Method string
	Steps           []jsonStepOut
}

type jsonStepOut struct {
	Iter   int        `json:"iter"`
	X      []*float64 `json:"x"`
	F      *float64   `json:"f"`
	G      []*float64 `json:"g"`
	GNorm  *float64   `json:"gnorm"`
	Step   *float64   `json:"step"`
	Alpha  *float64   `json:"alpha"`
	Trials []struct {
		X []*float64 `json:"x"`
		F *float64   `json:"f"`
	} `json:"trials"`
	Curv     [][]*float64 `json:"curv"`
	CurvKind string       `json:"curv_kind"`
	CurvErr  *float64     `json:"curv_err"`
	Radius   *float64     `json:"radius"`
	D        []*float64   `json:"d"`
	P        []*float64   `json:"p"`
	Pred     *float64     `json:"pred"`
	Rho      *float64     `json:"rho"`
	FEvals   int          `json:"fevals"`
	GEvals   int          `json:"gevals"`
	HEvals   int          `json:"hevals"`
	Events   []string     `json:"events"`
	Epoch    *float64     `json:"epoch"`
	BatchF   *float64     `json:"batch_f"`
}

// curvErrByHand is ‖B − H‖_F/‖H‖_F of step s on Rosenbrock (a = 1,
// b = 100), H = [[1200x² − 400y + 2, −400x], [−400x, 200]], B its curv (the
// inverse of it for curv_kind H, by the adjugate); nil without a model.
func curvErrByHand(t *testing.T, s jsonStepOut) *float64 {
	t.Helper()
	if s.CurvKind == "none" || s.Curv == nil {
		return nil
	}
	x, y := *s.X[0], *s.X[1]
	h := [4]float64{1200*x*x - 400*y + 2, -400 * x, -400 * x, 200}
	b := [4]float64{*s.Curv[0][0], *s.Curv[0][1], *s.Curv[1][0], *s.Curv[1][1]}
	if s.CurvKind == "H" {
		det := b[0]*b[3] - b[1]*b[2]
		b = [4]float64{b[3] / det, -b[1] / det, -b[2] / det, b[0] / det}
	}
	var d, n float64
	for i := range h {
		d += (b[i] - h[i]) * (b[i] - h[i])
		n += h[i] * h[i]
	}
	e := math.Sqrt(d / n)
	return &e
}

func TestRunJSONMatchesCSV(t *testing.T) {
	args := []string{"run", "--surface", "rosenbrock", "--start", "-1.2,1",
		"--method", "gd:lr=0.001", "--method", "newton", "--method", "bfgs", "--steps", "60"}
	csv := mustRun(t, args...)
	raw := mustRun(t, append(args, "--format", "json")...)
	var o jsonOut
	dec := json.NewDecoder(strings.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&o); err != nil {
		t.Fatal(err)
	}
	if o.Surface != "rosenbrock" || len(o.Panels) != 3 || o.Panels[0].Method != "gd" || o.Panels[2].Method != "bfgs" {
		t.Fatalf("surface %q, %d panels", o.Surface, len(o.Panels))
	}
	if _, err := scenario.Decode(o.Scenario); err != nil {
		t.Errorf("scenario %q: %v", o.Scenario, err)
	}
	header, rows := parseCSV(t, csv)
	if header != "panel,iter,x1,x2,f,gnorm,step,fevals,gevals,hevals,events,curv_err,epoch,batch_f" {
		t.Errorf("header %q", header)
	}
	i := 0
	for p, panel := range o.Panels {
		for _, s := range panel.Steps {
			if i >= len(rows) {
				t.Fatal("JSON has more rows than CSV")
			}
			r := rows[i]
			i++
			vals := []*float64{s.X[0], s.X[1], s.F, s.GNorm, s.Step}
			for k, v := range vals {
				if v == nil || *v != num64(t, r[2+k]) {
					t.Errorf("panel %d iter %d column %d: JSON %v, CSV %s", p+1, s.Iter, 2+k, v, r[2+k])
				}
			}
			ints := []int{p + 1, s.Iter, s.FEvals, s.GEvals, s.HEvals}
			for k, c := range []int{0, 1, 7, 8, 9} {
				if strconv.Itoa(ints[k]) != r[c] {
					t.Errorf("panel %d iter %d column %d: JSON %d, CSV %s", p+1, s.Iter, c, ints[k], r[c])
				}
			}
			if strings.Join(s.Events, ";") != r[10] {
				t.Errorf("events %q vs %q", s.Events, r[10])
			}
			// curv_err: the model against Rosenbrock's Hessian at x, worked
			// out here (a 2×2 inverse by its adjugate), the same in both.
			if want := curvErrByHand(t, s); (want == nil) != (r[11] == "") || want != nil && math.Abs(num64(t, r[11])-*want) > 1e-9**want ||
				(s.CurvErr == nil) != (want == nil) || s.CurvErr != nil && num64(t, r[11]) != *s.CurvErr {
				t.Errorf("%s iter %d: curv_err CSV %q, JSON %v, by hand %v", panel.Method, s.Iter, r[11], s.CurvErr, want)
			}
			// gnorm is the norm of g; curv is a 2×2 matrix whose kind
			// matches the method.
			if g := math.Hypot(*s.G[0], *s.G[1]); math.Abs(g-*s.GNorm) > 1e-12*g {
				t.Errorf("gnorm %v, |g| %v", *s.GNorm, g)
			}
			wantKind := map[string]string{"gd": "none", "newton": "hessian", "bfgs": "H"}[panel.Method]
			if s.CurvKind != wantKind || (s.Curv == nil) != (wantKind == "none") || (s.Curv != nil && (len(s.Curv) != 2 || len(s.Curv[1]) != 2)) {
				t.Errorf("%s iter %d: curv_kind %q curv %v", panel.Method, s.Iter, s.CurvKind, s.Curv)
			}
			for _, tr := range s.Trials {
				if len(tr.X) != 2 || tr.F == nil {
					t.Errorf("trial %v", tr)
				}
			}
		}
	}
	if i != len(rows) {
		t.Errorf("JSON %d rows, CSV %d", i, len(rows))
	}
}

func TestScenarioEqualsFlags(t *testing.T) {
	text := "v1;s=quadratic:l1=2,angle=10;x=1,-1;m=gd:lr=0.05,ls=armijo;m=newton;n=30;t=1e-6"
	flags := mustRun(t, "run", "--surface", "quadratic", "--param", "l1=2", "--param", "angle=10", "--start", "1,-1",
		"--method", "gd:lr=0.05,ls=armijo", "--method", "newton", "--steps", "30", "--tol", "1e-6")
	scen := mustRun(t, "run", "--scenario", text)
	if flags != scen {
		t.Error("--scenario and the equivalent flags give different rows")
	}
	// --steps and --tol override the scenario's.
	a := mustRun(t, "run", "--scenario", "#"+text, "--steps", "5", "--tol", "0", "--format", "json")
	var o jsonOut
	if err := json.Unmarshal([]byte(a), &o); err != nil {
		t.Fatal(err)
	}
	if len(o.Panels[0].Steps) != 6 || !strings.Contains(o.Scenario, ";n=5;t=0") {
		t.Errorf("%d rows, scenario %q", len(o.Panels[0].Steps), o.Scenario)
	}
}

// TestFormula: a typed Rosenbrock runs gradient descent through the same
// iterates, bit for bit, as the library's (its gradient rounds alike; f
// may differ in the last bit: the library computes 100·(y − x²)² as
// (100·v)·v), and its --scenario link gives the same rows; a formula defaults to start
// (−2, 2); a bad formula is one line on stderr and status 2.
func TestFormula(t *testing.T) {
	typed := mustRun(t, "run", "--formula", "(1 - x)^2 + 100*(y - x^2)^2", "--start", "-1.2,1", "--method", "gd:lr=0.001", "--steps", "300")
	lib := mustRun(t, "run", "--surface", "rosenbrock", "--start", "-1.2,1", "--method", "gd:lr=0.001", "--steps", "300")
	_, tr := parseCSV(t, typed)
	_, lr := parseCSV(t, lib)
	if len(tr) != 301 || len(lr) != 301 {
		t.Fatalf("%d and %d rows, want 301", len(tr), len(lr))
	}
	for i := range tr {
		if tr[i][1] != lr[i][1] || tr[i][2] != lr[i][2] || math.Abs(num64(t, tr[i][3])-num64(t, lr[i][3])) > 1e-15*num64(t, lr[i][3]) {
			t.Fatalf("row %d: typed %v, library %v", i, tr[i][:4], lr[i][:4])
		}
	}
	js := mustRun(t, "run", "--formula", "x^2 + 3*y^2", "--method", "newton", "--format", "json")
	var o jsonOut
	if err := json.Unmarshal([]byte(js), &o); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(o.Scenario, "v1;f=x%5E2%20+%203*y%5E2;x=-2,2;m=newton") || o.Surface != "formula:x^2 + 3*y^2" || len(o.Panels[0].Steps) != 2 {
		t.Errorf("scenario %q, surface %q, %d rows", o.Scenario, o.Surface, len(o.Panels[0].Steps))
	}
	if scen := mustRun(t, "run", "--scenario", o.Scenario, "--format", "json"); scen != js {
		t.Error("the formula's link gives other rows than its flags")
	}
	// parameters: f = 2x² + 0.5y² from (−2, 2) is 10, and Newton lands on 0
	js = mustRun(t, "run", "--formula", "a*x^2 + b*y^2", "--param", "a=2", "--param", "b=0.5", "--method", "newton", "--format", "json")
	if err := json.Unmarshal([]byte(js), &o); err != nil {
		t.Fatal(err)
	}
	if st := o.Panels[0].Steps; !strings.Contains(o.Scenario, "*y%5E2:a=2,b=0.5;") || o.Surface != "formula:a*x^2 + b*y^2:a=2,b=0.5" ||
		len(st) != 2 || *st[0].F != 10 || *st[1].F != 0 {
		t.Errorf("with parameters: scenario %q, surface %q, rows %d", o.Scenario, o.Surface, len(st))
	}
	if scen := mustRun(t, "run", "--scenario", o.Scenario, "--format", "json"); scen != js {
		t.Error("the link of a formula with parameters gives other rows than its flags")
	}
	cmp := mustRun(t, "compare", "--formula", "x^2 + 3*y^2", "--method", "gd:lr=0.1", "--method", "newton")
	if strings.Count(cmp, "converged") != 2 {
		t.Errorf("compare: %s", cmp)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"run", "--formula", "sinn(x)", "--method", "gd"}, "curvsim run: --formula: unknown function 'sinn' at column 1\n"},
		{[]string{"run", "--formula", "", "--method", "gd"}, "curvsim run: --formula: the formula is empty\n"},
		{[]string{"run", "--formula", strings.Repeat("(", 5000) + "x" + strings.Repeat(")", 5000), "--method", "gd"}, "curvsim run: --formula: the formula is 10001 characters long; at most 1000 are allowed\n"},
		{[]string{"run", "--formula", "x", "--surface", "booth", "--method", "gd"}, "curvsim run: --formula gives the surface: it cannot be combined with --surface\n"},
		{[]string{"run", "--formula", "a*x", "--param", "a=20", "--method", "gd"}, "curvsim run: --param: formula: a=20 is out of range [-10, 10]\n"},
		{[]string{"compare", "--formula", "x y", "--method", "gd"}, "curvsim compare: --formula: missing operator between \"x\" and \"y\" (write x*y) at column 3\n"},
	} {
		code, out, errs := call(c.args...)
		if code != 2 || out != "" || errs != c.want {
			t.Errorf("%.60q: status %d, stdout %q, stderr %q; want 2 and %q", c.args, code, out, errs, c.want)
		}
	}
}

func TestCompare(t *testing.T) {
	methods := []string{"gd:lr=0.5", "gd:lr=0.05", "newton", "sr1", "bfgs"}
	args := []string{"compare", "--surface", "quadratic", "--start", "1,1"}
	for _, m := range methods {
		args = append(args, "--method", m)
	}
	out := mustRun(t, args...)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != len(methods)+1 {
		t.Fatalf("%d lines:\n%s", len(lines), out)
	}
	if h := strings.Fields(lines[0]); strings.Join(h, " ") != "method result iters fevals gevals hevals x1 x2 f gnorm" {
		t.Errorf("header %q", lines[0])
	}
	want := map[string]string{"gd:lr=0.5": "diverged", "newton": "converged", "gd:lr=0.05": "converged"}
	for i, m := range methods {
		f := strings.Fields(lines[i+1])
		if f[0] != m {
			t.Errorf("row %d is %q, want method %s", i+1, lines[i+1], m)
		}
		if w, ok := want[m]; ok && f[1] != w {
			t.Errorf("%s: %s, want %s", m, f[1], w)
		}
	}
	// Columns are aligned: the result column starts at the same offset.
	off := strings.Index(lines[0], "result")
	for _, l := range lines[1:] {
		if l[off-1] != ' ' || l[off] == ' ' {
			t.Errorf("misaligned row %q", l)
		}
	}
	// Newton: one step, so one iteration.
	f := strings.Fields(lines[3])
	if f[2] != "1" {
		t.Errorf("newton took %s iterations", f[2])
	}
}

func TestList(t *testing.T) {
	out := mustRun(t, "list")
	for _, k := range surfaces.Kinds() {
		if !strings.Contains(out, "\n"+k.Name+"\n    "+k.Desc+"\n") {
			t.Errorf("surface %s missing", k.Name)
		}
		for _, p := range k.Params {
			if !strings.Contains(out, p.Key+"="+p.Format(p.Default)+", ") {
				t.Errorf("surface %s: parameter %s missing", k.Name, p.Key)
			}
		}
	}
	for _, k := range sim.MethodKinds() {
		if !strings.Contains(out, "\n"+k.Name+"\n    "+k.Desc+"\n") || !strings.Contains(out, k.Rule) {
			t.Errorf("method %s missing", k.Name)
		}
		for _, p := range k.Params {
			if !strings.Contains(out, p.Key+"="+p.Format(p.Default)+", ") {
				t.Errorf("method %s: parameter %s missing", k.Name, p.Key)
			}
		}
	}
}

type failWriter struct{}

func (failWriter) Write(p []byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteError(t *testing.T) {
	for _, format := range []string{"csv", "json"} {
		var errb bytes.Buffer
		code := run([]string{"run", "--surface", "quadratic", "--method", "gd", "--format", format}, failWriter{}, &errb)
		if code != 1 || strings.Count(errb.String(), "\n") != 1 || !strings.Contains(errb.String(), "disk full") {
			t.Errorf("%s: status %d, stderr %q", format, code, errb.String())
		}
	}
}

// TestRunPreset: --preset runs exactly the preset's scenario, and is
// listed; an unknown one is bad input.
func TestRunPreset(t *testing.T) {
	for _, p := range scenario.Lessons() {
		code, a, errText := call("run", "--preset", p.Name, "--format", "json", "--steps", "5")
		if code != 0 {
			t.Fatalf("--preset %s: exit %d: %s", p.Name, code, errText)
		}
		final, err := p.Final()
		if err != nil {
			t.Fatal(err)
		}
		code, b, _ := call("run", "--scenario", final.Encode(), "--format", "json", "--steps", "5")
		if code != 0 || a != b {
			t.Errorf("--preset %s differs from --scenario of its link", p.Name)
		}
	}
	if code, out, errText := call("run", "--preset", "nope"); code != 2 || out != "" || !strings.Contains(errText, "unknown lesson") {
		t.Errorf("unknown preset: exit %d, stdout %q, stderr %q", code, out, errText)
	}
	_, list, _ := call("list")
	for _, p := range scenario.Lessons() {
		if !strings.Contains(list, "\n"+p.Name+"\n") {
			t.Errorf("list does not show preset %s", p.Name)
		}
	}
}

// TestNumbersShareOneGrammar: a number the grammar accepts means the same in
// a flag and in a link (1e2 steps is 100 steps both ways, as is 100.0), and
// the CSV of each is that of the plain integer.
func TestNumbersShareOneGrammar(t *testing.T) {
	want := mustRun(t, "run", "--surface", "quadratic", "--method", "gd:lr=0.1", "--steps", "100", "--tol", "0")
	for _, args := range [][]string{
		{"run", "--surface", "quadratic", "--method", "gd:lr=0.1", "--steps", "1e2", "--tol", "0"},
		{"run", "--surface", "quadratic", "--method", "gd:lr=0.1", "--steps", "100.0", "--tol", "0e5"},
		{"run", "--scenario", "v1;s=quadratic;x=-1.5,1;m=gd:lr=0.1;n=1e2;t=0"},
		{"run", "--scenario", "v1;s=quadratic;x=-1.5,1;m=gd:lr=1e-1;n=100.0;t=-0"},
	} {
		if got := mustRun(t, args...); got != want {
			t.Errorf("%q: output differs from --steps 100 --tol 0", args)
		}
	}
}

// TestJSONStepsExplain: what the JSON trace says about each step follows
// from the trace itself. For a trust region (and newton-lm's gain ratio),
// ρ = (f(x_{k−1}) − f(x_{k−1} + p))/pred with the tried point x_{k−1} + p
// among the trials, and (where the model is the recorded matrix B of the
// row before) pred = −(gᵀp + ½pᵀBp); for a line search, x_k = x_{k−1} + α·d
// and d is a descent direction.
func TestJSONStepsExplain(t *testing.T) {
	val := func(p *float64) float64 {
		if p == nil {
			return math.NaN()
		}
		return *p
	}
	vec := func(v []*float64) []float64 {
		r := make([]float64, len(v))
		for i, p := range v {
			r[i] = val(p)
		}
		return r
	}
	close := func(a, b, tol float64) bool {
		return math.Abs(a-b) <= tol*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
	}
	trSteps, lsSteps := 0, 0
	var panels []jsonPanel
	for _, surface := range []string{"rosenbrock", "himmelblau", "saddle", "goldstein-price"} {
		for _, methods := range [][]string{{"tr-dogleg", "tr-cg", "sr1-tr", "newton-lm"}, {"bfgs", "newton", "gd:ls=armijo,lr=1", "sr1:ls=wolfe"}} {
			var o jsonOut
			args := []string{"run", "--surface", surface, "--steps", "40", "--format", "json"}
			for _, m := range methods {
				args = append(args, "--method", m)
			}
			if err := json.Unmarshal([]byte(mustRun(t, args...)), &o); err != nil {
				t.Fatal(err)
			}
			for _, p := range o.Panels {
				panels = append(panels, jsonPanel{surface, p.Method, p.Steps})
			}
		}
	}
	for _, panel := range panels {
		surface := panel.surface
		{
			for k := 1; k < len(panel.Steps); k++ {
				prev, s := &panel.Steps[k-1], &panel.Steps[k]
				where := fmt.Sprintf("%s, %s, step %d", surface, panel.Method, k)
				x0, g0, x := vec(prev.X), vec(prev.G), vec(s.X)
				if s.P != nil {
					trSteps++
					p := vec(s.P)
					if s.D != nil {
						t.Errorf("%s: both d and p", where)
					}
					if s.Rho == nil { // nothing tried: p = 0 or no predicted decrease
						continue
					}
					if len(s.Trials) != 1 || !close(val(s.Trials[0].X[0]), x0[0]+p[0], 1e-15) || !close(val(s.Trials[0].X[1]), x0[1]+p[1], 1e-15) {
						t.Errorf("%s: the trial is not x + p", where)
						continue
					}
					actual := val(prev.F) - val(s.Trials[0].F)
					if !close(val(s.Rho), actual/val(s.Pred), 1e-12) {
						t.Errorf("%s: ρ = %v, actual/predicted = %v/%v", where, val(s.Rho), actual, val(s.Pred))
					}
					if !strings.HasPrefix(panel.Method, "newton-lm") {
						b := prev.Curv
						bp := []float64{val(b[0][0])*p[0] + val(b[0][1])*p[1], val(b[1][0])*p[0] + val(b[1][1])*p[1]}
						pred := -(g0[0]*p[0] + g0[1]*p[1] + 0.5*(p[0]*bp[0]+p[1]*bp[1]))
						if !close(val(s.Pred), pred, 1e-12) {
							t.Errorf("%s: pred = %v, −(gᵀp + ½pᵀBp) = %v", where, val(s.Pred), pred)
						}
					}
					continue
				}
				if s.D == nil {
					t.Errorf("%s: neither d nor p", where)
					continue
				}
				d := vec(s.D)
				if val(s.Step) == 0 {
					continue // rejected: the iterate stayed
				}
				lsSteps++
				a := val(s.Alpha)
				if !close(x[0], x0[0]+a*d[0], 1e-14) || !close(x[1], x0[1]+a*d[1], 1e-14) {
					t.Errorf("%s: x = %v, x₋ + α·d = %v", where, x, []float64{x0[0] + a*d[0], x0[1] + a*d[1]})
				}
				if panel.Method != "newton-sf" && !(g0[0]*d[0]+g0[1]*d[1] < 0) {
					t.Errorf("%s: gᵀd = %v ≥ 0 with a line search", where, g0[0]*d[0]+g0[1]*d[1])
				}
			}
		}
	}
	if trSteps < 50 || lsSteps < 50 {
		t.Errorf("only %d trust-region and %d line-search steps checked", trSteps, lsSteps)
	}
}

// TestValleyBroydenRow1: the fault campaign's command
//
//	curvsim run --surface valley --start 0.6926800614517674,2.752588221941199 --method broyden --steps 500
//
// had gnorm +Inf in row 1, whose gradient components are finite (‖g‖ ≈
// 3.6e164: the sum of squares overflowed), and no diverged event until row
// 2. Now row 1's gnorm is ‖g‖ (math.Hypot of the JSON's g), and a row whose
// ‖g‖ is not finite is a diverged row.
func TestValleyBroydenRow1(t *testing.T) {
	args := []string{"run", "--surface", "valley", "--start", "0.6926800614517674,2.752588221941199", "--method", "broyden", "--steps", "500"}
	_, rows := parseCSV(t, mustRun(t, args...))
	if len(rows) < 2 || rows[1][4] == "+Inf" || strings.Contains(rows[1][9], "diverged") {
		t.Fatalf("row 1: %v", rows[1])
	}
	var o jsonOut
	if err := json.Unmarshal([]byte(mustRun(t, append(args, "--format", "json")...)), &o); err != nil {
		t.Fatal(err)
	}
	steps := o.Panels[0].Steps
	s1 := steps[1]
	if want := math.Hypot(*s1.G[0], *s1.G[1]); s1.GNorm == nil || *s1.GNorm != want && math.Abs(*s1.GNorm-want) > 2e-16*want {
		t.Errorf("row 1: gnorm %v, ‖g‖ = %v", s1.GNorm, want)
	}
	if num64(t, rows[1][4]) != *s1.GNorm {
		t.Errorf("row 1: CSV gnorm %s, JSON %v", rows[1][4], *s1.GNorm)
	}
	for _, s := range steps {
		if s.GNorm == nil && !slices.Contains(s.Events, "diverged") {
			t.Errorf("row %d: ‖g‖ is not finite, events %v", s.Iter, s.Events)
		}
	}
	if last := steps[len(steps)-1]; !slices.Contains(last.Events, "diverged") {
		t.Errorf("the run ends at row %d without diverging: %v", last.Iter, last.Events)
	}
}

// TestBasinsCSV: curvsim basins prints a row per cell of the grid, from
// the top left, at the cells' centres over the surface's view; a cell's
// minimum and iterations are those of curvsim run from its start (its
// last iterate next to the minimum named, 1-based as curvsim list lists
// them); bad flags are one line, status 2.
func TestBasinsCSV(t *testing.T) {
	out := mustRun(t, "basins", "--surface", "himmelblau", "--method", "newton:ls=none,mod=none", "--grid", "8", "--steps", "50")
	header, rows := parseCSV(t, out)
	if header != "x1,x2,minimum,iterations" || len(rows) != 64 {
		t.Fatalf("header %q, %d rows", header, len(rows))
	}
	h, _ := surfaces.New("himmelblau", "")
	w, ms := h.View(), h.Minima()
	for k, r := range rows {
		i, j := k%8, k/8
		x, y := num64(t, r[0]), num64(t, r[1])
		if wx, wy := w.XMin+(float64(i)+0.5)*(w.XMax-w.XMin)/8, w.YMax-(float64(j)+0.5)*(w.YMax-w.YMin)/8; x != wx || y != wy {
			t.Fatalf("row %d starts at (%v, %v), want the cell's centre (%v, %v)", k, x, y, wx, wy)
		}
		code, _ := strconv.Atoi(r[2])
		iters, _ := strconv.Atoi(r[3])
		if k%9 != 0 {
			continue // curvsim run for a few of them
		}
		_, run := parseCSV(t, mustRun(t, "run", "--surface", "himmelblau", "--start", r[0]+","+r[1], "--method", "newton:ls=none,mod=none", "--steps", "50"))
		last := run[len(run)-1]
		lx, ly := num64(t, last[1]), num64(t, last[2])
		if n, _ := strconv.Atoi(last[0]); n != iters {
			t.Errorf("row %d: %d iterations, curvsim run took %d", k, iters, n)
		}
		switch {
		case code > 0:
			if m := ms[code-1]; math.Hypot(lx-m.X, ly-m.Y) > 1e-3 {
				t.Errorf("row %d: minimum %d at (%v, %v), the run ends at (%v, %v)", k, code, m.X, m.Y, lx, ly)
			}
		case code == 0:
			for _, m := range ms {
				if math.Hypot(lx-m.X, ly-m.Y) < 1e-3 && strings.Contains(last[9], "converged") {
					t.Errorf("row %d: none of the minima, but the run converged at (%v, %v)", k, lx, ly)
				}
			}
		}
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"basins", "--surface", "himmelblau", "--method", "newton", "--grid", "2000"}, "the grid is 2000 starts a side, want 2 to 1024"},
		{[]string{"basins", "--surface", "himmelblau", "--method", "newton", "--grid", "x"}, `--grid "x" is not a whole number`},
		{[]string{"basins", "--surface", "himmelblau"}, "--method is required, once"},
		{[]string{"basins", "--surface", "himmelblau", "--method", "newton", "--tol", "0"}, "the tolerance 0 must be in (0, 1]"},
		{[]string{"basins", "--surface", "nope", "--method", "newton"}, "unknown surface"},
		{[]string{"basins", "--surface", "himmelblau", "--method", "newton", "--steps", "0"}, "0 steps a start, want 1 to 10000"},
	} {
		code, stdout, errs := call(c.args...)
		if code != 2 || stdout != "" || !strings.Contains(errs, c.want) || strings.Count(errs, "\n") != 1 {
			t.Errorf("%q: status %d, stderr %q, want 2 and %q", c.args, code, errs, c.want)
		}
	}
}

// TestSweepCSV: curvsim sweep prints a row per value, in order from --from
// to --to, each row the end of curvsim run with that value (f, iterations,
// diverged); on the quadratic bowl (λ_max = 10) gradient descent converges
// below 2/λ_max = 0.2 and diverges above; a network's rows have its
// losses and sharpness; bad sweeps are one line, status 2.
func TestSweepCSV(t *testing.T) {
	header, rows := parseCSV(t, mustRun(t, "sweep", "--surface", "quadratic", "--start", "1,1", "--method", "gd", "--param", "lr", "--from", "0.1", "--to", "0.3", "--n", "5"))
	if header != "value,final_f,iterations,diverged" || len(rows) != 5 {
		t.Fatalf("header %q, %d rows", header, len(rows))
	}
	for i, r := range rows {
		lr := num64(t, r[0])
		if want := 0.1 + 0.05*float64(i); math.Abs(lr-want) > 1e-15 {
			t.Errorf("row %d: lr %v, want %v", i, lr, want)
		}
		_, run := parseCSV(t, mustRun(t, "run", "--surface", "quadratic", "--start", "1,1", "--method", "gd:lr="+r[0], "--steps", "500"))
		last := run[len(run)-1]
		if last[3] != r[1] || last[0] != r[2] || strings.Contains(last[9], "diverged") != (r[3] == "true") {
			t.Errorf("lr %s: sweep %v, curvsim run ends %v", r[0], r, last)
		}
		if lr < 0.199 && (r[3] == "true" || !strings.Contains(last[9], "converged")) || lr > 0.201 && r[3] != "true" {
			t.Errorf("lr %v against 2/λmax = 0.2: diverged %s, events %q", lr, r[3], last[9])
		}
	}
	header, rows = parseCSV(t, mustRun(t, "sweep", "--network", "tanh:4", "--dataset", "circle:n=60", "--method", "gd", "--param", "lr", "--from", "0.01", "--to", "1", "--n", "3", "--log", "--steps", "20"))
	if header != "value,loss,test_loss,sharpness,diverged" || len(rows) != 3 || rows[1][0] != "0.1" {
		t.Fatalf("network: header %q, rows %v", header, rows)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"sweep", "--surface", "quadratic", "--method", "gd", "--param", "beta", "--from", "0", "--to", "1"}, `method gd has no parameter "beta"`},
		{[]string{"sweep", "--surface", "quadratic", "--method", "gd", "--param", "lr", "--from", "0.3", "--to", "0.1"}, "reversed"},
		{[]string{"sweep", "--surface", "quadratic", "--method", "gd", "--param", "lr", "--from", "0", "--to", "0.1", "--log"}, "a log sweep needs both ends above 0"},
		{[]string{"sweep", "--surface", "quadratic", "--method", "gd", "--param", "lr", "--from", "0.1", "--to", "0.2", "--n", "500"}, "500 values, want 2 to 200"},
		{[]string{"sweep", "--surface", "quadratic", "--method", "gd", "--from", "0.1", "--to", "0.2"}, "--param is required"},
		{[]string{"sweep", "--surface", "quadratic", "--method", "gd", "--param", "lr", "--from", "x", "--to", "0.2"}, "--from:"},
	} {
		code, stdout, errs := call(c.args...)
		if code != 2 || stdout != "" || !strings.Contains(errs, c.want) || strings.Count(errs, "\n") != 1 {
			t.Errorf("%q: status %d, stderr %q, want 2 and %q", c.args, code, errs, c.want)
		}
	}
}
