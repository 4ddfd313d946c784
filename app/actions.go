package app

import (
	"strconv"

	"github.com/hajimehoshi/ebiten/v2"
)

// action is something the user can ask for, by a button, a menu item or a
// key. Every action has a key; the help overlay lists them from keymap.
type action int

const (
	actNone action = iota
	actPlay
	actStep
	actReset
	actToEnd
	actSlower
	actFaster
	actSurfaceMenu
	actPresetMenu
	actEditPanel // arg: panel
	actAddPanel
	actRemovePanel
	actEllipses
	actTrials
	actContours
	actOverlay
	actResetView
	actZoomIn
	actZoomOut
	actCopyLink
	actHelp
	actClose
	actPickSurface // arg: index into surfaces.Kinds()
	actPickPreset  // arg: index into presets
	actPickMethod  // arg: index into sim.MethodKinds(); popup.panel says which panel
	actSetChoice   // arg: choice index; widget.param says which parameter
	actNetMenu     // network editor (switches to a network first)
	actPlane       // loss slice of a network: Hessian eigenvectors or PCA
	actMenu        // the toolbar's actions that do not fit on it, as a list
)

// actionNames are the actions' names, for automated checks
// (window.curvlab.controls in the browser).
var actionNames = [...]string{
	actNone: "none", actPlay: "play", actStep: "step", actReset: "reset", actToEnd: "to-end",
	actSlower: "slower", actFaster: "faster", actSurfaceMenu: "surface-menu", actPresetMenu: "preset-menu",
	actEditPanel: "edit-panel", actAddPanel: "add-panel", actRemovePanel: "remove-panel",
	actEllipses: "ellipses", actTrials: "trials", actContours: "contours", actOverlay: "overlay",
	actResetView: "reset-view", actZoomIn: "zoom-in", actZoomOut: "zoom-out", actCopyLink: "copy-link",
	actHelp: "help", actClose: "close", actPickSurface: "pick-surface", actPickPreset: "pick-preset",
	actPickMethod: "pick-method", actSetChoice: "set-choice", actNetMenu: "net-menu", actPlane: "plane",
	actMenu: "menu",
}

func (a action) String() string {
	if a >= 0 && int(a) < len(actionNames) {
		return actionNames[a]
	}
	return "action(" + strconv.Itoa(int(a)) + ")"
}

// binding ties a key to an action.
type binding struct {
	key   ebiten.Key
	shift bool
	act   action
	arg   int
	keys  string // as shown in help and on buttons
	what  string // what it does, for help
}

// keymap lists every keyboard shortcut, in the order help shows them.
var keymap = []binding{
	{ebiten.KeySpace, false, actPlay, 0, "Space", "play / pause"},
	{ebiten.KeyS, false, actStep, 0, "S, →", "one step"},
	{ebiten.KeyArrowRight, false, actStep, 0, "", ""},
	{ebiten.KeyR, false, actReset, 0, "R", "reset to the start"},
	{ebiten.KeyG, false, actToEnd, 0, "G", "run to the end of the budget"},
	{ebiten.KeyBracketLeft, false, actSlower, 0, "[", "slower"},
	{ebiten.KeyBracketRight, false, actFaster, 0, "]", "faster"},
	{ebiten.KeyF, false, actSurfaceMenu, 0, "F", "surface and its parameters"},
	{ebiten.KeyN, false, actNetMenu, 0, "N", "network, data and loss (switches to a network)"},
	{ebiten.KeyB, false, actPlane, 0, "B", "network loss slice: Hessian eigenvectors / PCA"},
	{ebiten.KeyP, false, actPresetMenu, 0, "P", "presets (lessons)"},
	{ebiten.Key1, false, actEditPanel, 0, "1–4", "method and settings of panel 1–4"},
	{ebiten.Key2, false, actEditPanel, 1, "", ""},
	{ebiten.Key3, false, actEditPanel, 2, "", ""},
	{ebiten.Key4, false, actEditPanel, 3, "", ""},
	{ebiten.KeyA, false, actAddPanel, 0, "A", "add a panel (up to 4)"},
	{ebiten.KeyX, false, actRemovePanel, 0, "X", "remove the last panel"},
	{ebiten.KeyE, false, actEllipses, 0, "E", "curvature ellipses on/off"},
	{ebiten.KeyT, false, actTrials, 0, "T", "line-search trial points on/off"},
	{ebiten.KeyC, false, actContours, 0, "C", "contour lines on/off"},
	{ebiten.KeyO, false, actOverlay, 0, "O", "overlay: all methods on one panel"},
	{ebiten.KeyV, false, actResetView, 0, "V", "reset the view"},
	{ebiten.KeyEqual, false, actZoomIn, 0, "+ −", "zoom in / out (also wheel, pinch)"},
	{ebiten.KeyKPAdd, false, actZoomIn, 0, "", ""},
	{ebiten.KeyMinus, false, actZoomOut, 0, "", ""},
	{ebiten.KeyKPSubtract, false, actZoomOut, 0, "", ""},
	{ebiten.KeyL, false, actCopyLink, 0, "L", "copy a link to this scenario"},
	{ebiten.KeyM, false, actMenu, 0, "M", "the toolbar's actions that do not fit on it"},
	{ebiten.KeySlash, true, actHelp, 0, "?, H", "this help"},
	{ebiten.KeyH, false, actHelp, 0, "", ""},
	{ebiten.KeyEscape, false, actClose, 0, "Esc", "close menus and help"},
}

// keyFor returns the key label of an action, for buttons.
func keyFor(a action) string {
	for _, b := range keymap {
		if b.act == a && b.keys != "" {
			return b.keys
		}
	}
	return ""
}
