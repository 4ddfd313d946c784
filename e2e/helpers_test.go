//go:build !js

package e2e

import (
	"context"
	"image"
	"testing"

	"github.com/chromedp/chromedp"

	"curvlab/internal/chromium"
	"curvlab/sim/scenario"
)

// defaultText is the default scenario's link text.
var defaultText = scenario.Default().Encode()

// click presses and releases the left mouse button at (x, y) in CSS
// pixels, without moving in between.
func click(t *testing.T, ctx context.Context, x, y float64) {
	t.Helper()
	err := chromedp.Do(ctx,
		chromedp.MouseEvent(chromedp.MouseMoved, x, y),
		chromium.Hold(),
		chromedp.MouseEvent(chromedp.MousePressed, x, y, chromedp.ButtonLeft, chromedp.ClickCount(1)),
		chromium.Hold(),
		chromedp.MouseEvent(chromedp.MouseReleased, x, y, chromedp.ButtonLeft, chromedp.ClickCount(1)),
	)
	if err != nil {
		t.Fatalf("click at (%g, %g): %v", x, y, err)
	}
}

// pressKey presses and releases the key that types r on the canvas.
func pressKey(t *testing.T, ctx context.Context, r rune) {
	t.Helper()
	if err := chromedp.Do(ctx, chromium.PressKey(r)); err != nil {
		t.Fatal(err)
	}
}

// focusCanvas gives the keyboard to Ebitengine's canvas.
func focusCanvas(t *testing.T, ctx context.Context) {
	t.Helper()
	if err := chromedp.Do(ctx, chromium.FocusCanvas()); err != nil {
		t.Fatal(err)
	}
}

// counts is the number of iterates of every panel so far.
func counts(t *testing.T, ctx context.Context) []int {
	t.Helper()
	return eval[[]int](t, ctx, "Array.from({length: window.curvlab.panels()}, (_, k) => window.curvlab.iterates(k).length)")
}

// saturated reports whether a pixel is coloured rather than grey: the UI's
// backgrounds, bars, frames and text are greys, the heatmap's viridis-like
// colours are not.
func saturated(img image.Image, x, y int) bool {
	r, g, b, _ := img.At(x, y).RGBA()
	hi := max(r, g, b) >> 8
	lo := min(r, g, b) >> 8
	return hi-lo > 40
}

// heatmaps finds the panels' surface plots in a screenshot: bands of
// columns that are mostly coloured, then, in each band, the rows that are.
// The lines drawn over a heatmap (paths, contours, ellipses, labels) cover
// too few pixels of a column or row to hide it.
func heatmaps(img image.Image) []image.Rectangle {
	b := img.Bounds()
	var out []image.Rectangle
	for _, xs := range runs(b.Min.X, b.Max.X, 100, func(x int) bool {
		n := 0
		for y := b.Min.Y; y < b.Max.Y; y++ {
			if saturated(img, x, y) {
				n++
			}
		}
		return n > b.Dy()*3/10
	}) {
		for _, ys := range runs(b.Min.Y, b.Max.Y, 100, func(y int) bool {
			n := 0
			for x := xs[0]; x < xs[1]; x++ {
				if saturated(img, x, y) {
					n++
				}
			}
			return n > (xs[1]-xs[0])/2
		}) {
			out = append(out, image.Rect(xs[0], ys[0], xs[1], ys[1]))
		}
	}
	return out
}

// runs returns the intervals [lo, hi) of at least minLen consecutive
// integers in [from, to) for which ok is true.
func runs(from, to, minLen int, ok func(int) bool) [][2]int {
	var out [][2]int
	start := -1
	for i := from; i <= to; i++ {
		if i < to && ok(i) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 && i-start >= minLen {
			out = append(out, [2]int{start, i})
		}
		start = -1
	}
	return out
}

// distinctColours counts the colours in r.
func distinctColours(img image.Image, r image.Rectangle) int {
	seen := map[uint32]bool{}
	for y := r.Min.Y; y < r.Max.Y; y += 2 {
		for x := r.Min.X; x < r.Max.X; x += 2 {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			seen[(cr>>8)<<16|(cg>>8)<<8|cb>>8] = true
		}
	}
	return len(seen)
}

func abs(k int) int {
	if k < 0 {
		return -k
	}
	return k
}
