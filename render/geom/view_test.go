package geom

import (
	"image"
	"math"
	"testing"
)

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

func TestViewCornersAndRoundTrip(t *testing.T) {
	v := View{XMin: -2, XMax: 2, YMin: -1, YMax: 3, Screen: Rect{10, 20, 400, 200}}
	for _, c := range []struct{ x, y, sx, sy float64 }{
		{-2, 3, 10, 20},   // top-left
		{2, -1, 410, 220}, // bottom-right
		{0, 1, 210, 120},  // centre
		{2, 3, 410, 20},   // top-right: y up
	} {
		sx, sy := v.ToScreen(c.x, c.y)
		if !near(sx, c.sx, 1e-12) || !near(sy, c.sy, 1e-12) {
			t.Errorf("ToScreen(%v,%v) = %v,%v want %v,%v", c.x, c.y, sx, sy, c.sx, c.sy)
		}
		x, y := v.ToWorld(c.sx, c.sy)
		if !near(x, c.x, 1e-12) || !near(y, c.y, 1e-12) {
			t.Errorf("ToWorld(%v,%v) = %v,%v want %v,%v", c.sx, c.sy, x, y, c.x, c.y)
		}
	}
	kx, ky := v.Scale()
	if kx != 100 || ky != 50 {
		t.Errorf("Scale = %v, %v", kx, ky)
	}
}

func TestViewPanFollowsPointer(t *testing.T) {
	v := View{XMin: 0, XMax: 10, YMin: 0, YMax: 10, Screen: Rect{0, 0, 100, 100}}
	wx, wy := v.ToWorld(30, 40)
	v.Pan(15, -5)
	sx, sy := v.ToScreen(wx, wy)
	if !near(sx, 45, 1e-12) || !near(sy, 35, 1e-12) {
		t.Fatalf("after Pan the point is at %v,%v want 45,35", sx, sy)
	}
	if !near(v.XMax-v.XMin, 10, 1e-12) || !near(v.YMax-v.YMin, 10, 1e-12) {
		t.Fatalf("Pan changed the spans: %+v", v)
	}
}

func TestViewZoomKeepsPivot(t *testing.T) {
	v := View{XMin: -3, XMax: 5, YMin: -2, YMax: 2, Screen: Rect{50, 60, 320, 160}}
	wx, wy := v.ToWorld(100, 90)
	v.Zoom(2.5, 100, 90)
	if !near(v.XMax-v.XMin, 8/2.5, 1e-12) || !near(v.YMax-v.YMin, 4/2.5, 1e-12) {
		t.Fatalf("spans after zoom: %+v", v)
	}
	x, y := v.ToWorld(100, 90)
	if !near(x, wx, 1e-12) || !near(y, wy, 1e-12) {
		t.Fatalf("pivot moved: %v,%v want %v,%v", x, y, wx, wy)
	}
	before := v
	for _, f := range []float64{0, -1, math.NaN(), math.Inf(1), 1e30} {
		v.Zoom(f, 100, 90)
		if v != before {
			t.Fatalf("Zoom(%v) changed the view to %+v", f, v)
		}
	}
	// zooming in forever stops at the minimum span instead of collapsing
	for range 200 {
		v.Zoom(10, 100, 90)
	}
	if !v.Valid() || v.XMax-v.XMin <= 0 {
		t.Fatalf("degenerate view after deep zoom: %+v", v)
	}
}

func TestViewEqualAspectAndGrid(t *testing.T) {
	v := View{XMin: -1, XMax: 1, YMin: -1, YMax: 1, Screen: Rect{0, 0, 400, 200}}
	v.EqualAspect()
	kx, ky := v.Scale()
	if !near(kx, ky, 1e-12) || !near(v.XMin, -2, 1e-12) || !near(v.YMin, -1, 1e-12) {
		t.Fatalf("EqualAspect: %+v (k %v %v)", v, kx, ky)
	}
	g := v.Grid(4, 2)
	// cell centres: x = -2 + (i+0.5), y = 1 - (j+0.5)
	if g.X(0) != -1.5 || g.X(3) != 1.5 || g.Y(0) != 0.5 || g.Y(1) != -0.5 {
		t.Fatalf("grid centres %v %v %v %v", g.X(0), g.X(3), g.Y(0), g.Y(1))
	}
	if r := RectOf(image.Rect(3, 4, 10, 20)); r != (Rect{3, 4, 7, 16}) || r.Image() != image.Rect(3, 4, 10, 20) {
		t.Fatalf("RectOf/Image: %+v", r)
	}
}
