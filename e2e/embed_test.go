//go:build !js

package e2e

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"

	"curvlab/internal/chromium"
	"curvlab/internal/static"
)

// TestEmbeddedOnAnotherSite embeds the app, as Embed's code does, in a
// course page served from another server (another port, and another host
// name: another origin and another site, so Chromium runs the frame in a
// process of its own): inside the frame the app starts (its worker loaded
// relative to the frame's page), shows no toolbar and no control that
// edits, and the wheel over the frame scrolls the course page while the
// app's view stays the link's.
func TestEmbeddedOnAnotherSite(t *testing.T) {
	const frag = "v1;s=rosenbrock;x=-1.2,1;m=gd;m=newton;w=-2,2,-1,3;u=hrgfs"
	src := baseURL + "#" + frag
	course := `<!DOCTYPE html><html><head><meta charset="utf-8"><title>A course page</title></head>
<body style="margin:0;font:16px sans-serif">
<p style="height:200px;margin:0">Gradient descent and Newton's method on Rosenbrock's valley:</p>
<iframe src="` + strings.ReplaceAll(src, `"`, "&#34;") + `" width="800" height="450" style="border:0" title="curvlab" loading="lazy" allow="clipboard-write"></iframe>
<p style="height:3000px">More of the course.</p>
</body></html>`
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(course))
	})
	base, stop, err := static.Serve(mux)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(stop)
	parent := strings.Replace(base, "127.0.0.1", "localhost", 1) + "/course.html"
	if parent == base+"/course.html" {
		t.Fatalf("the course page's server %s is not on 127.0.0.1", base)
	}

	ctx := tab(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1024, 700), chromedp.Navigate(parent)); err != nil {
		t.Fatal(err)
	}
	// the frame, a target of its own
	var frame *target.Info
	for end := time.Now().Add(30 * time.Second); frame == nil && time.Now().Before(end); time.Sleep(200 * time.Millisecond) {
		infos, err := chromedp.Targets(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, in := range infos {
			if in.Type == "iframe" && strings.HasPrefix(in.URL, baseURL) {
				frame = in
			}
		}
	}
	if frame == nil {
		t.Fatal("no frame of the app's own (is it on another site?)")
	}
	fctx, cancel := chromedp.NewContext(ctx, chromedp.WithTargetID(frame.TargetID))
	t.Cleanup(cancel)
	if err := chromedp.Do(fctx, chromium.Wait(chromium.Ready+" && window.curvlab.ready === true", 60*time.Second)); err != nil {
		t.Fatalf("the app in the frame is not ready: %v", err)
	}
	waitFor(t, fctx, `window.curvlab.engine === "worker"`, 20*time.Second)
	if n := eval[string](t, fctx, "window.curvlab.notice"); n != "" {
		t.Errorf("the frame's notice: %q", n)
	}
	if cs := controls(t, fctx); len(cs) != 0 {
		t.Errorf("an embedded, locked figure shows controls: %+v", cs)
	}
	if got := eval[string](t, fctx, `document.documentElement.getAttribute("data-curvlab-wheel")`); got != "page" {
		t.Errorf("data-curvlab-wheel=%q", got)
	}

	// the wheel over the middle of the frame
	x, y := 400.0, 200+225.0
	before := eval[float64](t, ctx, "window.scrollY")
	for range 3 {
		wheel := func(p *input.DispatchMouseEventParams) { p.DeltaX, p.DeltaY = 1e-9, 120 } // deltaX must be sent: 0 is omitted
		if err := chromedp.Do(ctx, chromium.Hold(), chromedp.MouseEvent(chromedp.MouseWheel, x, y, wheel)); err != nil {
			t.Fatal(err)
		}
	}
	if err := chromedp.Do(fctx, chromium.Frames(10)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "window.scrollY > 0", 10*time.Second)
	if after := eval[float64](t, ctx, "window.scrollY"); !(after > before) {
		t.Errorf("the course page did not scroll: scrollY %v, then %v", before, after)
	}
	if s := eval[string](t, fctx, "window.curvlab.scenario"); s != frag {
		t.Errorf("the frame's scenario became %s, was %s", s, frag)
	}
	if h := eval[string](t, fctx, "location.hash"); h != "#"+frag {
		t.Errorf("the frame's address ends %s", h)
	}
	// a link opened in the frame (hashchange) is shown
	next := strings.Replace(frag, "m=newton", "m=bfgs", 1)
	eval[bool](t, fctx, `(location.hash = "`+next+`", true)`)
	waitFor(t, fctx, `window.curvlab.scenario === "`+next+`"`, 10*time.Second)
}
