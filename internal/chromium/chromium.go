// Package chromium holds what the browser tests (e2e), the browser
// benchmark (webbench) and profiler (webprof) share: Debian's Chromium with
// the flags of DESIGN.md (headless, software WebGL, no background traffic
// on a closed network), started in a fresh profile, and actions that drive
// an Ebitengine page.
package chromium

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// Options are the allocator options for a fresh profile in dataDir, with a
// 1600×900 window.
func Options(dataDir string) []chromedp.ExecAllocatorOption {
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

// Start starts Chromium with Options in a fresh profile in a temporary
// directory. stop ends it and removes the profile.
func Start() (browser context.Context, stop func(), err error) {
	dir, err := os.MkdirTemp("", "curvlab-chromium-")
	if err != nil {
		return nil, nil, err
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), Options(dir)...)
	browser, cancel := chromedp.NewContext(actx)
	stop = func() {
		cancel()
		cancelAlloc()
		os.RemoveAll(dir)
	}
	if err := chromedp.Do(browser); err != nil {
		stop()
		return nil, nil, fmt.Errorf("cannot start chromium: %w", err)
	}
	return browser, stop, nil
}

// Ready is true on a curvlab page (and on the bare app of the benchmark)
// once its first frame has been drawn.
const Ready = `document.documentElement.getAttribute("data-curvlab-ready") === "1"`

// Frames waits until the page has drawn n more animation frames.
func Frames(n int) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := chromedp.Evaluate[bool](fmt.Sprintf(`new Promise(done => {
			let n = %d;
			const tick = () => --n <= 0 ? done(true) : requestAnimationFrame(tick);
			requestAnimationFrame(tick);
		})`, n), chromedp.EvalAwaitPromise)(ctx, tg)
		return err
	})
}

// Hold keeps a key or button down across two animation frames. Ebitengine
// samples input once per frame, so a press and release between two frames
// would never be seen; a person holds a key down for longer anyway. (Under
// software WebGL on a busy machine a frame can take 200 ms, so waiting a
// fixed time is not enough.)
func Hold() chromedp.Action[chromedp.Void] { return Frames(2) }

// PressKey presses and releases the key that types r on the focused
// element, holding it down with Hold.
func PressKey(r rune) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		for i, ev := range kb.Encode(r) {
			if ev.Type == kb.KeyUp && i > 0 {
				if _, err := Hold()(ctx, tg); err != nil {
					return err
				}
			}
			if _, err := cdp.Call(ctx, tg, input.DispatchKeyEvent, *ev); err != nil {
				return fmt.Errorf("key %q: %w", r, err)
			}
		}
		return nil
	})
}

// FocusCanvas gives the keyboard to Ebitengine's canvas.
func FocusCanvas() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		ok, err := chromedp.Evaluate[bool](`(() => {
			const c = document.querySelector("canvas");
			if (!c) return false;
			c.focus();
			return document.activeElement === c;
		})()`)(ctx, tg)
		if err == nil && !ok {
			err = fmt.Errorf("cannot focus the canvas")
		}
		return err
	})
}

// Wait polls a JavaScript predicate until it is true, for at most timeout.
// The timeout is the poll's own: chromedp.Poll stops at 30 seconds unless
// told otherwise, whatever the context allows (a CI run on a busy machine
// waited 120 s for 300 training steps and was stopped at 30).
func Wait(expr string, timeout time.Duration) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := chromedp.Poll[bool](expr, chromedp.WithPollingInterval(20*time.Millisecond),
			chromedp.WithPollingTimeout(timeout))(ctx, tg)
		if err != nil {
			return fmt.Errorf("waiting for %s: %w", expr, err)
		}
		return nil
	})
}
