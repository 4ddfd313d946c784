package app

import "curvlab/app/ui"

// hidden is what the link's flags hide of the screen (an embedded figure:
// scene.Flags HideToolbar, HidePlots, HideReadouts).
func (g *Game) hidden() ui.Hidden {
	f := &g.st.Flags
	return ui.Hidden{Toolbar: f.HideToolbar, Plots: f.HidePlots, Readouts: f.HideReadouts}
}
