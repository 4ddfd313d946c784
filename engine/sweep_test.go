package engine

import (
	"math"
	"testing"
	"time"

	"curvlab/sim/explore"
	"curvlab/sim/scenario"
)

// TestSweepsComeFromTheEngine: asked for a sweep, the engine runs each
// panel's method for every value and sends how each run ended, the same
// as package explore computes it directly (value, final f, ‖g‖, iteration
// and events to the bit; on a network the test loss and sharpness too),
// through every transport; a panel whose method lacks the parameter gets
// none; a new request drops the points of the old; a bad spec is refused.
func TestSweepsComeFromTheEngine(t *testing.T) {
	for _, c := range []struct {
		text string
		spec scenario.SweepSpec
	}{
		{"v1;s=rosenbrock;x=-1.2,1;m=gd:lr=0.001;m=momentum:lr=0.0005;n=150", scenario.SweepSpec{Key: "beta", From: 0, To: 0.9, N: 7}},
		{"v1;s=rosenbrock;x=-1.2,1;m=gd:lr=0.001;m=bfgs;n=100", scenario.SweepSpec{}},
		{"v1;net=tanh:4;d=circle:n=60;m=gd:lr=0.1;n=60", scenario.SweepSpec{Key: "lr", From: 0.01, To: 1, N: 4, Log: true}},
	} {
		sc := decode(t, c.text)
		sc.Sweep = c.spec
		for _, tr := range []Transport{NewInProcess(), NewGoroutine()} {
			cl := NewClient(tr)
			cl.Open(sc)
			cl.SetSweep(c.spec, true)
			stop := time.Now().Add(time.Minute)
			for {
				all := true
				for k := range sc.Methods {
					sw, _ := explore.PanelSweep(sc, k)
					all = all && len(cl.Sweep(k)) == len(sw.Values)
				}
				if all {
					break
				}
				if time.Now().After(stop) {
					t.Fatalf("%s on %s: the sweep never came whole", tr.Name(), c.text)
				}
				if n := cl.Update(time.Now().Add(5 * time.Millisecond)); n != "" {
					t.Fatal(n)
				}
			}
			for k := range sc.Methods {
				sw, ok := explore.PanelSweep(sc, k)
				got := cl.Sweep(k)
				if !ok {
					if len(got) != 0 {
						t.Errorf("%s: panel %d's method has no %s, yet %d points", c.text, k+1, c.spec.Key, len(got))
					}
					continue
				}
				want := sw.Run(sc, k)
				for j := range want {
					a, b := got[j], want[j]
					same := func(x, y float64) bool { return math.Float64bits(x) == math.Float64bits(y) }
					if !same(a.Value, b.Value) || !same(a.Final.F, b.Final.F) || !same(a.Final.GNorm, b.Final.GNorm) || a.Final.Iter != b.Final.Iter ||
						a.Final.Events != b.Final.Events || !same(a.TestLoss, b.TestLoss) || !same(a.Sharpness, b.Sharpness) {
						t.Errorf("%s %s panel %d value %d: engine %+v, explore %+v", tr.Name(), c.text, k+1, j, a, b)
					}
				}
			}
			cl.SetSweep(c.spec, false)
			cl.Update(time.Now())
			if len(cl.Sweep(0)) != 0 {
				t.Errorf("%s: the sweep turned off keeps %d points", tr.Name(), len(cl.Sweep(0)))
			}
			tr.Close()
		}
	}
	var core Core
	core.Handle(openMsg(1, "v1;s=rosenbrock;x=-1.2,1;m=gd;n=10", []int{0}))
	for _, bad := range []string{"beta:0,0.9,5", "lr:0.1,0.01,5", "lr:0,1,5,log", "nonsense"} {
		core.Handle(sweepMsg(1, 1, true, bad))
		if msgs := core.Take(); len(msgs) == 0 || msgKind(msgs[len(msgs)-1][0]) != msgFailed {
			t.Errorf("the sweep %q was taken", bad)
		}
		core.Handle(openMsg(1, "v1;s=rosenbrock;x=-1.2,1;m=gd;n=10", []int{0}))
	}
}
