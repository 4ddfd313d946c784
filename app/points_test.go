package app

import (
	"math"
	"slices"
	"strings"
	"testing"

	"curvlab/app/ui"
	"curvlab/render/geom"
	"curvlab/sim/nn"
)

// dataPlane returns the view of the first plane of the scene's data, as
// the page's automation sees it (Game.DataPlanes, in CSS pixels, which
// are the screen's here: the scale is 1).
func dataPlane(t *testing.T, g *Game) (geom.View, geom.Rect) {
	t.Helper()
	ps := g.DataPlanes()
	if len(ps) == 0 {
		t.Fatal("no data plane on the screen")
	}
	p := ps[0]
	r := geom.Rect{X: p.X, Y: p.Y, W: p.W, H: p.H}
	return geom.View{XMin: p.XMin, XMax: p.XMax, YMin: p.YMin, YMax: p.YMax, Screen: r}, r
}

// pressAt puts the pointer down at (x, y).
func pressAt(g *Game, x, y float64) {
	g.ptr.X, g.ptr.Y = x, y
	g.ptr.Press()
	g.press()
	g.ptr.Pressed = false
}

// dragTo moves the pointer, down, to (x, y) in n frames.
func dragTo(g *Game, x, y float64, n int) {
	x0, y0 := g.ptr.X, g.ptr.Y
	for i := 1; i <= n; i++ {
		g.ptr.MoveTo(x0+(x-x0)*float64(i)/float64(n), y0+(y-y0)*float64(i)/float64(n))
		g.ptr.Moved = true
		g.ptr.Held++
		g.drag()
	}
}

// releasePointer lifts the pointer where it is.
func releasePointer(g *Game) {
	g.ptr.Down, g.ptr.Released = false, true
	g.release()
	g.ptr.Released = false
}

// TestDragLineFitPoint: on a line fit, a press on a point and a drag move
// it with the pointer, frame by frame (snapped to the link's grid, the
// runs restarting each time); a tap on the plane adds a point there, a
// long press on one deletes it, and so does a right click; the link holds
// the points after each.
func TestDragLineFitPoint(t *testing.T) {
	g, _ := newTestGame(t, "#v1;s=linefit;x=0,0;m=gd:lr=0.1;m=newton", 1600, 900)
	v, box := dataPlane(t, g)
	if box.W < 150 || box.H < 150 {
		t.Fatalf("the data's plane is %v: too small to use", box)
	}
	xy := slices.Clone(g.st.Scen.Surface().(interface{ Points() []float64 }).Points())
	n := len(xy) / 2
	sx, sy := v.ToScreen(xy[2], xy[3]) // point 2
	pressAt(g, sx+2, sy-1)
	tx, ty := v.ToScreen(-2.5, -1.75)
	var seen [][2]float64
	for i := 1; i <= 4; i++ {
		dragTo(g, sx+(tx-sx)*float64(i)/4, sy+(ty-sy)*float64(i)/4, 1)
		f := g.st.Scen.Fit
		if len(f) != 2*n {
			t.Fatalf("frame %d of the drag: %d points, want %d", i, len(f)/2, n)
		}
		wx, wy := v.ToWorld(g.ptr.X, g.ptr.Y)
		if f[2] != nn.Snap(wx) || f[3] != nn.Snap(wy) || len(g.st.Runs[0].Trace) != 1 {
			t.Errorf("frame %d: point 2 at (%v, %v), the pointer at (%v, %v); %d rows", i, f[2], f[3], wx, wy, len(g.st.Runs[0].Trace))
		}
		seen = append(seen, [2]float64{f[2], f[3]})
	}
	releasePointer(g)
	if last := seen[len(seen)-1]; math.Abs(last[0]+2.5) > 1.0/256 || math.Abs(last[1]+1.75) > 1.0/256 || seen[0] == last {
		t.Errorf("the point went through %v, to end near (−2.5, −1.75)", seen)
	}
	if !slices.Equal(g.st.Scen.Fit[4:], xy[4:]) || !slices.Equal(g.st.Scen.Fit[:2], xy[:2]) {
		t.Errorf("other points moved: %v, were %v", g.st.Scen.Fit, xy)
	}

	// A tap on the plane away from the points adds one.
	ax, ay := v.ToScreen(-3, 3)
	tapAt(g, ax, ay)
	if f := g.st.Scen.Fit; len(f) != 2*(n+1) || f[2*n] != -3 || f[2*n+1] != 3 {
		t.Fatalf("a tap at (−3, 3): points %v", f)
	}
	// A long press on it deletes it, and the release after does nothing.
	pressAt(g, ax, ay)
	for range 40 {
		g.ptr.Held++
		g.drag()
	}
	if f := g.st.Scen.Fit; len(f) != 2*n {
		t.Fatalf("a long press on the new point: %d points, want %d", len(f)/2, n)
	}
	releasePointer(g)
	if f := g.st.Scen.Fit; len(f) != 2*n {
		t.Fatalf("the release after a long press: %d points, want %d", len(f)/2, n)
	}
	// A right click on point 1 deletes it.
	bx, by := v.ToScreen(xy[0], xy[1])
	g.deletePointAt(bx, by)
	if f := g.st.Scen.Fit; len(f) != 2*(n-1) || f[0] == xy[0] && f[1] == xy[1] {
		t.Fatalf("a right click on point 1: points %v", f)
	}
	if d, err := g.st.Scen.Clone(), g.st.Scen.Validate(); err != nil || !slices.Equal(d.Fit, g.st.Scen.Fit) {
		t.Errorf("the link does not hold the points: %v", err)
	}
}

// TestDragNetworkPoint: on a network's input plane a drag moves the point
// pressed, the generated data becoming one's own with every other point
// where it was (on the link's grid).
func TestDragNetworkPoint(t *testing.T) {
	g, _ := newTestGame(t, "#"+eosLink, 1600, 900)
	v, _ := dataPlane(t, g)
	p := g.st.Scen.NetProblem()
	x0, x1, _ := p.Train.Point(0)
	n := p.Train.N() + p.Test.N()
	sx, sy := v.ToScreen(x0, x1)
	pressAt(g, sx, sy)
	tx, ty := v.ToScreen(v.XMin+0.1*(v.XMax-v.XMin), v.YMin+0.1*(v.YMax-v.YMin))
	dragTo(g, tx, ty, 5)
	releasePointer(g)
	own := g.st.Scen.Net.Own
	if own == nil || own.Points.N() != n {
		t.Fatalf("after a drag: own data %v", own != nil)
	}
	wx, wy := v.ToWorld(tx, ty)
	if got := own.Points.X[:2]; got[0] != nn.Snap(wx) || got[1] != nn.Snap(wy) {
		t.Errorf("the point dragged is at %v, the pointer at (%v, %v)", got, wx, wy)
	}
	for i := 1; i < p.Train.N(); i++ {
		a, b, _ := p.Train.Point(i)
		if own.Points.X[2*i] != nn.Snap(a) || own.Points.X[2*i+1] != nn.Snap(b) {
			t.Fatalf("point %d moved from (%v, %v) to %v", i, a, b, own.Points.X[2*i:2*i+2])
		}
	}
}

// TestBasinsToggle: D (the Basins button) turns the basins on and off on
// a surface, in the link's UI flags; a network has none.
func TestBasinsToggle(t *testing.T) {
	g, _ := newTestGame(t, "", 1600, 900)
	g.do(ui.ActBasins, 0)
	if !g.st.Flags.Basins || !strings.Contains(g.st.Scen.UI, "b") {
		t.Fatalf("after D: flags %+v, UI %q", g.st.Flags, g.st.Scen.UI)
	}
	g.do(ui.ActBasins, 0)
	if g.st.Flags.Basins || strings.Contains(g.st.Scen.UI, "b") {
		t.Errorf("after D twice: flags %+v, UI %q", g.st.Flags, g.st.Scen.UI)
	}
	g, _ = newTestGame(t, "#"+eosLink, 1600, 900)
	g.do(ui.ActBasins, 0)
	if g.st.Flags.Basins {
		t.Error("a network took the basins")
	}
}

// TestPinGhosts: Pin this run keeps the panel's method as a ghost (in the
// link), up to four, the oldest going for a fifth with a notice; Clear
// drops the panel's ghosts, and so does removing the panel.
func TestPinGhosts(t *testing.T) {
	g, _ := newTestGame(t, "#v1;s=rosenbrock;x=-1.2,1;m=gd:lr=0.001;m=newton;n=300", 1600, 900)
	g.do(ui.ActPinGhost, 0)
	if gh := g.st.Scen.Ghosts; len(gh) != 1 || gh[0].Panel != 0 || gh[0].Spec.String() != "gd" || !strings.Contains(g.st.Scen.Encode(), ";g=1:gd") {
		t.Fatalf("after Pin: %v, %s", gh, g.st.Scen.Encode())
	}
	for _, lr := range []float64{0.0002, 0.0004, 0.0006, 0.0008} {
		g.st.Scen.Methods[0].Values[0] = lr
		g.do(ui.ActPinGhost, 0)
	}
	gh := g.st.Scen.Ghosts
	if len(gh) != 4 || gh[0].Spec.Values[0] != 0.0002 || gh[3].Spec.Values[0] != 0.0008 || !strings.Contains(g.st.Notice, "oldest went") {
		t.Errorf("after five pins: %v, notice %q", g.st.Scen.Encode(), g.st.Notice)
	}
	if err := g.st.Scen.Validate(); err != nil {
		t.Error(err)
	}
	g.do(ui.ActClearGhosts, 0)
	if len(g.st.Scen.Ghosts) != 0 {
		t.Errorf("after Clear: %v", g.st.Scen.Ghosts)
	}
	g.do(ui.ActPinGhost, 1)
	g.do(ui.ActRemovePanel, 0)
	if len(g.st.Scen.Ghosts) != 0 || g.st.Scen.Validate() != nil {
		t.Errorf("panel 2 removed with its ghost: %v", g.st.Scen.Encode())
	}
}
