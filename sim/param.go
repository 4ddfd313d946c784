package sim

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Param describes one tunable parameter of a surface or a method.
type Param struct {
	Key     string
	Desc    string
	Default float64
	// Min and Max bound the accepted values, inclusive.
	Min, Max float64
	// Int requires an integer value.
	Int bool
	// Choices, when not empty, makes the parameter an enumeration: its value
	// is an index into Choices and it is written by name (e.g. ls=wolfe).
	Choices []string
}

// Format writes v as this parameter is written in specs and links.
func (p Param) Format(v float64) string {
	if len(p.Choices) > 0 {
		i := int(v)
		if i >= 0 && i < len(p.Choices) {
			return p.Choices[i]
		}
	}
	return FormatFloat(v)
}

// Parse reads a value of this parameter, as written in specs and links:
// a choice by name, or a number of the one number grammar (ParseFloat),
// checked by Check. Messages name it key=value.
func (p Param) Parse(s string) (float64, error) { return p.ParseAs(p.Key+"=", s) }

// ParseFlag is Parse for the command-line flag --flag that sets this
// parameter: the same grammar and checks, messages naming the flag.
func (p Param) ParseFlag(flag, s string) (float64, error) { return p.ParseAs("--"+flag+" ", s) }

// ParseAs is Parse with messages that start with label ("layer width "),
// for a value that is not written key=value.
func (p Param) ParseAs(label, s string) (float64, error) {
	if len(p.Choices) > 0 {
		if i := slices.Index(p.Choices, s); i >= 0 {
			return float64(i), nil
		}
		return 0, fmt.Errorf("%s%s is not one of %s", label, Quote(s), strings.Join(p.Choices, "|"))
	}
	v, err := ParseFloat(s)
	if err != nil {
		return 0, fmt.Errorf("%s%v", label, err)
	}
	// s parsed as a number: at most 32 bytes of [0-9.eE+-], safe unquoted.
	return v, p.checkAs(label, s, v)
}

// Check is the one range check of this parameter, which Parse, Decode,
// Validate and the CLI all apply: v must be an index of Choices, or an
// integer when Int, within [Min, Max].
func (p Param) Check(v float64) error { return p.checkAs(p.Key+"=", FormatFloat(v), v) }

func (p Param) checkAs(label, text string, v float64) error {
	if len(p.Choices) > 0 {
		if !(v >= 0 && v < float64(len(p.Choices)) && v == math.Trunc(v)) {
			return fmt.Errorf("%s%s is not an index of %s", label, text, strings.Join(p.Choices, "|"))
		}
		return nil
	}
	if p.Int && v != math.Trunc(v) {
		return fmt.Errorf("%s%s must be an integer", label, text)
	}
	if !(v >= p.Min && v <= p.Max) {
		return fmt.Errorf("%s%s is out of range [%s, %s]", label, text, FormatFloat(p.Min), FormatFloat(p.Max))
	}
	return nil
}

// Range describes the accepted values, for help texts.
func (p Param) Range() string {
	if len(p.Choices) > 0 {
		return strings.Join(p.Choices, "|")
	}
	return "[" + FormatFloat(p.Min) + ", " + FormatFloat(p.Max) + "]"
}

// FormatFloat writes v in the shortest form that reads back exactly.
func FormatFloat(v float64) string {
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// MaxNumberLen is the longest number ParseFloat reads, in bytes.
const MaxNumberLen = 32

// ParseFloat reads a number of the one grammar that links, specs and the
// CLI's flags share (docs/cli.md, "Numbers"):
//
//	number = ["-"] int ["." digits] [("e" | "E") ["+" | "-"] digits]
//	int    = "0" | "1"…"9" {digit}
//
// at most MaxNumberLen bytes, and finite. So 0.5, -2, 1e5 and 1e-08 are
// numbers; +5, 08, .5, 5., 0x10, 1_000, NaN and Inf are not. −0 reads as 0.
// An integer parameter takes any number whose value is an integer (1e5 is
// 100000). FormatFloat writes only numbers of this grammar.
func ParseFloat(s string) (float64, error) {
	if len(s) > MaxNumberLen {
		return 0, fmt.Errorf("%s is too long for a number", Quote(s))
	}
	if !isDecimal(s) {
		return 0, fmt.Errorf("%s is not a finite decimal number (such as 0.5, -2 or 1e-3; no '+' sign, no leading zeros)", Quote(s))
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("%s is not a finite decimal number (too large)", Quote(s))
	}
	return v + 0, nil // −0 + 0 = +0
}

// isDecimal reports whether s has the form of ParseFloat's grammar.
func isDecimal(s string) bool {
	i := 0
	digits := func() int {
		j := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		return i - j
	}
	if i < len(s) && s[i] == '-' {
		i++
	}
	start := i
	if n := digits(); n == 0 || n > 1 && s[start] == '0' {
		return false
	}
	if i < len(s) && s[i] == '.' {
		i++
		if digits() == 0 {
			return false
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	return i == len(s)
}

// Defaults returns the default values of params, in order.
func Defaults(params []Param) []float64 {
	v := make([]float64, len(params))
	for i, p := range params {
		v[i] = p.Default
	}
	return v
}

// ParseSettings reads "k=v,k=v" into values for params (starting from the
// defaults), each by Param.Parse. An empty string gives the defaults.
// Unknown or repeated keys are errors that name the accepted keys. Messages
// quote at most a bounded, escaped part of the input.
func ParseSettings(s string, params []Param) ([]float64, error) {
	vals := Defaults(params)
	if s == "" {
		return vals, nil
	}
	seen := make([]bool, len(params))
	for _, kv := range strings.Split(s, ",") {
		k, v, ok := strings.Cut(kv, "=")
		if !ok {
			return nil, fmt.Errorf("%s is not key=value", Quote(kv))
		}
		i := paramIndex(params, k)
		if i < 0 {
			return nil, fmt.Errorf("unknown key %s (accepted: %s)", Quote(k), paramKeys(params))
		}
		if seen[i] {
			return nil, fmt.Errorf("key %s given twice", Quote(k))
		}
		seen[i] = true
		x, err := params[i].Parse(v)
		if err != nil {
			return nil, err
		}
		vals[i] = x
	}
	return vals, nil
}

// CheckValues checks parameter values built by hand against params, each
// by Param.Check.
func CheckValues(vals []float64, params []Param) error {
	if len(vals) != len(params) {
		return fmt.Errorf("takes %d parameter values, got %d", len(params), len(vals))
	}
	for i, p := range params {
		if err := p.Check(vals[i]); err != nil {
			return err
		}
	}
	return nil
}

// FormatSettings writes the values that differ from their defaults as
// "k=v,k=v", the inverse of ParseSettings.
func FormatSettings(vals []float64, params []Param) string {
	var b strings.Builder
	for i, p := range params {
		if vals[i] == p.Default {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(p.Key)
		b.WriteByte('=')
		b.WriteString(p.Format(vals[i]))
	}
	return b.String()
}

func paramIndex(params []Param, key string) int {
	for i, p := range params {
		if p.Key == key {
			return i
		}
	}
	return -1
}

func paramKeys(params []Param) string {
	if len(params) == 0 {
		return "none"
	}
	keys := make([]string, len(params))
	for i, p := range params {
		keys[i] = p.Key
	}
	return strings.Join(keys, ", ")
}

// enumName is the String of value v of an enumeration type typ whose
// constants are named by names in order.
func enumName(names []string, v int, typ string) string {
	if v >= 0 && v < len(names) {
		return names[v]
	}
	return typ + "(" + strconv.Itoa(v) + ")"
}
