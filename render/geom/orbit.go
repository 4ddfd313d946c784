package geom

import "math"

// Orbit is an orthographic camera circling a box: it projects points of
// the box's model space — x and y across, z up, the box centred on the
// origin — onto a screen rectangle. Azimuth turns the camera about the
// vertical axis; at azimuth 0 it looks along +y, so +x runs to the right
// of the screen. Elevation tilts it up from the horizon: at 90° it looks
// straight down and the picture is the plan, +y up the screen, as a 2D
// view draws it.
//
// Orthographic, not in perspective: sizes along the surface read alike
// near and far, and painting cells from the farthest to the nearest hides
// what lies behind a hill (see Depth).
type Orbit struct {
	cosA, sinA, cosE, sinE float64
	cx, cy, scale          float64
}

// NewOrbit returns the camera at azimuth and elevation (degrees) that fits
// a box of half-widths hx, hy and half-height hz into screen at any
// azimuth and elevation: turning the camera does not change the scale.
func NewOrbit(azimuth, elevation float64, screen Rect, hx, hy, hz float64) Orbit {
	a, e := azimuth*math.Pi/180, elevation*math.Pi/180
	o := Orbit{cosA: math.Cos(a), sinA: math.Sin(a), cosE: math.Cos(e), sinE: math.Sin(e)}
	o.cx, o.cy = screen.X+screen.W/2, screen.Y+screen.H/2
	// The box's corners are at most r from the vertical axis, and its
	// screen height is at most that of a sphere of radius √(r² + hz²).
	r := math.Hypot(hx, hy)
	o.scale = math.Min(screen.W/(2*r), screen.H/(2*math.Hypot(r, hz)))
	return o
}

// Project returns the screen point of the model point (x, y, z).
func (o *Orbit) Project(x, y, z float64) (sx, sy float64) {
	u := o.cosA*x + o.sinA*y  // across the screen
	w := -o.sinA*x + o.cosA*y // along the ground, away from the camera
	return o.cx + o.scale*u, o.cy - o.scale*(o.sinE*w+o.cosE*z)
}

// Depth is how near the camera the model point (x, y, z) is, along its
// line of sight: drawing points in increasing Depth paints the near over
// the far.
func (o *Orbit) Depth(x, y, z float64) float64 {
	w := -o.sinA*x + o.cosA*y
	return -o.cosE*w + o.sinE*z
}

// Toward returns the model vector (nx, ny, nz) in the camera's frame:
// right, up the screen and toward the camera; a light fixed to the
// camera shades a normal by it.
func (o *Orbit) Toward(nx, ny, nz float64) (right, up, toward float64) {
	u := o.cosA*nx + o.sinA*ny
	w := -o.sinA*nx + o.cosA*ny
	return u, o.sinE*w + o.cosE*nz, -o.cosE*w + o.sinE*nz
}

// Scale is the screen pixels per model unit.
func (o *Orbit) Scale() float64 { return o.scale }
