package lang

import (
	"slices"
	"unicode/utf8"
)

// Runes returns every non-ASCII rune of the Chinese strings (the app's
// catalog, the notices' templates and the lessons), sorted, once each: the
// characters the subset of the CJK font must hold. ASCII is left out: the
// app's Latin font draws it.
func Runes() []rune {
	seen := map[rune]bool{}
	for _, catalog := range []map[string]string{zh, zhNotices, zhLessons} {
		for _, s := range catalog {
			for _, r := range s {
				if r >= utf8.RuneSelf {
					seen[r] = true
				}
			}
		}
	}
	out := make([]rune, 0, len(seen))
	for r := range seen {
		out = append(out, r)
	}
	slices.Sort(out)
	return out
}

// Lesson returns a lesson's Title or step Text in the language in use (as
// T does: the lessons' catalog is one of those T consults).
func Lesson(s string) string { return T(s) }
