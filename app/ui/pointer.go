package ui

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"
)

// Pointer folds mouse and touch into one small type: one pointer that can
// press, drag and release, a wheel, and a two-finger pinch. Coordinates are
// screen (device) pixels.
type Pointer struct {
	X, Y           float64
	Down           bool
	Pressed        bool // went down this frame
	Released       bool // went up this frame
	pressX, pressY float64
	Moved          bool    // moved beyond the click slop since the press
	Held           int     // frames since the press, while down
	RightClicked   bool    // the right mouse button went up this frame (at X, Y)
	DX, DY         float64 // motion this frame while down
	Wheel          float64 // wheel steps this frame (positive: zoom in)
	Pinch          float64 // zoom factor this frame from two fingers (1: none)
	PinchX, PinchY float64
	pinchDist      float64
	touchIDs       []ebiten.TouchID
	justTouched    []ebiten.TouchID
	primary        ebiten.TouchID
	touching       bool
	Touched        bool // a touch has been seen: the screen is a touch screen
}

// Update reads this frame's input; slop is the distance in pixels within
// which a press and release count as a click.
func (p *Pointer) Update(slop float64) {
	if p.Down {
		p.Held++
	}
	p.Pressed, p.Released, p.RightClicked = false, false, false
	p.DX, p.DY = 0, 0
	p.Pinch = 1
	_, wy := ebiten.Wheel()
	p.Wheel = wy

	p.touchIDs = ebiten.AppendTouchIDs(p.touchIDs[:0])
	p.justTouched = inpututil.AppendJustPressedTouchIDs(p.justTouched[:0])
	p.Touched = p.Touched || len(p.touchIDs) > 0
	switch {
	case len(p.touchIDs) >= 2:
		p.updatePinch()
		if p.Down { // a pinch is never a click
			p.Moved = true
		}
	case len(p.touchIDs) == 1 || p.touching:
		p.pinchDist = 0
		p.updateTouch()
	default:
		p.pinchDist = 0
		p.updateMouse()
	}
	if p.Down && !p.Moved && math.Hypot(p.X-p.pressX, p.Y-p.pressY) > slop {
		p.Moved = true
	}
}

// MoveTo moves the pointer to (x, y), counting the motion while it is down.
func (p *Pointer) MoveTo(x, y float64) {
	if p.Down && !p.Pressed {
		p.DX, p.DY = x-p.X, y-p.Y
	}
	p.X, p.Y = x, y
}

// Press puts the pointer down where it is.
func (p *Pointer) Press() {
	p.Down, p.Pressed, p.Moved, p.Held = true, true, false, 0
	p.pressX, p.pressY = p.X, p.Y
}

func (p *Pointer) updateMouse() {
	cx, cy := ebiten.CursorPosition()
	x, y := float64(cx), float64(cy)
	p.MoveTo(x, y)
	if inpututil.IsMouseButtonJustPressed(ebiten.MouseButtonLeft) {
		p.Press()
	}
	if p.Down && !ebiten.IsMouseButtonPressed(ebiten.MouseButtonLeft) {
		p.Down, p.Released = false, true
	}
	p.RightClicked = inpututil.IsMouseButtonJustReleased(ebiten.MouseButtonRight)
}

func (p *Pointer) updateTouch() {
	if len(p.justTouched) > 0 && !p.touching {
		p.primary = p.justTouched[0]
		p.touching = true
		tx, ty := ebiten.TouchPosition(p.primary)
		p.X, p.Y = float64(tx), float64(ty)
		p.Press()
		return
	}
	if p.touching && inpututil.IsTouchJustReleased(p.primary) {
		p.touching = false
		p.Down, p.Released = false, true
		return
	}
	if p.touching {
		tx, ty := ebiten.TouchPosition(p.primary)
		p.MoveTo(float64(tx), float64(ty))
	}
}

func (p *Pointer) updatePinch() {
	ax, ay := ebiten.TouchPosition(p.touchIDs[0])
	bx, by := ebiten.TouchPosition(p.touchIDs[1])
	d := math.Hypot(float64(ax-bx), float64(ay-by))
	p.PinchX, p.PinchY = float64(ax+bx)/2, float64(ay+by)/2
	if p.pinchDist > 0 && d > 0 {
		p.Pinch = d / p.pinchDist
	}
	p.pinchDist = d
}

// Clicked reports a press and release without a drag in between.
func (p *Pointer) Clicked() bool { return p.Released && !p.Moved }

// LongPressFrames is how long a press must be held, without moving, to be
// a long press: half a second at 60 frames a second.
const LongPressFrames = 30

// LongPressed reports a press held this frame for LongPressFrames without
// moving (once for each press).
func (p *Pointer) LongPressed() bool { return p.Down && !p.Moved && p.Held == LongPressFrames }
