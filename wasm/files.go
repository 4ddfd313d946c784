//go:build js && wasm

package main

import (
	"path"
	"strings"
	"syscall/js"
	"time"

	"curvlab/app"
	"curvlab/sim/nn"
)

// files gives the app the page's ways with files: a file picker for CSV
// points (app.FilePicker), downloads for what it saves (app.FileSaver),
// and text pasted on the page (points, or a link to open).
type files struct {
	doc    js.Value
	g      *app.Game
	picker js.Value // the <input type=file>, made on first use
}

// PickFile opens the browser's file picker for a CSV file; its text goes
// to Game.Loaded (at most nn.MaxCSVBytes and a byte, which the parser
// refuses as too long).
func (f *files) PickFile() {
	if f.picker.IsUndefined() {
		in := f.doc.Call("createElement", "input")
		in.Set("id", "curvlab-file")
		in.Set("type", "file")
		in.Set("accept", ".csv,.txt,text/csv,text/plain")
		in.Get("style").Set("display", "none")
		in.Call("addEventListener", "change", js.FuncOf(func(js.Value, []js.Value) any {
			list := in.Get("files")
			if list.Get("length").Int() == 0 {
				return nil
			}
			file := list.Index(0)
			name := file.Get("name").String()
			file.Call("slice", 0, nn.MaxCSVBytes+1).Call("text").Call("then", js.FuncOf(func(_ js.Value, args []js.Value) any {
				in.Set("value", "") // the same file again is a change too
				f.g.Loaded(name, args[0].String())
				return nil
			}), js.FuncOf(func(js.Value, []js.Value) any {
				in.Set("value", "")
				f.g.Loaded(name, "")
				return nil
			}))
			return nil
		}))
		f.doc.Get("body").Call("appendChild", in)
		f.picker = in
	}
	f.picker.Call("click")
}

// SaveFile downloads data as the file name, typed by its extension.
func (f *files) SaveFile(name string, data []byte) string {
	g := js.Global()
	buf := g.Get("Uint8Array").New(len(data))
	js.CopyBytesToJS(buf, data)
	blob := g.Get("Blob").New(g.Get("Array").Call("of", buf), map[string]any{"type": mimeType(name)})
	url := g.Get("URL").Call("createObjectURL", blob)
	a := f.doc.Call("createElement", "a")
	a.Set("href", url)
	a.Set("download", name)
	f.doc.Get("body").Call("appendChild", a)
	a.Call("click")
	a.Call("remove")
	time.AfterFunc(time.Minute, func() { g.Get("URL").Call("revokeObjectURL", url) })
	return "Saved " + name + " to your downloads."
}

// listenForPaste takes text pasted on the page, outside the formula's
// field: a link (it holds "v1;") opens its scenario, anything else is
// taken for CSV points.
func (f *files) listenForPaste() {
	f.doc.Call("addEventListener", "paste", js.FuncOf(func(_ js.Value, args []js.Value) any {
		e := args[0]
		if t := e.Get("target"); t.Truthy() && t.Get("id").String() == "curvlab-field" {
			return nil
		}
		data := e.Get("clipboardData")
		if !data.Truthy() {
			return nil
		}
		text := data.Call("getData", "text/plain").String()
		if strings.TrimSpace(text) == "" {
			return nil
		}
		e.Call("preventDefault")
		if i := strings.Index(text, "v1;"); i >= 0 && !strings.Contains(strings.TrimSpace(text), "\n") {
			f.g.Open(strings.TrimSpace(text[i:]))
			return nil
		}
		f.g.Loaded("pasted text", text)
		return nil
	}))
}

// mimeType is the type of a file the app saves, by its extension.
func mimeType(name string) string {
	switch path.Ext(name) {
	case ".png":
		return "image/png"
	case ".json":
		return "application/json"
	}
	return "text/csv"
}
