// Package scenetest drives a scene (app/surface, app/network) in its own
// package's tests as the app does, without the app: a scene.State with an
// in-process engine, a canvas, the screen split as the app splits it, and
// frames of the tests' game loop (internal/gameloop) that update the
// state and the scene and draw the scene onto an offscreen image. It also
// holds the truths several scene tests compare against.
package scenetest

import (
	"image/color"
	"testing"
	"time"

	"curvlab/app/scene"
	"curvlab/app/ui"
	"curvlab/engine"
	"curvlab/internal/gameloop"

	"github.com/hajimehoshi/ebiten/v2"
)

// Rig is a scene S on a screen of its own.
type Rig[S scene.Scene] struct {
	St     *scene.State
	Scene  S
	C      *ui.Canvas
	Screen ui.Screen       // the toolbar's, the status line's and the scene's areas
	Panels []ui.PanelRects // as the scene laid them out
	Img    *ebiten.Image   // what Frames draw onto: W×H device pixels
	W, H   int
	Scale  float64

	laid  int  // the panel count the layout is for
	Touch bool // lay out for touch
}

// background is ui.Background boxed once (boxing a color.RGBA allocates).
var background color.Color = ui.Background

// New opens link (a scenario's text, with or without '#', "" for the
// default) in the scene made by mk on a w×h screen of device pixels at
// scale device pixels per CSS pixel, and draws its first frame.
func New[S scene.Scene](t testing.TB, link string, w, h int, scale float64, mk func(c *ui.Canvas) S) *Rig[S] {
	t.Helper()
	r := Open(t, link, w, h, scale, mk)
	r.Frames(1)
	return r
}

// Open is New without the first frame.
func Open[S scene.Scene](t testing.TB, link string, w, h int, scale float64, mk func(c *ui.Canvas) S) *Rig[S] {
	t.Helper()
	c := ui.NewCanvas()
	r := &Rig[S]{St: scene.NewState(link, engine.NewClient(engine.NewInProcess())), Scene: mk(c), C: c, W: w, H: h, Scale: scale}
	gameloop.OnFrames(1, func() { r.Img = ebiten.NewImage(w, h) }, nil)
	return r
}

// Relayout lays the screen out again, for the panel count the state shows
// now (Frames does when it changed).
func (r *Rig[S]) Relayout() {
	r.laid = r.Scene.PanelCount(r.St)
	r.C.M = ui.NewMetrics(float64(r.W), float64(r.H), r.Scale, r.Touch)
	r.Screen = ui.Split(&r.C.M)
	r.Panels = r.Scene.Layout(&r.C.M, r.Screen.Main, r.laid)
}

// Update does what the app's Update does for the scene: the state's clock
// (without time passing: the runs advance only when stepped) and the
// scene's own work, with a frame's budget.
func (r *Rig[S]) Update() {
	r.layout()
	now := time.Now()
	r.St.Tick(0, now.Add(scene.FrameWork*3/4))
	r.Scene.Update(r.St, r.Panels, now.Add(scene.FrameWork))
}

// layout lays the screen out if it has not been, or the panel count
// changed.
func (r *Rig[S]) layout() {
	if r.Panels == nil || r.Scene.PanelCount(r.St) != r.laid {
		r.Relayout()
	}
}

// Draw draws the scene onto dst as the app does, over the background (the
// browser may draw a frame before the first Update).
func (r *Rig[S]) Draw(dst *ebiten.Image) {
	r.layout()
	dst.Fill(background)
	r.Scene.Draw(dst, r.St, r.Panels)
	r.C.Flush(dst, true)
}

// Frames runs n frames of the game loop, each updating and drawing onto
// Img.
func (r *Rig[S]) Frames(n int) {
	gameloop.OnFrames(n, r.Update, func(*ebiten.Image) { r.Draw(r.Img) })
}

// Pixels draws a frame and returns Img's pixels (RGBA, premultiplied).
func (r *Rig[S]) Pixels() []byte {
	pix := make([]byte, 4*r.W*r.H)
	gameloop.OnFrames(1, r.Update, func(*ebiten.Image) {
		r.Draw(r.Img)
		r.Img.ReadPixels(pix)
	})
	return pix
}
