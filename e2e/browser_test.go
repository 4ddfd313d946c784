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
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"curvlab/internal/static"
)

var (
	baseURL string // the served dist/, e.g. http://127.0.0.1:port/sub/path/
	browser context.Context
)

// chromiumFlags are those of DESIGN.md: headless, software WebGL, no
// background traffic on this closed network.
func chromiumFlags(dataDir string) []chromedp.ExecAllocatorOption {
	path := "/usr/bin/chromium"
	if p, err := exec.LookPath("chromium"); err == nil {
		path = p
	}
	return []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.UserDataDir(dataDir),
		chromedp.WindowSize(1600, 900),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("use-angle", "swiftshader"),
		chromedp.Flag("enable-unsafe-swiftshader", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-dev-shm-usage", true),
	}
}

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	dist, _ := filepath.Abs("../dist")
	if _, err := os.Stat(filepath.Join(dist, "main.wasm")); err != nil {
		fmt.Fprintln(os.Stderr, "e2e: dist/main.wasm is missing: run ./build.sh web first")
		return 1
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	// Serve under a sub-path, as a static host would, to prove the page
	// uses relative URLs only.
	mux := http.NewServeMux()
	mux.Handle("/sub/path/", http.StripPrefix("/sub/path", static.Handler(dist)))
	go http.Serve(ln, mux)
	baseURL = "http://" + ln.Addr().String() + "/sub/path/"

	dataDir, err := os.MkdirTemp("", "curvlab-chromium-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer os.RemoveAll(dataDir)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), chromiumFlags(dataDir)...)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(actx)
	defer cancelBrowser()
	if err := chromedp.Do(bctx); err != nil { // start the browser
		fmt.Fprintln(os.Stderr, "e2e: cannot start chromium:", err)
		return 1
	}
	browser = bctx
	return m.Run()
}

// page opens the app with a fragment in a new tab and waits until it is
// ready. The returned context is cancelled when the test ends.
func page(t *testing.T, fragment string) context.Context {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser)
	t.Cleanup(cancel)
	url := baseURL
	if fragment != "" {
		url += "#" + fragment
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1600, 900), chromedp.Navigate(url)); err != nil {
		t.Fatal(err)
	}
	waitCtx, cancelWait := context.WithTimeout(ctx, 60*time.Second)
	defer cancelWait()
	if _, err := chromedp.Run(waitCtx, chromedp.Poll[bool](
		`document.documentElement.getAttribute("data-curvlab-ready") === "1" && window.curvlab.ready === true`,
		chromedp.WithPollingInterval(50*time.Millisecond))); err != nil {
		t.Fatalf("app not ready: %v", err)
	}
	return ctx
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
	if got := eval[string](t, ctx, "window.curvlab.scenario"); got == "" {
		t.Error("window.curvlab.scenario is empty")
	}
	if got := eval[string](t, ctx, "window.curvlab.notice"); got != "" {
		t.Errorf("unexpected notice %q", got)
	}
}
