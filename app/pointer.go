package app

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"
)

// pointer folds mouse and touch into one small type: one pointer that can
// press, drag and release, a wheel, and a two-finger pinch. Coordinates are
// screen (device) pixels.
type pointer struct {
	x, y             float64
	down             bool
	pressed          bool // went down this frame
	released         bool // went up this frame
	pressX, pressY   float64
	moved            bool    // moved beyond the click slop since the press
	dx, dy           float64 // motion this frame while down
	wheel            float64 // wheel steps this frame (positive: zoom in)
	pinch            float64 // zoom factor this frame from two fingers (1: none)
	pinchX, pinchY   float64
	pinchDist        float64
	touchIDs         []ebiten.TouchID
	justTouched      []ebiten.TouchID
	primary          ebiten.TouchID
	touching         bool
	touched          bool // a touch has been seen: the screen is a touch screen
	lastMouseX       float64
	lastMouseY       float64
	mouseInitialized bool
}

// update reads this frame's input; slop is the distance in pixels within
// which a press and release count as a click.
func (p *pointer) update(slop float64) {
	p.pressed, p.released = false, false
	p.dx, p.dy = 0, 0
	p.pinch = 1
	_, wy := ebiten.Wheel()
	p.wheel = wy

	p.touchIDs = ebiten.AppendTouchIDs(p.touchIDs[:0])
	p.justTouched = inpututil.AppendJustPressedTouchIDs(p.justTouched[:0])
	p.touched = p.touched || len(p.touchIDs) > 0
	switch {
	case len(p.touchIDs) >= 2:
		p.updatePinch()
		if p.down { // a pinch is never a click
			p.moved = true
		}
	case len(p.touchIDs) == 1 || p.touching:
		p.pinchDist = 0
		p.updateTouch()
	default:
		p.pinchDist = 0
		p.updateMouse()
	}
	if p.down && !p.moved && math.Hypot(p.x-p.pressX, p.y-p.pressY) > slop {
		p.moved = true
	}
}

func (p *pointer) setPos(x, y float64) {
	if p.down && !p.pressed {
		p.dx, p.dy = x-p.x, y-p.y
	}
	p.x, p.y = x, y
}

func (p *pointer) press() {
	p.down, p.pressed, p.moved = true, true, false
	p.pressX, p.pressY = p.x, p.y
}

func (p *pointer) updateMouse() {
	cx, cy := ebiten.CursorPosition()
	x, y := float64(cx), float64(cy)
	p.setPos(x, y)
	if inpututil.IsMouseButtonJustPressed(ebiten.MouseButtonLeft) {
		p.press()
	}
	if p.down && !ebiten.IsMouseButtonPressed(ebiten.MouseButtonLeft) {
		p.down, p.released = false, true
	}
}

func (p *pointer) updateTouch() {
	if len(p.justTouched) > 0 && !p.touching {
		p.primary = p.justTouched[0]
		p.touching = true
		tx, ty := ebiten.TouchPosition(p.primary)
		p.x, p.y = float64(tx), float64(ty)
		p.press()
		return
	}
	if p.touching && inpututil.IsTouchJustReleased(p.primary) {
		p.touching = false
		p.down, p.released = false, true
		return
	}
	if p.touching {
		tx, ty := ebiten.TouchPosition(p.primary)
		p.setPos(float64(tx), float64(ty))
	}
}

func (p *pointer) updatePinch() {
	ax, ay := ebiten.TouchPosition(p.touchIDs[0])
	bx, by := ebiten.TouchPosition(p.touchIDs[1])
	d := math.Hypot(float64(ax-bx), float64(ay-by))
	p.pinchX, p.pinchY = float64(ax+bx)/2, float64(ay+by)/2
	if p.pinchDist > 0 && d > 0 {
		p.pinch = d / p.pinchDist
	}
	p.pinchDist = d
}

// clicked reports a press and release without a drag in between.
func (p *pointer) clicked() bool { return p.released && !p.moved }
