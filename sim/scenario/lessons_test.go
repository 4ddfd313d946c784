package scenario

import (
	"math"
	"testing"

	"curvlab/sim"
)

// The lessons of stability, noise and generalization: each preset's
// claim, in its description, asserted on its own numbers.

// lessonRuns runs preset name's panels for steps steps (each run stops
// early only if it ends), tracking the sharpness of the panels in tracked
// at every row; the others get a tracker that has measured nothing.
func lessonRuns(t *testing.T, name string, steps int, tracked ...int) (Scenario, []*sim.Run, []*NetTracker) {
	t.Helper()
	_, sc, err := LookupPreset(name)
	if err != nil {
		t.Fatal(err)
	}
	p := sc.NetProblem()
	runs := sc.NewRuns()
	trs := make([]*NetTracker, len(runs))
	for k, r := range runs {
		trs[k] = NewNetTracker(p)
		for _, j := range tracked {
			if j == k {
				trs[k].Follow(r)
			}
		}
		for i := 0; i < steps && r.Step(); i++ {
		}
	}
	return sc, runs, trs
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

// TestMomentumAtItsEdge (eos-momentum): heavy ball's sharpness climbs to
// 2(1+β)/η and Nesterov's to (2+2β)/((1+2β)η), each hovering there; the
// lines worked out by hand: 2·1.5/0.5 = 6 and 3/(2·0.25) = 6.
func TestMomentumAtItsEdge(t *testing.T) {
	sc, runs, trs := lessonRuns(t, "eos-momentum", 1500, 0, 1)
	for k, edge := range []float64{6, 6} {
		reach, longest := atTheEdge(t, sc.Methods[k].String(), trs[k].Sharpness, edge)
		t.Logf("%s: line %v reached at %d, longest stay %d, λmax %.4g → %.4g", sc.Methods[k], edge, reach, longest, trs[k].Sharpness[0], trs[k].Sharpness[len(runs[k].Trace)-1])
	}
}

// TestAdamAtItsEdge (adam-edge): Adam's preconditioned sharpness
// λmax(P⁻¹H) rises to 38/η = 38/0.03 and hovers there, while its plain
// sharpness λmax(H) stays two orders of magnitude below that line.
func TestAdamAtItsEdge(t *testing.T) {
	sc, runs, trs := lessonRuns(t, "adam-edge", 1000, 0)
	edge := 38 / 0.03
	pre := trs[0].SharpnessPre[1:] // row 0: no step, no preconditioner
	reach, longest := atTheEdge(t, sc.Methods[0].String(), pre, edge)
	if m := maxOf(trs[0].Sharpness); !(m < edge/100) {
		t.Errorf("λmax(H) reaches %v: the edge is the preconditioned Hessian's, not H's", m)
	}
	t.Logf("%s: 38/η = %.4g reached at %d, longest stay %d, λmax(P⁻¹H) at the end %.4g, loss %.4g → %.4g", sc.Methods[0], edge, reach+1, longest, pre[len(pre)-1], runs[0].Row(0).F, runs[0].Last().F)
}

// TestCatapult (catapult): the sharpness at the start puts 0.3 below
// 2/λ₀, 0.6 between 2/λ₀ and 2·2/λ₀, 0.9 at or above 2·2/λ₀. With 0.6 the
// loss first rises above where it started, the sharpness falls under 2/η
// within ten steps, and training settles below the start, flatter than
// with 0.3; 0.3 descends steadily at first; 0.9 diverges.
func TestCatapult(t *testing.T) {
	sc, runs, trs := lessonRuns(t, "catapult", 400, 1)
	lam := trs[1].Sharpness
	edge0 := 2 / lam[0]
	lrs := []float64{sc.Methods[0].Value("lr"), sc.Methods[1].Value("lr"), sc.Methods[2].Value("lr")}
	if !(lrs[0] < edge0 && edge0 < lrs[1] && lrs[1] < 2*edge0 && lrs[2] >= 2*edge0) {
		t.Fatalf("λ₀ = %v, 2/λ₀ = %v: the step sizes %v do not straddle it as the lesson says", lam[0], edge0, lrs)
	}
	r := runs[1]
	start, peak := r.Row(0).F, 0.0
	for k := 1; k <= 10; k++ {
		peak = math.Max(peak, r.Row(k).F)
	}
	fell := -1
	for k := 1; k <= 10; k++ {
		if lam[k] < 2/lrs[1] {
			fell = k
			break
		}
	}
	_, flat0 := NewNetTracker(sc.NetProblem()).Measure(runs[0].Last().X)
	_, flat1 := NewNetTracker(sc.NetProblem()).Measure(r.Last().X)
	if !(peak > start) || fell < 0 || !(r.Last().F < start) || !(flat1 < flat0) {
		t.Errorf("η = %v: loss %v at the start, at most %v in ten steps (want above), %v at the end (want below); sharpness under 2/η = %v at step %d (want within ten); final λmax %v against %v with η = %v (want flatter)",
			lrs[1], start, peak, r.Last().F, 2/lrs[1], fell, flat1, flat0, lrs[0])
	}
	for k := 1; k <= 50; k++ {
		if runs[0].Row(k).F > runs[0].Row(k-1).F {
			t.Errorf("η = %v (under 2/λ₀): the loss rises at step %d", lrs[0], k)
			break
		}
	}
	if runs[2].Last().Events&sim.EventDiverged == 0 {
		t.Errorf("η = %v (2·2/λ₀ or more): did not diverge in 400 steps, loss %v", lrs[2], runs[2].Last().F)
	}
	t.Logf("2/λ₀ = %.4g; η = %v: loss %.4g → peak %.4g → %.4g, λmax %.4g → under 2/η at step %d → %.4g (η = %v ends at %.4g); η = %v diverged at step %d",
		edge0, lrs[1], start, peak, r.Last().F, lam[0], fell, flat1, lrs[0], flat0, lrs[2], runs[2].Last().Iter)
}

// finals are each panel's final training loss, test loss and sharpness.
func finals(sc Scenario, runs []*sim.Run) (loss, test, sharp []float64) {
	for _, r := range runs {
		te, sh := NewNetTracker(sc.NetProblem()).Measure(r.Last().X)
		loss, test, sharp = append(loss, r.Last().F), append(test, te), append(sharp, sh)
	}
	return loss, test, sharp
}

// TestBatchSizeLesson (batch-size): after 3000 steps, batches of 5 end
// flatter than batches of 50, which end flatter than the full batch (each
// at least 15% lower λmax); yet batches of 50, flatter than the full
// batch, test worse: flatter is not better here.
func TestBatchSizeLesson(t *testing.T) {
	sc, runs, _ := lessonRuns(t, "batch-size", 3000)
	loss, test, sharp := finals(sc, runs)
	if !(sharp[0] < 0.85*sharp[1] && sharp[1] < 0.85*sharp[2]) {
		t.Errorf("final λmax %v for batches of 5, 50 and all: want each at least 15%% under the next", sharp)
	}
	if !(test[1] > test[2]) {
		t.Errorf("test loss %v: batches of 50 (λmax %v) should test worse than the full batch (λmax %v), as the lesson says", test, sharp[1], sharp[2])
	}
	t.Logf("batches 5, 50, all: loss %.4g, test %.4g, λmax %.4g", loss, test, sharp)
}

// TestSAMLesson (sam): after 3000 steps SAM's minimum is flatter than
// gradient descent's (λmax under half of it) and its test loss lower.
func TestSAMLesson(t *testing.T) {
	sc, runs, _ := lessonRuns(t, "sam", 3000)
	loss, test, sharp := finals(sc, runs)
	if !(sharp[1] < 0.5*sharp[0]) || !(test[1] < test[0]) {
		t.Errorf("GD then SAM: final λmax %v (want SAM's under half), test loss %v (want SAM's lower)", sharp, test)
	}
	t.Logf("GD, SAM: loss %.4g, test %.4g, λmax %.4g", loss, test, sharp)
}
