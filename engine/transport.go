package engine

import (
	"sync"
	"time"
)

// Transport carries requests from a Client to a Core and replies back.
// There are three: InProcess (the Core runs inside Receive, on the
// caller's goroutine: tests, and the browser's fallback), Goroutine (the
// Core runs on a goroutine of its own: the desktop), and the browser's Web
// Worker (package wasm, the Core in a second wasm).
type Transport interface {
	// Name says where the Core runs: "page", "goroutine" or "worker".
	Name() string
	// Send passes a request on; the transport owns msg from then on.
	Send(msg []byte)
	// Receive returns the replies that have arrived (the caller owns
	// them), without waiting for more, or the reason the computing side
	// can no longer be reached. An in-process transport computes until
	// deadline first.
	Receive(deadline time.Time) ([][]byte, error)
	// Close stops the computing side.
	Close()
}

// InProcess runs the Core on the caller's goroutine, inside Receive.
type InProcess struct{ core Core }

// NewInProcess returns an in-process transport.
func NewInProcess() *InProcess { return &InProcess{} }

func (*InProcess) Name() string      { return "page" }
func (t *InProcess) Send(msg []byte) { t.core.Handle(msg) }
func (*InProcess) Close()            {}

func (t *InProcess) Receive(deadline time.Time) ([][]byte, error) {
	t.core.Work(deadline)
	return t.core.Take(), nil
}

// Goroutine runs the Core on a goroutine of its own, which computes in
// slices of workSlice and takes requests between them.
type Goroutine struct {
	mu      sync.Mutex
	inbox   [][]byte
	replies [][]byte
	wake    chan struct{}
	quit    chan struct{}
	once    sync.Once
}

// workSlice is how long the Core computes before it publishes its rows and
// reads new requests: short enough that a new scenario replaces a stale
// one at once, long enough that publishing costs little.
const workSlice = 10 * time.Millisecond

// NewGoroutine starts a Core on a goroutine.
func NewGoroutine() *Goroutine {
	t := &Goroutine{wake: make(chan struct{}, 1), quit: make(chan struct{})}
	go t.loop()
	return t
}

func (*Goroutine) Name() string { return "goroutine" }

func (t *Goroutine) Send(msg []byte) {
	t.mu.Lock()
	t.inbox = append(t.inbox, msg)
	t.mu.Unlock()
	select {
	case t.wake <- struct{}{}:
	default:
	}
}

func (t *Goroutine) Receive(time.Time) ([][]byte, error) {
	t.mu.Lock()
	r := t.replies
	t.replies = nil
	t.mu.Unlock()
	return r, nil
}

func (t *Goroutine) Close() { t.once.Do(func() { close(t.quit) }) }

func (t *Goroutine) loop() {
	var core Core
	for {
		t.mu.Lock()
		in := t.inbox
		t.inbox = nil
		t.mu.Unlock()
		for _, m := range in {
			core.Handle(m)
		}
		if core.Busy() {
			core.Work(time.Now().Add(workSlice))
		}
		if out := core.Take(); len(out) > 0 {
			t.mu.Lock()
			t.replies = append(t.replies, out...)
			t.mu.Unlock()
		}
		if core.Busy() {
			select {
			case <-t.quit:
				return
			default:
			}
			continue
		}
		select {
		case <-t.quit:
			return
		case <-t.wake:
		}
	}
}
