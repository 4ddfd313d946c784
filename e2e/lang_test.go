//go:build !js

package e2e

import (
	"context"
	"image"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"curvlab/internal/chromium"
)

// TestChinese: a browser whose language is Chinese (zh-CN) gets the app in
// Chinese — window.curvlab.lang, <html lang>, the link's lang=zh, the
// toolbar's labels — and the switch (its toolbar button) turns an English
// page Chinese and back, the toolbar's pixels changing with it. A choice
// made with the switch is kept for the next visit: the Chinese browser
// switched to English opens in English again.
func TestChinese(t *testing.T) {
	ctx := tab(t)
	// the choice is kept in the origin's local storage, which every tab
	// of the tests' browser shares: none before, none after
	forget := func(ctx context.Context) {
		eval[bool](t, ctx, `(localStorage.removeItem("curvlab.lang"), true)`)
	}
	forget(page(t, ""))
	t.Cleanup(func() { forget(page(t, "")) })
	// The browser's language as a page sees it (navigator.language): the
	// user agent override's, not the locale override's (which leaves it).
	locale := chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetUserAgentOverride, emulation.SetUserAgentOverrideParams{
			UserAgent: "Mozilla/5.0 (X11; Linux x86_64) curvlab-e2e", AcceptLanguage: "zh-CN,zh"})
		return err
	})
	err := chromedp.Do(ctx, locale,
		chromedp.EmulateViewport(viewW, viewH), chromedp.Navigate(baseURL+"#"+defaultText))
	if err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, chromium.Ready+" && window.curvlab.ready === true", 60*time.Second)
	if got := eval[string](t, ctx, "navigator.language"); !strings.HasPrefix(got, "zh") {
		t.Fatalf("the locale override gave navigator.language %q", got)
	}
	checkLang(t, ctx, "zh")
	zhShot := screenshot(t, ctx, "lang-zh-browser.png")

	en := page(t, "")
	checkLang(t, en, "en")
	enShot := screenshot(t, en, "lang-en.png")
	tapLang(t, en)
	waitFor(t, en, `window.curvlab.lang === "zh"`, 10*time.Second)
	checkLang(t, en, "zh")
	switched := screenshot(t, en, "lang-zh-switched.png")
	bar := image.Rect(0, 0, viewW, 40)
	if n := differingIn(enShot, switched, bar); n < 300 {
		t.Errorf("the toolbar changed in %d pixels when switched to Chinese", n)
	}
	if n := differingIn(zhShot, switched, bar); n > 50 {
		t.Errorf("the Chinese toolbars of a Chinese browser and of the switch differ in %d pixels", n)
	}
	tapLang(t, en)
	waitFor(t, en, `window.curvlab.lang === "en"`, 10*time.Second)
	checkLang(t, en, "en")
	if n := differingIn(enShot, screenshot(t, en, "lang-en-back.png"), bar); n > 50 {
		t.Errorf("switched back, the toolbar differs from the English one in %d pixels", n)
	}

	// the Chinese browser switched to English opens in English next time
	tapLang(t, ctx)
	waitFor(t, ctx, `window.curvlab.lang === "en"`, 10*time.Second)
	if err := chromedp.Do(ctx, chromedp.Navigate(baseURL+"#"+defaultText), chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, chromium.Ready+" && window.curvlab.ready === true", 60*time.Second)
	checkLang(t, ctx, "en")
}

// checkLang checks the page speaks lang: window.curvlab.lang, <html
// lang>, the link's lang field and the play button's label.
func checkLang(t *testing.T, ctx context.Context, lang string) {
	t.Helper()
	waitFor(t, ctx, `window.curvlab.lang === "`+lang+`"`, 10*time.Second)
	html := eval[string](t, ctx, "document.documentElement.lang")
	link := eval[string](t, ctx, "window.curvlab.scenario")
	hash := eval[string](t, ctx, "location.hash")
	play := labelled(t, controls(t, ctx), "play", map[string]string{"en": "Play", "zh": "播放"}[lang])
	wantHTML := map[string]string{"en": "en", "zh": "zh-Hans"}[lang]
	inLink := strings.HasSuffix(link, ";lang=zh")
	if html != wantHTML || inLink != (lang == "zh") || play.Label == "" {
		t.Errorf("lang %s: <html lang=%q>, link %q", lang, html, link)
	}
	if lang == "zh" {
		waitFor(t, ctx, `location.hash.endsWith(";lang=zh")`, 10*time.Second)
	} else if strings.Contains(hash, "lang=") {
		t.Errorf("English, the address is %q", hash)
	}
}

// tapLang clicks the language switch on the toolbar.
func tapLang(t *testing.T, ctx context.Context) {
	t.Helper()
	c, ok := find(controls(t, ctx), "lang", -1, false)
	if !ok {
		t.Fatalf("no language switch on the toolbar: %v", controls(t, ctx))
	}
	click(t, ctx, c.X+c.W/2, c.Y+c.H/2)
	// off the toolbar, so that no button is drawn hovered in the screenshots
	if err := chromedp.Do(ctx, chromium.Frames(2), chromedp.MouseEvent(chromedp.MouseMoved, 4, viewH-4), chromium.Frames(2)); err != nil {
		t.Fatal(err)
	}
}

// differingIn counts the pixels of r that differ between a and b.
func differingIn(a, b image.Image, r image.Rectangle) int {
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			r1, g1, b1, _ := a.At(x, y).RGBA()
			r2, g2, b2, _ := b.At(x, y).RGBA()
			if r1 != r2 || g1 != g2 || b1 != b2 {
				n++
			}
		}
	}
	return n
}
