package nn

import (
	"slices"
	"strings"
	"testing"
)

// FuzzParseNames: ParseActivation and ParseLoss accept exactly the names
// they list, return the value whose String is that name, and refuse
// anything else with an error that quotes what they were given — never a
// panic.
func FuzzParseNames(f *testing.F) {
	for _, s := range append(ActivationNames(), LossNames()...) {
		f.Add(s)
	}
	for _, s := range []string{"", "Tanh", "tanh ", "ce\x00", "relu,relu", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := ParseActivation(s)
		if known := slices.Contains(ActivationNames(), s); known != (err == nil) {
			t.Fatalf("ParseActivation(%q): err %v, listed %v", s, err, known)
		} else if known && a.String() != s {
			t.Fatalf("ParseActivation(%q) = %v", s, a)
		} else if !known && !strings.Contains(err.Error(), "activation") {
			t.Fatalf("ParseActivation(%q): error %q does not say what was wrong", s, err)
		}
		l, err := ParseLoss(s)
		if known := slices.Contains(LossNames(), s); known != (err == nil) {
			t.Fatalf("ParseLoss(%q): err %v, listed %v", s, err, known)
		} else if known && l.String() != s {
			t.Fatalf("ParseLoss(%q) = %v", s, l)
		} else if !known && !strings.Contains(err.Error(), "loss") {
			t.Fatalf("ParseLoss(%q): error %q does not say what was wrong", s, err)
		}
	})
}
