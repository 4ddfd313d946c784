package ui

import (
	"math"

	"curvlab/sim"
	"strconv"
)

// Scale maps a parameter's value to a slider position t in [0, 1]
// and back. Wide positive ranges are logarithmic, wide ranges of both signs
// symmetric-logarithmic, the rest linear; the slider covers a window of the
// accepted range around the default so that it stays usable (the link may
// hold any accepted value; the slider then pins at its end).
type Scale struct {
	lo, hi float64 // window of values the slider spans
	kind   int     // scaleLinear, scaleLog, scaleSymLog
	intg   bool
}

const (
	scaleLinear = iota
	scaleLog
	scaleSymLog
)

func NewScale(p sim.Param) Scale {
	s := Scale{lo: p.Min, hi: p.Max, intg: p.Int}
	switch {
	case p.Int:
	case p.Min > 0 && p.Max/p.Min > 100:
		s.kind = scaleLog
		d := math.Abs(p.Default)
		if d > 0 {
			s.lo = math.Max(p.Min, d*1e-4)
			s.hi = math.Min(p.Max, d*1e4)
		}
	case p.Min < 0 && math.Max(-p.Min, p.Max) > 100:
		s.kind = scaleSymLog
		lim := math.Max(100, 10*math.Abs(p.Default))
		s.lo = math.Max(p.Min, -lim)
		s.hi = math.Min(p.Max, lim)
	}
	return s
}

func symlog(v float64) float64 { return math.Copysign(math.Log10(1+math.Abs(v)), v) }
func symexp(t float64) float64 { return math.Copysign(math.Pow(10, math.Abs(t))-1, t) }

// Pos returns the slider position of value v, clamped to [0, 1].
func (s Scale) Pos(v float64) float64 {
	var t float64
	switch s.kind {
	case scaleLog:
		t = math.Log(v/s.lo) / math.Log(s.hi/s.lo)
	case scaleSymLog:
		t = (symlog(v) - symlog(s.lo)) / (symlog(s.hi) - symlog(s.lo))
	default:
		t = (v - s.lo) / (s.hi - s.lo)
	}
	if !(t >= 0) {
		return 0
	}
	return math.Min(1, t)
}

// Value returns the value at slider position t, rounded to three
// significant digits (or an integer) so that links stay short.
func (s Scale) Value(t float64) float64 {
	t = math.Max(0, math.Min(1, t))
	var v float64
	switch s.kind {
	case scaleLog:
		v = s.lo * math.Pow(s.hi/s.lo, t)
	case scaleSymLog:
		v = symexp(symlog(s.lo) + t*(symlog(s.hi)-symlog(s.lo)))
	default:
		v = s.lo + t*(s.hi-s.lo)
	}
	if s.intg {
		return math.Round(v)
	}
	v = Round3(v)
	return math.Max(s.lo, math.Min(s.hi, v))
}

// Nudge returns v moved by one keyboard step (dir = ±1): a twentieth of
// the slider, or one for integers.
func (s Scale) Nudge(v float64, dir int) float64 {
	if s.intg {
		return math.Max(s.lo, math.Min(s.hi, v+float64(dir)))
	}
	return s.Value(s.Pos(v) + float64(dir)*0.05)
}

// Round3 rounds to three significant digits.
func Round3(v float64) float64 {
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return v
	}
	e := math.Floor(math.Log10(math.Abs(v))) - 2
	p := math.Pow(10, e)
	r := math.Round(v/p) * p
	// Undo binary noise: 0.1 + 0.2 style tails.
	if s, err := strconv.ParseFloat(strconv.FormatFloat(r, 'g', 3, 64), 64); err == nil {
		return s
	}
	return r
}
