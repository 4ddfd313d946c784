package surfaces

import (
	"math"
	"strings"

	"curvlab/sim"
	"curvlab/sim/formula"
)

// FormulaKind is the kind of the surfaces a user types. It is not in the
// library (Lookup does not find it, Kinds does not list it): a scenario
// names a typed surface by its formula (f= in a link, --formula in the
// CLI), and NewFormula builds it.
var FormulaKind = &Kind{
	Name:   "formula",
	Desc:   "a function of x and y you type, e.g. (1 - x)^2 + 100*(y - x^2)^2",
	Params: formulaParams(),
}

// formulaParams are a typed surface's parameters a, b, c, d: 1 unless
// set, within ±10.
func formulaParams() []sim.Param {
	ps := make([]sim.Param, len(formula.Params))
	for i, name := range formula.Params {
		ps[i] = sim.Param{Key: name, Desc: "the formula's parameter " + name, Default: 1, Min: -10, Max: 10}
	}
	return ps
}

// Formula is a surface typed by the user: f(x, y) compiled once by package
// formula, with its exact gradient and Hessian by automatic
// differentiation (never finite differences). Its default view is
// [−3, 3]², its suggested start (−2, 2); it knows no minima. A value or
// derivative that is not finite (log of a negative number, sqrt at 0,
// overflow) is returned as such: a run stops there as diverged, and the
// app draws nothing for it.
//
// Like package formula's Formula it holds its workspace: one Formula is
// not for concurrent use.
type Formula struct {
	f *formula.Formula
}

// NewFormula compiles src (see package formula for the grammar and the
// limits); a formula that does not compile gives a *formula.Error saying
// what is wrong and at which column.
func NewFormula(src string) (*Formula, error) {
	f, err := formula.Compile(src)
	if err != nil {
		return nil, err
	}
	return &Formula{f: f}, nil
}

// CanonicalFormula is src as a scenario keeps it: the operators a word
// processor or a web page may give (−, ×, ·) written in ASCII, so that the
// formula fits a link, and the spaces at its ends trimmed.
func CanonicalFormula(src string) string {
	return strings.TrimSpace(strings.NewReplacer("−", "-", "×", "*", "·", "*").Replace(src))
}

// SetParams sets the formula's parameters a, b, c, d to vals (in
// FormulaKind.Params order; fewer leave the others as they are).
func (s *Formula) SetParams(vals []float64) {
	for i, v := range vals[:min(len(vals), len(formula.Params))] {
		s.f.SetParam(i, v)
	}
}

// Uses reports whether the formula uses parameter i of FormulaKind.Params.
func (s *Formula) Uses(i int) bool { return s.f.Uses(i) }

// String is the formula as typed.
func (s *Formula) String() string { return s.f.String() }

func (s *Formula) Dim() int { return 2 }

func (s *Formula) Func(x []float64) float64 { return s.f.Value(x[0], x[1]) }

func (s *Formula) Grad(g, x []float64) {
	_, d, _ := s.f.Derivs(x[0], x[1])
	g[0], g[1] = d[0], d[1]
}

func (s *Formula) Hess(h, x []float64) {
	_, _, d := s.f.Derivs(x[0], x[1])
	h[0], h[1], h[2], h[3] = d[0], d[1], d[1], d[2]
}

// Row sets dst[i] to f(xs[i], y), interpreting the tape once for the row
// (see RowFunc).
func (s *Formula) Row(dst, xs []float64, y float64) { s.f.Row(dst, xs, y) }

func (s *Formula) View() Window { return Window{-3, 3, -3, 3} }

func (s *Formula) Start() [2]float64 { return [2]float64{-2, 2} }

func (s *Formula) Minima() []Minimum { return nil }

// RowFunc is a surface that computes a row of values at once, faster than
// one Func call a point (a heatmap's grid is computed by rows).
type RowFunc interface {
	Row(dst, xs []float64, y float64)
}

// NaNSurface is NaN everywhere, with a typed surface's view and start:
// what a scenario shows for a formula that does not compile (one set by
// hand and not validated), so that nothing is drawn and every run stops at
// once as diverged.
type NaNSurface struct{}

func (NaNSurface) Dim() int                 { return 2 }
func (NaNSurface) Func(x []float64) float64 { return math.NaN() }
func (NaNSurface) Grad(g, x []float64)      { g[0], g[1] = math.NaN(), math.NaN() }
func (NaNSurface) Hess(h, x []float64) {
	h[0], h[1], h[2], h[3] = math.NaN(), math.NaN(), math.NaN(), math.NaN()
}
func (NaNSurface) View() Window      { return Window{-3, 3, -3, 3} }
func (NaNSurface) Start() [2]float64 { return [2]float64{-2, 2} }
func (NaNSurface) Minima() []Minimum { return nil }
