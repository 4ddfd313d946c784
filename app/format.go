package app

import (
	"math"
	"strconv"
)

// formatSig writes v with at most sig significant digits, compactly:
// "0.00123", "1.5e+06", "NaN" spelled out as "—" never happens here because
// callers check finiteness first (see num).
func formatSig(v float64, sig int) string {
	return strconv.FormatFloat(v, 'g', sig, 64)
}

// num formats a number for a readout: 4 significant digits, and a dash
// for a value that is not a number, so NaN is never shown as one.
func num(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "—"
	}
	return formatSig(v, 4)
}

// pair formats a 2-vector.
func pair(x, y float64) string {
	return "(" + num(x) + ", " + num(y) + ")"
}
