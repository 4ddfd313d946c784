package scenario

import (
	"runtime"
	"strings"
	"testing"

	"curvlab/internal/heapstat"
	"curvlab/sim"
)

// hostileLink is the largest network a link can ask for (2-8-8-8-1, 177
// weights, 1000 points) with four second-order and quasi-Newton runs of
// MaxSteps steps: before the trace was bounded, its runs reserved 3.3 GB at
// the start and the page ran out of memory.
const hostileLink = "v1;net=sigmoid:8,8,8,loss=ce,init=1000000000;d=spiral:n=1000,noise=1,seed=1000000000;m=newton;m=sr1;m=bfgs;m=lbfgs;n=100000;t=0"

func mustDecode(t *testing.T, link string) Scenario {
	t.Helper()
	sc, err := Decode(link)
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

// TestHostileLinkFits: the hostile link is within the budget by the
// estimate, which the storage it replaced exceeded seven times over (it
// reserved Budget+1 rows of x, g and 4 trial points for every run); its runs
// start and step within the estimate; it is not clamped.
func TestHostileLinkFits(t *testing.T) {
	sc := mustDecode(t, hostileLink)
	n := int64(len(sc.Start))
	if n != 177 {
		t.Fatalf("%d weights, want 2·8+8 + 8·8+8 + 8·8+8 + 8+1 = 177", n)
	}
	old := int64(len(sc.Methods)) * int64(sc.Steps+1) * (2*n + 4*(n+1)) * 8
	if old <= PageHeapBudget {
		t.Fatalf("the old storage (%d MiB) fits the budget: the test proves nothing", old>>20)
	}
	if est := sc.MemoryEstimate(); est > Budget {
		t.Errorf("estimate %d MiB, budget %d MiB", est>>20, Budget>>20)
	}
	if _, msg := sc.Clamp(Budget); msg != "" {
		t.Errorf("clamped: %s", msg)
	}
	base := heapstat.Live()
	runs := sc.NewRuns()
	const steps = 20
	for _, r := range runs {
		for k := 0; k < steps && r.Step(); k++ {
		}
	}
	used := heapstat.Live() - base
	short := sc
	short.Steps = steps
	t.Logf("live heap after %d steps %d KiB, estimate %d KiB", steps, used>>10, short.MemoryEstimate()>>10)
	if est := short.MemoryEstimate(); used > est {
		t.Errorf("after %d steps: %d KiB live, estimate %d KiB", steps, used>>10, est>>10)
	}
	runtime.KeepAlive(runs)
}

// TestHeapBounded steps four runs on the hostile link's network (177
// weights; 100 points and first-order methods, so that steps are cheap)
// past the point where their traces thin, then as far again, and checks
// that the live heap stays within the estimate and grows by no more than
// the new rows' scalars: keeping every row's weights and gradient would add
// 2.8 KB a row.
func TestHeapBounded(t *testing.T) {
	link := strings.Replace(hostileLink, "m=newton;m=sr1;m=bfgs;m=lbfgs", "m=gd;m=gd:lr=0.3;m=momentum;m=adam", 1)
	sc := mustDecode(t, strings.Replace(link, "n=1000,", "n=100,", 1))
	base := heapstat.Live()
	runs := sc.NewRuns()
	step := func(steps int) int64 {
		for _, r := range runs {
			for len(r.Trace) <= steps && r.Step() {
			}
		}
		return heapstat.Live() - base
	}
	const s1, s2 = 500, 1000
	h1 := step(s1)
	for i, r := range runs {
		if len(r.Kept()) == len(r.Trace) {
			t.Errorf("run %d kept all %d rows: not thinned yet", i, len(r.Trace))
		}
	}
	h2 := step(s2)
	short := sc
	short.Steps = s2
	t.Logf("live heap after %d steps %d KiB, after %d steps %d KiB, estimate %d KiB", s1, h1>>10, s2, h2>>10, short.MemoryEstimate()>>10)
	if est := short.MemoryEstimate(); h2 > est {
		t.Errorf("after %d steps: %d KiB live, estimate %d KiB", s2, h2>>10, est>>10)
	}
	// the new rows' scalars (the trace may double once), and a MiB of slack
	grow := int64(len(runs)) * 2 * s2 * stepBytes
	if h2-h1 > grow+1<<20 {
		t.Errorf("live heap grew %d KiB from %d to %d steps; the scalars of the new rows take at most %d KiB", (h2-h1)>>10, s1, s2, grow>>10)
	}
	runtime.KeepAlive(runs)
}

// TestSurfaceWithinEstimate: a surface scenario of MaxSteps steps and four
// runs keeps every row and stays within its estimate, far below the budget.
func TestSurfaceWithinEstimate(t *testing.T) {
	sc := mustDecode(t, "v1;s=rosenbrock;x=-1.2,1;m=gd:lr=0.001;m=newton:ls=none;m=momentum:lr=0.0005;m=bfgs:ls=none;n=100000;t=0")
	base := heapstat.Live()
	runs := sc.NewRuns()
	for _, r := range runs {
		for k := 0; k < sc.Steps && r.Step(); k++ {
		}
	}
	used := heapstat.Live() - base
	t.Logf("live heap after %d steps %d KiB, estimate %d KiB", sc.Steps, used>>10, sc.MemoryEstimate()>>10)
	if est := sc.MemoryEstimate(); used > est || est > Budget {
		t.Errorf("%d MiB live, estimate %d MiB, budget %d MiB", used>>20, est>>20, Budget>>20)
	}
	for i, r := range runs {
		if len(r.Kept()) != len(r.Trace) {
			t.Errorf("%s: kept %d of %d rows", sc.Methods[i], len(r.Kept()), len(r.Trace))
		}
	}
	runtime.KeepAlive(runs)
}

// TestClamp: a scenario that cannot fit a budget is shortened to the most
// steps that fit, with a notice of one line that says so; the presets and
// the largest valid links fit the real budget and are not clamped.
func TestClamp(t *testing.T) {
	sc := mustDecode(t, hostileLink)
	const budget = 32 << 20
	c, msg := sc.Clamp(budget)
	if msg == "" || strings.ContainsAny(msg, "\n\r") || !strings.Contains(msg, "100000 steps") {
		t.Errorf("notice %q", msg)
	}
	if c.Steps >= sc.Steps || c.Steps < 1 || c.MemoryEstimate() > budget {
		t.Fatalf("clamped to %d steps, estimate %d MiB", c.Steps, c.MemoryEstimate()>>20)
	}
	more := c
	more.Steps++
	if more.MemoryEstimate() <= budget {
		t.Errorf("%d steps fit too: clamped to %d", more.Steps, c.Steps)
	}
	if !strings.Contains(msg, "shortened to "+sim.FormatFloat(float64(c.Steps))+" steps") {
		t.Errorf("notice %q does not give the new count %d", msg, c.Steps)
	}
	if sc.Steps != 100000 {
		t.Error("Clamp changed its receiver")
	}
	links := []string{hostileLink, "v1;s=rosenbrock;x=-1.2,1;m=gd;m=newton;m=sr1;m=bfgs;n=100000;t=0"}
	for _, l := range Lessons() {
		for _, st := range l.Steps {
			if st.Link != "" {
				links = append(links, st.Link)
			}
		}
	}
	for _, l := range links {
		s := mustDecode(t, l)
		if c, msg := s.Clamp(Budget); msg != "" || c.Steps != s.Steps {
			t.Errorf("%s: clamped: %s", l, msg)
		}
	}
}
