package sim_test

import (
	"math"
	"testing"

	"curvlab/sim"
)

// hugeGrad is f(x) = 1.5e308·(x₁ + x₂): finite everywhere near the origin,
// with a gradient whose components are finite but whose norm, √2·1e308,
// exceeds the largest float64.
type hugeGrad struct{}

func (hugeGrad) Dim() int                 { return 2 }
func (hugeGrad) Func(x []float64) float64 { return 1.5e308*x[0] + 1.5e308*x[1] }
func (hugeGrad) Grad(g, x []float64)      { g[0], g[1] = 1.5e308, 1.5e308 }
func (hugeGrad) Hess(h, x []float64)      { clear(h) }

// TestRunCheckLooksAtTheNorm: a start whose ‖g‖ overflows though every
// component is finite is diverged at row 0, and the run does not step.
func TestRunCheckLooksAtTheNorm(t *testing.T) {
	r := sim.NewRun(hugeGrad{}, &sim.GradientDescent{}, []float64{1e-300, 0}, sim.RunOptions{Tol: 1e-8})
	s := r.Trace[0]
	if !math.IsInf(s.GNorm, 1) || s.Events&sim.EventDiverged == 0 || !r.Done || r.Step() {
		t.Errorf("row 0: gnorm %v, events %v, done %v", s.GNorm, s.Events, r.Done)
	}
}
