package app

import "curvlab/app/ui"

// hidden is what the link's flags hide of the screen (an embedded figure:
// scene.Flags HideToolbar, HidePlots, HideReadouts).
func (g *Game) hidden() ui.Hidden {
	f := &g.st.Flags
	return ui.Hidden{Toolbar: f.HideToolbar, Plots: f.HidePlots, Readouts: f.HideReadouts}
}

// refused reports whether the link's flags forbid action a: a locked
// figure (Flags.Locked) takes no action that edits the scenario — the
// objective, the methods, the panels, the start, the data, the sweep's
// range — and a fixed view (Flags.FixedView) none that moves the view —
// zoom, reset, the 3D view and its camera. Playing, stepping, the speed,
// the display toggles, help, links and saving stay.
func (g *Game) refused(a ui.Action) bool {
	f := &g.st.Flags
	switch a {
	case ui.ActSurfaceMenu, ui.ActType, ui.ActTapClass, ui.ActLoadData, ui.ActPinGhost, ui.ActClearGhosts,
		ui.ActPresetMenu, ui.ActEditPanel, ui.ActAddPanel, ui.ActRemovePanel, ui.ActNetMenu, ui.ActPickSurface,
		ui.ActPickPreset, ui.ActPickMethod, ui.ActSetChoice, ui.ActSweepMenu:
		return f.Locked
	case ui.ActZoomIn, ui.ActZoomOut, ui.ActResetView, ui.ActOrbit, ui.ActSolid, ui.ActSolidPanel:
		return f.FixedView
	}
	return false
}

// lockedNotice is what a locked figure says when asked to change.
const lockedNotice = "This figure is fixed: open it in curvlab to change it."
