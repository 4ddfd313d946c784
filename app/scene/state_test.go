package scene

import (
	"strings"
	"testing"
)

// FuzzParseFlags: any UI field of a link parses to flags with a speed among
// Speeds, and the flags' own text parses back to them; letters other than
// the flags' and digits beyond the speeds change nothing.
func FuzzParseFlags(f *testing.F) {
	for _, s := range []string{"", "e", "etco", "p7", "0", "9", "x", "ee3p", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, u string) {
		fl := ParseFlags(u)
		if fl.Speed < 0 || fl.Speed >= len(Speeds) {
			t.Fatalf("%q: speed %d", u, fl.Speed)
		}
		if back := ParseFlags(fl.String()); back != fl {
			t.Fatalf("%q: %+v is written %q, which reads %+v", u, fl, fl.String(), back)
		}
		if fl.Overlay != strings.Contains(u, "o") || fl.PCA != strings.Contains(u, "p") || fl.HideEllipses != strings.Contains(u, "e") {
			t.Fatalf("%q: %+v", u, fl)
		}
	})
}
