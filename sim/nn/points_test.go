package nn

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestParseCSV reads what spreadsheets and people write: a header or
// none, commas, semicolons or tabs, CRLF, comments and blank lines, and a
// split column.
func TestParseCSV(t *testing.T) {
	for _, c := range []struct {
		text string
		x, y []float64
		test []bool
	}{
		{"x1,x2,label\n0,0,0\n1,0,1\n0,1,1\n1,1,0\n", []float64{0, 0, 1, 0, 0, 1, 1, 1}, []float64{0, 1, 1, 0}, nil},
		{"0.5,-1.5,1\r\n-2e-1,3E+1,0\r\n\r\n# a comment\n1,2,1\n+3,4.,0", []float64{0.5, -1.5, -0.2, 30, 1, 2, 3, 4}, []float64{1, 0, 1, 0}, nil},
		{"a;b;c\n1;2;1\n3;4;0\n5;6;1\n7;8;0\n", []float64{1, 2, 3, 4, 5, 6, 7, 8}, []float64{1, 0, 1, 0}, nil},
		{"1\t2\t1.0\n3\t4\t0.0\n5\t6\t1\n7\t8\t0\n", []float64{1, 2, 3, 4, 5, 6, 7, 8}, []float64{1, 0, 1, 0}, nil},
		{"x1,x2,label,split\n1,2,1,train\n3,4,0,TRAIN\n5,6,1,test\n7,8,0,train\n", []float64{1, 2, 3, 4, 5, 6, 7, 8}, []float64{1, 0, 1, 0}, []bool{false, false, true, false}},
	} {
		p, err := ParseCSV(c.text)
		if err != nil {
			t.Errorf("%q: %v", c.text, err)
			continue
		}
		if !slices.Equal(p.X, c.x) || !slices.Equal(p.Y, c.y) || !slices.Equal(p.Test, c.test) {
			t.Errorf("%q: %v %v %v, want %v %v %v", c.text, p.X, p.Y, p.Test, c.x, c.y, c.test)
		}
		q, err := ParseCSV(p.CSV())
		if err != nil || !slices.Equal(q.X, p.X) || !slices.Equal(q.Y, p.Y) || !slices.Equal(q.Test, p.Test) {
			t.Errorf("%q: CSV() reads back as %v %v %v (%v)", c.text, q.X, q.Y, q.Test, err)
		}
	}
}

// TestParseCSVErrors: each bad file gets one sentence naming the line.
func TestParseCSVErrors(t *testing.T) {
	four := "1,2,1\n3,4,0\n5,6,1\n"
	many := strings.Repeat("1,2,0\n", MaxPoints) + "3,4,1\n"
	for _, c := range []struct{ text, want string }{
		{"", "0 points, at least 4 are needed"},
		{"x1,x2,label\n", "0 points, at least 4 are needed"},
		{four + "7,8,2\n", `line 4: label must be 0 or 1, not "2"`},
		{four + "7,8,yes\n", `line 4: label must be 0 or 1, not "yes"`},
		{"x,y,c\n" + four + "7,abc,1\n", `line 5: x2: "abc" is not a number`},
		{four + "NaN,1,1\n", `line 4: x1: "NaN" is not a number`},
		{four + "0x10,1,1\n", `line 4: x1: "0x10" is not a number`},
		{four + "1e999,1,1\n", `line 4: x1: "1e999" is not a finite number`},
		{four + "1,,1\n", "line 4: x2: empty field"},
		{four + "1,2\n", "line 4: 2 fields, want x1,x2,label (and optionally train or test)"},
		{four + "1,2,0,train,5\n", "line 4: 5 fields, want x1,x2,label (and optionally train or test)"},
		{four + "1,2,0,train\n", "line 4: the split column (train or test) must be on every line or on none"},
		{"1,2,1,train\n3,4,0,test\n5,6,1,maybe\n7,8,0,train\n", `line 3: the fourth column must be train or test, not "maybe"`},
		{"1,2,1,test\n3,4,0,test\n5,6,1,test\n7,8,0,train\n", "the split column puts 1 points in train and 3 in test: at least 2 and 1 are needed"},
		{four + "2000,1,1\n", `line 4: x1 = "2000" is out of range [−1000, 1000]`},
		{many, "line 1001: more than 1000 points"},
		{"1x,2,0\n" + four, `line 1: x1: "1x" is not a number`},
		{strings.Repeat("1", MaxCSVBytes+1), "the data is 1048577 bytes long, at most 1048576"},
		{four + strings.Repeat("9", 100) + "a,1,1\n", `line 4: x1: "99999999999999999999…" is not a number`},
	} {
		_, err := ParseCSV(c.text)
		if err == nil || err.Error() != c.want {
			t.Errorf("%.40q: %v, want %q", c.text, err, c.want)
		}
	}
}

// TestSplit: a given split is kept; otherwise the fraction asked for is
// drawn, the same for a seed and another for another seed, every point in
// exactly one set, in its order.
func TestSplit(t *testing.T) {
	p := Points{X: make([]float64, 200), Y: make([]float64, 100)}
	for i := range p.Y {
		p.X[2*i], p.X[2*i+1], p.Y[i] = float64(i), -float64(i), float64(i%2)
	}
	train, test := p.Split(0.25, 3)
	if train.N() != 75 || test.N() != 25 {
		t.Fatalf("sizes %d, %d; want 75, 25", train.N(), test.N())
	}
	seen := map[float64]bool{}
	for _, d := range []Dataset{train, test} {
		last := -1.0
		for i := range d.Y {
			x0, x1, y := d.Point(i)
			if seen[x0] || x1 != -x0 || y != float64(int(x0)%2) || x0 <= last {
				t.Fatalf("point %v, %v, %v out of place", x0, x1, y)
			}
			seen[x0], last = true, x0
		}
	}
	_, again := p.Split(0.25, 3)
	_, other := p.Split(0.25, 4)
	if !slices.Equal(again.X, test.X) || slices.Equal(other.X, test.X) {
		t.Error("the split does not follow its seed")
	}
	if _, te := p.Split(0, 1); te.N() != 1 {
		t.Errorf("fraction 0 tests %d points, want 1", te.N())
	}
	if tr, _ := p.Split(1, 1); tr.N() != 2 {
		t.Errorf("fraction 1 trains on %d points, want 2", tr.N())
	}
	p.Test = make([]bool, 100)
	p.Test[7], p.Test[50] = true, true
	if tr, te := p.Split(0.25, 3); tr.N() != 98 || te.N() != 2 || te.X[0] != 7 || te.X[2] != 50 {
		t.Errorf("given split: %d and %d, test %v", tr.N(), te.N(), te.X)
	}
}

// TestLinkPoints: points on the link's grid come back exactly from their
// compact form, 4 characters a point (1000 points: 4001), with and without a
// split; points off the grid or too many do not fit.
func TestLinkPoints(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, split := range []bool{false, true} {
		p := Points{}
		for i := range MaxLinkPoints {
			p.X = append(p.X, Snap(rng.Float64()*8-4), Snap(rng.Float64()*8-4))
			p.Y = append(p.Y, float64(rng.IntN(2)))
			if split {
				p.Test = append(p.Test, i%5 == 0)
			}
		}
		p.X[0], p.X[1] = -LinkRange, LinkRange-LinkStep // the corners of the grid
		s, ok := p.EncodeLink()
		if !ok || len(s) != 1+4*MaxLinkPoints {
			t.Fatalf("split %v: %d characters, ok %v", split, len(s), ok)
		}
		q, err := DecodeLinkPoints(s)
		if err != nil || !slices.Equal(q.X, p.X) || !slices.Equal(q.Y, p.Y) || !slices.Equal(q.Test, p.Test) {
			t.Errorf("split %v: decodes to other points (%v)", split, err)
		}
		if strings.ContainsAny(s, ";,:=%#&") {
			t.Errorf("the compact form has a link's separator: %q", s)
		}
		p.X = append(p.X, 0, 0)
		p.Y = append(p.Y, 1)
		if split {
			p.Test = append(p.Test, false)
		}
		if _, ok := p.EncodeLink(); ok {
			t.Errorf("%d points fit a link", p.N())
		}
	}
	off := Points{X: []float64{0, 0, 1, 1, 2, 2, 0.3, 0}, Y: []float64{0, 1, 0, 1}}
	if off.FitsLink() || Snap(0.3) == 0.3 || Snap(0.30078125) != 0.30078125 || Snap(9) != LinkRange-LinkStep {
		t.Error("0.3 is on the link's grid, or Snap does not round to it")
	}
	for _, c := range []struct{ in, want string }{
		{"", "points: not the form a link holds them in (0 or 1, then 4 characters a point)"},
		{"2AAAAAAAAAAAAAAAA", "points: not the form a link holds them in (0 or 1, then 4 characters a point)"},
		{"0AAAAAAAAAAAAAAA", "points: not the form a link holds them in (0 or 1, then 4 characters a point)"},
		{"0AAAAAAAAAAAA", "points: 3 of them, want 4 to 1000 in a link"},
		{"0AAAAAAAAAAAAAA.A", "points: character 16 is not of the link's alphabet"},
		{"0AAABAAAAAAAAAAAA", "points: point 1 is marked test, but the link gives no split"},
		{"1AAABAAABAAABAAAA", "points: the split puts 1 points in train and 3 in test: at least 2 and 1 are needed"},
	} {
		_, err := DecodeLinkPoints(c.in)
		if err == nil || err.Error() != c.want {
			t.Errorf("%q: %v, want %q", c.in, err, c.want)
		}
	}
	if p, err := DecodeLinkPoints("1AAABAAABAAAAAAAA"); err != nil || !slices.Equal(p.Test, []bool{true, true, false, false}) {
		t.Errorf("a split of 2 and 2: %v, %v", p.Test, err)
	}
}

// FuzzParseCSV: any text is points or one short sentence, and points read
// back from their CSV.
func FuzzParseCSV(f *testing.F) {
	f.Add("x1,x2,label\n0,0,0\n1,0,1\n0,1,1\n1,1,0\n")
	f.Add("1;2;1;train\n3;4;0;test\n5;6;1;train\n7;8;0;train\n")
	f.Add("1\t2\t1\n")
	f.Fuzz(func(t *testing.T, text string) {
		p, err := ParseCSV(text)
		if err != nil {
			if msg := err.Error(); len(msg) > 160 || strings.ContainsAny(msg, "\n<>") {
				t.Fatalf("%.40q: message %q", text, msg)
			}
			return
		}
		q, err := ParseCSV(p.CSV())
		if err != nil || !slices.Equal(q.X, p.X) || !slices.Equal(q.Y, p.Y) || !slices.Equal(q.Test, p.Test) {
			t.Fatalf("%.40q: its CSV reads back as other points (%v)", text, err)
		}
	})
}

// FuzzDecodeLinkPoints: any text is points or an error, and points encode
// back to the same text.
func FuzzDecodeLinkPoints(f *testing.F) {
	f.Add("0AAAAAAAAAAAAAAAA")
	f.Add("1AAABAAABAAAAAAAA")
	f.Add("0" + strings.Repeat("z-_9", 10))
	f.Fuzz(func(t *testing.T, s string) {
		p, err := DecodeLinkPoints(s)
		if err != nil {
			return
		}
		back, ok := p.EncodeLink()
		if !ok || back != s {
			t.Fatalf("%q decodes to %d points that encode as %q", s, p.N(), back)
		}
		for i, v := range p.X {
			if Snap(v) != v {
				t.Fatalf("%q: coordinate %d = %s off the grid", s, i, strconv.FormatFloat(v, 'g', -1, 64))
			}
		}
	})
}
