package sim_test

import (
	"math"
	"slices"
	"testing"

	"curvlab/sim"
	"curvlab/sim/scenario"
)

// sameBits reports whether a and b hold the same float64s bit for bit.
func sameBits(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if math.Float64bits(a[i]) != math.Float64bits(b[i]) {
			return false
		}
	}
	return true
}

// sameStep reports whether two rows' scalars are identical bit for bit.
func sameStep(a, b sim.Step) bool {
	return sameBits([]float64{a.F, a.GNorm, a.StepLen, a.Alpha, a.Radius}, []float64{b.F, b.GNorm, b.StepLen, b.Alpha, b.Radius}) &&
		a.Iter == b.Iter && a.FEvals == b.FEvals && a.GEvals == b.GEvals && a.HEvals == b.HEvals &&
		a.Trials == b.Trials && a.Events == b.Events && a.CurvKind == b.CurvKind
}

// smallNet is a 2-4-1 tanh network on 60 circle points (17 weights, above
// the dimension up to which every row's vectors are kept).
func smallNet(t *testing.T) *scenario.NetProblem { return buildNet(t, "tanh:4", "circle:n=60") }

// TestTraceThins runs methods with and without trial points and curvature
// on a network twice, once keeping every row's vectors and once within a
// small limit, and checks that the bounded trace keeps every row's scalars,
// keeps row 0, the latest row and every stride-th row in between (the
// stride a power of two), stays within the limit, and that every vector it
// keeps equals the one of the run that keeps everything, bit for bit.
func TestTraceThins(t *testing.T) {
	p := smallNet(t)
	n := len(p.Init)
	const steps = 700
	for _, spec := range []string{"gd:lr=0.3", "bfgs", "sr1-tr", "newton"} {
		sp, err := sim.ParseSpec(spec)
		if err != nil {
			t.Fatal(err)
		}
		// room for 40 rows of x, g and the curvature matrix
		limit := 40 * (2*n + n*n)
		all := sim.NewRun(p.TrainLoss, sp.New(), p.Init, sim.RunOptions{KeepVectors: true, CurvMaxDim: n})
		some := sim.NewRun(p.TrainLoss, sp.New(), p.Init, sim.RunOptions{VectorLimit: limit, CurvMaxDim: n})
		stride := 0
		for k := 0; k < steps; k++ {
			all.Step()
			some.Step()
			kept := some.Kept()
			used := 0
			for _, row := range kept {
				v := some.Vectors(row)
				used += len(v.X) + len(v.G) + len(v.Curv)
			}
			// the limit, plus the latest row it may have just added
			if v := some.Vectors(len(some.Trace) - 1); used > limit+len(v.X)+len(v.G)+len(v.Curv) {
				t.Fatalf("%s step %d: %d numbers kept, limit %d", spec, k, used, limit)
			}
			stride = kept[1] - kept[0]
		}
		// A run may end early (converged, or stalled at the noise floor of f)
		// but both the same way, and late enough to have thinned.
		last := len(some.Trace) - 1
		if len(all.Trace) != len(some.Trace) || last < 300 {
			t.Fatalf("%s: %d and %d rows, want the same, above 300", spec, len(all.Trace), len(some.Trace))
		}
		for k := range all.Trace {
			if !sameStep(all.Trace[k], some.Trace[k]) {
				t.Fatalf("%s: row %d: scalars %+v, keeping everything %+v", spec, k, some.Trace[k], all.Trace[k])
			}
		}
		if len(all.Kept()) != len(all.Trace) {
			t.Errorf("%s: KeepVectors kept %d of %d rows", spec, len(all.Kept()), len(all.Trace))
		}
		kept := some.Kept()
		if kept[0] != 0 || kept[len(kept)-1] != last || !slices.IsSorted(kept) {
			t.Fatalf("%s: kept rows %v: want 0 first, %d last, increasing", spec, kept, last)
		}
		if stride < 2 || stride&(stride-1) != 0 {
			t.Errorf("%s: stride %d after %d steps within %d numbers: want a power of two above 1", spec, stride, steps, limit)
		}
		for i, row := range kept[:len(kept)-1] {
			if row != i*stride {
				t.Fatalf("%s: kept rows %v: want every %d-th row and the latest", spec, kept, stride)
			}
		}
		for _, row := range kept {
			a, b := all.Vectors(row), some.Vectors(row)
			if !sameBits(a.X, b.X) || !sameBits(a.G, b.G) || !sameBits(a.Curv, b.Curv) {
				t.Fatalf("%s: row %d: kept vectors differ from those of the run that keeps all", spec, row)
			}
			// trial points: every row's when keeping all, else the latest's
			trials := some.Trace[row].Trials
			if row != last {
				trials = 0
			}
			if !sameBits(a.TrialF[:trials], b.TrialF) || !sameBits(a.TrialX[:trials*n], b.TrialX) || len(a.TrialF) != some.Trace[row].Trials {
				t.Fatalf("%s: row %d: %d trial points kept, keeping all %d", spec, row, len(b.TrialF), len(a.TrialF))
			}
			if len(b.X) != n || len(b.G) != n || (some.Trace[row].CurvKind != sim.CurvNone) != (len(b.Curv) == n*n) {
				t.Fatalf("%s: row %d: vectors of %d, %d, %d, %d, %d numbers", spec, row, len(b.X), len(b.G), len(b.Curv), len(b.TrialX), len(b.TrialF))
			}
		}
		// A row between kept ones has no vectors.
		if v := some.Vectors(stride + 1); v.X != nil || some.X(stride+1) != nil {
			t.Errorf("%s: row %d (stride %d) has vectors", spec, stride+1, stride)
		}
		if last := some.Last(); !sameBits(last.X, some.State.X) {
			t.Errorf("%s: the latest row's x is not the run's iterate", spec)
		}
	}
}

// TestSurfaceKeepsEveryRow: a surface scenario of four methods (with line
// searches and a trust region) run for MaxSteps iterations keeps every
// row's vectors within the default limit, and they are what the method
// computed: f and ∇f at x.
func TestSurfaceKeepsEveryRow(t *testing.T) {
	sc, err := scenario.Decode("v1;s=rosenbrock;x=-1.2,1;m=gd:lr=0.001;m=gd:ls=wolfe,lr=0.01;m=bfgs:ls=armijo;m=sr1-tr;n=100000;t=0")
	if err != nil {
		t.Fatal(err)
	}
	surf := sc.Surface()
	g := make([]float64, 2)
	for i, r := range sc.NewRuns() {
		for k := 0; k < sc.Steps && r.Step(); k++ {
		}
		if len(r.Kept()) != len(r.Trace) {
			t.Errorf("%s: kept the vectors of %d of %d rows", sc.Methods[i], len(r.Kept()), len(r.Trace))
		}
		for _, k := range []int{0, 1, len(r.Trace) / 2, len(r.Trace) - 1} {
			row := r.Row(k)
			surf.Grad(g, row.X)
			if f := surf.Func(row.X); !sameBits([]float64{f}, []float64{row.F}) || !sameBits(g, row.G) {
				t.Errorf("%s row %d: f, g (%v, %v) are not those of x %v", sc.Methods[i], k, row.F, row.G, row.X)
			}
		}
	}
}

// TestTrackerFollows: a tracker that follows a run whose trace keeps few
// vectors measures every row, each equal to a measurement of that row's
// weights taken from a run that keeps them all.
func TestTrackerFollows(t *testing.T) {
	p := smallNet(t)
	sp, err := sim.ParseSpec("gd:lr=0.3")
	if err != nil {
		t.Fatal(err)
	}
	const steps = 120
	some := sim.NewRun(p.TrainLoss, sp.New(), p.Init, sim.RunOptions{VectorLimit: 20 * len(p.Init)})
	tr := scenario.NewNetTracker(p)
	tr.Follow(some)
	all := sim.NewRun(p.TrainLoss, sp.New(), p.Init, sim.RunOptions{KeepVectors: true})
	for k := 0; k < steps; k++ {
		some.Step()
		all.Step()
	}
	if len(some.Kept()) > 40 {
		t.Fatalf("the bounded trace keeps %d rows", len(some.Kept()))
	}
	if len(tr.TestLoss) != steps+1 || len(tr.Sharpness) != steps+1 {
		t.Fatalf("tracker has %d/%d rows for %d", len(tr.TestLoss), len(tr.Sharpness), steps+1)
	}
	ref := scenario.NewNetTracker(p)
	for k := 0; k <= steps; k++ {
		test, sharp := ref.Measure(all.X(k))
		if tr.TestLoss[k] != test || math.Abs(tr.Sharpness[k]-sharp) > 1e-8*math.Abs(sharp) {
			t.Fatalf("row %d: test loss %v, sharpness %v; measured at its weights %v, %v", k, tr.TestLoss[k], tr.Sharpness[k], test, sharp)
		}
	}
}

// TestRunOptionsOutOfRange: a negative budget or vector limit is no reason
// to fail: the trace grows as rows come and keeps row 0 and the latest.
func TestRunOptionsOutOfRange(t *testing.T) {
	p := smallNet(t)
	sp, err := sim.ParseSpec("gd")
	if err != nil {
		t.Fatal(err)
	}
	r := sim.NewRun(p.TrainLoss, sp.New(), p.Init, sim.RunOptions{Budget: -3, VectorLimit: -1})
	for k := 0; k < 40; k++ {
		r.Step()
	}
	if kept := r.Kept(); len(r.Trace) != 41 || len(kept) != 2 || kept[0] != 0 || kept[1] != 40 || r.X(40) == nil {
		t.Errorf("%d rows, kept %v", len(r.Trace), kept)
	}
}

// TestUpto: a view of a run's first k rows has those rows and no more —
// its latest row, with the iterate, gradient and curvature of row k−1 of
// the run, its kept rows those before k, no trial points but for the
// run's own latest row — takes no step, and leaves the run as it was.
func TestUpto(t *testing.T) {
	sc, err := scenario.Decode("v1;s=rosenbrock;x=-1.2,1;m=bfgs:ls=armijo;m=gd:lr=0.001;n=40")
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range sc.NewRuns() {
		for r.Step() && len(r.Trace) < 31 {
		}
		n := len(r.Trace)
		trials := 0
		for k := 1; k <= n+1; k++ {
			v := r.Upto(k)
			want := min(k, n)
			last, orig := v.Last(), r.Row(want-1)
			if len(v.Trace) != want || last.Iter != want-1 || !sameBits(last.X, orig.X) || !sameBits(last.G, orig.G) || !sameBits(last.Curv, orig.Curv) {
				t.Fatalf("%s Upto(%d): %d rows, latest %d at %v, want row %d at %v", sc.Methods[i], k, len(v.Trace), last.Iter, last.X, want-1, orig.X)
			}
			if kept := v.Kept(); len(kept) != want || kept[len(kept)-1] != want-1 {
				t.Errorf("%s Upto(%d): keeps rows %v", sc.Methods[i], k, kept)
			}
			if want < n && (len(last.TrialX) != 0 || v.Done || v.Step()) {
				t.Errorf("%s Upto(%d): trials %v, done %v, or it stepped", sc.Methods[i], k, last.TrialX, v.Done)
			}
			trials += last.Trials
		}
		if len(r.Trace) != n || r.Upto(n) != r {
			t.Errorf("%s: the run has %d rows after its views, had %d", sc.Methods[i], len(r.Trace), n)
		}
		if i == 0 && trials == 0 {
			t.Errorf("%s: no row with trial points: the test checks nothing of them", sc.Methods[i])
		}
	}
}
