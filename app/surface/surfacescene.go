// Package surface is the scene of a surface scenario: one panel per
// method (or one for all, the overlay) over the surface's heatmap and
// contours, each run's path and current iterate with its gradient, the
// true Hessian's curvature ellipse and the method's estimate, its trust
// region and readouts, and the plot of f − f*. The app (package app) asks
// it through scene.Scene.
package surface

import (
	"curvlab/lang"
	"image/color"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"curvlab/app/scene"
	"curvlab/app/ui"
	"curvlab/render"
	"curvlab/render/geom"
	"curvlab/sim"
	"curvlab/sim/nn"
	"curvlab/sim/scenario"
	"curvlab/sim/surfaces"

	"github.com/hajimehoshi/ebiten/v2"
)

// Scene draws a surface scenario: one panel per method (or one for
// all, the overlay) showing the surface's heatmap and contours with each
// run's path, its current iterate, gradient, curvature ellipses (the true
// Hessian's and the method's estimate) and trust region; readouts under
// the panels; the plot of f − f* beside them.
type Scene struct {
	c         *ui.Canvas
	m         *ui.Metrics  // the layout's
	st        *scene.State // the state of the call in progress
	surface   surfaceImage
	plot      fPlot
	plotRect  geom.Rect // the plot of f
	side      geom.Rect // the room for the plots beside or below the panels
	curv      curvPlot
	curvRect  geom.Rect // the curvature-learning plot (zero when no method keeps a model)
	fit       fitBox
	basins    basinPictures
	ghosts    ghostPaths
	levels    [scenario.MaxPanels]trueLevel // the true level sets of the step models
	sweep     sweepPlot
	sweepRect geom.Rect // the sweep's plot (zero when off)

	// The 3D view: the mesh and its picture, shared by the 3D panels, and
	// each panel's layer of runs; scratch for paths and model patches.
	mesh      solidMesh
	meshLayer render.Layer[camKey]
	solids    [scenario.MaxPanels]render.Layer[solidKey]
	solidPts  []float64
	patchVs   []ebiten.Vertex
	patchIs   []uint16

	withCurv, withSweep, withFit bool // the plots placed in side
	panels                       [scenario.MaxPanels]panelCache
	overlays                     [scenario.MaxPanels]render.Layer[overlayKey] // each panel's current iterates
	hessBuf                      [4]float64

	// formula is the editor's field for a surface of one's own; formulaErr
	// says what is wrong with what it holds ("" when it compiles).
	formula    ui.TextField
	formulaErr string
	// told[k] is the run of panel k whose stop on a value that is not a
	// number was told (each run once).
	told [scenario.MaxPanels]*sim.Run
}

// New returns the scene drawing into c, its text queue and painters.
func New(c *ui.Canvas) *Scene { return &Scene{c: c} }

// readoutLines is the number of text lines under each panel.
const readoutLines = 4

// Layout places n panels of a surface scenario and the plot of f in main:
// the plot beside the panels in landscape, below them in portrait.
func (s *Scene) Layout(m *ui.Metrics, main geom.Rect, n int) []ui.PanelRects {
	pad := m.Pad()
	s.m = m
	if m.Hide.Plots { // the panels take the plots' room
		s.side = geom.Rect{}
	} else if main.W >= 1.25*main.H { // landscape: the plot beside the panels
		pw := math.Round(math.Max(180*m.U, math.Min(0.24*main.W, 460*m.U)))
		s.side = geom.Rect{X: main.X + main.W - pw, Y: main.Y, W: pw, H: main.H}
		main.W -= pw + pad
	} else { // portrait: the plot below
		ph := math.Round(math.Max(140*m.U, 0.22*main.H))
		s.side = geom.Rect{X: main.X, Y: main.Y + main.H - ph, W: main.W, H: ph}
		main.H -= ph + pad
	}
	s.placePlots(s.withCurv, s.withSweep, s.withFit)
	cols, rows := n, 1
	if n == 4 && main.W < 2.4*main.H {
		cols, rows = 2, 2
	}
	if n >= 2 && main.W < 0.9*main.H {
		cols, rows = 1, n
		if n == 4 {
			cols, rows = 2, 2
		}
	}
	return ui.PanelGrid(m, main, n, cols, rows, readoutLines)
}

// placePlots places the plots in the side room: the plot of f, the
// curvature-learning plot when withCurv, the step-size sweep when
// withSweep, a line fit's data when withFit; one under the other beside
// the panels, side by side below them.
func (s *Scene) placePlots(withCurv, withSweep, withFit bool) {
	m, r := s.m, s.side
	if m == nil {
		return
	}
	pad := m.Pad()
	s.withCurv, s.withSweep, s.withFit = withCurv, withSweep, withFit
	k := 1
	for _, on := range []bool{withCurv, withSweep, withFit} {
		if on {
			k++
		}
	}
	var rects [4]geom.Rect
	if r.W > r.H { // a strip below the panels
		w := math.Floor((r.W - float64(k-1)*pad) / float64(k))
		for i := range k {
			rects[i] = geom.Rect{X: r.X + float64(i)*(w+pad), Y: r.Y, W: w, H: r.H}
		}
	} else {
		h := math.Round(math.Min(r.W*1.1, (r.H-float64(k-1)*pad)/float64(k)))
		for i := range k {
			rects[i] = geom.Rect{X: r.X, Y: r.Y + float64(i)*(h+pad), W: r.W, H: h}
		}
		if withFit { // the points' box takes what is left, up to a square and its text
			last := &rects[k-1]
			last.H = math.Min(r.Y+r.H-last.Y, r.W*1.15)
		}
	}
	s.plotRect, s.curvRect, s.sweepRect = rects[0], geom.Rect{}, geom.Rect{}
	next := 1
	if withCurv {
		s.curvRect = rects[next]
		next++
	}
	if withSweep {
		s.sweepRect = rects[next]
		next++
	}
	if withFit {
		s.fit.place(m, rects[next])
	} else {
		s.fit.place(m, geom.Rect{})
	}
}

func (s *Scene) PanelCount(st *scene.State) int {
	if st.Flags.Overlay {
		return 1
	}
	return len(st.Runs)
}

// Update refreshes the readouts of the runs (their headers' statuses come
// from them).
func (s *Scene) Update(st *scene.State, panels []ui.PanelRects, deadline time.Time) {
	s.st = st
	withCurv, withSweep, withFit := models(st), st.Flags.Sweep, st.Scen.SurfaceKind == surfaces.LineFitKind
	if withCurv != s.withCurv || withSweep != s.withSweep || withFit != s.withFit {
		s.placePlots(withCurv, withSweep, withFit)
	}
	if withSweep {
		s.sweep.update(st)
	} else {
		st.Eng.SetSweep(scenario.SweepSpec{}, false)
	}
	if len(panels) > 0 {
		s.basins.update(st, s.panelView(panels[0].Plot), st.Flags.Basins)
	}
	s.ghosts.update(st)
	for k, r := range st.Runs {
		s.panels[k].refresh(s, r, k)
		if r.Done && s.told[k] != r && st.Scen.SurfaceKind == surfaces.FormulaKind {
			s.told[k] = r
			s.tellNotANumber(st, k, r)
		}
	}
}

// tellNotANumber says, in the status line, where a run on a typed surface
// stopped because the formula's value or gradient is not a number there:
// the panel shows the last iterate that is one, and draws nothing else.
func (s *Scene) tellNotANumber(st *scene.State, k int, r *sim.Run) {
	last := &r.Trace[len(r.Trace)-1]
	if last.Events&sim.EventDiverged == 0 {
		return
	}
	what := "its value"
	switch {
	case math.IsNaN(last.F) || math.IsInf(last.F, 0):
	case !(last.GNorm < math.Inf(1)):
		what = "its gradient"
	default:
		return // diverged by running away, not by a value that is not a number
	}
	st.Notice = "Panel " + strconv.Itoa(k+1) + " stopped at iteration " + strconv.Itoa(last.Iter) + ": the formula has no number for " + what + " there."
}

func (s *Scene) Draw(dst *ebiten.Image, st *scene.State, panels []ui.PanelRects) {
	s.st = st
	s.drawSurfaces(dst, panels)
}

// Pending: the surface is still coarse (or not computed), or a trail is
// not drawn up to its run's last kept row.
func (s *Scene) Pending(st *scene.State) bool {
	if !s.surface.ok || s.surface.step != 1 || s.surface.version != st.SurfaceVersion {
		return true
	}
	if st.Flags.Sweep && s.sweep.pending() {
		return true
	}
	if st.Flags.Basins {
		for k := range st.Runs {
			if _, final := s.basins.ready(st, k); !final {
				return true
			}
		}
	}
	for k, r := range st.Runs {
		if st.Solid(k) {
			continue // no trail: the 3D view draws the path whole
		}
		kept, path := r.Kept(), s.panels[k].path.Rows
		if len(kept) > 1 && (len(path) == 0 || path[len(path)-1] != kept[len(kept)-1] || s.panels[k].trailN < len(path)) {
			return true
		}
	}
	return false
}

func (s *Scene) Status(k int) (string, color.RGBA) {
	return s.panels[k].status, s.panels[k].stClr
}

func (s *Scene) Readout(k int) []string { return s.panels[k].lines[:] }

func (s *Scene) Headers(st *scene.State) bool { return !st.Flags.Overlay }

// View is the view of panel rect r: the scenario's window widened to the
// rectangle's aspect so that circles stay round.
func (s *Scene) View(st *scene.State, r geom.Rect) geom.View {
	w := st.View()
	v := geom.View{XMin: w.XMin, XMax: w.XMax, YMin: w.YMin, YMax: w.YMax, Screen: r}
	v.EqualAspect()
	return v
}

func (s *Scene) panelView(r geom.Rect) geom.View { return s.View(s.st, r) }

func (s *Scene) Explorable() bool { return true }

// DataPlanes is the plane of a line fit's points, when the surface is one.
func (s *Scene) DataPlanes(st *scene.State, panels []ui.PanelRects) []geom.View {
	if st.Scen.SurfaceKind != surfaces.LineFitKind || s.fit.plane.W <= 0 {
		return nil
	}
	return []geom.View{s.fit.view()}
}

// PointNear is the index of the line fit's point within r of (x, y).
func (s *Scene) PointNear(st *scene.State, x, y, r float64) int {
	return scene.NearestPoint(fitPoints(st), x, y, r)
}

// DataCSV is a line fit's points, x,y a line.
func (s *Scene) DataCSV(st *scene.State) (name, text string) {
	xy := fitPoints(st)
	if xy == nil {
		return "", ""
	}
	return "curvlab-linefit.csv", nn.PairsCSV(xy)
}

// EditPoints adds, moves or deletes a point of a line fit, on the grid a
// link holds points on, and restarts the runs from their start; the
// surface, its Hessian and the readouts follow. A fit keeps at least two
// points.
func (s *Scene) EditPoints(st *scene.State, e scene.PointEdit) {
	xy := fitPoints(st)
	if xy == nil || e.Op != scene.PointAdd && (e.I < 0 || 2*e.I >= len(xy)) {
		return
	}
	switch e.Op {
	case scene.PointAdd:
		xy = append(xy, nn.Snap(e.X), nn.Snap(e.Y))
	case scene.PointMove:
		xy[2*e.I], xy[2*e.I+1] = nn.Snap(e.X), nn.Snap(e.Y)
	case scene.PointDelete:
		xy = slices.Delete(xy, 2*e.I, 2*e.I+2)
	}
	sc := st.Scen.Clone()
	if err := sc.SetFit(xy); err != nil {
		st.Notice = "Your points: " + strings.TrimPrefix(err.Error(), "line fit: ") + "."
		return
	}
	if strings.HasPrefix(st.Notice, "Your points:") {
		st.Notice = ""
	}
	st.SetScenario(sc)
}

func (s *Scene) Tools(st *scene.State, items []scene.ToolItem) []scene.ToolItem { return items }

// Explores reports whether the Explore menu shows action a on a surface:
// every view but the contour lines, which have their toolbar button.
func (s *Scene) Explores(a ui.Action) bool { return a != ui.ActContours }

// Objective names the surface, or for a typed one its formula (the start
// of it, if long).
func (s *Scene) Objective(st *scene.State, open bool) scene.ToolItem {
	label := lang.T("Surface: ") + st.Scen.SurfaceKind.Name
	if st.Scen.SurfaceKind == surfaces.FormulaKind {
		label = "f = " + ui.GlyphSafe.Replace(shortFormula(st.Scen.Formula))
	}
	return scene.ToolItem{Label: label, Act: ui.ActSurfaceMenu, On: open, Gap: true}
}

// shortFormula is f's first 28 characters, with "…" when there are more.
func shortFormula(f string) string {
	if r := []rune(f); len(r) > 28 {
		return string(r[:27]) + "…"
	}
	return f
}

// Editor is the surface picker (with the network as its last choice) and
// the surface's parameters.
func (s *Scene) Editor(st *scene.State, f *ui.Form) {
	m := f.M
	sc := &st.Scen
	desc := lang.T(sc.SurfaceKind.Desc)
	if sc.SurfaceKind == surfaces.FormulaKind {
		desc = lang.T("your formula f(x, y) = ") + sc.Formula
	}
	r, y := f.Head(900, f.KeysHint(lang.T("Surface (←/→ or click; ↑/↓ then ←/→ for parameters): "), "")+ui.GlyphSafe.Replace(desc))
	y = f.Grid(r, y, scene.ObjectiveNames(), ui.ActPickSurface, slices.Index(surfaces.Kinds(), sc.SurfaceKind), f.P.Focus == 0)
	params, vals := s.Params(st)
	y = f.ParamRows(r, y+4*m.U, params, vals, ui.Target{Owner: ui.OwnerScene}, nil)
	if sc.SurfaceKind == surfaces.LineFitKind {
		y = f.Buttons(r, y+4*m.U, lang.T("Your points as CSV: x,y a line"), ui.FormButton{Label: lang.T("Load CSV…"), Act: ui.ActLoadData}, ui.FormButton{Label: lang.T("Save CSV"), Act: ui.ActSaveData})
	}
	y = s.formulaRows(st, f, r, y+8*m.U)
	f.Fit(r, y+8*m.U)
}

// formulaRows adds the field for a formula of one's own and under it what
// is wrong with it, or how to use it.
func (s *Scene) formulaRows(st *scene.State, f *ui.Form, r geom.Rect, y float64) float64 {
	m := f.M
	if !s.formula.Active && st.Scen.SurfaceKind == surfaces.FormulaKind && s.formulaErr == "" {
		s.formula.Set(st.Scen.Formula) // the field shows the formula drawn
	}
	f.WS.Add(ui.Widget{Kind: ui.KindLabel, R: geom.Rect{X: r.X + 8*m.U, Y: y, W: r.W - 16*m.U, H: m.Line()},
		Label: f.KeysHint(lang.T("Your own surface (Y): f(x, y) ="), lang.T("Your own surface: f(x, y) ="))})
	y = f.Field(r, y+m.Line()+2*m.U, &s.formula, ui.ActType, lang.T("e.g. (1 - x)^2 + 100*(y - x^2)^2"))
	msg, clr := f.KeysHint(lang.T("x, y, pi, e, + - * / ^, sin cos tan exp log sqrt abs tanh … min max; Enter to keep it"),
		lang.T("x, y, pi, e, + - * / ^, sin, exp, log, sqrt, min, max, …")), ui.Dim
	if s.formulaErr != "" {
		msg, clr = s.formulaErr, ui.Warn
	}
	f.WS.Add(ui.Widget{Kind: ui.KindLabel, R: geom.Rect{X: r.X + 8*m.U, Y: y, W: r.W - 16*m.U, H: m.Line()},
		Label: ui.FitText(ui.GlyphSafe.Replace(msg), m.Font, r.W-16*m.U), StatusColor: clr})
	return y + m.Line()
}

// Field is the formula's field.
func (s *Scene) Field() *ui.TextField { return &s.formula }

// FieldError is what is wrong with the formula typed, "" if it compiles.
func (s *Scene) FieldError() string { return s.formulaErr }

// FieldChanged draws what the field holds as soon as it is a formula: the
// runs restart on it (from (−2, 2) in [−3, 3]² when the surface was not
// typed before, else from where they were); until then the last good
// surface stays and the editor says what is wrong, and where.
func (s *Scene) FieldChanged(st *scene.State) {
	text := s.formula.String()
	if st.Scen.SurfaceKind == surfaces.FormulaKind && surfaces.CanonicalFormula(text) == st.Scen.Formula {
		s.formulaErr = ""
		return
	}
	sc := st.Scen.Clone()
	if err := sc.SetFormula(text); err != nil {
		s.formulaErr = strings.TrimPrefix(err.Error(), "formula: ")
		return
	}
	if st.Scen.SurfaceKind != surfaces.FormulaKind {
		start := sc.Surface().Start()
		sc.Start, sc.View = start[:], nil
	}
	if err := sc.Validate(); err != nil {
		s.formulaErr = err.Error()
		return
	}
	s.formulaErr = ""
	st.SetScenario(sc)
}

// Params are the surface's parameters and their values; for a typed
// surface, those of a, b, c, d its formula uses.
func (s *Scene) Params(st *scene.State) ([]sim.Param, []float64) {
	sc := &st.Scen
	shown := shownParams(sc)
	if shown == nil {
		return sc.SurfaceKind.Params, sc.SurfaceVals
	}
	params, vals := make([]sim.Param, len(shown)), make([]float64, len(shown))
	for k, i := range shown {
		params[k], vals[k] = sc.SurfaceKind.Params[i], sc.SurfaceVals[i]
	}
	return params, vals
}

// shownParams are the indices of the parameters a typed surface's formula
// uses, nil for a surface of the library (all of its own are shown).
func shownParams(sc *scenario.Scenario) []int {
	f, ok := sc.Surface().(*surfaces.Formula)
	if !ok {
		return nil
	}
	shown := []int{}
	for i := range sc.SurfaceKind.Params {
		if f.Uses(i) {
			shown = append(shown, i)
		}
	}
	return shown
}

// SetParam changes the surface's parameter i (of those Params shows) and
// restarts the runs.
func (s *Scene) SetParam(st *scene.State, i int, v float64) {
	sc := &st.Scen
	if shown := shownParams(sc); shown != nil {
		if i < 0 || i >= len(shown) {
			return
		}
		i = shown[i]
	}
	if i < 0 || i >= len(sc.SurfaceVals) {
		return
	}
	vals := append([]float64(nil), sc.SurfaceVals...)
	vals[i] = v
	if sc.SetSurface(sc.SurfaceKind, vals) != nil {
		return
	}
	st.SurfaceVersion++
	st.Restart()
}

// LambdaMax is the surface Hessian's largest eigenvalue at the start.
func (s *Scene) LambdaMax(st *scene.State, k int) float64 {
	st.Scen.Surface().Hess(s.hessBuf[:], st.Scen.Start)
	return geom.Eigen(s.hessBuf).Lmax
}

func (s *Scene) Hint(touch bool) string {
	if s.st != nil && s.st.Scen.Solid.On() {
		if touch {
			return lang.T("Drag a 3D panel to turn it · tap a flat one to start there · pinch to zoom")
		}
		return lang.T("Drag a 3D panel (or Shift+arrows) to turn it · Z: all flat / all 3D · wheel to zoom · ? for help")
	}
	if touch {
		return lang.T("Tap a panel to start there · drag to pan · pinch to zoom")
	}
	return lang.T("Click a panel to set the start · drag to pan · wheel or pinch to zoom · Space to play · ? for help")
}

func (s *Scene) Legend() []string {
	out := make([]string, len(legendLines))
	for i, l := range legendLines {
		out[i] = lang.T(l)
	}
	return out
}

func (s *Scene) Now(r *sim.Row) []string {
	lines := []string{"   " + lang.T("now:") + "   x = " + ui.Pair(r.X[0], r.X[1]) + "   g = " + ui.Pair(r.G[0], r.G[1]) + "   f = " + ui.Num(r.F)}
	if c := r.Curv; len(c) >= 4 {
		lines = append(lines, "   "+curvName(r.CurvKind)+" = [["+ui.Num(c[0])+", "+ui.Num(c[1])+"], ["+ui.Num(c[2])+", "+ui.Num(c[3])+"]]")
	}
	return lines
}

// IterateRows are rows of (x1, x2, f): x1 and x2 are NaN in a row whose
// iterate the trace no longer keeps (see sim.Run.Vectors; a surface's run
// keeps every row in practice).
func (s *Scene) IterateRows(r *sim.Run) [][]float64 {
	rows := make([][]float64, len(r.Trace))
	for i := range rows {
		rows[i] = []float64{math.NaN(), math.NaN(), r.Trace[i].F}
	}
	for _, i := range r.Kept() {
		x := r.X(i)
		rows[i][0], rows[i][1] = x[0], x[1]
	}
	return rows
}

// runsShown is what a surface panel shows: one run, or every run on one
// surface (the overlay).
type runsShown struct {
	all bool // every run: the overlay
	run int  // else this one
}

// allRuns is the overlay's panel.
var allRuns = runsShown{all: true}

// oneRun is the panel of run k alone.
func oneRun(k int) runsShown { return runsShown{run: k} }

// shows reports whether run k is drawn.
func (r runsShown) shows(k int) bool { return r.all || r.run == k }

func (r runsShown) String() string {
	if r.all {
		return "all runs"
	}
	return "run " + strconv.Itoa(r.run+1)
}

// legendLines explain a surface panel, for help.
var legendLines = []string{
	"What you see",
	"white curve: the true Hessian's level set ½ d'Hd = c around the current point",
	"dashed coloured curve: the method's own curvature (B, or H⁻¹) at the same level c:",
	"   when the two curves meet, the method has learned the curvature",
	"hyperbolas and dashed axes: negative curvature (a saddle direction)",
	"arrow: the descent direction −g (fixed length; |g| is in the readout)",
	"rings: points the line search or trust region tried in the last step",
	"dashed circle: the trust region;  ×: known minima",
	"faint line labelled ghost: a run pinned in the panel's editor (Pin this run), kept while",
	"   you change the method, so that lr = 0.01 and 0.02 compare in one panel (up to 4)",
	"right: f − f* against iteration, log scale, one line per panel; below it, for methods with a",
	"   curvature model, its error |B − H|/|H| against the true Hessian at each iterate",
	"   (B = H⁻¹ for inverse forms; a model equal to the Hessian to rounding is drawn at 1e-16)",
	"   I shows there instead each model's two eigenvalues |λ| (its colour) beside the true",
	"   Hessian's at the same iterates (white): where they meet, that curvature is learned",
	"Sweep (W): beside the plots, for each panel's method, the final f − f* of a run from the start",
	"   for 40 step sizes lr from its own ÷ 30 to × 30 (log₁₀ lr across), the diverged at the top,",
	"   and the method's stability line at the start (2/λmax for gradient descent) upright;",
	"   Shift+W (Explore menu) sweeps another parameter (β, h0, radius, m, …) over a range you set",
	"The last step's model (J): dotted in the panel's colour, the level set through the iterate of",
	"   the quadratic model m(p) = f + g'p + ½p'Bp the last step trusted, its minimum ringed; in",
	"   white the true level set through the same point: where they part, the model was wrong",
	"3D view (Z, or a panel's editor): the surface as a lit mesh, its height the colour's position",
	"   (log f where the colours are), each path lifted onto it; drag to turn it, Shift+arrows too;",
	"   the wheel zooms the window. The translucent disc is the method's quadratic model",
	"   m(p) = f + g'p + ½p'Bp at the current iterate (B: the Hessian, the estimate, or H⁻¹),",
	"   touching the surface there; dashed rim: the trust region; ringed: the model's minimizer",
	"Basins (D): each start coloured by where the panel's method goes from it in 100 steps:",
	"   minimum 1 blue, 2 green, 3 yellow, 4 purple, 5 brown, 6 teal (curvsim list numbers them),",
	"   light grey another stationary point, dark grey not converged, black diverged;",
	"   darker: more iterations. Click a start to run the methods from there",
	"linefit: beside it your points (x, y) and each panel's iterate θ as its line ŷ = θ₁ + θ₂x,",
	"   the least-squares line dashed; drag a point and H = (2/m)XᵀX, its ellipse, λ, κ and",
	"   the stable step 2/λmax follow; tap to add a point, tap, hold or right-click one to delete it",
}
