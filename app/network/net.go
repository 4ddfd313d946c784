package network

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
	"curvlab/engine"
	"curvlab/render"
	"curvlab/render/geom"
	"curvlab/sim"
	"curvlab/sim/la"
	"curvlab/sim/nn"
	"curvlab/sim/scenario"
)

// A network scenario's panels show each method's classifier: the network's
// output over the input plane as a heatmap (class 0 teal, class 1 amber),
// its ½ level (the decision boundary) in white, the training points filled
// and the test points hollow, in their class's colour.
var (
	colClass    = [2]color.RGBA{{0x6c, 0xe0, 0xf0, 0xff}, {0xff, 0xd0, 0x5c, 0xff}}
	colOutline  = color.RGBA{0x10, 0x12, 0x16, 0xff}
	decisionMap = geom.Diverging{
		Lo:  color.RGBA{0x15, 0x55, 0x66, 0xff},
		Mid: color.RGBA{0x2c, 0x2f, 0x38, 0xff},
		Hi:  color.RGBA{0x78, 0x55, 0x14, 0xff},
	}
	halfLevel = []float64{0.5}
)

const (
	// decisionCells is the decision map's resolution along the longer side
	// of a panel: 64² outputs cost about 1 ms natively, 3 ms in a browser,
	// computed by the engine (engine.Core, beside its spectra).
	decisionCells = 64
)

// netView is what the app keeps to draw a network scenario: per panel the
// decision map, the Hessian spectrum and the readout, computed from the
// panel's current weights only when they change; the loss slice; and the
// plots. It is rebuilt when the network or data change.
type netView struct {
	prob *scenario.NetProblem // the problem everything below is for
	// out is the network on the training points, for outputs, accuracy and
	// Hessians: the objective's own workspace stays the methods'.
	out    *nn.MLP
	win    geom.View       // the input plane's window (screen unset)
	shown  geom.View       // the input plane as a panel last showed it (win widened to its shape)
	points [2][2][]float64 // [train, test][class]: interleaved x, y
	runs   []*sim.Run      // the runs the panel caches are for
	panels [scenario.MaxPanels]netPanel
	slice  netSlice
	plots  netPlots
	ticks  ui.AxisTicks
}

// netPanel is one panel's cache.
type netPanel struct {
	run *sim.Run
	// decision map, for trace row mapRow (none until the engine's first)
	mapRow   rowRef
	view     geom.View
	grid     geom.Grid
	vals     []float64
	heat     render.Heatmap
	boundary geom.Contours
	// Hessian spectrum at trace row specRow (ascending; none until the
	// engine's first), its trace
	specRow rowRef
	eig     []float64
	trace   float64
	// the readout, for read (the zero value: for nothing yet)
	read      readKey
	lines     [netReadoutLines]string
	colors    [netReadoutLines]color.RGBA
	specLabel string
	status    string // what the header says of the run
	stClr     color.RGBA
	// the panel's layer (Scene.netPanelLayer)
	layer render.Layer[netPanelKey]
}

// rowRef refers to a trace row, or to none (its zero value).
type rowRef = ui.Ref[sim.Row]

// readKey is what a network panel's readout was built for: the run's
// latest row, the row of its spectrum, and the rows its tracker measured.
type readKey struct {
	row, spec rowRef
	tracked   int
	lang      lang.Lang
}

// forget prepares the panel for run r: what it showed of the previous run
// (its decision map and boundary) goes, so that nothing stale is drawn
// before the engine's first map of r comes.
func (pc *netPanel) forget(r *sim.Run) {
	pc.run, pc.mapRow, pc.specRow, pc.read = r, 0, 0, readKey{}
	if pc.heat.Image() != nil {
		pc.heat = render.Heatmap{Map: decisionMap.At, Smooth: true}
	}
	pc.boundary = geom.Contours{}
}

// reset prepares the view for problem p.
func (nv *netView) reset(p *scenario.NetProblem) {
	nv.prob = p
	nv.runs = nv.runs[:0]
	var err error
	if nv.out, err = nn.NewMLP(p.Net.Arch(), &p.Train); err != nil {
		panic("app: network of a valid scenario: " + err.Error())
	}
	n := nv.out.Dim()
	// The input plane: the data's bounding box with a margin, square.
	x0, x1, y0, y1 := -1.0, 1.0, -1.0, 1.0
	for s, d := range [2]*nn.Dataset{&p.Train, &p.Test} {
		for c := range nv.points[s] {
			nv.points[s][c] = nv.points[s][c][:0]
		}
		for i := 0; i < d.N(); i++ {
			px, py, y := d.Point(i)
			c := 0
			if y >= 0.5 {
				c = 1
			}
			nv.points[s][c] = append(nv.points[s][c], px, py)
			x0, x1, y0, y1 = math.Min(x0, px), math.Max(x1, px), math.Min(y0, py), math.Max(y1, py)
		}
	}
	// Points of one's own being edited keep the window while the panels
	// show them all, so that the plane does not move under the hand.
	w := nv.shown
	if p.Net.Own == nil || !(w.XMax > w.XMin && w.XMin <= x0 && x1 <= w.XMax && w.YMin <= y0 && y1 <= w.YMax) {
		cx, cy, half := (x0+x1)/2, (y0+y1)/2, 0.55*math.Max(x1-x0, y1-y0)
		nv.win = geom.View{XMin: cx - half, XMax: cx + half, YMin: cy - half, YMax: cy + half}
	}
	for k := range nv.panels {
		pc := &nv.panels[k]
		pc.forget(nil)
		pc.eig = make([]float64, n)
		pc.heat.Map = decisionMap.At
		pc.heat.Smooth = true
	}
	nv.slice.reset(p)
}

// panelView is the view of the input plane in panel plot rectangle r.
func (nv *netView) panelView(r geom.Rect) geom.View {
	v := nv.win
	v.Screen = r
	v.EqualAspect()
	return v
}

// netUpdate brings what a network scenario draws up to date with the runs:
// the readouts, the decision maps and spectra the engine computed for each
// run's latest row (it is told the grid the panels want), then the loss
// slice, whose work starts only if expected to end by deadline.
func (s *Scene) netUpdate(panels []ui.PanelRects, deadline time.Time) {
	nv := &s.netView
	st := s.st
	if p := st.Scen.NetProblem(); p != nv.prob {
		nv.reset(p)
	}
	if len(panels) > 0 {
		nv.shown = nv.panelView(panels[0].Plot)
	}
	if !slices.Equal(nv.runs, st.Runs) {
		nv.runs = append(nv.runs[:0], st.Runs...)
		for k := range nv.panels {
			var r *sim.Run
			if k < len(st.Runs) {
				r = st.Runs[k]
			}
			nv.panels[k].forget(r)
		}
		nv.slice.forgetPaths()
	}
	n := len(st.Runs)
	if len(panels) > 0 {
		st.Eng.SetMapGrid(mapGrid(nv.panelView(panels[0].Plot)))
	}
	for k := 0; k < n; k++ {
		if v := st.Eng.View(k); v != nil {
			nv.panels[k].take(v)
		}
		s.netReadout(k)
	}
	nv.slice.update(st, deadline)
}

// mapGrid is the decision map's grid for panel view v: decisionCells
// cells along the longer side.
func mapGrid(v geom.View) engine.MapGrid {
	nx, ny := decisionCells, decisionCells
	if v.Screen.W > v.Screen.H {
		ny = max(8, int(math.Round(decisionCells*v.Screen.H/v.Screen.W)))
	} else {
		nx = max(8, int(math.Round(decisionCells*v.Screen.W/v.Screen.H)))
	}
	return engine.MapGrid{W: nx, H: ny, XMin: v.XMin, XMax: v.XMax, YMin: v.YMin, YMax: v.YMax}
}

// take adopts the engine's newer decision map and spectrum of the panel's
// run.
func (pc *netPanel) take(v *engine.NetView) {
	grid := geom.Grid{W: v.Grid.W, H: v.Grid.H, XMin: v.Grid.XMin, XMax: v.Grid.XMax, YMin: v.Grid.YMin, YMax: v.Grid.YMax}
	if v.Map != nil && (!pc.mapRow.Is(v.MapRow) || grid != pc.grid) {
		pc.mapRow, pc.grid = ui.RefTo[sim.Row](v.MapRow), grid
		pc.vals = append(pc.vals[:0], v.Map...)
		pc.heat.Set(pc.vals, grid.W, grid.H, geom.LinearScale(0, 1))
		pc.boundary.Compute(pc.vals, grid, halfLevel)
	}
	if v.Eig != nil && !pc.specRow.Is(v.SpecRow) && len(v.Eig) == len(pc.eig) {
		pc.specRow, pc.trace = ui.RefTo[sim.Row](v.SpecRow), v.Trace
		copy(pc.eig, v.Eig)
	}
}

// sharpLine is the sharpness at which panel method sp, with the step size
// η_t of its step t (its lr, through its schedule), turns unstable on a
// quadratic (sim.StabilityProduct: 2/η for gradient descent and SAM,
// 2(1+β)/η heavy ball, (2+2β)/((1+2β)η) Nesterov), and its formula; 0 and
// "" for a method without one (+Inf once a schedule's step is 0). For
// Adam and RMSProp it is the line of the preconditioned sharpness
// λmax(P⁻¹H) (sim.PreconditionedStability), and pre is true.
func sharpLine(sp sim.Spec, t int) (line float64, name string, pre bool) {
	c, name, pre, ok := stabilityProduct(sp)
	if !ok {
		return 0, "", false
	}
	eta, _ := sim.StepSizeAt(sp, t)
	return c / eta, strings.ReplaceAll(strings.ReplaceAll(name, "λmax", "η"), "λ)", "η)"), pre
}

// stabilityProduct is c of sp's line c/η (sharpLine), its formula, and
// whether it is the preconditioned sharpness's; ok is false for a method
// without a line.
func stabilityProduct(sp sim.Spec) (c float64, name string, pre, ok bool) {
	if c, name, ok = sim.StabilityProduct(sp); ok {
		return c, name, false, true
	}
	c, name, ok = sim.PreconditionedStability(sp)
	return c, name, ok, ok
}

// sharpnessOf is what panel k's sharpness plot draws: λmax(P⁻¹H) for an
// adaptive method, whose stability it sets, else λmax(H).
func sharpnessOf(st *scene.State, k int) []float64 {
	if _, _, pre := sim.PreconditionedStability(st.Scen.Methods[k]); pre {
		return st.Trackers[k].SharpnessPre
	}
	return st.Trackers[k].Sharpness
}

// scheduled reports whether sp's step size changes over its steps.
func scheduled(sp sim.Spec) bool {
	a, _ := sim.StepSizeAt(sp, 0)
	b, _ := sim.StepSizeAt(sp, 1<<20)
	return a != b
}

// netReadout rebuilds panel k's readout lines when its run advanced, its
// tracker caught up or its spectrum was recomputed.
func (s *Scene) netReadout(k int) {
	st := s.st
	nv := &s.netView
	pc := &nv.panels[k]
	r := st.Runs[k]
	row := len(r.Trace) - 1
	tracked := len(st.Trackers[k].Sharpness)
	key := readKey{row: ui.RefTo[sim.Row](row), spec: pc.specRow, tracked: tracked, lang: lang.Current()}
	if pc.read == key {
		return
	}
	pc.read = key
	last := r.Last()
	clr := ui.PanelColors[k%len(ui.PanelColors)]
	test := nan
	if row < len(st.Trackers[k].TestLoss) {
		test = st.Trackers[k].TestLoss[row]
	}
	pc.lines[0] = lang.T("iter") + " " + strconv.Itoa(last.Iter) + "/" + strconv.Itoa(st.Scen.Steps) + "  " + lang.T("loss") + " " + ui.Num(last.F) + "  " + lang.T("test") + " " + ui.Num(test)
	pc.colors[0] = ui.Ink
	step := "|g| " + ui.Num(last.GNorm) + "  " + lang.T("step") + " " + ui.Num(last.StepLen)
	if last.Epoch != float64(last.Iter) { // on batches: the epoch, and the batch's gradient
		step = lang.T("epoch") + " " + ui.Num(last.Epoch) + "  " + lang.T("batch") + " |g| " + ui.Num(last.GNorm) + "  " + lang.T("step") + " " + ui.Num(last.StepLen)
	}
	if last.Alpha != 0 {
		step += "  α " + ui.Num(last.Alpha)
	}
	pc.lines[1], pc.colors[1] = step, ui.Dim
	lmin, tr := nan, nan
	if pc.specRow.Is(row) {
		lmin, tr = pc.eig[0], pc.trace
	}
	pc.lines[2] = "λmax " + ui.Num(st.Sharpness(k, row)) + "  λmin " + ui.Num(lmin) + "  tr H " + ui.Num(tr)
	pc.colors[2] = clr
	acc := lang.T("accuracy") + "  —"
	if la.IsFinite(last.X) {
		acc = lang.T("accuracy") + "  " + lang.T("train") + " " + ui.Pct(nv.out.Accuracy(last.X)) + "  " + lang.T("test") + " " + ui.Pct(nv.prob.TestLoss.Accuracy(last.X))
	}
	pc.lines[3], pc.colors[3] = acc, ui.Ink
	pc.lines[4], pc.colors[4] = "", ui.Dim
	if v, name, pre := sharpLine(st.Scen.Methods[k], last.Iter); v > 0 {
		pc.lines[4] = lang.T("stability limit") + " " + name + " = " + ui.Num(v)
		if pre {
			pc.lines[4] = "λmax(P⁻¹H) " + ui.Num(st.SharpnessPre(k, row)) + "  " + lang.T("limit") + " " + ui.Num(v) // the formula is long: in help
		}
		if sp := st.Scen.Methods[k]; scheduled(sp) {
			eta, _ := sim.StepSizeAt(sp, last.Iter)
			pc.lines[4] += "  " + lang.T("at") + " η " + ui.Num(eta)
		}
	}
	if last.Events != 0 {
		pc.lines[4], pc.colors[4] = lang.T("events:")+" "+scene.EventsText(last.Events), ui.Warn
	}
	negs := 0
	for _, e := range pc.eig {
		if e < 0 {
			negs++
		}
	}
	pc.specLabel = strconv.Itoa(k+1) + "  " + st.Scen.Methods[k].String()
	if i, ok := pc.specRow.Index(); ok {
		pc.specLabel += "  ·  " + lang.T("iter") + " " + strconv.Itoa(i) + "  ·  " + lang.F("%d negative", negs)
	}
	// A minimum unless the spectrum at this row says otherwise (the Hessian
	// of a network at a minimum is singular: tiny negative eigenvalues are
	// rounding).
	notMin := pc.specRow.Is(row) && lmin < -1e-6*math.Abs(pc.eig[len(pc.eig)-1])
	pc.status, pc.stClr = scene.RunStatus(&last.Step, !notMin)
}
