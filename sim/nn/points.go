package nn

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
)

// Points are a user's labelled points: point i is (X[2i], X[2i+1]) with
// label Y[i], 0 or 1; when Test is not nil it says which points are held
// out for testing (the split given with the data), otherwise Split draws
// one. The zero value is no points.
type Points struct {
	X    []float64
	Y    []float64
	Test []bool
}

// N returns the number of points.
func (p *Points) N() int { return len(p.Y) }

// Limits of a user's points.
const (
	MaxCSVBytes = 1 << 20 // a CSV text longer than this is refused
	MaxCoord    = 1000    // |x1|, |x2| at most
)

// ParseCSV reads points from CSV text: one point a line, x1,x2,label and
// optionally a fourth column, train or test, that says where it goes;
// fields separated by commas (or semicolons, or tabs); a first line that
// does not start with a number is a header; blank lines and lines
// starting with # are skipped. Labels are 0 or 1; coordinates finite
// decimal numbers within ±MaxCoord; MinPoints to MaxPoints points; the
// split column on every line or on none. An error names the line: "line
// 7: label must be 0 or 1, not 2".
func ParseCSV(text string) (Points, error) {
	var p Points
	split := -1 // unknown: 0 without a split column, 1 with
	err := csvRows(text, func(n int, fields []string) error {
		if len(fields) < 3 || len(fields) > 4 {
			return fmt.Errorf("line %d: %d fields, want x1,x2,label (and optionally train or test)", n, len(fields))
		}
		has := 0
		if len(fields) == 4 {
			has = 1
		}
		if split >= 0 && has != split {
			return fmt.Errorf("line %d: the split column (train or test) must be on every line or on none", n)
		}
		split = has
		var xy [2]float64
		for k := range 2 {
			v, err := csvNumber(fields[k])
			if err != nil {
				return fmt.Errorf("line %d: x%d: %v", n, k+1, err)
			}
			if math.Abs(v) > MaxCoord {
				return fmt.Errorf("line %d: x%d = %s is out of range [−%d, %d]", n, k+1, shortField(fields[k]), MaxCoord, MaxCoord)
			}
			xy[k] = v
		}
		var y float64
		switch fields[2] {
		case "0", "0.0":
		case "1", "1.0":
			y = 1
		default:
			return fmt.Errorf("line %d: label must be 0 or 1, not %s", n, shortField(fields[2]))
		}
		if p.N() == MaxPoints {
			return fmt.Errorf("line %d: more than %d points", n, MaxPoints)
		}
		p.X = append(p.X, xy[0], xy[1])
		p.Y = append(p.Y, y)
		if has == 1 {
			switch strings.ToLower(fields[3]) {
			case "train":
				p.Test = append(p.Test, false)
			case "test":
				p.Test = append(p.Test, true)
			default:
				return fmt.Errorf("line %d: the fourth column must be train or test, not %s", n, shortField(fields[3]))
			}
		}
		return nil
	})
	if err != nil {
		return Points{}, err
	}
	if p.N() < MinPoints {
		return p, fmt.Errorf("%d points, at least %d are needed", p.N(), MinPoints)
	}
	if err := p.CheckSplit(); err != nil {
		return p, fmt.Errorf("the split column %v", err)
	}
	return p, nil
}

// csvRows calls row with each line of CSV text that holds data: its
// number and its fields (see splitFields), skipping blank lines, lines
// starting with #, and a first line that does not start with a number (a
// header). It stops at row's first error, and refuses text longer than
// MaxCSVBytes.
func csvRows(text string, row func(n int, fields []string) error) error {
	if len(text) > MaxCSVBytes {
		return fmt.Errorf("the data is %d bytes long, at most %d", len(text), MaxCSVBytes)
	}
	first := true
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(strings.TrimSuffix(line, "\r"))
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := splitFields(line)
		if first {
			first = false
			if _, err := csvNumber(fields[0]); err != nil && !startsNumeric(fields[0]) {
				continue // a header
			}
		}
		if err := row(i+1, fields); err != nil {
			return err
		}
	}
	return nil
}

// CheckSplit checks that a given split (Test not nil) leaves points to
// train and to test on.
func (p *Points) CheckSplit() error {
	train, test := 0, 0
	for _, t := range p.Test {
		if t {
			test++
		} else {
			train++
		}
	}
	if p.Test != nil && (train < 2 || test < 1) {
		return fmt.Errorf("puts %d points in train and %d in test: at least 2 and 1 are needed", train, test)
	}
	return nil
}

// splitFields splits a CSV line at commas, or at semicolons or tabs when
// it has no comma, trimming each field.
func splitFields(line string) []string {
	sep := ","
	switch {
	case strings.Contains(line, ","):
	case strings.Contains(line, ";"):
		sep = ";"
	case strings.Contains(line, "\t"):
		sep = "\t"
	}
	fields := strings.Split(line, sep)
	for i := range fields {
		fields[i] = strings.TrimSpace(fields[i])
	}
	return fields
}

// startsNumeric reports whether s starts like a number (so that a bad
// first number is an error, not taken for a header).
func startsNumeric(s string) bool {
	return s != "" && strings.ContainsRune("0123456789.-+", rune(s[0]))
}

// csvNumber reads a decimal number as spreadsheets write it (1, -0.5,
// 1.5e-3, 2E+4, +3), refusing what is not finite and not decimal (NaN,
// Inf, hexadecimal).
func csvNumber(s string) (float64, error) {
	if s == "" {
		return 0, fmt.Errorf("empty field")
	}
	for _, c := range s {
		if !strings.ContainsRune("0123456789.eE+-", c) {
			return 0, fmt.Errorf("%s is not a number", shortField(s))
		}
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, fmt.Errorf("%s is not a finite number", shortField(s))
	}
	return v + 0, nil // −0 + 0 = +0
}

// shortField is a field as a message quotes it: at most 20 characters,
// quoted, with < and > escaped so that no message looks like markup.
func shortField(s string) string {
	if r := []rune(s); len(r) > 20 {
		s = string(r[:20]) + "…"
	}
	return markup.Replace(strconv.Quote(s))
}

var markup = strings.NewReplacer("<", `\x3c`, ">", `\x3e`)

// CSV writes p as ParseCSV reads it: a header, then x1,x2,label (and the
// split when p has one), numbers in their shortest exact form.
func (p *Points) CSV() string {
	var b strings.Builder
	b.WriteString("x1,x2,label")
	if p.Test != nil {
		b.WriteString(",split")
	}
	b.WriteByte('\n')
	for i := range p.Y {
		b.WriteString(strconv.FormatFloat(p.X[2*i], 'g', -1, 64))
		b.WriteByte(',')
		b.WriteString(strconv.FormatFloat(p.X[2*i+1], 'g', -1, 64))
		b.WriteByte(',')
		b.WriteString(strconv.FormatFloat(p.Y[i], 'g', -1, 64))
		if p.Test != nil {
			if p.Test[i] {
				b.WriteString(",test")
			} else {
				b.WriteString(",train")
			}
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// Split returns the training and test sets of p: the split given with the
// data, or else a fraction testFrac of the points (rounded, at least 1,
// leaving at least 2 to train on) drawn at random with seed. The points
// keep their order within each set.
func (p *Points) Split(testFrac float64, seed uint64) (train, test Dataset) {
	n := p.N()
	isTest := p.Test
	if isTest == nil {
		k := min(max(1, int(math.Round(testFrac*float64(n)))), n-2)
		isTest = make([]bool, n)
		rng := rand.New(rand.NewPCG(seed, 0x706f696e7473)) // "points"
		for _, i := range rng.Perm(n)[:k] {
			isTest[i] = true
		}
	}
	for i := range n {
		d := &train
		if isTest[i] {
			d = &test
		}
		d.X = append(d.X, p.X[2*i], p.X[2*i+1])
		d.Y = append(d.Y, p.Y[i])
	}
	return train, test
}

// The compact form a link holds points in (EncodeLink): at most
// MaxLinkPoints points, each coordinate a multiple of LinkStep in
// [−LinkRange, LinkRange).
const (
	MaxLinkPoints = 1000
	LinkStep      = 1.0 / 256
	LinkRange     = 4.0
)

// linkAlphabet is URL-safe base64's: legal in a URL fragment, and none of
// the link's own separators (; , : =).
const linkAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

// Snap rounds v to the nearest coordinate a link holds.
func Snap(v float64) float64 {
	return math.Max(-LinkRange, math.Min(LinkRange-LinkStep, math.Round(v/LinkStep)*LinkStep))
}

// FitsLink reports whether EncodeLink can hold p exactly.
func (p *Points) FitsLink() bool {
	if p.N() > MaxLinkPoints {
		return false
	}
	for _, v := range p.X {
		if Snap(v) != v {
			return false
		}
	}
	return true
}

// EncodeLink returns p in a link's compact form: "0" (no split given) or
// "1" (Test says the split), then 4 characters a point, the 24 bits of
// x1 and x2 as 11-bit steps of LinkStep from −LinkRange, the label and
// whether it is a test point. ok is false when p does not fit (FitsLink).
func (p *Points) EncodeLink() (s string, ok bool) {
	if !p.FitsLink() {
		return "", false
	}
	var b strings.Builder
	if p.Test == nil {
		b.WriteByte('0')
	} else {
		b.WriteByte('1')
	}
	for i := range p.Y {
		low := uint32(p.Y[i]) << 1
		if p.Test != nil && p.Test[i] {
			low |= 1
		}
		writeLinkPoint(&b, p.X[2*i], p.X[2*i+1], low)
	}
	return b.String(), true
}

// writeLinkPoint writes a point of the link's compact form: 4 characters
// holding x1 and x2 as 11-bit steps of LinkStep from −LinkRange (both on
// that grid, within the range) and two low bits of the caller's.
func writeLinkPoint(b *strings.Builder, x1, x2 float64, low uint32) {
	q := func(v float64) uint32 { return uint32(math.Round((v + LinkRange) / LinkStep)) }
	bits := q(x1)<<13 | q(x2)<<2 | low&3
	for k := 3; k >= 0; k-- {
		b.WriteByte(linkAlphabet[bits>>(6*k)&63])
	}
}

// readLinkPoint reads the point writeLinkPoint wrote at s[at:at+4].
func readLinkPoint(s string, at int) (x1, x2 float64, low uint32, err error) {
	var bits uint32
	for k := range 4 {
		c := strings.IndexByte(linkAlphabet, s[at+k])
		if c < 0 {
			return 0, 0, 0, fmt.Errorf("points: character %d is not of the link's alphabet", at+k+1)
		}
		bits = bits<<6 | uint32(c)
	}
	x := func(q uint32) float64 { return float64(q)*LinkStep - LinkRange }
	return x(bits >> 13 & 2047), x(bits >> 2 & 2047), bits & 3, nil
}

// DecodeLinkPoints reads EncodeLink's form.
func DecodeLinkPoints(s string) (Points, error) {
	var p Points
	if s == "" || s[0] != '0' && s[0] != '1' || (len(s)-1)%4 != 0 {
		return p, fmt.Errorf("points: not the form a link holds them in (0 or 1, then 4 characters a point)")
	}
	n := (len(s) - 1) / 4
	if n < MinPoints || n > MaxLinkPoints {
		return p, fmt.Errorf("points: %d of them, want %d to %d in a link", n, MinPoints, MaxLinkPoints)
	}
	withSplit := s[0] == '1'
	if withSplit {
		p.Test = make([]bool, 0, n)
	}
	for i := range n {
		x1, x2, bits, err := readLinkPoint(s, 1+4*i)
		if err != nil {
			return Points{}, err
		}
		p.X = append(p.X, x1, x2)
		p.Y = append(p.Y, float64(bits>>1&1))
		if withSplit {
			p.Test = append(p.Test, bits&1 == 1)
		} else if bits&1 == 1 {
			return Points{}, fmt.Errorf("points: point %d is marked test, but the link gives no split", i+1)
		}
	}
	if err := p.CheckSplit(); err != nil {
		return Points{}, fmt.Errorf("points: the split %v", err)
	}
	return p, nil
}
