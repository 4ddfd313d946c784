//go:build js && wasm

// Command worker is curvlab's engine in a Web Worker (dist/engine.wasm,
// started by engine.js): it runs an engine.Core on the requests the page
// posts and posts the replies back as transferred buffers. It does not
// import ebiten, so it is small and starts fast.
package main

import (
	"fmt"
	"sync"
	"syscall/js"
	"time"

	"curvlab/engine"
)

// workSlice is how long the core computes before it posts its rows and lets
// the worker take new requests (a new scenario replaces a stale one within
// a slice).
const workSlice = 15 * time.Millisecond

func main() {
	self := js.Global()
	u8 := self.Get("Uint8Array")
	var (
		mu    sync.Mutex
		queue [][]byte
	)
	wake := make(chan struct{}, 1)
	signal := func() {
		select {
		case wake <- struct{}{}:
		default:
		}
	}
	self.Set("curvlabEngineHandle", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) < 1 || !args[0].InstanceOf(u8) {
			return nil
		}
		b := make([]byte, args[0].Get("length").Int())
		js.CopyBytesToGo(b, args[0])
		mu.Lock()
		queue = append(queue, b)
		mu.Unlock()
		signal()
		return nil
	}))
	yielded := make(chan struct{}, 1)
	resume := js.FuncOf(func(js.Value, []js.Value) any {
		yielded <- struct{}{}
		return nil
	})
	post := func(msg []byte) {
		a := u8.New(len(msg))
		js.CopyBytesToJS(a, msg)
		self.Call("postMessage", a, []any{a.Get("buffer")})
	}
	defer func() {
		if r := recover(); r != nil {
			self.Call("postMessage", fmt.Sprintf("failed: the engine failed (%v)", r))
		}
	}()
	self.Call("curvlabEngineReady")
	var core engine.Core
	for {
		mu.Lock()
		in := queue
		queue = nil
		mu.Unlock()
		for _, m := range in {
			core.Handle(m)
		}
		if core.Busy() {
			core.Work(time.Now().Add(workSlice))
		}
		for _, m := range core.Take() {
			post(m)
		}
		if core.Busy() {
			// Let the worker deliver the requests that came meanwhile.
			self.Call("curvlabYield", resume)
			<-yielded
			continue
		}
		<-wake
	}
}
