package network

import (
	"math"
	"slices"
	"testing"

	"curvlab/app/ui"
	"curvlab/sim/explore"
)

// TestNetworkSweep: a network's sweep of lr, run by the engine, ends each
// run as package explore's sweep does (final training loss, test loss
// and sharpness to the bit); the plots take the places of the spectra and
// the slice; the sharpness plot's white curve is 2/lr at each of its x.
func TestNetworkSweep(t *testing.T) {
	g := newRig(t, "#v1;net=tanh:4;d=circle:n=60;m=gd:lr=0.1;m=adam:lr=0.01;n=40;t=0;y=lr:0.01,1,5,log;u=w", 1600, 900)
	if !settle(g, true, 3000, 0) {
		t.Fatal("the sweep never came whole")
	}
	ns := &g.Scene.sweep
	sc := g.St.Scen
	same := func(a, b float64) bool { return math.Float64bits(a) == math.Float64bits(b) }
	for k := range sc.Methods {
		sw, ok := explore.PanelSweep(sc, k)
		if !ok {
			t.Fatalf("panel %d has no sweep", k+1)
		}
		want := sw.Run(sc, k)
		if len(ns.ends[k]) != len(want) {
			t.Fatalf("panel %d: %d points drawn, explore has %d", k+1, len(ns.ends[k]), len(want))
		}
		for j, w := range want {
			p := ns.ends[k][j]
			if !same(p.Value, w.Value) || !same(p.Final.F, w.Final.F) || !same(p.TestLoss, w.TestLoss) || !same(p.Sharpness, w.Sharpness) {
				t.Errorf("panel %d value %d: drawn %+v, explore %+v", k+1, j, p, w)
			}
			if x := ns.xs[k][j]; !w.Diverged() && (x != math.Log10(w.Value) || ns.train[k][j] != w.Final.F || ns.test[k][j] != w.TestLoss || ns.sharps[k][j] != w.Sharpness) {
				t.Errorf("panel %d value %d: series (%v, %v, %v, %v)", k+1, j, x, ns.train[k][j], ns.test[k][j], ns.sharps[k][j])
			}
		}
	}
	if len(ns.edgeX) == 0 {
		t.Fatal("no 2/lr curve")
	}
	for i, x := range ns.edgeX {
		if want := 2 / math.Pow(10, x); math.Abs(ns.edgeY[i]-want) > 1e-12*want {
			t.Errorf("the curve at log₁₀ lr = %v is %v, 2/lr = %v", x, ns.edgeY[i], want)
		}
	}
	lw, lh := ns.lossLayer.Size()
	sw, sh := ns.sharpLayer.Size()
	if r := g.Scene.rects.spectrum; lw != int(r.W) || lh != int(r.H) {
		t.Errorf("the loss sweep is %d×%d, the spectra's place %v", lw, lh, r)
	}
	if r := g.Scene.rects.slice; sw != int(r.W) || sh != int(r.H) {
		t.Errorf("the sharpness sweep is %d×%d, the slice's place %v", sw, sh, r)
	}
}

// TestEachMethodsStabilityLine: the sharpness plot draws each panel's own
// line, the sharpness its method turns unstable at on a quadratic with its
// step η: 2/η for gradient descent, 2(1 + β)/η heavy ball,
// (2 + 2β)/((1 + 2β)η) Nesterov; for Adam the line of the preconditioned
// sharpness, (2 + 2β₁)/((1 − β₁)η) = 38/η, drawn beside λmax(P⁻¹H) in place
// of λmax(H), on a log axis.
func TestEachMethodsStabilityLine(t *testing.T) {
	g, _ := steppedRig(t, "#v1;net=tanh:4;d=circle:n=60;m=gd:lr=0.1;m=momentum:lr=0.05,beta=0.5;m=nesterov:lr=0.05,beta=0.5;m=adam:lr=0.01;n=5", 5)
	np := &g.Scene.netView.plots
	for k, want := range []float64{2 / 0.1, 2 * (1 + 0.5) / 0.05, (2 + 2*0.5) / ((1 + 2*0.5) * 0.05), (2 + 2*0.9) / ((1 - 0.9) * 0.01)} {
		if got := np.etaY[k]; math.Abs(got[0]-want) > 1e-12*want || got[1] != got[0] {
			t.Errorf("panel %d: line at %v, want %v", k+1, got, want)
		}
	}
	lines := 0
	for _, sr := range np.sharp.Series {
		if len(sr.X) == 2 {
			lines++
		}
		if pre := g.St.Trackers[3].SharpnessPre; sr.Color == ui.PanelColors[3] && (len(pre) != 6 || !slices.Equal(sr.Y[1:], pre[1:])) {
			t.Errorf("Adam's sharpness drawn %v, its λmax(P⁻¹H) %v", sr.Y, g.St.Trackers[3].SharpnessPre)
		}
	}
	if lines != 4 || !np.sharp.LogY {
		t.Errorf("%d stability lines drawn (want 4), log axis %v", lines, np.sharp.LogY)
	}
	if l := g.Scene.panels[1].lines[4]; l != "stability limit 2(1+β)/η = 60" {
		t.Errorf("the momentum panel's readout says %q", l)
	}
	pre := g.St.Trackers[3].SharpnessPre
	if l, want := g.Scene.panels[3].lines[4], "λmax(P⁻¹H) "+ui.Num(pre[len(pre)-1])+"  limit "+ui.Num(3800); l != want {
		t.Errorf("the Adam panel's readout says %q, want %q", l, want)
	}
}
