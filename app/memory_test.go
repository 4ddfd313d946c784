package app

import (
	"runtime"
	"testing"

	"curvlab/internal/heapstat"
	"curvlab/sim/scenario"

	"github.com/hajimehoshi/ebiten/v2"
)

// TestLargestSurfaceLinkHeap plays the largest surface link (four panels of
// MaxSteps steps) to its end in the app, draws it until its trails are
// whole, and checks that the whole app's live heap stays within half the
// page's heap budget (Go's collector lets the heap grow to about twice the
// live data): the runs within their estimate, and the app's own per-row
// caches (paths, plots) and what Ebitengine queues in a frame within its
// reserve.
func TestLargestSurfaceLinkHeap(t *testing.T) {
	link := "#v1;s=rosenbrock;x=-1.2,1;m=gd:lr=0.001;m=newton:ls=none;m=momentum:lr=0.0005;m=bfgs:ls=none;n=100000;t=0"
	base := heapstat.Live()
	g, img := newTestGame(t, link, 1600, 900)
	if g.st.Notice != "" {
		t.Fatalf("notice: %s", g.st.Notice)
	}
	for !g.st.Done() {
		g.st.StepAll()
	}
	// The first frame draws the whole f plot again; Ebitengine keeps what a
	// frame queued until the next one ends. Then enough frames for the
	// trails to be drawn whole.
	onFrames(1, func() { g.Update() }, func(*ebiten.Image) { g.Draw(img) })
	first := heapstat.Live() - base
	onFrames((g.st.Scen.Steps+1)/trailPointsPerFrame+2, func() { g.Update() }, func(*ebiten.Image) { g.Draw(img) })
	for k, r := range g.st.Runs {
		if pc := &g.surfaces.panels[k]; len(r.Trace) != g.st.Scen.Steps+1 || len(pc.path.Pts) != 2*len(r.Trace) || pc.trailN != len(r.Trace) {
			t.Fatalf("panel %d: %d rows, %d path points, %d drawn", k+1, len(r.Trace), len(pc.path.Pts)/2, pc.trailN)
		}
	}
	used := max(first, heapstat.Live()-base)
	t.Logf("live heap %d MiB after %d steps of %d panels (%d MiB after the first frame); runs' estimate %d MiB", used>>20, g.st.Scen.Steps, len(g.st.Runs), first>>20, g.st.Scen.MemoryEstimate()>>20)
	if limit := int64(scenario.PageHeapBudget / 2); used > limit {
		t.Errorf("live heap %d MiB, more than half the page's budget (%d MiB)", used>>20, limit>>20)
	}
	if limit := g.st.Scen.MemoryEstimate() + scenario.AppReserve; used > limit {
		t.Errorf("live heap %d MiB, more than the runs' estimate and the app's reserve (%d MiB)", used>>20, limit>>20)
	}
	runtime.KeepAlive(g)
}
