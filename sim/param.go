package sim

import (
	"fmt"
	"math"
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

// Parse reads a value of this parameter and checks its range.
func (p Param) Parse(s string) (float64, error) {
	if len(p.Choices) > 0 {
		for i, c := range p.Choices {
			if s == c {
				return float64(i), nil
			}
		}
		return 0, fmt.Errorf("%s=%q is not one of %s", p.Key, s, strings.Join(p.Choices, "|"))
	}
	v, err := ParseFloat(s)
	if err != nil {
		return 0, fmt.Errorf("%s=%q: %v", p.Key, s, err)
	}
	if p.Int && v != math.Trunc(v) {
		return 0, fmt.Errorf("%s=%s must be an integer", p.Key, s)
	}
	if v < p.Min || v > p.Max {
		return 0, fmt.Errorf("%s=%s is out of range [%s, %s]", p.Key, s, FormatFloat(p.Min), FormatFloat(p.Max))
	}
	return v, nil
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

// ParseFloat reads a finite number. It refuses NaN, Inf, hexadecimal and
// underscores, which strconv accepts but which have no place in a link.
func ParseFloat(s string) (float64, error) {
	if s == "" {
		return 0, fmt.Errorf("empty number")
	}
	if len(s) > 32 {
		return 0, fmt.Errorf("number too long")
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E') {
			return 0, fmt.Errorf("%q is not a number", s)
		}
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("%q is not a finite number", s)
	}
	return v, nil
}

// enumName is the String of value v of an enumeration type typ whose
// constants are named by names in order.
func enumName(names []string, v int, typ string) string {
	if v >= 0 && v < len(names) {
		return names[v]
	}
	return typ + "(" + strconv.Itoa(v) + ")"
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
// defaults). An empty string gives the defaults. Unknown or repeated keys are
// errors that name the accepted keys.
func ParseSettings(s string, params []Param) ([]float64, error) {
	vals := Defaults(params)
	if s == "" {
		return vals, nil
	}
	seen := make([]bool, len(params))
	for _, kv := range strings.Split(s, ",") {
		k, v, ok := strings.Cut(kv, "=")
		if !ok {
			return nil, fmt.Errorf("%q is not key=value", kv)
		}
		i := paramIndex(params, k)
		if i < 0 {
			return nil, fmt.Errorf("unknown key %q (accepted: %s)", k, paramKeys(params))
		}
		if seen[i] {
			return nil, fmt.Errorf("key %q given twice", k)
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
