package ui

import (
	"strconv"

	"github.com/hajimehoshi/ebiten/v2"
)

// Action is something the user can ask for, by a button, a menu item or a
// key. Every Action has a key; the help overlay lists them from Keymap.
type Action int

const (
	ActNone Action = iota
	ActPlay
	ActStep
	ActReset
	ActToEnd
	ActSlower
	ActFaster
	ActSurfaceMenu
	ActLessonMenu
	ActEditPanel // arg: panel
	ActAddPanel
	ActRemovePanel
	ActEllipses
	ActTrials
	ActContours
	ActOverlay
	ActResetView
	ActZoomIn
	ActZoomOut
	ActCopyLink
	ActHelp
	ActClose
	ActPickSurface // arg: index into surfaces.Kinds()
	ActPickLesson  // arg: index into scenario.Lessons()
	ActPickMethod  // arg: index into sim.MethodKinds(); popup.panel says which panel
	ActSetChoice   // arg: choice index; widget.param says which parameter
	ActNetMenu     // network editor (switches to a network first)
	ActPlane       // loss slice of a network: Hessian eigenvectors or PCA
	ActMenu        // the toolbar's actions that do not fit on it, as a list
	ActType        // type into the scene's text field (a surface's formula)
	ActTapClass    // the class of the points a tap on a network's plane adds
	ActLoadData    // load points from a CSV file (the host's file picker)
	ActSaveData    // save the scene's points as a CSV file
	ActBasins      // basins of attraction in place of the surface
	ActPinGhost    // arg: panel; keep its run as a ghost
	ActClearGhosts // arg: panel; drop its ghosts
	ActSweep       // each panel's step size swept, beside the plots
	ActExploreMenu // the views that explore: basins, the sweep
	ActStepModel   // the model of each method's last step and the true level set
	ActSolid       // every surface panel in 3D, or every one flat again
	ActSolidPanel  // arg: panel; that panel in 3D or flat
	ActOrbit       // arg: an OrbitTurn; turn or tilt the 3D camera
	ActSweepMenu   // the sweep's editor: which parameter, its range
	ActEigen       // the curvature plot: the models' eigenvalues or their error
	ActSaveCSV     // save the runs as curvsim's CSV
	ActSaveJSON    // save the runs as curvsim's JSON
	ActSavePNG     // save the screen as a PNG picture
	ActLessonNext  // the lesson's next step (on its last: the lesson is done)
	ActLessonBack  // the lesson's previous step
	ActLeaveLesson // stop following the lesson, keeping the scenario
	ActSaveGIF     // save the runs from the start to now as an animated GIF
	ActGIFMenu     // the animation's editor: its range of iterations and size
	ActEmbed       // copy an <iframe> showing this view, for a course page
	ActProjector   // the projector's theme (light, large type) or the screen's
	ActFocusNext   // the keyboard's focus to the next button on screen
	ActFocusBack   // the keyboard's focus to the button before
	ActPressFocus  // press the button that has the keyboard's focus
	ActLang        // switch the app's words between English and Chinese
)

// OrbitTurn is a step of the 3D camera by key (ActOrbit's arg): its index
// into OrbitSteps.
type OrbitTurn int

const (
	OrbitLeft OrbitTurn = iota
	OrbitRight
	OrbitUp
	OrbitDown
)

// OrbitSteps are the camera's turns (azimuth) and tilts (elevation) in
// degrees, by OrbitTurn.
var OrbitSteps = [...][2]float64{OrbitLeft: {-15, 0}, OrbitRight: {15, 0}, OrbitUp: {0, 10}, OrbitDown: {0, -10}}

// actionNames are the actions' names, for automated checks
// (window.curvlab.controls in the browser).
var actionNames = [...]string{
	ActNone: "none", ActPlay: "play", ActStep: "step", ActReset: "reset", ActToEnd: "to-end",
	ActSlower: "slower", ActFaster: "faster", ActSurfaceMenu: "surface-menu", ActLessonMenu: "lesson-menu",
	ActEditPanel: "edit-panel", ActAddPanel: "add-panel", ActRemovePanel: "remove-panel",
	ActEllipses: "ellipses", ActTrials: "trials", ActContours: "contours", ActOverlay: "overlay",
	ActResetView: "reset-view", ActZoomIn: "zoom-in", ActZoomOut: "zoom-out", ActCopyLink: "copy-link",
	ActHelp: "help", ActClose: "close", ActPickSurface: "pick-surface", ActPickLesson: "pick-lesson",
	ActPickMethod: "pick-method", ActSetChoice: "set-choice", ActNetMenu: "net-menu", ActPlane: "plane",
	ActMenu: "menu", ActType: "type", ActTapClass: "tap-class", ActLoadData: "load-data", ActSaveData: "save-data",
	ActBasins: "basins", ActPinGhost: "pin-ghost", ActClearGhosts: "clear-ghosts", ActSweep: "sweep", ActExploreMenu: "explore-menu", ActStepModel: "step-model",
	ActSolid: "solid", ActSolidPanel: "solid-panel", ActOrbit: "orbit", ActSweepMenu: "sweep-menu", ActEigen: "eigen",
	ActSaveCSV: "save-csv", ActSaveJSON: "save-json", ActSavePNG: "save-png",
	ActLessonNext: "lesson-next", ActLessonBack: "lesson-back", ActLeaveLesson: "leave-lesson",
	ActSaveGIF: "save-gif", ActGIFMenu: "gif-menu",
	ActEmbed: "embed", ActProjector: "projector",
	ActFocusNext: "focus-next", ActFocusBack: "focus-back", ActPressFocus: "press-focus",
	ActLang: "lang",
}

func (a Action) String() string {
	if a >= 0 && int(a) < len(actionNames) {
		return actionNames[a]
	}
	return "Action(" + strconv.Itoa(int(a)) + ")"
}

// Binding ties a key to an Action.
type Binding struct {
	Key   ebiten.Key
	Shift bool
	Act   Action
	Arg   int
	Keys  string // as shown in help and on buttons
	What  string // what it does, for help
}

// Keymap lists every keyboard shortcut, in the order help shows them.
var Keymap = []Binding{
	{ebiten.KeySpace, false, ActPlay, 0, "Space", "play / pause"},
	{ebiten.KeyTab, false, ActFocusNext, 0, "Tab, Shift+Tab", "move the keyboard's focus between the buttons (in a menu: its rows)"},
	{ebiten.KeyTab, true, ActFocusBack, 0, "", ""},
	{ebiten.KeyEnter, false, ActPressFocus, 0, "Enter", "press the button with the focus (in a menu: pick the row)"},
	{ebiten.KeyNumpadEnter, false, ActPressFocus, 0, "", ""},
	{ebiten.KeyS, false, ActStep, 0, "S, →", "one step"},
	{ebiten.KeyArrowRight, false, ActStep, 0, "", ""},
	{ebiten.KeyR, false, ActReset, 0, "R", "reset to the start"},
	{ebiten.KeyG, false, ActToEnd, 0, "G", "run to the end of the budget"},
	{ebiten.KeyBracketLeft, false, ActSlower, 0, "[", "slower"},
	{ebiten.KeyBracketRight, false, ActFaster, 0, "]", "faster"},
	{ebiten.KeyF, false, ActSurfaceMenu, 0, "F", "surface and its parameters"},
	{ebiten.KeyY, false, ActType, 0, "Y", "type your own surface f(x, y)"},
	{ebiten.KeyN, false, ActNetMenu, 0, "N", "network, data and loss (switches to a network)"},
	{ebiten.KeyB, false, ActPlane, 0, "B", "network loss slice: Hessian eigenvectors / PCA"},
	{ebiten.KeyK, false, ActTapClass, 0, "K", "network: a tap adds a point of class 0 / 1"},
	{ebiten.KeyP, false, ActLessonMenu, 0, "P", "lessons: guided stories, step by step"},
	{ebiten.KeyPeriod, false, ActLessonNext, 0, ". ,", "the lesson's next / previous step"},
	{ebiten.KeyPageDown, false, ActLessonNext, 0, "", ""},
	{ebiten.KeyComma, false, ActLessonBack, 0, "", ""},
	{ebiten.KeyPageUp, false, ActLessonBack, 0, "", ""},
	{ebiten.KeyQ, false, ActLeaveLesson, 0, "Q", "leave the lesson, keeping what is on screen"},
	{ebiten.Key1, false, ActEditPanel, 0, "1–4", "method and settings of panel 1–4"},
	{ebiten.Key2, false, ActEditPanel, 1, "", ""},
	{ebiten.Key3, false, ActEditPanel, 2, "", ""},
	{ebiten.Key4, false, ActEditPanel, 3, "", ""},
	{ebiten.KeyA, false, ActAddPanel, 0, "A", "add a panel (up to 4)"},
	{ebiten.KeyX, false, ActRemovePanel, 0, "X", "remove the last panel"},
	{ebiten.KeyE, false, ActEllipses, 0, "E", "curvature ellipses on/off"},
	{ebiten.KeyT, false, ActTrials, 0, "T", "line-search trial points on/off"},
	{ebiten.KeyC, false, ActContours, 0, "C", "contour lines on/off"},
	{ebiten.KeyO, false, ActOverlay, 0, "O", "overlay: all methods on one panel"},
	{ebiten.KeyD, false, ActBasins, 0, "D", "basins of attraction: where each start goes"},
	{ebiten.KeyW, false, ActSweep, 0, "W", "sweep a parameter of each panel's method: final f − f* against it"},
	{ebiten.KeyW, true, ActSweepMenu, 0, "Shift+W", "the sweep's parameter, range, values and spacing"},
	{ebiten.KeyJ, false, ActStepModel, 0, "J", "the last step's quadratic model beside the true level set"},
	{ebiten.KeyI, false, ActEigen, 0, "I", "curvature plot: the models' eigenvalues beside the true ones / their error"},
	{ebiten.KeyZ, false, ActSolid, 0, "Z", "3D view: the surface as a lit mesh, with each method's model (drag to turn it)"},
	{ebiten.KeyArrowLeft, true, ActOrbit, int(OrbitLeft), "Shift+←→↑↓", "turn and tilt the 3D view"},
	{ebiten.KeyArrowRight, true, ActOrbit, int(OrbitRight), "", ""},
	{ebiten.KeyArrowUp, true, ActOrbit, int(OrbitUp), "", ""},
	{ebiten.KeyArrowDown, true, ActOrbit, int(OrbitDown), "", ""},
	{ebiten.KeyV, false, ActResetView, 0, "V", "reset the view"},
	{ebiten.KeyEqual, false, ActZoomIn, 0, "+ −", "zoom in / out (also wheel, pinch)"},
	{ebiten.KeyKPAdd, false, ActZoomIn, 0, "", ""},
	{ebiten.KeyMinus, false, ActZoomOut, 0, "", ""},
	{ebiten.KeyKPSubtract, false, ActZoomOut, 0, "", ""},
	{ebiten.KeyL, false, ActCopyLink, 0, "L", "copy a link to this scenario"},
	{ebiten.KeyL, true, ActEmbed, 0, "Shift+L", "copy an <iframe> showing this view, to embed in a page"},
	{ebiten.KeyP, true, ActProjector, 0, "Shift+P", "projector: dark on light, type half as large again"},
	{ebiten.KeyM, false, ActMenu, 0, "M", "the toolbar's actions that do not fit on it"},
	{ebiten.KeyU, true, ActLang, 0, "Shift+U", "中文 / English: the app's language"},
	{ebiten.KeySlash, true, ActHelp, 0, "?, H", "this help"},
	{ebiten.KeyH, false, ActHelp, 0, "", ""},
	{ebiten.KeyEscape, false, ActClose, 0, "Esc", "close menus and help"},
}

// KeyFor returns the key label of an Action, for buttons.
func KeyFor(a Action) string {
	for _, b := range Keymap {
		if b.Act == a && b.Keys != "" {
			return b.Keys
		}
	}
	return ""
}
