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

// setup checks that the scenario a step opens is the one its text
// describes: each of got equals its want.
func setup(t *testing.T, what string, got, want []float64) {
	t.Helper()
	for i := range want {
		if i >= len(got) || got[i] != want[i] {
			t.Errorf("%s: the scenario has %v, the text says %v", what, got, want)
			return
		}
	}
}

var claims = map[string]func(t *testing.T, sc scenario.Scenario){
	// The first steps that set a scene say what they open: the links
	// must keep to their words.
	"first-look/1": func(t *testing.T, sc scenario.Scenario) {
		setup(t, "start", sc.Start, []float64{-1.2, 1})
	},
	"sr1-vs-bfgs/1": func(t *testing.T, sc scenario.Scenario) {
		setup(t, "H₀ of SR1 and BFGS", []float64{sc.Methods[0].Value("h0"), sc.Methods[1].Value("h0")}, []float64{1, 1})
	},
	"sweep-step/1": func(t *testing.T, sc scenario.Scenario) {
		sw := sc.Sweep
		lam := eigen(t, fdHessian(sc.Objective(), sc.Start))
		setup(t, "sweep of α: values, from, to; steps; curvatures", []float64{float64(sw.N), sw.From, sw.To, float64(sc.Steps), math.Round(lam[0]), math.Round(lam[1])}, []float64{30, 0.01, 0.3, 100, 1, 10})
		if sw.Key != "lr" || math.Abs(lam[0]-1) > 1e-4 || math.Abs(lam[1]-10) > 1e-4 {
			t.Errorf("sweep of %s, curvatures %v", sw.Key, lam)
		}
	},
	"egg-crate-3d/1": func(t *testing.T, sc scenario.Scenario) {
		setup(t, "start", sc.Start, []float64{3.3, -2.4})
		if f := sc.Objective().Func([]float64{0, 0}); f != 0 {
			t.Errorf("Rastrigin at the origin is %v, the text says 0", f)
		}
	},
	"ghosts/1": func(t *testing.T, sc scenario.Scenario) {
		lrs := []float64{sc.Methods[0].Value("lr")}
		for _, g := range sc.Ghosts {
			lrs = append(lrs, g.Spec.Value("lr"))
		}
		setup(t, "α of the panel and its ghosts", lrs, []float64{0.001, 0.0005, 0.002})
	},
	// adam-edge: the line's constant from Adam's β₁, (2+2·0.9)/(1−0.9) = 38,
	// as the preconditioned line gives it.
	"adam-edge/1": func(t *testing.T, sc scenario.Scenario) {
		b1, lr := sc.Methods[0].Value("beta1"), sc.Methods[0].Value("lr")
		c, _, ok := sim.PreconditionedStability(sc.Methods[0])
		if !ok || math.Abs(c-(2+2*b1)/(1-b1)) > 1e-9 || math.Abs(c-38) > 1e-9 || math.Round(c/lr) != 1267 {
			t.Errorf("Adam (β₁ %v, η %v): line %v/η = %v, the text says 38/η ≈ 1267", b1, lr, c, c/lr)
		}
	},
	"batch-size/1": func(t *testing.T, sc scenario.Scenario) {
		var got []float64
		for _, m := range sc.Methods {
			got = append(got, m.Value("batch"), m.Value("lr"))
		}
		setup(t, "batch and η of each panel; training points", append(got, float64(sc.Points())), []float64{5, 0.3, 50, 0.3, 0, 0.3, 150})
	},
	"sam/1": func(t *testing.T, sc scenario.Scenario) {
		setup(t, "η of GD, η and ρ of SAM", []float64{sc.Methods[0].Value("lr"), sc.Methods[1].Value("lr"), sc.Methods[1].Value("rho")}, []float64{0.3, 0.3, 0.05})
	},
	"sweep-lr/1": func(t *testing.T, sc scenario.Scenario) {
		sw := sc.Sweep
		setup(t, "sweep of η: values, from, to; steps", []float64{float64(sw.N), sw.From, sw.To, float64(sc.Steps)}, []float64{40, 0.01, 3, 1000})
	},
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
	// step-size (the founding lesson 2): eigenvalues and eigenvectors of
	// the bowl by differences; along eigenvector i gradient descent
	// multiplies the error by 1 − αλᵢ, so every number follows in closed
	// form.
	"step-size/1": func(t *testing.T, sc scenario.Scenario) {
		lam := eigen(t, fdHessian(sc.Objective(), sc.Start))
		a0, a1, a2 := sc.Methods[0].Value("lr"), sc.Methods[1].Value("lr"), sc.Methods[2].Value("lr")
		edge := 2 / lam[1]
		if math.Abs(lam[0]-1) > 1e-6 || math.Abs(lam[1]-10) > 1e-6 || !(a0 < edge && edge < a1) || edge-a0 > 0.06*edge || a1-edge > 0.06*edge || math.Abs(a2*lam[1]-1) > 1e-9 {
			t.Errorf("λ = %v, 2/λ_max = %v, α = %v, %v, %v: the text says λ 1 and 10, just under, just over, 1/λ_max", lam, edge, a0, a1, a2)
		}
	},
	"step-size/2": func(t *testing.T, sc scenario.Scenario) {
		lam, vecs := eigenSys(t, fdHessian(sc.Objective(), sc.Start))
		runs := runAll(sc, 3)
		for p, want := range []float64{-0.9, -1.1, 0} {
			for k := 1; k <= 3; k++ {
				c0, c1 := dot(vecs[1], runs[p].Row(k-1).X), dot(vecs[1], runs[p].Row(k).X)
				if math.Abs(c1-want*c0) > 1e-6*math.Abs(dot(vecs[1], sc.Start)) {
					t.Errorf("panel %d, step %d: the sharp component goes %v → %v, the text says × %v", p+1, k, c0, c1, want)
				}
			}
			if got := 1 - sc.Methods[p].Value("lr")*lam[1]; math.Abs(got-want) > 1e-6 {
				t.Errorf("panel %d: 1 − αλ_max = %v, the text says %v", p+1, got, want)
			}
		}
	},
	"step-size/3": func(t *testing.T, sc scenario.Scenario) {
		lam, vecs := eigenSys(t, fdHessian(sc.Objective(), sc.Start))
		runs := runAll(sc, 300)
		for _, p := range []int{0, 2} {
			alpha := sc.Methods[p].Value("lr")
			want := gdConvergesAt(lam, vecs, sc.Start, alpha, sc.Tol, 300)
			convergedAt(t, sc.Methods[p].String(), runs[p], want, []float64{0, 0}, 1e-8)
			if p == 2 && want != 173 {
				t.Errorf("α = 1/λ_max converges at %d by the closed form, the text says 173", want)
			}
		}
		r := runs[1]
		if r.Last().Events&sim.EventDiverged == 0 {
			t.Errorf("α = 0.21 ends at %d with %v, not diverged", r.Last().Iter, r.Last().Events)
		}
		k := len(r.Trace) - 1
		grow := math.Pow(1-sc.Methods[1].Value("lr")*lam[1], 2)
		if q := r.Row(k).F / r.Row(k-1).F; math.Abs(grow-1.21) > 1e-6 || math.Abs(q-grow) > 1e-3 {
			t.Errorf("α = 0.21: f grows by %v at the last step, (1 − αλ_max)² = %v; the text says 1.21", q, grow)
		}
	},

	// sr1-vs-bfgs: each model against the Hessian by differences where the
	// run ended.
	"sr1-vs-bfgs/2": func(t *testing.T, sc scenario.Scenario) {
		runs := runAll(sc, sc.Steps)
		sr1, bfgs := runs[0].Last(), runs[1].Last()
		if sr1.Events&bfgs.Events&sim.EventConverged == 0 || !(bfgs.Iter < sr1.Iter) || sr1.Iter > 49 || dist(sr1.X, []float64{1, 1}) > 1e-6 || dist(bfgs.X, []float64{1, 1}) > 1e-6 {
			t.Errorf("SR1 ends at %d at %v (%v), BFGS at %d at %v (%v): the text says both converge on the minimum, BFGS first, SR1 by 49", sr1.Iter, sr1.X, sr1.Events, bfgs.Iter, bfgs.X, bfgs.Events)
		}
		es := modelErr(t, sc.Objective(), runs[0], len(runs[0].Trace)-1)
		eb := modelErr(t, sc.Objective(), runs[1], len(runs[1].Trace)-1)
		if !(es > 5e-5 && es < 2e-4) || !(eb > 4e-3 && eb < 8e-3) || !(eb > 10*es) {
			t.Errorf("relative errors of the models at the end: SR1 %.3g, BFGS %.3g; the text says about 1e-4 and 6e-3, more than ten times apart", es, eb)
		}
	},

	// momentum: the parameters are the closed forms of REFERENCE.md from
	// the bowl's eigenvalues; gradient descent's convergence in closed
	// form; heavy ball's rate measured on its own rows.
	"momentum/1": func(t *testing.T, sc scenario.Scenario) {
		lam := eigen(t, fdHessian(sc.Objective(), sc.Start))
		mu, L := lam[0], lam[1]
		q := (math.Sqrt(L/mu) - 1) / (math.Sqrt(L/mu) + 1)
		for _, c := range []struct {
			what      string
			got, want float64
		}{
			{"κ", L / mu, 100},
			{"gd α", sc.Methods[0].Value("lr"), 2 / (mu + L)},
			{"heavy ball α", sc.Methods[1].Value("lr"), 4 / math.Pow(math.Sqrt(L)+math.Sqrt(mu), 2)},
			{"heavy ball β", sc.Methods[1].Value("beta"), q * q},
			{"Nesterov α", sc.Methods[2].Value("lr"), 1 / L},
			{"Nesterov β", sc.Methods[2].Value("beta"), q},
		} {
			if math.Abs(c.got-c.want) > 0.002*c.want {
				t.Errorf("%s = %v, the closed form gives %v", c.what, c.got, c.want)
			}
		}
	},
	"momentum/2": func(t *testing.T, sc scenario.Scenario) {
		runs := runAll(sc, 250)
		for p, about := range map[int]int{1: 130, 2: 200} {
			if last := runs[p].Last(); last.Events&sim.EventConverged == 0 || math.Abs(float64(last.Iter-about)) > 0.15*float64(about) {
				t.Errorf("%s ends at %d (%v): the text says converged in about %d", sc.Methods[p], last.Iter, last.Events, about)
			}
		}
		if last := runs[0].Last(); last.Events&sim.EventConverged != 0 {
			t.Errorf("gradient descent converged by %d", last.Iter)
		}
		lam := eigen(t, fdHessian(sc.Objective(), sc.Start))
		if r := (lam[1] - lam[0]) / (lam[1] + lam[0]); math.Abs(r-0.98) > 0.001 {
			t.Errorf("(κ−1)/(κ+1) = %v, the text says 0.98", r)
		}
	},
	"momentum/3": func(t *testing.T, sc scenario.Scenario) {
		lam, vecs := eigenSys(t, fdHessian(sc.Objective(), sc.Start))
		runs := runAll(sc, 1200)
		want := gdConvergesAt(lam, vecs, sc.Start, sc.Methods[0].Value("lr"), sc.Tol, 2000)
		convergedAt(t, "gradient descent", runs[0], want, []float64{0, 0}, 1e-8)
		if r := float64(want) / float64(runs[1].Last().Iter); want != 1164 || math.Abs(r-9) > 0.5 {
			t.Errorf("gradient descent converges at %d by the closed form, heavy ball at %d: the text says 1164, about nine times later", want, runs[1].Last().Iter)
		}
		q := (math.Sqrt(lam[1]/lam[0]) - 1) / (math.Sqrt(lam[1]/lam[0]) + 1)
		rate := math.Pow(norm(runs[1].Row(100).X)/norm(runs[1].Row(30).X), 1.0/70)
		if math.Abs(q-0.82) > 0.005 || math.Abs(rate-q) > 0.03*q {
			t.Errorf("heavy ball's error shrinks by %v a step over rows 30–100; (√κ−1)/(√κ+1) = %v, the text says ≈ 0.82", rate, q)
		}
	},

	// momentum-stability: the lines of REFERENCE.md (linear stability on
	// a quadratic) from λ_max by differences.
	"momentum-stability/1": func(t *testing.T, sc scenario.Scenario) {
		L := eigen(t, fdHessian(sc.Objective(), sc.Start))[1]
		beta := sc.Methods[0].Value("beta")
		hb, nes := 2*(1+beta)/L, (2+2*beta)/((1+2*beta)*L)
		if math.Abs(L-10) > 1e-6 || math.Abs(hb-0.3) > 1e-6 || math.Abs(nes-0.15) > 1e-6 || math.Abs(2/L-0.2) > 1e-6 {
			t.Errorf("λ_max %v: lines %v (gd), %v (heavy ball), %v (Nesterov); the text says 10, 0.2, 0.3, 0.15", L, 2/L, hb, nes)
		}
		for p, line := range []float64{hb, hb, nes, nes} {
			lr := sc.Methods[p].Value("lr")
			if under := p%2 == 0; under != (lr < line) || math.Abs(lr-line) > 0.05*line {
				t.Errorf("%s against its line %v: the text says just %s", sc.Methods[p], line, map[bool]string{true: "under", false: "over"}[under])
			}
		}
	},
	"momentum-stability/2": func(t *testing.T, sc scenario.Scenario) {
		runs := runAll(sc, sc.Steps)
		for p, r := range runs {
			want := sim.EventConverged
			if p%2 == 1 {
				want = sim.EventDiverged
			}
			if r.Last().Events&want == 0 {
				t.Errorf("%s ends at %d with %v, want %v", sc.Methods[p], r.Last().Iter, r.Last().Events, want)
			}
		}
		if lr := sc.Methods[0].Value("lr"); !(lr > 2/eigen(t, fdHessian(sc.Objective(), sc.Start))[1]) {
			t.Errorf("heavy ball's α = %v is not over gradient descent's line", lr)
		}
	},

	// adaptive-scale: Adam's first step is α·sign(g) (Kingma & Ba); the
	// adaptive steps are invariant under a constant rescaling of each
	// coordinate's gradient, so the path on the steeper bowl is the same.
	"adaptive-scale/1": func(t *testing.T, sc scenario.Scenario) {
		runs := runAll(sc, 1)
		x0, g0 := sc.Start, runs[1].Row(0).G
		x1 := runs[1].Row(1).X
		for i := range x0 {
			if want := x0[i] - 0.1*math.Copysign(1, g0[i]); math.Abs(x1[i]-want) > 1e-6 {
				t.Errorf("Adam's first step: x%d = %v, want %v", i+1, x1[i], want)
			}
		}
		if want := []float64{-1.4, 0.9}; dist(x1, want) > 1e-6 {
			t.Errorf("Adam's first step lands at %v, the text says %v", x1, want)
		}
		d0, d1 := math.Abs(runs[0].Row(1).X[0]-x0[0]), math.Abs(runs[0].Row(1).X[1]-x0[1])
		if !(d1 > 10*d0) {
			t.Errorf("gradient descent moves x by %v and y by %v: the text says y far more", d0, d1)
		}
	},
	"adaptive-scale/2": func(t *testing.T, sc scenario.Scenario) {
		lam, vecs := eigenSys(t, fdHessian(sc.Objective(), sc.Start))
		runs := runAll(sc, 300)
		for _, p := range []int{2, 3} {
			if last := runs[p].Last(); last.Events&sim.EventConverged == 0 {
				t.Errorf("%s has not converged by 300", sc.Methods[p])
			}
		}
		if x := runs[1].Row(300).X; norm(x) > 1e-6 {
			t.Errorf("Adam at 300 is %v from the minimum, the text says within 1e-6", norm(x))
		}
		alpha := sc.Methods[0].Value("lr")
		want := gdOnBowl(lam, vecs, sc.Start, alpha, 300)
		x := runs[0].Row(300).X
		if dist(x, want) > 1e-9 || x[0] > -0.003 || x[0] < -0.005 || math.Abs(2/lam[1]-0.02) > 1e-6 || !(alpha < 2/lam[1]) {
			t.Errorf("gradient descent at 300: %v (closed form %v), 2/λ_max %v, α %v: the text says x ≈ −0.004, α under 0.02", x, want, 2/lam[1], alpha)
		}
	},
	"adaptive-scale/3": func(t *testing.T, sc scenario.Scenario) {
		lam := eigen(t, fdHessian(sc.Objective(), sc.Start))
		if alpha := sc.Methods[0].Value("lr"); math.Abs(lam[1]-10000) > 1e-3 || math.Abs(alpha*lam[1]/2-99) > 1 {
			t.Errorf("λ_max = %v, α = %v: the text says 10000, α a hundred times over 2/λ_max", lam[1], alpha)
		}
		runs := runAll(sc, 300)
		if last := runs[0].Last(); last.Events&sim.EventDiverged == 0 || last.Iter > 10 {
			t.Errorf("gradient descent ends at %d with %v: the text says it diverges at once", last.Iter, last.Events)
		}
		before := runAll(withSurfaceValue(t, sc, 1, 100), 300)
		for p := 1; p < 4; p++ {
			if len(runs[p].Trace) != len(before[p].Trace) {
				t.Errorf("%s: %d rows, on the bowl of λ 100 %d", sc.Methods[p], len(runs[p].Trace), len(before[p].Trace))
				continue
			}
			for k := range runs[p].Trace {
				if d := dist(runs[p].Row(k).X, before[p].Row(k).X); d > 1e-6 {
					t.Errorf("%s: row %d is %v from the path on the bowl of λ 100", sc.Methods[p], k, d)
					break
				}
			}
		}
	},

	// exact-line-search: the exact search ends where the new gradient is
	// orthogonal to the step; Kantorovich's bound on f − f* per step.
	"exact-line-search/1": func(t *testing.T, sc scenario.Scenario) {
		r := runAll(sc, 5)[0]
		for k := 2; k <= 5; k++ {
			a, b, c := r.Row(k-2).X, r.Row(k-1).X, r.Row(k).X
			s0, s1 := []float64{b[0] - a[0], b[1] - a[1]}, []float64{c[0] - b[0], c[1] - b[1]}
			if cos := dot(s0, s1) / (norm(s0) * norm(s1)); math.Abs(cos) > 1e-6 {
				t.Errorf("steps %d and %d: cos of the angle %v, the text says a right angle", k-1, k, cos)
			}
		}
	},
	"exact-line-search/2": func(t *testing.T, sc scenario.Scenario) {
		lam := eigen(t, fdHessian(sc.Objective(), sc.Start))
		kap := lam[1] / lam[0]
		bound := math.Pow((kap-1)/(kap+1), 2)
		if math.Abs(bound-81.0/121) > 1e-6 {
			t.Errorf("((κ−1)/(κ+1))² = %v, the text says (9/11)²", bound)
		}
		r := runAll(sc, 30)[0]
		g := r.Row(0).G
		if math.Abs(math.Abs(g[0])-math.Abs(g[1])) > 1e-9 {
			t.Errorf("g at the start %v: not alike on both eigenvectors (the axes)", g)
		}
		for k := 1; k <= 30; k++ {
			if q := r.Row(k).F / r.Row(k-1).F; math.Abs(q-bound) > 1e-9 {
				t.Errorf("step %d cuts f by %v, the text says exactly Kantorovich's bound %v", k, q, bound)
			}
		}
	},

	// newton-nonconvex: curvatures by differences; f of Himmelblau's
	// function written out here.
	"newton-nonconvex/1": func(t *testing.T, sc scenario.Scenario) {
		lam := eigen(t, fdHessian(sc.Objective(), sc.Start))
		if math.Abs(lam[0]+42) > 1e-4 || math.Abs(lam[1]+26) > 1e-4 {
			t.Errorf("curvatures at the start %v, the text says −42 and −26", lam)
		}
		runs := runAll(sc, 1)
		g := runs[2].Row(0).G
		want := []float64{sc.Start[0] - g[0]/norm(g), sc.Start[1] - g[1]/norm(g)}
		for _, p := range []int{2, 3} {
			if x := runs[p].Row(1).X; dist(x, want) > 1e-9 || runs[p].Row(0).Radius != 1 {
				t.Errorf("%s's first step lands at %v (radius %v), the text says at distance Δ = 1 along −g: %v", sc.Methods[p], x, runs[p].Row(0).Radius, want)
			}
		}
	},
	"newton-nonconvex/2": func(t *testing.T, sc scenario.Scenario) {
		r := runAll(sc, 4)[0]
		x := curvSigns(t, "plain Newton", sc.Objective(), r, 2)
		f := math.Pow(x[0]*x[0]+x[1]-11, 2) + math.Pow(x[0]+x[1]*x[1]-7, 2)
		if dist(x, []float64{-0.27, -0.92}) > 0.005 || math.Abs(f-181.6) > 0.05 || r.Row(0).F != 170 || r.Last().Iter > 4 {
			t.Errorf("plain Newton ends at %d at %v, f %v from %v: the text says by 4, (−0.27, −0.92), 181.6, from 170", r.Last().Iter, x, f, r.Row(0).F)
		}
	},
	"newton-nonconvex/3": func(t *testing.T, sc scenario.Scenario) {
		runs := runAll(sc, sc.Steps)
		for p := 1; p < 4; p++ {
			x := curvSigns(t, sc.Methods[p].String(), sc.Objective(), runs[p], 0)
			if dist(x, []float64{3, 2}) > 1e-6 || runs[p].Last().Iter > 12 {
				t.Errorf("%s ends at %d at %v: the text says (3, 2) in a dozen iterations or fewer", sc.Methods[p], runs[p].Last().Iter, x)
			}
		}
	},

	// bfgs-dfp: on a quadratic with exact line searches the Broyden class
	// from H₀ = I gives conjugate gradients' iterates, at the minimum in n
	// steps with H_n = A⁻¹ (Nocedal & Wright §6.1, Thm 6.4 for SR1: 6.1).
	"bfgs-dfp/1": func(t *testing.T, sc scenario.Scenario) {
		runs := runAll(sc, 2)
		var ainv mat.Dense
		if err := ainv.Inverse(fdHessian(sc.Objective(), sc.Start)); err != nil {
			t.Fatal(err)
		}
		for p := range 3 {
			for k := 1; k <= 2; k++ {
				if d := dist(runs[p].Row(k).X, runs[0].Row(k).X); d > 1e-9 {
					t.Errorf("%s at %d is %v from BFGS", sc.Methods[p], k, d)
				}
			}
			if x := runs[p].Row(2).X; norm(x) > 1e-9 || runs[p].Row(2).Events&sim.EventConverged == 0 {
				t.Errorf("%s at 2: %v (%v), the text says on the minimum", sc.Methods[p], x, runs[p].Row(2).Events)
			}
			if e := relErr(runs[p].Row(2).Curv, ainv.RawMatrix().Data); runs[p].Row(2).CurvKind != sim.CurvH || e > 1e-6 {
				t.Errorf("%s's H at 2 is %.2g from A⁻¹", sc.Methods[p], e)
			}
		}
		if x := runs[3].Row(2).X; norm(x) < 0.01 {
			t.Errorf("gradient descent at 2 is at %v, already near the minimum", x)
		}
	},
	"bfgs-dfp/2": func(t *testing.T, sc scenario.Scenario) {
		runs := runAll(sc, sc.Steps)
		b, d := runs[0].Last(), runs[1].Last()
		if b.Events&d.Events&sim.EventConverged == 0 || dist(b.X, []float64{1, 1}) > 1e-6 || dist(d.X, []float64{1, 1}) > 1e-6 || !(float64(d.Iter) > 1.5*float64(b.Iter)) || d.Iter > 60 {
			t.Errorf("BFGS ends at %d at %v, DFP at %d at %v: the text says both on (1, 1), DFP more than 1.5 times later, by 60", b.Iter, b.X, d.Iter, d.X)
		}
	},

	// broyden: B₀ = I makes the first step −g; the points where the runs
	// stop classified by the Hessian by differences.
	"broyden/1": func(t *testing.T, sc scenario.Scenario) {
		r := runAll(sc, 1)[0]
		g := make([]float64, 2)
		sc.Objective().Grad(g, sc.Start)
		want := []float64{sc.Start[0] - g[0], sc.Start[1] - g[1]}
		if x := r.Row(1).X; dist(x, want) > 1e-9 || dist(x, []float64{-23, 47}) > 1e-9 || r.Row(0).F != 130 || math.Abs(r.Row(1).F-5e6)/5e6 > 0.05 {
			t.Errorf("Broyden's first step: %v (−g gives %v), f %v → %v; the text says (−23, 47), 130 → 5·10⁶", x, want, r.Row(0).F, r.Row(1).F)
		}
	},
	"broyden/2": func(t *testing.T, sc scenario.Scenario) {
		runs := runAll(sc, sc.Steps)
		obj := sc.Objective()
		curvSigns(t, "Broyden", obj, runs[0], 1)
		x := curvSigns(t, "Broyden, B₀ scaled", obj, runs[1], 2)
		if f := math.Pow(x[0]*x[0]+x[1]-11, 2) + math.Pow(x[0]+x[1]*x[1]-7, 2); math.Abs(f-181.6) > 0.05 {
			t.Errorf("Broyden (B₀ scaled) stops at f = %v, the text says 181.6", f)
		}
		if x := curvSigns(t, "BFGS", obj, runs[2], 0); dist(x, []float64{-2.81, 3.13}) > 0.01 {
			t.Errorf("BFGS ends at %v, the text says (−2.81, 3.13)", x)
		}
	},
	// basins: the starts of a 40×40 grid over the view, classified as the
	// app's picture does (package explore), at most 100 steps each.
	"basins/1": func(t *testing.T, sc scenario.Scenario) {
		cnt, _, _ := basinCounts(t, sc, 1)
		if n := 1600 - cnt[-2]; n < 1584 {
			t.Errorf("gradient descent reaches a minimum from %d of 1600 starts, the text says nearly every one", n)
		}
		for k := 1; k <= 4; k++ {
			if cnt[k] < 320 {
				t.Errorf("gradient descent reaches minimum %d from %d starts: want four regions of at least a fifth each", k, cnt[k])
			}
		}
	},
	"basins/2": func(t *testing.T, sc scenario.Scenario) {
		cnt, edges, stat := basinCounts(t, sc, 0)
		_, gdEdges, _ := basinCounts(t, sc, 1)
		if !(stat > 1600/3) || !(edges > 3*gdEdges) {
			t.Errorf("plain Newton: %d of 1600 starts at another stationary point (want over a third), %d boundary edges against gradient descent's %d (want far more); %v", stat, edges, gdEdges, cnt)
		}
	},

	// sweep-step: the sweep's runs against the bowl's eigenvalues by
	// differences; the best fixed step on a quadratic is 2/(λ_min+λ_max).
	"sweep-step/2": func(t *testing.T, sc scenario.Scenario) {
		lam := eigen(t, fdHessian(sc.Objective(), sc.Start))
		best, edge := 2/(lam[0]+lam[1]), 2/lam[1]
		if math.Abs(best-0.18) > 0.002 || math.Abs(edge-0.2) > 1e-6 || math.Abs((lam[1]-lam[0])/(lam[1]+lam[0])-9.0/11) > 1e-6 {
			t.Errorf("2/(λ_min+λ_max) = %v, 2/λ_max = %v: the text says ≈ 0.18, 0.2, 9/11", best, edge)
		}
		sw, ok := explore.PanelSweep(sc, 0)
		if !ok {
			t.Fatal("no sweep")
		}
		pts := sw.Run(sc, 0)
		f0 := sc.Objective().Func(sc.Start)
		lowest := 0
		for j, p := range pts {
			if p.Final.F < pts[lowest].Final.F {
				lowest = j
			}
			if j > 0 && p.Value < best && !(p.Final.F < pts[j-1].Final.F) {
				t.Errorf("α = %.4g ends at f %v, not below α = %.4g's %v", p.Value, p.Final.F, pts[j-1].Value, pts[j-1].Final.F)
			}
			if over := p.Value > edge; over != (p.Final.F > f0) {
				t.Errorf("α = %.4g (2/λ_max %v) ends at f %v, from %v", p.Value, edge, p.Final.F, f0)
			}
		}
		if lo, hi := pts[max(lowest-1, 0)].Value, pts[min(lowest+1, len(pts)-1)].Value; !(lo < best && best < hi) {
			t.Errorf("the lowest final f is at α = %v, not next to 2/(λ_min+λ_max) = %v", pts[lowest].Value, best)
		}
	},

	// egg-crate-3d: where each run stops, a local minimum by the Hessian by
	// differences, f by Rastrigin's formula written out.
	"egg-crate-3d/2": func(t *testing.T, sc scenario.Scenario) {
		runs := runAll(sc, 500)
		for p, want := range []float64{12.9, 9.9, 12.9} {
			x := curvSigns(t, sc.Methods[p].String(), sc.Objective(), runs[p], 0)
			if f := rastrigin(x); math.Abs(f-want) > 0.05 || norm(x) < 2 {
				t.Errorf("%s stops at %v, f = %v: the text says f ≈ %v, far from the origin", sc.Methods[p], x, f, want)
			}
		}
		if d := dist(runs[0].Last().X, runs[2].Last().X); d > 1e-6 {
			t.Errorf("gradient descent and Adam stop %v apart, the text says in the same dip", d)
		}
		if x := runs[0].Last().X; math.Round(x[0]) != math.Round(sc.Start[0]) || math.Round(x[1]) != math.Round(sc.Start[1]) {
			t.Errorf("gradient descent stops at %v, the text says in the dip next to the start %v", x, sc.Start)
		}
	},

	// typed-surface: on √(1+x²) Newton's step is x − f'/f'' = x − x(1+x²)
	// = −x³, worked out by hand.
	"typed-surface/1": func(t *testing.T, sc scenario.Scenario) {
		r := runAll(sc, 3)[0]
		want := []float64{1.1, -1.331, 2.357947691, -13.1099941915}
		for k := 1; k <= 3; k++ {
			prev, x := r.Row(k-1).X, r.Row(k).X
			if math.Abs(x[0]+math.Pow(prev[0], 3)) > 1e-9*math.Abs(x[0]) || math.Abs(x[1]+math.Pow(prev[1], 3)) > 1e-12 || math.Abs(x[0]-want[k]) > 1e-6 {
				t.Errorf("plain Newton at %d: %v from %v, the text says x₊ = −x³ (%v)", k, x, prev, want[k])
			}
		}
	},
	"typed-surface/2": func(t *testing.T, sc scenario.Scenario) {
		runs := runAll(sc, sc.Steps)
		if last := runs[0].Last(); last.Events&sim.EventDiverged == 0 {
			t.Errorf("plain Newton ends at %d with %v, not diverged", last.Iter, last.Events)
		}
		for k := 1; k <= 3; k++ {
			if y, prev := runs[0].Row(k).X[1], runs[0].Row(k - 1).X[1]; math.Abs(y+prev*prev*prev) > 1e-12 || !(math.Abs(y) < math.Abs(prev)) {
				t.Errorf("plain Newton's y at %d: %v from %v, the text says −y³, converging", k, y, prev)
			}
		}
		if last := runs[1].Last(); last.Events&sim.EventConverged == 0 || norm(last.X) > 1e-9 {
			t.Errorf("Newton with a line search ends at %d at %v (%v), not converged on (0, 0)", last.Iter, last.X, last.Events)
		}
	},

	// own-data: the least-squares line by the normal equations of the
	// link's points.
	"own-data/1": func(t *testing.T, sc scenario.Scenario) {
		th, h := lineFit(t, sc.Fit, 0)
		if len(sc.Fit) != 10 || dist(th, []float64{0.4, 0.95}) > 1e-12 {
			t.Errorf("%d points, least squares %v: the text says five, (0.4, 0.95)", len(sc.Fit)/2, th)
		}
		lam := eigen(t, h)
		fd := eigen(t, fdHessian(sc.Objective(), sc.Start))
		if math.Abs(lam[0]-2) > 1e-12 || math.Abs(lam[1]-4) > 1e-12 || math.Abs(fd[0]-2) > 1e-6 || math.Abs(fd[1]-4) > 1e-6 {
			t.Errorf("curvatures of (2/m)XᵀX %v, of the loss by differences %v: the text says 2 and 4", lam, fd)
		}
		if x := runAll(sc, 1)[0].Row(1).X; dist(x, th) > 1e-9 {
			t.Errorf("Newton's first step lands at %v, not on the least-squares line %v", x, th)
		}
	},
	"own-data/2": func(t *testing.T, sc scenario.Scenario) {
		th, _ := lineFit(t, sc.Fit, 0)
		n := len(sc.Fit)
		if n != 12 || sc.Fit[n-2] != 3 || sc.Fit[n-1] != -3 || math.Abs(th[1]-0.06) > 0.005 {
			t.Errorf("points %v, least squares %v: the text says a sixth at (3, −3), slope about 0.06", sc.Fit, th)
		}
		if x := runAll(sc, 1)[0].Row(1).X; dist(x, th) > 1e-9 {
			t.Errorf("Newton's first step lands at %v, not on the least-squares line %v", x, th)
		}
	},

	// minibatch-schedule: 300 steps of one point of five are 60 epochs;
	// the fit by the normal equations.
	"minibatch-schedule/1": func(t *testing.T, sc scenario.Scenario) {
		runs := runAll(sc, 20)
		for p, r := range runs {
			rises := 0
			for k := 1; k <= 20; k++ {
				if r.Row(k).F > r.Row(k-1).F {
					rises++
				}
			}
			if (p < 2) != (rises > 0) {
				t.Errorf("%s: f rises %d times in 20 steps; the text says one-point steps rise at times, full-batch ones never", sc.Methods[p], rises)
			}
		}
	},
	"minibatch-schedule/2": func(t *testing.T, sc scenario.Scenario) {
		th, _ := lineFit(t, sc.Fit, 0)
		runs := runAll(sc, 300)
		if e := runs[0].Row(300).Epoch; e != 60 || len(sc.Fit) != 10 {
			t.Errorf("%d points, %v epochs after 300 steps: the text says 60 passes", len(sc.Fit)/2, e)
		}
		dc, ds, df := dist(runs[0].Last().X, th), dist(runs[1].Last().X, th), dist(runs[2].Last().X, th)
		if df > 1e-9 || !(dc > 0.01) || !(ds < dc/10) {
			t.Errorf("after 300 steps: constant α %v from the fit, cosine %v, full batch %v", dc, ds, df)
		}
	},

	// step-model: ρ and the predictions from the gradient and the Hessian
	// by differences; the radius rule of Nocedal & Wright Alg. 4.1.
	"step-model/1": func(t *testing.T, sc scenario.Scenario) {
		r := runAll(sc, 1)[0]
		x0, x1 := r.Row(0).X, r.Row(1).X
		rho, pred := trRatio(sc.Objective(), x0, []float64{x1[0] - x0[0], x1[1] - x0[1]})
		actual := r.Row(0).F - r.Row(1).F
		if math.Abs(pred-19.4) > 0.05 || math.Abs(actual-19.5) > 0.05 || math.Abs(rho-1) > 0.05 || r.Row(1).Radius != 1 {
			t.Errorf("first step: predicted %v, actual %v, ρ %v, Δ %v; the text says 19.4, 19.5, ≈ 1, 1", pred, actual, rho, r.Row(1).Radius)
		}
	},
	"step-model/2": func(t *testing.T, sc scenario.Scenario) {
		r := runAll(sc, 2)[0]
		row := r.Row(2)
		if row.TRStep == nil {
			t.Fatal("no trust-region step at 2")
		}
		rho, pred := trRatio(sc.Objective(), r.Row(1).X, row.TRStep)
		if math.Abs(norm(row.TRStep)-1) > 1e-9 || math.Abs(pred-1.5) > 0.05 || !(rho < 0) || dist(row.X, r.Row(1).X) != 0 || row.Radius != 0.25 {
			t.Errorf("step 2: ‖p‖ %v, predicted %v, ρ %v, moved %v, Δ %v; the text says 1, 1.5, < 0, stays, 0.25", norm(row.TRStep), pred, rho, dist(row.X, r.Row(1).X), row.Radius)
		}
	},
	"step-model/3": func(t *testing.T, sc scenario.Scenario) {
		r := runAll(sc, 4)[0]
		for k := 3; k <= 4; k++ {
			before, row := r.Row(k-1), r.Row(k)
			p := []float64{row.X[0] - before.X[0], row.X[1] - before.X[1]}
			rho, _ := trRatio(sc.Objective(), before.X, p)
			if !(rho > 0.75) || math.Abs(norm(p)-before.Radius) > 1e-9 || row.Radius != 2*before.Radius {
				t.Errorf("step %d: ρ %v, ‖p‖ %v in Δ %v, then Δ %v; the text says ρ > ¾ on the edge, Δ doubled", k, rho, norm(p), before.Radius, row.Radius)
			}
		}
		if r.Row(4).Radius != 1 {
			t.Errorf("Δ at 4 is %v, the text says back to 1", r.Row(4).Radius)
		}
	},

	// ghosts: the ghosts run as the app runs them, each its spec from the
	// scenario's start; λ_max at the start by differences.
	"ghosts/2": func(t *testing.T, sc scenario.Scenario) {
		if len(sc.Ghosts) != 2 {
			t.Fatalf("%d ghosts", len(sc.Ghosts))
		}
		own := runAll(sc, 500)[0]
		var gs []*sim.Run
		for _, g := range sc.Ghosts {
			r := sim.NewRun(sc.Objective(), g.Spec.New(), sc.Start, sim.RunOptions{Tol: sc.Tol, Budget: sc.Steps})
			for i := 0; i < 500 && r.Step(); i++ {
			}
			gs = append(gs, r)
		}
		obj := sc.Objective()
		edge := 2 / eigen(t, fdHessian(obj, sc.Start))[1]
		fast, slow := gs[1], gs[0]
		lr := sc.Ghosts[1].Spec.Value("lr")
		if !(lr > edge) || math.Abs(edge-0.0013) > 0.00005 || fast.Last().Events&sim.EventDiverged != 0 {
			t.Errorf("ghost α = %v against 2/λ_max = %v: ends with %v; the text says over ≈ 0.0013, no divergence", lr, edge, fast.Last().Events)
		}
		if l1 := eigen(t, fdHessian(obj, fast.Row(1).X))[1]; !(fast.Row(1).F > fast.Row(0).F) || !(l1 < 2/lr) {
			t.Errorf("ghost α = %v: f %v → %v, λ_max after the first step %v (2/α %v); the text says uphill, to λ_max under 2/α", lr, fast.Row(0).F, fast.Row(1).F, l1, 2/lr)
		}
		if !(fast.Row(500).F < own.Row(500).F && own.Row(500).F < slow.Row(500).F) || slow.Last().Events&sim.EventDiverged != 0 {
			t.Errorf("f at 500: α = 0.002 %v, 0.001 %v, 0.0005 %v; the text says in that order, lowest first", fast.Row(500).F, own.Row(500).F, slow.Row(500).F)
		}
	},

	// lbfgs-memory: the weights of a 2-8-8-1 network counted by hand,
	// (2+1)·8 + (8+1)·8 + (8+1)·1 = 105.
	"lbfgs-memory/1": func(t *testing.T, sc scenario.Scenario) {
		if n := len(sc.Start); n != 105 {
			t.Errorf("%d weights, the text says 105", n)
		}
	},
	"lbfgs-memory/2": func(t *testing.T, sc scenario.Scenario) {
		runs := runAll(sc, 300)
		f := make([]float64, len(runs))
		for p, r := range runs {
			f[p] = r.Row(300).F
		}
		if !(f[3] < f[2] && f[2] < f[1] && f[1] < f[0]) || !(f[3] < f[1]/100) {
			t.Errorf("losses at 300 (gd, m = 1, 5, 20): %v; the text says falling with m, m = 20 a hundred times under m = 1, all under gd", f)
		}
	},

	// weight-decay: the first step by the rule written out, g from the
	// training loss's own gradient.
	"weight-decay/1": func(t *testing.T, sc scenario.Scenario) {
		runs := runAll(sc, 1)
		x0 := sc.Start
		g := make([]float64, len(x0))
		sc.Objective().Grad(g, x0)
		for p, r := range runs {
			lr, wd := sc.Methods[p].Value("lr"), sc.Methods[p].Value("wd")
			x1 := r.Row(1).X
			for i := range x0 {
				if want := x0[i] - lr*(g[i]+wd*x0[i]); math.Abs(x1[i]-want) > 1e-12 {
					t.Errorf("%s: weight %d after one step %v, −α(g + wd·x) gives %v", sc.Methods[p], i, x1[i], want)
					break
				}
			}
		}
	},
	"weight-decay/2": func(t *testing.T, sc scenario.Scenario) {
		runs := runAll(sc, 300)
		var w, f []float64
		for _, r := range runs {
			w, f = append(w, norm(r.Row(300).X)), append(f, r.Row(300).F)
		}
		if !(w[2] < w[1] && w[1] < w[0]) || !(f[2] > f[1] && f[1] > f[0]) {
			t.Errorf("at 300, ‖w‖ %v and training loss %v for wd = 0, 0.01, 0.05: the text says weights falling, loss rising with wd", w, f)
		}
	},
}
