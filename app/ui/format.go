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

// WrapLines breaks s into lines no wider than w at size in font f: at
// spaces, and between any two Chinese characters (Chinese has no spaces
// between words), never before a closing mark such as ，or ） nor after an
// opening one. A line's leading spaces (an indented line of help) indent
// its continuations too. A word wider than w stays whole.
func WrapLines(f render.Font, s string, size, w float64) []string {
	if render.TextWidth(f, s, size) <= w {
		return []string{s}
	}
	body := strings.TrimLeft(s, " ")
	indent := s[:len(s)-len(body)]
	space := render.TextWidth(f, " ", size)
	var out []string
	line, lineW := indent, render.TextWidth(f, indent, size)
	first := true // line holds no token yet
	for _, tk := range wrapTokens(body) {
		tw := render.TextWidth(f, tk.text, size)
		gap := 0.0
		if tk.space {
			gap = space
		}
		switch {
		case first:
			line, lineW, first = line+tk.text, lineW+tw, false
		case lineW+gap+tw <= w:
			if tk.space {
				line += " "
			}
			line, lineW = line+tk.text, lineW+gap+tw
		default:
			out = append(out, line)
			line = indent + "  " + tk.text
			lineW = render.TextWidth(f, indent+"  ", size) + tw
		}
	}
	return append(out, line)
}

// A wrapToken is what WrapLines keeps whole: a word, or one Chinese
// character with the marks that may not be parted from it; space says
// that a space came before it.
type wrapToken struct {
	text  string
	space bool
}

// wrapTokens splits s into wrapTokens.
func wrapTokens(s string) []wrapToken {
	var out []wrapToken
	var cur strings.Builder
	space, curCJK, glue := false, false, false // glue: an opening mark waits for what follows
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, wrapToken{cur.String(), space})
			cur.Reset()
			space = false
		}
	}
	for _, r := range s {
		switch {
		case r == ' ':
			flush()
			space = len(out) > 0
			glue = false
		case strings.ContainsRune(closingMarks, r) && (cur.Len() > 0 || len(out) > 0):
			if cur.Len() == 0 { // after a space: onto the token before
				out[len(out)-1].text += string(r)
			} else {
				cur.WriteRune(r)
			}
		case isCJK(r):
			if !glue {
				flush()
			}
			cur.WriteRune(r)
			curCJK, glue = true, strings.ContainsRune(openingMarks, r)
		default:
			if curCJK && !glue {
				flush()
			}
			cur.WriteRune(r)
			curCJK, glue = false, false
		}
	}
	flush()
	return out
}

// The marks a line may not start with (closing), or end with (opening).
const (
	closingMarks = "，。、：；！？）》」』’”…"
	openingMarks = "（《「『‘“"
)

// isCJK reports whether r is a Chinese character or mark: a line may break
// before or after it.
func isCJK(r rune) bool {
	return r >= 0x2E80 && r <= 0x9FFF || r >= 0xF900 && r <= 0xFAFF || r >= 0xFE30 && r <= 0xFFEF
}

// GlyphSafe replaces the few symbols the Go fonts lack by plain ones.
var GlyphSafe = strings.NewReplacer(
	"‖", "|", "∇²f", "H", "∇f", "g", "∇", "grad ", "ᵀ", "'", "ₖ", "k", "∈", " in ", "▾", "v", "✓", "ok",
)
