package lang

import (
	"strings"
	"testing"
)

// TestTemplates checks every template of the catalog: it compiles, and its
// Chinese puts every argument somewhere, but for a plural's "s" glued to an
// English word ("argument%s"), which Chinese has no use for.
func TestTemplates(t *testing.T) {
	for en, zh := range zhNotices {
		tp, ok := compileTemplate(en, zh)
		if !ok {
			if hasLiteralText(en) {
				t.Errorf("%q → %q does not compile", en, zh)
			}
			continue
		}
		used := make([]bool, len(tp.verbs))
		for _, p := range tp.zhParts {
			if p.arg >= 0 {
				used[p.arg] = true
			}
		}
		plurals := pluralArgs(en)
		for i, u := range used {
			if !u && !plurals[i] {
				t.Errorf("%q → %q drops argument %d", en, zh, i+1)
			}
		}
		if strings.TrimSpace(zh) == "" {
			t.Errorf("%q has an empty Chinese", en)
		}
	}
}

// pluralArgs are the arguments of format that are a plural's ending: a %s
// right after a lower-case letter and before a non-letter.
func pluralArgs(format string) map[int]bool {
	out := map[int]bool{}
	arg := 0
	var text strings.Builder
	scanFormat(format, func(s string) { text.WriteString(s) }, func(v byte, _ int) bool {
		s := text.String()
		if v == 's' && s != "" && s[len(s)-1] >= 'a' && s[len(s)-1] <= 'z' {
			out[arg] = true
		}
		text.Reset()
		arg++
		return true
	})
	return out
}

func TestScanFormat(t *testing.T) {
	var got []string
	ok := scanFormat("a %d%% b %[2]q c %-5.2f", func(s string) { got = append(got, "lit:"+s) }, func(v byte, i int) bool {
		got = append(got, "verb:"+string(v))
		return true
	})
	want := "lit:a |verb:d|lit:% b |verb:q|lit: c |verb:f"
	if !ok || strings.Join(got, "|") != want {
		t.Errorf("got %q, %v; want %q", strings.Join(got, "|"), ok, want)
	}
	for _, bad := range []string{"%", "50%", "%[x]d", "%[0]d", "%5"} {
		if scanFormat(bad, func(string) {}, func(byte, int) bool { return true }) {
			t.Errorf("scanFormat(%q) accepted", bad)
		}
	}
}
