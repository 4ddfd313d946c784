package sim_test

import (
	"math"
	"testing"

	"curvlab/sim"
	"curvlab/sim/internal/simtest"
	"curvlab/sim/surfaces"
)

// TestScheduleRates: each schedule's step at chosen steps against its
// formula worked by hand for lr 1 and T = 100 (warm-up: 10 steps).
func TestScheduleRates(t *testing.T) {
	for _, c := range []struct {
		kind sim.ScheduleKind
		at   map[int]float64
	}{
		{sim.ScheduleConstant, map[int]float64{0: 1, 99: 1, 5000: 1}},
		{sim.ScheduleStep, map[int]float64{0: 1, 99: 1, 100: 0.5, 199: 0.5, 250: 0.25, 1000: 1.0 / 1024}},
		{sim.ScheduleCosine, map[int]float64{0: 1, 50: 0.5, 25: (1 + math.Sqrt2/2) / 2, 100: 0, 150: 0}},
		{sim.ScheduleWarmup, map[int]float64{0: 0.1, 4: 0.5, 9: 1, 10: 1, 55: 0.5, 100: 0, 400: 0}},
		{sim.ScheduleInverse, map[int]float64{0: 1, 100: 0.5, 300: 0.25}},
	} {
		s := sim.Scheduling{Schedule: c.kind, Decay: 100}
		for step, want := range c.at {
			if got := s.Rate(1, step); math.Abs(got-want) > 1e-15 {
				t.Errorf("%v: step %d has rate %v, want %v", c.kind, step, got, want)
			}
		}
	}
}

// TestScheduleDrivesTheSteps: on a quadratic, each gradient step is
// x₊ = x − η_t·g with η_t the schedule's (row t+1's α, and StepSizeAt),
// for every first-order method's lr the same way; and a step decay that
// starts above gradient descent's stability line 2/λmax grows the error
// while η_t is above it and shrinks it once the step halves below it.
func TestScheduleDrivesTheSteps(t *testing.T) {
	q := surfaces.NewQuadratic(1, 10, 0) // λmax = 10: the line is at η = 0.2
	for _, spec := range []string{"gd:lr=0.05,schedule=cosine,decay=30", "gd:lr=0.05,schedule=warmup,decay=30", "gd:lr=0.05,schedule=inverse,decay=3"} {
		sp, _ := sim.ParseSpec(spec)
		r := simtest.RunSpec(t, q, spec, []float64{1, 1}, 40, 0)
		for k := 1; k < len(r.Trace); k++ {
			eta, _ := sim.StepSizeAt(sp, k-1)
			prev, row := r.Row(k-1), r.Row(k)
			x0, x1 := prev.X[0]-eta*prev.G[0], prev.X[1]-eta*prev.G[1]
			if row.Alpha != eta || math.Abs(row.X[0]-x0) > 1e-15 || math.Abs(row.X[1]-x1) > 1e-15 {
				t.Fatalf("%s, step %d: α %v, x %v; want η %v, x (%v, %v)", spec, k, row.Alpha, row.X, eta, x0, x1)
			}
		}
	}
	for _, name := range []string{"momentum", "nesterov", "adagrad", "rmsprop", "adam", "sam"} {
		sp, _ := sim.ParseSpec(name + ":lr=0.01,schedule=step,decay=5")
		r := simtest.RunSpec(t, q, sp.String(), []float64{1, 1}, 12, 0)
		for k := 1; k < len(r.Trace); k++ {
			if eta, ok := sim.StepSizeAt(sp, k-1); !ok || r.Trace[k].Alpha != eta {
				t.Errorf("%s, step %d: α %v, want %v", name, k, r.Trace[k].Alpha, eta)
			}
		}
	}
	r := simtest.RunSpec(t, q, "gd:lr=0.3,schedule=step,decay=20", []float64{1, 1}, 200, 0)
	norm := func(k int) float64 { x := r.X(k); return math.Hypot(x[0], x[1]) }
	if !(norm(20) > 1e5*norm(0)) || !(norm(200) < 1e-3*norm(20)) {
		t.Errorf("|x| %v at the start, %v at step 20 (η = 0.3 above 2/λ = 0.2), %v at step 200 (η ≤ 0.15)", norm(0), norm(20), norm(200))
	}
	if _, ok := sim.StepSizeAt(mustSpec(t, "newton"), 3); ok {
		t.Error("Newton has a schedule")
	}
}
