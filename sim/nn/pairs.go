package nn

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Pairs are a user's unlabelled points (x, y), the data of a line fit (the
// one-weight linear unit ŷ = θ₁ + θ₂x, surfaces.LineFit), held as
// (x₀, y₀, x₁, y₁, …) like Points.X. They have a CSV form (ParsePairsCSV,
// PairsCSV) and a link form (EncodeLinkPairs), that of Points without the
// label and the split.

// ParsePairsCSV reads points from CSV text: one point a line, x,y; fields
// separated by commas (or semicolons, or tabs); a first line that does not
// start with a number is a header; blank lines and lines starting with #
// are skipped. Coordinates are finite decimal numbers within ±MaxCoord;
// there must be minN to maxN points. An error names the line: "line 3: y:
// "abc" is not a number".
func ParsePairsCSV(text string, minN, maxN int) ([]float64, error) {
	var xy []float64
	err := csvRows(text, func(n int, fields []string) error {
		if len(fields) != 2 {
			return fmt.Errorf("line %d: %d fields, want x,y", n, len(fields))
		}
		if len(xy) == 2*maxN {
			return fmt.Errorf("line %d: more than %d points", n, maxN)
		}
		for k, name := range []string{"x", "y"} {
			v, err := csvNumber(fields[k])
			if err != nil {
				return fmt.Errorf("line %d: %s: %v", n, name, err)
			}
			if math.Abs(v) > MaxCoord {
				return fmt.Errorf("line %d: %s = %s is out of range [−%d, %d]", n, name, shortField(fields[k]), MaxCoord, MaxCoord)
			}
			xy = append(xy, v)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(xy)/2 < minN {
		return nil, fmt.Errorf("%d points, at least %d are needed", len(xy)/2, minN)
	}
	return xy, nil
}

// PairsCSV writes points (x₀, y₀, x₁, y₁, …) as ParsePairsCSV reads them:
// a header x,y, then a line a point, numbers in their shortest exact form.
func PairsCSV(xy []float64) string {
	var b strings.Builder
	b.WriteString("x,y\n")
	for i := 0; i+1 < len(xy); i += 2 {
		b.WriteString(strconv.FormatFloat(xy[i], 'g', -1, 64))
		b.WriteByte(',')
		b.WriteString(strconv.FormatFloat(xy[i+1], 'g', -1, 64))
		b.WriteByte('\n')
	}
	return b.String()
}

// PairsFitLink reports whether EncodeLinkPairs can hold xy exactly: at
// most MaxLinkPoints points, each coordinate on the link's grid (Snap).
func PairsFitLink(xy []float64) bool {
	if len(xy)%2 != 0 || len(xy)/2 > MaxLinkPoints {
		return false
	}
	for _, v := range xy {
		if Snap(v) != v {
			return false
		}
	}
	return true
}

// EncodeLinkPairs returns xy in a link's compact form, 4 characters a
// point; ok is false when xy does not fit (PairsFitLink).
func EncodeLinkPairs(xy []float64) (s string, ok bool) {
	if !PairsFitLink(xy) {
		return "", false
	}
	var b strings.Builder
	for i := 0; i < len(xy); i += 2 {
		writeLinkPoint(&b, xy[i], xy[i+1], 0)
	}
	return b.String(), true
}

// DecodeLinkPairs reads EncodeLinkPairs' form of minN to MaxLinkPoints
// points.
func DecodeLinkPairs(s string, minN int) ([]float64, error) {
	if len(s)%4 != 0 {
		return nil, fmt.Errorf("points: not the form a link holds them in (4 characters a point)")
	}
	n := len(s) / 4
	if n < minN || n > MaxLinkPoints {
		return nil, fmt.Errorf("points: %d of them, want %d to %d in a link", n, minN, MaxLinkPoints)
	}
	xy := make([]float64, 0, 2*n)
	for i := range n {
		x, y, low, err := readLinkPoint(s, 4*i)
		if err != nil {
			return nil, err
		}
		if low != 0 {
			return nil, fmt.Errorf("points: point %d carries a label, which a line fit's points have not", i+1)
		}
		xy = append(xy, x, y)
	}
	return xy, nil
}
