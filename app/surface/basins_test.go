package surface

import (
	"slices"
	"testing"

	"curvlab/internal/scenetest"
	"curvlab/sim/explore"
	"curvlab/sim/surfaces"
)

// TestBasinsAreDrawn: with Basins on, each panel asks for the basins of
// its view, one start a pixel, and once they are whole (Pending false)
// its cells are package explore's for the panel's method (computed here
// apart), and each pixel of the plot is its cell's colour: the minimum's
// hue shaded by iterations, greys for the rest. Off, nothing is asked.
func TestBasinsAreDrawn(t *testing.T) {
	g := newRig(t, "#v1;s=himmelblau;x=0,0;m=newton:ls=none,mod=none;m=gd:lr=0.01;u=b", 800, 500)
	untilWhole(t, g, 2000)
	pix := g.Pixels()
	pr := g.Panels[0].Plot
	v := g.Scene.panelView(pr)
	grid := basinGrid(v)
	if grid.W != int(pr.W) || grid.H != int(pr.H) {
		t.Fatalf("grid %d×%d for a plot of %v×%v pixels: want one start a pixel", grid.W, grid.H, pr.W, pr.H)
	}
	w := surfaces.Window{XMin: grid.XMin, XMax: grid.XMax, YMin: grid.YMin, YMax: grid.YMax}
	for k, m := range g.St.Scen.Methods {
		want := make([]explore.Basin, grid.W*grid.H)
		explore.Basins(want, g.St.Scen.Surface(), m, w, grid.W, grid.H, explore.Settings{Steps: 100, Tol: g.St.Scen.Tol})
		b := g.St.Eng.Basins(k)
		if !b.Final || !slices.Equal(b.Cells, want) {
			t.Fatalf("panel %d: the basins differ from explore's (final %v, %d cells)", k+1, b.Final, len(b.Cells))
		}
		pr := g.Panels[k].Plot
		kinds := map[explore.Outcome]int{}
		samples, off := 0, 0
		for j := 3; j < grid.H-3; j += 7 { // away from the frame
			for i := 3; i < grid.W-3; i += 7 {
				c := want[j*grid.W+i]
				col := basinColor(c, 100)
				p := 4 * ((int(pr.Y)+j)*g.W + int(pr.X) + i)
				samples++
				if d := max(absDiff(pix[p], col.R), absDiff(pix[p+1], col.G), absDiff(pix[p+2], col.B)); d > 24 {
					off++ // the marks over the plot (the iterate, its arrow and ellipse, tick labels) cover a few
					continue
				}
				kinds[c.Outcome]++
			}
		}
		if off > samples/20 {
			t.Errorf("panel %d: %d of %d sampled pixels are not their cell's colour", k+1, off, samples)
		}
		if kinds[explore.Minimum] < 100 {
			t.Errorf("panel %d: %d sampled pixels show their minimum's colour", k+1, kinds[explore.Minimum])
		}
		if k == 0 && kinds[explore.Stationary] < 20 {
			t.Errorf("Newton's panel: %d sampled pixels show another stationary point", kinds[explore.Stationary])
		}
	}
	scenetest.SaveShot(t, g.Img, "basins")
	f := g.St.Flags
	f.Basins = false
	g.St.SetFlags(f)
	g.Frames(1)
	if g.Scene.basins.asked.W != 0 {
		t.Error("Basins off, yet a grid is asked")
	}
}

func absDiff(a, b uint8) int {
	if a > b {
		return int(a - b)
	}
	return int(b - a)
}

// TestBasinColors: the colours help names — minimum 1 blue, 2 green, 3
// yellow, 4 purple, 5 brown, 6 teal, then again; light grey another
// stationary point, dark grey not converged, black diverged — at full
// strength for a start that is there already, darker with more
// iterations, down to 45 % at the budget.
func TestBasinColors(t *testing.T) {
	hues := [][3]uint8{{0x4e, 0x79, 0xa7}, {0x59, 0xa1, 0x4f}, {0xed, 0xc9, 0x48}, {0xb0, 0x7a, 0xa1}, {0x9c, 0x75, 0x5f}, {0x76, 0xb7, 0xb2}}
	for k := range 8 {
		c := basinColor(explore.Basin{Outcome: explore.Minimum, Minimum: k}, 100)
		if h := hues[k%6]; [3]uint8{c.R, c.G, c.B} != h {
			t.Errorf("minimum %d: %v, want %v", k+1, c, h)
		}
		end := basinColor(explore.Basin{Outcome: explore.Minimum, Minimum: k, Iterations: 100}, 100)
		if want := uint8(float64(hues[k%6][1]) * 0.45); end.G != want {
			t.Errorf("minimum %d after 100 of 100 steps: green %d, want 45 %% (%d)", k+1, end.G, want)
		}
		mid := basinColor(explore.Basin{Outcome: explore.Minimum, Minimum: k, Iterations: 10}, 100)
		if !(mid.G < c.G && mid.G > end.G) {
			t.Errorf("minimum %d: 10 iterations give green %d, not between %d and %d", k+1, mid.G, end.G, c.G)
		}
	}
	for _, c := range []struct {
		o    explore.Outcome
		want [3]uint8
	}{{explore.Stationary, [3]uint8{0xb8, 0xb8, 0xb8}}, {explore.NotConverged, [3]uint8{0x3c, 0x3c, 0x44}}, {explore.Diverged, [3]uint8{0x0c, 0x0c, 0x0e}}} {
		if got := basinColor(explore.Basin{Outcome: c.o}, 100); [3]uint8{got.R, got.G, got.B} != c.want {
			t.Errorf("%v: %v, want %v", c.o, got, c.want)
		}
	}
}
