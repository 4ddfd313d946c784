package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strings"
	"text/tabwriter"

	"curvlab/sim"
	"curvlab/sim/nn"
	"curvlab/sim/scenario"
	"curvlab/sim/surfaces"
)

// networkScenario builds a network scenario from --network, --dataset and
// --method; --surface, --param and --start do not apply to it.
func (o *options) networkScenario(sc *scenario.Scenario, defaultSteps int) error {
	for _, f := range []string{"surface", "param", "start"} {
		if o.set[f] {
			return badf("--%s cannot be combined with --network (a network starts from its seeded initial weights)", f)
		}
	}
	if !o.set["network"] {
		return badf("--dataset needs --network, e.g. --network tanh:8,8")
	}
	net := scenario.DefaultNetwork()
	if err := net.ParseNetwork(o.network); err != nil {
		return badf("--network %q: %v", o.network, strings.TrimPrefix(err.Error(), "network: "))
	}
	if path, ok := strings.CutPrefix(o.dataset, "csv:"); ok && o.set["dataset"] {
		if err := ownData(&net, path); err != nil {
			return err
		}
	} else if o.set["dataset"] {
		if err := net.ParseDataset(o.dataset); err != nil {
			return badf("--dataset %q: %v", o.dataset, err)
		}
	}
	if err := sc.SetNetwork(net); err != nil {
		return err
	}
	return o.parseMethods(sc, defaultSteps)
}

// ownData makes net's data the points of the CSV file at path
// (x1,x2,label[,train|test], see nn.ParseCSV).
func ownData(net *scenario.Network, path string) error {
	text, err := readDataFile(path)
	if err != nil {
		return err
	}
	p, err := nn.ParseCSV(text)
	if err != nil {
		return badf("--dataset csv:%s: %v", path, err)
	}
	if err := net.SetOwnData(p); err != nil {
		return badf("--dataset csv:%s: %v", path, strings.TrimPrefix(err.Error(), "own data: "))
	}
	return nil
}

// fitData makes sc's surface the line fit of the points of the CSV file
// at path (x,y, see nn.ParsePairsCSV).
func fitData(sc *scenario.Scenario, path string) error {
	text, err := readDataFile(path)
	if err != nil {
		return err
	}
	xy, err := nn.ParsePairsCSV(text, surfaces.MinFitPoints, surfaces.MaxFitPoints)
	if err != nil {
		return badf("--dataset csv:%s: %v", path, err)
	}
	if err := sc.SetFit(xy); err != nil {
		return badf("--dataset csv:%s: %v", path, strings.TrimPrefix(err.Error(), "line fit: "))
	}
	return nil
}

// readDataFile reads the CSV file --dataset csv:path names, at most
// nn.MaxCSVBytes of it and a byte more (which ParseCSV refuses).
func readDataFile(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", badf("--dataset csv:%s: %v", path, errors.Unwrap(err))
	}
	defer f.Close()
	text, err := io.ReadAll(io.LimitReader(f, nn.MaxCSVBytes+1))
	if err != nil {
		return "", badf("--dataset csv:%s: %v", path, err)
	}
	return string(text), nil
}

// trackNetwork follows every run (before it steps) with a tracker that
// measures the test loss and sharpness of each of its rows.
func trackNetwork(sc scenario.Scenario, runs []*sim.Run) []*scenario.NetTracker {
	p := sc.NetProblem()
	stats := make([]*scenario.NetTracker, len(runs))
	for i, r := range runs {
		stats[i] = scenario.NewNetTracker(p)
		stats[i].Follow(r)
	}
	return stats
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
			b = appendFloats(b, s.F, stats[p].TestLoss[k], s.GNorm, s.StepLen, stats[p].Sharpness[k], stepSize(sc.Methods[p], s))
			b = appendFloats(appendCountsEvents(b, s), s.Epoch)
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

// finalStats is what a network run ends with: its weights, losses and the
// curvature of the training loss there.
type finalStats struct {
	X         []num `json:"x"`
	Loss      num   `json:"loss"`
	TestLoss  num   `json:"test_loss"`
	Sharpness num   `json:"sharpness"`
	// Trace is the trace of the training loss's Hessian, the sum of its
	// eigenvalues.
	Trace num `json:"hessian_trace"`
}

// final measures the end of run r; tr tracks r (its warm start is used).
func final(sc scenario.Scenario, r *sim.Run, tr *scenario.NetTracker) finalStats {
	last := r.Last()
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
	return finalStats{X: nums(last.X), Loss: num(last.F), TestLoss: num(test), Sharpness: num(sharp), Trace: num(trace)}
}

// writeNetJSON writes {"scenario", "network", "dataset", "params",
// "panels": [{"method", "steps": [...], "final": {...}}]}.
func writeNetJSON(out *bufio.Writer, sc scenario.Scenario, runs []*sim.Run, stats []*scenario.NetTracker) error {
	type panel struct {
		Method string        `json:"method"`
		Steps  []jsonNetStep `json:"steps"`
		Final  finalStats    `json:"final"`
	}
	doc := struct {
		Scenario string  `json:"scenario"`
		Network  string  `json:"network"`
		Dataset  string  `json:"dataset"`
		Params   int     `json:"params"`
		Panels   []panel `json:"panels"`
	}{Scenario: sc.Encode(), Network: sc.Net.NetworkSpec(), Dataset: sc.Net.DatasetSpec(), Params: len(sc.Start)}
	for p, r := range runs {
		pn := panel{Method: sc.Methods[p].String(), Final: final(sc, r, stats[p])}
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

// compareNetwork prints, per method, how training ended: the training and
// test loss next to the sharpness and trace of the Hessian there.
func compareNetwork(out *bufio.Writer, sc scenario.Scenario, methods []sim.Spec, runs []*sim.Run) error {
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "method\tresult\titers\tfevals\tgevals\thevals\tloss\ttest_loss\tsharpness\thessian_trace\tgnorm")
	for i, r := range runs {
		f := final(sc, r, scenario.NewNetTracker(sc.NetProblem()))
		last := r.Last()
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%d\t%.6g\t%.6g\t%.6g\t%.6g\t%.3g\n", methods[i], outcome(&last.Step), last.Iter,
			last.FEvals, last.GEvals, last.HEvals, float64(f.Loss), float64(f.TestLoss), float64(f.Sharpness), float64(f.Trace), last.GNorm)
	}
	return writeErr(tw.Flush())
}

// listNetworks describes the network specs and datasets for curvsim list.
func listNetworks(out *bufio.Writer) {
	fmt.Fprintf(out, "\nNETWORKS (run --network ACT:W1[,W2[,W3]][,key=value...] --dataset NAME[:key=value,...])\n\n")
	fmt.Fprintf(out, "network\n    an MLP with 2 inputs, 1 to %d hidden layers of 1 to %d units and one output, trained full batch\n", nn.MaxHidden, nn.MaxWidth)
	fmt.Fprintf(out, "    activations: %s\n", strings.Join(nn.ActivationNames(), ", "))
	writeParams(out, scenario.NetParams)
	fmt.Fprintf(out, "\ndataset\n    2D points in two classes; a fixed share is held out as the test split\n")
	fmt.Fprintf(out, "    names: %s\n", strings.Join(nn.DatasetNames(), ", "))
	writeParams(out, scenario.DataParams)
}
