//go:build js && wasm

package main

import (
	"curvlab/lang"
	"strings"
	"syscall/js"
)

// PageURL implements app.Embedder: the page's address without its
// fragment (any sub-path and query kept).
func (h *pageHost) PageURL() string {
	href := h.location.Get("href").String()
	if i := strings.IndexByte(href, '#'); i >= 0 {
		href = href[:i]
	}
	return href
}

// CopyText implements app.Embedder: the clipboard takes text. Where the
// browser refuses (an <iframe> on another origin without
// allow="clipboard-write", an old browser), a hidden text area and
// execCommand("copy") try again, and if that fails too the status line
// says so, in plain words: never an error.
func (h *pageHost) CopyText(text, done string) string {
	clip := js.Global().Get("navigator").Get("clipboard")
	if !clip.Truthy() || !clip.Get("writeText").Truthy() {
		if h.copyByHand(text) {
			return done
		}
		return lang.T("This browser would not let curvlab copy here.")
	}
	var refused js.Func
	refused = js.FuncOf(func(js.Value, []js.Value) any {
		refused.Release()
		if !h.copyByHand(text) {
			h.textField.g.Notify(lang.T("The browser would not let curvlab copy here (in a frame it needs allow=\"clipboard-write\")."))
		}
		return nil
	})
	clip.Call("writeText", text).Call("catch", refused)
	return done
}

// copyByHand copies text through a hidden text area and
// execCommand("copy"), reporting whether the browser did.
func (h *pageHost) copyByHand(text string) (ok bool) {
	defer func() {
		if recover() != nil { // a browser without execCommand
			ok = false
		}
	}()
	ta := h.doc.Call("createElement", "textarea")
	ta.Set("value", text)
	ta.Call("setAttribute", "readonly", "")
	ta.Get("style").Set("cssText", "position:fixed;top:0;left:0;opacity:0")
	h.doc.Get("body").Call("appendChild", ta)
	ta.Call("select")
	ok = h.doc.Call("execCommand", "copy").Truthy()
	ta.Call("remove")
	return ok
}

// PassWheel implements app.WheelPasser: index.html's capturing listener
// lets wheel events by while <html> has data-curvlab-wheel="page".
func (h *pageHost) PassWheel(on bool) {
	root := h.doc.Get("documentElement")
	if on {
		root.Call("setAttribute", "data-curvlab-wheel", "page")
	} else {
		root.Call("removeAttribute", "data-curvlab-wheel")
	}
}
