package app

import (
	"math"
	"strings"
	"testing"

	"curvlab/app/ui"
	"curvlab/sim/scenario"

	"github.com/hajimehoshi/ebiten/v2"
)

// TestSolidViewByHand: Z turns every panel to 3D and back, a panel's
// editor button one panel; a drag on a 3D panel turns the camera (and
// does not pan the window), a click there does not move the start;
// Shift+arrows turn and tilt it; the link holds it all.
func TestSolidViewByHand(t *testing.T) {
	g, _ := newTestGame(t, "#v1;s=himmelblau;x=-0.5,0.5;m=gd:lr=0.01;m=newton", 1600, 900)
	g.do(ui.ActSolid, 0)
	if sol := g.st.Scen.Solid; !sol.Panels[0] || !sol.Panels[1] || sol.Azimuth != scenario.DefaultAzimuth || sol.Elevation != scenario.DefaultElevation {
		t.Fatalf("Z: %+v, want both panels in 3D from the default camera", sol)
	}
	if link := g.st.Scen.Encode(); !strings.Contains(link, ";z=12:-30,35") {
		t.Errorf("the link %q does not hold the 3D view", link)
	}
	g.do(ui.ActSolidPanel, 1)
	if sol := g.st.Scen.Solid; !sol.Panels[0] || sol.Panels[1] {
		t.Fatalf("panel 2's button: %+v, want panel 2 flat", sol)
	}

	win, start := g.st.View(), append([]float64(nil), g.st.Scen.Start...)
	r := g.lay.panels[0].Plot
	cx, cy := r.X+r.W/2, r.Y+r.H/2
	pressAt(g, cx, cy)
	var dx, dy float64 // what the pointer counts as moved (past its threshold)
	for i := 1; i <= 4; i++ {
		dragTo(g, cx+10*float64(i), cy+6.25*float64(i), 1)
		dx, dy = dx+g.ptr.DX, dy+g.ptr.DY
	}
	releasePointer(g)
	u := g.c.M.U // the drag turns by logical pixels
	dx, dy = dx/u, dy/u
	sol := g.st.Scen.Solid
	if dx < 25 || math.Abs(sol.Azimuth-(-30-dx/2)) > 0.2 || math.Abs(sol.Elevation-(35+0.4*dy)) > 0.2 { // each frame's turn rounded to 0.1°
		t.Errorf("a drag of (%g, %g) px: azimuth %g, elevation %g; want −30 − dx/2 and 35 + 0.4·dy", dx, dy, sol.Azimuth, sol.Elevation)
	}
	az, el := sol.Azimuth, sol.Elevation
	if g.st.View() != win {
		t.Errorf("the drag on a 3D panel panned the window to %+v", g.st.View())
	}
	tapAt(g, cx+10, cy+10)
	if g.st.Scen.Start[0] != start[0] || g.st.Scen.Start[1] != start[1] {
		t.Errorf("a click on a 3D panel moved the start to %v", g.st.Scen.Start)
	}
	// The flat panel still pans.
	r2 := g.lay.panels[1].Plot
	pressAt(g, r2.X+r2.W/2, r2.Y+r2.H/2)
	dragTo(g, r2.X+r2.W/2+30, r2.Y+r2.H/2, 3)
	releasePointer(g)
	if g.st.View() == win || g.st.Scen.Solid != sol {
		t.Errorf("a drag on the flat panel: window %+v, camera %+v", g.st.View(), g.st.Scen.Solid)
	}

	for _, c := range []struct {
		key    ebiten.Key
		az, el float64
	}{{ebiten.KeyArrowLeft, -15, 0}, {ebiten.KeyArrowUp, -15, 10}, {ebiten.KeyArrowRight, 0, 10}, {ebiten.KeyArrowDown, 0, 0}} {
		b := binding(t, c.key, true)
		g.do(b.Act, b.Arg)
		if s := g.st.Scen.Solid; math.Abs(s.Azimuth-az-c.az) > 1e-9 || math.Abs(s.Elevation-el-c.el) > 1e-9 {
			t.Errorf("Shift+%v: azimuth %g elevation %g, want %g, %g", c.key, s.Azimuth, s.Elevation, c.az, c.el)
		}
	}
	if !shiftBound(ebiten.KeyArrowRight) || shiftBound(ebiten.KeySpace) {
		t.Error("→ with Shift must turn the view, not step; Space has no Shift binding")
	}
	g.do(ui.ActSolid, 0)
	g.do(ui.ActSolid, 0)
	if g.st.Scen.Solid.On() {
		t.Errorf("Z twice more (all on, then all off): %+v", g.st.Scen.Solid)
	}
	g.do(ui.ActSolid, 0)
	g.do(ui.ActRemovePanel, 0)
	if err := g.st.Scen.Validate(); err != nil || g.st.Scen.Solid.Panels[1] {
		t.Errorf("removing panel 2 in 3D: %v, %+v", err, g.st.Scen.Solid)
	}
}

// binding is the Keymap's binding of key with or without Shift.
func binding(t *testing.T, key ebiten.Key, shift bool) ui.Binding {
	t.Helper()
	for _, b := range ui.Keymap {
		if b.Key == key && b.Shift == shift {
			return b
		}
	}
	t.Fatalf("no binding of %v (shift %v)", key, shift)
	return ui.Binding{}
}
