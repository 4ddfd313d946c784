//go:build js && wasm

package main

import (
	"strconv"
	"syscall/js"

	"curvlab/app"
	"curvlab/render/geom"
)

// textField is the page's <input> that the app's text field (a surface's
// formula) becomes while the user types: a real field, so that paste, an
// input method and a phone's keyboard work. It lies over the canvas where
// the app draws its field; what is typed goes to the app (Game.Typed).
type textField struct {
	doc js.Value
	in  js.Value // the <input>, made on first use
	g   *app.Game
}

// fieldStyle is the input's look, the app's field's: its button colour,
// its ink, a monospaced font.
const fieldStyle = "position:absolute;box-sizing:border-box;margin:0;padding:0 8px;border:2px solid #eceef2;" +
	"border-radius:0;outline:none;background:#3e4454;color:#eceef2;font-family:ui-monospace,'DejaVu Sans Mono',monospace;"

func (t *textField) input() js.Value {
	if !t.in.IsUndefined() {
		return t.in
	}
	in := t.doc.Call("createElement", "input")
	in.Set("id", "curvlab-field")
	in.Set("type", "text")
	for k, v := range map[string]string{"autocomplete": "off", "autocapitalize": "off", "autocorrect": "off",
		"spellcheck": "false", "enterkeyhint": "done", "aria-label": "f(x, y) ="} {
		in.Call("setAttribute", k, v)
	}
	in.Get("style").Set("cssText", fieldStyle+"display:none")
	in.Call("addEventListener", "input", js.FuncOf(func(js.Value, []js.Value) any {
		t.g.Typed(in.Get("value").String(), app.TextGoesOn)
		return nil
	}))
	in.Call("addEventListener", "keydown", js.FuncOf(func(_ js.Value, args []js.Value) any {
		e := args[0]
		switch e.Get("key").String() {
		case "Enter":
			e.Call("preventDefault")
			t.g.Typed(in.Get("value").String(), app.TextEntered)
		case "Escape":
			e.Call("preventDefault")
			t.g.Typed(in.Get("value").String(), app.TextLeft)
		}
		e.Call("stopPropagation")
		return nil
	}))
	in.Call("addEventListener", "blur", js.FuncOf(func(js.Value, []js.Value) any {
		if in.Get("style").Get("display").String() != "none" {
			t.g.Typed(in.Get("value").String(), app.TextLeft)
		}
		return nil
	}))
	t.doc.Get("body").Call("appendChild", in)
	t.in = in
	return in
}

// EditText implements app.TextEditor.
func (t *textField) EditText(r geom.Rect, text, problem string, font float64) {
	in := t.input()
	st := in.Get("style")
	if r.W <= 0 || r.H <= 0 {
		st.Set("display", "none")
		if t.doc.Get("activeElement").Equal(in) {
			in.Call("blur")
		}
		return
	}
	px := func(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) + "px" }
	st.Set("cssText", fieldStyle+"left:"+px(r.X)+";top:"+px(r.Y)+";width:"+px(r.W)+";height:"+px(r.H)+";font-size:"+px(font))
	if in.Get("value").String() != text {
		in.Set("value", text)
	}
	if problem != "" {
		in.Call("setAttribute", "aria-invalid", "true")
		in.Set("title", problem)
	} else {
		in.Call("removeAttribute", "aria-invalid")
		in.Set("title", "")
	}
	if !t.doc.Get("activeElement").Equal(in) {
		in.Call("focus")
	}
}
