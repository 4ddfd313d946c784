package app

import "curvlab/engine"

// Host is what the app needs from the place it runs in: the browser page
// (package wasm) or the desktop (cmd/curvlab). The app never knows which.
// The app calls these from its game loop.
type Host interface {
	// ScenarioChanged receives the encoded scenario each time it changes
	// (the browser writes it into the URL fragment).
	ScenarioChanged(text string)
	// NoticeChanged receives the current one-line notice ("" when none).
	NoticeChanged(text string)
	// FirstFrame is called once, after the first frame has been drawn.
	FirstFrame()
	// CopyLink puts a link to the scenario where the user can paste it and
	// returns a short message saying what happened.
	CopyLink(text string) string
	// FrameStats receives recent Update+Draw times in milliseconds, about
	// once a second. The slice is reused: copy what you keep.
	FrameStats(ms []float64)
	// Engine returns the transport the engine computes through (nil: in
	// the page, on the game loop's goroutine) and, when it could not give
	// the one it would rather, a one-line notice saying so. It is called
	// once, before the first frame.
	Engine() (t engine.Transport, notice string)
}

// nopHost is used when no host is given (tests).
type nopHost struct{}

func (nopHost) ScenarioChanged(string)             {}
func (nopHost) NoticeChanged(string)               {}
func (nopHost) FirstFrame()                        {}
func (nopHost) CopyLink(string) string             { return "" }
func (nopHost) FrameStats(ms []float64)            {}
func (nopHost) Engine() (engine.Transport, string) { return nil, "" }
