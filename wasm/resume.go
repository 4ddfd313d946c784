//go:build js && wasm

package main

import (
	"strconv"
	"strings"
	"syscall/js"

	"curvlab/app"
	"curvlab/sim/scenario"
)

// Ebitengine reloads the page when WebGL loses its context (a driver
// reset, a tab put to sleep on a phone). The scenario comes back from the
// URL fragment; resume brings back how far the runs had come and whether
// they were playing, kept in the tab's sessionStorage as the page goes away
// ("pagehide"), for the same scenario only.

const resumeKey = "curvlab-resume"

// resume restores the clock saved for the scenario of fragment, if any,
// and saves the clock whenever the page goes away.
func resume(g *app.Game, fragment string) {
	store := js.Global().Get("sessionStorage")
	if !store.Truthy() {
		return
	}
	text := canonical(fragment)
	if saved := store.Call("getItem", resumeKey); saved.Type() == js.TypeString {
		store.Call("removeItem", resumeKey)
		if scen, rows, playing, ok := parseResume(saved.String()); ok && scen == text {
			g.Resume(rows, playing)
		}
	}
	js.Global().Call("addEventListener", "pagehide", js.FuncOf(func(js.Value, []js.Value) any {
		rows, playing := g.Clock()
		store.Call("setItem", resumeKey, formatResume(canonical(js.Global().Get("location").Get("hash").String()), rows, playing))
		return nil
	}))
}

// canonical is the text form of a fragment's scenario ("" if it does not
// decode), so that a saved clock matches however the link was written.
func canonical(fragment string) string {
	sc, err := scenario.Decode(strings.TrimPrefix(fragment, "#"))
	if err != nil {
		return ""
	}
	return sc.Encode()
}

// The saved form: rows, a space, 1 or 0 for playing, a space, the scenario.
func formatResume(scen string, rows int, playing bool) string {
	p := "0"
	if playing {
		p = "1"
	}
	return strconv.Itoa(rows) + " " + p + " " + scen
}

func parseResume(s string) (scen string, rows int, playing, ok bool) {
	r, rest, ok1 := strings.Cut(s, " ")
	p, scen, ok2 := strings.Cut(rest, " ")
	rows, err := strconv.Atoi(r)
	if !ok1 || !ok2 || err != nil || rows < 1 || (p != "0" && p != "1") {
		return "", 0, false, false
	}
	return scen, rows, p == "1", true
}
