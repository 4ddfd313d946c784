package surface

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"

	"curvlab/internal/scenetest"
	"curvlab/sim"
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
