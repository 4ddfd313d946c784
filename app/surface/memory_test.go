package surface

import (
	"runtime"
	"testing"

	"curvlab/internal/heapstat"
	"curvlab/sim/scenario"
)

// TestLargestSurfaceLinkHeap plays the largest surface link (four panels of
// MaxSteps steps) to its end in its scene, draws it until its trails are
// whole, and checks that the live heap stays within half the
// page's heap budget (Go's collector lets the heap grow to about twice the
// live data): the runs within their estimate, and the app's own per-row
// caches (paths, plots) and what Ebitengine queues in a frame within its
// reserve.
func TestLargestSurfaceLinkHeap(t *testing.T) {
	link := "#v1;s=rosenbrock;x=-1.2,1;m=gd:lr=0.001;m=newton:ls=none;m=momentum:lr=0.0005;m=bfgs:ls=none;n=100000;t=0"
	base := heapstat.Live()
	g := newRig(t, link, 1600, 900)
	if g.St.Notice != "" {
		t.Fatalf("notice: %s", g.St.Notice)
	}
	for !g.St.Done() {
		g.St.StepAll()
	}
	// The first frame draws the whole f plot again; Ebitengine keeps what a
	// frame queued until the next one ends. Then enough frames for the
	// trails to be drawn whole.
	g.Frames(1)
	first := heapstat.Live() - base
	g.Frames((g.St.Scen.Steps+1)/TrailPointsPerFrame + 2)
	for k, r := range g.St.Runs {
		if pc := &g.Scene.panels[k]; len(r.Trace) != g.St.Scen.Steps+1 || len(pc.path.Pts) != 2*len(r.Trace) || pc.trailN != len(r.Trace) {
			t.Fatalf("panel %d: %d rows, %d path points, %d drawn", k+1, len(r.Trace), len(pc.path.Pts)/2, pc.trailN)
		}
	}
	used := max(first, heapstat.Live()-base)
	t.Logf("live heap %d MiB after %d steps of %d panels (%d MiB after the first frame); runs' estimate %d MiB", used>>20, g.St.Scen.Steps, len(g.St.Runs), first>>20, g.St.Scen.MemoryEstimate()>>20)
	if limit := int64(scenario.PageHeapBudget / 2); used > limit {
		t.Errorf("live heap %d MiB, more than half the page's budget (%d MiB)", used>>20, limit>>20)
	}
	if limit := g.St.Scen.MemoryEstimate() + scenario.AppReserve; used > limit {
		t.Errorf("live heap %d MiB, more than the runs' estimate and the app's reserve (%d MiB)", used>>20, limit>>20)
	}
	runtime.KeepAlive(g)
}
