// Command curvlab is the desktop app: the same app as in the browser, in a
// resizable window.
//
//	curvlab [--scenario TEXT] [--screenshot FILE --frames N]
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/pprof"

	"curvlab/app"
)

// desktopHost implements app.Host for a desktop window.
type desktopHost struct{ scenario string }

func (h *desktopHost) ScenarioChanged(text string) { h.scenario = text }
func (h *desktopHost) NoticeChanged(text string) {
	if text != "" {
		fmt.Fprintln(os.Stderr, "curvlab:", text)
	}
}
func (h *desktopHost) FirstFrame() {}
func (h *desktopHost) CopyLink(text string) string {
	fmt.Println("#" + text)
	return "Scenario printed to the terminal; open it with --scenario."
}
func (h *desktopHost) FrameStats([]float64) {}

func main() {
	fs := flag.NewFlagSet("curvlab", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	scenario := fs.String("scenario", "", "scenario text (the part of a curvlab link after #)")
	shot := fs.String("screenshot", "", "save a PNG of the window after --frames frames, then exit")
	frames := fs.Int("frames", 30, "frames to draw before --screenshot")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile to this file")
	if err := fs.Parse(os.Args[1:]); err != nil {
		fmt.Fprintf(os.Stderr, "curvlab: %v (usage: curvlab [--scenario TEXT] [--screenshot FILE --frames N])\n", err)
		os.Exit(2)
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err == nil {
			pprof.StartCPUProfile(f)
			defer pprof.StopCPUProfile()
		}
	}
	h := &desktopHost{}
	g := app.New(*scenario, h)
	var err error
	if *shot != "" {
		err = app.RunGame(&screenshotGame{Game: g, path: *shot, frames: *frames})
	} else {
		err = app.RunGame(g)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "curvlab:", err)
		pprof.StopCPUProfile()
		os.Exit(1)
	}
}
