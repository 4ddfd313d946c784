// Command curvlab is the desktop app: the same app as in the browser, in a
// resizable window.
//
//	curvlab [--scenario TEXT] [--screenshot FILE [--frames N]] [--gif FILE [--frames N] [--size WxH]] [--cpuprofile FILE]
//
// --screenshot saves the N-th frame drawn (30 by default) as a PNG and
// exits. --gif saves the runs' first N iterations (100 by default; at most
// 200 frames, more iterations sampled evenly) as an animated GIF of WxH
// pixels (the window's size by default), the scenario's link in its
// comment, and exits.
//
// A stray word or a malformed flag is one line on standard error and exit
// status 2, before any window opens; -h prints the usage.
package main

import (
	"curvlab/lang"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strconv"
	"strings"

	"curvlab/app"
	"curvlab/engine"
	"curvlab/render/anim"
	"curvlab/sim"
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

// PageURL implements app.Embedder: the desktop is served from nowhere, so
// an embed code's src is relative, for dist/ copied into a folder curvlab
// beside the course page.
func (h *desktopHost) PageURL() string { return "curvlab/" }

// CopyText implements app.Embedder by printing text.
func (h *desktopHost) CopyText(text, done string) string {
	fmt.Println(text)
	return "Embed code printed to the terminal (its src is curvlab/: put dist/ there)."
}

// SaveFile writes data into the working folder as name, or name-2, -3, …
// when name is taken: nothing the user has is overwritten.
func (h *desktopHost) SaveFile(name string, data []byte) string {
	ext := filepath.Ext(name)
	base := strings.TrimSuffix(name, ext)
	for i := 1; i < 1000; i++ {
		path := name
		if i > 1 {
			path = base + "-" + strconv.Itoa(i) + ext
		}
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			if u := errors.Unwrap(err); u != nil {
				err = u
			}
			return "Could not save " + path + ": " + err.Error() + "."
		}
		_, err = f.Write(data)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return "Could not save " + path + ": " + err.Error() + "."
		}
		if abs, err := filepath.Abs(path); err == nil {
			path = abs
		}
		return "Saved " + path + "."
	}
	return "Could not save " + name + ": too many files of that name here."
}

// Engine computes the runs on a goroutine of their own, beside the game
// loop's.
func (h *desktopHost) Engine() (engine.Transport, string) { return engine.NewGoroutine(), "" }

const usage = "usage: curvlab [--scenario TEXT] [--screenshot FILE [--frames N]] [--gif FILE [--frames N] [--size WxH]] [--cpuprofile FILE]"

// options are curvlab's flags.
type options struct {
	scenario, shot, cpuprofile string
	frames                     int
	gif                        string // --gif FILE
	w, h                       int    // --size; 0×0: the window's
}

// gifFrames is --frames's default with --gif: the iterations recorded.
const gifFrames = 100

// framesParam is --frames: read with the number grammar of links and
// curvsim's flags.
var framesParam = sim.Param{Key: "frames", Desc: "frames to draw before --screenshot", Default: 30, Min: 1, Max: 1e6, Int: true}

// parseArgs reads the command line (without the program name). Anything
// that is not a known flag with its value — a stray word included, and
// every flag after it — is an error, as in curvsim.
func parseArgs(args []string) (options, error) {
	fs := flag.NewFlagSet("curvlab", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var o options
	var frames string
	fs.StringVar(&o.scenario, "scenario", "", "")
	fs.StringVar(&o.shot, "screenshot", "", "")
	fs.StringVar(&frames, "frames", sim.FormatFloat(framesParam.Default), "")
	fs.StringVar(&o.cpuprofile, "cpuprofile", "", "")
	fs.StringVar(&o.gif, "gif", "", "")
	size := fs.String("size", "", "")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if fs.NArg() > 0 {
		return o, fmt.Errorf("unexpected argument %q: flags only", fs.Arg(0))
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if set["frames"] && o.shot == "" && o.gif == "" {
		return o, fmt.Errorf("--frames needs --screenshot or --gif")
	}
	if o.shot != "" && o.gif != "" {
		return o, fmt.Errorf("--screenshot and --gif cannot be asked for together")
	}
	if set["size"] && o.gif == "" {
		return o, fmt.Errorf("--size needs --gif")
	}
	if set["size"] {
		w, h, err := anim.ParseSize(*size)
		if err != nil {
			return o, fmt.Errorf("--size: %v", err)
		}
		o.w, o.h = w, h
	}
	n, err := framesParam.ParseFlag("frames", frames)
	if err != nil {
		return o, err
	}
	o.frames = int(n)
	if o.gif != "" && !set["frames"] {
		o.frames = gifFrames
	}
	return o, nil
}

func main() {
	o, err := parseArgs(os.Args[1:])
	if errors.Is(err, flag.ErrHelp) {
		fmt.Println(usage)
		return
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "curvlab: %v (%s)\n", err, usage)
		os.Exit(2)
	}
	if o.cpuprofile != "" {
		f, err := os.Create(o.cpuprofile)
		if err == nil {
			pprof.StartCPUProfile(f)
			defer pprof.StopCPUProfile()
		}
	}
	h := &desktopHost{}
	var host app.Host = h
	gh := &gifHost{desktopHost: h, path: o.gif}
	if o.gif != "" {
		host = gh
	}
	// The system's language (LANG=zh_CN.UTF-8), unless the scenario names one.
	if l, ok := lang.Parse(strings.SplitN(os.Getenv("LANG"), "_", 2)[0]); ok {
		lang.Use(l)
	}
	g := app.New(o.scenario, host)
	switch {
	case o.shot != "":
		err = app.RunGame(&screenshotGame{Game: g, path: o.shot, frames: o.frames})
	case o.gif != "":
		g.RecordGIF(o.frames, o.w, o.h, gh.finished)
		err = app.RunGame(&gifGame{Game: g, host: gh})
	default:
		err = app.RunGame(g)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "curvlab:", err)
		pprof.StopCPUProfile()
		os.Exit(1)
	}
}
