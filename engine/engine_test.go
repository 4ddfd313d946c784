package engine

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"gonum.org/v1/gonum/mat"

	"curvlab/sim"
	"curvlab/sim/nn"
	"curvlab/sim/scenario"
)

// scenarios the transports are checked on: line searches with trial
// points, trust regions with steps, curvature models of every kind, a
// network trace thinned past its vector limit (1500 rows of 105 weights),
// with its trackers, a run that diverges.
var scenarios = []string{
	"v1;s=rosenbrock;x=-1.2,1;m=gd:lr=0.001;m=newton;m=sr1;n=300",
	"v1;s=himmelblau;x=0.5,-3;m=bfgs;m=tr-dogleg;m=sr1-tr;m=lbfgs;n=200",
	"v1;s=saddle;x=1,0.01;m=newton;m=gd:lr=1.5;n=100",
	"v1;net=tanh:8,8;d=circle:n=60;m=gd:lr=0.5;m=bfgs;n=1500",
	"v1;net=tanh:8,8;d=circle:n=60;m=adam:lr=0.02,batch=7,seed=2;m=gd:lr=0.5;n=400",
}

// truth computes sc's runs (and trackers) directly, to steps rows.
func truth(t *testing.T, sc scenario.Scenario) ([]*sim.Run, []*scenario.NetTracker) {
	t.Helper()
	runs := sc.NewRuns()
	var trs []*scenario.NetTracker
	if p := sc.NetProblem(); p != nil {
		for _, r := range runs {
			tr := scenario.NewNetTracker(p)
			tr.Follow(r)
			trs = append(trs, tr)
		}
	}
	for _, r := range runs {
		for len(r.Trace) <= sc.Steps && r.Step() {
		}
	}
	return runs, trs
}

func decode(t *testing.T, text string) scenario.Scenario {
	t.Helper()
	sc, err := scenario.Decode(text)
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

// play asks for every row and updates until the client is done.
func play(t *testing.T, c *Client, sc scenario.Scenario) {
	t.Helper()
	c.Want(sc.Steps + 1)
	stop := time.Now().Add(2 * time.Minute)
	for !c.Done() {
		if notice := c.Update(time.Now().Add(5 * time.Millisecond)); notice != "" {
			t.Fatalf("notice: %s", notice)
		}
		if time.Now().After(stop) {
			t.Fatalf("not done after 2 minutes: %d rows", c.Rows())
		}
		time.Sleep(time.Millisecond)
	}
}

func same(a, b float64) bool { return math.Float64bits(a) == math.Float64bits(b) }

func sameSlice(a, b []float64) bool {
	if len(a) != len(b) || (a == nil) != (b == nil) {
		return false
	}
	for i := range a {
		if !same(a[i], b[i]) {
			return false
		}
	}
	return true
}

func sameStep(a, b sim.Step) bool {
	return a.Iter == b.Iter && same(a.F, b.F) && same(a.GNorm, b.GNorm) && same(a.StepLen, b.StepLen) &&
		same(a.Alpha, b.Alpha) && same(a.Radius, b.Radius) && a.HasDir == b.HasDir && a.HasTR == b.HasTR &&
		same(a.Pred, b.Pred) && same(a.Rho, b.Rho) && a.FEvals == b.FEvals && a.GEvals == b.GEvals &&
		a.HEvals == b.HEvals && a.Trials == b.Trials && a.Events == b.Events && a.CurvKind == b.CurvKind &&
		same(a.Epoch, b.Epoch) && same(a.BatchF, b.BatchF)
}

// compare checks that the mirrors hold exactly what the direct runs do:
// every row's scalars, the same kept rows with the same vectors, the
// latest row's trial points, and the trackers' measures.
func compare(t *testing.T, runs, mirrors []*sim.Run, trs, mtrs []*scenario.NetTracker) {
	t.Helper()
	if len(runs) != len(mirrors) {
		t.Fatalf("%d mirrors for %d runs", len(mirrors), len(runs))
	}
	for k, r := range runs {
		m := mirrors[k]
		if len(m.Trace) != len(r.Trace) || m.Done != r.Done {
			t.Fatalf("run %d: mirror has %d rows (done %v), run %d (done %v)", k, len(m.Trace), m.Done, len(r.Trace), r.Done)
		}
		for i := range r.Trace {
			if !sameStep(r.Trace[i], m.Trace[i]) {
				t.Fatalf("run %d row %d: mirror %+v, run %+v", k, i, m.Trace[i], r.Trace[i])
			}
		}
		rk, mk := r.Kept(), m.Kept()
		if len(rk) != len(mk) {
			t.Fatalf("run %d: mirror keeps %d rows, run %d", k, len(mk), len(rk))
		}
		for j, i := range rk {
			if mk[j] != i {
				t.Fatalf("run %d: mirror keeps row %d where the run keeps %d", k, mk[j], i)
			}
			a, b := r.Vectors(i), m.Vectors(i)
			for _, p := range [][2][]float64{{a.X, b.X}, {a.G, b.G}, {a.Curv, b.Curv}, {a.Dir, b.Dir}, {a.TRStep, b.TRStep}, {a.TrialX, b.TrialX}, {a.TrialF, b.TrialF}} {
				if !sameSlice(p[0], p[1]) {
					t.Fatalf("run %d row %d: mirror's vectors %+v differ from the run's %+v", k, i, b, a)
				}
			}
		}
	}
	if len(trs) != len(mtrs) {
		t.Fatalf("%d tracker mirrors for %d trackers", len(mtrs), len(trs))
	}
	for k, tr := range trs {
		if !sameSlice(tr.TestLoss, mtrs[k].TestLoss) || !sameSlice(tr.Sharpness, mtrs[k].Sharpness) || !sameSlice(tr.SharpnessPre, mtrs[k].SharpnessPre) {
			t.Fatalf("run %d: tracked test loss or sharpness differ", k)
		}
	}
}

func transports() map[string]func() Transport {
	return map[string]func() Transport{
		"page":      func() Transport { return NewInProcess() },
		"goroutine": func() Transport { return NewGoroutine() },
	}
}

// TestTransportsBitIdentical plays each scenario to its end through each
// transport and finds the mirrors bit for bit equal to runs stepped
// directly.
func TestTransportsBitIdentical(t *testing.T) {
	for name, mk := range transports() {
		for _, text := range scenarios {
			t.Run(name+"/"+text, func(t *testing.T) {
				sc := decode(t, text)
				tp := mk()
				defer tp.Close()
				c := NewClient(tp)
				c.Open(sc)
				play(t, c, sc)
				runs, trs := truth(t, sc)
				compare(t, runs, c.Runs(), trs, c.Trackers())
			})
		}
	}
}

// TestOpenDropsStaleRows opens a scenario, asks for all of it, and opens
// another before the first is done: the mirrors hold the second's rows
// only, and nothing of the first is applied.
func TestOpenDropsStaleRows(t *testing.T) {
	for name, mk := range transports() {
		t.Run(name, func(t *testing.T) {
			a := decode(t, "v1;net=tanh:8,8;d=circle:n=60;m=gd:lr=0.5;n=3000")
			b := decode(t, "v1;s=rosenbrock;x=-1.2,1;m=gd:lr=0.001;m=sr1;n=200")
			tp := mk()
			defer tp.Close()
			c := NewClient(tp)
			c.Open(a)
			c.Want(a.Steps + 1)
			c.Update(time.Now().Add(20 * time.Millisecond))
			time.Sleep(20 * time.Millisecond)
			c.Open(b)
			play(t, c, b)
			runs, trs := truth(t, b)
			compare(t, runs, c.Runs(), trs, c.Trackers())
		})
	}
}

// TestWantStepsAtATime asks for a few rows at a time, as the clock does,
// and gets exactly those.
func TestWantStepsAtATime(t *testing.T) {
	sc := decode(t, scenarios[1])
	c := NewClient(NewInProcess())
	c.Open(sc)
	for want := 2; want <= 20; want += 3 {
		c.Want(want)
		c.Update(time.Now().Add(time.Second))
		for k, r := range c.Runs() {
			if len(r.Trace) != want && !r.Done {
				t.Fatalf("want %d: run %d has %d rows", want, k, len(r.Trace))
			}
		}
	}
}

// dying is a transport that fails after a few replies, as a worker that
// throws.
type dying struct {
	Transport
	left int
}

func (d *dying) Name() string { return "worker" }

func (d *dying) Receive(deadline time.Time) ([][]byte, error) {
	if d.left == 0 {
		return nil, errors.New("the worker threw")
	}
	d.left--
	return d.Transport.Receive(deadline)
}

// TestFallBack: when the transport dies the client says so once, keeps
// its rows, computes in the page from there, and ends with what the runs
// give directly.
func TestFallBack(t *testing.T) {
	sc := decode(t, scenarios[3])
	c := NewClient(&dying{Transport: NewInProcess(), left: 3})
	c.Open(sc)
	c.Want(sc.Steps + 1)
	var notices []string
	for i := 0; i < 100000 && !c.Done(); i++ {
		if n := c.Update(time.Now().Add(2 * time.Millisecond)); n != "" {
			notices = append(notices, n)
		}
	}
	if len(notices) != 1 || !strings.Contains(notices[0], "the worker threw") || !strings.Contains(notices[0], "in the page") {
		t.Fatalf("notices %q, want one that names the failure and says the page computes", notices)
	}
	if c.Transport() != "page" {
		t.Fatalf("transport %q after the failure", c.Transport())
	}
	runs, trs := truth(t, sc)
	compare(t, runs, c.Runs(), trs, c.Trackers())
}

// TestCoreRefusesBadRequests: a request that cannot be read gets a failed
// reply, not a panic.
func TestCoreRefusesBadRequests(t *testing.T) {
	for _, msg := range [][]byte{nil, {9, 0, 0, 0, 0}, {byte(msgOpen), 1, 0, 0, 0, 1}, openMsg(1, "v1;s=nosuch", nil)} {
		var c Core
		c.Handle(msg)
		out := c.Take()
		if len(out) != 1 || out[0][0] != byte(msgFailed) {
			t.Fatalf("request %v: replies %v, want one failed", msg, out)
		}
	}
}

// TestNetworkViews: a network's decision map and Hessian spectrum come for
// each run's latest row once the runs stop: the map is the network's
// output at the centres of the grid's cells, the spectrum gonum's
// eigenvalues of the Hessian, its trace their sum; a new grid brings a new
// map.
func TestNetworkViews(t *testing.T) {
	sc := decode(t, "v1;net=tanh:4;d=xor:n=40;m=gd:lr=0.5;m=newton;n=30")
	p := sc.NetProblem()
	out, err := nn.NewMLP(p.Net.Arch(), &p.Train)
	if err != nil {
		t.Fatal(err)
	}
	for name, mk := range transports() {
		t.Run(name, func(t *testing.T) {
			tp := mk()
			defer tp.Close()
			c := NewClient(tp)
			c.Open(sc)
			grids := []MapGrid{{W: 7, H: 5, XMin: -2, XMax: 2, YMin: -1, YMax: 1.5}, {W: 3, H: 9, XMin: -1, XMax: 0, YMin: 0, YMax: 3}}
			for gi, g := range grids {
				c.SetMapGrid(g)
				play(t, c, sc)
				stop := time.Now().Add(time.Minute)
				for k := range c.Runs() {
					for v := c.View(k); v.Map == nil || v.Eig == nil || v.MapRow != len(c.Runs()[k].Trace)-1 || v.Grid != g || v.SpecRow != v.MapRow; {
						c.Update(time.Now().Add(5 * time.Millisecond))
						if time.Now().After(stop) {
							t.Fatalf("grid %d run %d: view of rows %d, %d on %+v, want row %d", gi, k, v.MapRow, v.SpecRow, v.Grid, len(c.Runs()[k].Trace)-1)
						}
						time.Sleep(time.Millisecond)
					}
					v := c.View(k)
					x := c.Runs()[k].X(v.MapRow)
					for j := 0; j < g.H; j++ {
						for i := 0; i < g.W; i++ {
							px := g.XMin + (g.XMax-g.XMin)*(2*float64(i)+1)/float64(2*g.W)
							py := g.YMax - (g.YMax-g.YMin)*(2*float64(j)+1)/float64(2*g.H)
							if got, want := v.Map[j*g.W+i], out.Output(x, px, py); got != want {
								t.Fatalf("grid %d run %d cell (%d, %d): map %g, output %g", gi, k, i, j, got, want)
							}
						}
					}
					n := out.Dim()
					h := make([]float64, n*n)
					out.Hess(h, x)
					var es mat.EigenSym
					if !es.Factorize(mat.NewSymDense(n, h), false) {
						t.Fatal("gonum's eigensolver failed")
					}
					want := es.Values(nil)
					sum := 0.0
					for i, e := range want {
						sum += e
						if math.Abs(v.Eig[i]-e) > 1e-9*math.Max(1, math.Abs(e)) {
							t.Fatalf("run %d eigenvalue %d: %g, gonum %g", k, i, v.Eig[i], e)
						}
					}
					if math.Abs(v.Trace-sum) > 1e-9*math.Max(1, math.Abs(sum)) {
						t.Fatalf("run %d: trace %g, sum of eigenvalues %g", k, v.Trace, sum)
					}
				}
			}
		})
	}
}

// While a network's run advances, its spectrum follows it at most every
// 400 ms (a dense Hessian and all its eigenvalues each time), and at least
// that often: the page sees it move while the run plays, not only at the
// end. Measured in the page's transport, where the core computes inside
// the client's Update, so a spectrum arrives when it is computed.
func TestSpectrumFollowsARunningNetwork(t *testing.T) {
	sc := decode(t, "v1;net=tanh:8,8;d=circle:n=200;m=gd:lr=0.05;n=100000")
	c := NewClient(NewInProcess())
	c.Open(sc)
	c.Want(sc.Steps + 1)
	const watch = 1600 * time.Millisecond
	start := time.Now()
	var at []time.Time
	var rows []int
	last := -1
	for time.Since(start) < watch {
		if notice := c.Update(time.Now().Add(5 * time.Millisecond)); notice != "" {
			t.Fatalf("notice: %s", notice)
		}
		if v := c.View(0); v != nil && v.Eig != nil && v.SpecRow != last {
			last = v.SpecRow
			at, rows = append(at, time.Now()), append(rows, v.SpecRow)
		}
	}
	if c.Done() || c.Rows() >= sc.Steps+1 {
		t.Fatalf("the run ended within %v: no longer a running network", watch)
	}
	t.Logf("%d spectra in %v, at rows %v; %d rows computed", len(at), watch, rows, c.Rows())
	// 400 ms apart: at 0, 0.4, 0.8, 1.2 (and 1.6) s; at least two even on a
	// loaded machine, at most five.
	if len(at) < 2 || len(at) > 5 {
		t.Errorf("%d spectra in %v while the run advanced", len(at), watch)
	}
	for i := 1; i < len(at); i++ {
		// seen when the client next looks: a spectrum seen late makes the
		// next gap short by as much (389.7 ms once, on a loaded machine)
		if gap := at[i].Sub(at[i-1]); gap < 300*time.Millisecond {
			t.Errorf("spectra %d and %d only %v apart", i-1, i, gap)
		}
		if rows[i] <= rows[i-1] {
			t.Errorf("spectrum %d at row %d after row %d", i, rows[i], rows[i-1])
		}
	}
}
