package scenario_test

import (
	"fmt"
	"math"
	"testing"

	"curvlab/sim"
	"curvlab/sim/explore"
	"curvlab/sim/scenario"

	"gonum.org/v1/gonum/mat"
)

// What each lesson's steps say about the numbers, asserted on the numbers
// of the step's own scenario: claims["name/k"] checks step k of lesson
// name. Every step that shows an iteration (Step.Iter) says something of
// it, so it must have a claim; every lesson has at least one.

// TestLessonClaims runs every claim, and checks that each step that shows
// an iteration and each lesson has one, and that each claim names a step.
func TestLessonClaims(t *testing.T) {
	steps := map[string]bool{}
	for _, l := range scenario.Lessons() {
		has := false
		for k, st := range l.Steps {
			key := fmt.Sprintf("%s/%d", l.Name, k+1)
			steps[key] = true
			claim, ok := claims[key]
			if !ok {
				if st.Iter > 0 {
					t.Errorf("%s shows iteration %d, and no claim checks what it says", key, st.Iter)
				}
				continue
			}
			has = true
			sc, err := l.StepScenario(k + 1)
			if err != nil {
				t.Fatal(err)
			}
			t.Run(key, func(t *testing.T) { claim(t, sc) })
		}
		if !has {
			t.Errorf("lesson %s: no claim", l.Name)
		}
	}
	for key := range claims {
		if !steps[key] {
			t.Errorf("claim %s names no lesson step", key)
		}
	}
}

// runAll runs every panel of sc for at most steps steps (each stops early
// only if it ends).
func runAll(sc scenario.Scenario, steps int) []*sim.Run {
	runs := sc.NewRuns()
	for _, r := range runs {
		for i := 0; i < steps && r.Step(); i++ {
		}
	}
	return runs
}

// trackedRuns runs sc's panels for steps steps, tracking the sharpness of
// the panels in tracked at every row; the others get a tracker that has
// measured nothing.
func trackedRuns(sc scenario.Scenario, steps int, tracked ...int) ([]*sim.Run, []*scenario.NetTracker) {
	p := sc.NetProblem()
	runs := sc.NewRuns()
	trs := make([]*scenario.NetTracker, len(runs))
	for k, r := range runs {
		trs[k] = scenario.NewNetTracker(p)
		for _, j := range tracked {
			if j == k {
				trs[k].Follow(r)
			}
		}
		for i := 0; i < steps && r.Step(); i++ {
		}
	}
	return runs, trs
}

// convergedAt checks that r converged at iteration iter, at x within tol.
func convergedAt(t *testing.T, what string, r *sim.Run, iter int, x []float64, tol float64) {
	t.Helper()
	last := r.Last()
	if last.Events&sim.EventConverged == 0 || last.Iter != iter || dist(last.X, x) > tol {
		t.Errorf("%s: ends at iteration %d at %v (events %v), want converged at %d at %v", what, last.Iter, last.X, last.Events, iter, x)
	}
}

func dist(a, b []float64) float64 { return math.Hypot(a[0]-b[0], a[1]-b[1]) }

// fdHessian is the Hessian of obj at x by central differences of its
// gradient, symmetrized: an estimate independent of the objective's own
// Hessian.
func fdHessian(obj sim.Objective, x []float64) *mat.SymDense {
	n := len(x)
	cols := make([][]float64, n)
	for j := range n {
		e := 1e-5 * math.Max(1, math.Abs(x[j]))
		xp, xm := append([]float64(nil), x...), append([]float64(nil), x...)
		xp[j] += e
		xm[j] -= e
		gp, gm := make([]float64, n), make([]float64, n)
		obj.Grad(gp, xp)
		obj.Grad(gm, xm)
		cols[j] = make([]float64, n)
		for i := range n {
			cols[j][i] = (gp[i] - gm[i]) / (2 * e)
		}
	}
	h := mat.NewSymDense(n, nil)
	for i := range n {
		for j := i; j < n; j++ {
			h.SetSym(i, j, (cols[j][i]+cols[i][j])/2)
		}
	}
	return h
}

// eigen are the eigenvalues of a symmetric matrix, ascending.
func eigen(t *testing.T, h *mat.SymDense) []float64 {
	var es mat.EigenSym
	if !es.Factorize(h, false) {
		t.Fatal("eigen-decomposition failed")
	}
	return es.Values(nil)
}

// relErr is ‖a − b‖_F / ‖b‖_F of two row-major n×n matrices.
func relErr(a, b []float64) float64 {
	var d, n float64
	for i := range b {
		d += (a[i] - b[i]) * (a[i] - b[i])
		n += b[i] * b[i]
	}
	return math.Sqrt(d / n)
}

func minOf(v []float64) float64 {
	m := math.Inf(1)
	for _, x := range v {
		m = math.Min(m, x)
	}
	return m
}

func maxOf(v []float64) float64 {
	m := math.Inf(-1)
	for _, x := range v {
		m = math.Max(m, x)
	}
	return m
}

// atTheEdge checks the edge-of-stability pattern of a sharpness series
// against its line edge: it starts below 0.9·edge, climbs to it, and then
// stays within [0.8, 1.25]·edge for at least 100 rows in a row. It returns
// the row it reached the edge at and the longest stay.
func atTheEdge(t *testing.T, what string, lam []float64, edge float64) (reach, longest int) {
	t.Helper()
	reach = -1
	for k, l := range lam {
		if l >= 0.9*edge {
			reach = k
			break
		}
	}
	if reach < 0 {
		t.Errorf("%s: never reaches 0.9 of its line %.4g (max %.4g)", what, edge, maxOf(lam))
		return reach, 0
	}
	if lo := minOf(lam[:reach+1]); !(lo < 0.9*edge) {
		t.Errorf("%s: starts at its line already (min %.4g before reaching it): nothing climbs", what, lo)
	}
	run := 0
	for _, l := range lam[reach:] {
		if l >= 0.8*edge && l <= 1.25*edge {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	if longest < 100 {
		t.Errorf("%s: after reaching its line %.4g at row %d, stays within [0.8, 1.25] of it for at most %d rows in a row, want 100", what, edge, reach, longest)
	}
	return reach, longest
}

// finals are each panel's final training loss, test loss and sharpness.
func finals(sc scenario.Scenario, runs []*sim.Run) (loss, test, sharp []float64) {
	for _, r := range runs {
		te, sh := scenario.NewNetTracker(sc.NetProblem()).Measure(r.Last().X)
		loss, test, sharp = append(loss, r.Last().F), append(test, te), append(sharp, sh)
	}
	return loss, test, sharp
}

var claims = map[string]func(t *testing.T, sc scenario.Scenario){
	// first-look
	"first-look/2": func(t *testing.T, sc scenario.Scenario) {
		runs := runAll(sc, sc.Steps)
		convergedAt(t, "Newton", runs[1], 21, []float64{1, 1}, 1e-6)
		convergedAt(t, "SR1", runs[2], 49, []float64{1, 1}, 1e-6)
	},
	"first-look/3": func(t *testing.T, sc scenario.Scenario) {
		runs := runAll(sc, 500)
		if f := runs[0].Row(500).F; math.Abs(f-2.28) > 0.005 {
			t.Errorf("gradient descent's f after 500 steps = %v, the text says 2.28", f)
		}
		lam := eigen(t, fdHessian(sc.Objective(), sc.Start))
		edge, lr := 2/lam[1], sc.Methods[0].Value("lr")
		if !(lr < edge) || math.Abs(edge-0.0013) > 0.00005 {
			t.Errorf("2/λ_max at the start = %v (the text says ≈ 0.0013), α = %v must be just under it", edge, lr)
		}
	},

	// sr1-learns: SR1 with unit steps learns A⁻¹ in two steps (Nocedal &
	// Wright, Theorem 6.1); A is the bowl's Hessian, here by differences.
	"sr1-learns/1": func(t *testing.T, sc scenario.Scenario) {
		runs := runAll(sc, 1)
		if x := runs[2].Row(1).X; math.Hypot(x[0], x[1]) > 1e-12 {
			t.Errorf("Newton's first step lands at %v, not the minimum", x)
		}
	},
	"sr1-learns/2": func(t *testing.T, sc scenario.Scenario) {
		runs := runAll(sc, 2)
		var ainv mat.Dense
		if err := ainv.Inverse(fdHessian(sc.Objective(), sc.Start)); err != nil {
			t.Fatal(err)
		}
		truth := ainv.RawMatrix().Data
		for k, r := range runs[:2] {
			if r.Row(2).CurvKind != sim.CurvH {
				t.Fatalf("panel %d keeps %v, not H", k+1, r.Row(2).CurvKind)
			}
		}
		if e := relErr(runs[0].Row(1).Curv, truth); e < 0.1 {
			t.Errorf("SR1's H after one step is already %.2g from A⁻¹: nothing left to learn", e)
		}
		if e := relErr(runs[0].Row(2).Curv, truth); e > 1e-6 {
			t.Errorf("SR1's H after two steps is %.2g from A⁻¹, the text says it meets it", e)
		}
		if e := relErr(runs[1].Row(2).Curv, truth); !(e > 0.5) {
			t.Errorf("BFGS's H after two steps is %.2g from A⁻¹, the text says more than 50%%", e)
		}
	},
	"sr1-learns/3": func(t *testing.T, sc scenario.Scenario) {
		runs := runAll(sc, sc.Steps)
		convergedAt(t, "SR1", runs[0], 3, []float64{0, 0}, 1e-12)
		convergedAt(t, "BFGS", runs[1], 7, []float64{0, 0}, 1e-9)
	},

	// saddle
	"saddle/1": func(t *testing.T, sc scenario.Scenario) {
		runs := runAll(sc, 1)
		if x := runs[0].Row(1).X; math.Hypot(x[0], x[1]) > 1e-12 || runs[0].Row(1).Events&sim.EventConverged == 0 {
			t.Errorf("plain Newton went to %v (events %v), not onto the saddle, stopping", x, runs[0].Row(1).Events)
		}
	},
	"saddle/2": func(t *testing.T, sc scenario.Scenario) {
		runs := runAll(sc, 10)
		for k := 2; k <= 10; k++ { // from (0, 0.2), where the first step left it
			if y0, y1 := runs[1].Row(k - 1).X[1], runs[1].Row(k).X[1]; math.Abs(y1-2*y0) > 1e-9 || runs[1].Row(k).F >= runs[1].Row(k-1).F {
				t.Errorf("saddle-free Newton's y %v → %v at step %d: not doubling downhill", y0, y1, k)
			}
		}
		if y := runs[1].Row(10).X[1]; math.Abs(y-102.4) > 1e-9 {
			t.Errorf("saddle-free Newton's y at 10 = %v, the text says 102.4", y)
		}
		if y := runs[2].Row(10).X[1]; math.Abs(y-0.62) > 0.005 {
			t.Errorf("gradient descent's y at 10 = %v, the text says 0.62", y)
		}
	},

	// valley
	"valley/1": func(t *testing.T, sc scenario.Scenario) {
		gd := runAll(sc, 10)[0]
		flips := 0
		for i := 2; i <= 10; i++ {
			a, b, c := gd.Row(i-1).X, gd.Row(i-2).X, gd.Row(i).X
			if (a[0]-b[0])*(c[0]-a[0])+(a[1]-b[1])*(c[1]-a[1]) < 0 {
				flips++
			}
		}
		if flips < 8 {
			t.Errorf("gradient descent turned back %d times in its first ten steps (9 chances), the text says nearly every step", flips)
		}
	},
	"valley/2": func(t *testing.T, sc scenario.Scenario) {
		runs := runAll(sc, sc.Steps)
		convergedAt(t, "Newton", runs[1], 3, []float64{0, 0}, 1e-9)
		convergedAt(t, "BFGS", runs[2], 14, []float64{0, 0}, 1e-9)
		if gd := runs[0].Last(); gd.Iter != 300 || gd.Events&(sim.EventConverged|sim.EventDiverged) != 0 {
			t.Errorf("gradient descent ends at %d with %v, want 300 steps and neither converged nor diverged", gd.Iter, gd.Events)
		}
	},

	// linreg: λ from the Hessian by differences (the quadratic's own).
	"linreg/1": func(t *testing.T, sc scenario.Scenario) {
		lam := eigen(t, fdHessian(sc.Objective(), sc.Start))
		lr := sc.Methods[0].Value("lr")
		if math.Abs(lr*lam[0]-1) > 1e-4 || !(lr > 2/lam[1]) || !(lam[1] > 10*lam[0]) {
			t.Errorf("α = %v against 1/λ_min = %v and 2/λ_max = %v: the text says α = 1/λ_min, over 2/λ_max, λ_max far larger", lr, 1/lam[0], 2/lam[1])
		}
		runs := runAll(sc, sc.Steps)
		if last := runs[0].Last(); last.Iter != 5 || last.Events&sim.EventDiverged == 0 {
			t.Errorf("α = 1/λ_min ends at iteration %d with %v, the text says diverged at 5", last.Iter, last.Events)
		}
	},
	"linreg/2": func(t *testing.T, sc scenario.Scenario) {
		lam := eigen(t, fdHessian(sc.Objective(), sc.Start))
		runs := runAll(sc, sc.Steps)
		slow := runs[1]
		if lr := sc.Methods[1].Value("lr"); !(lr < 2/lam[1]) || slow.Last().Events&sim.EventDiverged != 0 || !(slow.Last().F < slow.Row(100).F && slow.Row(100).F < slow.Row(0).F) {
			t.Errorf("α = %v (2/λ_max %v): f %v, %v, %v at 0, 100, 200: not converging", lr, 2/lam[1], slow.Row(0).F, slow.Row(100).F, slow.Last().F)
		}
		if x := runs[2].Row(1).X; dist(x, []float64{1, 1}) > 1e-9 {
			t.Errorf("Newton's first step reached %v, not (1, 1)", x)
		}
	},

	// net-saddle
	"net-saddle/1": func(t *testing.T, sc scenario.Scenario) {
		r := runAll(sc, 3)[1]
		if x := r.Row(3).X; math.Hypot(x[0], x[1]) > 1e-12 || r.Row(3).GNorm > 1e-12 || !(r.Row(3).F > 1) {
			t.Errorf("plain Newton at 3: %v, ‖g‖ %v, loss %v: the text says on the saddle, gradient zero, loss high", x, r.Row(3).GNorm, r.Row(3).F)
		}
	},
	"net-saddle/2": func(t *testing.T, sc scenario.Scenario) {
		runs := runAll(sc, sc.Steps)
		teacher := []float64{0.8, 1.5}
		convergedAt(t, "saddle-free Newton", runs[2], 10, teacher, 1e-6)
		convergedAt(t, "SR1", runs[3], 17, teacher, 1e-6)
		if x := runs[0].Last().X; dist(x, teacher) > 1e-3 {
			t.Errorf("gradient descent ends at %v, not at the teacher", x)
		}
	},

	// dead-relu: the neuron is off where a·x + b < 0 on every input.
	"dead-relu/1": func(t *testing.T, sc scenario.Scenario) {
		r := runAll(sc, sc.Steps)[1]
		x := r.Row(2).X
		if dist(x, []float64{0.37, -2.18}) > 0.01 || r.Row(2).GNorm != 0 || r.Last().Iter != 2 {
			t.Errorf("step 1: iteration 2 at %v, ‖g‖ %v, run ends at %d: the text says (0.37, −2.18), zero, for good", x, r.Row(2).GNorm, r.Last().Iter)
		}
	},
	"dead-relu/2": func(t *testing.T, sc scenario.Scenario) {
		runs := runAll(sc, sc.Steps)
		teacher := []float64{1, -0.5}
		if x := runs[0].Last().X; dist(x, teacher) > 1e-3 {
			t.Errorf("step 0.5 ends at %v, not at the teacher", x)
		}
		convergedAt(t, "Newton", runs[2], 4, teacher, 1e-9)
	},

	// edge-of-stability (Cohen et al., ICLR 2021): for each panel the
	// sharpness climbs to 2/η and hovers, the loss rising at times and
	// ending below the start.
	"edge-of-stability/1": func(t *testing.T, sc scenario.Scenario) {
		_, trs := trackedRuns(sc, 0, 0)
		for _, m := range sc.Methods {
			if lam := trs[0].Sharpness[0]; !(lam < 2/m.Value("lr")) {
				t.Errorf("%s starts at λ_max %v, not under its line %v", m, lam, 2/m.Value("lr"))
			}
		}
	},
	"edge-of-stability/2": func(t *testing.T, sc scenario.Scenario) {
		runs, trs := trackedRuns(sc, 1200, 0, 1)
		for i, r := range runs {
			spec := sc.Methods[i]
			reach, longest := atTheEdge(t, spec.String(), trs[i].Sharpness, 2/spec.Value("lr"))
			if reach < 0 {
				continue
			}
			rises := 0
			for k := reach; k+1 < len(r.Trace); k++ {
				if r.Row(k+1).F > r.Row(k).F {
					rises++
				}
			}
			if rises == 0 || !(r.Last().F < r.Row(0).F) {
				t.Errorf("%s: %d loss rises after the edge, loss %v → %v: want some, and lower at the end", spec, rises, r.Row(0).F, r.Last().F)
			}
			t.Logf("%s: reached at %d, longest stay %d, %d loss rises", spec, reach, longest, rises)
		}
	},

	// eos-momentum: the lines worked out by hand, 2(1+0.5)/0.5 = 6 and
	// (2+1)/((1+1)·0.25) = 6.
	"eos-momentum/1": func(t *testing.T, sc scenario.Scenario) {
		for k := range 2 {
			c, _, ok := sim.StabilityProduct(sc.Methods[k])
			if got := c / sc.Methods[k].Value("lr"); !ok || math.Abs(got-6) > 1e-12 {
				t.Errorf("%s: line %v, the text says 6", sc.Methods[k], got)
			}
		}
	},
	"eos-momentum/2": func(t *testing.T, sc scenario.Scenario) {
		_, trs := trackedRuns(sc, 1500, 0, 1)
		for k := range 2 {
			atTheEdge(t, sc.Methods[k].String(), trs[k].Sharpness, 6)
		}
	},

	// adam-edge: (2+2·0.9)/((1−0.9)·0.03) = 38/0.03.
	"adam-edge/2": func(t *testing.T, sc scenario.Scenario) {
		_, trs := trackedRuns(sc, 1000, 0)
		edge := 38 / 0.03
		atTheEdge(t, sc.Methods[0].String(), trs[0].SharpnessPre[1:], edge) // row 0: no step, no preconditioner
		if m := maxOf(trs[0].Sharpness); !(m < edge/50) {
			t.Errorf("λ_max(H) reaches %v: the text says about a hundred times under the line %v", m, edge)
		}
	},

	// catapult (Lewkowycz et al. 2020)
	"catapult/1": func(t *testing.T, sc scenario.Scenario) {
		_, trs := trackedRuns(sc, 0, 0)
		edge0 := 2 / trs[0].Sharpness[0]
		lrs := []float64{sc.Methods[0].Value("lr"), sc.Methods[1].Value("lr"), sc.Methods[2].Value("lr")}
		if !(lrs[0] < edge0 && edge0 < lrs[1] && lrs[1] < 2*edge0 && lrs[2] >= 2*edge0) {
			t.Errorf("2/λ₀ = %v: the step sizes %v do not straddle it as the text says", edge0, lrs)
		}
	},
	"catapult/2": func(t *testing.T, sc scenario.Scenario) {
		runs, trs := trackedRuns(sc, 400, 1)
		lam, r := trs[1].Sharpness, runs[1]
		lr := sc.Methods[1].Value("lr")
		start, peak, fell := r.Row(0).F, 0.0, -1
		for k := 1; k <= 10; k++ {
			peak = math.Max(peak, r.Row(k).F)
			if fell < 0 && lam[k] < 2/lr {
				fell = k
			}
		}
		_, flat0 := scenario.NewNetTracker(sc.NetProblem()).Measure(runs[0].Last().X)
		_, flat1 := scenario.NewNetTracker(sc.NetProblem()).Measure(r.Last().X)
		if !(peak > start) || fell < 0 || !(r.Last().F < start) || !(flat1 < flat0) {
			t.Errorf("η = %v: loss %v, peak %v in ten steps, %v at the end; under 2/η at step %d; final λ_max %v against %v for η = 0.3", lr, start, peak, r.Last().F, fell, flat1, flat0)
		}
		for k := 1; k <= 50; k++ {
			if runs[0].Row(k).F > runs[0].Row(k-1).F {
				t.Errorf("η = 0.3: the loss rises at step %d, the text says it descends steadily", k)
				break
			}
		}
		if runs[2].Last().Events&sim.EventDiverged == 0 {
			t.Errorf("η = 0.9 did not diverge")
		}
	},

	// batch-size (Dinh et al. 2017)
	"batch-size/2": func(t *testing.T, sc scenario.Scenario) {
		_, test, sharp := finals(sc, runAll(sc, 3000))
		if !(sharp[0] < 0.85*sharp[1] && sharp[1] < 0.85*sharp[2]) {
			t.Errorf("final λ_max %v for batches of 5, 50 and all: want each well under the next", sharp)
		}
		if !(test[1] > test[2]) {
			t.Errorf("test loss %v: batches of 50 should test worse than the full batch", test)
		}
	},

	// sam (Foret et al. 2021)
	"sam/2": func(t *testing.T, sc scenario.Scenario) {
		_, test, sharp := finals(sc, runAll(sc, 3000))
		if !(sharp[1] < 0.5*sharp[0]) || !(test[1] < test[0]) {
			t.Errorf("GD then SAM: final λ_max %v (want SAM's under half), test loss %v (want SAM's lower)", sharp, test)
		}
	},

	// sweep-lr: of the 40 step sizes, every run that settles ends with its
	// sharpness at or under 2/η (within 5%); where 2/η is under the
	// sharpness small steps reach, it is pinned to the line (within 10%);
	// runs with η above about 1 diverge, those under it do not.
	"sweep-lr/2": func(t *testing.T, sc scenario.Scenario) {
		sw, ok := explore.PanelSweep(sc, 0)
		if !ok {
			t.Fatal("no sweep")
		}
		pts := sw.Run(sc, 0)
		if len(pts) != 40 {
			t.Fatalf("%d points, want 40", len(pts))
		}
		top, pinned, diverged := 0.0, 0, 0
		for _, p := range pts {
			edge := 2 / p.Value
			switch {
			case p.Diverged():
				diverged++
				if p.Value < 0.9 {
					t.Errorf("η = %.4g diverged", p.Value)
				}
			case p.Value > 1.2:
				t.Errorf("η = %.4g settled (λmax %.4g, 2/η %.4g)", p.Value, p.Sharpness, edge)
			case p.Sharpness > 1.05*edge:
				t.Errorf("η = %.4g ends with λmax %.4g above 2/η = %.4g", p.Value, p.Sharpness, edge)
			default:
				top = max(top, p.Sharpness)
			}
		}
		for _, p := range pts {
			if edge := 2 / p.Value; !p.Diverged() && edge < 0.9*top {
				pinned++
				if p.Sharpness < 0.9*edge {
					t.Errorf("η = %.4g: 2/η = %.4g is under the sharpness small steps reach (%.4g), yet λmax ends at %.4g", p.Value, edge, top, p.Sharpness)
				}
			}
		}
		if pinned < 5 || diverged < 5 {
			t.Errorf("%d runs pinned to their line and %d diverged: the sweep should show both", pinned, diverged)
		}
	},
}
