package main

import (
	"bufio"
	"flag"
	"strconv"

	"curvlab/sim"
	"curvlab/sim/explore"
	"curvlab/sim/export"
	"curvlab/sim/scenario"
)

// cmdSweep runs one method again for each value of one of its parameters
// and prints how each run ended: value,final_f,iterations,diverged on a
// surface, value,loss,test_loss,sharpness,diverged on a network.
func cmdSweep(out *bufio.Writer, args []string) error {
	o := oneMethodFlags("sweep")
	fs := o.fs
	fs.StringVar(&o.network, "network", "", "")
	fs.StringVar(&o.dataset, "dataset", "", "")
	fs.StringVar(&o.start, "start", "", "")
	key := fs.String("param", "", "")
	from, to, count := fs.String("from", "", ""), fs.String("to", "", ""), fs.String("n", "50", "")
	logScale := fs.Bool("log", false, "")
	const accepted = "--surface, --formula, --network, --dataset, --start, --method, --param, --from, --to, --n, --log, --steps, --tol"
	if err := parseOnly(fs, args, accepted); err != nil {
		return helpOr(err, out)
	}
	fs.Visit(func(f *flag.Flag) { o.set[f.Name] = true })
	swept := o.set["param"] // the parameter swept, not a surface's (--param of run)
	delete(o.set, "param")
	if err := o.oneMethod(); err != nil {
		return err
	}
	for _, f := range []string{"param", "from", "to"} {
		if !o.set[f] && (f != "param" || !swept) {
			return badf("--%s is required: sweep --method M --param KEY --from A --to B", f)
		}
	}
	sc, err := o.scenario(500, true)
	if err != nil {
		return err
	}
	a, err := sim.ParseFloat(*from)
	if err != nil {
		return badf("--from: %v", err)
	}
	b, err := sim.ParseFloat(*to)
	if err != nil {
		return badf("--to: %v", err)
	}
	n, err := strconv.Atoi(*count)
	if err != nil {
		return badf("--n %q is not a whole number", *count)
	}
	s, err := explore.NewSweep(sc.Methods[0], *key, a, b, n, *logScale)
	if err != nil {
		return badf("%v", err)
	}
	net := sc.Kind() == scenario.KindNetwork
	if net {
		out.WriteString("value,loss,test_loss,sharpness,diverged\n")
	} else {
		out.WriteString("value,final_f,iterations,diverged\n")
	}
	var line []byte
	for _, p := range s.Run(sc, 0) {
		line = strconv.AppendFloat(line[:0], p.Value, 'g', -1, 64)
		if net {
			line = export.AppendFloats(line, p.Final.F, p.TestLoss, p.Sharpness)
		} else {
			line = export.AppendFloats(line, p.Final.F)
			line = append(line, ',')
			line = strconv.AppendInt(line, int64(p.Final.Iter), 10)
		}
		line = append(line, ',')
		line = strconv.AppendBool(line, p.Diverged())
		out.Write(append(line, '\n'))
	}
	return nil
}
