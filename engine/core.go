package engine

import (
	"fmt"
	"time"

	"curvlab/sim"
	"curvlab/sim/scenario"
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
	c.pending = append(c.pending, failedMsg(gen, why))
}

// target is the number of rows run k is to have.
func (c *Core) target(k int) int {
	return min(max(c.want, c.have[k]), c.scen.Steps+1)
}

// Busy reports whether some run has rows to compute.
func (c *Core) Busy() bool {
	for k, r := range c.runs {
		if !r.Done && len(r.Trace) < c.target(k) {
			return true
		}
	}
	return false
}

// Work steps the runs, one row of each in turn, until they reach what is
// wanted or the deadline passes (it takes at least one step when there is
// one to take, so it never starves), and makes the rows messages.
func (c *Core) Work(deadline time.Time) {
	for first := true; c.Busy() && (first || time.Now().Before(deadline)); first = false {
		for k, r := range c.runs {
			if !r.Done && len(r.Trace) < c.target(k) {
				r.Step()
				c.send(k)
			}
		}
	}
	c.flush()
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
	test, sharp := 0.0, 0.0
	if c.trackers != nil {
		test, sharp = c.trackers[k].TestLoss[row], c.trackers[k].Sharpness[row]
	}
	rw.add(r.Last(), c.trackers != nil, test, sharp)
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
