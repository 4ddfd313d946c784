//go:build !js

package e2e

import (
	"context"
	"fmt"
	"image"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"curvlab/internal/chromium"
)

// device is a screen to emulate: its size in CSS pixels, its device pixel
// ratio, and whether it is a phone or tablet (mobile viewport).
type device struct {
	name      string
	w, h      int64
	dpr       float64
	mobile    bool
	landscape bool
}

// The device pixel ratios are 2 for the phone (the app's own cap: a phone's
// 3 draws the same layout at scale 2) and 1 for the tablet: SwiftShader
// draws every frame in software, so the cost of these tests grows with the
// canvas's device pixels (a phone at 3 took 97 s, at 2 53 s; the tablet at 2
// 149 s, at 1 40 s), while the layout under test is in CSS pixels; the
// phone keeps a scale above 1 covered.
var devices = []device{
	{"phone", 390, 844, 2, true, false},
	{"tablet", 820, 1180, 1, true, false},
	{"laptop", 1280, 800, 1, false, true},
	{"desktop", 1920, 1080, 1, false, true},
}

// control is one entry of window.curvlab.controls().
type control struct {
	Kind   string  `json:"kind"`
	Action string  `json:"action"`
	Arg    int     `json:"arg"`
	Label  string  `json:"label"`
	On     bool    `json:"on"`
	X      float64 `json:"x"`
	Y      float64 `json:"y"`
	W      float64 `json:"w"`
	H      float64 `json:"h"`
	Popup  bool    `json:"popup"`
}

func (c control) String() string {
	return fmt.Sprintf("%s %q at (%.0f, %.0f) %.0f×%.0f", c.Action, c.Label, c.X, c.Y, c.W, c.H)
}

// touchPage opens the app with fragment in a new tab emulating d with a
// touch screen, and waits until it is ready.
func touchPage(t *testing.T, d device, fragment string) context.Context {
	t.Helper()
	ctx := tab(t)
	opts := []chromedp.EmulateViewportOption{chromedp.EmulateScale(d.dpr), chromedp.EmulateTouch, chromedp.EmulatePortrait}
	if d.landscape {
		opts[2] = chromedp.EmulateLandscape
	}
	if d.mobile {
		opts = append(opts, chromedp.EmulateMobile)
	}
	url := baseURL
	if fragment != "" {
		url += "#" + fragment
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(d.w, d.h, opts...), chromedp.Navigate(url)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, chromium.Ready+" && window.curvlab.ready === true", 90*time.Second)
	return ctx
}

// tap touches (x, y) in CSS pixels with one finger, holds it across two
// frames (Ebitengine samples input once a frame), lifts it, and waits a
// frame more so that the app has seen the finger go up (callers then wait
// for the tap's effect).
func tap(t *testing.T, ctx context.Context, x, y float64) {
	t.Helper()
	one := 1.0
	id := 0.0
	start := input.DispatchTouchEventParams{Type: input.DispatchTouchEventTypeTouchStart,
		TouchPoints: []*input.TouchPoint{{X: x, Y: y, RadiusX: &one, RadiusY: &one, Force: &one, ID: &id}}}
	end := input.DispatchTouchEventParams{Type: input.DispatchTouchEventTypeTouchEnd, TouchPoints: []*input.TouchPoint{}}
	err := chromedp.Do(ctx,
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, input.DispatchTouchEvent, start)
			return err
		}),
		chromium.Hold(),
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, input.DispatchTouchEvent, end)
			return err
		}),
		chromium.Frames(1),
	)
	if err != nil {
		t.Fatalf("tap at (%g, %g): %v", x, y, err)
	}
}

// shot saves a screenshot as $CURVLAB_SHOTS/name when that is set (a
// capture of a large emulated screen takes a while: skipped otherwise).
func shot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	if os.Getenv("CURVLAB_SHOTS") != "" {
		screenshot(t, ctx, name)
	}
}

func controls(t *testing.T, ctx context.Context) []control {
	t.Helper()
	return eval[[]control](t, ctx, "window.curvlab.controls()")
}

// find returns the control for action (and arg, for actions that have
// one) among cs, the toolbar's and headers' or the popup's.
func find(cs []control, action string, arg int, inPopup bool) (control, bool) {
	for _, c := range cs {
		if c.Action == action && c.Popup == inPopup && (arg < 0 || c.Arg == arg) {
			return c, true
		}
	}
	return control{}, false
}

// labelled returns the control for action labelled label among cs.
func labelled(t *testing.T, cs []control, action, label string) control {
	t.Helper()
	for _, c := range cs {
		if c.Action == action && c.Label == label {
			return c
		}
	}
	t.Fatalf("no %s control labelled %q among %v", action, label, cs)
	return control{}
}

// reach returns the control of a toolbar action, opening the toolbar's
// menu when the action is in it, or the Explore menu for the views in it.
func reach(t *testing.T, ctx context.Context, action string) control {
	t.Helper()
	if action == "overlay" || action == "basins" || action == "sweep" {
		if eval[string](t, ctx, "window.curvlab.popup()") != "explore" {
			tapOn(t, ctx, reach(t, ctx, "explore-menu"))
			waitFor(t, ctx, `window.curvlab.popup() === "explore"`, 10*time.Second)
		}
		c, ok := find(controls(t, ctx), action, -1, true)
		if !ok {
			t.Fatalf("%s is not in the Explore menu: %v", action, controls(t, ctx))
		}
		return c
	}
	cs := controls(t, ctx)
	if c, ok := find(cs, action, -1, false); ok {
		return c
	}
	m, ok := find(cs, "menu", -1, false)
	if !ok {
		t.Fatalf("%s is neither on the toolbar nor in a menu: %v", action, cs)
	}
	if eval[string](t, ctx, "window.curvlab.popup()") != "menu" {
		tapOn(t, ctx, m)
		waitFor(t, ctx, `window.curvlab.popup() === "menu"`, 10*time.Second)
	}
	c, ok := find(controls(t, ctx), action, -1, true)
	if !ok {
		t.Fatalf("%s is not in the menu: %v", action, controls(t, ctx))
	}
	return c
}

func tapOn(t *testing.T, ctx context.Context, c control) {
	t.Helper()
	tap(t, ctx, c.X+c.W/2, c.Y+c.H/2)
}

// tapAction taps a toolbar action (through the menu if it is there).
func tapAction(t *testing.T, ctx context.Context, action string) {
	t.Helper()
	tapOn(t, ctx, reach(t, ctx, action))
}

// checkControls checks the controls on screen: inside the viewport, none
// overlapping another, and on touch each at least 44 CSS pixels high and
// wide.
func checkControls(t *testing.T, what string, cs []control, d device) {
	t.Helper()
	for i, c := range cs {
		if c.X < 0 || c.Y < 0 || c.X+c.W > float64(d.w)+0.5 || c.Y+c.H > float64(d.h)+0.5 {
			t.Errorf("%s: %v is not inside the %d×%d screen", what, c, d.w, d.h)
		}
		if c.H < 44 || c.W < 44 {
			t.Errorf("%s: %v is smaller than 44×44 CSS pixels", what, c)
		}
		for _, o := range cs[:i] {
			if o.Popup == c.Popup && c.X < o.X+o.W && o.X < c.X+c.W && c.Y < o.Y+o.H && o.Y < c.Y+c.H {
				t.Errorf("%s: %v overlaps %v", what, c, o)
			}
		}
	}
}

// statusGreen counts the pixels of the status line (the screen's bottom
// 40 CSS pixels) in the colour of a passing message ("Link copied.").
func statusGreen(img image.Image, dpr float64) int {
	b := img.Bounds()
	n := 0
	for y := b.Max.Y - int(40*dpr); y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if r>>8 < 0x9a && g>>8 > 0xc0 && bl>>8 < 0xa8 && g>>8 > r>>8+0x40 {
				n++
			}
		}
	}
	return n
}

// TestTouchEveryControl: on a phone, a tablet held upright and a laptop,
// all with a touch screen, every toolbar action is tapped — on the toolbar
// or in the menu its last button opens — and does what it says, seen
// through window.curvlab; the panel headers and the popups' own controls
// are tapped too. Every control on screen is inside it, overlaps none, and
// is at least 44 CSS pixels each way once a touch has been seen.
// Screenshots go to $CURVLAB_SHOTS. (The desktop's screen is the roomiest:
// app.TestEveryActionReachable lays out every screen, with mouse and
// touch, and TestTouchNetworkControls opens the desktop here; tapping
// everything again on it took a minute of software rendering.)
func TestTouchEveryControl(t *testing.T) {
	for _, d := range devices[:3] {
		t.Run(d.name, func(t *testing.T) {
			// A view in the link, so that "View" has something to reset.
			ctx := touchPage(t, d, defaultText+";w=-2,2,-1,3")
			scenario := func() string { return eval[string](t, ctx, "window.curvlab.scenario") }
			shot(t, ctx, "e2e-"+d.name+"-start.png")

			// Step: one more iterate in every panel; from then on the
			// layout is the touch one.
			before := counts(t, ctx)
			tapAction(t, ctx, "step")
			waitFor(t, ctx, "window.curvlab.iterates(0).length === "+strconv.Itoa(before[0]+1), 10*time.Second)
			chromedp.Do(ctx, chromium.Frames(2))
			checkControls(t, d.name, controls(t, ctx), d)

			tapAction(t, ctx, "play")
			waitFor(t, ctx, "window.curvlab.iterates(0).length > "+strconv.Itoa(before[0]+3), 20*time.Second)
			tapAction(t, ctx, "play") // now "Pause"
			paused := counts(t, ctx)[0]
			chromedp.Do(ctx, chromium.Frames(4))
			if n := counts(t, ctx)[0]; n > paused+1 {
				t.Errorf("Pause: still playing, %d iterates after %d", n, paused)
			}
			tapAction(t, ctx, "reset")
			waitFor(t, ctx, "window.curvlab.iterates(0).length === 1", 10*time.Second)
			tapAction(t, ctx, "to-end")
			waitFor(t, ctx, "window.curvlab.iterates(0).length > 100", 20*time.Second)
			tapAction(t, ctx, "reset")
			waitFor(t, ctx, "window.curvlab.iterates(0).length === 1", 10*time.Second)

			// Actions that change the link: the speed and the toggles.
			// Overlay, tapped twice, gives the link (and the panels) back.
			for _, a := range []string{"slower", "faster", "ellipses", "trials", "contours", "overlay"} {
				was := scenario()
				tapAction(t, ctx, a)
				waitFor(t, ctx, "window.curvlab.scenario !== "+strconv.Quote(was), 10*time.Second)
				if a == "overlay" {
					tapAction(t, ctx, a)
					waitFor(t, ctx, "window.curvlab.scenario === "+strconv.Quote(was), 10*time.Second)
				}
			}
			// the overlay's Explore menu stays open for more views: a tap
			// outside it (the status line) closes it
			tap(t, ctx, float64(d.w)/2, float64(d.h)-4)
			waitFor(t, ctx, `window.curvlab.popup() === ""`, 10*time.Second)
			tapAction(t, ctx, "reset-view")
			waitFor(t, ctx, `!window.curvlab.scenario.includes(";w=")`, 10*time.Second)

			tapAction(t, ctx, "add-panel")
			waitFor(t, ctx, "window.curvlab.panels() === 4", 10*time.Second)
			chromedp.Do(ctx, chromium.Frames(2))
			checkControls(t, d.name+" four panels", controls(t, ctx), d)
			shot(t, ctx, "e2e-"+d.name+"-four.png")
			tapAction(t, ctx, "remove-panel")
			waitFor(t, ctx, "window.curvlab.panels() === 3", 10*time.Second)

			// Link: a passing message in the status line, for 4 seconds:
			// looked for in the frames right after the tap (a frame of a
			// large emulated screen can take a second on a busy machine).
			green := statusGreen(screenshot(t, ctx, ""), d.dpr)
			tapAction(t, ctx, "copy-link")
			now := 0
			for try := 0; try < 3 && now < green+50; try++ {
				now = statusGreen(screenshot(t, ctx, "e2e-"+d.name+"-link.png"), d.dpr)
			}
			if now < green+50 {
				t.Errorf("Link: no message in the status line (%d green pixels, %d before)", now, green)
			}

			// The menu, if there is one, on screen.
			if m, ok := find(controls(t, ctx), "menu", -1, false); ok {
				tapOn(t, ctx, m)
				waitFor(t, ctx, `window.curvlab.popup() === "menu"`, 10*time.Second)
				checkControls(t, d.name+" menu", controls(t, ctx), d)
				shot(t, ctx, "e2e-"+d.name+"-menu.png")
				tapOn(t, ctx, m) // the same button closes it
				waitFor(t, ctx, `window.curvlab.popup() === ""`, 10*time.Second)
			}

			// Popups open, fit and close by touch: help by its Close
			// button, the others by a tap outside them.
			tapAction(t, ctx, "help")
			waitFor(t, ctx, `window.curvlab.popup() === "help"`, 10*time.Second)
			shot(t, ctx, "e2e-"+d.name+"-help.png")
			closeBtn, ok := find(controls(t, ctx), "close", -1, true)
			if !ok {
				t.Fatal("help has no Close button")
			}
			checkControls(t, d.name+" help", controls(t, ctx), d)
			tapOn(t, ctx, closeBtn)
			waitFor(t, ctx, `window.curvlab.popup() === ""`, 10*time.Second)

			tapAction(t, ctx, "surface-menu")
			waitFor(t, ctx, `window.curvlab.popup() === "surface"`, 10*time.Second)
			checkControls(t, d.name+" surface", controls(t, ctx), d)
			shot(t, ctx, "e2e-"+d.name+"-surface.png")
			pick, ok := find(controls(t, ctx), "pick-surface", 0, true) // the first surface
			if !ok {
				t.Fatal("the surface editor has no surfaces to pick")
			}
			was := scenario()
			tapOn(t, ctx, pick)
			waitFor(t, ctx, "window.curvlab.scenario !== "+strconv.Quote(was), 10*time.Second)
			tap(t, ctx, float64(d.w)/2, float64(d.h)-4) // the status line: outside the popup
			waitFor(t, ctx, `window.curvlab.popup() === ""`, 10*time.Second)

			// A panel's header opens its editor; a method tapped there
			// becomes the panel's.
			head, ok := find(controls(t, ctx), "edit-panel", 1, false)
			if !ok {
				t.Fatal("panel 2 has no header button")
			}
			tapOn(t, ctx, head)
			waitFor(t, ctx, `window.curvlab.popup() === "panel"`, 10*time.Second)
			shot(t, ctx, "e2e-"+d.name+"-panel.png")
			checkControls(t, d.name+" panel editor", controls(t, ctx), d)
			tapOn(t, ctx, labelled(t, controls(t, ctx), "pick-method", "bfgs"))
			waitFor(t, ctx, `window.curvlab.scenario.split(";m=")[2].startsWith("bfgs")`, 10*time.Second)
			tap(t, ctx, float64(d.w)/2, float64(d.h)-4)
			waitFor(t, ctx, `window.curvlab.popup() === ""`, 10*time.Second)

			// Lessons: a lesson tapped opens its first step, whose card's
			// Next and Back are tapped through.
			tapAction(t, ctx, "lesson-menu")
			waitFor(t, ctx, `window.curvlab.popup() === "lessons"`, 10*time.Second)
			checkControls(t, d.name+" lessons", controls(t, ctx), d)
			shot(t, ctx, "e2e-"+d.name+"-lessons.png")
			var valley control
			for _, c := range controls(t, ctx) {
				if c.Action == "pick-lesson" && c.Popup && strings.HasPrefix(c.Label, "valley") {
					valley = c
				}
			}
			if valley.Action == "" {
				t.Fatal("no valley lesson in sight in the lessons menu")
			}
			tapOn(t, ctx, valley)
			waitFor(t, ctx, `window.curvlab.popup() === "" && window.curvlab.scenario.includes("s=valley") && window.curvlab.scenario.endsWith(";l=valley.1")`, 10*time.Second)
			checkControls(t, d.name+" lesson card", controls(t, ctx), d)
			shot(t, ctx, "e2e-"+d.name+"-lesson.png")
			tapAction(t, ctx, "lesson-next")
			waitFor(t, ctx, `window.curvlab.scenario.endsWith(";l=valley.2")`, 10*time.Second)
			tapAction(t, ctx, "lesson-back")
			waitFor(t, ctx, `window.curvlab.scenario.endsWith(";l=valley.1")`, 10*time.Second)
		})
	}
}

// TestTouchNetworkControls: a network scenario on each screen: its
// controls are on screen and finger-sized, the slice's plane toggles by a
// tap, so does the class a tap on a panel adds, and such a tap makes the
// data one's own; the network editor opens from the toolbar, fits, and
// changes the network when a choice is tapped.
func TestTouchNetworkControls(t *testing.T) {
	for _, d := range devices {
		t.Run(d.name, func(t *testing.T) {
			ctx := touchPage(t, d, "v1;net=tanh:8,8;d=circle;m=gd:lr=0.35;m=bfgs")
			scenario := func() string { return eval[string](t, ctx, "window.curvlab.scenario") }
			was := scenario()
			tapAction(t, ctx, "plane")
			waitFor(t, ctx, "window.curvlab.scenario !== "+strconv.Quote(was), 10*time.Second)
			chromedp.Do(ctx, chromium.Frames(2))
			checkControls(t, d.name, controls(t, ctx), d)
			shot(t, ctx, "e2e-"+d.name+"-net.png")
			// the class a tap adds, then a tap on the first panel's plane,
			// just under its header's right end: a point of one's own
			was = scenario()
			tapAction(t, ctx, "tap-class")
			waitFor(t, ctx, "window.curvlab.scenario !== "+strconv.Quote(was)+` && window.curvlab.scenario.includes(";u=") && window.curvlab.scenario.split(";u=")[1].includes("k")`, 10*time.Second)
			head, ok := find(controls(t, ctx), "edit-panel", 0, false)
			if !ok {
				t.Fatal("no header for panel 1")
			}
			tap(t, ctx, head.X+head.W-30, head.Y+head.H+30)
			waitFor(t, ctx, `window.curvlab.scenario.includes(";d=points:1")`, 10*time.Second)
			tapAction(t, ctx, "net-menu")
			waitFor(t, ctx, `window.curvlab.popup() === "network"`, 10*time.Second)
			checkControls(t, d.name+" network editor", controls(t, ctx), d)
			shot(t, ctx, "e2e-"+d.name+"-net-editor.png")
			tapOn(t, ctx, labelled(t, controls(t, ctx), "set-choice", "relu"))
			waitFor(t, ctx, `window.curvlab.scenario.includes("net=relu")`, 10*time.Second)
		})
	}
}
