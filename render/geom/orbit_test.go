package geom

import (
	"math"
	"math/rand/v2"
	"testing"
)

// The camera is checked against what an orthographic camera is, not
// against its own formulas: the line of sight collapses to a point and
// only Depth changes along it, lengths across it are scaled evenly, the
// picture is right-handed with z up, the plan seen from above is the 2D
// view's, and the box stays on screen whichever way the camera turns.

func TestOrbitIsOrthographic(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	screen := Rect{X: 10, Y: 20, W: 400, H: 300}
	for range 200 {
		az, el := 360*rng.Float64()-180, 5+85*rng.Float64()
		o := NewOrbit(az, el, screen, 1, 0.8, 0.4)
		a, e := az*math.Pi/180, el*math.Pi/180
		// Toward the camera: horizontal bearing opposite to where it
		// looks (along (−sin a, cos a), rotating +y by a), raised by e.
		look := [3]float64{-math.Sin(a), math.Cos(a), 0}
		toward := [3]float64{-look[0] * math.Cos(e), -look[1] * math.Cos(e), math.Sin(e)}
		p := [3]float64{rng.NormFloat64(), rng.NormFloat64(), rng.NormFloat64()}
		sx, sy := o.Project(p[0], p[1], p[2])
		d := o.Depth(p[0], p[1], p[2])
		for _, s := range []float64{-2, 0.5, 3} {
			q := [3]float64{p[0] + s*toward[0], p[1] + s*toward[1], p[2] + s*toward[2]}
			qx, qy := o.Project(q[0], q[1], q[2])
			if math.Hypot(qx-sx, qy-sy) > 1e-9 {
				t.Fatalf("az %.1f el %.1f: the line of sight moves on screen by %g", az, el, math.Hypot(qx-sx, qy-sy))
			}
			if dq := o.Depth(q[0], q[1], q[2]); math.Abs(dq-d-s) > 1e-9 {
				t.Fatalf("az %.1f el %.1f: %g toward the camera changed Depth by %g", az, el, s, dq-d)
			}
		}
		// right = look × up (right-handed, z up), and screen up is z's
		// side of the horizon.
		right := [3]float64{look[1], -look[0], 0}
		rx, ry := o.Project(p[0]+right[0], p[1]+right[1], p[2])
		if math.Abs(rx-sx-o.Scale()) > 1e-9 || math.Abs(ry-sy) > 1e-9 {
			t.Fatalf("az %.1f el %.1f: look × up moves the point by (%g, %g), want (%g, 0)", az, el, rx-sx, ry-sy, o.Scale())
		}
		if _, uy := o.Project(p[0], p[1], p[2]+1); !(uy < sy) {
			t.Fatalf("az %.1f el %.1f: +z does not go up the screen", az, el)
		}
		// Any vector across the line of sight keeps its length, scaled.
		v := [3]float64{rng.NormFloat64(), rng.NormFloat64(), rng.NormFloat64()}
		dot := v[0]*toward[0] + v[1]*toward[1] + v[2]*toward[2]
		for i := range v {
			v[i] -= dot * toward[i]
		}
		vx, vy := o.Project(p[0]+v[0], p[1]+v[1], p[2]+v[2])
		if got, want := math.Hypot(vx-sx, vy-sy), o.Scale()*math.Sqrt(v[0]*v[0]+v[1]*v[1]+v[2]*v[2]); math.Abs(got-want) > 1e-9*want {
			t.Fatalf("az %.1f el %.1f: a vector across the sight line is %g long on screen, want %g", az, el, got, want)
		}
		// Every corner of the box is on screen.
		for _, c := range [8][3]float64{{1, 0.8, 0.4}, {-1, 0.8, 0.4}, {1, -0.8, 0.4}, {-1, -0.8, 0.4}, {1, 0.8, -0.4}, {-1, 0.8, -0.4}, {1, -0.8, -0.4}, {-1, -0.8, -0.4}} {
			if x, y := o.Project(c[0], c[1], c[2]); !(x >= screen.X-1e-9 && x <= screen.X+screen.W+1e-9 && y >= screen.Y-1e-9 && y <= screen.Y+screen.H+1e-9) {
				t.Fatalf("az %.1f el %.1f: corner %v at (%g, %g), off %v", az, el, c, x, y, screen)
			}
		}
	}
}

// Seen from straight above at azimuth 0, the plan is what a 2D view of
// the same square draws.
func TestOrbitFromAboveIsThePlan(t *testing.T) {
	screen := Rect{X: 0, Y: 0, W: 300, H: 300}
	o := NewOrbit(0, 90, screen, 1, 1, 0.5)
	s := o.Scale()
	v := View{XMin: -150 / s, XMax: 150 / s, YMin: -150 / s, YMax: 150 / s, Screen: screen}
	for _, p := range [][2]float64{{0, 0}, {1, 0}, {0, 1}, {-0.3, 0.7}, {0.9, -0.9}} {
		x, y := o.Project(p[0], p[1], 0.2)
		wx, wy := v.ToScreen(p[0], p[1])
		if math.Abs(x-wx) > 1e-9 || math.Abs(y-wy) > 1e-9 {
			t.Errorf("(%g, %g) from above at (%g, %g), the plan has it at (%g, %g)", p[0], p[1], x, y, wx, wy)
		}
	}
}
