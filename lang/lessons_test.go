package lang_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"curvlab/lang"
	"curvlab/sim/scenario"
)

// lessonNumberRE is a number as the lessons write them: digits with an optional
// decimal part and sign (−1.2, 0.0013, 50). A digit right after a letter,
// digit, '_' or '.' is part of a name (SR1, x1, β₁ is not ASCII) and is
// skipped by numbers.
var lessonNumberRE = regexp.MustCompile(`[-−]?[0-9]+(?:\.[0-9]+)?`)

// numbers returns the numbers of s, sorted.
func numbers(s string) []string {
	var out []string
	for _, m := range lessonNumberRE.FindAllStringIndex(s, -1) {
		if m[0] > 0 {
			prev, _ := utf8.DecodeLastRuneInString(s[:m[0]])
			if prev < utf8.RuneSelf && (prev >= 'a' && prev <= 'z' || prev >= 'A' && prev <= 'Z' || prev == '_' || prev == '.') {
				continue
			}
		}
		out = append(out, s[m[0]:m[1]])
	}
	slices.Sort(out)
	return out
}

// keyRE finds the keys a lesson tells to press: "Press S", "(Y)", "Z toggles".
var keyRE = regexp.MustCompile(`Press (Space|[A-Z])\b|\((Space|[A-Z])\)|\b([A-Z]) (?:toggles|draws)`)

// keys returns the keys s names, sorted.
func keys(s string) []string {
	var out []string
	for _, m := range keyRE.FindAllStringSubmatch(s, -1) {
		out = append(out, m[1]+m[2]+m[3])
	}
	slices.Sort(out)
	return out
}

// TestLessonsInChinese: every lesson's Title and step Text has a Chinese
// translation, with the same numbers as often (a translation cannot drift
// from the numbers the lessons' tests assert) and the keys it names, as
// English words.
func TestLessonsInChinese(t *testing.T) {
	defer lang.Use(lang.Current())
	lang.Use(lang.Chinese)
	n := 0
	for _, l := range scenario.Lessons() {
		texts := []string{l.Title}
		for _, s := range l.Steps {
			texts = append(texts, s.Text)
		}
		for _, en := range texts {
			n++
			zh := lang.T(en)
			if zh == en {
				t.Errorf("lesson %s: no Chinese for %q", l.Name, en)
				continue
			}
			if a, b := numbers(en), numbers(zh); !slices.Equal(a, b) {
				t.Errorf("lesson %s: the numbers differ:\n%q\n%v\n%q\n%v", l.Name, en, a, zh, b)
			}
			words := strings.FieldsFunc(zh, func(r rune) bool {
				return !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z')
			})
			for _, k := range keys(en) {
				if !slices.Contains(words, k) {
					t.Errorf("lesson %s: the key %s is not in %q", l.Name, k, zh)
				}
			}
		}
	}
	if n < 30 {
		t.Errorf("only %d lesson texts", n)
	}
}

func TestNumbersAndKeys(t *testing.T) {
	if got := strings.Join(numbers("SR1 from (−1.2, 1) at 2/λ_max ≈ 0.0013, 50% and x1; Alg. 4.1"), " "); got != "0.0013 1 2 4.1 50 −1.2" {
		t.Errorf("numbers = %q", got)
	}
	if got := strings.Join(keys("Press S once. A bowl (Y), Z toggles it; Press Space."), " "); got != "S Space Y Z" {
		t.Errorf("keys = %q", got)
	}
}

// TestRunes: the font's subset covers every Chinese string of every
// catalog the app draws, and holds no ASCII.
func TestRunes(t *testing.T) {
	runes := lang.Runes()
	if !slices.IsSorted(runes) || len(slices.Compact(slices.Clone(runes))) != len(runes) {
		t.Fatal("Runes is not sorted and unique")
	}
	has := func(r rune) bool { _, ok := slices.BinarySearch(runes, r); return ok }
	check := func(s string) {
		for _, r := range s {
			if r >= utf8.RuneSelf && !has(r) {
				t.Errorf("Runes lacks %q of %q", r, s)
				return
			}
		}
	}
	defer lang.Use(lang.Current())
	lang.Use(lang.Chinese)
	for _, l := range scenario.Lessons() {
		check(lang.T(l.Title))
		for _, s := range l.Steps {
			check(lang.T(s.Text))
		}
	}
	for _, msg := range notices(t) {
		check(lang.Notice(msg))
	}
	for _, r := range runes {
		if r < utf8.RuneSelf {
			t.Errorf("Runes has ASCII %q", r)
		}
	}
}
