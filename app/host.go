package app

import (
	"curvlab/engine"
	"curvlab/lang"
	"curvlab/render/geom"
)

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

// Announcer is a Host that can have a screen reader say something (the
// browser's ARIA live region): the app gives it the notice when one comes,
// and each panel's readout when the runs come to rest with new rows.
type Announcer interface {
	Announce(text string)
}

// LanguageKeeper is a Host that remembers the language the user chose
// (the browser's local storage), to speak it on the next visit whatever the
// browser's own language.
type LanguageKeeper interface {
	KeepLanguage(l lang.Lang)
}

// TextEditor is a Host with a text field of its own, used in place of the
// app's while the user types (the browser's <input>: paste, an input
// method, a phone's keyboard). What the user types there comes back
// through Game.Typed.
type TextEditor interface {
	// EditText shows the host's field over the canvas at r (CSS pixels),
	// holding text in a font of size font (CSS pixels), with problem as
	// its accessible description of what is wrong ("" when nothing is),
	// and gives it the keyboard; an empty r hides it.
	EditText(r geom.Rect, text, problem string, font float64)
}

// Historian is a Host with a history of scenarios the user can go back
// through (the browser's). The app keeps each surface typed in it: Back
// returns to the scenario from before the typing.
type Historian interface {
	// NewHistoryEntry starts a history entry holding text, the current
	// scenario, so that the changes that follow (ScenarioChanged) replace
	// the new entry and not the one of text before it.
	NewHistoryEntry(text string)
}

// FilePicker is a Host that lets the user pick a file to open (the
// browser's file picker). Without one, files come by being dropped on the
// window, and the app says so.
type FilePicker interface {
	// PickFile asks the user for a CSV file; what they choose comes back
	// through Game.Loaded, nothing if they choose none.
	PickFile()
}

// FileSaver is a Host that keeps files the app saves for the user (the
// browser's downloads, the desktop's working folder).
type FileSaver interface {
	// SaveFile gives the user the file name holding data (text or a
	// picture; its type is its name's extension), and returns a short
	// message saying what happened.
	SaveFile(name string, data []byte) string
}

// Embedder is a Host that can give the user an embed code (an <iframe>
// for a course page, ActEmbed).
type Embedder interface {
	// PageURL is the address the app is served from, without its
	// fragment: an embed code's src is it, '#' and a scenario.
	PageURL() string
	// CopyText puts text where the user can paste it and returns a short
	// message saying what happened: done when it was copied.
	CopyText(text, done string) string
}

// TextEnd says how an edit in the host's text field ends.
type TextEnd uint8

const (
	TextGoesOn  TextEnd = iota // still typing
	TextEntered                // Enter: keep it and close the editor
	TextLeft                   // Escape, or the field lost the keyboard: stop typing
)

// nopHost is used when no host is given (tests).
type nopHost struct{}

func (nopHost) ScenarioChanged(string)             {}
func (nopHost) NoticeChanged(string)               {}
func (nopHost) FirstFrame()                        {}
func (nopHost) CopyLink(string) string             { return "" }
func (nopHost) FrameStats(ms []float64)            {}
func (nopHost) Engine() (engine.Transport, string) { return nil, "" }
