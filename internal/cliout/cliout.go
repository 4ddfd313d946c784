// Package cliout reads what `curvsim run --format json` writes (see
// docs/cli.md, "run"), for the tests that compare curvsim's iterates with
// another build's: the js/wasm CLI under node, the app in the browser.
package cliout

import (
	"encoding/json"
	"fmt"
	"math"
	"os/exec"
	"strconv"
)

// Output is one run of `curvsim run --format json`, with the fields the
// comparisons need. NaN and ±Inf are written as null: nil here.
type Output struct {
	Scenario string  `json:"scenario"`
	Panels   []Panel `json:"panels"`
}

// Panel is one method's run.
type Panel struct {
	Method string `json:"method"`
	Steps  []Step `json:"steps"`
}

// Step is one row: the iterate, its value and the events.
type Step struct {
	Iter   int        `json:"iter"`
	X      []*float64 `json:"x"`
	F      *float64   `json:"f"`
	Events []string   `json:"events"`
}

// Run runs cmd, a curvsim run with --format json, and decodes its output.
func Run(cmd *exec.Cmd) (Output, error) {
	var o Output
	raw, err := cmd.Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			return o, fmt.Errorf("%v: %v\n%s", cmd.Args, err, ee.Stderr)
		}
		return o, fmt.Errorf("%v: %v", cmd.Args, err)
	}
	if err := json.Unmarshal(raw, &o); err != nil {
		return o, fmt.Errorf("%v: output is not JSON: %v", cmd.Args, err)
	}
	return o, nil
}

// Near reports whether a and b are both null (not finite), or both numbers
// that differ by at most rel relative to the larger.
func Near(a, b *float64, rel float64) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return *a == *b || math.Abs(*a-*b) <= rel*math.Max(math.Abs(*a), math.Abs(*b))
}

// Format writes a number as curvsim does, the shortest form that reads back
// as the same float64, and nil as null.
func Format(v *float64) string {
	if v == nil {
		return "null"
	}
	return strconv.FormatFloat(*v, 'g', -1, 64)
}
