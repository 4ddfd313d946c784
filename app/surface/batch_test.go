package surface

import (
	"math"
	"strings"
	"testing"

	"curvlab/app/ui"
	"curvlab/internal/scenetest"
)

// TestBatchLossInTheFPlot: on a line fit, a panel on batches draws, thin
// beneath its f − f*, each step's batch loss less f* — the run's, row for
// row, recomputed apart — and its readout gives the epoch (2 of the 5
// points a step) and the batch's loss; a full-batch panel has neither.
func TestBatchLossInTheFPlot(t *testing.T) {
	const link, steps = "v1;s=linefit;x=0,0;m=gd:lr=0.1,batch=2,seed=1;m=gd:lr=0.1;n=50", 20
	g := newRig(t, "#"+link, 1600, 900)
	for range steps {
		g.St.StepAll()
	}
	untilWhole(t, g, 500)
	g.Frames(2)
	s := g.Scene
	runs := scenetest.FreshRuns(g.St.Scen, steps)
	fstar := s.surface.fstar
	var faint [][]float64
	for _, sr := range s.plot.pl.Series {
		if sr.Name == "" {
			faint = append(faint, sr.Y)
		}
	}
	if len(faint) != 1 || len(faint[0]) != steps+1 {
		t.Fatalf("%d faint series (want one, panel 1's batch losses)", len(faint))
	}
	for k := 1; k <= steps; k++ {
		if want := runs[0].Trace[k].BatchF - fstar; faint[0][k] != want {
			t.Errorf("row %d: batch loss less f* plotted %v, the run's %v", k, faint[0][k], want)
		}
	}
	last := runs[0].Last()
	if l := s.panels[0].lines[1]; !strings.HasPrefix(l, "epoch "+ui.Num(float64(2*steps)/5)+"  batch f "+ui.Num(last.BatchF)) {
		t.Errorf("panel 1's readout %q", l)
	}
	if l := s.panels[1].lines[1]; strings.Contains(l, "epoch") || math.IsNaN(runs[1].Last().F) {
		t.Errorf("panel 2's readout %q", l)
	}
}
