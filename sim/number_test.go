package sim_test

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"curvlab/sim"
	"curvlab/sim/scenario"
)

// numberRE is the number grammar of docs/cli.md, written independently of
// isDecimal.
var numberRE = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$`)

// TestNumberGrammar: the one grammar of links, specs and flags.
func TestNumberGrammar(t *testing.T) {
	for s, want := range map[string]float64{
		"0": 0, "-0": 0, "5": 5, "-2": -2, "0.5": 0.5, "-0.001": -0.001, "1e5": 1e5, "1E5": 1e5,
		"1e+06": 1e6, "1e-08": 1e-8, "2.5e-3": 2.5e-3, "100000": 1e5, "10.0": 10, "0.0": 0,
		"1.7976931348623157e+308": math.MaxFloat64, "5e-324": 5e-324,
	} {
		got, err := sim.ParseFloat(s)
		if err != nil || got != want || got == 0 && math.Signbit(got) {
			t.Errorf("ParseFloat(%q) = %v, %v; want %v", s, got, err, want)
		}
	}
	for _, s := range []string{
		"", "+5", "08", "-08", "00", "00.5", ".5", "5.", "-", "e5", "1e", "1e+", "1.e5", "0x10", "1_000",
		"NaN", "nan", "Inf", "-Inf", "Infinity", "1e999", " 1", "1 ", "1,5", "--1", "1e5.5",
		"1234567890123456789012345678901234",
	} {
		if v, err := sim.ParseFloat(s); err == nil {
			t.Errorf("ParseFloat(%q) = %v, want an error", s, v)
		}
	}
}

// TestIntegerParams: an integer parameter takes any number of the grammar
// whose value is an integer, and nothing else.
func TestIntegerParams(t *testing.T) {
	for s, want := range map[string]float64{"5": 5, "1e5": 1e5, "100000": 1e5, "20.0": 20, "1e0": 1} {
		if got, err := scenario.StepsParam.Parse(s); err != nil || got != want {
			t.Errorf("n=%s: %v, %v; want %v", s, got, err, want)
		}
	}
	for s, msg := range map[string]string{
		"0": "n=0 is out of range [1, 100000]", "1e6": "n=1e6 is out of range", "1.5": "n=1.5 must be an integer",
		"+5": `n="+5" is not a finite decimal number`, "08": `n="08" is not a finite decimal number`,
		"-5": "n=-5 is out of range",
	} {
		if _, err := scenario.StepsParam.Parse(s); err == nil || !strings.Contains(err.Error(), msg) {
			t.Errorf("n=%s: error %v, want one with %q", s, err, msg)
		}
	}
	if _, err := scenario.StepsParam.ParseFlag("steps", "1.5"); err == nil || err.Error() != "--steps 1.5 must be an integer" {
		t.Errorf("--steps 1.5: %v", err)
	}
}

// FuzzParseFloat: ParseFloat accepts exactly the strings of the grammar
// (at most 32 bytes, finite) with strconv's value, and FormatFloat writes
// only strings it reads back to the same number.
func FuzzParseFloat(f *testing.F) {
	for _, s := range []string{"0", "-0", "1e5", "+5", "08", ".5", "1e+06", "0x10", "NaN", "1e999", "5e-324"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := sim.ParseFloat(s)
		ref, refErr := strconv.ParseFloat(s, 64)
		want := len(s) <= sim.MaxNumberLen && numberRE.MatchString(s) && refErr == nil
		if (err == nil) != want {
			t.Fatalf("ParseFloat(%q): error %v, but the grammar says valid=%v", s, err, want)
		}
		if err != nil {
			return
		}
		if v != ref+0 { // −0 reads as 0
			t.Fatalf("ParseFloat(%q) = %v, strconv %v", s, v, ref)
		}
		text := sim.FormatFloat(v)
		if back, err := sim.ParseFloat(text); err != nil || back != v {
			t.Fatalf("FormatFloat(%v) = %q reads back as %v, %v", v, text, back, err)
		}
	})
}
