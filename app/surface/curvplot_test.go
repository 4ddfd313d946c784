package surface

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"

	"curvlab/internal/scenetest"
	"curvlab/sim"
	"curvlab/sim/scenario"
)

// TestCurvPlotDrawsTheErrors: on sr1-learns the curvature plot draws, for
// each panel, ‖B_k − ∇²f‖_F/‖∇²f‖_F of its rows (worked out here with
// gonum: BFGS's and SR1's models are inverse forms, inverted by gonum's
// Inverse): SR1's is at the floor (0 to rounding) from step 2, BFGS's is
// well above it, Newton's (the Hessian itself) at the floor throughout;
// a method without a model draws no line.
func TestCurvPlotDrawsTheErrors(t *testing.T) {
	g := newRig(t, scenetest.PresetLink(t, "sr1-learns"), 1600, 900)
	for range 6 {
		g.St.StepAll()
	}
	g.Frames(2)
	s := g.Scene
	if !s.withCurv || s.curvRect.W <= 0 {
		t.Fatal("no curvature plot")
	}
	hess := make([]float64, 4)
	for k, r := range g.St.Runs {
		errs := s.curv.errs[k]
		if len(errs) != len(r.Trace) || len(errs) < 2 || k < 2 && len(errs) < 4 {
			t.Fatalf("panel %d: %d errors for %d rows", k+1, len(errs), len(r.Trace))
		}
		for i := range r.Trace {
			row := r.Row(i)
			g.St.Scen.Surface().Hess(hess, row.X)
			h := mat.NewDense(2, 2, hess)
			b := mat.NewDense(2, 2, append([]float64(nil), row.Curv...))
			if row.CurvKind == sim.CurvH {
				var inv mat.Dense
				if err := inv.Inverse(b); err != nil {
					t.Fatal(err)
				}
				b = &inv
			}
			var d mat.Dense
			d.Sub(b, h)
			want := math.Max(curvFloor, mat.Norm(&d, 2)/mat.Norm(h, 2))
			if math.Abs(errs[i]-want) > 1e-9*want+1e-15 {
				t.Errorf("panel %d row %d: plotted %v, gonum %v", k+1, i, errs[i], want)
			}
		}
	}
	sr1, bfgs, newton := s.curv.errs[0], s.curv.errs[1], s.curv.errs[2]
	for i := 2; i < len(sr1); i++ {
		if sr1[i] > 1e-14 {
			t.Errorf("SR1's error at step %d is %v: not learned", i, sr1[i])
		}
	}
	if !(bfgs[2] > 1e-3) || !(sr1[1] > 0.1) {
		t.Errorf("BFGS at step 2: %v, SR1 at step 1: %v; both should be far from 0", bfgs[2], sr1[1])
	}
	for i, e := range newton {
		if e != curvFloor {
			t.Errorf("Newton's error at row %d is %v, want the floor (its model is the Hessian)", i, e)
		}
	}
	if n := len(s.curv.pl.Series); n != 3 {
		t.Errorf("%d lines drawn, want 3", n)
	}
	scenetest.SaveShot(t, g.Img, "curvature-plot")
}

// TestEigenPlotDrawsTheEigenvalues: with the eigenvalues shown (I), on
// sr1-learns the curvature plot draws for each panel the magnitudes of
// its model's eigenvalues and of the true Hessian's at its iterates
// (gonum's EigenSym of B, of H's inverse for the inverse forms, and of
// ∇²f): SR1's meet the truth's from step 2, BFGS's do not yet then.
func TestEigenPlotDrawsTheEigenvalues(t *testing.T) {
	sc, err := scenario.Decode(scenetest.PresetLink(t, "sr1-learns"))
	if err != nil {
		t.Fatal(err)
	}
	sc.UI += "l"
	g := newRig(t, "#"+sc.Encode(), 1600, 900)
	if !g.St.Flags.Eigen {
		t.Fatal("the link's flag l does not show the eigenvalues")
	}
	for range 6 {
		g.St.StepAll()
	}
	g.Frames(2)
	cp := &g.Scene.curv
	hess := make([]float64, 4)
	eig := func(m *mat.Dense) (hi, lo float64) {
		var e mat.EigenSym
		sym := mat.NewSymDense(2, []float64{m.At(0, 0), (m.At(0, 1) + m.At(1, 0)) / 2, (m.At(0, 1) + m.At(1, 0)) / 2, m.At(1, 1)})
		if !e.Factorize(sym, false) {
			t.Fatal("EigenSym failed")
		}
		v := e.Values(nil)
		a, b := math.Abs(v[0]), math.Abs(v[1])
		return math.Max(a, b), math.Min(a, b)
	}
	near := func(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Abs(b) }
	for k, r := range g.St.Runs {
		for i := range r.Trace {
			row := r.Row(i)
			g.St.Scen.Surface().Hess(hess, row.X)
			thi, tlo := eig(mat.NewDense(2, 2, hess))
			b := mat.NewDense(2, 2, append([]float64(nil), row.Curv...))
			if row.CurvKind == sim.CurvH {
				var inv mat.Dense
				if err := inv.Inverse(b); err != nil {
					t.Fatal(err)
				}
				b = &inv
			}
			mhi, mlo := eig(b)
			if !near(cp.trueHi[k][i], thi) || !near(cp.trueLo[k][i], tlo) || !near(cp.modelHi[k][i], mhi) || !near(cp.modelLo[k][i], mlo) {
				t.Errorf("panel %d row %d: plotted model (%v, %v) truth (%v, %v); gonum model (%v, %v) truth (%v, %v)", k+1, i,
					cp.modelHi[k][i], cp.modelLo[k][i], cp.trueHi[k][i], cp.trueLo[k][i], mhi, mlo, thi, tlo)
			}
		}
	}
	for i := 2; i < len(cp.modelHi[0]); i++ {
		if !near(cp.modelHi[0][i], cp.trueHi[0][i]) || !near(cp.modelLo[0][i], cp.trueLo[0][i]) {
			t.Errorf("SR1 at step %d: model (%v, %v), truth (%v, %v): not learned", i, cp.modelHi[0][i], cp.modelLo[0][i], cp.trueHi[0][i], cp.trueLo[0][i])
		}
	}
	if near(cp.modelLo[1][2], cp.trueLo[1][2]) && near(cp.modelHi[1][2], cp.trueHi[1][2]) {
		t.Errorf("BFGS at step 2 already has the true eigenvalues (%v, %v)", cp.modelHi[1][2], cp.modelLo[1][2])
	}
	if n := len(cp.pl.Series); n != 12 {
		t.Errorf("%d lines drawn, want 4 for each of the 3 models", n)
	}
	scenetest.SaveShot(t, g.Img, "eigen-plot")
}
