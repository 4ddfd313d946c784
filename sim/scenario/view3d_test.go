package scenario

import "testing"

// The camera turns round and stops tilting at the horizon's limit and
// straight down; turning a panel to 3D starts the camera where a link
// without angles would put it.
func TestView3DTurns(t *testing.T) {
	v := View3D{}.WithPanel(1, true)
	if !v.On() || !v.Panels[1] || v.Panels[0] || v.Azimuth != -30 || v.Elevation != 35 {
		t.Fatalf("panel 2 turned to 3D: %+v", v)
	}
	for _, c := range []struct{ dAz, dEl, az, el float64 }{
		{0, 0, -30, 35},
		{200, 0, 170, 35},
		{-160, 0, 170, 35},
		{210, 0, -180, 35},
		{-1000, 0, -310 + 360, 35},
		{0, 100, -30, 90},
		{0, -100, -30, 5},
		{12.34, -0.06, -17.7, 34.9},
	} {
		got := v.Turned(c.dAz, c.dEl)
		if got.Azimuth != c.az || got.Elevation != c.el || got.Panels != v.Panels {
			t.Errorf("turned by (%g, %g): %+v, want azimuth %g elevation %g", c.dAz, c.dEl, got, c.az, c.el)
		}
		if err := got.check(2); err != nil {
			t.Errorf("turned by (%g, %g): %v", c.dAz, c.dEl, err)
		}
	}
	if off := v.WithPanel(1, false); off.On() {
		t.Errorf("panel 2 back to flat: %+v still on", off)
	}
	if again := v.WithPanel(1, false).Turned(50, 0).WithPanel(0, true); again.Azimuth != -30 || again.Elevation != 35 {
		t.Errorf("3D again after all panels were flat: %+v, want the default camera", again)
	}
}
