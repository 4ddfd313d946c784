package sim

import (
	"fmt"
	"math"
	"slices"

	"curvlab/sim/la"
)

// Step is one row of a Run's Trace: the scalars of the iterate after an
// iteration and of what the iteration did to get there. Row 0 is the start.
// Every row keeps its Step; the row's vectors (the iterate, the gradient,
// the curvature model, the trial points) are kept for some rows only: see
// Run.Vectors.
type Step struct {
	Iter int
	F    float64
	// GNorm is ‖g‖; StepLen is ‖x_k − x_{k−1}‖ (0 for row 0).
	GNorm, StepLen float64
	// Alpha is the step length along the search direction, if any.
	Alpha float64
	// Radius is the trust radius at the iterate (0 for methods without one).
	Radius float64
	// HasDir says the iteration had a search direction d (the methods with
	// a line search; the row's Vectors.Dir holds it), HasTR that it was a
	// trust-region (or gain-ratio) iteration with a model step p
	// (Vectors.TRStep). Pred is the reduction the model predicted for p and
	// Rho the ratio of actual to predicted reduction; both are NaN for
	// other methods, and Rho when p was not tried.
	HasDir, HasTR bool
	Pred, Rho     float64
	// Running evaluation counts, including this iteration's.
	FEvals, GEvals, HEvals int
	// Trials is the number of points the line search or trust region
	// evaluated in this iteration.
	Trials int
	Events Event
	// CurvKind is the kind of the method's curvature model at the iterate
	// (CurvNone when it keeps none).
	CurvKind CurvKind
	// Epoch is the number of passes over the points of a PointSum the
	// steps so far took (the iteration when each step sees them all; NaN
	// for an objective that is no mean over points), and BatchF, for a
	// step on a batch (Training), the batch's loss at the new iterate; F
	// is then the loss over all points, and GNorm the norm of the batch's
	// gradient. BatchF is NaN for a step on all points.
	Epoch, BatchF float64
}

// Vectors are the vectors of one trace row. They alias the trace's storage
// and stay valid until the run's next Step: copy what you keep.
type Vectors struct {
	// X is the iterate and G the gradient there.
	X, G []float64
	// Curv is the method's curvature model at X (nil when the row's
	// CurvKind is CurvNone or the dimension is above
	// RunOptions.CurvMaxDim): the Hessian it uses, B, or H; n·n row-major.
	Curv []float64
	// Dir is the search direction d, X = x_{k−1} + Alpha·Dir, when the
	// row's HasDir; TRStep the trust-region step p when HasTR. Both are
	// nil otherwise and for n above RunOptions.CurvMaxDim.
	Dir, TRStep []float64
	// TrialX (n numbers per trial) and TrialF are the points the line
	// search or trust region evaluated in the iteration: kept for the
	// latest row only (for every row with RunOptions.KeepVectors).
	TrialX, TrialF []float64
}

// Row is a trace row whole: its scalars and its vectors (nil where the
// trace does not keep them, see Run.Vectors).
type Row struct {
	Step
	Vectors
}

// RunOptions tune a Run. The zero value gives the defaults.
type RunOptions struct {
	// Tol ends the run with EventConverged when ‖g‖ ≤ Tol; 0 never stops.
	Tol float64
	// Bound ends the run with EventDiverged when some |x_i| exceeds it;
	// 0 means DefaultBound.
	Bound float64
	// Budget is the expected number of steps: the trace's rows grow with
	// the steps taken, never beyond room for Budget+1 rows at once.
	Budget int
	// CurvMaxDim is the largest dimension for which curvature matrices are
	// kept in the trace; 0 means 16.
	CurvMaxDim int
	// VectorLimit is the most numbers (float64) the trace keeps for its
	// rows' iterates, gradients and curvature matrices; 0 means
	// VectorLimit(n) for an n-dimensional objective.
	// Past it the trace keeps the vectors of every stride-th row only,
	// doubling the stride as needed, and always those of row 0 and of the
	// latest row.
	VectorLimit int
	// KeepVectors keeps the vectors of every row, trial points included,
	// whatever their size (the CLI, which prints them all); VectorLimit is
	// then ignored.
	KeepVectors bool
}

// Default vector limits (RunOptions.VectorLimit), in numbers.
const (
	// SmallVectorLimit (8 MiB) holds every row of a 2D surface's
	// MaxSteps-step run (up to 10 numbers a row: x, g, the curvature matrix,
	// and the search direction or the trust-region step).
	SmallVectorLimit = 1 << 20
	// LargeVectorLimit (1 MiB) holds 370 rows of the largest network (177
	// weights).
	LargeVectorLimit = 1 << 17
)

// VectorLimit is the default RunOptions.VectorLimit for an n-dimensional
// objective: SmallVectorLimit up to n = 16, LargeVectorLimit above.
func VectorLimit(n int) int {
	if n <= 16 {
		return SmallVectorLimit
	}
	return LargeVectorLimit
}

// initialRows is the number of rows a trace has room for from the start.
const initialRows = 256

// DefaultBound is the distance from the origin beyond which an iterate counts
// as diverged.
const DefaultBound = 1e10

// Run is one method walking one objective. It advances one iteration per
// Step call and records every iteration in Trace: the scalars of every row,
// and the vectors of the rows Vectors says it keeps, within a bounded store
// (RunOptions.VectorLimit).
type Run struct {
	Problem Problem
	Method  Method
	State   State
	// Trace holds the scalars of every row, row k at index k.
	Trace []Step
	// Done is set once the run converged or diverged.
	Done bool

	opt      RunOptions
	rec      *Record
	prevX    []float64
	vec      vectorStore
	watchers []func(x []float64)
	sampler  *sampler // nil when every step sees all points
	pointSum bool     // the objective is a PointSum: rows count epochs
	batchF   float64  // the batch's loss after the latest step on one
}

// NewRun evaluates f and ∇f at x0, initializes the method and records row 0.
func NewRun(obj Objective, m Method, x0 []float64, opt RunOptions) *Run {
	n := obj.Dim()
	if opt.Bound == 0 {
		opt.Bound = DefaultBound
	}
	if opt.CurvMaxDim == 0 {
		opt.CurvMaxDim = 16
	}
	if opt.VectorLimit == 0 {
		opt.VectorLimit = VectorLimit(n)
	}
	r := &Run{
		Problem: Problem{Obj: obj, Decay: decayOf(m)},
		Method:  m,
		State:   State{X: make([]float64, n), G: make([]float64, n)},
		opt:     opt,
		rec:     newRecord(n),
		prevX:   make([]float64, n),
	}
	r.vec = vectorStore{n: n, limit: opt.VectorLimit, all: opt.KeepVectors, stride: 1}
	if n <= opt.CurvMaxDim {
		r.vec.curvLen = n * n
	}
	// Room for the first rows at once (most runs that converge need no
	// more), then doubling as rows come.
	first := max(1, min(initialRows, opt.Budget+1))
	r.vec.buf = make([]float64, 0, max(0, min(opt.VectorLimit, first*(2*n+r.vec.curvLen))))
	r.Trace = make([]Step, 0, first)
	copy(r.State.X, x0)
	copy(r.prevX, x0)
	if la.IsFinite(r.State.X) {
		r.State.F = r.Problem.Func(r.State.X)
		r.Problem.Grad(r.State.G, r.State.X)
	} else {
		r.State.F = math.NaN()
	}
	r.rec.reset()
	if r.check() == 0 {
		m.Init(&r.Problem, &r.State, r.rec)
	}
	r.sampler = newSampler(obj, m)
	_, r.pointSum = obj.(PointSum)
	r.record()
	return r
}

// NewMirror returns a run that holds the rows of a run computed
// elsewhere (the engine's worker or goroutine), appended by Append: its
// trace keeps what the original's keeps, under the same options, and it
// has no method, so Step does nothing. dim is the objective's dimension.
func NewMirror(dim int, opt RunOptions) *Run {
	if opt.CurvMaxDim == 0 {
		opt.CurvMaxDim = 16
	}
	if opt.VectorLimit == 0 {
		opt.VectorLimit = VectorLimit(dim)
	}
	r := &Run{opt: opt}
	r.vec = vectorStore{n: dim, limit: opt.VectorLimit, all: opt.KeepVectors, stride: 1}
	if dim <= opt.CurvMaxDim {
		r.vec.curvLen = dim * dim
	}
	r.Trace = make([]Step, 0, max(1, min(initialRows, opt.Budget+1)))
	return r
}

// Append adds row, the next row of the run a mirror (NewMirror) follows,
// copying its vectors. The row must carry what the original's trace kept
// of it: X and G; Curv, Dir and TRStep where its CurvKind, HasDir and
// HasTR say it has them and the dimension is at most CurvMaxDim; its
// trial points, or none. A row that does not is refused with an error and
// the mirror is unchanged. A row that ends the run (converged, diverged,
// stalled) sets Done.
func (r *Run) Append(row Row) error {
	n, v := r.vec.n, &row.Vectors
	if row.Iter != len(r.Trace) {
		return fmt.Errorf("sim: row %d appended after %d rows", row.Iter, len(r.Trace))
	}
	ok := len(v.X) == n && len(v.G) == n &&
		(len(v.TrialF) == 0 && len(v.TrialX) == 0 || len(v.TrialF) == row.Trials && len(v.TrialX) == row.Trials*n)
	if r.vec.curvLen > 0 {
		ok = ok && (row.CurvKind == CurvNone || len(v.Curv) == r.vec.curvLen) &&
			(!row.HasDir || len(v.Dir) == n) && (!row.HasTR || len(v.TRStep) == n)
	}
	if !ok {
		return fmt.Errorf("sim: row %d lacks the vectors a mirror keeps", row.Iter)
	}
	r.push(row.Step, v)
	if row.Events&(EventConverged|EventDiverged|EventStalled) != 0 {
		r.Done = true
	}
	return nil
}

// Dim is the dimension of the run's iterates.
func (r *Run) Dim() int { return r.vec.n }

// Options are the options the run was made with, defaults filled in.
func (r *Run) Options() RunOptions { return r.opt }

// Step advances one iteration and reports whether it did (false once the
// run is done, and for a mirror, which has no method).
func (r *Run) Step() bool {
	if r.Done || r.Method == nil {
		return false
	}
	copy(r.prevX, r.State.X)
	r.rec.reset()
	if r.sampler != nil {
		r.batchF = r.stepOnBatch()
	} else {
		r.Method.Iterate(&r.Problem, &r.State, r.rec)
	}
	r.record()
	return true
}

// Watch calls f with the iterate of every row r records from now on, right
// after the row is recorded: the one moment every row's iterate is at hand,
// whichever rows the trace keeps vectors of. f must not keep x.
func (r *Run) Watch(f func(x []float64)) { r.watchers = append(r.watchers, f) }

// Curv returns the method's curvature model at the current iterate (n·n,
// row-major) and its kind, also where the trace does not keep it (n above
// RunOptions.CurvMaxDim, as for networks). The slice is overwritten by the
// next Step: copy what you keep.
func (r *Run) Curv() ([]float64, CurvKind) { return r.rec.Curv, r.rec.CurvKind }

// Upto returns a read-only view of r's first rows rows (1 ≤ rows ≤ the
// rows r has), as r stood when it had them: a picture of the run at an
// earlier iteration (an animation of it, frame by frame) is drawn from the
// view as from the run. The view shares r's storage, so it stays valid
// until r's next Step or Append (a store that thins its rows overwrites
// them in place); it has no method, and its latest row has no trial points
// unless r keeps every row's. rows out of range is clamped.
func (r *Run) Upto(rows int) *Run {
	rows = max(1, min(rows, len(r.Trace)))
	if rows == len(r.Trace) {
		return r
	}
	v := *r
	v.Method, v.watchers, v.sampler = nil, nil, nil
	v.Trace = r.Trace[:rows:rows]
	v.Done = false
	kept, _ := slices.BinarySearch(r.vec.rows, rows) // the kept rows before rows
	v.vec.rows, v.vec.offs = r.vec.rows[:kept:kept], r.vec.offs[:kept:kept]
	v.vec.trialX, v.vec.trialF = nil, nil
	return &v
}

// Last is the latest row of the trace, whose vectors are always kept.
func (r *Run) Last() Row { return r.Row(len(r.Trace) - 1) }

// Row returns trace row k, its vectors nil when the trace does not keep
// them (see Vectors).
func (r *Run) Row(k int) Row { return Row{r.Trace[k], r.Vectors(k)} }

// Vectors returns the vectors of trace row row, or the zero Vectors (all
// nil) when the trace does not keep them. It keeps them for row 0 and the
// latest row always, and for every row until the store reaches
// RunOptions.VectorLimit (every row of a 2D surface's run); past it, for
// every stride-th row (see Kept). Trial points are kept for the latest row
// only, unless RunOptions.KeepVectors. The slices stay valid until the
// next Step.
func (r *Run) Vectors(row int) Vectors {
	i, ok := slices.BinarySearch(r.vec.rows, row)
	if !ok {
		return Vectors{}
	}
	return r.vec.at(i, &r.Trace[row])
}

// X returns the iterate of trace row row, or nil when the trace does not
// keep it (see Vectors).
func (r *Run) X(row int) []float64 { return r.Vectors(row).X }

// Kept returns the rows whose vectors the trace keeps, in increasing order:
// row 0, every stride-th row, and the latest row. It is the trace's own
// slice, valid until the next Step: do not modify it.
func (r *Run) Kept() []int { return r.vec.rows }

// check adds converged or diverged events to the record and returns them.
func (r *Run) check() Event {
	st := &r.State
	var e Event
	if math.IsNaN(st.F) || math.IsInf(st.F, 0) || !la.IsFinite(st.G) || !la.IsFinite(st.X) || math.IsInf(la.Norm(st.G), 0) {
		e = EventDiverged
	} else {
		for _, v := range st.X {
			if math.Abs(v) > r.opt.Bound {
				e = EventDiverged
			}
		}
	}
	if e == 0 && r.opt.Tol > 0 && la.Norm(st.G) <= r.opt.Tol {
		e = EventConverged
	}
	r.rec.Events |= e
	if e != 0 || r.rec.Events&EventStalled != 0 {
		r.Done = true
	}
	return e
}

// record appends the current state and record as a trace row.
func (r *Run) record() {
	if len(r.Trace) > 0 {
		r.check()
	}
	st, rec := &r.State, r.rec
	var ss float64
	for i := range st.X {
		d := st.X[i] - r.prevX[i]
		ss += d * d
	}
	row := Step{
		Iter:     len(r.Trace),
		F:        r.dataLoss(st.F),
		GNorm:    la.Norm(st.G),
		StepLen:  math.Sqrt(ss),
		Alpha:    rec.Alpha,
		Radius:   rec.Radius,
		FEvals:   r.Problem.FEvals,
		GEvals:   r.Problem.GEvals,
		HEvals:   r.Problem.HEvals,
		Trials:   len(rec.TrialF),
		Events:   rec.Events,
		CurvKind: rec.CurvKind,
		HasDir:   rec.HasDir,
		HasTR:    rec.HasTR,
		Pred:     math.NaN(),
		Rho:      math.NaN(),
		Epoch:    math.NaN(),
		BatchF:   math.NaN(),
	}
	if r.pointSum {
		row.Epoch = float64(len(r.Trace))
	}
	if r.sampler != nil {
		row.Epoch = r.sampler.epoch()
		if len(r.Trace) > 0 {
			row.BatchF = r.dataLoss(r.batchF)
		}
	}
	if rec.HasTR {
		row.Pred, row.Rho = rec.Pred, rec.Rho
	}
	vs := Vectors{X: st.X, G: st.G, Dir: rec.Dir, TRStep: rec.TRStep, TrialX: rec.TrialX, TrialF: rec.TrialF}
	if rec.CurvKind != CurvNone {
		vs.Curv = rec.Curv
	}
	r.push(row, &vs)
}

// push appends row and its vectors vs to the trace and tells the watchers.
func (r *Run) push(row Step, vs *Vectors) {
	if len(r.Trace) == cap(r.Trace) {
		// Double, but never past room for the budget while within it.
		c := 2 * cap(r.Trace)
		if b := r.opt.Budget + 1; len(r.Trace) < b && c > b {
			c = b
		}
		r.Trace = append(make([]Step, 0, c), r.Trace...)
	}
	r.Trace = append(r.Trace, row)
	r.vec.add(row.Iter, &row, vs)
	for _, f := range r.watchers {
		f(vs.X)
	}
}

// vectorStore keeps the vectors of some trace rows in one buffer, row
// after row in increasing order; each row's layout is x, g, and, when the
// dimension is at most CurvMaxDim, the curvature matrix, the search
// direction and the trust-region step (those of them the row has); and, when it keeps every row (all), the trial points and their values;
// otherwise the trial points of the latest row only, in trialX and trialF
// (the app draws no others). Rows that are multiples of stride stay; the
// latest row stays until the next one replaces it. When the buffer holds
// more than limit numbers, the stride doubles and the rows that are no
// longer multiples of it are dropped in place: memory stays within about
// limit numbers however long the run, and no allocation happens once the
// buffer has grown to it.
type vectorStore struct {
	n, curvLen     int
	limit          int
	all            bool // keep every row (RunOptions.KeepVectors)
	stride         int
	buf            []float64
	rows, offs     []int     // the kept rows and where each starts in buf
	trialX, trialF []float64 // the latest row's trial points, unless all
}

// at returns the vectors of kept row i (the i-th of rows), whose scalars
// are s.
func (v *vectorStore) at(i int, s *Step) Vectors {
	n, off := v.n, v.offs[i]
	cut := func(k int) []float64 {
		p := v.buf[off : off+k : off+k]
		off += k
		return p
	}
	var vs Vectors
	vs.X, vs.G = cut(n), cut(n)
	if v.curvLen > 0 {
		if s.CurvKind != CurvNone {
			vs.Curv = cut(v.curvLen)
		}
		if s.HasDir {
			vs.Dir = cut(n)
		}
		if s.HasTR {
			vs.TRStep = cut(n)
		}
	}
	switch {
	case s.Trials == 0:
	case v.all:
		vs.TrialX, vs.TrialF = cut(s.Trials*n), cut(s.Trials)
	case i == len(v.rows)-1:
		vs.TrialX, vs.TrialF = v.trialX, v.trialF
	}
	return vs
}

// add stores vs, the vectors of row (the latest, whose scalars are s).
// vs holds what the row has (the curvature model, the direction, the
// trust-region step, the trials); the store keeps of it what its
// dimension allows.
func (v *vectorStore) add(row int, s *Step, vs *Vectors) {
	if k := len(v.rows) - 1; k >= 0 && v.rows[k]%v.stride != 0 {
		// The previous latest row is not one to keep: row replaces it.
		v.buf = v.buf[:v.offs[k]]
		v.rows, v.offs = v.rows[:k], v.offs[:k]
	}
	need := 2 * v.n
	if v.curvLen > 0 {
		if s.CurvKind != CurvNone {
			need += v.curvLen
		}
		if s.HasDir {
			need += v.n
		}
		if s.HasTR {
			need += v.n
		}
	}
	if v.all {
		need += len(vs.TrialX) + len(vs.TrialF)
	}
	v.grow(need)
	v.rows = append(v.rows, row)
	v.offs = append(v.offs, len(v.buf))
	v.buf = append(v.buf, vs.X...)
	v.buf = append(v.buf, vs.G...)
	if v.curvLen > 0 {
		if s.CurvKind != CurvNone {
			v.buf = append(v.buf, vs.Curv[:v.curvLen]...)
		}
		if s.HasDir {
			v.buf = append(v.buf, vs.Dir...)
		}
		if s.HasTR {
			v.buf = append(v.buf, vs.TRStep...)
		}
	}
	if v.all {
		v.buf = append(v.buf, vs.TrialX...)
		v.buf = append(v.buf, vs.TrialF...)
		return
	}
	v.trialX = append(v.trialX[:0], vs.TrialX...)
	v.trialF = append(v.trialF[:0], vs.TrialF...)
	for len(v.buf) > v.limit && len(v.rows) > 2 {
		v.stride *= 2
		v.thin()
	}
}

// grow makes room for need more numbers: the buffer doubles, but not
// beyond the limit and an eighth, the room thinning needs.
func (v *vectorStore) grow(need int) {
	if len(v.buf)+need <= cap(v.buf) {
		return
	}
	c := max(2*cap(v.buf), 64)
	if !v.all && c > v.limit+v.limit/8 {
		c = v.limit + v.limit/8
	}
	c = max(c, len(v.buf)+need)
	v.buf = append(make([]float64, 0, c), v.buf...)
}

// thin drops, in place, the kept rows that are not multiples of the stride,
// except the latest.
func (v *vectorStore) thin() {
	w, end := 0, 0
	last := len(v.rows) - 1
	for i, row := range v.rows {
		next := len(v.buf)
		if i < last {
			next = v.offs[i+1]
		}
		if row%v.stride == 0 || i == last {
			k := copy(v.buf[end:], v.buf[v.offs[i]:next])
			v.rows[w], v.offs[w] = row, end
			end += k
			w++
		}
	}
	v.rows, v.offs = v.rows[:w], v.offs[:w]
	v.buf = v.buf[:end]
}
