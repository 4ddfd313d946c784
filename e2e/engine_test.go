//go:build !js

package e2e

import (
	"context"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"curvlab/internal/cliout"
	"curvlab/internal/static"
)

// engineText is a scenario long enough to be computing when the worker
// fails: a surface with a line search (trial points) and a trust region.
const engineText = "v1;s=rosenbrock;x=-1.2,1;m=gd;m=bfgs;m=tr-dogleg;n=3000"

// matchesCLI presses G on the page of ctx and checks that every panel ends
// with exactly curvsim's rows for text: the same count, the same iterates
// and values bit for bit (curvsim writes the shortest decimal that reads
// back as the same float64).
func matchesCLI(t *testing.T, ctx context.Context, text string) {
	t.Helper()
	want, err := cliout.Run(exec.Command(curvsim(t), "run", "--scenario", text, "--format", "json"))
	if err != nil {
		t.Fatal(err)
	}
	focusCanvas(t, ctx)
	pressKey(t, ctx, 'g')
	lengths := make([]string, len(want.Panels))
	for k, p := range want.Panels {
		lengths[k] = strconv.Itoa(len(p.Steps))
	}
	waitFor(t, ctx, "["+strings.Join(lengths, ",")+"].every((n, k) => window.curvlab.iterates(k).length === n)", 60*time.Second)
	for k, p := range want.Panels {
		rows := eval[[][]*float64](t, ctx, "window.curvlab.iterates("+strconv.Itoa(k)+")")
		for i, s := range p.Steps {
			for j, w := range []*float64{s.X[0], s.X[1], s.F} {
				if g := rows[i][j]; !cliout.Near(g, w, 0) {
					t.Fatalf("panel %d (%s) row %d column %d: app %s, curvsim %s", k, p.Method, i, j, cliout.Format(g), cliout.Format(w))
				}
			}
		}
	}
}

// TestEngineInWorker: the page computes in its worker, says nothing about
// it, and gets curvsim's iterates.
func TestEngineInWorker(t *testing.T) {
	ctx := page(t, engineText)
	waitFor(t, ctx, `window.curvlab.engine === "worker"`, 10*time.Second)
	matchesCLI(t, ctx, engineText)
	// with the runs at their end the picture completes: trails drawn whole
	waitFor(t, ctx, "window.curvlab.computing === false", 30*time.Second)
	if got := eval[string](t, ctx, "window.curvlab.engine"); got != "worker" {
		t.Errorf("engine %q after playing, want worker", got)
	}
	if got := eval[string](t, ctx, "window.curvlab.notice"); got != "" {
		t.Errorf("notice %q", got)
	}
}

// servePatched serves dist/ with engine.js replaced by patch's result
// (nil: engine.js is missing) and the page's headers set by header.
func servePatched(t *testing.T, patch func(js []byte) []byte, header http.Header) string {
	t.Helper()
	dist, _ := filepath.Abs("../dist")
	files := static.Handler(dist)
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		for k, v := range header {
			w.Header()[k] = v
		}
		if r.URL.Path == "/engine.js" {
			if patch == nil {
				http.NotFound(w, r)
				return
			}
			js, err := os.ReadFile(filepath.Join(dist, "engine.js"))
			if err != nil {
				http.Error(w, err.Error(), http.StatusInternalServerError)
				return
			}
			w.Header().Set("Content-Type", "text/javascript")
			w.Write(patch(js))
			return
		}
		files.ServeHTTP(w, r)
	})
	base, stop, err := static.Serve(mux)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(stop)
	return base + "/"
}

// TestEngineFallsBackToPage: where the worker cannot start (its script
// missing, a host whose policy forbids workers) or dies while computing
// (a planted throw in its third reply), the page says so in one line,
// computes in the page from the rows it has, and ends with curvsim's
// iterates; the scenario is kept.
func TestEngineFallsBackToPage(t *testing.T) {
	throwAt3 := func(js []byte) []byte {
		return append([]byte(`var planted = 0, post = self.postMessage.bind(self);
self.postMessage = function (m, tr) { if (++planted === 3) throw new Error("planted fault"); post(m, tr); };
`), js...)
	}
	for _, tc := range []struct {
		name   string
		patch  func([]byte) []byte
		header http.Header
		notice string
	}{
		{"missing", nil, nil, "could not start"},
		{"forbidden", func(js []byte) []byte { return js }, http.Header{"Content-Security-Policy": {"worker-src 'none'"}}, "could not start"},
		{"dies", throwAt3, nil, "planted fault"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := tab(t)
			loadURL(t, ctx, servePatched(t, tc.patch, tc.header)+"#"+engineText)
			if tc.name == "dies" {
				// Wait for the worker to be up before playing.
				waitFor(t, ctx, "window.curvlab.iterates(0).length >= 1", 10*time.Second)
			} else {
				waitFor(t, ctx, `window.curvlab.engine === "page"`, 20*time.Second)
			}
			matchesCLI(t, ctx, engineText)
			if got := eval[string](t, ctx, "window.curvlab.engine"); got != "page" {
				t.Errorf("engine %q, want page", got)
			}
			notice := eval[string](t, ctx, "window.curvlab.notice")
			if !strings.Contains(notice, tc.notice) || !strings.Contains(strings.ToLower(notice), "in the page") || strings.Count(notice, ".") > 2 {
				t.Errorf("notice %q, want one line naming %q and saying the page computes", notice, tc.notice)
			}
			if got := eval[string](t, ctx, "window.curvlab.scenario"); got != engineText {
				t.Errorf("scenario %q, want %q kept", got, engineText)
			}
		})
	}
}

// loseContext makes the canvas lose its WebGL context, as a driver reset
// does; Ebitengine then reloads the page. It waits for the new page.
func loseContext(t *testing.T, ctx context.Context) {
	t.Helper()
	ok := eval[bool](t, ctx, `(() => {
		window.__before = true;
		const c = document.querySelector("canvas");
		const gl = c && (c.getContext("webgl2") || c.getContext("webgl"));
		const ext = gl && gl.getExtension("WEBGL_lose_context");
		if (!ext) return false;
		ext.loseContext();
		return true;
	})()`)
	if !ok {
		t.Fatal("no WEBGL_lose_context on the canvas")
	}
	// The navigation interrupts evaluations: poll until the new page is up.
	for stop := time.Now().Add(60 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		up, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`!window.__before && !!window.curvlab && window.curvlab.ready === true`))
		if err == nil && up {
			return
		}
		if time.Now().After(stop) {
			t.Fatalf("the page did not come back after the context loss (%v)", err)
		}
	}
}

// TestContextLossKeepsTheClock: after a lost WebGL context reloads the
// page, the runs come back to the iteration they had reached, stepping or
// playing as they were.
func TestContextLossKeepsTheClock(t *testing.T) {
	ctx := page(t, engineText)
	focusCanvas(t, ctx)
	for want := 2; want <= 6; want++ {
		pressKey(t, ctx, 's')
		waitFor(t, ctx, "window.curvlab.iterates(0).length === "+strconv.Itoa(want), 10*time.Second)
	}
	loseContext(t, ctx)
	waitFor(t, ctx, "[0, 1, 2].every(k => window.curvlab.iterates(k).length === 6)", 10*time.Second)
	if eval[bool](t, ctx, "window.curvlab.playing") {
		t.Error("playing after the reload, though it was stepped")
	}
	if got := eval[string](t, ctx, "window.curvlab.scenario"); got != engineText {
		t.Errorf("scenario %q after the reload", got)
	}

	focusCanvas(t, ctx)
	pressKey(t, ctx, ' ')
	waitFor(t, ctx, "window.curvlab.playing && window.curvlab.iterates(0).length > 12", 20*time.Second)
	before := eval[int](t, ctx, "window.curvlab.iterates(0).length")
	loseContext(t, ctx)
	waitFor(t, ctx, "window.curvlab.iterates(0).length >= "+strconv.Itoa(before), 10*time.Second)
	if !eval[bool](t, ctx, "window.curvlab.playing") {
		t.Error("not playing after the reload, though it was")
	}
}
