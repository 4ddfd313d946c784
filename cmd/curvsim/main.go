// Command curvsim is curvlab's headless CLI: it lists the surfaces and
// methods, runs methods on a surface and prints every iterate as CSV or
// JSON, and compares methods in a table. It uses package sim only (never
// ebiten), so it runs anywhere, including under node as WebAssembly.
//
// Run "curvsim help" for the interface; docs/cli.md describes it in full.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"curvlab/sim"
	"curvlab/sim/export"
	"curvlab/sim/scenario"
	"curvlab/sim/surfaces"
)

const usage = `curvsim: run curvlab's optimization methods on 2D surfaces and tiny networks, headless.

Usage:
  curvsim list
      Surfaces (parameters with defaults and ranges, view, start, minima)
      and methods (parameters with defaults and accepted values, rule).
  curvsim run --surface NAME [--param key=value]... [--start x1,x2]
              --method SPEC [--method SPEC]... [--steps N] [--tol T] [--format csv|json]
  curvsim run --formula EXPR [--param key=value]... [--start x1,x2] --method SPEC [--method SPEC]...
              [--steps N] [--tol T] [--format csv|json]
  curvsim run --surface linefit --dataset csv:PATH [--start x1,x2]
              --method SPEC [--method SPEC]... [--steps N] [--tol T] [--format csv|json]
  curvsim run --scenario TEXT [--steps N] [--tol T] [--format csv|json]
  curvsim run --preset NAME [--steps N] [--tol T] [--format csv|json]
      Print every iterate. SPEC is name[:key=value[,key=value]...], e.g.
      gd:lr=0.01,ls=wolfe; one --method per panel, 1 to 4. TEXT is a
      scenario link, e.g. "v1;s=rosenbrock;x=-1.2,1;m=gd:lr=0.001;m=newton";
      NAME one of the app's lessons (listed by curvsim list; its final scenario runs). EXPR is a
      function of x and y, e.g. '(1 - x)^2 + 100*(y - x^2)^2': numbers, x,
      y, pi, e, + - * / ^, parentheses, sin cos tan asin acos atan sinh
      cosh tanh exp log sqrt abs min max, and the parameters a, b, c, d
      (1 unless --param a=2 sets them, within -10..10); its gradient and
      Hessian are exact (automatic differentiation); default start -2,2.
      linefit is the least-squares line y = x1 + x2*x through points (x,y
      a line of the CSV file PATH, header optional; 2 to 1000 points, coordinates
      multiples of 1/256 in [-4, 4), as a link holds them).
      Defaults: start = the surface's suggested start, --steps 500,
      --tol 1e-8 (0 never stops), --format csv.
      CSV: iter,x1,x2,f,gnorm,step,fevals,gevals,hevals,events,curv_err,
      epoch,batch_f
      with row 0 the start; with several methods a leading panel column
      (1-based); curv_err is the method's curvature model against the
      true Hessian, |B - H|_F/|H|_F (B = the inverse of an inverse form's
      H), empty for a method that keeps none.
      A run stops early when gnorm <= T (event converged) or when it
      diverges (event diverged). JSON: {"scenario", "surface", "panels":
      [{"method", "steps": [...]}]}; NaN and Inf are written as null.
  curvsim run --network NET [--dataset DATA] --method SPEC [--method SPEC]...
              [--steps N] [--tol T] [--format csv|json]
      Train a tiny MLP (full batch, or B points a step with a first-order
      method's batch=B,seed=K). NET is ACT:W1[,W2[,W3]][,loss=mse|ce]
      [,init=K], e.g. tanh:8,8 (two tanh layers of 8 units); DATA is
      NAME[:n=N,noise=S,seed=K], e.g. spiral:n=100 (default circle).
      CSV: iter,loss,test_loss,gnorm,step,sharpness,lr,fevals,gevals,
      hevals,events,epoch,batch_loss,lr_now,stability,sharpness_pre;
      sharpness is lambda_max of the training loss's Hessian at the
      iterate, lr the step size used, lr_now the step size of the next
      step (schedule=constant|step|cosine|warmup|inverse,decay=T), stability
      the sharpness where that step turns unstable (2/lr_now for gd; for
      adam and rmsprop that of sharpness_pre, lambda_max(P^-1 H)). JSON adds per panel
      the final weights, losses, sharpness and Hessian trace.
  curvsim compare --surface NAME [--param key=value]... [--start x1,x2]
  curvsim compare --formula EXPR [--start x1,x2]
  curvsim compare --network NET [--dataset DATA]
                  --method SPEC [--method SPEC]... [--steps N] [--tol T]
      A table, one row per method: result (converged, not converged,
      diverged), iterations and evaluations used, final point, f and gnorm.
      Default --steps 10000.
      For a network: training and test loss, sharpness and Hessian trace
      at the end, per method.
  curvsim basins --surface NAME [--param key=value]... | --formula EXPR
                 --method SPEC [--grid N] [--steps K] [--tol T]
      Basins of attraction: a run of the method from the centre of each
      cell of an N×N grid over the surface's view (default 128, at most
      1024), K iterations at most (default 100, at most 10000), converged
      when gnorm <= T (default 1e-8, in (0, 1]). CSV x1,x2,minimum,
      iterations, row by row from the top left: minimum is the 1-based
      index of the known minimum the run ended at (curvsim list gives
      them; within 1e-4 of the view's size), 0 for none of them (another
      stationary point, or not converged in K), -1 diverged.
  curvsim sweep --surface NAME | --formula EXPR | --network NET [--dataset DATA]
                --method SPEC --param KEY --from A --to B [--n K] [--log]
                [--start x1,x2] [--steps N] [--tol T]
      One run of the method for each of K values of its parameter KEY
      (default 50, 2 to 200) from A to B, evenly spaced, or with --log
      evenly in log (A > 0), each for at most N steps (default 500). CSV
      value,final_f,iterations,diverged on a surface (final_f is f at the
      end), value,loss,test_loss,sharpness,diverged on a network. A fixed
      step is stable on a quadratic below 2/lambda_max (gd),
      2(1+beta)/lambda_max (momentum), (2+2beta)/((1+2beta)lambda_max)
      (nesterov).
  curvsim help
      This text, on standard output.

Numbers in CSV and JSON are exact (shortest form that reads back the same
float64). Bad input prints one line on standard error and exits with
status 2; curvsim without arguments prints this text on standard error and
exits with status 2.
`

// errUsage is a bad-input error: one line, exit status 2. Any error a
// command returns is bad input, except errWrite.
type errUsage struct{ msg string }

func (e errUsage) Error() string { return e.msg }

// errWrite is a failure to write the output: exit status 1.
type errWrite struct{ err error }

func (e errWrite) Error() string { return "writing the output: " + e.err.Error() }

// writeErr marks err, if any, as a write failure.
func writeErr(err error) error {
	if err == nil {
		return nil
	}
	return errWrite{err}
}

func badf(format string, a ...any) error { return errUsage{fmt.Sprintf(format, a...)} }

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes the command line args and returns the exit status: 0 on
// success, 2 on bad input (one line on stderr, nothing on stdout), 1 when
// the output could not be written. Every command checks all its input
// before it writes anything.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		io.WriteString(stderr, usage)
		return 2
	}
	out := bufio.NewWriterSize(stdout, 64<<10)
	var err error
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "help", "-h", "-help", "--help":
		out.WriteString(usage)
	case "list":
		err = cmdList(out, rest)
	case "run":
		err = cmdRun(out, rest)
	case "compare":
		err = cmdCompare(out, rest)
	case "basins":
		err = cmdBasins(out, rest)
	case "sweep":
		err = cmdSweep(out, rest)
	default:
		err = badf("unknown command %q (accepted: list, run, compare, basins, sweep, help)", cmd)
	}
	if err == nil {
		err = writeErr(out.Flush())
	}
	if we := (errWrite{}); errors.As(err, &we) {
		fmt.Fprintf(stderr, "curvsim %s: %v\n", cmd, err)
		return 1
	}
	if err != nil {
		msg := err.Error()
		if !strings.HasPrefix(msg, "curvsim") {
			msg = "curvsim " + cmd + ": " + msg
		}
		// One line, whatever the message.
		msg = strings.NewReplacer("\n", " ", "\r", " ").Replace(msg)
		fmt.Fprintln(stderr, msg)
		return 2
	}
	return 0
}

// parseOnly parses args with fs: flags only, no arguments, each mistake
// one sentence naming what is accepted (flag.ErrHelp for -h).
func parseOnly(fs *flag.FlagSet, args []string, accepted string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		msg := err.Error()
		switch {
		case strings.HasPrefix(msg, "flag provided but not defined: "):
			f := strings.TrimLeft(strings.TrimPrefix(msg, "flag provided but not defined: "), "-")
			return badf("unknown flag --%s (accepted: %s)", f, accepted)
		case strings.HasPrefix(msg, "flag needs an argument: "):
			f := strings.TrimLeft(strings.TrimPrefix(msg, "flag needs an argument: "), "-")
			return badf("flag --%s needs a value", f)
		}
		return badf("%s (accepted flags: %s)", msg, accepted)
	}
	if fs.NArg() > 0 {
		return badf("unexpected argument %q (flags are: %s)", fs.Arg(0), accepted)
	}
	return nil
}

// listFlag collects the values of a repeated flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, " ") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

// options are the flags of run and compare.
type options struct {
	fs                                        *flag.FlagSet
	surface, start, steps, tol, format, scene string
	formula                                   string
	preset, network, dataset                  string
	params, methods                           listFlag
	set                                       map[string]bool
}

func parseFlags(name string, args []string, withScenario bool) (*options, error) {
	o := &options{fs: flag.NewFlagSet(name, flag.ContinueOnError), set: map[string]bool{}}
	fs := o.fs
	fs.SetOutput(io.Discard)
	fs.StringVar(&o.surface, "surface", "", "")
	fs.StringVar(&o.formula, "formula", "", "")
	fs.Var(&o.params, "param", "")
	fs.StringVar(&o.start, "start", "", "")
	fs.Var(&o.methods, "method", "")
	fs.StringVar(&o.steps, "steps", "", "")
	fs.StringVar(&o.tol, "tol", "", "")
	fs.StringVar(&o.network, "network", "", "")
	fs.StringVar(&o.dataset, "dataset", "", "")
	accepted := "--surface, --formula, --param, --start, --network, --dataset, --method, --steps, --tol"
	if withScenario {
		fs.StringVar(&o.format, "format", "csv", "")
		fs.StringVar(&o.scene, "scenario", "", "")
		fs.StringVar(&o.preset, "preset", "", "")
		accepted += ", --format, --scenario, --preset"
	}
	if err := parseOnly(fs, args, accepted); err != nil {
		return nil, err
	}
	fs.Visit(func(f *flag.Flag) { o.set[f.Name] = true })
	return o, nil
}

// scenario builds the scenario the flags describe, with defaultSteps when
// --steps is not given; it checks the number of methods only when panels.
func (o *options) scenario(defaultSteps int, panels bool) (scenario.Scenario, error) {
	var sc scenario.Scenario
	if o.set["scenario"] || o.set["preset"] {
		given := "--scenario"
		if o.set["preset"] {
			given = "--preset"
		}
		for _, f := range []string{"surface", "formula", "param", "start", "network", "dataset", "method", "scenario"} {
			if o.set[f] && "--"+f != given {
				return sc, badf("--%s cannot be combined with %s (only --steps, --tol and --format can)", f, given)
			}
		}
		var err error
		if o.set["preset"] {
			if _, sc, err = scenario.LookupLesson(o.preset); err != nil {
				return sc, badf("--preset: %s", err.Error())
			}
		} else if sc, err = scenario.Decode(o.scene); err != nil {
			return sc, badf("--scenario: %s", strings.TrimPrefix(err.Error(), "link: "))
		}
	} else if o.set["network"] || o.set["dataset"] && o.surface != surfaces.LineFitKind.Name {
		if err := o.networkScenario(&sc, defaultSteps); err != nil {
			return sc, err
		}
	} else {
		if err := o.surfaceOf(&sc); err != nil {
			return sc, err
		}
		if o.set["start"] {
			for _, p := range strings.Split(o.start, ",") {
				v, err := sim.ParseFloat(p)
				if err != nil {
					return sc, badf("--start: %v (expected x1,x2)", err)
				}
				sc.Start = append(sc.Start, v)
			}
		} else {
			st := sc.Surface().Start()
			sc.Start = st[:]
		}
		if err := o.parseMethods(&sc, defaultSteps); err != nil {
			return sc, err
		}
	}
	if o.set["steps"] {
		n, err := scenario.StepsParam.ParseFlag("steps", o.steps)
		if err != nil {
			return sc, badf("%v", err)
		}
		sc.Steps = int(n)
	}
	if o.set["tol"] {
		t, err := scenario.TolParam.ParseFlag("tol", o.tol)
		if err != nil {
			return sc, badf("%v", err)
		}
		sc.Tol = t
	}
	check := sc
	if !panels {
		// compare has no panels: check each method on its own.
		for _, m := range sc.Methods {
			check.Methods = []sim.Spec{m}
			if err := check.Validate(); err != nil {
				return sc, err
			}
		}
		return sc, nil
	}
	return sc, sc.Validate()
}

// parseMethods sets the scenario's methods from the --method flags, and
// its step budget and tolerance to their defaults.
func (o *options) parseMethods(sc *scenario.Scenario, defaultSteps int) error {
	if len(o.methods) == 0 {
		return badf("--method is required, once per method (accepted: %s)", methodNames())
	}
	for _, m := range o.methods {
		spec, err := sim.ParseSpec(m)
		if err != nil {
			return badf("--method %q: %v", m, err)
		}
		sc.Methods = append(sc.Methods, spec)
	}
	sc.Steps = defaultSteps
	sc.Tol = scenario.DefaultTol
	return nil
}

func surfaceNames() string {
	var names []string
	for _, k := range surfaces.Kinds() {
		names = append(names, k.Name)
	}
	return strings.Join(names, ", ")
}

func methodNames() string {
	var names []string
	for _, k := range sim.MethodKinds() {
		names = append(names, k.Name)
	}
	return strings.Join(names, ", ")
}

// simulate runs every method of the scenario for at most sc.Steps
// iterations, stopping early on convergence or divergence. The runs of a
// surface keep every row's vectors, which run prints; those of a network
// keep a few (run prints no weights but the final ones). With track, a
// network's runs are followed by trackers that measure the test loss and
// sharpness of every row as it is computed (nil for a surface).
func simulate(sc scenario.Scenario, track bool) ([]*sim.Run, []*scenario.NetTracker) {
	runs := sc.NewRunsWith(sim.RunOptions{KeepVectors: sc.Kind() == scenario.KindSurface})
	var stats []*scenario.NetTracker
	if track && sc.Kind() == scenario.KindNetwork {
		stats = trackNetwork(sc, runs)
	}
	for _, r := range runs {
		for i := 0; i < sc.Steps && r.Step(); i++ {
		}
	}
	return runs, stats
}

func helpOr(err error, out *bufio.Writer) error {
	if errors.Is(err, flag.ErrHelp) {
		out.WriteString(usage)
		return nil
	}
	return err
}

func cmdRun(out *bufio.Writer, args []string) error {
	o, err := parseFlags("run", args, true)
	if err != nil {
		return helpOr(err, out)
	}
	if o.format != "csv" && o.format != "json" {
		return badf("unknown format %q (accepted: csv, json)", o.format)
	}
	sc, err := o.scenario(scenario.DefaultSteps, true)
	if err != nil {
		return err
	}
	runs, stats := simulate(sc, true)
	if o.format == "json" {
		return writeErr(export.JSON(out, sc, runs, stats))
	}
	return writeErr(export.CSV(out, sc, runs, stats))
}

func ff(v float64) string { return sim.FormatFloat(v) }

// surfaceOf sets sc's surface from --surface and --param, or --formula.
func (o *options) surfaceOf(sc *scenario.Scenario) error {
	switch {
	case o.set["formula"] && o.set["surface"]:
		return badf("--formula gives the surface: it cannot be combined with --surface")
	case o.set["formula"]:
		if err := sc.SetFormula(o.formula); err != nil {
			return badf("--formula: %s", strings.TrimPrefix(err.Error(), "formula: "))
		}
		vals, err := sim.ParseSettings(strings.Join(o.params, ","), surfaces.FormulaKind.Params)
		if err != nil {
			return badf("--param: formula: %v", err)
		}
		return sc.SetSurface(surfaces.FormulaKind, vals)
	case !o.set["surface"]:
		return badf("--surface (or --formula, or --network) is required (accepted: %s)", surfaceNames())
	}
	k, err := surfaces.Lookup(o.surface)
	if err != nil {
		return err
	}
	vals, err := sim.ParseSettings(strings.Join(o.params, ","), k.Params)
	if err != nil {
		return badf("--param: surface %s: %v", k.Name, err)
	}
	if err := sc.SetSurface(k, vals); err != nil {
		return err
	}
	if k == surfaces.LineFitKind && o.set["dataset"] {
		path, ok := strings.CutPrefix(o.dataset, "csv:")
		if !ok {
			return badf("--dataset %q: a line fit's points come from a file, csv:PATH (x,y a line)", o.dataset)
		}
		return fitData(sc, path)
	}
	return nil
}

func cmdCompare(out *bufio.Writer, args []string) error {
	o, err := parseFlags("compare", args, false)
	if err != nil {
		return helpOr(err, out)
	}
	sc, err := o.scenario(10000, false)
	if err != nil {
		return err
	}
	// Run the methods one by one, so that compare takes any number.
	var runs []*sim.Run
	methods := sc.Methods
	for _, m := range methods {
		sc.Methods = []sim.Spec{m}
		r, _ := simulate(sc, false)
		runs = append(runs, r...)
	}
	if sc.Kind() == scenario.KindNetwork {
		return compareNetwork(out, sc, methods, runs)
	}
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprint(tw, "method\tresult\titers\tfevals\tgevals\thevals")
	for i := range sc.Start {
		fmt.Fprintf(tw, "\tx%d", i+1)
	}
	fmt.Fprint(tw, "\tf\tgnorm\n")
	for i, r := range runs {
		last := r.Last()
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%d", methods[i], outcome(&last.Step), last.Iter, last.FEvals, last.GEvals, last.HEvals)
		for _, v := range last.X {
			fmt.Fprintf(tw, "\t%.6g", v)
		}
		fmt.Fprintf(tw, "\t%.6g\t%.3g\n", last.F, last.GNorm)
	}
	return writeErr(tw.Flush())
}

// outcome says how a run ended: converged, diverged or not converged.
func outcome(last *sim.Step) string {
	switch {
	case last.Events&sim.EventConverged != 0:
		return "converged"
	case last.Events&sim.EventDiverged != 0:
		return "diverged"
	}
	return "not converged"
}

func cmdList(out *bufio.Writer, args []string) error {
	if len(args) > 0 {
		return badf("unexpected argument %q (list takes none)", args[0])
	}
	out.WriteString("SURFACES (run --surface NAME --param key=value ...)\n")
	for _, k := range surfaces.Kinds() {
		s := k.New(sim.Defaults(k.Params))
		fmt.Fprintf(out, "\n%s\n    %s\n", k.Name, k.Desc)
		writeParams(out, k.Params)
		w := s.View()
		fmt.Fprintf(out, "    view:   x in [%s, %s], y in [%s, %s]\n", ff(w.XMin), ff(w.XMax), ff(w.YMin), ff(w.YMax))
		st := s.Start()
		fmt.Fprintf(out, "    start:  %s,%s\n", ff(st[0]), ff(st[1]))
		minima := s.Minima()
		if len(minima) == 0 {
			out.WriteString("    minima: none\n")
		}
		for i, m := range minima {
			label := "            "
			if i == 0 {
				label = "    minima: "
			}
			kind := "local"
			if m.Global {
				kind = "global"
			}
			fmt.Fprintf(out, "%s(%.6g, %.6g) f = %.6g, %s\n", label, m.X, m.Y, m.F, kind)
		}
	}
	out.WriteString("\nMETHODS (run --method NAME[:key=value,...])\n")
	for _, k := range sim.MethodKinds() {
		fmt.Fprintf(out, "\n%s\n    %s\n", k.Name, k.Desc)
		writeParams(out, k.Params)
		fmt.Fprintf(out, "    rule:   %s\n", k.Rule)
		if k.Cite != "" {
			fmt.Fprintf(out, "    source: %s\n", k.Cite)
		}
	}
	listNetworks(out)
	out.WriteString("\nLESSONS (run --preset NAME runs the scenario each one ends on)\n")
	for _, l := range scenario.Lessons() {
		final, err := l.Final()
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "\n%s\n    %s\n    %d steps, ending on %s\n", l.Name, l.Title, len(l.Steps), final.Encode())
	}
	return nil
}

func writeParams(out *bufio.Writer, params []sim.Param) {
	if len(params) == 0 {
		out.WriteString("    params: none\n")
		return
	}
	for i, p := range params {
		label := "            "
		if i == 0 {
			label = "    params: "
		}
		var accepted string
		switch {
		case len(p.Choices) > 0:
			accepted = "one of " + p.Range()
		case p.Int:
			accepted = "integer in " + p.Range()
		default:
			accepted = "in " + p.Range()
		}
		fmt.Fprintf(out, "%s%s=%s, %s: %s\n", label, p.Key, p.Format(p.Default), accepted, p.Desc)
	}
}
