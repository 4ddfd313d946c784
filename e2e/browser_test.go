//go:build !js

// Package e2e tests the built web app (dist/) in headless Debian Chromium
// through chromedp: ./build.sh web must have run (./build.sh test does it).
package e2e

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"curvlab/internal/chromium"
	"curvlab/internal/static"
)

var (
	baseURL string // the served dist/, e.g. http://127.0.0.1:port/sub/path/
	browser context.Context
	tmpDir  string // removed when the tests end
)

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	dist, _ := filepath.Abs("../dist")
	if _, err := os.Stat(filepath.Join(dist, "main.wasm")); err != nil {
		fmt.Fprintln(os.Stderr, "e2e: dist/main.wasm is missing: run ./build.sh web first")
		return 1
	}
	// Serve under a sub-path, as a static host would, to prove the page
	// uses relative URLs only.
	mux := http.NewServeMux()
	mux.Handle("/sub/path/", http.StripPrefix("/sub/path", static.Handler(dist)))
	base, stopServer, err := static.Serve(mux)
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer stopServer()
	baseURL = base + "/sub/path/"

	tmpDir, err = os.MkdirTemp("", "curvlab-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer os.RemoveAll(tmpDir)
	var stop func()
	browser, stop, err = chromium.Start()
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer stop()
	return m.Run()
}

// page opens the app with a fragment in a new tab and waits until it is
// ready. The returned context is cancelled when the test ends.
func page(t *testing.T, fragment string) context.Context {
	t.Helper()
	ctx := tab(t)
	load(t, ctx, fragment)
	return ctx
}

// tab opens a new tab, closed when the test ends.
func tab(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser)
	t.Cleanup(cancel)
	return ctx
}

// The tests' viewport, in CSS pixels at device scale 1: a laptop's, and
// small enough that software WebGL draws several frames a second on a
// small machine (each frame costs in proportion to the pixels).
const viewW, viewH = 1280, 720

// load opens the app with a fragment in the tab of ctx and waits until it
// is ready.
func load(t *testing.T, ctx context.Context, fragment string) {
	t.Helper()
	url := baseURL
	if fragment != "" {
		url += "#" + fragment
	}
	loadURL(t, ctx, url)
}

// loadURL opens the app at url in the tab of ctx and waits until it is
// ready.
func loadURL(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(viewW, viewH), chromedp.Navigate(url)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromium.Wait(chromium.Ready+" && window.curvlab.ready === true", 60*time.Second)); err != nil {
		t.Fatalf("app not ready: %v", err)
	}
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// screenshot captures the page through CDP and decodes it.
func screenshot(t *testing.T, ctx context.Context, save string) image.Image {
	t.Helper()
	buf, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	if save != "" {
		if dir := os.Getenv("CURVLAB_SHOTS"); dir != "" {
			os.WriteFile(filepath.Join(dir, save), buf, 0o644)
		}
	}
	img, err := png.Decode(bytes.NewReader(buf))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// waitFor polls a JavaScript predicate until it is true or timeout passes.
func waitFor(t *testing.T, ctx context.Context, expr string, timeout time.Duration) {
	t.Helper()
	if err := chromedp.Do(ctx, chromium.Wait(expr, timeout)); err != nil {
		t.Fatal(err)
	}
}

func TestReadyAndDrawn(t *testing.T) {
	ctx := page(t, "")
	img := screenshot(t, ctx, "default.png")
	// Not blank: many distinct colours.
	colours := map[uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 7 {
		for x := b.Min.X; x < b.Max.X; x += 7 {
			r, g, bl, _ := img.At(x, y).RGBA()
			colours[(r>>8)<<16|(g>>8)<<8|bl>>8] = true
		}
	}
	if len(colours) < 8 {
		t.Errorf("screenshot looks blank: %d distinct colours", len(colours))
	}
	if got := eval[string](t, ctx, "window.curvlab.scenario"); got != defaultText {
		t.Errorf("window.curvlab.scenario is %q, want the default %q", got, defaultText)
	}
	if got := eval[string](t, ctx, "window.curvlab.notice"); got != "" {
		t.Errorf("unexpected notice %q", got)
	}
	// The default scenario has three panels side by side: three heatmaps
	// of the same size, left to right, each drawn with many colours.
	if n := eval[int](t, ctx, "window.curvlab.panels()"); n != 3 {
		t.Errorf("window.curvlab.panels() = %d, want 3", n)
	}
	plots := heatmaps(img)
	if len(plots) != 3 {
		t.Fatalf("found %d heatmaps in the screenshot, want 3: %v", len(plots), plots)
	}
	for i, r := range plots {
		if r.Dx() < 200 || r.Dy() < 200 {
			t.Errorf("heatmap %d is only %v", i, r)
		}
		if i > 0 {
			p := plots[i-1]
			if r.Min.X <= p.Max.X {
				t.Errorf("heatmaps %d and %d overlap: %v %v", i-1, i, p, r)
			}
			if abs(r.Dx()-p.Dx()) > 2 || abs(r.Min.Y-p.Min.Y) > 2 || abs(r.Max.Y-p.Max.Y) > 2 {
				t.Errorf("heatmaps %d and %d differ in size: %v %v", i-1, i, p, r)
			}
		}
		if n := distinctColours(img, r); n < 50 {
			t.Errorf("heatmap %d %v has only %d colours", i, r, n)
		}
	}
}

// TestIconIsServed: the page names its icons (a 32-pixel favicon, a
// 256-pixel one for home screens) and each is served from dist/ as a PNG
// of that size: the browser's request for an icon no longer meets a 404.
func TestIconIsServed(t *testing.T) {
	ctx := page(t, "")
	got := eval[[]string](t, ctx, `Array.from(document.querySelectorAll('link[rel="icon"], link[rel="apple-touch-icon"]'), l => l.getAttribute("href"))`)
	if len(got) != 3 || got[0] != "icon-32.png" || got[1] != "icon-256.png" || got[2] != "icon-256.png" {
		t.Fatalf("the page's icon links are %v", got)
	}
	for _, c := range []struct {
		name string
		size int
	}{{"icon-32.png", 32}, {"icon-256.png", 256}} {
		// fetched and decoded by the page, as the browser's tab would
		res, err := chromedp.Run(ctx, chromedp.Evaluate[[]any](`fetch(`+strconv.Quote(c.name)+`).then(async r => [r.status, r.headers.get("content-type"),
			await createImageBitmap(await r.blob()).then(b => b.width + "x" + b.height)])`, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatal(err)
		}
		if len(res) != 3 || res[0] != float64(200) || res[1] != "image/png" || res[2] != fmt.Sprintf("%dx%d", c.size, c.size) {
			t.Errorf("%s: %v, want 200 image/png %dx%d", c.name, res, c.size, c.size)
		}
	}
}
