// Package engine computes a scenario beside the drawing: a Core steps the
// runs (and measures a network's rows), a Client keeps mirrors of them for
// the app to draw, and a Transport carries requests one way and rows the
// other as binary messages (wire.go), never JSON. Three transports run the
// same Core: in-process (tests, the browser's fallback), a goroutine (the
// desktop) and a Web Worker (the browser, package wasm and wasm/worker).
//
// Every message carries the scenario's generation: opening a scenario
// drops the stale runs at once on the computing side, and a stale reply is
// dropped unread on the drawing side. The client computes row 0 itself,
// so the first frame never waits for the computing side.
package engine
