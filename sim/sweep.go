package sim

import (
	"fmt"
	"math"
	"strings"
)

// Limits of a parameter sweep's number of values.
const (
	MinSweepValues = 2
	MaxSweepValues = 200
)

// SweepParam is the parameter key of the method, if it is one a sweep can
// run over: a number, not a choice.
func (k *MethodKind) SweepParam(key string) (Param, error) {
	var keys []string
	for _, q := range k.Params {
		if len(q.Choices) == 0 {
			keys = append(keys, q.Key)
		}
		if q.Key == key {
			if len(q.Choices) > 0 {
				return q, fmt.Errorf("%s is a choice (%s), not a number to sweep", key, strings.Join(q.Choices, "|"))
			}
			return q, nil
		}
	}
	return Param{}, fmt.Errorf("method %s has no parameter %q (it has: %s)", k.Name, key, strings.Join(keys, ", "))
}

// Sweep returns n values of p from a to b, evenly spaced or (log) evenly
// spaced in log, after checking them: MinSweepValues..MaxSweepValues
// values, a range from low to high within p's own, above 0 for a log
// sweep. An integer parameter's values are rounded, and repeats dropped.
func (p Param) Sweep(a, b float64, n int, log bool) ([]float64, error) {
	switch {
	case len(p.Choices) > 0:
		return nil, fmt.Errorf("%s is a choice (%s), not a number to sweep", p.Key, strings.Join(p.Choices, "|"))
	case n < MinSweepValues || n > MaxSweepValues:
		return nil, fmt.Errorf("%d values, want %d to %d", n, MinSweepValues, MaxSweepValues)
	case !(a < b):
		return nil, fmt.Errorf("the range from %s to %s is empty or reversed: give the lower end first", FormatFloat(a), FormatFloat(b))
	case log && !(a > 0):
		return nil, fmt.Errorf("a log sweep needs both ends above 0, not %s", FormatFloat(a))
	}
	for _, v := range []float64{a, b} {
		if err := p.Check(v); err != nil {
			return nil, err
		}
	}
	var vals []float64
	for i := range n {
		t := float64(i) / float64(n-1)
		v := a + t*(b-a)
		if log {
			v = a * math.Pow(b/a, t)
		}
		if i == n-1 {
			v = b // exactly the end asked
		}
		if p.Int {
			v = math.Round(v)
		}
		if len(vals) == 0 || v != vals[len(vals)-1] {
			vals = append(vals, v)
		}
	}
	return vals, nil
}
