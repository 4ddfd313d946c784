package main

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"

	"curvlab/sim/nn"
)

func TestNetworkBadInput(t *testing.T) {
	r := []string{"run", "--method", "gd"}
	for _, c := range []struct {
		args    []string
		mention string
	}{
		{append(r, "--network", "tanh:9"), "layer width 9 is out of range"},
		{append(r, "--network", "tanh:08"), `layer width "08"`},
		{append(r, "--network", "tanh:+5"), `layer width "+5"`},
		{append(r, "--network", "tanh"), "hidden layer widths"},
		{append(r, "--network", "tanh:8,8,8,8"), "hidden layer widths"},
		{append(r, "--network", "swish:8"), `"swish"`},
		{append(r, "--network", "tanh:8,loss=hinge"), `"hinge"`},
		{append(r, "--network", "tanh:8,zz=1"), `"zz"`},
		{append(r, "--network", "tanh:8", "--dataset", "moons"), `"moons"`},
		{append(r, "--network", "tanh:8", "--dataset", "circle:n=2"), "n=2"},
		{append(r, "--network", "tanh:8", "--dataset", "circle:noise=-1"), "noise=-1"},
		{append(r, "--dataset", "circle"), "--network"},
		{append(r, "--network", "tanh:8", "--surface", "quadratic"), "--surface"},
		{append(r, "--network", "tanh:8", "--start", "1,2"), "--start"},
		{[]string{"run", "--network", "tanh:8"}, "--method"},
		{[]string{"run", "--preset", "edge-of-stability", "--network", "tanh:8"}, "--network"},
		{[]string{"run", "--scenario", "v1;net=tanh:9;m=gd"}, "layer width 9"},
		{[]string{"compare", "--network", "relu:0", "--method", "gd"}, "layer width 0"},
	} {
		code, out, errs := call(c.args...)
		if code != 2 || out != "" {
			t.Errorf("%q: status %d, stdout %q; want 2 and nothing", c.args, code, out)
		}
		if strings.Count(errs, "\n") != 1 || !strings.Contains(errs, c.mention) {
			t.Errorf("%q: stderr %q, want one line mentioning %s", c.args, errs, c.mention)
		}
	}
}

// TestNetworkRunCSV checks the columns of a network run against nn
// computed here: the training and test loss of the seeded network on the
// generated data, and the sharpness against gonum's dense eigenvalues.
func TestNetworkRunCSV(t *testing.T) {
	out := mustRun(t, "run", "--network", "tanh:4,3", "--dataset", "xor:n=40,seed=2", "--method", "gd:lr=0.2", "--steps", "6")
	header, rows := parseCSV(t, out)
	if header != "iter,loss,test_loss,gnorm,step,sharpness,lr,fevals,gevals,hevals,events,epoch,batch_loss,lr_now,stability,sharpness_pre" {
		t.Fatalf("header %q", header)
	}
	if len(rows) != 7 {
		t.Fatalf("%d rows, want 7 (start and 6 steps)", len(rows))
	}
	arch := nn.Arch{Hidden: []int{4, 3}, Act: nn.Tanh, Loss: nn.MSE}
	train, test, err := nn.Generate("xor", 40, 0.1, 2)
	if err != nil {
		t.Fatal(err)
	}
	m, _ := nn.NewMLP(arch, &train)
	mt, _ := nn.NewMLP(arch, &test)
	n := m.Dim()
	x := make([]float64, n)
	m.Init(x, 1)
	g, h := make([]float64, n), make([]float64, n*n)
	for k, row := range rows {
		if got := num64(t, row[0]); got != float64(k) {
			t.Fatalf("row %d has iter %v", k, got)
		}
		// Plain gradient descent, replayed here.
		if f := m.Func(x); num64(t, row[1]) != f {
			t.Errorf("row %d: loss %s, want %v", k, row[1], f)
		}
		if f := mt.Func(x); num64(t, row[2]) != f {
			t.Errorf("row %d: test_loss %s, want %v", k, row[2], f)
		}
		m.Hess(h, x)
		var es mat.EigenSym
		es.Factorize(mat.NewSymDense(n, append([]float64(nil), h...)), false)
		ev := es.Values(nil)
		if top, got := ev[len(ev)-1], num64(t, row[5]); math.Abs(got-top) > 1e-6*math.Abs(top) {
			t.Errorf("row %d: sharpness %v, dense λ_max %v", k, got, top)
		}
		if lr := num64(t, row[6]); lr != 0.2 {
			t.Errorf("row %d: lr %v, want 0.2", k, lr)
		}
		m.Grad(g, x)
		for i := range x {
			x[i] -= 0.2 * g[i]
		}
	}
}

func TestNetworkJSONAndCompare(t *testing.T) {
	args := []string{"--network", "relu:5,loss=ce", "--dataset", "gaussians:n=60", "--method", "bfgs", "--method", "gd:lr=0.5"}
	out := mustRun(t, append([]string{"run", "--format", "json", "--steps", "20"}, args...)...)
	var doc struct {
		Scenario string
		Network  string
		Dataset  string
		Params   int
		Panels   []struct {
			Method string
			Steps  []map[string]any
			Final  struct {
				X                                []float64
				Loss, TestLoss, Sharpness, Trace float64
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Network != "relu:5,loss=ce" || doc.Dataset != "gaussians:n=60" || doc.Params != 21 || len(doc.Panels) != 2 {
		t.Fatalf("network %q dataset %q params %d panels %d", doc.Network, doc.Dataset, doc.Params, len(doc.Panels))
	}
	if !strings.Contains(doc.Scenario, "net=relu:5,loss=ce;d=gaussians:n=60") {
		t.Errorf("scenario %q", doc.Scenario)
	}
	for _, p := range doc.Panels {
		if len(p.Final.X) != 21 || len(p.Steps) == 0 {
			t.Errorf("%s: final x has %d weights, %d steps", p.Method, len(p.Final.X), len(p.Steps))
		}
		last := p.Steps[len(p.Steps)-1]
		if last["loss"] != p.Final.Loss {
			t.Errorf("%s: final loss %v, last row %v", p.Method, p.Final.Loss, last["loss"])
		}
	}
	table := mustRun(t, append([]string{"compare", "--steps", "20"}, args...)...)
	lines := strings.Split(strings.TrimSpace(table), "\n")
	if len(lines) != 3 || !strings.Contains(lines[0], "test_loss") || !strings.Contains(lines[0], "sharpness") ||
		!strings.Contains(lines[0], "hessian_trace") || !strings.HasPrefix(lines[1], "bfgs") {
		t.Errorf("compare table:\n%s", table)
	}
}

// TestDatasetCSV: --dataset csv:PATH trains on the file's points, the same
// rows as the scenario link it prints; a bad file is one line naming the
// line, status 2.
func TestDatasetCSV(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string { return writeFile(t, dir, name, text) }
	good := write("good.csv", "x1,x2,label\n0,0,0\n1,0,1\n0,1,1\n1,1,0\n0.5,0.5,1\n-1,-1,0\n-0.5,0.25,1\n0.25,-0.75,0\n")
	js := mustRun(t, "run", "--network", "tanh:4", "--dataset", "csv:"+good, "--method", "gd:lr=0.5", "--steps", "20", "--format", "json")
	var o struct {
		Scenario string `json:"scenario"`
		Dataset  string `json:"dataset"`
	}
	if err := json.Unmarshal([]byte(js), &o); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(o.Dataset, "points:0") || !strings.Contains(o.Scenario, ";d="+o.Dataset+";") {
		t.Fatalf("dataset %q in scenario %q", o.Dataset, o.Scenario)
	}
	if again := mustRun(t, "run", "--scenario", o.Scenario, "--format", "json"); again != js {
		t.Error("the printed scenario gives other rows than the CSV")
	}
	for _, c := range []struct{ text, want string }{
		{"0,0,0\n1,0,1\n0,1,2\n", "line 3: label must be 0 or 1, not \"2\""},
		{"0.3,0,0\n1,0,1\n0,1,1\n1,1,0\n", "point 1 has x1 = 0.3; a scenario holds each coordinate as a multiple of 1/256 within ±4"},
		{strings.Repeat("0,0,1\n", 1001), "line 1001: more than 1000 points"},
	} {
		path := write("bad.csv", c.text)
		code, out, errs := call("run", "--network", "tanh:4", "--dataset", "csv:"+path, "--method", "gd")
		if want := "curvsim run: --dataset csv:" + path + ": " + c.want + "\n"; code != 2 || out != "" || errs != want {
			t.Errorf("%.30q: status %d, stderr %q; want 2 and %q", c.text, code, errs, want)
		}
	}
	code, _, errs := call("run", "--network", "tanh:4", "--dataset", "csv:"+filepath.Join(dir, "none.csv"), "--method", "gd")
	if code != 2 || !strings.HasSuffix(errs, "none.csv: no such file or directory\n") {
		t.Errorf("a missing file: status %d, %q", code, errs)
	}
}

// TestLineFitCSV: --surface linefit --dataset csv:PATH fits a line to the
// file's points: Newton's first step lands on the least-squares line
// (slope Σ(x−x̄)(y−ȳ)/Σ(x−x̄)² through the mean, worked out by hand below),
// and the printed scenario gives the same rows; a bad file is one line
// naming the line, status 2.
func TestLineFitCSV(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string { return writeFile(t, dir, name, text) }
	// x̄ = 1, ȳ = 2; Σ(x−x̄)(y−ȳ) = (−1)(−1.5) + 0 + (1)(1.5) = 3,
	// Σ(x−x̄)² = 2: slope 1.5, intercept 2 − 1.5 = 0.5.
	good := write("line.csv", "x,y\n0,0.5\n1,2\n2,3.5\n")
	js := mustRun(t, "run", "--surface", "linefit", "--dataset", "csv:"+good, "--method", "newton", "--steps", "3", "--format", "json")
	var o struct {
		Scenario string `json:"scenario"`
		Panels   []struct {
			Steps []struct {
				X []float64 `json:"x"`
			} `json:"steps"`
		} `json:"panels"`
	}
	if err := json.Unmarshal([]byte(js), &o); err != nil {
		t.Fatal(err)
	}
	if len(o.Panels) != 1 || len(o.Panels[0].Steps) < 2 {
		t.Fatalf("output %.200s", js)
	}
	if x := o.Panels[0].Steps[1].X; math.Abs(x[0]-0.5) > 1e-12 || math.Abs(x[1]-1.5) > 1e-12 {
		t.Errorf("Newton's first step to %v, the least-squares line is (0.5, 1.5)", x)
	}
	if !strings.Contains(o.Scenario, ";s=linefit;p=") {
		t.Errorf("scenario %q holds no points", o.Scenario)
	}
	if again := mustRun(t, "run", "--scenario", o.Scenario, "--format", "json"); again != js {
		t.Error("the printed scenario gives other rows than the CSV")
	}
	for _, c := range []struct{ text, want string }{
		{"0,0\n1,x\n", "line 2: y: \"x\" is not a number"},
		{"0,0\n", "1 points, at least 2 are needed"},
		{"0,0\n1,0.3\n", "point 2 has y = 0.3; a scenario holds each coordinate as a multiple of 1/256 within ±4"},
	} {
		path := write("bad.csv", c.text)
		code, out, errs := call("run", "--surface", "linefit", "--dataset", "csv:"+path, "--method", "gd")
		if want := "curvsim run: --dataset csv:" + path + ": " + c.want + "\n"; code != 2 || out != "" || errs != want {
			t.Errorf("%.30q: status %d, stderr %q; want 2 and %q", c.text, code, errs, want)
		}
	}
	if code, _, errs := call("run", "--surface", "linefit", "--dataset", "circle", "--method", "gd"); code != 2 || !strings.Contains(errs, "csv:PATH") {
		t.Errorf("--dataset circle with linefit: status %d, %q", code, errs)
	}
}

// writeFile writes text to the file name in dir and returns its path.
func writeFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestNetworkBatchColumns: with batch=B each row counts B/N more epochs (N
// the training points) and has the batch's loss; batch=0 is the run
// without batches, character for character, its batch_loss empty and one
// epoch a step.
func TestNetworkBatchColumns(t *testing.T) {
	args := []string{"run", "--network", "tanh:4,3", "--dataset", "xor:n=40,seed=2", "--steps", "6", "--method"}
	train, _ := nn.SplitSizes(40)
	_, rows := parseCSV(t, mustRun(t, append(args, "gd:lr=0.2,batch=5,seed=3")...))
	for k, row := range rows {
		epoch, batchLoss := row[11], row[12]
		if want := float64(5*k) / float64(train); num64(t, epoch) != want {
			t.Errorf("row %d: epoch %s, want %v", k, epoch, want)
		}
		if (k == 0) != (batchLoss == "") || k > 0 && num64(t, batchLoss) == num64(t, row[1]) {
			t.Errorf("row %d: batch loss %q beside the loss %s", k, batchLoss, row[1])
		}
	}
	plain := mustRun(t, append(args, "gd:lr=0.2")...)
	if full := mustRun(t, append(args, "gd:lr=0.2,batch=0")...); full != plain {
		t.Errorf("batch=0 differs from the run without batches:\n%s\n%s", full, plain)
	}
	_, rows = parseCSV(t, plain)
	for k, row := range rows {
		if num64(t, row[11]) != float64(k) || row[12] != "" {
			t.Errorf("full batch, row %d: epoch %s, batch loss %q", k, row[11], row[12])
		}
	}
}

// TestNetworkStabilityColumns: lr_now is the step each row is about to
// take — Adam's lr 0.01 on a cosine of 4 steps: 0.01·½(1 + cos(πt/4)) —
// stability its line, 38/η for Adam (β₁ = 0.9) and 2/η for gradient
// descent, and sharpness_pre Adam's λmax(P⁻¹H) from its first step on;
// BFGS has none of them.
func TestNetworkStabilityColumns(t *testing.T) {
	out := mustRun(t, "run", "--network", "tanh:4", "--dataset", "circle:n=40", "--steps", "3",
		"--method", "adam:lr=0.01,schedule=cosine,decay=4", "--method", "gd:lr=0.3", "--method", "bfgs")
	_, rows := parseCSV(t, out)
	for _, row := range rows {
		iter := int(num64(t, row[1]))
		lrNow, line, pre := row[14], row[15], row[16]
		switch row[0] {
		case "1":
			eta := 0.01 * 0.5 * (1 + math.Cos(math.Pi*float64(iter)/4))
			if math.Abs(num64(t, lrNow)-eta) > 1e-17 || math.Abs(num64(t, line)-38/eta) > 1e-9*38/eta || (iter == 0) != (pre == "") {
				t.Errorf("adam row %d: lr_now %s, stability %s, sharpness_pre %q; want %v, %v", iter, lrNow, line, pre, eta, 38/eta)
			}
		case "2":
			if num64(t, lrNow) != 0.3 || math.Abs(num64(t, line)-2/0.3) > 1e-15 || pre != "" {
				t.Errorf("gd row %d: %s, %s, %q", iter, lrNow, line, pre)
			}
		case "3":
			if lrNow != "" || line != "" || pre != "" {
				t.Errorf("bfgs row %d: %q, %q, %q", iter, lrNow, line, pre)
			}
		}
	}
}
