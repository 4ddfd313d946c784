package sim_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"gonum.org/v1/gonum/mat"

	"curvlab/sim"
	"curvlab/sim/internal/simtest"
	"curvlab/sim/nn"
	"curvlab/sim/surfaces"
)

// pointSums are the objectives that are means over points, each with a
// point to evaluate at.
func pointSums(t *testing.T) map[string]struct {
	obj sim.PointSum
	x   []float64
} {
	out := map[string]struct {
		obj sim.PointSum
		x   []float64
	}{}
	for _, name := range []string{"linreg", "linefit", "net-tanh", "net-relu", "net-logistic"} {
		k, err := surfaces.Lookup(name)
		if err != nil {
			t.Fatal(err)
		}
		obj, ok := k.New(sim.Defaults(k.Params)).(sim.PointSum)
		if !ok {
			t.Fatalf("%s is not a sim.PointSum", name)
		}
		out[name] = struct {
			obj sim.PointSum
			x   []float64
		}{obj, []float64{0.7, 0.4}}
	}
	p := buildNet(t, "tanh:4,3", "circle:n=40")
	x := slices.Clone(p.Init)
	out["mlp"] = struct {
		obj sim.PointSum
		x   []float64
	}{p.TrainLoss, x}
	return out
}

// TestBatchIsTheMeanOverItsPoints: after UseBatch, f, ∇f and ∇²f are the
// mean over the batch's points. Truth: the whole mean, computed by the
// code every run used before batches, is the mean of the batches of any
// partition weighted by their sizes (here singletons, and a batch with its
// complement); each batch's derivatives are its function's by finite
// differences; and for a network and a line fit, the batch's loss is that
// of a network or line fit built on the batch's points alone.
func TestBatchIsTheMeanOverItsPoints(t *testing.T) {
	for name, c := range pointSums(t) {
		obj, x, n := c.obj, c.x, c.obj.NumPoints()
		d := obj.Dim()
		full, gFull := obj.Func(x), make([]float64, d)
		obj.Grad(gFull, x)
		hFull := make([]float64, d*d)
		obj.Hess(hFull, x)

		var fSum float64
		gSum, hSum := make([]float64, d), make([]float64, d*d)
		g, h := make([]float64, d), make([]float64, d*d)
		for i := range n {
			obj.UseBatch([]int{i})
			fSum += obj.Func(x)
			obj.Grad(g, x)
			obj.Hess(h, x)
			for j := range g {
				gSum[j] += g[j]
			}
			for j := range h {
				hSum[j] += h[j]
			}
		}
		mean := func(v []float64) []float64 {
			out := make([]float64, len(v))
			for i := range v {
				out[i] = v[i] / float64(n)
			}
			return out
		}
		if !close(fSum/float64(n), full, 1e-12) || !simtest.CloseVec(mean(gSum), gFull, 1e-12) || !simtest.CloseVec(mean(hSum), hFull, 1e-10) {
			t.Errorf("%s: the mean over single points is f %v, g %v, H %v; over all: %v, %v, %v", name, fSum/float64(n), mean(gSum), mean(hSum), full, gFull, hFull)
		}

		rng := rand.New(rand.NewPCG(3, 4))
		perm := rng.Perm(n)
		b := max(1, n/3)
		batch, rest := perm[:b], perm[b:]
		obj.UseBatch(rest)
		fRest := obj.Func(x)
		obj.UseBatch(batch)
		fBatch := obj.Func(x)
		if want := (full*float64(n) - fRest*float64(n-b)) / float64(b); !close(fBatch, want, 1e-10) {
			t.Errorf("%s: batch %v has f %v; from the whole and the rest %v", name, batch, fBatch, want)
		}
		simtest.CheckDerivatives(t, name+" on a batch", obj, x, 1e-5)

		obj.UseBatch(nil)
		if f := obj.Func(x); f != full {
			t.Errorf("%s: back to all points f is %v, was %v", name, f, full)
		}

		switch o := obj.(type) {
		case *nn.MLP:
			var sub nn.Dataset
			tl := c.obj.(*nn.MLP)
			p := buildNet(t, "tanh:4,3", "circle:n=40")
			for _, i := range batch {
				a, b2, y := p.Train.Point(i)
				sub.X = append(sub.X, a, b2)
				sub.Y = append(sub.Y, y)
			}
			alone, err := nn.NewMLP(tl.Arch(), &sub)
			if err != nil {
				t.Fatal(err)
			}
			o.UseBatch(batch)
			ga, gb := make([]float64, d), make([]float64, d)
			alone.Grad(ga, x)
			o.Grad(gb, x)
			if !close(alone.Func(x), o.Func(x), 1e-13) || !simtest.CloseVec(ga, gb, 1e-12) {
				t.Errorf("mlp: batch loss %v, gradient %v; the network on the batch's points alone %v, %v", o.Func(x), gb, alone.Func(x), ga)
			}
			o.UseBatch(nil)
		case *surfaces.LineFit:
			xy := o.Points()
			var sub []float64
			for _, i := range batch {
				sub = append(sub, xy[2*i], xy[2*i+1])
			}
			if len(sub) >= 2*surfaces.MinFitPoints {
				alone, err := surfaces.NewLineFit(sub)
				if err != nil {
					t.Fatal(err)
				}
				o.UseBatch(batch)
				if !close(alone.Func(x), o.Func(x), 1e-12) {
					t.Errorf("linefit: batch loss %v, the fit of its points alone %v", o.Func(x), alone.Func(x))
				}
				o.UseBatch(nil)
			}
		}
	}
}

func close(a, b, tol float64) bool {
	return math.Abs(a-b) <= tol*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}

// batchLog is a PointSum that writes down the batches it is given.
type batchLog struct {
	sim.PointSum
	batches [][]int
}

func (l *batchLog) UseBatch(idx []int) {
	if idx != nil {
		l.batches = append(l.batches, slices.Clone(idx))
	}
	l.PointSum.UseBatch(idx)
}

// TestBatchesVisitEveryPointOnceAnEpoch: batches of B points of N, drawn
// one a step, go through every point once in each run of N draws, in an
// order that differs from epoch to epoch and from seed to seed; the same
// seed gives the same batches. The rows count epochs as draws/N, and
// BatchF is the loss of the step's own batch at the new iterate.
func TestBatchesVisitEveryPointOnceAnEpoch(t *testing.T) {
	const b, steps = 3, 16
	draws := func(seed int) (*batchLog, *sim.Run) {
		k, _ := surfaces.Lookup("net-tanh")
		l := &batchLog{PointSum: k.New(sim.Defaults(k.Params)).(sim.PointSum)}
		spec := fmt.Sprintf("gd:lr=0.05,batch=%d,seed=%d", b, seed)
		return l, simtest.RunSpec(t, l, spec, []float64{0.5, 0.5}, steps, 0)
	}
	l, r := draws(7)
	n := l.NumPoints()
	if len(l.batches) != steps {
		t.Fatalf("%d batches in %d steps", len(l.batches), steps)
	}
	var all []int
	for _, bt := range l.batches {
		if len(bt) != b {
			t.Fatalf("a batch of %d points: %v", len(bt), bt)
		}
		all = append(all, bt...)
	}
	var epochs [][]int
	for e := 0; (e+1)*n <= len(all); e++ {
		ep := slices.Clone(all[e*n : (e+1)*n])
		epochs = append(epochs, slices.Clone(ep))
		slices.Sort(ep)
		for i, v := range ep {
			if v != i {
				t.Fatalf("epoch %d draws %v: not every point once", e, all[e*n:(e+1)*n])
			}
		}
	}
	if len(epochs) < 2 || slices.Equal(epochs[0], epochs[1]) {
		t.Errorf("epochs %v: the order should change", epochs)
	}
	l2, _ := draws(7)
	l3, _ := draws(8)
	if !slices.EqualFunc(l.batches, l2.batches, slices.Equal) {
		t.Error("the same seed drew other batches")
	}
	if slices.EqualFunc(l.batches, l3.batches, slices.Equal) {
		t.Error("another seed drew the same batches")
	}

	probe := l.PointSum
	for k := 1; k < len(r.Trace); k++ {
		row := r.Row(k)
		if want := float64(k*b) / float64(n); row.Epoch != want {
			t.Errorf("row %d: epoch %v, want %v", k, row.Epoch, want)
		}
		probe.UseBatch(l.batches[k-1])
		bf := probe.Func(row.X)
		probe.UseBatch(nil)
		if row.BatchF != bf || row.F != probe.Func(row.X) {
			t.Errorf("row %d: batch loss %v, loss %v; the batch's own at the iterate %v, all points' %v", k, row.BatchF, row.F, bf, probe.Func(row.X))
		}
	}
	if !math.IsNaN(r.Trace[0].BatchF) || r.Trace[0].Epoch != 0 {
		t.Errorf("row 0: batch loss %v, epoch %v; want NaN and 0", r.Trace[0].BatchF, r.Trace[0].Epoch)
	}
}

// TestFullBatchIsTheRunWithoutBatches: batch 0 and a batch of all points
// (or more) give every row of the run without batches, bit for bit, with
// no batch loss and one epoch a step.
func TestFullBatchIsTheRunWithoutBatches(t *testing.T) {
	p := buildNet(t, "tanh:4,3", "circle:n=40")
	n := p.TrainLoss.NumPoints()
	for _, spec := range []string{"gd:lr=0.3", "adam:lr=0.02", "momentum:lr=0.1", "sam:lr=0.1,rho=0.05"} {
		want := simtest.RunSpec(t, p.TrainLoss, spec, p.Init, 30, 0)
		for _, b := range []int{0, n, n + 7} {
			got := simtest.RunSpec(t, p.TrainLoss, fmt.Sprintf("%s,batch=%d", spec, b), p.Init, 30, 0)
			for k := range want.Trace {
				w, g := want.Row(k), got.Row(k)
				if w.F != g.F || !slices.Equal(w.X, g.X) || !math.IsNaN(g.BatchF) || g.Epoch != float64(k) {
					t.Fatalf("%s, batch=%d, row %d: f %v, x %v, batch loss %v, epoch %v; without batches f %v, x %v", spec, b, k, g.F, g.X, g.BatchF, g.Epoch, w.F, w.X)
				}
			}
		}
	}
}

// TestNoiseBallFollowsStepAndBatch: SGD started at the least-squares line
// of noisy points does not stay there: it wanders in a region whose size
// grows with the step size and shrinks with the batch (REFERENCE.md,
// "Minibatch SGD"). Drawn with replacement, the spread of small steps
// would go like η/B; drawn without (an epoch's gradients sum to the full
// one), it falls faster, towards (η/B)² (Mishchenko, Khaled, Richtárik,
// Random reshuffling, NeurIPS 2020): here ×4 the step gives about ×10,
// ×8 the batch about ÷30. Measured as the mean squared distance from θ*
// over the last half of 4000 steps.
func TestNoiseBallFollowsStepAndBatch(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	var xy []float64
	for range 200 {
		x := 4*rng.Float64() - 2
		xy = append(xy, x, 0.5+0.8*x+0.5*rng.NormFloat64())
	}
	spread := func(lr float64, b int) float64 {
		f, err := surfaces.NewLineFit(xy)
		if err != nil {
			t.Fatal(err)
		}
		star := f.Minima()[0]
		r := simtest.RunSpec(t, f, fmt.Sprintf("gd:lr=%g,batch=%d,seed=5", lr, b), []float64{star.X, star.Y}, 4000, 0)
		var s float64
		for k := 2000; k < len(r.Trace); k++ {
			x := r.X(k)
			s += (x[0]-star.X)*(x[0]-star.X) + (x[1]-star.Y)*(x[1]-star.Y)
		}
		return s / float64(len(r.Trace)-2000)
	}
	small, large, bigBatch := spread(0.01, 4), spread(0.04, 4), spread(0.04, 32)
	t.Logf("mean squared distance from θ*: lr 0.01 batch 4: %.3g; lr 0.04 batch 4: %.3g; lr 0.04 batch 32: %.3g", small, large, bigBatch)
	if !(large > 4*small) {
		t.Errorf("four times the step: spread %.3g against %.3g, want it well above", large, small)
	}
	if !(bigBatch < large/8) {
		t.Errorf("eight times the batch: spread %.3g against %.3g, want it well below", bigBatch, large)
	}
}

// TestBatchStepAllocatesNothing: a step on a batch allocates nothing in
// steady state, on a network and on a line fit.
func TestBatchStepAllocatesNothing(t *testing.T) {
	p := buildNet(t, "tanh:4,3", "circle:n=40")
	f, _ := surfaces.NewLineFit([]float64{0, 1, 1, 2, 2, 2.5, 3, 4, 4, 4.5})
	for name, c := range map[string]struct {
		obj sim.Objective
		x0  []float64
	}{"mlp": {p.TrainLoss, p.Init}, "linefit": {f, []float64{0, 0}}} {
		for _, spec := range []string{"gd:lr=0.01,batch=3", "adam:lr=0.01,batch=2", "nesterov:lr=0.01,batch=3"} {
			s, _ := sim.ParseSpec(spec)
			r := sim.NewRun(c.obj, s.New(), c.x0, sim.RunOptions{Budget: 1000, VectorLimit: 1 << 16})
			for range 50 {
				r.Step()
			}
			if a := testing.AllocsPerRun(50, func() { r.Step() }); a > 0 {
				t.Errorf("%s, %s: %v allocations a step", name, spec, a)
			}
		}
	}
}

// TestWeightDecay: with wd, gradient descent minimizes f + (wd/2)‖x‖²:
// on linreg its limit is θ = (H + wd·I)⁻¹·(2/m)Xᵀy, solved by gonum from
// the data; each step is x − η(∇f + wd·x); the rows record f itself (the
// loss without the penalty); second-order methods take no weight decay.
func TestWeightDecay(t *testing.T) {
	const wd, lr = 0.5, 0.03
	q, _ := surfaces.Lookup("linreg")
	f := q.New(nil)
	r := simtest.RunSpec(t, f, fmt.Sprintf("gd:lr=%g,wd=%g", lr, wd), []float64{-1, 3}, 20000, 0)
	X, y := surfaces.LinRegMatrix()
	m := float64(len(y))
	var a mat.Dense
	xm := mat.NewDense(len(y), 2, nil)
	for i, row := range X {
		xm.SetRow(i, row)
	}
	a.Mul(xm.T(), xm)
	a.Scale(2/m, &a)
	a.Set(0, 0, a.At(0, 0)+wd)
	a.Set(1, 1, a.At(1, 1)+wd)
	var b mat.VecDense
	b.MulVec(xm.T(), mat.NewVecDense(len(y), y))
	b.ScaleVec(2/m, &b)
	var want mat.VecDense
	if err := want.SolveVec(&a, &b); err != nil {
		t.Fatal(err)
	}
	last := r.Last()
	if math.Abs(last.X[0]-want.AtVec(0)) > 1e-9 || math.Abs(last.X[1]-want.AtVec(1)) > 1e-9 {
		t.Errorf("gd with wd=%v ends at %v; the minimizer of f + (wd/2)|x|² is (%v, %v)", wd, last.X, want.AtVec(0), want.AtVec(1))
	}
	g := make([]float64, 2)
	for k := 1; k < 30; k++ {
		prev, row := r.Row(k-1), r.Row(k)
		f.Grad(g, prev.X)
		for i := range g {
			if x := prev.X[i] - lr*(g[i]+wd*prev.X[i]); math.Abs(row.X[i]-x) > 1e-14 {
				t.Fatalf("step %d: x %v, want x − η(g + wd·x) in coordinate %d = %v", k, row.X, i, x)
			}
		}
		if math.Abs(row.F-f.Func(row.X)) > 1e-12 {
			t.Fatalf("row %d records %v; f there is %v", k, row.F, f.Func(row.X))
		}
	}
	for _, spec := range []string{"newton:wd=0.1", "bfgs:wd=0.1"} {
		if _, err := sim.ParseSpec(spec); err == nil {
			t.Errorf("%s accepted: weight decay is a first-order method's", spec)
		}
	}
}
