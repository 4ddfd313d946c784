package engine

import (
	"math"
	"time"

	"curvlab/sim"
	"curvlab/sim/explore"
	"curvlab/sim/scenario"
)

// Client is the drawing side of the engine: it opens scenarios, says how
// many rows it wants, and keeps a mirror of each run (sim.NewMirror) and
// of each network tracker, filled from the rows the Core sends. What the
// app draws comes from these mirrors only. Rows of an older generation
// are dropped unread: a stale row is never drawn.
type Client struct {
	t        Transport
	gen      uint32
	scen     scenario.Scenario
	text     string
	runs     []*sim.Run
	trackers []*scenario.NetTracker
	want     int
	sent     int // the want last sent
	rr       rowsReader
	// the decision maps asked for, and the grid last sent
	grid, sentGrid MapGrid
	views          []NetView
	// the basins asked for, the grid last sent, and what came of them
	basinGrid, sentBasins MapGrid
	basins                []BasinView
	// the sweep asked for, the request last sent, and the points come
	sweep, sentSweep sweepAsk
	sweepVersion     uint32
	points           [][]explore.Point
	pointsIn         int // counts the points that came
	// fellBack is set once the client computes in the page after its
	// transport failed.
	fellBack bool
}

// NewClient returns a client computing through t.
func NewClient(t Transport) *Client { return &Client{t: t} }

// Transport names where the runs are computed: "page", "goroutine" or
// "worker".
func (c *Client) Transport() string { return c.t.Name() }

// Open starts the runs of sc, whose row 0 the client computes itself (it
// costs one evaluation of each method's start) so that the first frame
// has something to draw without waiting for the computing side.
func (c *Client) Open(sc scenario.Scenario) {
	c.gen++
	c.scen, c.text = sc, sc.Encode()
	local := sc.NewRuns()
	c.runs = make([]*sim.Run, len(local))
	have := make([]int, len(local))
	for i, r := range local {
		c.runs[i] = sim.NewMirror(r.Dim(), r.Options())
		c.runs[i].Append(r.Row(0)) // cannot fail: a run's own row
		have[i] = 1
	}
	c.trackers = nil
	if p := sc.NetProblem(); p != nil {
		c.trackers = make([]*scenario.NetTracker, len(local))
		for i, r := range local {
			test, sharp := scenario.NewNetTracker(p).Measure(r.X(0))
			// row 0: before any step, no preconditioner
			c.trackers[i] = &scenario.NetTracker{TestLoss: []float64{test}, Sharpness: []float64{sharp}, SharpnessPre: []float64{math.NaN()}}
		}
	}
	c.want, c.sent = 1, 0
	c.sentGrid, c.sentBasins = MapGrid{}, MapGrid{}
	c.sentSweep = sweepAsk{}
	c.points = make([][]explore.Point, len(local))
	c.basins = nil
	if sc.Kind() == scenario.KindSurface {
		c.basins = make([]BasinView, len(local))
	}
	c.views = c.views[:0]
	if c.trackers != nil {
		c.views = make([]NetView, len(local))
	}
	c.t.Send(openMsg(c.gen, c.text, have))
}

// NetView is what a network panel draws besides the rows: the decision map
// (nil until the first comes) and the Hessian spectrum (Eig nil until the
// first comes), each with the trace row it was computed at. Its slices are
// overwritten when a newer one comes: copy what you keep.
type NetView struct {
	Map    []float64 // Grid.W·Grid.H outputs, row 0 at the top
	Grid   MapGrid
	MapRow int
	Eig    []float64 // the Hessian's eigenvalues, ascending
	Trace  float64   // its trace
	// SpecRow is the row of Eig and Trace.
	SpecRow int
}

// BasinView is a run's basins of attraction as far as they came: the
// cells of Grid (row 0 at the top), a coarser grid than the one asked for
// until Final.
type BasinView struct {
	Grid  MapGrid
	Cells []explore.Basin
	Final bool
	// Version counts the pictures that came.
	Version int
}

// SetBasinGrid asks for each run's basins of attraction on grid g (the
// zero grid: none); they come coarse to fine. The request goes out at the
// next Update.
func (c *Client) SetBasinGrid(g MapGrid) { c.basinGrid = g }

// Basins is run k's basins of attraction (nil for a network).
func (c *Client) Basins(k int) *BasinView {
	if k < len(c.basins) {
		return &c.basins[k]
	}
	return nil
}

// sweepAsk is a sweep request: spec's sweep of every run's method, when on.
type sweepAsk struct {
	on   bool
	spec scenario.SweepSpec
}

// SetSweep asks for the sweep spec of every run's method (explore.PanelSweep;
// on false: none). The request goes out at the next Update; the points of
// an earlier one are dropped.
func (c *Client) SetSweep(spec scenario.SweepSpec, on bool) {
	c.sweep = sweepAsk{on: on}
	if on {
		c.sweep.spec = spec
	}
}

// Sweep is what came of run k's sweep, value by value in order (nil for a
// run that is not there). The slice is the client's: copy what you keep.
func (c *Client) Sweep(k int) []explore.Point {
	if k < len(c.points) {
		return c.points[k]
	}
	return nil
}

// SweepVersion counts the points that came, and the requests: what is
// drawn from Sweep can be keyed by it.
func (c *Client) SweepVersion() int { return c.pointsIn }

// applyPoint takes a sweep's point; one of an earlier request is dropped,
// one out of order refused.
func (c *Client) applyPoint(r reader) error {
	version, run, j, p, err := readPoint(&r)
	if err != nil {
		return err
	}
	if version != c.sweepVersion || !c.sentSweep.on {
		return nil // for an earlier request
	}
	if run >= len(c.points) || j != len(c.points[run]) {
		return failure("a sweep point out of order, or for a run that is not there")
	}
	c.points[run] = append(c.points[run], p)
	c.pointsIn++
	return nil
}

// SetMapGrid asks for decision maps on grid g (the zero grid: none); the
// request goes out at the next Update.
func (c *Client) SetMapGrid(g MapGrid) { c.grid = g }

// View is run k's network view (nil for a surface).
func (c *Client) View(k int) *NetView {
	if k < len(c.views) {
		return &c.views[k]
	}
	return nil
}

// Runs are the mirrors of the scenario's runs, one per panel.
func (c *Client) Runs() []*sim.Run { return c.runs }

// Trackers are the mirrors of a network's trackers (nil for a surface):
// each run's test loss and sharpness, row by row.
func (c *Client) Trackers() []*scenario.NetTracker { return c.trackers }

// Want asks for every run to have rows rows (or to end before). The
// request goes out at the next Update.
func (c *Client) Want(rows int) { c.want = max(c.want, rows) }

// Wanted is the number of rows asked for.
func (c *Client) Wanted() int { return c.want }

// Update sends the pending request and applies the rows that have arrived,
// computing until deadline when the transport computes in the page. When
// the transport fails (a worker that died), the client goes on in the
// page from the rows it holds and returns a notice saying so; otherwise
// notice is "".
func (c *Client) Update(deadline time.Time) (notice string) {
	if c.want > c.sent {
		c.t.Send(wantMsg(c.gen, c.want))
		c.sent = c.want
	}
	if c.views != nil && c.grid != c.sentGrid {
		c.t.Send(viewsMsg(c.gen, c.grid))
		c.sentGrid = c.grid
	}
	if c.sweep != c.sentSweep {
		c.sweepVersion++
		c.t.Send(sweepMsg(c.gen, c.sweepVersion, c.sweep.on, c.sweep.spec.String()))
		c.sentSweep = c.sweep
		for k := range c.points {
			c.points[k] = c.points[k][:0]
		}
		c.pointsIn++
	}
	if c.basins != nil && c.basinGrid != c.sentBasins {
		c.t.Send(basinsMsg(c.gen, c.basinGrid))
		c.sentBasins = c.basinGrid
		for k := range c.basins {
			c.basins[k] = BasinView{Cells: c.basins[k].Cells[:0], Version: c.basins[k].Version + 1}
		}
	}
	msgs, err := c.t.Receive(deadline)
	for _, m := range msgs {
		if e := c.apply(m); e != nil && err == nil {
			err = e
		}
	}
	if err != nil {
		return c.fallBack(err)
	}
	return ""
}

// apply adds the rows of one reply to the mirrors.
func (c *Client) apply(msg []byte) error {
	k, gen, r, err := readHeader(msg)
	if err != nil {
		return err
	}
	if gen != c.gen {
		return nil // stale
	}
	switch k {
	case msgFailed:
		return failure(string(r.b))
	case msgRows:
	case msgMap, msgSpectrum:
		return c.applyView(k, r)
	case msgBasin:
		return c.applyBasin(r)
	case msgPoint:
		return c.applyPoint(r)
	default:
		return failure("unexpected " + k.String() + " reply")
	}
	rr := &c.rr
	if err := rr.start(r); err != nil {
		return err
	}
	if rr.run >= len(c.runs) || rr.dim != c.runs[rr.run].Dim() {
		return failure("rows for a run that is not there")
	}
	run := c.runs[rr.run]
	for i := 0; i < rr.count; i++ {
		if err := rr.next(); err != nil {
			return err
		}
		if run.Done {
			return failure("rows after the end of a run")
		}
		if err := run.Append(rr.row); err != nil {
			return err
		}
		if c.trackers != nil {
			t := c.trackers[rr.run]
			t.TestLoss = append(t.TestLoss, rr.nm.test)
			t.Sharpness = append(t.Sharpness, rr.nm.sharp)
			t.SharpnessPre = append(t.SharpnessPre, rr.nm.sharpPre)
		}
	}
	return nil
}

// applyView takes a decision map or a spectrum.
func (c *Client) applyView(k msgKind, r reader) error {
	run, row := int(r.u8()), int(r.u32())
	if r.err != nil {
		return r.err
	}
	if run >= len(c.views) || row >= len(c.runs[run].Trace) {
		return failure("a view for a row that is not there")
	}
	v := &c.views[run]
	if k == msgMap {
		g, err := r.grid()
		if err != nil {
			return err
		}
		if len(r.b) != 8*g.W*g.H {
			return failure("a decision map of the wrong size")
		}
		v.Map = r.f64s(v.Map, g.W*g.H)
		v.Grid, v.MapRow = g, row
		return nil
	}
	n := int(r.u32())
	trace := r.f64()
	if r.err != nil {
		return r.err
	}
	if n != c.runs[run].Dim() || len(r.b) != 8*n {
		return failure("a spectrum of the wrong size")
	}
	v.Eig = r.f64s(v.Eig, n)
	v.Trace, v.SpecRow = trace, row
	return nil
}

// applyBasin takes a basin picture; one for a grid other than the one
// asked for last (a request on its way) is dropped.
func (c *Client) applyBasin(r reader) error {
	run, final := int(r.u8()), r.u8() == 1
	g, err := r.basinGrid()
	if err != nil {
		return err
	}
	if run >= len(c.basins) || len(r.b) != 4*g.W*g.H {
		return failure("a basin picture of the wrong size, or for a run that is not there")
	}
	if final && g != c.sentBasins || g.XMin != c.sentBasins.XMin || g.XMax != c.sentBasins.XMax ||
		g.YMin != c.sentBasins.YMin || g.YMax != c.sentBasins.YMax {
		return nil // for an earlier request
	}
	v := &c.basins[run]
	v.Cells = v.Cells[:0]
	for i := 0; i < g.W*g.H; i++ {
		o, m, it := explore.Outcome(r.u8()), int(r.u8()), int(r.u16())
		if o < explore.NotConverged || o > explore.Diverged {
			return failure("a basin cell of no outcome")
		}
		v.Cells = append(v.Cells, explore.Basin{Outcome: o, Minimum: m, Iterations: it})
	}
	v.Grid, v.Final = g, final
	v.Version++
	return nil
}

// fallBack replaces the transport by one computing in the page, going on
// from the rows held.
func (c *Client) fallBack(err error) string {
	if c.fellBack {
		// The page itself failed: nothing else to fall back to. Keep what
		// is drawn and stop asking.
		c.want = 0
		return "Computing stopped: " + err.Error() + "."
	}
	c.fellBack = true
	c.t.Close()
	c.t = NewInProcess()
	c.gen++
	have := make([]int, len(c.runs))
	for i, r := range c.runs {
		have[i] = len(r.Trace)
	}
	c.t.Send(openMsg(c.gen, c.text, have))
	c.sent = 0
	c.sentGrid, c.sentBasins, c.sentSweep = MapGrid{}, MapGrid{}, sweepAsk{}
	return "Computing in the page: " + err.Error() + "."
}

// Done reports whether every run has ended or reached the scenario's
// steps.
func (c *Client) Done() bool {
	for _, r := range c.runs {
		if !r.Done && len(r.Trace) <= c.scen.Steps {
			return false
		}
	}
	return true
}

// Rows is the fewest rows any unfinished run holds (that of the longest
// run when all have ended).
func (c *Client) Rows() int {
	least, most := math.MaxInt, 0
	for _, r := range c.runs {
		most = max(most, len(r.Trace))
		if !r.Done && len(r.Trace) <= c.scen.Steps {
			least = min(least, len(r.Trace))
		}
	}
	if least == math.MaxInt {
		return most
	}
	return least
}

type failure string

func (f failure) Error() string { return string(f) }
