package nn

import (
	"slices"
	"strings"
	"testing"
)

// TestParsePairsCSV: a header, blank and comment lines, semicolons and
// tabs are read; bad lines give their line number and what is wrong.
func TestParsePairsCSV(t *testing.T) {
	xy, err := ParsePairsCSV("x,y\n\n# a comment\n1,2\r\n-0.5;3e-1\n4\t-7\n", 2, 10)
	if err != nil || !slices.Equal(xy, []float64{1, 2, -0.5, 0.3, 4, -7}) {
		t.Fatalf("got %v, %v", xy, err)
	}
	for _, c := range []struct{ text, want string }{
		{"1,2\n3,4,5\n", "line 2: 3 fields, want x,y"},
		{"1,2\n3,abc\n", `line 2: y: "abc" is not a number`},
		{"1,2\n3,NaN\n", `line 2: y: "NaN" is not a number`},
		{"1,2\n1e400,1\n", `line 2: x: "1e400" is not a finite number`},
		{"1,2\n1001,1\n", `line 2: x = "1001" is out of range [−1000, 1000]`},
		{"x,y\n1,2\n", "1 points, at least 2 are needed"},
		{"1,2\n2,3\n3,4\n4,5\n", "line 4: more than 3 points"},
		{"1,2\nx,y\n", `line 2: x: "x" is not a number`},
	} {
		_, err := ParsePairsCSV(c.text, 2, 3)
		if err == nil || err.Error() != c.want {
			t.Errorf("%q: error %v, want %q", c.text, err, c.want)
		}
	}
}

// TestLinkPairs: points on the grid round-trip through the link's form,
// 4 characters each; off the grid, too many, or a label bit set are
// refused.
func TestLinkPairs(t *testing.T) {
	xy := []float64{-4, 3.99609375, 0, 0, 1.5, -2.25}
	s, ok := EncodeLinkPairs(xy)
	if !ok || len(s) != 12 {
		t.Fatalf("encoded %q, %v", s, ok)
	}
	back, err := DecodeLinkPairs(s, 2)
	if err != nil || !slices.Equal(back, xy) {
		t.Fatalf("decoded %v, %v, want %v", back, err, xy)
	}
	if _, ok := EncodeLinkPairs([]float64{0.001, 0}); ok {
		t.Error("a point off the grid was encoded")
	}
	if _, ok := EncodeLinkPairs(make([]float64, 2*MaxLinkPoints+2)); ok {
		t.Error("more than MaxLinkPoints points were encoded")
	}
	for _, bad := range []string{"AAA", "AAAB", "AAA.AAAA", s[:4]} {
		if _, err := DecodeLinkPairs(bad, 2); err == nil {
			t.Errorf("%q decoded", bad)
		}
	}
}

// FuzzParsePairsCSV: any text is points or one short sentence, and points
// read back from their CSV.
func FuzzParsePairsCSV(f *testing.F) {
	f.Add("x,y\n0,0\n1,2\n")
	f.Add("1;2\n3;4\n5;6\n")
	f.Add("1\t2\n# c\n\n3\t4\n")
	f.Fuzz(func(t *testing.T, text string) {
		xy, err := ParsePairsCSV(text, 2, 1000)
		if err != nil {
			if msg := err.Error(); len(msg) > 160 || strings.ContainsAny(msg, "\n<>") {
				t.Fatalf("%.40q: message %q", text, msg)
			}
			return
		}
		back, err := ParsePairsCSV(PairsCSV(xy), 2, 1000)
		if err != nil || !slices.Equal(back, xy) {
			t.Fatalf("%.40q: its CSV reads back as other points (%v)", text, err)
		}
	})
}

// FuzzDecodeLinkPairs: any text is points or an error, and points encode
// back to the same text.
func FuzzDecodeLinkPairs(f *testing.F) {
	f.Add("AAAAAAAA")
	f.Add(strings.Repeat("z-_8", 10))
	f.Fuzz(func(t *testing.T, s string) {
		xy, err := DecodeLinkPairs(s, 2)
		if err != nil {
			return
		}
		if back, ok := EncodeLinkPairs(xy); !ok || back != s {
			t.Fatalf("%q decodes to %d points that encode as %q", s, len(xy)/2, back)
		}
	})
}
