// Package export writes a scenario's runs as curvsim writes them: CSV with
// one row an iterate, grouped by panel, or JSON (docs/cli.md, "run" and
// "Networks"). The CLI writes the runs it computed; the app writes the
// runs it mirrors from the engine, which keep the same rows, so the two
// give the same file.
package export

import (
	"bufio"
	"encoding/json"
	"io"
	"math"
	"strconv"

	"curvlab/sim"
	"curvlab/sim/la"
	"curvlab/sim/scenario"
	"curvlab/sim/surfaces"
)

// CSV writes the runs of sc, one row an iterate; trackers are a network's
// measures of each run (its test loss and sharpness row by row), nil for
// a surface.
func CSV(w io.Writer, sc scenario.Scenario, runs []*sim.Run, trackers []*scenario.NetTracker) error {
	out := bufio.NewWriter(w)
	if sc.Kind() == scenario.KindNetwork {
		writeNetCSV(out, sc, runs, trackers)
	} else {
		writeCSV(out, sc, runs)
	}
	return out.Flush()
}

// JSON writes the runs of sc as one JSON document; trackers as for CSV.
func JSON(w io.Writer, sc scenario.Scenario, runs []*sim.Run, trackers []*scenario.NetTracker) error {
	out := bufio.NewWriter(w)
	var err error
	if sc.Kind() == scenario.KindNetwork {
		err = writeNetJSON(out, sc, runs, trackers)
	} else {
		err = writeJSON(out, sc, runs)
	}
	if ferr := out.Flush(); err == nil {
		err = ferr
	}
	return err
}

// writeCSV writes one row per iterate, grouped by panel.
func writeCSV(out *bufio.Writer, sc scenario.Scenario, runs []*sim.Run) {
	panels := len(runs) > 1
	n := len(sc.Start)
	var b []byte
	if panels {
		b = append(b, "panel,"...)
	}
	b = append(b, "iter"...)
	for i := 1; i <= n; i++ {
		b = append(b, ",x"...)
		b = strconv.AppendInt(b, int64(i), 10)
	}
	b = append(b, ",f,gnorm,step,fevals,gevals,hevals,events,curv_err,epoch,batch_f\n"...)
	out.Write(b)
	ce := newCurvErrors(sc)
	for p, r := range runs {
		for k := range r.Trace {
			s := r.Row(k)
			b = appendRowStart(b[:0], panels, p, s.Iter)
			b = AppendFloats(b, s.X...)
			b = AppendFloats(b, s.F, s.GNorm, s.StepLen)
			b = appendCountsEvents(b, &s.Step)
			b = appendOptional(b, ce.of(&s))
			b = appendOptional(b, s.Epoch)
			b = appendOptional(b, s.BatchF)
			out.Write(append(b, '\n'))
		}
	}
}

// curvErrors measures a surface run's curvature models against the true
// Hessian at their iterates (sim.CurvError).
type curvErrors struct {
	obj        sim.Objective
	n          int
	hess, work []float64
}

func newCurvErrors(sc scenario.Scenario) *curvErrors {
	n := len(sc.Start)
	return &curvErrors{obj: sc.Objective(), n: n, hess: make([]float64, n*n), work: make([]float64, sim.CurvErrorWork(n))}
}

// of is row s's curvature error, NaN where its method keeps no model or
// the Hessian is 0 there.
func (c *curvErrors) of(s *sim.Row) float64 {
	if s.CurvKind == sim.CurvNone || !la.IsFinite(s.X) {
		return math.NaN()
	}
	c.obj.Hess(c.hess, s.X)
	return sim.CurvError(s.Curv, s.CurvKind, c.hess, c.n, c.work)
}

// appendRowStart begins a CSV row: "panel," (1-based, when there are
// several panels) and the iteration.
func appendRowStart(b []byte, panels bool, p, iter int) []byte {
	if panels {
		b = strconv.AppendInt(b, int64(p+1), 10)
		b = append(b, ',')
	}
	return strconv.AppendInt(b, int64(iter), 10)
}

// AppendFloats appends ",v" for each v, exactly.
func AppendFloats(b []byte, vals ...float64) []byte {
	for _, v := range vals {
		b = append(b, ',')
		b = strconv.AppendFloat(b, v, 'g', -1, 64)
	}
	return b
}

// appendOptional appends ",v", or "," alone for NaN (a column empty where
// the row has no such number).
func appendOptional(b []byte, v float64) []byte {
	b = append(b, ',')
	if math.IsNaN(v) {
		return b
	}
	return strconv.AppendFloat(b, v, 'g', -1, 64)
}

// appendCountsEvents appends ",fevals,gevals,hevals,events".
func appendCountsEvents(b []byte, s *sim.Step) []byte {
	for _, c := range []int{s.FEvals, s.GEvals, s.HEvals} {
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(c), 10)
	}
	b = append(b, ',')
	return append(b, s.Events.String()...)
}

// num is a float64 written exactly in JSON, NaN and ±Inf as null.
type num float64

func (v num) MarshalJSON() ([]byte, error) {
	f := float64(v)
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return []byte("null"), nil
	}
	return strconv.AppendFloat(make([]byte, 0, 24), f, 'g', -1, 64), nil
}

// nums converts v for JSON; nil stays nil (null).
func nums(v []float64) []num {
	if v == nil {
		return nil
	}
	r := make([]num, len(v))
	for i, x := range v {
		r[i] = num(x)
	}
	return r
}

type jsonTrial struct {
	X []num `json:"x"`
	F num   `json:"f"`
}

type jsonStep struct {
	Iter     int         `json:"iter"`
	X        []num       `json:"x"`
	F        num         `json:"f"`
	G        []num       `json:"g"`
	GNorm    num         `json:"gnorm"`
	Step     num         `json:"step"`
	Alpha    num         `json:"alpha"`
	Trials   []jsonTrial `json:"trials"`
	Curv     [][]num     `json:"curv"`
	CurvKind string      `json:"curv_kind"`
	CurvErr  num         `json:"curv_err"`
	Radius   num         `json:"radius"`
	D        []num       `json:"d"`
	P        []num       `json:"p"`
	Pred     num         `json:"pred"`
	Rho      num         `json:"rho"`
	FEvals   int         `json:"fevals"`
	GEvals   int         `json:"gevals"`
	HEvals   int         `json:"hevals"`
	Events   []string    `json:"events"`
	Epoch    num         `json:"epoch"`
	BatchF   num         `json:"batch_f"`
}

// surfaceSpec is the surface's name[:key=value,...] form, or for a typed
// surface "formula:" and its formula.
func surfaceSpec(sc scenario.Scenario) string {
	if sc.SurfaceKind == surfaces.FormulaKind {
		if set := sim.FormatSettings(sc.SurfaceVals, sc.SurfaceKind.Params); set != "" {
			return "formula:" + sc.Formula + ":" + set
		}
		return "formula:" + sc.Formula
	}
	if set := sim.FormatSettings(sc.SurfaceVals, sc.SurfaceKind.Params); set != "" {
		return sc.SurfaceKind.Name + ":" + set
	}
	return sc.SurfaceKind.Name
}

// writeJSON streams the object {"scenario", "surface", "panels"}, one
// step at a time.
func writeJSON(out *bufio.Writer, sc scenario.Scenario, runs []*sim.Run) error {
	head, err := json.Marshal(struct {
		Scenario string `json:"scenario"`
		Surface  string `json:"surface"`
	}{sc.Encode(), surfaceSpec(sc)})
	if err != nil {
		return err
	}
	out.Write(head[:len(head)-1]) // without the closing brace
	out.WriteString(`,"panels":[`)
	n := len(sc.Start)
	ce := newCurvErrors(sc)
	for p, r := range runs {
		if p > 0 {
			out.WriteByte(',')
		}
		method, _ := json.Marshal(sc.Methods[p].String())
		out.WriteString(`{"method":`)
		out.Write(method)
		out.WriteString(`,"steps":[`)
		for k := range r.Trace {
			s := r.Row(k)
			js := jsonStep{
				Iter: s.Iter, X: nums(s.X), F: num(s.F), G: nums(s.G),
				GNorm: num(s.GNorm), Step: num(s.StepLen), Alpha: num(s.Alpha),
				Trials: make([]jsonTrial, s.Trials), CurvKind: s.CurvKind.String(), CurvErr: num(ce.of(&s)),
				Radius: num(s.Radius), D: nums(s.Dir), P: nums(s.TRStep), Pred: num(s.Pred), Rho: num(s.Rho),
				FEvals: s.FEvals, GEvals: s.GEvals, HEvals: s.HEvals, Events: s.Events.Names(),
				Epoch: num(s.Epoch), BatchF: num(s.BatchF),
			}
			if js.Events == nil {
				js.Events = []string{}
			}
			if len(s.TrialF) != s.Trials { // a mirror keeps the latest row's trial points only
				js.Trials = nil
			}
			for t := range js.Trials {
				js.Trials[t] = jsonTrial{X: nums(s.TrialX[t*n : (t+1)*n]), F: num(s.TrialF[t])}
			}
			if s.Curv != nil && s.CurvKind != sim.CurvNone {
				js.Curv = make([][]num, n)
				for i := range js.Curv {
					js.Curv[i] = nums(s.Curv[i*n : (i+1)*n])
				}
			}
			b, err := json.Marshal(js)
			if err != nil {
				return err
			}
			if k > 0 {
				out.WriteByte(',')
			}
			if _, err := out.Write(b); err != nil {
				return err
			}
		}
		out.WriteString("]}")
	}
	_, err = out.WriteString("]}\n")
	return err
}

// stepSize is the lr column: the step size the iteration used (row 0: the
// method's lr parameter, if it has one).
func stepSize(sp sim.Spec, s *sim.Step) float64 {
	if s.Iter == 0 {
		for i, p := range sp.Kind.Params {
			if p.Key == "lr" {
				return sp.Values[i]
			}
		}
		return 0
	}
	return s.Alpha
}

const netColumns = "iter,loss,test_loss,gnorm,step,sharpness,lr,fevals,gevals,hevals,events,epoch,batch_loss,lr_now,stability,sharpness_pre"

// stepAndLine are the lr_now and stability columns of row iter: the step
// size η_t of the step the row is about to take (its lr through its
// schedule), and the sharpness at which that step turns unstable —
// c/η_t for gradient descent, heavy ball, Nesterov and SAM
// (sim.StabilityProduct), for Adam and RMSProp the line of the
// preconditioned sharpness (sim.PreconditionedStability); NaN where the
// method has none.
func stepAndLine(sp sim.Spec, iter int) (eta, line float64) {
	eta, line = math.NaN(), math.NaN()
	if e, ok := sim.StepSizeAt(sp, iter); ok {
		eta = e
	}
	if c, _, ok := sim.StabilityProduct(sp); ok {
		line = c / eta
	} else if c, _, ok := sim.PreconditionedStability(sp); ok {
		line = c / eta
	}
	return eta, line
}

// writeNetCSV writes one row per iterate of a network run, grouped by
// panel: loss is the training loss, sharpness λ_max of its Hessian.
func writeNetCSV(out *bufio.Writer, sc scenario.Scenario, runs []*sim.Run, stats []*scenario.NetTracker) {
	panels := len(runs) > 1
	if panels {
		out.WriteString("panel,")
	}
	out.WriteString(netColumns + "\n")
	var b []byte
	for p, r := range runs {
		for k := range r.Trace {
			s := &r.Trace[k]
			b = appendRowStart(b[:0], panels, p, s.Iter)
			b = AppendFloats(b, s.F, stats[p].TestLoss[k], s.GNorm, s.StepLen, stats[p].Sharpness[k], stepSize(sc.Methods[p], s))
			b = AppendFloats(appendCountsEvents(b, s), s.Epoch)
			eta, line := stepAndLine(sc.Methods[p], s.Iter)
			for _, v := range []float64{s.BatchF, eta, line, stats[p].SharpnessPre[k]} {
				b = appendOptional(b, v)
			}
			out.Write(append(b, '\n'))
		}
	}
}

type jsonNetStep struct {
	Iter      int      `json:"iter"`
	Loss      num      `json:"loss"`
	TestLoss  num      `json:"test_loss"`
	GNorm     num      `json:"gnorm"`
	Step      num      `json:"step"`
	Sharpness num      `json:"sharpness"`
	LR        num      `json:"lr"`
	FEvals    int      `json:"fevals"`
	GEvals    int      `json:"gevals"`
	HEvals    int      `json:"hevals"`
	Events    []string `json:"events"`
	Epoch     num      `json:"epoch"`
	BatchLoss num      `json:"batch_loss"`
	LRNow     num      `json:"lr_now"`
	Stability num      `json:"stability"`
	SharpPre  num      `json:"sharpness_pre"`
}

// FinalStats is what a network run ends with: its weights, losses and the
// curvature of the training loss there.
type FinalStats struct {
	X         []num `json:"x"`
	Loss      num   `json:"loss"`
	TestLoss  num   `json:"test_loss"`
	Sharpness num   `json:"sharpness"`
	// Trace is the trace of the training loss's Hessian, the sum of its
	// eigenvalues.
	Trace num `json:"hessian_trace"`
}

// Final measures the end of run r; tr tracks r (its warm start is used),
// or, if it cannot measure, a fresh tracker does.
func Final(sc scenario.Scenario, r *sim.Run, tr *scenario.NetTracker) FinalStats {
	last := r.Last()
	if !tr.Measures() { // the app's mirror of a tracker that ran elsewhere
		tr = scenario.NewNetTracker(sc.NetProblem())
	}
	test, sharp := tr.Measure(last.X)
	trace := math.NaN()
	if !math.IsNaN(sharp) {
		n := len(last.X)
		h := make([]float64, n*n)
		sc.NetProblem().TrainLoss.Hess(h, last.X)
		trace = 0
		for i := 0; i < n; i++ {
			trace += h[i*n+i]
		}
	}
	return FinalStats{X: nums(last.X), Loss: num(last.F), TestLoss: num(test), Sharpness: num(sharp), Trace: num(trace)}
}

// writeNetJSON writes {"scenario", "network", "dataset", "params",
// "panels": [{"method", "steps": [...], "final": {...}}]}.
func writeNetJSON(out *bufio.Writer, sc scenario.Scenario, runs []*sim.Run, stats []*scenario.NetTracker) error {
	type panel struct {
		Method string        `json:"method"`
		Steps  []jsonNetStep `json:"steps"`
		Final  FinalStats    `json:"final"`
	}
	doc := struct {
		Scenario string  `json:"scenario"`
		Network  string  `json:"network"`
		Dataset  string  `json:"dataset"`
		Params   int     `json:"params"`
		Panels   []panel `json:"panels"`
	}{Scenario: sc.Encode(), Network: sc.Net.NetworkSpec(), Dataset: sc.Net.DatasetSpec(), Params: len(sc.Start)}
	for p, r := range runs {
		pn := panel{Method: sc.Methods[p].String(), Final: Final(sc, r, stats[p])}
		for k := range r.Trace {
			s := &r.Trace[k]
			ev := s.Events.Names()
			if ev == nil {
				ev = []string{}
			}
			eta, line := stepAndLine(sc.Methods[p], s.Iter)
			pn.Steps = append(pn.Steps, jsonNetStep{
				Iter: s.Iter, Loss: num(s.F), TestLoss: num(stats[p].TestLoss[k]), GNorm: num(s.GNorm),
				Step: num(s.StepLen), Sharpness: num(stats[p].Sharpness[k]), LR: num(stepSize(sc.Methods[p], s)),
				FEvals: s.FEvals, GEvals: s.GEvals, HEvals: s.HEvals, Events: ev,
				Epoch: num(s.Epoch), BatchLoss: num(s.BatchF),
				LRNow: num(eta), Stability: num(line), SharpPre: num(stats[p].SharpnessPre[k]),
			})
		}
		doc.Panels = append(doc.Panels, pn)
	}
	b, err := json.Marshal(doc)
	if err != nil {
		return err
	}
	out.Write(b)
	_, err = out.WriteString("\n")
	return err
}
