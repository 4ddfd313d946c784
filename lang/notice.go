package lang

import (
	"cmp"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Notices are the sentences of the status line, most of them errors the
// code builds with fmt.Errorf out of other errors ("link: %v") and the
// user's input. They cannot be looked up whole, so Notice matches them
// against templates: the English formats as the code writes them
// (zhNotices' keys), each turned into an anchored regexp whose verbs
// capture the arguments. The Chinese format receives the captured text:
// a nested message (a %s, %v or %w that matches a template itself) in
// Chinese, anything else (numbers, names, keys, quoted input) as it was.

// maxNoticeDepth bounds the nesting Notice follows; the code nests at most
// five deep ("link: sweep: method gd: lr=…").
const maxNoticeDepth = 8

// maxNoticeLen is the longest message Notice translates: the longest the
// code builds is a few hundred bytes, and the matching is linear in the
// length per template and level.
const maxNoticeLen = 4096

// Notice returns msg, a notice of the app in English, in the language in
// use: msg itself in English, its translation by the templates otherwise
// (msg when no template matches it, which a test forbids for the
// messages in the code).
func Notice(msg string) string {
	if current != Chinese || len(msg) > maxNoticeLen || !utf8.ValidString(msg) {
		return msg
	}
	return translateNotice(msg, 0)
}

// template is an English message format compiled for matching.
type template struct {
	en, zh  string
	re      *regexp.Regexp
	verbs   []byte // the verb of each capture, in order
	literal int    // runes of literal text: more is more specific
	longest string // its longest literal part, which msg must contain
	zhParts []zhPart
}

// zhPart is a piece of a Chinese format: literal text, or capture arg
// (0-based) when arg >= 0.
type zhPart struct {
	text string
	arg  int
}

var (
	templatesOnce sync.Once
	templates     []*template // most specific first
)

func noticeTemplates() []*template {
	templatesOnce.Do(func() {
		for en, zh := range zhNotices {
			if t, ok := compileTemplate(en, zh); ok {
				templates = append(templates, t)
			}
		}
		// The most literal text first: "Your points: %v." before "%v: %v.",
		// "link: %v" before "%s: %v". Ties by the English, for a stable
		// order.
		slices.SortFunc(templates, func(a, b *template) int {
			if c := cmp.Compare(b.literal, a.literal); c != 0 {
				return c
			}
			return strings.Compare(a.en, b.en)
		})
	})
	return templates
}

// maxNoticeWork bounds the template matches one Notice tries, so that no
// input, however contrived, makes it slow; the code's messages need a few
// hundred.
const maxNoticeWork = 20000

// noticeParse finds the best translation of one message: of all the
// templates that match it (and then its captures, recursively), the
// reading that translates the most literal text. Literal text alone would
// read "link: view window coordinate 9 is out of range [-1, 1]" by
// "%s%s is out of range [%s, %s]", leaving "link: view window coordinate
// 9" English; the sum over the nesting prefers "link: %v" around "view
// window coordinate %s is out of range [%s, %s]".
type noticeParse struct {
	memo map[string]parsed
	work int
}

type parsed struct {
	text  string
	score int // literal runes translated
}

func translateNotice(msg string, depth int) string {
	p := noticeParse{memo: map[string]parsed{}}
	return p.translate(msg, depth).text
}

func (p *noticeParse) translate(msg string, depth int) parsed {
	if r, ok := p.memo[msg]; ok {
		return r
	}
	best := parsed{text: msg}
	if depth <= maxNoticeDepth {
		for _, t := range noticeTemplates() {
			if p.work >= maxNoticeWork {
				break
			}
			if !strings.Contains(msg, t.longest) {
				continue
			}
			p.work++
			m := t.re.FindStringSubmatch(msg)
			if m == nil {
				continue
			}
			if r := p.fill(t, m[1:], depth); r.score > best.score {
				best = r
			}
		}
	}
	p.memo[msg] = best
	return best
}

// fill puts the captures args of a match of t into t's Chinese format.
func (p *noticeParse) fill(t *template, args []string, depth int) parsed {
	r := parsed{score: t.literal}
	var b strings.Builder
	for _, part := range t.zhParts {
		if part.arg < 0 {
			b.WriteString(part.text)
			continue
		}
		if part.arg >= len(args) {
			continue // a test forbids it
		}
		a := args[part.arg]
		// A quoted input is the user's, byte for byte; only a message
		// inside a %s, %v or %w is translated.
		if v := t.verbs[part.arg]; (v == 's' || v == 'v' || v == 'w') && !strings.HasPrefix(a, `"`) {
			sub := p.translate(a, depth+1)
			a = sub.text
			r.score += sub.score
		}
		b.WriteString(a)
	}
	r.text = b.String()
	return r
}

// The text a verb's capture matches. A %s or %v is any text, lazily,
// taking a Go-quoted string whole (sim.Quote's, with the "..." of a cut
// one), so that a quoted input holding the template's next words cannot
// end the capture inside the quotes.
const (
	quotedRE = `"(?:[^"\\]|\\.)*"`
	anyRE    = `((?:` + quotedRE + `|.)*?)`
	numberRE = `([-+]?(?:Inf|NaN|[0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?))`
)

var verbRE = map[byte]string{
	's': anyRE, 'v': anyRE, 'w': anyRE,
	'd': `([-+]?[0-9]+)`,
	'g': numberRE, 'f': numberRE, 'e': numberRE,
	'q': `(` + quotedRE + `|'(?:[^'\\]|\\.)*')`,
	'c': `(.)`,
	'x': `([0-9a-fA-F]+)`,
	'U': `(U\+[0-9A-F]{4,6})`,
	't': `(true|false)`,
}

// compileTemplate compiles the English format en and its Chinese zh. ok is
// false for a format with no literal text ("%s%v": nothing to translate)
// or one this parser cannot read (a test reports it).
func compileTemplate(en, zh string) (*template, bool) {
	t := &template{en: en, zh: zh}
	var re strings.Builder
	re.WriteString(`(?s)^`)
	ok := scanFormat(en, func(lit string) {
		re.WriteString(regexp.QuoteMeta(lit))
		if len(lit) > len(t.longest) {
			t.longest = lit
		}
		t.literal += utf8.RuneCountInString(strings.TrimSpace(lit))
	}, func(verb byte, _ int) bool {
		r, known := verbRE[verb]
		if !known {
			return false
		}
		re.WriteString(r)
		t.verbs = append(t.verbs, verb)
		return true
	})
	if !ok || t.literal == 0 {
		return nil, false
	}
	re.WriteString(`$`)
	var err error
	if t.re, err = regexp.Compile(re.String()); err != nil {
		return nil, false
	}
	next := 0
	ok = scanFormat(zh, func(lit string) {
		t.zhParts = append(t.zhParts, zhPart{text: lit, arg: -1})
	}, func(_ byte, index int) bool {
		if index < 0 {
			index = next
		}
		next = index + 1
		t.zhParts = append(t.zhParts, zhPart{arg: index})
		return index < len(t.verbs)
	})
	return t, ok
}

// scanFormat splits a fmt format into literal text (lit, with %% as %)
// and verbs (verb, with its explicit argument index, 0-based, from %[n]v,
// or -1). Flags, width and precision are allowed and ignored. ok is false
// for a malformed verb or one verb rejects.
func scanFormat(f string, lit func(string), verb func(v byte, index int) bool) bool {
	var text strings.Builder
	for i := 0; i < len(f); i++ {
		if f[i] != '%' {
			text.WriteByte(f[i])
			continue
		}
		i++
		if i < len(f) && f[i] == '%' {
			text.WriteByte('%')
			continue
		}
		for i < len(f) && strings.IndexByte("+-# 0", f[i]) >= 0 {
			i++
		}
		index := -1
		if i < len(f) && f[i] == '[' {
			end := strings.IndexByte(f[i:], ']')
			if end < 0 {
				return false
			}
			n, err := strconv.Atoi(f[i+1 : i+end])
			if err != nil || n < 1 {
				return false
			}
			index = n - 1
			i += end + 1
		}
		for i < len(f) && (f[i] >= '0' && f[i] <= '9' || f[i] == '.') {
			i++
		}
		if i >= len(f) || f[i] >= utf8.RuneSelf || !unicode.IsLetter(rune(f[i])) {
			return false
		}
		if text.Len() > 0 {
			lit(text.String())
			text.Reset()
		}
		if !verb(f[i], index) {
			return false
		}
	}
	if text.Len() > 0 {
		lit(text.String())
	}
	return true
}
