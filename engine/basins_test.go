package engine

import (
	"slices"
	"testing"
	"time"

	"curvlab/sim/explore"
)

// TestBasinsComeCoarseToFine: asked for basins on a 64×48 grid, each
// run's picture comes first on a coarser grid over the same window, then
// on the grid asked, whose cells are those package explore computes for
// the panel's method directly, through every transport; a network has
// none; a new request replaces the pictures; a bad grid is refused.
func TestBasinsComeCoarseToFine(t *testing.T) {
	text := "v1;s=himmelblau;x=0,0;m=newton:ls=none,mod=none;m=gd:lr=0.01;n=100"
	sc := decode(t, text)
	w := sc.ViewWindow()
	g := MapGrid{W: 64, H: 48, XMin: w.XMin, XMax: w.XMax, YMin: w.YMin, YMax: w.YMax}
	want := make([][]explore.Basin, len(sc.Methods))
	for k, m := range sc.Methods {
		want[k] = make([]explore.Basin, g.W*g.H)
		explore.Basins(want[k], sc.Surface(), m, w, g.W, g.H, explore.Settings{Steps: 100, Tol: sc.Tol})
	}
	for _, tr := range []Transport{NewInProcess(), NewGoroutine()} {
		c := NewClient(tr)
		c.Open(sc)
		c.SetBasinGrid(g)
		var grids [][2]int
		stop := time.Now().Add(time.Minute)
		for !(c.Basins(0).Final && c.Basins(1).Final) {
			if time.Now().After(stop) {
				t.Fatalf("%s: the basins never came whole", tr.Name())
			}
			v := c.Basins(0).Version
			if n := c.Update(time.Now().Add(5 * time.Millisecond)); n != "" {
				t.Fatal(n)
			}
			if b := c.Basins(0); b.Version != v && len(b.Cells) > 0 {
				grids = append(grids, [2]int{b.Grid.W, b.Grid.H})
			}
		}
		if len(grids) < 2 || grids[0] != [2]int{32, 24} || grids[len(grids)-1] != [2]int{64, 48} {
			t.Errorf("%s: the pictures came on grids %v, want 32×24 then 64×48", tr.Name(), grids)
		}
		for k := range sc.Methods {
			b := c.Basins(k)
			if b.Grid != g || !slices.Equal(b.Cells, want[k]) {
				t.Errorf("%s: panel %d's basins differ from explore's", tr.Name(), k+1)
			}
		}
		c.SetBasinGrid(MapGrid{})
		c.Update(time.Now())
		if b := c.Basins(0); len(b.Cells) != 0 || b.Final {
			t.Errorf("%s: no basins asked, yet %d cells", tr.Name(), len(b.Cells))
		}
		tr.Close()
	}
	net := NewClient(NewInProcess())
	net.Open(decode(t, "v1;net=tanh:4;d=circle:n=60;m=gd"))
	if net.Basins(0) != nil {
		t.Error("a network has basins")
	}
	// A grid of too many cells, or a window turned round, is refused.
	for _, bad := range []MapGrid{{W: 1024, H: 1024, XMin: 0, XMax: 1, YMin: 0, YMax: 1}, {W: 4, H: 4, XMin: 1, XMax: 0, YMin: 0, YMax: 1}} {
		var core Core
		core.Handle(openMsg(1, text, []int{0, 0}))
		core.Handle(basinsMsg(1, bad))
		if msgs := core.Take(); len(msgs) == 0 || msgKind(msgs[len(msgs)-1][0]) != msgFailed {
			t.Errorf("the grid %+v was taken", bad)
		}
	}
}
