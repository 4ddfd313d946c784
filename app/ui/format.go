package ui

import (
	"math"
	"strconv"
	"strings"

	"curvlab/render"
)

// Num formats a number for a readout: 4 significant digits, and a dash
// for a value that is not a number, so NaN is never shown as one.
func Num(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "—"
	}
	return strconv.FormatFloat(v, 'g', 4, 64)
}

// Pair formats a 2-vector.
func Pair(x, y float64) string {
	return "(" + Num(x) + ", " + Num(y) + ")"
}

// Pct formats a fraction as a percentage.
func Pct(f float64) string {
	return strconv.FormatFloat(100*f, 'f', 1, 64) + "%"
}

// FitText shortens s with "…" until it fits in width w at size.
func FitText(s string, size, w float64) string {
	if render.TextWidth(render.Sans, s, size) <= w {
		return s
	}
	r := []rune(s)
	for len(r) > 1 {
		r = r[:len(r)-1]
		t := string(r) + "…"
		if render.TextWidth(render.Sans, t, size) <= w {
			return t
		}
	}
	return ""
}

// WrapLines breaks s into lines no wider than w at size in font f, at
// spaces; a line's leading spaces (an indented line of help) indent its
// continuations too. A word wider than w stays whole.
func WrapLines(f render.Font, s string, size, w float64) []string {
	if render.TextWidth(f, s, size) <= w {
		return []string{s}
	}
	body := strings.TrimLeft(s, " ")
	indent := s[:len(s)-len(body)]
	var out []string
	line := indent
	for _, word := range strings.Fields(body) {
		switch {
		case line == indent:
			line += word
		case render.TextWidth(f, line+" "+word, size) <= w:
			line += " " + word
		default:
			out = append(out, line)
			line = indent + "  " + word
		}
	}
	return append(out, line)
}

// GlyphSafe replaces the few symbols the Go fonts lack by plain ones.
var GlyphSafe = strings.NewReplacer(
	"‖", "|", "∇²f", "H", "∇f", "g", "∇", "grad ", "ᵀ", "'", "ₖ", "k", "∈", " in ", "▾", "v", "✓", "ok",
)
