// Command webbench measures curvlab's browser build in headless Chromium
// (./build.sh bench-web runs it after building dist/ and the bare app):
//
//   - the sizes of main.wasm and its precompressed .gz and .br;
//   - the time from navigation to the first drawn frame, against a bare
//     Ebitengine app that only clears the screen (internal/bareapp), served
//     with the same page shell and built with the same flags: loads
//     alternate between the two, each in a fresh browser context with the
//     cache disabled;
//   - the Go-side cost of a frame (Update + Draw, window.curvlab.frameStats)
//     on the default scenario and with four panels of 1,000 iterates each,
//     from the second batch of frame costs the page reports after the
//     scenario is on screen (the first may hold the page's first frame or
//     the one that ran the panels to the end);
//   - the edge-of-stability preset played to its end (G) in the page,
//     against the same computation by curvsim as js/wasm under node, with
//     the Go-side frame costs while the engine works;
//   - the Go heap (window.curvlab.memStats) sampled over a long run with
//     those four panels on screen.
//
// It reports; it asserts nothing. BENCHMARKS.md records its figures.
package main

import (
	"context"
	"flag"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"curvlab/internal/chromium"
	"curvlab/internal/static"
	"curvlab/sim/scenario"
)

// busy is the scenario of the frame-cost and heap measurements: four
// methods that never stop (t=0), 1,000 steps each.
const busy = "v1;s=rosenbrock;x=-1.2,1;m=gd;m=momentum;m=adam;m=bfgs;n=1000;t=0"

// readyAt records, in the page, the time of the first frame: performance.now()
// counts from the navigation's start. It runs before the document has an
// element, so it watches the document.
const readyAt = `new MutationObserver((_, obs) => {
	if (document.documentElement.getAttribute("data-curvlab-ready") === "1") {
		window.__readyAt = performance.now();
		obs.disconnect();
	}
}).observe(document, {subtree: true, attributes: true, attributeFilter: ["data-curvlab-ready"]});`

func main() {
	dist := flag.String("dist", "dist", "the built web app")
	bare := flag.String("bare", "bin/bareapp", "the built bare Ebitengine app")
	loads := flag.Int("loads", 5, "page loads of each app for the time to the first frame")
	frames := flag.Duration("frames", 20*time.Second, "how long to sample frame costs, per scenario (0: none; with -heap 0, only the first frames)")
	heap := flag.Duration("heap", 5*time.Minute, "how long to sample the Go heap (0: skip)")
	eos := flag.Bool("eos", true, "time the edge-of-stability preset to its end, page against node")
	every := flag.Duration("every", 10*time.Second, "interval between heap samples")
	flag.Parse()
	if err := run(*dist, *bare, *loads, *frames, *heap, *every, *eos); err != nil {
		fmt.Fprintln(os.Stderr, "webbench:", err)
		os.Exit(1)
	}
}

func run(dist, bare string, loads int, frames, heap, every time.Duration, eos bool) error {
	fmt.Println("== sizes")
	for _, dir := range []string{dist, bare} {
		if err := sizes(dir); err != nil {
			return err
		}
	}

	mux := http.NewServeMux()
	mux.Handle("/app/", http.StripPrefix("/app", static.Handler(dist)))
	mux.Handle("/bare/", http.StripPrefix("/bare", static.Handler(bare)))
	base, stopServer, err := static.Serve(mux)
	if err != nil {
		return err
	}
	defer stopServer()

	browser, stop, err := chromium.Start()
	if err != nil {
		return err
	}
	defer stop()
	ua, err := chromedp.Run(browser, chromedp.Evaluate[string]("navigator.userAgent"))
	if err != nil {
		return err
	}
	fmt.Println("browser:", ua)

	if err := firstFrames(browser, base, loads); err != nil {
		return err
	}
	if eos {
		if err := edgeOfStability(browser, base+"/app/"); err != nil {
			return err
		}
	}
	if frames <= 0 && heap <= 0 {
		return nil
	}
	return steady(browser, base+"/app/", frames, heap, every)
}

// sizes prints the sizes of dir's main.wasm and its compressed forms.
func sizes(dir string) error {
	fmt.Printf("%s:\n", dir)
	for _, name := range []string{"main.wasm", "main.wasm.gz", "main.wasm.br", "engine.wasm", "engine.wasm.gz", "engine.wasm.br"} {
		fi, err := os.Stat(filepath.Join(dir, name))
		if os.IsNotExist(err) && filepath.Ext(strings.TrimSuffix(strings.TrimSuffix(name, ".gz"), ".br")) == ".wasm" && strings.HasPrefix(name, "engine") {
			continue // the bare app has no engine
		}
		if err != nil {
			return err
		}
		n := fi.Size()
		fmt.Printf("  %-13s %10d bytes  %6.2f MB  %6.2f MiB\n", name, n, float64(n)/1e6, float64(n)/(1<<20))
	}
	return nil
}

// firstFrames times navigation to first frame for the bare app and curvlab,
// alternately, and prints medians and their ratio.
func firstFrames(browser context.Context, base string, loads int) error {
	fmt.Printf("\n== navigation to first frame: %d loads each, alternating, fresh browser context, cache disabled\n", loads)
	apps := []struct{ name, url string }{{"bare", base + "/bare/"}, {"curvlab", base + "/app/"}}
	frame, after, start, app := map[string][]float64{}, map[string][]float64{}, map[string][]float64{}, map[string][]float64{}
	for i := range loads {
		for j := range apps {
			a := apps[(i+j)%2] // alternate which goes first
			l, err := firstFrame(browser, a.url)
			if err != nil {
				return fmt.Errorf("%s: %w", a.name, err)
			}
			frame[a.name] = append(frame[a.name], l.Frame)
			after[a.name] = append(after[a.name], l.Frame-l.Wasm)
			start[a.name] = append(start[a.name], l.Main-l.Wasm)
			app[a.name] = append(app[a.name], l.Frame-l.Main)
			fmt.Printf("  load %d %-8s first frame %5.0f ms; main.wasm (%d bytes sent for %d) received at %4.0f ms, Go main at %4.0f ms\n",
				i+1, a.name, l.Frame, l.Sent, l.Size, l.Wasm, l.Main)
		}
	}
	b, c := median(frame["bare"]), median(frame["curvlab"])
	fmt.Printf("median: bare %.0f ms, curvlab %.0f ms, ratio %.2f (budget ≤ 1.3)\n", b, c, c/b)
	fmt.Printf("median from main.wasm received to first frame (compile, start, first frame): bare %.0f ms, curvlab %.0f ms\n",
		median(after["bare"]), median(after["curvlab"]))
	fmt.Printf("  of which main.wasm received to Go main (compile, runtime and package init): bare %.0f ms, curvlab %.0f ms\n",
		median(start["bare"]), median(start["curvlab"]))
	fmt.Printf("  and Go main to first frame (the app's start and first frame): bare %.0f ms, curvlab %.0f ms\n",
		median(app["bare"]), median(app["curvlab"]))
	return nil
}

// load is what one page load took, in ms since navigation started.
type load struct {
	Frame float64 `json:"frame"` // first frame drawn
	Wasm  float64 `json:"wasm"`  // main.wasm received
	Main  float64 `json:"main"`  // Go's main began
	Sent  int     `json:"sent"`  // bytes of main.wasm on the wire
	Size  int     `json:"size"`  // bytes of main.wasm
}

// firstFrame loads url in a fresh browser context and reports when the
// first frame was drawn and main.wasm received.
func firstFrame(browser context.Context, url string) (load, error) {
	ctx, cancel := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
	defer cancel()
	err := chromedp.Do(ctx,
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			if _, err := cdp.Call(ctx, t, network.Enable, network.EnableParams{}); err != nil {
				return err
			}
			if _, err := cdp.Call(ctx, t, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
				return err
			}
			_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: readyAt})
			return err
		}),
		chromedp.EmulateViewport(1600, 900),
		chromedp.Navigate(url),
		chromium.Wait("window.__readyAt !== undefined", 2*time.Minute),
	)
	if err != nil {
		return load{}, err
	}
	return chromedp.Run(ctx, chromedp.Evaluate[load](`(() => {
		const e = performance.getEntriesByType("resource").find(e => e.name.endsWith("main.wasm"));
		return {frame: window.__readyAt, wasm: e.responseEnd, main: window.__goMainAt, sent: e.encodedBodySize, size: e.decodedBodySize};
	})()`))
}

// steady measures frame costs on the default scenario and on busy, then the
// heap over time with busy on screen.
func steady(browser context.Context, url string, frames, heap, every time.Duration) error {
	ctx, cancel := chromedp.NewContext(browser)
	defer cancel()
	open := func(fragment string) error {
		return chromedp.Do(ctx,
			chromedp.EmulateViewport(1600, 900),
			chromedp.Navigate(url+"#"+fragment),
			chromium.Wait(chromium.Ready, 2*time.Minute),
		)
	}

	if err := open(""); err != nil {
		return err
	}
	fmt.Printf("\n== Go-side frame cost (Update + Draw), sampled for %v\n", frames)
	if err := frameCosts(ctx, "default scenario (3 panels, 1 iterate each)", frames); err != nil {
		return err
	}

	// A page of its own for busy, so that the heap starts from a fresh run.
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		return err
	}
	if err := open(busy); err != nil {
		return err
	}
	// G runs every panel to the end of its budget at once.
	if err := chromedp.Do(ctx,
		chromium.FocusCanvas(),
		chromium.PressKey('g'),
		chromium.Wait("[0, 1, 2, 3].every(k => window.curvlab.iterates(k).length === 1001)", time.Minute),
	); err != nil {
		return err
	}
	if err := frameCosts(ctx, busy+" after G (4 panels × 1001 iterates)", frames); err != nil {
		return err
	}
	if heap <= 0 {
		return nil
	}
	return heapOverTime(ctx, heap, every)
}

// frameCosts collects window.curvlab.frameStats (refreshed about once a
// second with the frames since the last refresh) for d and prints its
// percentiles.
func frameCosts(ctx context.Context, what string, d time.Duration) error {
	if d <= 0 {
		return nil
	}
	// The frames before sampling starts (the page's first frame, the frame
	// that ran the panels to the end and drew their paths anew) are not
	// steady frames: skip the batch that may hold them.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.curvlab.frameStats.seen = true`)); err != nil {
		return err
	}
	if err := chromedp.Do(ctx, chromium.Wait("!window.curvlab.frameStats.seen", time.Minute)); err != nil {
		return err
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.curvlab.frameStats.seen = true`)); err != nil {
		return err
	}
	var all []float64
	start := time.Now()
	for time.Since(start) < d {
		batch, err := chromedp.Run(ctx, newFrameStats)
		if err != nil {
			return err
		}
		all = append(all, batch...)
		time.Sleep(250 * time.Millisecond)
	}
	if len(all) == 0 {
		return fmt.Errorf("%s: no frame costs in %v", what, d)
	}
	m, err := chromedp.Run(ctx, chromedp.Evaluate[memStats]("window.curvlab.memStats()"))
	if err != nil {
		return err
	}
	slices.Sort(all)
	fmt.Printf("%s:\n  %d frames in %.0f s (%.1f per second): p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms (budget p95 ≤ 4 ms)\n",
		what, len(all), time.Since(start).Seconds(), float64(len(all))/time.Since(start).Seconds(),
		quantile(all, 0.5), quantile(all, 0.95), quantile(all, 0.99), all[len(all)-1])
	live, err := chromedp.Run(ctx, chromedp.Evaluate[memStats]("window.curvlab.memStats(true)"))
	if err != nil {
		return err
	}
	fmt.Printf("  Go heap: heapAlloc %s, heapSys %s; live (heapAlloc after a collection) %s\n",
		mib(m.HeapAlloc), mib(m.HeapSys), mib(live.HeapAlloc))
	return nil
}

// newFrameStats returns the batch of frame costs the page reported since
// the last call (empty if none), marking it seen.
var newFrameStats = chromedp.Evaluate[[]float64](`(() => {
	const a = window.curvlab.frameStats;
	if (a.seen) return [];
	a.seen = true;
	return Array.from(a);
})()`)

type memStats struct {
	HeapAlloc float64 `json:"heapAlloc"`
	HeapSys   float64 `json:"heapSys"`
	Mallocs   float64 `json:"mallocs"`
	Frees     float64 `json:"frees"`
	NumGC     float64 `json:"numGC"`
}

// heapOverTime samples window.curvlab.memStats() every interval for d.
func heapOverTime(ctx context.Context, d, every time.Duration) error {
	fmt.Printf("\n== Go heap over %v, sampled every %v, the page idle with the 4 panels on screen\n", d, every)
	fmt.Printf("  %6s %12s %12s %12s %12s %6s\n", "t (s)", "heapAlloc", "heapSys", "mallocs", "frees", "numGC")
	var samples []memStats
	var at []time.Duration
	start := time.Now()
	for {
		m, err := chromedp.Run(ctx, chromedp.Evaluate[memStats]("window.curvlab.memStats()"))
		if err != nil {
			return err
		}
		t := time.Since(start)
		samples, at = append(samples, m), append(at, t)
		fmt.Printf("  %6.0f %12.0f %12.0f %12.0f %12.0f %6.0f\n", t.Seconds(), m.HeapAlloc, m.HeapSys, m.Mallocs, m.Frees, m.NumGC)
		if t >= d {
			break
		}
		time.Sleep(every - time.Since(start)%every)
	}
	first, last := samples[0], samples[len(samples)-1]
	secs := (at[len(at)-1] - at[0]).Seconds()
	peak := first.HeapAlloc
	for _, s := range samples {
		peak = max(peak, s.HeapAlloc)
	}
	fmt.Printf("heapAlloc: start %s, end %s, peak %s; heapSys start %s, end %s\n",
		mib(first.HeapAlloc), mib(last.HeapAlloc), mib(peak), mib(first.HeapSys), mib(last.HeapSys))
	fmt.Printf("over %.0f s: %.1f mallocs and %.1f frees per second, %.0f GCs\n",
		secs, (last.Mallocs-first.Mallocs)/secs, (last.Frees-first.Frees)/secs, last.NumGC-first.NumGC)
	live, err := chromedp.Run(ctx, chromedp.Evaluate[memStats]("window.curvlab.memStats(true)"))
	if err != nil {
		return err
	}
	fmt.Printf("live heap at the end (heapAlloc after a collection): %s\n", mib(live.HeapAlloc))
	return nil
}

func mib(b float64) string { return fmt.Sprintf("%.2f MiB", b/(1<<20)) }

// quantile returns the q-quantile of sorted values (nearest rank).
func quantile(sorted []float64, q float64) float64 {
	i := int(q*float64(len(sorted))+0.5) - 1
	return sorted[max(0, min(len(sorted)-1, i))]
}

func median(v []float64) float64 {
	s := slices.Clone(v)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// edgeOfStability times the edge-of-stability preset to its end: curvsim
// as js/wasm under node (the same wasm compiler, no page), then the page
// after G, sampling the Go-side frame costs while it plays.
func edgeOfStability(browser context.Context, url string) error {
	fmt.Println("\n== edge-of-stability preset to its end (2 × 3000 iterations, sharpness at each)")
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return err
	}
	wasmDir := filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm")
	tmp, err := os.MkdirTemp("", "webbench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	bin := filepath.Join(tmp, "curvsim.wasm")
	build := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", bin, "./cmd/curvsim")
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := build.CombinedOutput(); err != nil {
		return fmt.Errorf("building curvsim for js/wasm: %v\n%s", err, out)
	}
	t0 := time.Now()
	node := exec.Command("node", filepath.Join(wasmDir, "wasm_exec_node.js"), bin, "run", "--preset", "edge-of-stability")
	if out, err := node.Output(); err != nil {
		return fmt.Errorf("curvsim under node: %v", err)
	} else if len(out) == 0 {
		return fmt.Errorf("curvsim under node wrote nothing")
	}
	nodeTime := time.Since(t0)
	fmt.Printf("  curvsim run --preset edge-of-stability, js/wasm under node %s: %.2f s\n", runtime.Version(), nodeTime.Seconds())

	_, sc, err := scenario.LookupLesson("edge-of-stability")
	if err != nil {
		return err
	}
	ctx, cancel := chromedp.NewContext(browser)
	defer cancel()
	if err := chromedp.Do(ctx,
		chromedp.EmulateViewport(1600, 900),
		chromedp.Navigate(url+"#"+sc.Encode()),
		chromium.Wait(chromium.Ready, 2*time.Minute),
		chromium.FocusCanvas(),
	); err != nil {
		return err
	}
	engine, err := chromedp.Run(ctx, chromedp.Evaluate[string]("window.curvlab.engine"))
	if err != nil {
		return err
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(window.__costs = [], window.curvlab.frameStats.seen = true)`)); err != nil {
		return err
	}
	t0 = time.Now()
	if err := chromedp.Do(ctx, chromium.PressKey('g')); err != nil {
		return err
	}
	var costs []float64
	for {
		done, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`[0, 1].every(k => window.curvlab.iterates(k).length === 3001)`))
		if err != nil {
			return err
		}
		batch, err := chromedp.Run(ctx, newFrameStats)
		if err != nil {
			return err
		}
		costs = append(costs, batch...)
		if done {
			break
		}
		if time.Since(t0) > 10*time.Minute {
			return fmt.Errorf("the preset did not end in 10 minutes")
		}
		time.Sleep(100 * time.Millisecond)
	}
	pageTime := time.Since(t0)
	fmt.Printf("  the page (engine: %s), G to the end: %.2f s, %.2f× node's time\n", engine, pageTime.Seconds(), pageTime.Seconds()/nodeTime.Seconds())
	if len(costs) > 0 {
		slices.Sort(costs)
		fmt.Printf("  Go-side frames meanwhile: %d, p50 %.2f ms, p95 %.2f ms, max %.2f ms (budget p95 ≤ 4 ms)\n",
			len(costs), quantile(costs, 0.5), quantile(costs, 0.95), costs[len(costs)-1])
	}
	return nil
}
