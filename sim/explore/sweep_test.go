package explore

import (
	"math"
	"strings"
	"testing"

	"curvlab/sim"
	"curvlab/sim/scenario"
)

// TestSweepValues: linear and log values from end to end (the ends exact,
// a log sweep's ratios equal), an integer parameter's values rounded
// without repeats; refused: a parameter the method lacks, a choice, a
// reversed or empty range, a log range through 0, too few or too many
// values, ends outside the parameter's range.
func TestSweepValues(t *testing.T) {
	gd := mustSpec(t, "gd")
	s, err := NewSweep(gd, "lr", 0.1, 0.5, 5, false)
	if err != nil || len(s.Values) != 5 || s.Values[0] != 0.1 || s.Values[4] != 0.5 || math.Abs(s.Values[2]-0.3) > 1e-15 {
		t.Errorf("linear: %v, %v", s.Values, err)
	}
	s, err = NewSweep(gd, "lr", 1e-4, 1, 5, true)
	if err != nil || len(s.Values) != 5 || s.Values[0] != 1e-4 || s.Values[4] != 1 {
		t.Fatalf("log: %v, %v", s.Values, err)
	}
	for i := 1; i < 5; i++ {
		if r := s.Values[i] / s.Values[i-1]; math.Abs(r-10) > 1e-9 {
			t.Errorf("log: ratio %v between values %d and %d, want 10", r, i-1, i)
		}
	}
	s, err = NewSweep(mustSpec(t, "lbfgs"), "m", 1, 4, 10, false)
	if err != nil || len(s.Values) != 4 || s.Values[3] != 4 {
		t.Errorf("an integer parameter: %v, %v", s.Values, err)
	}
	for _, c := range []struct {
		spec, key string
		a, b      float64
		n         int
		log       bool
		want      string
	}{
		{"gd", "beta", 0, 1, 10, false, `method gd has no parameter "beta" (it has: lr, c2, decay, batch, seed, wd)`},
		{"gd", "ls", 0, 1, 10, false, "ls is a choice"},
		{"gd", "lr", 0.5, 0.1, 10, false, "reversed"},
		{"gd", "lr", 0.1, 0.1, 10, false, "empty or reversed"},
		{"momentum", "beta", 0, 0.9, 10, true, "a log sweep needs both ends above 0"},
		{"gd", "lr", 0.1, 0.2, 1, false, "1 values, want 2 to 200"},
		{"gd", "lr", 0.1, 0.2, 201, false, "201 values"},
		{"momentum", "beta", 0.5, 1.5, 10, false, "beta=1.5 is out of range"},
	} {
		_, err := NewSweep(mustSpec(t, c.spec), c.key, c.a, c.b, c.n, c.log)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s %s [%v, %v] n=%d: %v, want %q", c.spec, c.key, c.a, c.b, c.n, err, c.want)
		}
	}
}

// TestSweepMeetsTheStabilityLines: on a quadratic bowl with λ_max = 10
// (by construction), fixed steps below each method's line converge and
// above it diverge: gradient descent's 2/λ_max = 0.2, heavy ball's
// 2(1 + β)/λ_max = 0.3 and Nesterov's (2 + 2β)/((1 + 2β)λ_max) = 0.15 at
// β = 0.5 (the lines StabilityLines gives).
func TestSweepMeetsTheStabilityLines(t *testing.T) {
	for _, c := range []struct {
		method string
		line   float64
	}{{"gd", 0.2}, {"momentum:beta=0.5", 0.3}, {"nesterov:beta=0.5", 0.15}} {
		sc, err := scenario.Decode("v1;s=quadratic:l1=1,l2=10,angle=30;x=1,1;m=" + c.method + ";n=3000;t=1e-8")
		if err != nil {
			t.Fatal(err)
		}
		lines := StabilityLines(sc.Methods[0], "lr", 10)
		if len(lines) != 1 {
			t.Fatalf("%s: lines %v", c.method, lines)
		}
		for name, v := range lines {
			if math.Abs(v-c.line) > 1e-12 {
				t.Errorf("%s: line %s = %v, want %v", c.method, name, v, c.line)
			}
		}
		s, err := NewSweep(sc.Methods[0], "lr", c.line/2, 1.5*c.line, 41, false)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range s.Run(sc, 0) {
			switch {
			case p.Value < 0.97*c.line && (p.Diverged() || p.Final.Events&sim.EventConverged == 0):
				t.Errorf("%s: lr %v below the line %v did not converge (|g| %v, events %v)", c.method, p.Value, c.line, p.Final.GNorm, p.Final.Events)
			case p.Value > 1.03*c.line && !p.Diverged():
				t.Errorf("%s: lr %v above the line %v did not diverge (f %v after %d)", c.method, p.Value, c.line, p.Final.F, p.Final.Iter)
			}
		}
	}
	if l := StabilityLines(mustSpec(t, "gd:ls=wolfe"), "lr", 10); len(l) != 0 {
		t.Errorf("a line search has no fixed-step line: %v", l)
	}
	if l := StabilityLines(mustSpec(t, "newton"), "lr", 10); len(l) != 0 {
		t.Errorf("Newton: %v", l)
	}
}

// TestSweepANetwork: a sweep of a network's step size ends each run with
// its training loss, test loss and sharpness, all numbers where the run
// did not diverge.
func TestSweepANetwork(t *testing.T) {
	sc, err := scenario.Decode("v1;net=tanh:4;d=circle:n=60;m=gd:lr=0.1;n=50;t=0")
	if err != nil {
		t.Fatal(err)
	}
	s, err := NewSweep(sc.Methods[0], "lr", 0.01, 1, 4, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range s.Run(sc, 0) {
		if p.Final.Iter != 50 || !(p.Final.F >= 0) || !(p.TestLoss >= 0) || !(p.Sharpness > 0) {
			t.Errorf("lr %v: %+v", p.Value, p)
		}
	}
}
