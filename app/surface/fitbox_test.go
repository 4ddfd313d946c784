package surface

import (
	"strconv"
	"strings"
	"testing"

	"curvlab/app/scene"
	"curvlab/app/ui"
	"curvlab/internal/scenetest"
)

// fitHessian is (2/m)XᵀX for X's rows (1, xᵢ), summed here point by point.
func fitHessian(xy []float64) [4]float64 {
	m := float64(len(xy) / 2)
	var h [4]float64
	for i := 0; i < len(xy); i += 2 {
		x := xy[i]
		h[0] += 2 / m
		h[1] += 2 / m * x
		h[3] += 2 / m * x * x
	}
	h[2] = h[1]
	return h
}

// TestFitBoxFollowsThePoints: a line fit's box says the Hessian
// (2/m)XᵀX's eigenvalues, κ and 2/λ_max of the points it shows (by gonum,
// from the points summed by hand), and so do the panels' "true H"
// readouts; a point moved, added or deleted through EditPoints (snapped to
// the link's grid) changes them to the new points' numbers, restarts the
// runs, and a fit keeps at least two points.
func TestFitBoxFollowsThePoints(t *testing.T) {
	g := newRig(t, "#v1;s=linefit;x=0,0;m=gd:lr=0.1;m=newton", 1600, 900)
	s := g.Scene
	if s.fit.rect.W <= 0 {
		t.Fatal("no box for the points")
	}
	check := func(stage string) {
		t.Helper()
		xy := fitPoints(g.St)
		vals, _ := scenetest.SymEigen(t, fitHessian(xy))
		stats := s.fit.stats[0] + " " + s.fit.stats[1]
		for _, want := range []string{"m = " + strconv.Itoa(len(xy)/2), "λ " + ui.Num(vals[0]) + ", " + ui.Num(vals[1]),
			"κ " + ui.Num(vals[1]/vals[0]), "2/λmax = " + ui.Num(2/vals[1])} {
			if !strings.Contains(stats, want) {
				t.Errorf("%s: the box says %q, not %q", stage, stats, want)
			}
		}
		if line := s.panels[0].lines[2]; !strings.Contains(line, "λ "+ui.Num(vals[0])+", "+ui.Num(vals[1])) {
			t.Errorf("%s: panel 1 says %q, eigenvalues %v", stage, line, vals)
		}
		if len(g.St.Runs[0].Trace) != 1 {
			t.Errorf("%s: the runs did not restart (%d rows)", stage, len(g.St.Runs[0].Trace))
		}
	}
	check("default points")
	n := len(fitPoints(g.St)) / 2

	s.EditPoints(g.St, scene.PointEdit{Op: scene.PointMove, I: 0, X: -3.001, Y: 2.5})
	g.Frames(1)
	if xy := g.St.Scen.Fit; len(xy) != 2*n || xy[0] != -3 || xy[1] != 2.5 {
		t.Fatalf("after a move to (−3.001, 2.5): points %v", xy)
	}
	check("a point moved")
	s.EditPoints(g.St, scene.PointEdit{Op: scene.PointAdd, X: -1, Y: -1})
	g.Frames(1)
	check("a point added")
	for len(g.St.Scen.Fit) > 4 {
		s.EditPoints(g.St, scene.PointEdit{Op: scene.PointDelete, I: 0})
	}
	g.Frames(1)
	check("down to two points")
	before := g.St.Scen.Encode()
	s.EditPoints(g.St, scene.PointEdit{Op: scene.PointDelete, I: 0})
	if g.St.Scen.Encode() != before || !strings.Contains(g.St.Notice, "2 to 1000") {
		t.Errorf("deleting one of two points: notice %q, scenario %s", g.St.Notice, g.St.Scen.Encode())
	}

	// Points on one vertical line: singular, said so.
	xy := g.St.Scen.Fit
	s.EditPoints(g.St, scene.PointEdit{Op: scene.PointMove, I: 1, X: xy[0], Y: xy[1] + 1})
	g.Frames(1)
	if !strings.Contains(s.fit.stats[1], "singular") {
		t.Errorf("two points at one x: the box says %q", s.fit.stats[1])
	}
	scenetest.SaveShot(t, g.Img, "linefit-singular")
}

// TestFitBoxDrawsTheLines: on the box's plane, every panel's line
// ŷ = θ₁ + θ₂x goes through the pixels the iterate θ says, in the panel's
// colour, and the points are drawn where they are.
func TestFitBoxDrawsTheLines(t *testing.T) {
	g := newRig(t, "#v1;s=linefit;x=-1,0.5;m=gd:lr=0.1;n=5", 1600, 900)
	g.Frames(2)
	px := g.Pixels()
	v := g.Scene.fit.view()
	at := func(x, y float64) [3]byte {
		sx, sy := v.ToScreen(x, y)
		i := 4 * (int(sy)*g.W + int(sx))
		return [3]byte{px[i], px[i+1], px[i+2]}
	}
	want := ui.PanelColors[0]
	for _, x := range []float64{-3.3, -2.1, 1.1} { // away from the points and the axes
		y := -1 + 0.5*x
		if c := at(x, y); !near(c, [3]byte{want.R, want.G, want.B}) {
			t.Errorf("at x = %v on panel 1's line ŷ = −1 + 0.5x: pixel %v, want %v", x, c, want)
		}
		if c := at(x, y+0.6); near(c, [3]byte{want.R, want.G, want.B}) {
			t.Errorf("at x = %v, 0.6 above the line: the line's colour", x)
		}
	}
	xy := fitPoints(g.St)
	for i := 0; i < len(xy); i += 2 {
		if c := at(xy[i], xy[i+1]); !near(c, [3]byte{ui.Ink.R, ui.Ink.G, ui.Ink.B}) {
			t.Errorf("point (%v, %v): pixel %v, want the points' %v", xy[i], xy[i+1], c, ui.Ink)
		}
	}
	planes := g.Scene.DataPlanes(g.St, g.Panels)
	if len(planes) != 1 || planes[0].Screen != g.Scene.fit.plane {
		t.Errorf("data planes %+v, the points' plane is at %+v", planes, g.Scene.fit.plane)
	}
	for _, pr := range g.Panels {
		if ui.Overlaps(pr.Frame, g.Scene.fit.plane) {
			t.Error("the points' plane overlaps a panel")
		}
	}
}

// near reports whether two colours differ by at most 40 in every channel.
func near(a, b [3]byte) bool {
	for i := range a {
		if d := int(a[i]) - int(b[i]); d < -40 || d > 40 {
			return false
		}
	}
	return true
}
