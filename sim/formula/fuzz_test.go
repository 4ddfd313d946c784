package formula

import (
	"errors"
	"math"
	"testing"
	"unicode/utf8"
)

// FuzzCompile: any text either compiles or gives an *Error whose column
// lies within the text (or is 0, for the whole formula); a compiled
// formula's value, row and derivatives agree with each other, bit for bit,
// at a few points, and evaluating never panics. Run for a while with
//
//	go test -run '^$' -fuzz FuzzCompile -fuzztime 10m ./sim/formula/
func FuzzCompile(f *testing.F) {
	for _, c := range cases {
		f.Add(c.src)
	}
	for _, s := range []string{"", "2x", "sinn(x)", "(((x", "x^y^x", "min(x,", "1e999", "log(-1)", "x\x00", "−x×y"} {
		f.Add(s)
	}
	xs := []float64{-2.5, -1, 0, 0.5, 3}
	row := make([]float64, len(xs))
	f.Fuzz(func(t *testing.T, src string) {
		fm, err := Compile(src)
		if err != nil {
			var fe *Error
			if !errors.As(err, &fe) {
				t.Fatalf("%q: error of type %T: %v", src, err, err)
			}
			if fe.Col < 0 || fe.Col > utf8.RuneCountInString(src)+1 || fe.Msg == "" {
				t.Fatalf("%q: column %d of %d characters, message %q", src, fe.Col, utf8.RuneCountInString(src), fe.Msg)
			}
			return
		}
		if fm.Len() == 0 || fm.Len() > MaxTape || fm.String() != src {
			t.Fatalf("%q: %d instructions, source %q", src, fm.Len(), fm.String())
		}
		same := func(a, b float64) bool { return math.Float64bits(a) == math.Float64bits(b) || a != a && b != b }
		for _, y := range []float64{-1.5, 0, 2} {
			fm.Row(row, xs, y)
			for i, x := range xs {
				v := fm.Value(x, y)
				d, _, _ := fm.Derivs(x, y)
				if !same(v, row[i]) || !same(v, d) {
					t.Fatalf("%q at (%v, %v): Value %v, Row %v, Derivs %v", src, x, y, v, row[i], d)
				}
			}
		}
	})
}
