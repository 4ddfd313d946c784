//go:build js && wasm

// Command bareapp is the smallest Ebitengine app that draws: it fills the
// screen with one colour. The browser benchmark (./build.sh bench-web) times
// curvlab's first frame against this one's, served with the same page shell
// and built with the same flags. Like curvlab it hides the loading message
// and sets data-curvlab-ready="1" on <html> after its first frame.
package main

import (
	"image/color"
	"syscall/js"

	"github.com/hajimehoshi/ebiten/v2"
)

type bare struct{ drawn bool }

func (b *bare) Update() error { return nil }

func (b *bare) Draw(screen *ebiten.Image) {
	screen.Fill(color.RGBA{0x15, 0x17, 0x1c, 0xff})
	if !b.drawn {
		b.drawn = true
		doc := js.Global().Get("document")
		if status := doc.Call("getElementById", "status"); status.Truthy() {
			status.Get("style").Set("display", "none")
		}
		doc.Get("documentElement").Call("setAttribute", "data-curvlab-ready", "1")
	}
}

func (b *bare) Layout(w, h int) (int, int) { return w, h }

func main() {
	js.Global().Set("__goMainAt", js.Global().Get("performance").Call("now"))
	if err := ebiten.RunGame(&bare{}); err != nil {
		panic(err)
	}
}
