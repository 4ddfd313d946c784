package sim

import (
	"fmt"
	"slices"
	"strings"
)

// State is a method's current iterate. Methods move it in place.
type State struct {
	X []float64
	F float64
	G []float64
}

// Event marks something notable that happened in an iteration.
type Event uint16

const (
	// EventSkip: a quasi-Newton update was skipped (its denominator was too
	// small, or the curvature condition yᵀs > 0 failed).
	EventSkip Event = 1 << iota
	// EventModified: the Hessian was not sufficiently positive definite and
	// was modified (shifted or made absolute) before use.
	EventModified
	// EventRejected: a trust-region step was rejected, or a line search
	// failed to find an acceptable point; the iterate did not move.
	EventRejected
	// EventConverged: ‖g‖ reached the tolerance; the run ends.
	EventConverged
	// EventDiverged: a value or gradient became NaN or ±Inf (or ‖g‖ did),
	// or the iterate left the bound; the run ends.
	EventDiverged
	// EventStalled: the line search found points that pass its sufficient-
	// decrease test only within rounding (see roundingSlack) and none that
	// decreases f: the iterates are at the noise floor of f. The iterate
	// did not move (EventRejected too) and the run ends.
	EventStalled
	// EventNoWolfe: the Wolfe line search gave up without a point meeting
	// both strong Wolfe conditions (its evaluations ran out or its bracket
	// became too narrow); it took the best point that decreases f enough,
	// or, with none, rejected the iteration (EventRejected).
	EventNoWolfe
	// EventAlphaCap: the Wolfe line search's bracketing phase reached its
	// largest step α = 1e10 (f is unbounded below along d, or nearly so).
	EventAlphaCap
)

var eventNames = [...]string{"skip", "modified", "rejected", "converged", "diverged", "stalled", "no-wolfe", "alpha-cap"}

// String joins the event names with ";" (the CSV form), "" for none.
func (e Event) String() string {
	var b strings.Builder
	for i, name := range eventNames {
		if e&(1<<i) != 0 {
			if b.Len() > 0 {
				b.WriteByte(';')
			}
			b.WriteString(name)
		}
	}
	return b.String()
}

// Names lists the event names.
func (e Event) Names() []string {
	var names []string
	for i, name := range eventNames {
		if e&(1<<i) != 0 {
			names = append(names, name)
		}
	}
	return names
}

// CurvKind says what a recorded curvature matrix is.
type CurvKind uint8

const (
	// CurvNone: the method keeps no curvature matrix.
	CurvNone CurvKind = iota
	// CurvHessian: the (possibly modified) Hessian the method uses.
	CurvHessian
	// CurvB: an approximation B of the Hessian.
	CurvB
	// CurvH: an approximation H of the inverse Hessian.
	CurvH
)

func (c CurvKind) String() string {
	return [...]string{"none", "hessian", "B", "H"}[c]
}

// Record collects what one iteration did besides moving the iterate. The
// Run resets it before each call; its buffers keep their capacity so that
// recording does not allocate in steady state.
type Record struct {
	n int
	// TrialX holds the trial points the line search or trust region tried,
	// n numbers each; TrialF their values.
	TrialX, TrialF []float64
	// Curv is the method's curvature model at the new iterate (the one it
	// will use for its next step), n·n row-major; meaningful when CurvKind
	// is not CurvNone.
	Curv     []float64
	CurvKind CurvKind
	// Radius is the trust radius at the new iterate (0 if none).
	Radius float64
	// Alpha is the step length along the search direction (1 for a full
	// Newton step, 0 when there was no line search).
	Alpha  float64
	Events Event
	// Dir is the search direction d of the iteration, x₊ = x + Alpha·d
	// (after any fallback to −g), when HasDir: set by the methods with a
	// line search (gd, newton, newton-sf and the quasi-Newton methods).
	Dir    []float64
	HasDir bool
	// A trust-region (or gain-ratio) iteration's model step p, the
	// reduction the model predicts, Pred = m(0) − m(p), and the ratio
	// Rho = (f(x) − f(x + p))/Pred that decided it (NaN when p was not
	// tried), when HasTR: set by tr-dogleg, tr-cg, sr1-tr and newton-lm.
	TRStep    []float64
	Pred, Rho float64
	HasTR     bool
}

func newRecord(n int) *Record {
	return &Record{n: n, Curv: make([]float64, n*n), Dir: make([]float64, n), TRStep: make([]float64, n)}
}

func (r *Record) reset() {
	r.TrialX = r.TrialX[:0]
	r.TrialF = r.TrialF[:0]
	r.CurvKind = CurvNone
	r.Radius = 0
	r.Alpha = 0
	r.Events = 0
	r.HasDir = false
	r.HasTR = false
}

// SetDir records the search direction d.
func (r *Record) SetDir(d []float64) {
	copy(r.Dir, d)
	r.HasDir = true
}

// SetTR records a trust-region step p, its predicted reduction and ρ.
func (r *Record) SetTR(p []float64, pred, rho float64) {
	copy(r.TRStep, p)
	r.Pred, r.Rho = pred, rho
	r.HasTR = true
}

// AddTrial records a point the method evaluated while searching.
func (r *Record) AddTrial(x []float64, f float64) {
	r.TrialX = append(r.TrialX, x...)
	r.TrialF = append(r.TrialF, f)
}

// SetCurv records the curvature matrix m (n·n) of kind k.
func (r *Record) SetCurv(k CurvKind, m []float64) {
	r.CurvKind = k
	copy(r.Curv, m)
}

// Method is an optimization algorithm that advances one iteration per call.
// Implementations keep all workspace between calls and must not allocate
// in Iterate once initialized.
type Method interface {
	// Init prepares the method to start from st, whose X, F and G are
	// already evaluated, and records its initial curvature model in rec.
	Init(p *Problem, st *State, rec *Record)
	// Iterate moves st to the next iterate (X, F and G all updated) and
	// records what it did in rec.
	Iterate(p *Problem, st *State, rec *Record)
}

// MethodKind is an entry of the method library.
type MethodKind struct {
	Name   string
	Desc   string // one line
	Rule   string // the update rule, as shown in help texts
	Cite   string // where the rule comes from
	Params []Param
	// New builds the method from a spec of this kind whose values are
	// already checked against their ranges. It reads each value by its key
	// (Spec.Value), never by position.
	New func(s Spec) Method
}

var methodKinds = Registry[*MethodKind]{What: "method", Name: func(k *MethodKind) string { return k.Name }}

// registerMethod adds a kind to the library; it is called from init
// functions, one per method file.
func registerMethod(k *MethodKind) { methodKinds.Add(k) }

// MethodKinds lists the method library sorted by name.
func MethodKinds() []*MethodKind { return methodKinds.List() }

// LookupMethod finds a method kind by name.
func LookupMethod(name string) (*MethodKind, error) { return methodKinds.Lookup(name) }

// Spec names a method and its parameter values: the text form is
// name[:key=value[,key=value]...], e.g. "gd:lr=0.035" or "lbfgs:m=5".
type Spec struct {
	Kind   *MethodKind
	Values []float64
}

// ParseSpec reads a method spec.
func ParseSpec(s string) (Spec, error) {
	name, settings, _ := strings.Cut(s, ":")
	k, err := LookupMethod(name)
	if err != nil {
		return Spec{}, err
	}
	vals, err := ParseSettings(settings, k.Params)
	if err != nil {
		return Spec{}, fmt.Errorf("method %s: %v", name, err)
	}
	return Spec{Kind: k, Values: vals}, nil
}

// String writes the spec in its canonical text form, omitting defaults.
func (s Spec) String() string {
	set := FormatSettings(s.Values, s.Kind.Params)
	if set == "" {
		return s.Kind.Name
	}
	return s.Kind.Name + ":" + set
}

// Value returns the value of parameter key (panics on an unknown key, which
// is a programming error).
func (s Spec) Value(key string) float64 {
	i := paramIndex(s.Kind.Params, key)
	if i < 0 {
		panic("sim: method " + s.Kind.Name + " has no parameter " + key)
	}
	return s.Values[i]
}

// New builds the method.
func (s Spec) New() Method { return s.Kind.New(s) }

// Equal reports whether s and o are the same method with the same values
// (compared with ==, so −0 equals 0).
func (s Spec) Equal(o Spec) bool { return s.Kind == o.Kind && slices.Equal(s.Values, o.Values) }

// orDefault replaces a zero *v by def: how every method's Init makes the
// zero value of its type that method with its defaults (gonum's habit).
func orDefault[T comparable](v *T, def T) {
	var zero T
	if *v == zero {
		*v = def
	}
}
