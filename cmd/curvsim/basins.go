package main

import (
	"bufio"
	"flag"
	"io"
	"runtime"
	"strconv"
	"sync"

	"curvlab/sim"
	"curvlab/sim/explore"
	"curvlab/sim/scenario"
)

// cmdBasins prints the basins of attraction of one method on a surface:
// the fate of a run from each start of a grid over the surface's view,
// as CSV x1,x2,minimum,iterations.
func cmdBasins(out *bufio.Writer, args []string) error {
	o := oneMethodFlags("basins")
	fs := o.fs
	fs.Var(&o.params, "param", "")
	grid := fs.String("grid", "128", "")
	const accepted = "--surface, --formula, --param, --method, --grid, --steps, --tol"
	if err := parseOnly(fs, args, accepted); err != nil {
		return helpOr(err, out)
	}
	fs.Visit(func(f *flag.Flag) { o.set[f.Name] = true })
	var sc scenario.Scenario
	if err := o.surfaceOf(&sc); err != nil {
		return err
	}
	if err := o.oneMethod(); err != nil {
		return err
	}
	spec, err := sim.ParseSpec(o.methods[0])
	if err != nil {
		return badf("--method %q: %v", o.methods[0], err)
	}
	n, err := strconv.Atoi(*grid)
	if err != nil {
		return badf("--grid %q is not a whole number", *grid)
	}
	set := explore.Settings{Steps: 100, Tol: scenario.DefaultTol}
	if o.set["steps"] {
		if set.Steps, err = strconv.Atoi(o.steps); err != nil {
			return badf("--steps %q is not a whole number", o.steps)
		}
	}
	if o.set["tol"] {
		if set.Tol, err = sim.ParseFloat(o.tol); err != nil {
			return badf("--tol: %v", err)
		}
	}
	if err := explore.Check(n, set); err != nil {
		return badf("%v", err)
	}
	cells := basinsInParallel(sc, spec, n, set)
	w := sc.ViewWindow()
	out.WriteString("x1,x2,minimum,iterations\n")
	var b []byte
	for j := range n {
		for i := range n {
			x, y := explore.Start(w, n, n, i, j)
			c := cells[j*n+i]
			b = strconv.AppendFloat(b[:0], x, 'g', -1, 64)
			b = append(b, ',')
			b = strconv.AppendFloat(b, y, 'g', -1, 64)
			b = append(b, ',')
			b = strconv.AppendInt(b, int64(c.Code()), 10)
			b = append(b, ',')
			b = strconv.AppendInt(b, int64(c.Iterations), 10)
			out.Write(append(b, '\n'))
		}
	}
	return nil
}

// oneMethodFlags are the flags of a command that runs one method on a
// surface again and again (basins, sweep): --surface, --formula, --method,
// --steps and --tol; the command adds its own.
func oneMethodFlags(name string) *options {
	o := &options{fs: flag.NewFlagSet(name, flag.ContinueOnError), set: map[string]bool{}}
	o.fs.SetOutput(io.Discard)
	o.fs.StringVar(&o.surface, "surface", "", "")
	o.fs.StringVar(&o.formula, "formula", "", "")
	o.fs.Var(&o.methods, "method", "")
	o.fs.StringVar(&o.steps, "steps", "", "")
	o.fs.StringVar(&o.tol, "tol", "", "")
	return o
}

// oneMethod checks that --method was given once.
func (o *options) oneMethod() error {
	if len(o.methods) != 1 {
		return badf("--method is required, once (accepted: %s)", methodNames())
	}
	return nil
}

// basinsInParallel computes the n×n basins of spec on sc's surface over its
// view, a row of starts at a time on every core (each worker with its own
// surface: a typed one is not for concurrent use).
func basinsInParallel(sc scenario.Scenario, spec sim.Spec, n int, set explore.Settings) []explore.Basin {
	cells := make([]explore.Basin, n*n)
	w := sc.ViewWindow()
	rows := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			surf := sc.NewSurface()
			minima, reach := surf.Minima(), explore.Reach(w)
			for j := range rows {
				explore.Row(cells[j*n:(j+1)*n], surf, minima, spec, w, n, n, j, set, reach)
			}
		}()
	}
	for j := range n {
		rows <- j
	}
	close(rows)
	wg.Wait()
	return cells
}
