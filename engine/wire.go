package engine

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"

	"curvlab/sim"
	"curvlab/sim/explore"
)

// The wire format: every message, request or reply, is a byte slice that
// starts with its kind and the generation it belongs to. Numbers are
// little-endian; floats travel as their IEEE 754 bits, so a row arrives
// bit for bit as it was computed.
//
//	open    kind u8 | gen u32 | runs u8 | have u32 × runs | text (the rest)
//	want    kind u8 | gen u32 | rows u32
//	rows    kind u8 | gen u32 | run u8 | dim u32 | count u32 | row × count
//	failed  kind u8 | gen u32 | message (the rest)
//	views   kind u8 | gen u32 | grid (the decision maps wanted)
//	map     kind u8 | gen u32 | run u8 | row u32 | grid | W·H f64
//	spectrum kind u8 | gen u32 | run u8 | row u32 | n u32 | trace f64 | n f64
//	basins  kind u8 | gen u32 | grid (the basins wanted; W = 0: none)
//	basin   kind u8 | gen u32 | run u8 | final u8 | grid | W·H cells
//	sweep   kind u8 | gen u32 | version u32 | on u8 | spec (the rest: scenario.SweepSpec's text, "" for the default)
//	point   kind u8 | gen u32 | version u32 | run u8 | j u32 | value, F, GNorm f64 | iter u32 | events u16 | test loss, sharpness f64
//
// where a basin cell is its outcome u8, minimum u8 and iterations u16
// (explore.Basin, iterations capped at 65535);
//
// where grid is W, H u32 and XMin, XMax, YMin, YMax f64 (MapGrid).
//
// A row is its scalars (rowScalarBytes), then its vectors: x and g (dim
// each); the curvature matrix (dim², if flagCurv), the direction and the
// trust-region step (dim each, if flagDir, flagTR: the row has them and
// dim is at most the run's CurvMaxDim); the trial points and
// their values (trials·dim and trials, if flagTrials); the test loss and
// the sharpness (if flagNet).
type msgKind uint8

const (
	msgOpen msgKind = iota + 1
	msgWant
	msgRows
	msgFailed
	msgViews
	msgMap
	msgSpectrum
	msgBasins
	msgBasin
	msgSweep
	msgPoint
)

func (k msgKind) String() string {
	switch k {
	case msgOpen:
		return "open"
	case msgWant:
		return "want"
	case msgRows:
		return "rows"
	case msgFailed:
		return "failed"
	case msgViews:
		return "views"
	case msgMap:
		return "map"
	case msgSpectrum:
		return "spectrum"
	case msgBasins:
		return "basins"
	case msgBasin:
		return "basin"
	case msgSweep:
		return "sweep"
	case msgPoint:
		return "point"
	}
	return fmt.Sprintf("msgKind(%d)", uint8(k))
}

// Row flags: which vectors follow a row's scalars.
const (
	flagHasDir uint8 = 1 << iota // Step.HasDir
	flagHasTR                    // Step.HasTR
	flagDir                      // the direction follows
	flagTR                       // the trust-region step follows
	flagCurv
	flagTrials
	flagNet
)

// headerBytes is a message's kind and generation.
const headerBytes = 5

// rowScalarBytes: iter, trials (u32 ×2); F, GNorm, StepLen, Alpha,
// Radius, Pred, Rho, Epoch, BatchF (f64 ×9); FEvals, GEvals, HEvals (u32
// ×3); events (u16); curvature kind and flags (u8 ×2).
const rowScalarBytes = 4*2 + 8*9 + 4*3 + 2 + 1 + 1

// maxDim bounds the dimension a rows message may claim, far above the
// largest network (177 weights), so that a corrupt length cannot ask for a
// huge allocation.
const maxDim = 1 << 12

var errShort = errors.New("message ends early")

// writer appends to a message.
type writer struct{ b []byte }

func (w *writer) u8(v uint8)   { w.b = append(w.b, v) }
func (w *writer) u16(v uint16) { w.b = binary.LittleEndian.AppendUint16(w.b, v) }
func (w *writer) u32(v uint32) { w.b = binary.LittleEndian.AppendUint32(w.b, v) }
func (w *writer) int(v int)    { w.u32(uint32(v)) }
func (w *writer) f64(v float64) {
	w.b = binary.LittleEndian.AppendUint64(w.b, math.Float64bits(v))
}
func (w *writer) f64s(v []float64) {
	for _, x := range v {
		w.f64(x)
	}
}

func (w *writer) header(k msgKind, gen uint32) {
	w.u8(uint8(k))
	w.u32(gen)
}

// reader reads a message; the first error sticks and later reads return
// zeros.
type reader struct {
	b   []byte
	err error
}

func (r *reader) take(n int) []byte {
	if r.err != nil || n < 0 || len(r.b) < n {
		if r.err == nil {
			r.err = errShort
		}
		return nil
	}
	p := r.b[:n]
	r.b = r.b[n:]
	return p
}

func (r *reader) u8() uint8 {
	if p := r.take(1); p != nil {
		return p[0]
	}
	return 0
}

func (r *reader) u16() uint16 {
	if p := r.take(2); p != nil {
		return binary.LittleEndian.Uint16(p)
	}
	return 0
}

func (r *reader) u32() uint32 {
	if p := r.take(4); p != nil {
		return binary.LittleEndian.Uint32(p)
	}
	return 0
}

func (r *reader) f64() float64 {
	if p := r.take(8); p != nil {
		return math.Float64frombits(binary.LittleEndian.Uint64(p))
	}
	return 0
}

// f64s reads n floats into dst[:0] (grown if needed) and returns it.
func (r *reader) f64s(dst []float64, n int) []float64 {
	p := r.take(8 * n)
	if p == nil {
		return dst[:0]
	}
	dst = dst[:0]
	for i := 0; i < n; i++ {
		dst = append(dst, math.Float64frombits(binary.LittleEndian.Uint64(p[8*i:])))
	}
	return dst
}

// header reads a message's kind and generation.
func readHeader(b []byte) (msgKind, uint32, reader, error) {
	r := reader{b: b}
	k := msgKind(r.u8())
	gen := r.u32()
	if r.err != nil {
		return 0, 0, r, r.err
	}
	if k < msgOpen || k > msgPoint {
		return 0, 0, r, fmt.Errorf("unknown message kind %d", uint8(k))
	}
	return k, gen, r, nil
}

// openMsg asks for the runs of the scenario text, of which the client
// already holds have[k] rows of run k.
func openMsg(gen uint32, text string, have []int) []byte {
	w := writer{b: make([]byte, 0, headerBytes+1+4*len(have)+len(text))}
	w.header(msgOpen, gen)
	w.u8(uint8(len(have)))
	for _, h := range have {
		w.int(h)
	}
	w.b = append(w.b, text...)
	return w.b
}

func readOpen(r *reader) (text string, have []int, err error) {
	n := int(r.u8())
	have = make([]int, n)
	for i := range have {
		have[i] = int(r.u32())
	}
	if r.err != nil {
		return "", nil, r.err
	}
	return string(r.b), have, nil
}

// wantMsg asks for every run to reach rows rows (or its end).
func wantMsg(gen uint32, rows int) []byte {
	w := writer{b: make([]byte, 0, headerBytes+4)}
	w.header(msgWant, gen)
	w.int(rows)
	return w.b
}

// failedMsg says the computing side could not go on, and why.
func failedMsg(gen uint32, why string) []byte {
	w := writer{b: make([]byte, 0, headerBytes+len(why))}
	w.header(msgFailed, gen)
	w.b = append(w.b, why...)
	return w.b
}

// rowsWriter builds a rows message for one run, a row at a time.
type rowsWriter struct {
	w      writer
	count  int
	dim    int
	curvOK bool // the dimension is small enough for curvature and steps
}

// start begins a rows message (reusing buf's storage).
func (rw *rowsWriter) start(buf []byte, gen uint32, run, dim int, curvOK bool) {
	rw.w = writer{b: buf[:0]}
	rw.w.header(msgRows, gen)
	rw.w.u8(uint8(run))
	rw.w.int(dim)
	rw.w.int(0) // count, filled in by bytes
	rw.count, rw.dim, rw.curvOK = 0, dim, curvOK
}

// netMeasures are what a network's tracker measured at a row.
type netMeasures struct{ test, sharp, sharpPre float64 }

// add appends a row, with the network's measures when net.
func (rw *rowsWriter) add(row sim.Row, net bool, nm netMeasures) {
	w := &rw.w
	s := &row.Step
	var fl uint8
	if s.HasDir {
		fl |= flagHasDir
	}
	if s.HasTR {
		fl |= flagHasTR
	}
	if rw.curvOK {
		if s.HasDir && row.Dir != nil {
			fl |= flagDir
		}
		if s.HasTR && row.TRStep != nil {
			fl |= flagTR
		}
		if s.CurvKind != sim.CurvNone && row.Curv != nil {
			fl |= flagCurv
		}
	}
	if s.Trials > 0 && len(row.TrialF) == s.Trials {
		fl |= flagTrials
	}
	if net {
		fl |= flagNet
	}
	w.int(s.Iter)
	w.int(s.Trials)
	w.f64(s.F)
	w.f64(s.GNorm)
	w.f64(s.StepLen)
	w.f64(s.Alpha)
	w.f64(s.Radius)
	w.f64(s.Pred)
	w.f64(s.Rho)
	w.f64(s.Epoch)
	w.f64(s.BatchF)
	w.int(s.FEvals)
	w.int(s.GEvals)
	w.int(s.HEvals)
	w.u16(uint16(s.Events))
	w.u8(uint8(s.CurvKind))
	w.u8(fl)
	w.f64s(row.X[:rw.dim])
	w.f64s(row.G[:rw.dim])
	if fl&flagCurv != 0 {
		w.f64s(row.Curv[:rw.dim*rw.dim])
	}
	if fl&flagDir != 0 {
		w.f64s(row.Dir[:rw.dim])
	}
	if fl&flagTR != 0 {
		w.f64s(row.TRStep[:rw.dim])
	}
	if fl&flagTrials != 0 {
		w.f64s(row.TrialX[:s.Trials*rw.dim])
		w.f64s(row.TrialF)
	}
	if net {
		w.f64(nm.test)
		w.f64(nm.sharp)
		w.f64(nm.sharpPre)
	}
	rw.count++
}

// bytes returns the message, its row count filled in.
func (rw *rowsWriter) bytes() []byte {
	binary.LittleEndian.PutUint32(rw.w.b[headerBytes+1+4:], uint32(rw.count))
	return rw.w.b
}

// rowsReader reads the rows of a rows message into reused storage.
type rowsReader struct {
	r        reader
	run, dim int
	count    int
	row      sim.Row
	net      bool
	nm       netMeasures
	// storage the row's vectors are read into
	x, g, curv, dir, tr, trialX, trialF []float64
}

// start reads a rows message's header (after the kind and generation).
func (rr *rowsReader) start(r reader) error {
	rr.r = r
	rr.run = int(rr.r.u8())
	rr.dim = int(rr.r.u32())
	rr.count = int(rr.r.u32())
	if rr.r.err != nil {
		return rr.r.err
	}
	if rr.dim < 1 || rr.dim > maxDim {
		return fmt.Errorf("rows of dimension %d", rr.dim)
	}
	if rr.count > len(rr.r.b)/(rowScalarBytes+16*rr.dim) {
		return fmt.Errorf("%d rows in %d bytes", rr.count, len(rr.r.b))
	}
	return nil
}

// next reads the next row into rr.row (its vectors alias rr's storage,
// valid until the next call) and the network's measures into rr.nm.
func (rr *rowsReader) next() error {
	r := &rr.r
	n := rr.dim
	var s sim.Step
	s.Iter = int(r.u32())
	s.Trials = int(r.u32())
	s.F = r.f64()
	s.GNorm = r.f64()
	s.StepLen = r.f64()
	s.Alpha = r.f64()
	s.Radius = r.f64()
	s.Pred = r.f64()
	s.Rho = r.f64()
	s.Epoch = r.f64()
	s.BatchF = r.f64()
	s.FEvals = int(r.u32())
	s.GEvals = int(r.u32())
	s.HEvals = int(r.u32())
	s.Events = sim.Event(r.u16())
	s.CurvKind = sim.CurvKind(r.u8())
	fl := r.u8()
	s.HasDir, s.HasTR = fl&flagHasDir != 0, fl&flagHasTR != 0
	if r.err != nil {
		return r.err
	}
	if s.CurvKind > sim.CurvH {
		return fmt.Errorf("row %d: curvature kind %d", s.Iter, s.CurvKind)
	}
	if s.Trials < 0 || s.Trials > len(r.b)/8 {
		return fmt.Errorf("row %d: %d trials", s.Iter, s.Trials)
	}
	var v sim.Vectors
	rr.x = r.f64s(rr.x, n)
	rr.g = r.f64s(rr.g, n)
	v.X, v.G = rr.x, rr.g
	if fl&flagCurv != 0 {
		rr.curv = r.f64s(rr.curv, n*n)
		v.Curv = rr.curv
	}
	if fl&flagDir != 0 {
		rr.dir = r.f64s(rr.dir, n)
		v.Dir = rr.dir
	}
	if fl&flagTR != 0 {
		rr.tr = r.f64s(rr.tr, n)
		v.TRStep = rr.tr
	}
	if fl&flagTrials != 0 {
		rr.trialX = r.f64s(rr.trialX, s.Trials*n)
		rr.trialF = r.f64s(rr.trialF, s.Trials)
		v.TrialX, v.TrialF = rr.trialX, rr.trialF
	}
	rr.net = fl&flagNet != 0
	rr.nm = netMeasures{math.NaN(), math.NaN(), math.NaN()}
	if rr.net {
		rr.nm = netMeasures{r.f64(), r.f64(), r.f64()}
	}
	if r.err != nil {
		return fmt.Errorf("row %d: %w", s.Iter, r.err)
	}
	rr.row = sim.Row{Step: s, Vectors: v}
	return nil
}

// MapGrid is the grid of a network's decision map: W×H cells over the
// input rectangle [XMin, XMax]×[YMin, YMax] (see nn.MLP.OutputGrid). The
// zero value asks for no map.
type MapGrid struct {
	W, H                   int
	XMin, XMax, YMin, YMax float64
}

// maxMapCells bounds a decision map's cells.
const maxMapCells = 1 << 16

func (w *writer) grid(g MapGrid) {
	w.int(g.W)
	w.int(g.H)
	w.f64(g.XMin)
	w.f64(g.XMax)
	w.f64(g.YMin)
	w.f64(g.YMax)
}

func (r *reader) grid() (MapGrid, error) {
	g := MapGrid{W: int(r.u32()), H: int(r.u32()), XMin: r.f64(), XMax: r.f64(), YMin: r.f64(), YMax: r.f64()}
	if r.err != nil {
		return MapGrid{}, r.err
	}
	if g.W < 0 || g.H < 0 || g.W*g.H > maxMapCells || (g.W == 0) != (g.H == 0) {
		return MapGrid{}, fmt.Errorf("a %d×%d decision map", g.W, g.H)
	}
	return g, nil
}

// viewsMsg asks for the network views: decision maps on grid g.
func viewsMsg(gen uint32, g MapGrid) []byte {
	w := writer{b: make([]byte, 0, headerBytes+8+32)}
	w.header(msgViews, gen)
	w.grid(g)
	return w.b
}

// mapMsg is run's decision map at trace row row, on grid g.
func mapMsg(gen uint32, run, row int, g MapGrid, vals []float64) []byte {
	w := writer{b: make([]byte, 0, headerBytes+5+40+8*len(vals))}
	w.header(msgMap, gen)
	w.u8(uint8(run))
	w.int(row)
	w.grid(g)
	w.f64s(vals)
	return w.b
}

// spectrumMsg is run's Hessian spectrum (ascending) and trace at row row.
func spectrumMsg(gen uint32, run, row int, trace float64, eig []float64) []byte {
	w := writer{b: make([]byte, 0, headerBytes+13+8+8*len(eig))}
	w.header(msgSpectrum, gen)
	w.u8(uint8(run))
	w.int(row)
	w.int(len(eig))
	w.f64(trace)
	w.f64s(eig)
	return w.b
}

// maxBasinCells bounds a basin picture's cells: one start a pixel of a
// panel of up to 512² pixels.
const maxBasinCells = 1 << 18

// basinsMsg asks for each run's basins of attraction on grid g (W = 0:
// none).
func basinsMsg(gen uint32, g MapGrid) []byte {
	w := writer{b: make([]byte, 0, headerBytes+8+32)}
	w.header(msgBasins, gen)
	w.grid(g)
	return w.b
}

// readBasinGrid reads a basin grid: at most maxBasinCells cells, a
// window with its corners in order.
func (r *reader) basinGrid() (MapGrid, error) {
	g := MapGrid{W: int(r.u32()), H: int(r.u32()), XMin: r.f64(), XMax: r.f64(), YMin: r.f64(), YMax: r.f64()}
	if r.err != nil {
		return MapGrid{}, r.err
	}
	if g.W < 0 || g.H < 0 || g.W > maxBasinCells || g.H > maxBasinCells || g.W*g.H > maxBasinCells || (g.W == 0) != (g.H == 0) ||
		g.W > 0 && !(g.XMin < g.XMax && g.YMin < g.YMax) {
		return MapGrid{}, fmt.Errorf("a %d×%d basin grid over [%v, %v]×[%v, %v]", g.W, g.H, g.XMin, g.XMax, g.YMin, g.YMax)
	}
	return g, nil
}

// basinMsg is run's basins on grid g; final says g is the grid asked for
// (coarser ones come first).
func basinMsg(gen uint32, run int, final bool, g MapGrid, cells []explore.Basin) []byte {
	w := writer{b: make([]byte, 0, headerBytes+2+40+4*len(cells))}
	w.header(msgBasin, gen)
	w.u8(uint8(run))
	f := uint8(0)
	if final {
		f = 1
	}
	w.u8(f)
	w.grid(g)
	for _, c := range cells {
		w.u8(uint8(c.Outcome))
		w.u8(uint8(c.Minimum))
		w.u16(uint16(min(c.Iterations, math.MaxUint16)))
	}
	return w.b
}

// sweepMsg asks for the parameter sweep spec of every run (on false:
// none); version counts the requests, so that the points of an earlier
// one are told apart.
func sweepMsg(gen, version uint32, on bool, spec string) []byte {
	w := writer{b: make([]byte, 0, headerBytes+5+len(spec))}
	w.header(msgSweep, gen)
	w.u32(version)
	w.u8(b2u8(on))
	w.b = append(w.b, spec...)
	return w.b
}

// b2u8 is 1 for true, 0 for false.
func b2u8(b bool) uint8 {
	if b {
		return 1
	}
	return 0
}

// pointBytes is a point message's size after its header.
const pointBytes = 4 + 1 + 4 + 8*3 + 4 + 2 + 8*2

// pointMsg is value j of run's sweep and how its run ended.
func pointMsg(gen, version uint32, run, j int, p explore.Point) []byte {
	w := writer{b: make([]byte, 0, headerBytes+pointBytes)}
	w.header(msgPoint, gen)
	w.u32(version)
	w.u8(uint8(run))
	w.int(j)
	w.f64(p.Value)
	w.f64(p.Final.F)
	w.f64(p.Final.GNorm)
	w.int(p.Final.Iter)
	w.u16(uint16(p.Final.Events))
	w.f64(p.TestLoss)
	w.f64(p.Sharpness)
	return w.b
}

// readPoint reads a point message's body.
func readPoint(r *reader) (version uint32, run, j int, p explore.Point, err error) {
	if len(r.b) != pointBytes {
		return 0, 0, 0, p, fmt.Errorf("a sweep point of %d bytes, want %d", len(r.b), pointBytes)
	}
	version, run, j = r.u32(), int(r.u8()), int(r.u32())
	p.Value, p.Final.F, p.Final.GNorm = r.f64(), r.f64(), r.f64()
	p.Final.Iter, p.Final.Events = int(r.u32()), sim.Event(r.u16())
	p.TestLoss, p.Sharpness = r.f64(), r.f64()
	return version, run, j, p, r.err
}
