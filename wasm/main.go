//go:build js && wasm

// Command wasm is curvlab's browser entry: it connects the app to the page.
// The URL fragment holds the scenario; window.curvlab exposes the state for
// automated checks (see README, "Browser hooks").
package main

import (
	"runtime"
	"runtime/debug"
	"sync"
	"syscall/js"
	"time"

	"curvlab/app"
	"curvlab/engine"
	"curvlab/lang"
)

// pageHost implements app.Host on the browser page, app.TextEditor with
// its <input>, and app.FilePicker and app.FileSaver with its files.
type pageHost struct {
	api, doc, history, location js.Value
	textField
	files

	address string // the scenario's text, for the address bar
	shown   bool   // the address bar shows address (from just after the first frame on)
}

// languageKey is where the page keeps the language the user chose.
const languageKey = "curvlab.lang"

// storedLanguage is the language the user chose on an earlier visit, kept
// in the browser's local storage. Storage may be refused (a sandboxed
// frame, some private windows): that reads as none.
func storedLanguage() (l lang.Lang, ok bool) {
	defer func() {
		if recover() != nil { // a SecurityError thrown by the browser
			l, ok = lang.English, false
		}
	}()
	s := js.Global().Get("localStorage").Call("getItem", languageKey)
	if s.Type() != js.TypeString {
		return lang.English, false
	}
	return lang.Parse(s.String())
}

// KeepLanguage keeps the user's choice of language in local storage for
// the next visit; where storage is refused the choice lasts this visit.
func (h *pageHost) KeepLanguage(l lang.Lang) {
	defer func() { recover() }() // a SecurityError thrown by the browser
	js.Global().Get("localStorage").Call("setItem", languageKey, l.String())
}

func (h *pageHost) ScenarioChanged(text string) {
	h.api.Set("scenario", text)
	if l := lang.Current().String(); h.api.Get("lang").String() != l {
		h.api.Set("lang", l)
		tag := "en"
		if lang.Current() == lang.Chinese {
			tag = "zh-Hans"
		}
		h.doc.Get("documentElement").Call("setAttribute", "lang", tag)
	}
	h.address = text
	if h.shown {
		h.showAddress()
	}
}

// showAddress puts the scenario in the address bar: replaceState, not
// location.hash, so no history entry per change and no hashchange event
// back to us. A relative URL keeps any sub-path.
func (h *pageHost) showAddress() {
	h.history.Call("replaceState", js.Null(), "", "#"+h.address)
}

// NewHistoryEntry implements app.Historian: pushState, so that Back (a
// hashchange) returns to the entry before.
func (h *pageHost) NewHistoryEntry(text string) {
	h.history.Call("pushState", js.Null(), "", "#"+text)
}

func (h *pageHost) NoticeChanged(text string) { h.api.Set("notice", text) }

// Announce implements app.Announcer: the page's live region (#curvlab-live,
// aria-live polite, visually hidden) takes the text, which a screen reader
// then says.
func (h *pageHost) Announce(text string) {
	if live := h.doc.Call("getElementById", "curvlab-live"); live.Truthy() {
		live.Set("textContent", text)
	}
}

func (h *pageHost) FirstFrame() {
	// Collect again a second after the first frame: collecting now, when
	// Go returns to the page, would delay the frame by about 30 ms.
	time.AfterFunc(time.Second, collectAgain)
	if status := h.doc.Call("getElementById", "status"); status.Truthy() {
		status.Get("style").Set("display", "none")
	}
	h.api.Set("ready", true)
	h.doc.Get("documentElement").Call("setAttribute", "data-curvlab-ready", "1")
	// The address bar is updated once the frame is on screen: replaceState
	// costs the first frame up to 10 ms.
	var later js.Func
	later = js.FuncOf(func(js.Value, []js.Value) any {
		later.Release()
		h.shown = true
		h.showAddress()
		return nil
	})
	js.Global().Call("setTimeout", later, 0)
}

func (h *pageHost) CopyLink(text string) string {
	href := h.location.Get("href").String()
	if !js.Global().Get("navigator").Get("clipboard").Truthy() {
		return lang.T("Copy the address bar to share this scenario.")
	}
	return h.CopyText(href, lang.T("Link copied."))
}

// Engine computes the runs in a Web Worker, or in the page where a worker
// cannot start.
func (h *pageHost) Engine() (engine.Transport, string) {
	t, why := startWorker()
	if t == nil {
		return nil, why
	}
	return t, ""
}

func (h *pageHost) FrameStats(ms []float64) {
	arr := js.Global().Get("Array").New(len(ms))
	for i, v := range ms {
		arr.SetIndex(i, v)
	}
	h.api.Set("frameStats", arr)
}

var collecting sync.Once

// collectAgain sets the garbage collector back to its default.
func collectAgain() { collecting.Do(func() { debug.SetGCPercent(100) }) }

func main() {
	// No garbage collection until the first frame is up: it allocates the
	// app's buffers, which all stay, so a collection would free little and
	// make the page wait. pageHost.FirstFrame turns it on again; so does a
	// timer, should there never be a first frame.
	debug.SetGCPercent(-1)
	time.AfterFunc(10*time.Second, collectAgain)
	global := js.Global()
	// When Go's main began, for the benchmark that splits the time to the
	// first frame into loading the module and starting the app.
	global.Set("__goMainAt", global.Get("performance").Call("now"))
	h := &pageHost{
		api:      global.Get("Object").New(),
		doc:      global.Get("document"),
		history:  global.Get("history"),
		location: global.Get("location"),
	}
	h.api.Set("ready", false)
	h.api.Set("scenario", "")
	h.api.Set("notice", "")
	h.api.Set("frameStats", global.Get("Array").New())
	global.Set("curvlab", h.api)
	// The language the user chose on an earlier visit, else the
	// browser's, unless the link names one (lang=zh).
	if l, ok := storedLanguage(); ok {
		lang.Use(l)
	} else if l, ok := lang.Parse(global.Get("navigator").Get("language").String()); ok {
		lang.Use(l)
	}
	h.api.Set("lang", "")

	h.textField.doc = h.doc
	g := app.New(h.location.Get("hash").String(), h)
	h.textField.g = g
	h.files.doc, h.files.g = h.doc, g
	h.files.listenForPaste()
	// iterates(k) returns panel k's iterates as [[x1, x2, f], ...] on a
	// surface, [[loss], ...] on a network (its weights are too many); a
	// value that is not finite comes back as null, never as a number.
	h.api.Set("iterates", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) < 1 || args[0].Type() != js.TypeNumber {
			return js.Null()
		}
		return jsRows(g.IterateRows(args[0].Int()))
	}))
	// sweep(k) returns what came of panel k's sweep (the Sweep view) as
	// [[value, final f, iterations, diverged 0/1], ...], curvsim sweep's
	// columns; a value that is not finite comes back as null.
	h.api.Set("sweep", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) < 1 || args[0].Type() != js.TypeNumber {
			return js.Null()
		}
		return jsRows(g.SweepRows(args[0].Int()))
	}))
	// memStats() reports the Go heap, for the benchmark that checks it
	// stays flat: {heapAlloc, heapSys, mallocs, frees, numGC}. heapAlloc
	// counts garbage not yet collected; memStats(true) collects it first,
	// so that heapAlloc is the live heap.
	var ms runtime.MemStats
	h.api.Set("memStats", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) > 0 && args[0].Truthy() {
			runtime.GC()
		}
		runtime.ReadMemStats(&ms)
		o := global.Get("Object").New()
		o.Set("heapAlloc", float64(ms.HeapAlloc))
		o.Set("heapSys", float64(ms.HeapSys))
		o.Set("mallocs", float64(ms.Mallocs))
		o.Set("frees", float64(ms.Frees))
		o.Set("numGC", float64(ms.NumGC))
		return o
	}))
	h.api.Set("panels", js.FuncOf(func(js.Value, []js.Value) any { return g.Panels() }))
	// engine says where the runs are computed: "worker", or "page" where no
	// worker could start or the worker failed (a getter: it changes when
	// the app falls back).
	getter := global.Get("Object").New()
	getter.Set("get", js.FuncOf(func(js.Value, []js.Value) any { return g.Engine() }))
	global.Get("Object").Call("defineProperty", h.api, "engine", getter)
	// playing says whether the runs are playing.
	getter = global.Get("Object").New()
	getter.Set("get", js.FuncOf(func(js.Value, []js.Value) any { _, p := g.Clock(); return p }))
	global.Get("Object").Call("defineProperty", h.api, "playing", getter)
	// computing says whether the picture is still being completed (a
	// sharp surface, decision maps, spectra, the loss slice) though the
	// runs stand still: a page can wait for it to turn false.
	getter = global.Get("Object").New()
	getter.Set("get", js.FuncOf(func(js.Value, []js.Value) any { return g.Computing() }))
	global.Get("Object").Call("defineProperty", h.api, "computing", getter)
	// controls() lists the buttons and sliders on screen, in CSS pixels:
	// [{kind, action, arg, label, on, x, y, w, h, popup, focus}, ...]; popup()
	// names the open popup ("" when none).
	h.api.Set("controls", js.FuncOf(func(js.Value, []js.Value) any {
		cs := g.Controls()
		out := global.Get("Array").New(len(cs))
		for i, c := range cs {
			o := global.Get("Object").New()
			o.Set("kind", c.Kind)
			o.Set("action", c.Action)
			o.Set("arg", c.Arg)
			o.Set("label", c.Label)
			o.Set("on", c.On)
			o.Set("x", c.X)
			o.Set("y", c.Y)
			o.Set("w", c.W)
			o.Set("h", c.H)
			o.Set("popup", c.Popup)
			o.Set("focus", c.Focus)
			out.SetIndex(i, o)
		}
		return out
	}))
	h.api.Set("popup", js.FuncOf(func(js.Value, []js.Value) any { return g.Popup() }))
	// dataPlanes() lists where the scene's data are drawn (a network's
	// panels, a line fit's points), in CSS pixels, with the window of the
	// plane each shows: [{x, y, w, h, xmin, xmax, ymin, ymax}, ...].
	h.api.Set("dataPlanes", js.FuncOf(func(js.Value, []js.Value) any {
		ps := g.DataPlanes()
		out := global.Get("Array").New(len(ps))
		for i, p := range ps {
			o := global.Get("Object").New()
			for _, f := range []struct {
				key string
				v   float64
			}{{"x", p.X}, {"y", p.Y}, {"w", p.W}, {"h", p.H}, {"xmin", p.XMin}, {"xmax", p.XMax}, {"ymin", p.YMin}, {"ymax", p.YMax}} {
				o.Set(f.key, f.v)
			}
			out.SetIndex(i, o)
		}
		return out
	}))
	global.Call("addEventListener", "hashchange", js.FuncOf(func(js.Value, []js.Value) any {
		g.Open(h.location.Get("hash").String())
		return nil
	}))
	resume(g, h.location.Get("hash").String())
	if err := app.RunGame(g); err != nil {
		h.api.Set("notice", "curvlab stopped: "+err.Error())
	}
}

// jsRows is rows as a JavaScript array of arrays of numbers, a value that
// is not finite as null.
func jsRows(rows [][]float64) js.Value {
	global := js.Global()
	out := global.Get("Array").New(len(rows))
	for i, r := range rows {
		row := global.Get("Array").New(len(r))
		for j, v := range r {
			if v != v || v > 1.7976931348623157e308 || v < -1.7976931348623157e308 {
				row.SetIndex(j, js.Null())
			} else {
				row.SetIndex(j, v)
			}
		}
		out.SetIndex(i, row)
	}
	return out
}
