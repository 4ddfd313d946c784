package engine

import (
	"fmt"
	"math"
	"slices"
	"time"

	"curvlab/sim"
	"curvlab/sim/explore"
	"curvlab/sim/la"
	"curvlab/sim/nn"
	"curvlab/sim/scenario"
	"curvlab/sim/surfaces"
)

// Core is the computing side of the engine: it holds a scenario's runs
// (and, on a network, the trackers that measure each row's test loss and
// sharpness), steps them as far as the client wants, and turns each new row
// into a rows message. It is driven from one goroutine: Handle a request,
// Work until a deadline, Take the replies. Every transport runs the same
// Core, so the rows are bit for bit the same whichever computes them.
type Core struct {
	gen      uint32
	scen     scenario.Scenario
	runs     []*sim.Run
	trackers []*scenario.NetTracker
	// have is what the client holds of each run: rows below it are
	// computed but not sent (a client that lost its worker keeps its rows
	// and asks a new Core to go on from them).
	have []int
	want int // rows wanted of every run
	// rows being built for each run, and the replies ready to take
	out     []rowsWriter
	pending [][]byte
	failed  bool
	// views of a network's runs, computed at each run's latest row
	views netViews
	// basins of a surface's methods, when asked
	basins basinJobs
	// the parameter sweep of each run's method, when asked
	sweeps sweepJobs
}

// sweepJobs run each run's method again for every value of its sweep
// (explore.PanelSweep), one run at a time round the panels, a slice of
// steps at a time, and send each value's point as it ends.
type sweepJobs struct {
	version uint32 // of the request
	on      bool
	scen    scenario.Scenario // the scenario with the sweep asked for
	jobs    []sweepJob
}

// sweepJob is one run's sweep in progress.
type sweepJob struct {
	sweep   explore.Sweep // no Values: none for the run
	j       int           // the value being run
	run     *sim.Run      // its run, nil before it starts
	tracker *scenario.NetTracker
}

// sweepSlice is how many steps a sweep's run takes between looks at the
// deadline.
const sweepSlice = 64

// reset starts the sweeps of spec (on: else none) for sc's runs.
func (s *sweepJobs) reset(sc scenario.Scenario, version uint32, on bool, spec scenario.SweepSpec) {
	s.version, s.on, s.jobs = version, on, s.jobs[:0]
	if !on {
		return
	}
	s.scen = sc
	s.scen.Sweep = spec
	for k := range sc.Methods {
		sw, _ := explore.PanelSweep(s.scen, k)
		j := sweepJob{sweep: sw}
		if p := sc.NetProblem(); p != nil && len(sw.Values) > 0 {
			j.tracker = scenario.NewNetTracker(p)
		}
		s.jobs = append(s.jobs, j)
	}
}

// busy reports whether a sweep has values to run.
func (s *sweepJobs) busy() bool {
	for _, j := range s.jobs {
		if j.j < len(j.sweep.Values) {
			return true
		}
	}
	return false
}

// basinJobs compute each run's basins of attraction (package explore) on
// the grid asked, coarse to fine: a level is a whole picture on a grid
// with a cell for each f×f of the asked one, f halving from 8 (or less,
// for a small grid) to 1; each level is sent when done.
type basinJobs struct {
	grid   MapGrid // asked; W = 0: none
	set    explore.Settings
	minima []surfaces.Minimum
	reach  float64
	jobs   []basinJob
}

// basinJob is one run's picture in progress.
type basinJob struct {
	f     int     // the level: cells of the asked grid per cell, along each side (0: done)
	level MapGrid // its grid
	row   int     // its next row
	cells []explore.Basin
}

// basinSteps is the most iterations a start's run takes: the picture's
// "not converged" is within this many.
const basinSteps = 100

// reset starts the pictures of runs runs of sc on grid g again (none
// for a network or the zero grid).
func (b *basinJobs) reset(sc scenario.Scenario, runs int, g MapGrid) {
	b.grid, b.jobs = g, b.jobs[:0]
	if g.W == 0 || sc.Kind() != scenario.KindSurface {
		return
	}
	b.set = explore.Settings{Steps: min(sc.Steps, basinSteps), Tol: sc.Tol}
	if b.set.Tol == 0 {
		b.set.Tol = scenario.DefaultTol // a start must be able to converge
	}
	surf := sc.Surface()
	b.minima = surf.Minima()
	w := surfaces.Window{XMin: g.XMin, XMax: g.XMax, YMin: g.YMin, YMax: g.YMax}
	b.reach = explore.Reach(w)
	f := 1
	for f < 8 && g.W/(2*f) >= 16 && g.H/(2*f) >= 16 {
		f *= 2
	}
	for range runs {
		j := basinJob{}
		j.start(g, f)
		b.jobs = append(b.jobs, j)
	}
}

// start begins level f of grid g.
func (j *basinJob) start(g MapGrid, f int) {
	j.f, j.row = f, 0
	j.level = g
	j.level.W, j.level.H = (g.W+f-1)/f, (g.H+f-1)/f
	j.cells = slices.Grow(j.cells[:0], j.level.W*j.level.H)[:j.level.W*j.level.H]
}

// busy reports whether a picture is not done.
func (b *basinJobs) busy() bool {
	for _, j := range b.jobs {
		if j.f > 0 {
			return true
		}
	}
	return false
}

// spectrumEvery is how often, at most, a run's Hessian spectrum is
// recomputed while it advances (a dense Hessian and all its eigenvalues:
// 3 ms natively, 8 ms in a browser, for 105 weights); a run that stops has
// its latest row's spectrum at once.
const spectrumEvery = 400 * time.Millisecond

// mapEvery is how often, at most, a run's decision map is recomputed while
// it advances: about as often as the page draws a frame, not once per
// worker slice (a map costs 1 ms natively, 3 ms in a browser, and the page
// redraws the panel for each).
const mapEvery = 33 * time.Millisecond

// netViews computes what a network panel draws besides its rows: the
// decision map (the output over the input plane) and every eigenvalue of
// the training loss's Hessian, each at its run's latest row.
type netViews struct {
	out        *nn.MLP // the network on the training points (its own workspace)
	grid       MapGrid
	hess, work []float64
	vals, eig  []float64
	mapRow     []sentRow // the row each run's map was sent for
	specRow    []sentRow
	mapAt      []time.Time
	specAt     []time.Time
}

// sentRow is the row a view was last sent for; the zero value is none.
type sentRow struct {
	row  int
	sent bool
}

// is reports whether the view was sent for row.
func (s sentRow) is(row int) bool { return s.sent && s.row == row }

// reset prepares the views for the runs of p (nil: a surface).
func (v *netViews) reset(p *scenario.NetProblem, runs int) {
	v.out = nil
	if p == nil {
		return
	}
	out, err := nn.NewMLP(p.Net.Arch(), &p.Train)
	if err != nil {
		return // cannot happen for a problem that was built; no views then
	}
	n := out.Dim()
	v.out = out
	v.hess, v.work, v.eig = make([]float64, n*n), make([]float64, nn.SpectrumWork(n)), make([]float64, n)
	v.mapRow, v.specRow = make([]sentRow, runs), make([]sentRow, runs)
	v.mapAt, v.specAt = make([]time.Time, runs), make([]time.Time, runs)
}

// due reports whether run k (latest row row; stepping says it is still
// advancing) needs a map or a spectrum now.
func (v *netViews) due(k, row int, stepping bool) (mapDue, specDue bool) {
	if v.out == nil {
		return false, false
	}
	mapDue = v.grid.W > 0 && !v.mapRow[k].is(row) && (!stepping || time.Since(v.mapAt[k]) >= mapEvery)
	specDue = !v.specRow[k].is(row) && (!stepping || time.Since(v.specAt[k]) >= spectrumEvery)
	return mapDue, specDue
}

// Handle takes one request. A request for an older generation than the
// current is ignored; an open replaces everything at once (the stale runs
// are dropped, their rows never sent).
func (c *Core) Handle(msg []byte) {
	k, gen, r, err := readHeader(msg)
	if err != nil {
		c.fail(gen, "a request could not be read: "+err.Error())
		return
	}
	switch k {
	case msgOpen:
		text, have, err := readOpen(&r)
		if err != nil {
			c.fail(gen, "an open request could not be read: "+err.Error())
			return
		}
		c.open(gen, text, have)
	case msgWant:
		rows := int(r.u32())
		if r.err == nil && gen == c.gen {
			c.want = rows
		}
	case msgViews:
		g, err := r.grid()
		if err != nil {
			c.fail(gen, "a views request could not be read: "+err.Error())
			return
		}
		if gen == c.gen && g != c.views.grid {
			c.views.grid = g
			for k := range c.views.mapRow {
				c.views.mapRow[k] = sentRow{}
			}
		}
	case msgSweep:
		version, on := r.u32(), r.u8()
		if r.err != nil || on > 1 {
			c.fail(gen, "a sweep request could not be read")
			return
		}
		spec, err := parseSweepRequest(c.scen, string(r.b))
		if err != nil {
			c.fail(gen, "a sweep request could not be read: "+err.Error())
			return
		}
		if gen == c.gen && c.runs != nil {
			c.sweeps.reset(c.scen, version, on == 1, spec)
		}
	case msgBasins:
		g, err := r.basinGrid()
		if err != nil {
			c.fail(gen, "a basins request could not be read: "+err.Error())
			return
		}
		if gen == c.gen && c.runs != nil && g != c.basins.grid {
			c.basins.reset(c.scen, len(c.runs), g)
		}
	default:
		c.fail(gen, fmt.Sprintf("unexpected %v request", k))
	}
}

func (c *Core) open(gen uint32, text string, have []int) {
	sc, err := scenario.Decode(text)
	if err != nil {
		c.fail(gen, "the scenario could not be read: "+err.Error())
		return
	}
	c.gen, c.scen, c.failed = gen, sc, false
	c.runs = sc.NewRuns()
	c.trackers = nil
	if p := sc.NetProblem(); p != nil {
		c.trackers = make([]*scenario.NetTracker, len(c.runs))
		for i, run := range c.runs {
			c.trackers[i] = scenario.NewNetTracker(p)
			c.trackers[i].Follow(run)
		}
	}
	c.views.reset(sc.NetProblem(), len(c.runs))
	c.basins.reset(sc, len(c.runs), MapGrid{})
	c.sweeps.reset(sc, 0, false, scenario.SweepSpec{})
	c.have = make([]int, len(c.runs))
	copy(c.have, have)
	c.want = 0
	c.pending = c.pending[:0]
	if len(c.out) < len(c.runs) {
		c.out = make([]rowsWriter, len(c.runs))
	}
	for i := range c.runs {
		c.out[i].count = 0
		c.send(i) // row 0, unless the client has it
	}
}

func (c *Core) fail(gen uint32, why string) {
	c.failed = true
	c.runs = nil
	c.basins.jobs = nil
	c.sweeps.jobs = nil
	c.pending = append(c.pending, failedMsg(gen, why))
}

// target is the number of rows run k is to have.
func (c *Core) target(k int) int {
	return min(max(c.want, c.have[k]), c.scen.Steps+1)
}

// stepping reports whether run k has rows to compute.
func (c *Core) stepping(k int) bool {
	r := c.runs[k]
	return !r.Done && len(r.Trace) < c.target(k)
}

// Busy reports whether some run has rows to compute, or a view due.
func (c *Core) Busy() bool {
	for k, r := range c.runs {
		if c.stepping(k) {
			return true
		}
		if m, s := c.views.due(k, len(r.Trace)-1, false); m || s {
			return true
		}
	}
	return c.basins.busy() || c.sweeps.busy()
}

// Work steps the runs, one row of each in turn, until they reach what is
// wanted or the deadline passes (it takes at least one step when there is
// one to take, so it never starves), makes the rows messages, and then the
// views that are due, for each run's latest row (after its rows, so that
// the client has the row a view is for).
func (c *Core) Work(deadline time.Time) {
	for first := true; first || time.Now().Before(deadline); first = false {
		stepped := false
		for k, r := range c.runs {
			if c.stepping(k) {
				r.Step()
				c.send(k)
				stepped = true
			}
		}
		if !stepped {
			break
		}
	}
	c.flush()
	for k, r := range c.runs {
		row := len(r.Trace) - 1
		mapDue, specDue := c.views.due(k, row, c.stepping(k))
		v := &c.views
		if mapDue {
			g := v.grid
			v.vals = slices.Grow(v.vals[:0], g.W*g.H)[:g.W*g.H]
			v.out.OutputGrid(v.vals, r.Last().X, g.W, g.H, g.XMin, g.XMax, g.YMin, g.YMax)
			v.mapRow[k], v.mapAt[k] = sentRow{row, true}, time.Now()
			c.pending = append(c.pending, mapMsg(c.gen, k, row, g, v.vals))
		}
		if specDue {
			x := r.Last().X
			trace := math.NaN()
			if la.IsFinite(x) {
				v.out.Hess(v.hess, x)
				trace = nn.Trace(v.hess, len(v.eig))
				nn.Spectrum(v.eig, v.hess, v.work, len(v.eig))
			} else {
				for i := range v.eig {
					v.eig[i] = math.NaN()
				}
			}
			v.specRow[k], v.specAt[k] = sentRow{row, true}, time.Now()
			c.pending = append(c.pending, spectrumMsg(c.gen, k, row, trace, v.eig))
		}
	}
	c.workBasins(deadline)
	c.workSweeps(deadline)
}

// workSweeps runs the sweeps' runs, a slice of steps of each run's
// current value in turn, until the deadline (at least one slice when
// there is one to run), and sends each value's point when its run ends.
func (c *Core) workSweeps(deadline time.Time) {
	s := &c.sweeps
	for first := true; s.busy() && (first || time.Now().Before(deadline)); first = false {
		for k := range s.jobs {
			j := &s.jobs[k]
			if j.j >= len(j.sweep.Values) {
				continue
			}
			if j.run == nil {
				j.run = j.sweep.NewRun(s.scen, k, j.j)
			}
			for n := 0; n < sweepSlice && len(j.run.Trace) <= s.scen.Steps && j.run.Step(); n++ {
			}
			if !j.run.Done && len(j.run.Trace) <= s.scen.Steps {
				continue
			}
			c.pending = append(c.pending, pointMsg(c.gen, s.version, k, j.j, j.sweep.Point(j.run, j.j, j.tracker)))
			j.run = nil
			j.j++
		}
	}
}

// parseSweepRequest reads the sweep a request asks for: "" the default,
// else a spec sc's methods can run (scenario.SweepSpec).
func parseSweepRequest(sc scenario.Scenario, text string) (scenario.SweepSpec, error) {
	if text == "" {
		return scenario.SweepSpec{}, nil
	}
	if sc.Methods == nil {
		return scenario.SweepSpec{}, fmt.Errorf("no scenario is open")
	}
	probe := sc.Clone()
	probe.Sweep = scenario.SweepSpec{}
	d, err := scenario.Decode(probe.Encode() + ";y=" + text)
	if err != nil {
		return scenario.SweepSpec{}, err
	}
	return d.Sweep, nil
}

// workBasins computes rows of the basin pictures, a row of each run's in
// turn, until the deadline (at least one round when nothing else was to
// do), and sends each level as it is done.
func (c *Core) workBasins(deadline time.Time) {
	b := &c.basins
	for first := true; b.busy() && (first || time.Now().Before(deadline)); first = false {
		for k := range b.jobs {
			j := &b.jobs[k]
			if j.f == 0 {
				continue
			}
			g := j.level
			w := surfaces.Window{XMin: g.XMin, XMax: g.XMax, YMin: g.YMin, YMax: g.YMax}
			explore.Row(j.cells[j.row*g.W:(j.row+1)*g.W], c.scen.Surface(), b.minima, c.scen.Methods[k], w, g.W, g.H, j.row, b.set, b.reach)
			if j.row++; j.row < g.H {
				continue
			}
			c.pending = append(c.pending, basinMsg(c.gen, k, j.f == 1, g, j.cells))
			if j.f == 1 {
				j.f = 0
			} else {
				j.start(b.grid, j.f/2)
			}
		}
	}
}

// send adds run k's latest row to its rows message, unless the client
// has it already.
func (c *Core) send(k int) {
	r := c.runs[k]
	row := len(r.Trace) - 1
	if row < c.have[k] {
		return
	}
	rw := &c.out[k]
	if rw.count == 0 {
		rw.start(nil, c.gen, k, r.Dim(), r.Dim() <= r.Options().CurvMaxDim)
	}
	var nm netMeasures
	if t := c.trackers; t != nil {
		nm = netMeasures{t[k].TestLoss[row], t[k].Sharpness[row], t[k].SharpnessPre[row]}
	}
	rw.add(r.Last(), c.trackers != nil, nm)
}

// flush moves the rows messages built so far to the replies.
func (c *Core) flush() {
	for k := range c.runs {
		if rw := &c.out[k]; rw.count > 0 {
			c.pending = append(c.pending, rw.bytes())
			rw.count = 0
		}
	}
}

// Take returns the replies made since the last call (the caller owns
// them).
func (c *Core) Take() [][]byte {
	c.flush()
	p := c.pending
	c.pending = nil
	return p
}
