package app

import "curvlab/app/ui"

// layout is where the app's parts go, in device pixels: the toolbar and
// the status line are the app's; the panels (and the scene's plots, which
// the scene keeps) are placed by the scene in the rest, Main. It is
// recomputed when the window size, the device scale, the scene or the
// number of panels changes.
type layout struct {
	ui.Screen
	panels []ui.PanelRects
}
