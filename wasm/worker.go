//go:build js && wasm

package main

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"syscall/js"
	"time"

	"curvlab/engine"
)

// workerTransport carries the engine's messages to and from a Web Worker
// running engine.js (the core in dist/engine.wasm): requests and replies
// are Uint8Arrays whose buffers are transferred, not copied, and no
// SharedArrayBuffer is needed. A worker that throws, fails to load or
// exits turns into an error from Receive, after which the app computes in
// the page.
type workerTransport struct {
	worker, u8 js.Value
	funcs      []js.Func

	mu      sync.Mutex
	replies [][]byte
	got     int // replies received so far
	err     error
}

// startWorker starts the engine's worker, or says in one sentence why it
// cannot (a page opened from file://, a host whose policy forbids workers).
func startWorker() (t *workerTransport, why string) {
	g := js.Global()
	ctor := g.Get("Worker")
	if !ctor.Truthy() {
		return nil, "Computing in the page: this browser has no Web Workers."
	}
	defer func() {
		if r := recover(); r != nil {
			t, why = nil, fmt.Sprintf("Computing in the page: the worker could not start (%v).", jsErrorText(r))
		}
	}()
	w := ctor.New("engine.js")
	t = &workerTransport{worker: w, u8: g.Get("Uint8Array")}
	onMessage := js.FuncOf(func(_ js.Value, args []js.Value) any {
		data := args[0].Get("data")
		if data.InstanceOf(t.u8) {
			b := make([]byte, data.Get("length").Int())
			js.CopyBytesToGo(b, data)
			t.mu.Lock()
			t.replies = append(t.replies, b)
			t.got++
			t.mu.Unlock()
			return nil
		}
		t.fail(strings.TrimPrefix(data.String(), "failed: "))
		return nil
	})
	onError := js.FuncOf(func(_ js.Value, args []js.Value) any {
		msg := ""
		if m := args[0].Get("message"); m.Type() == js.TypeString && m.String() != "" {
			msg = m.String()
		}
		args[0].Call("preventDefault")
		t.fail(msg)
		return nil
	})
	t.funcs = []js.Func{onMessage, onError}
	w.Set("onmessage", onMessage)
	w.Set("onerror", onError)
	w.Set("onmessageerror", onError)
	return t, ""
}

// jsErrorText is the message of a recovered js.Error (or any panic value).
func jsErrorText(r any) string {
	if e, ok := r.(js.Error); ok {
		if m := e.Value.Get("message"); m.Type() == js.TypeString {
			return m.String()
		}
	}
	return fmt.Sprint(r)
}

// fail records why the worker can no longer be reached: it could not start
// when it never replied.
func (t *workerTransport) fail(msg string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.err != nil {
		return
	}
	what := "the worker failed"
	if t.got == 0 {
		what = "the worker could not start"
	}
	// Short, so that the notice fits a phone's status line.
	if msg = strings.TrimRight(msg, ". "); msg != "" {
		what += " (" + msg + ")"
	}
	t.err = errors.New(what)
}

func (*workerTransport) Name() string { return "worker" }

func (t *workerTransport) Send(msg []byte) {
	a := t.u8.New(len(msg))
	js.CopyBytesToJS(a, msg)
	t.worker.Call("postMessage", a, []any{a.Get("buffer")})
}

func (t *workerTransport) Receive(time.Time) ([][]byte, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	r := t.replies
	t.replies = nil
	return r, t.err
}

func (t *workerTransport) Close() {
	t.worker.Call("terminate")
	for _, f := range t.funcs {
		f.Release()
	}
}

var _ engine.Transport = (*workerTransport)(nil)
