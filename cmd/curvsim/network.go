package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"curvlab/sim"
	"curvlab/sim/export"
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

// compareNetwork prints, per method, how training ended: the training and
// test loss next to the sharpness and trace of the Hessian there.
func compareNetwork(out *bufio.Writer, sc scenario.Scenario, methods []sim.Spec, runs []*sim.Run) error {
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "method\tresult\titers\tfevals\tgevals\thevals\tloss\ttest_loss\tsharpness\thessian_trace\tgnorm")
	for i, r := range runs {
		f := export.Final(sc, r, scenario.NewNetTracker(sc.NetProblem()))
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
