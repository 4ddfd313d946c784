// Package lang holds the languages curvlab speaks and its strings in each:
// English, the language the code is written in, and Simplified Chinese.
// The app draws every string it shows through T (and notices through
// Notice, lessons through Lesson), in the language Use chose.
package lang

import (
	"fmt"
	"strings"
)

// Lang is a language of the app. The zero value is English.
type Lang uint8

const (
	English Lang = iota
	Chinese      // Simplified Chinese
)

var codes = [...]string{English: "en", Chinese: "zh"}

// String is the language's code, as the link's lang field and
// window.curvlab.lang give it: "en" or "zh".
func (l Lang) String() string {
	if int(l) < len(codes) {
		return codes[l]
	}
	return "en"
}

// Parse reads a language code: "en" or "zh", or a browser's tag such as
// "zh-CN", "zh-Hans-SG" or "en-GB" by its first part. ok is false for a
// language the app does not speak.
func Parse(code string) (l Lang, ok bool) {
	primary, _, _ := strings.Cut(strings.ToLower(code), "-")
	for i, c := range codes {
		if primary == c {
			return Lang(i), true
		}
	}
	return English, false
}

var current Lang

// Use makes l the language strings are given in.
func Use(l Lang) { current = l }

// Current is the language in use.
func Current() Lang { return current }

// T returns s, an English string of the app, in the language in use: s
// itself in English, its translation otherwise (s when the catalog has
// none, which a test forbids).
func T(s string) string {
	if current == Chinese {
		if t, ok := lookup(s); ok {
			return t
		}
	}
	return s
}

// lookup finds the Chinese of s in the catalogs: the app's strings (zh),
// then the lessons' (zhLessons), kept apart so that each has its owner.
func lookup(s string) (string, bool) {
	if t, ok := zh[s]; ok {
		return t, true
	}
	t, ok := zhLessons[s]
	return t, ok
}

// F formats args by the format of the language in use: format is the
// English one, the key of its translation, as for T (fmt's verbs, in
// the same order in both).
func F(format string, args ...any) string {
	return fmt.Sprintf(T(format), args...)
}

// Toggle returns the other language of the two: the app's switch.
func (l Lang) Toggle() Lang {
	if l == Chinese {
		return English
	}
	return Chinese
}
