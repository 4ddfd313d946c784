//go:build !js

package e2e

import (
	"bytes"
	"context"
	"image/gif"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"
)

// TestSavesDownload: in the browser, Save a picture downloads a PNG of
// the canvas, device pixels, named after the scenario, and Save the runs
// as CSV downloads curvsim's columns — each chosen in the Explore menu as
// a user would.
func TestSavesDownload(t *testing.T) {
	ctx := page(t, "v1;s=himmelblau;x=0.5,-3;m=gd:lr=0.01;m=newton;n=20")
	dir := downloadsTo(t, ctx)
	saved := func(action, name string) string {
		t.Helper()
		cs := controls(t, ctx)
		m, ok := find(cs, "explore-menu", -1, false)
		if !ok {
			t.Fatalf("no Explore button: %v", cs)
		}
		click(t, ctx, m.X+m.W/2, m.Y+m.H/2)
		waitFor(t, ctx, `window.curvlab.popup() === "explore"`, 10*time.Second)
		c, ok := find(controls(t, ctx), action, -1, true)
		if !ok {
			t.Fatalf("no %s in the Explore menu", action)
		}
		click(t, ctx, c.X+c.W/2, c.Y+c.H/2)
		path := filepath.Join(dir, name)
		for i := 0; ; i++ {
			if b, err := os.ReadFile(path); err == nil && len(b) > 0 {
				return string(b)
			}
			if i == 300 {
				entries, _ := os.ReadDir(dir)
				t.Fatalf("%s: no %s downloaded after 30 s (%v)", action, name, entries)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	pic, err := png.Decode(strings.NewReader(saved("save-png", "curvlab-himmelblau-gd-newton.png")))
	if err != nil {
		t.Fatal(err)
	}
	if b := pic.Bounds(); b.Dx() != viewW || b.Dy() != viewH {
		t.Errorf("the picture is %v, the canvas %d×%d", b, viewW, viewH)
	}
	csv := saved("save-csv", "curvlab-himmelblau-gd-newton.csv")
	if !strings.HasPrefix(csv, "panel,iter,x1,x2,f,gnorm,step,fevals,gevals,hevals,events,curv_err,epoch,batch_f\n1,0,0.5,-3,") {
		t.Errorf("the CSV begins %q", csv[:min(len(csv), 120)])
	}
}

// TestLiveRegion: the page's live region, which screen readers announce
// (aria-live polite) and which is not shown, says each panel's readout
// once the runs stand — after a step, iteration 1 with its f — and the
// notice of a bad link.
func TestLiveRegion(t *testing.T) {
	ctx := page(t, "v1;s=rosenbrock;x=-1.2,1;m=gd;m=newton")
	if got := eval[string](t, ctx, `(() => { const l = document.getElementById("curvlab-live");
		return l.getAttribute("aria-live") + " " + l.getBoundingClientRect().width; })()`); got != "polite 1" {
		t.Errorf("the live region: %q, want polite and 1 pixel wide", got)
	}
	waitFor(t, ctx, `document.getElementById("curvlab-live").textContent.startsWith("Panel 1, gd: iter 0/500")`, 10*time.Second)
	focusCanvas(t, ctx)
	pressKey(t, ctx, 's')
	waitFor(t, ctx, `document.getElementById("curvlab-live").textContent.includes("iter 1/500")`, 10*time.Second)
	said := eval[string](t, ctx, `document.getElementById("curvlab-live").textContent`)
	if !strings.Contains(said, "Panel 2, newton: iter 1/500") {
		t.Errorf("after a step the live region says %q", said)
	}
	eval[bool](t, ctx, `(location.hash = "#v1;s=nowhere", true)`)
	waitFor(t, ctx, `document.getElementById("curvlab-live").textContent === window.curvlab.notice && window.curvlab.notice.includes("nowhere")`, 10*time.Second)
}

// TestAnimationDownloads: in the browser, Save an animation (GIF), chosen
// in the Explore menu, downloads a GIF named after the scenario that
// decodes into a frame per iteration computed, at the canvas's size.
func TestAnimationDownloads(t *testing.T) {
	ctx := page(t, "v1;s=himmelblau;x=0.5,-3;m=gd:lr=0.01;m=newton;n=20")
	dir := downloadsTo(t, ctx)
	focusCanvas(t, ctx)
	pressKey(t, ctx, 'g') // to the end: 21 rows
	waitFor(t, ctx, `window.curvlab.iterates(0).length === 21 && !window.curvlab.playing`, 20*time.Second)
	m, ok := find(controls(t, ctx), "explore-menu", -1, false)
	if !ok {
		t.Fatal("no Explore button")
	}
	click(t, ctx, m.X+m.W/2, m.Y+m.H/2)
	waitFor(t, ctx, `window.curvlab.popup() === "explore"`, 10*time.Second)
	c, ok := find(controls(t, ctx), "save-gif", -1, true)
	if !ok {
		t.Fatal("no save-gif in the Explore menu")
	}
	click(t, ctx, c.X+c.W/2, c.Y+c.H/2)
	path := filepath.Join(dir, "curvlab-himmelblau-gd-newton.gif")
	var b []byte
	for i := 0; ; i++ {
		var err error
		if b, err = os.ReadFile(path); err == nil && len(b) > 0 {
			break
		}
		if i == 600 {
			entries, _ := os.ReadDir(dir)
			t.Fatalf("no GIF downloaded after 60 s (%v)", entries)
		}
		time.Sleep(100 * time.Millisecond)
	}
	an, err := gif.DecodeAll(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if len(an.Image) != 21 || an.Config.Width != viewW || an.Config.Height != viewH {
		t.Errorf("%d frames of %d×%d; want 21 of the canvas, %d×%d", len(an.Image), an.Config.Width, an.Config.Height, viewW, viewH)
	}
}

// downloadsTo has the tab of ctx save its downloads into a new temporary
// folder, and returns the folder.
func downloadsTo(t *testing.T, ctx context.Context) string {
	t.Helper()
	dir := t.TempDir()
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir})
		return err
	}))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}
