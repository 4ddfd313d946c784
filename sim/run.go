package sim

import (
	"math"

	"curvlab/sim/la"
)

// Step is one row of a Trace: the iterate after an iteration and everything
// the iteration did to get there. Row 0 is the start.
type Step struct {
	Iter int
	X    []float64
	F    float64
	G    []float64
	// GNorm is ‖G‖; StepLen is ‖x_k − x_{k−1}‖ (0 for row 0).
	GNorm, StepLen float64
	// Alpha is the step length along the search direction, if any.
	Alpha float64
	// TrialX (n numbers per trial) and TrialF are the points the line search
	// or trust region evaluated in this iteration.
	TrialX, TrialF []float64
	// Curv is the method's curvature model at X (nil when CurvKind is
	// CurvNone): the Hessian it uses, B, or H; n·n row-major.
	Curv     []float64
	CurvKind CurvKind
	// Radius is the trust radius at X (0 for methods without one).
	Radius float64
	// Dir is the search direction d of the iteration, X = x_{k−1} +
	// Alpha·Dir, for the methods with a line search; nil for the others and
	// for n above RunOptions.CurvMaxDim.
	Dir []float64
	// TRStep is a trust-region iteration's model step p (nil as Dir is),
	// Pred the reduction the model predicted for it and Rho the ratio of
	// actual to predicted reduction; Pred and Rho are NaN for other
	// methods, and Rho when p was not tried.
	TRStep    []float64
	Pred, Rho float64
	// Running evaluation counts, including this iteration's.
	FEvals, GEvals, HEvals int
	Events                 Event
}

// Trials returns the number of trial points of the step.
func (s *Step) Trials() int { return len(s.TrialF) }

// RunOptions tune a Run. The zero value gives the defaults.
type RunOptions struct {
	// Tol ends the run with EventConverged when ‖g‖ ≤ Tol; 0 never stops.
	Tol float64
	// Bound ends the run with EventDiverged when some |x_i| exceeds it;
	// 0 means DefaultBound.
	Bound float64
	// Budget is the expected number of steps, used to size storage once.
	Budget int
	// CurvMaxDim is the largest dimension for which curvature matrices are
	// kept in the trace; 0 means 16.
	CurvMaxDim int
}

// DefaultBound is the distance from the origin beyond which an iterate counts
// as diverged.
const DefaultBound = 1e10

// Run is one method walking one objective. It advances one iteration per
// Step call and records every iteration in Trace.
type Run struct {
	Problem Problem
	Method  Method
	State   State
	Trace   []Step
	// Done is set once the run converged or diverged.
	Done bool

	opt   RunOptions
	rec   *Record
	prevX []float64
	pool  []float64 // storage carved into trace rows
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
	r := &Run{
		Problem: Problem{Obj: obj},
		Method:  m,
		State:   State{X: make([]float64, n), G: make([]float64, n)},
		opt:     opt,
		rec:     newRecord(n),
		prevX:   make([]float64, n),
	}
	budget := opt.Budget + 1
	if budget < 16 {
		budget = 16
	}
	r.Trace = make([]Step, 0, budget)
	// Room for a few trial points per row; the pool doubles if needed.
	r.pool = make([]float64, 0, budget*r.rowSize(4))
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
	r.record()
	return r
}

// Step advances one iteration and reports whether it did (false once the
// run is done).
func (r *Run) Step() bool {
	if r.Done {
		return false
	}
	copy(r.prevX, r.State.X)
	r.rec.reset()
	r.Method.Iterate(&r.Problem, &r.State, r.rec)
	r.record()
	return true
}

// Curv returns the method's curvature model at the current iterate (n·n,
// row-major) and its kind, also where the trace does not keep it (n above
// RunOptions.CurvMaxDim, as for networks). The slice is overwritten by the
// next Step: copy what you keep.
func (r *Run) Curv() ([]float64, CurvKind) { return r.rec.Curv, r.rec.CurvKind }

// Last is the latest row of the trace.
func (r *Run) Last() *Step { return &r.Trace[len(r.Trace)-1] }

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

func (r *Run) rowSize(trials int) int {
	n := r.Problem.Dim()
	size := 2*n + trials*(n+1)
	if n <= r.opt.CurvMaxDim {
		size += n*n + n // curvature and direction
	}
	return size
}

// take carves k numbers from the pool, growing it when full. Rows keep
// pointing into old pools, so growth never copies.
func (r *Run) take(k int) []float64 {
	if len(r.pool)+k > cap(r.pool) {
		c := 2 * cap(r.pool)
		if c < k {
			c = k
		}
		r.pool = make([]float64, 0, c)
	}
	s := r.pool[len(r.pool) : len(r.pool)+k : len(r.pool)+k]
	r.pool = r.pool[:len(r.pool)+k]
	return s
}

// record appends the current state and record as a trace row.
func (r *Run) record() {
	if len(r.Trace) > 0 {
		r.check()
	}
	st, rec := &r.State, r.rec
	n := len(st.X)
	row := Step{
		Iter:     len(r.Trace),
		F:        st.F,
		GNorm:    la.Norm(st.G),
		Alpha:    rec.Alpha,
		CurvKind: rec.CurvKind,
		Radius:   rec.Radius,
		FEvals:   r.Problem.FEvals,
		GEvals:   r.Problem.GEvals,
		HEvals:   r.Problem.HEvals,
		Events:   rec.Events,
	}
	row.X = r.take(n)
	copy(row.X, st.X)
	row.G = r.take(n)
	copy(row.G, st.G)
	var ss float64
	for i := range st.X {
		d := st.X[i] - r.prevX[i]
		ss += d * d
	}
	row.StepLen = math.Sqrt(ss)
	if k := len(rec.TrialF); k > 0 {
		row.TrialX = r.take(k * n)
		copy(row.TrialX, rec.TrialX)
		row.TrialF = r.take(k)
		copy(row.TrialF, rec.TrialF)
	}
	if rec.CurvKind != CurvNone && n <= r.opt.CurvMaxDim {
		row.Curv = r.take(n * n)
		copy(row.Curv, rec.Curv)
	}
	row.Pred, row.Rho = math.NaN(), math.NaN()
	if rec.HasTR {
		row.Pred, row.Rho = rec.Pred, rec.Rho
	}
	if n <= r.opt.CurvMaxDim {
		if rec.HasDir {
			row.Dir = r.take(n)
			copy(row.Dir, rec.Dir)
		}
		if rec.HasTR {
			row.TRStep = r.take(n)
			copy(row.TRStep, rec.TRStep)
		}
	}
	if len(r.Trace) == cap(r.Trace) {
		// Grow by doubling; only happens when the budget was exceeded.
		t := make([]Step, len(r.Trace), 2*cap(r.Trace))
		copy(t, r.Trace)
		r.Trace = t
	}
	r.Trace = append(r.Trace, row)
}
