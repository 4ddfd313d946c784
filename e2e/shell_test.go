//go:build !js

package e2e

import (
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"curvlab/internal/chromium"
	"curvlab/internal/static"
)

// TestPageShellOnPoorHosts serves dist/ the way a careless static host
// might: main.wasm uncompressed and with a generic Content-Type (the page
// compiles it while it downloads, which browsers refuse for a response
// that does not say application/wasm), or not at all. The first must load;
// the second must say plainly that loading failed, in the page.
func TestPageShellOnPoorHosts(t *testing.T) {
	dist, _ := filepath.Abs("../dist")
	serve := func(wasm bool) string {
		mux := http.NewServeMux()
		mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
			name := strings.TrimPrefix(r.URL.Path, "/")
			switch name {
			case "", "index.html":
				http.ServeFile(w, r, filepath.Join(dist, "index.html"))
			case "wasm_exec.js":
				http.ServeFile(w, r, filepath.Join(dist, "wasm_exec.js"))
			case "main.wasm":
				if !wasm {
					http.NotFound(w, r)
					return
				}
				w.Header().Set("Content-Type", "application/octet-stream")
				http.ServeFile(w, r, filepath.Join(dist, "main.wasm"))
			default:
				http.NotFound(w, r)
			}
		})
		base, stop, err := static.Serve(mux)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(stop)
		return base + "/"
	}

	t.Run("uncompressed, generic type", func(t *testing.T) {
		ctx := tab(t)
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(viewW, viewH), chromedp.Navigate(serve(true))); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromium.Wait(chromium.Ready, 60*time.Second)); err != nil {
			msg := eval[string](t, ctx, `document.getElementById("msg").textContent`)
			t.Fatalf("not ready (%v); the page says %q", err, msg)
		}
	})

	t.Run("missing", func(t *testing.T) {
		ctx := tab(t)
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(viewW, viewH), chromedp.Navigate(serve(false))); err != nil {
			t.Fatal(err)
		}
		waitFor(t, ctx, `document.getElementById("status").className === "error"`, 30*time.Second)
		msg := eval[string](t, ctx, `document.getElementById("msg").textContent`)
		if !strings.Contains(msg, "could not") || !strings.Contains(msg, "404") {
			t.Errorf("the page says %q, want a plain sentence that main.wasm could not be downloaded", msg)
		}
		if eval[bool](t, ctx, chromium.Ready) {
			t.Error("the page says it is ready")
		}
	})
}
