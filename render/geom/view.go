package geom

import (
	"image"
	"math"
)

// Rect is a screen rectangle in device pixels: top-left corner (X, Y) and
// size W×H, y down.
type Rect struct {
	X, Y, W, H float64
}

// RectOf converts an image.Rectangle.
func RectOf(r image.Rectangle) Rect {
	return Rect{float64(r.Min.X), float64(r.Min.Y), float64(r.Dx()), float64(r.Dy())}
}

// Image returns the smallest image.Rectangle containing r.
func (r Rect) Image() image.Rectangle {
	return image.Rect(int(math.Floor(r.X)), int(math.Floor(r.Y)),
		int(math.Ceil(r.X+r.W)), int(math.Ceil(r.Y+r.H)))
}

// Contains reports whether the point (x, y) lies in r (edges included).
func (r Rect) Contains(x, y float64) bool {
	return x >= r.X && x <= r.X+r.W && y >= r.Y && y <= r.Y+r.H
}

// Inset returns r shrunk by d on every side (grown for d < 0); sizes never
// go below zero.
func (r Rect) Inset(d float64) Rect {
	r.X, r.Y = r.X+d, r.Y+d
	r.W, r.H = math.Max(0, r.W-2*d), math.Max(0, r.H-2*d)
	return r
}

// View maps the world rectangle [XMin, XMax]×[YMin, YMax] onto the screen
// rectangle Screen, with world y up: (XMin, YMax) lands on Screen's top-left
// corner and (XMax, YMin) on its bottom-right one. The map is affine and
// axis-aligned; x and y scales may differ (see EqualAspect).
type View struct {
	XMin, XMax, YMin, YMax float64
	Screen                 Rect
}

// Limits on the width and height of a view's world rectangle; Zoom and Pan
// stop there rather than produce a degenerate or overflowing transform.
const (
	minSpan = 1e-12
	maxSpan = 1e12
	maxAbs  = 1e15
)

// Valid reports whether the view maps a non-empty world rectangle onto a
// non-empty screen rectangle with finite numbers.
func (v View) Valid() bool {
	ok := func(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }
	return ok(v.XMin) && ok(v.XMax) && ok(v.YMin) && ok(v.YMax) &&
		v.XMax > v.XMin && v.YMax > v.YMin && v.Screen.W > 0 && v.Screen.H > 0
}

// Scale returns pixels per world unit along x and along y.
func (v View) Scale() (kx, ky float64) {
	return v.Screen.W / (v.XMax - v.XMin), v.Screen.H / (v.YMax - v.YMin)
}

// ToScreen maps the world point (x, y) to device pixels.
func (v View) ToScreen(x, y float64) (sx, sy float64) {
	sx = v.Screen.X + (x-v.XMin)*v.Screen.W/(v.XMax-v.XMin)
	sy = v.Screen.Y + (v.YMax-y)*v.Screen.H/(v.YMax-v.YMin)
	return sx, sy
}

// ToWorld maps the device pixel (sx, sy) to world coordinates; it inverts
// ToScreen.
func (v View) ToWorld(sx, sy float64) (x, y float64) {
	x = v.XMin + (sx-v.Screen.X)*(v.XMax-v.XMin)/v.Screen.W
	y = v.YMax - (sy-v.Screen.Y)*(v.YMax-v.YMin)/v.Screen.H
	return x, y
}

// Pan moves the content by (dx, dy) device pixels, as a drag does: the world
// point that was under pixel p is under p + (dx, dy) afterwards.
func (v *View) Pan(dx, dy float64) {
	if !v.Valid() || math.IsNaN(dx+dy) || math.IsInf(dx+dy, 0) {
		return
	}
	kx, ky := v.Scale()
	wx, wy := -dx/kx, dy/ky
	if math.Abs(v.XMin+wx) > maxAbs || math.Abs(v.XMax+wx) > maxAbs ||
		math.Abs(v.YMin+wy) > maxAbs || math.Abs(v.YMax+wy) > maxAbs {
		return
	}
	v.XMin, v.XMax = v.XMin+wx, v.XMax+wx
	v.YMin, v.YMax = v.YMin+wy, v.YMax+wy
}

// Zoom magnifies the content by factor about the device pixel (sx, sy):
// factor > 1 zooms in (the world rectangle shrinks by that factor), and the
// world point under (sx, sy) stays there. Zooms that would make a world span
// smaller than 1e-12 or larger than 1e12 are ignored, as are non-positive or
// non-finite factors.
func (v *View) Zoom(factor, sx, sy float64) {
	if !v.Valid() || !(factor > 0) || math.IsInf(factor, 0) {
		return
	}
	w := (v.XMax - v.XMin) / factor
	h := (v.YMax - v.YMin) / factor
	if w < minSpan*math.Max(1, math.Abs(v.XMin)) || h < minSpan*math.Max(1, math.Abs(v.YMin)) ||
		w > maxSpan || h > maxSpan {
		return
	}
	px, py := v.ToWorld(sx, sy)
	fx := (sx - v.Screen.X) / v.Screen.W // fraction of the width left of the pivot
	fy := (sy - v.Screen.Y) / v.Screen.H // fraction of the height above it
	v.XMin = px - fx*w
	v.XMax = v.XMin + w
	v.YMax = py + fy*h
	v.YMin = v.YMax - h
}

// EqualAspect grows the world rectangle about its centre along one axis so
// that a world unit has the same length in pixels along x and y (circles
// look round).
func (v *View) EqualAspect() {
	if !v.Valid() {
		return
	}
	kx, ky := v.Scale()
	switch {
	case kx > ky: // x is stretched: widen the x range
		cx, w := (v.XMin+v.XMax)/2, v.Screen.W/ky
		v.XMin, v.XMax = cx-w/2, cx+w/2
	case ky > kx:
		cy, h := (v.YMin+v.YMax)/2, v.Screen.H/kx
		v.YMin, v.YMax = cy-h/2, cy+h/2
	}
}

// Grid returns the sampling grid of w×h cells covering the view's world
// rectangle, one cell per heatmap pixel.
func (v View) Grid(w, h int) Grid {
	return Grid{W: w, H: h, XMin: v.XMin, XMax: v.XMax, YMin: v.YMin, YMax: v.YMax}
}

// Grid describes how a W×H array of values samples the world rectangle
// [XMin, XMax]×[YMin, YMax]: value (i, j), stored at index j*W+i, is taken
// at the centre of cell (i, j), with column 0 on the left (XMin) and row 0 at
// the top (YMax), like the pixels of an image.
type Grid struct {
	W, H                   int
	XMin, XMax, YMin, YMax float64
}

// X returns the world x of column i's cell centres.
func (g Grid) X(i int) float64 {
	return g.XMin + (float64(i)+0.5)*(g.XMax-g.XMin)/float64(g.W)
}

// Y returns the world y of row j's cell centres.
func (g Grid) Y(j int) float64 {
	return g.YMax - (float64(j)+0.5)*(g.YMax-g.YMin)/float64(g.H)
}
