// Command webprof profiles a built web app in headless Chromium from
// navigation to its first frame (or for a while after it) with V8's
// sampling profiler, and prints the functions with the most time, self and
// inclusive. Build the app without -s -w so that the wasm module keeps its
// name section (function names):
//
//	GOOS=js GOARCH=wasm go build -trimpath -o /tmp/prof/main.wasm ./wasm
//	cp dist/index.html dist/wasm_exec.js /tmp/prof/
//	go run ./internal/webprof -dir /tmp/prof
//
// -after 5s profiles 5 seconds of frames after the first one instead;
// -keys g presses keys first (as the benchmark does: G runs to the end).
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/chromedp"

	"curvlab/internal/chromium"
	"curvlab/internal/static"
)

var folded string

func main() {
	dir := flag.String("dir", "dist", "the built web app")
	fragment := flag.String("fragment", "", "the URL fragment (scenario) to open")
	after := flag.Duration("after", 0, "profile this long after the first frame instead of the load")
	keys := flag.String("keys", "", "keys to press after the first frame (with -after)")
	wait := flag.String("wait", "", "a JavaScript predicate to wait for after the keys")
	interval := flag.Int64("interval", 200, "sampling interval, µs")
	top := flag.Int("top", 40, "functions to list")
	flag.StringVar(&folded, "folded", "", "also write the stacks, folded (root;...;leaf µs), to this file")
	flag.Parse()
	if err := run(*dir, *fragment, *after, *keys, *wait, *interval, *top); err != nil {
		fmt.Fprintln(os.Stderr, "webprof:", err)
		os.Exit(1)
	}
}

func run(dir, fragment string, after time.Duration, keys, wait string, interval int64, top int) error {
	base, stopServer, err := static.Serve(static.Handler(dir))
	if err != nil {
		return err
	}
	defer stopServer()
	base += "/"
	ctx, stop, err := chromium.Start()
	if err != nil {
		return err
	}
	defer stop()

	startProfile := chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		if _, err := cdp.Call(ctx, t, profiler.Enable, cdp.Empty{}); err != nil {
			return err
		}
		if _, err := cdp.Call(ctx, t, profiler.SetSamplingInterval, profiler.SetSamplingIntervalParams{Interval: interval}); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, t, profiler.Start, cdp.Empty{})
		return err
	})
	var prof *profiler.Profile
	stopProfile := chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		r, err := cdp.Call(ctx, t, profiler.Stop, cdp.Empty{})
		prof = r.Profile
		return err
	})
	// A page of the same origin first, so that the profiled navigation
	// stays in the renderer the profiler runs in.
	acts := []chromedp.Action[chromedp.Void]{
		chromedp.EmulateViewport(1600, 900),
		chromedp.Navigate(base + "wasm_exec.js"),
	}
	if after == 0 {
		acts = append(acts, startProfile)
	}
	acts = append(acts,
		chromedp.Navigate(base+"#"+fragment),
		chromium.Wait(chromium.Ready, 2*time.Minute),
	)
	if after > 0 {
		if keys != "" {
			acts = append(acts, chromium.FocusCanvas())
			for _, k := range keys {
				acts = append(acts, chromium.PressKey(k))
			}
		}
		if wait != "" {
			acts = append(acts, chromium.Wait(wait, 2*time.Minute))
		}
		acts = append(acts, startProfile, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := chromedp.Evaluate[bool](`(() => {
				window.__frames = 0;
				const f = () => { window.__frames++; requestAnimationFrame(f); };
				requestAnimationFrame(f);
				return true;
			})()`)(ctx, t)
			if err != nil {
				return err
			}
			select {
			case <-time.After(after):
			case <-ctx.Done():
				return ctx.Err()
			}
			n, err := chromedp.Evaluate[float64]("window.__frames")(ctx, t)
			fmt.Printf("%.0f animation frames in %v (%.1f per second)\n", n, after, n/after.Seconds())
			return err
		}))
	}
	acts = append(acts, stopProfile)
	if err := chromedp.Do(ctx, acts...); err != nil {
		return err
	}
	t, err := chromedp.Run(ctx, chromedp.Evaluate[[2]float64]("[window.__goMainAt || 0, performance.now()]"))
	if err == nil {
		fmt.Printf("Go main at %.0f ms; now %.0f ms\n", t[0], t[1])
	}
	report(prof, top, after > 0)
	return nil
}

// report prints the functions with the most self and inclusive time.
func report(p *profiler.Profile, top int, all bool) {
	parent := map[int64]int64{}
	byID := map[int64]*profiler.ProfileNode{}
	for _, n := range p.Nodes {
		byID[n.ID] = n
		for _, c := range n.Children {
			parent[c] = n.ID
		}
	}
	name := func(n *profiler.ProfileNode) string {
		f := n.CallFrame.FunctionName
		if f == "" {
			f = "(anonymous)"
		}
		if u := n.CallFrame.URL; u != "" && !strings.HasSuffix(u, ".wasm") && !strings.HasPrefix(f, "(") {
			f += " [" + u[strings.LastIndex(u, "/")+1:] + "]"
		}
		return f
	}
	self, incl, stacks := map[string]float64{}, map[string]float64{}, map[string]float64{}
	total := 0.0
	// Only the samples from Go's start on (the first one inside the wasm
	// module's run export): the module's download and compilation are the
	// bare app's too. After the first frame, all of them.
	started := all
	for i, id := range p.Samples {
		dt := 0.0
		if i+1 < len(p.TimeDeltas) {
			dt = float64(p.TimeDeltas[i+1]) / 1000
		}
		if !started {
			for cur, ok := id, true; ok && !started; cur, ok = parent[cur] {
				started = byID[cur].CallFrame.FunctionName == "wasm_export_run"
			}
			if !started {
				continue
			}
		}
		total += dt
		if folded != "" {
			stack := []string{fmt.Sprintf("@%06.0f", total-dt)}
			for cur, ok := id, true; ok; cur, ok = parent[cur] {
				stack = append(stack, name(byID[cur]))
			}
			slices.Reverse(stack[1:])
			stacks[strings.Join(stack, ";")] += dt
		}
		n := byID[id]
		self[name(n)] += dt
		seen := map[string]bool{}
		for cur, ok := id, true; ok; cur, ok = parent[cur] {
			s := name(byID[cur])
			if !seen[s] {
				seen[s] = true
				incl[s] += dt
			}
		}
	}
	if folded != "" {
		var b strings.Builder
		for k, v := range stacks {
			fmt.Fprintf(&b, "%s %.0f\n", k, v*1000)
		}
		if err := os.WriteFile(folded, []byte(b.String()), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "webprof:", err)
		}
	}
	fmt.Printf("profile: %.0f ms sampled\n", total)
	list := func(title string, m map[string]float64) {
		type kv struct {
			k string
			v float64
		}
		var all []kv
		for k, v := range m {
			all = append(all, kv{k, v})
		}
		sort.Slice(all, func(i, j int) bool { return all[i].v > all[j].v })
		fmt.Printf("\n== %s\n", title)
		for i := 0; i < top && i < len(all); i++ {
			fmt.Printf("%9.1f ms %5.1f%%  %s\n", all[i].v, 100*all[i].v/total, all[i].k)
		}
	}
	list("self", self)
	list("inclusive", incl)
}
