package sim_test

import (
	"testing"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/optimize"

	"curvlab/sim"
	"curvlab/sim/scenario"
	"curvlab/sim/surfaces"
)

// Benchmarks; figures and the commands that produce them are in
// BENCHMARKS.md. Run with: go test -run '^$' -bench . -benchmem ./sim

func mustSurface(b testing.TB, name string) surfaces.Surface {
	s, err := surfaces.New(name, "")
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkStep times one iteration of every method on Rosenbrock in steady
// state: each run starts at (−1.2, 1) and is restarted (outside the timer)
// when it ends, so every timed call is a real iteration. allocs/op must be 0.
func BenchmarkStep(b *testing.B) {
	surf := mustSurface(b, "rosenbrock")
	for _, k := range sim.MethodKinds() {
		b.Run(k.Name, func(b *testing.B) {
			spec := sim.Spec{Kind: k, Values: sim.Defaults(k.Params)}
			const budget = 1 << 12
			newRun := func() *sim.Run {
				r := sim.NewRun(surf, spec.New(), []float64{-1.2, 1}, sim.RunOptions{Budget: budget})
				for i := 0; i < 3 && r.Step(); i++ { // past the first, allocating, iterations
				}
				return r
			}
			benchSteps(b, budget, newRun)
		})
	}
}

// benchSteps times b.N calls of Step on runs from newRun, replacing the
// run (outside the timer) when it ends or has budget rows.
func benchSteps(b *testing.B, budget int, newRun func() *sim.Run) {
	r := newRun()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if r.Done || len(r.Trace) >= budget {
			b.StopTimer()
			r = newRun()
			b.StartTimer()
		}
		r.Step()
	}
}

// BenchmarkGrid512 evaluates Rosenbrock on a 512×512 grid over its default
// view: the work of recomputing the app's heatmap.
func BenchmarkGrid512(b *testing.B) {
	surf := mustSurface(b, "rosenbrock")
	w := surf.View()
	const n = 512
	vals := make([]float64, n*n)
	x := make([]float64, 2)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for r := 0; r < n; r++ {
			x[1] = w.YMin + (w.YMax-w.YMin)*float64(r)/(n-1)
			for c := 0; c < n; c++ {
				x[0] = w.XMin + (w.XMax-w.XMin)*float64(c)/(n-1)
				vals[r*n+c] = surf.Func(x)
			}
		}
	}
}

// gonumProblem adapts an Objective to gonum's optimize.Problem.
func gonumProblem(obj sim.Objective) optimize.Problem {
	n := obj.Dim()
	h := make([]float64, n*n)
	return optimize.Problem{
		Func: obj.Func,
		Grad: func(grad, x []float64) { obj.Grad(grad, x) },
		Hess: func(dst *mat.SymDense, x []float64) {
			obj.Hess(h, x)
			for i := 0; i < n; i++ {
				for j := i; j < n; j++ {
					dst.SetSym(i, j, h[i*n+j])
				}
			}
		},
	}
}

// BenchmarkSolveRosenbrock solves Rosenbrock from (−1.2, 1) to ‖g‖ ≤ 1e-8
// with our BFGS and with gonum's optimize.Minimize + BFGS, in the same run.
func BenchmarkSolveRosenbrock(b *testing.B) {
	surf := mustSurface(b, "rosenbrock")
	const tol = 1e-8
	x0 := []float64{-1.2, 1}
	b.Run("ours-bfgs", func(b *testing.B) {
		spec, err := sim.ParseSpec("bfgs")
		if err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			r := sim.NewRun(surf, spec.New(), x0, sim.RunOptions{Tol: tol, Budget: 64})
			for r.Step() {
			}
			if !(r.Last().Events&sim.EventConverged != 0) {
				b.Fatal("ours did not converge")
			}
		}
	})
	b.Run("gonum-bfgs", func(b *testing.B) {
		p := gonumProblem(surf)
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			res, err := optimize.Minimize(p, x0, &optimize.Settings{GradientThreshold: tol}, &optimize.BFGS{})
			if err != nil || res.Status != optimize.GradientThreshold {
				b.Fatal("gonum did not converge", err)
			}
		}
	})
}

// BenchmarkNetStep times one iteration, with its trace row, of gradient
// descent and L-BFGS on the largest network a link can ask for (2-8-8-8-1
// sigmoid, 177 weights, cross-entropy on 1000 spiral points), restarted
// (outside the timer) every 1<<12 steps: it measures what storing a row of
// 177-dimensional vectors adds to a step.
func BenchmarkNetStep(b *testing.B) {
	benchNetSteps(b, buildNet(b, "sigmoid:8,8,8,loss=ce,init=1000000000", "spiral:n=1000,noise=1,seed=1000000000"), "gd", "lbfgs")
}

// benchNetSteps times one iteration of each spec on p, restarted (outside
// the timer) every 1<<12 steps.
func benchNetSteps(b *testing.B, p *scenario.NetProblem, specs ...string) {
	for _, spec := range specs {
		b.Run(spec, func(b *testing.B) {
			sp, err := sim.ParseSpec(spec)
			if err != nil {
				b.Fatal(err)
			}
			const budget = 1 << 12
			benchSteps(b, budget, func() *sim.Run { return sim.NewRun(p.TrainLoss, sp.New(), p.Init, sim.RunOptions{Budget: budget}) })
		})
	}
}

// BenchmarkBatchStep times one iteration of gradient descent on the
// 2-8-8-1 tanh network of the edge-of-stability lesson (circle, 200
// points, 150 of them training points) with the full batch and with
// batches of 15 and 1, each with its trace row: the batch's loss and
// gradient at the iterate and at the new one, and the loss over all
// points at the new one, which every row records.
func BenchmarkBatchStep(b *testing.B) {
	benchNetSteps(b, buildNet(b, "tanh:8,8", "circle"), "gd:lr=0.1", "gd:lr=0.1,batch=15", "gd:lr=0.1,batch=1")
}
