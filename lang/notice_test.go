package lang_test

import (
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"curvlab/lang"
	"curvlab/sim"
	"curvlab/sim/formula"
	"curvlab/sim/nn"
	"curvlab/sim/scenario"
	"curvlab/sim/surfaces"
)

// badLinks are links Decode rejects, one or more for each kind of mistake a
// link can hold, as the app shows them: "<error> — showing the default
// scenario instead."
var badLinks = []string{
	"v2;s=rosenbrock;x=0,0;m=gd",
	"s=rosenbrock;x=0,0;m=gd",
	"v1;;s=rosenbrock",
	"v1;s=rosenbrock;x=0,0;m=gd;s=booth",
	"v1;s=rosenbrock;x=0,0;m=gd;q=1",
	"v1;s=rosenbrock;x=0,0;m=gd;nokey",
	"v1;s=nosuch;x=0,0;m=gd",
	"v1;s=rosenbrock;x=0,0;m=foo",
	"v1;s=rosenbrock;x=0,0;m=gd:lr=oops",
	"v1;s=rosenbrock;x=0,0;m=gd:lr=-1",
	"v1;s=rosenbrock;x=0,0;m=gd:lr=+1",
	"v1;s=rosenbrock;x=0,0;m=gd:nokey=1",
	"v1;s=rosenbrock;x=0,0;m=gd:lr=0.1,lr=0.2",
	"v1;s=rosenbrock;x=0,0;m=gd:lr",
	"v1;s=rosenbrock;x=0,0;m=bfgs:ls=sometimes",
	"v1;s=rosenbrock;x=0,0;m=gd;w=3,1,0,1",
	"v1;s=rosenbrock;x=0,0;m=gd;w=0,1,0",
	"v1;s=rosenbrock;x=0,0;m=gd;w=0,1e9,0,1",
	"v1;s=rosenbrock;x=0,0;m=gd;w=0,1e-12,0,1",
	"v1;s=rosenbrock;x=0,0;m=gd;w=-1e7,1,0,1",
	"v1;s=rosenbrock;x=9e9,0;m=gd",
	"v1;s=rosenbrock;x=0;m=gd",
	"v1;s=rosenbrock;m=gd",
	"v1;x=0,0;m=gd",
	"v1;s=rosenbrock;x=0,0",
	"v1;s=rosenbrock;x=0,0;m=gd;n=abc",
	"v1;s=rosenbrock;x=0,0;m=gd;m=gd;m=gd;m=gd;m=gd",
	"v1;s=rosenbrock;x=0,0;m=gd;g=7:gd",
	"v1;s=rosenbrock;x=0,0;m=gd;g=gd",
	"v1;s=rosenbrock;x=0,0;m=gd;u=ABC",
	"v1;s=rosenbrock;x=0,0;m=gd;z=1:500,10",
	"v1;s=rosenbrock;x=0,0;m=gd;z=oops",
	"v1;s=rosenbrock;x=0,0;m=gd;y=lr:0.1",
	"v1;s=rosenbrock;x=0,0;m=gd;y=lr:0.1,0.01,10",
	"v1;s=rosenbrock;x=0,0;m=gd;y=zz:0.1,1,10",
	"v1;s=rosenbrock;x=0,0;m=gd;y=lr:0.1,1,10,lin",
	"v1;s=rosenbrock;x=0,0;m=gd;l=nosuch.1",
	"v1;s=rosenbrock;x=0,0;m=gd;l=first-look.9",
	"v1;s=rosenbrock;x=0,0;m=gd;l=first-look",
	"v1;s=rosenbrock;x=NaN,1;m=gd",
	"v1;s=rosenbrock;x=0,0;m=gd;w=a,1,0,1",
	"v1;s=rosenbrock;x=0,0;m=gd;z=1:abc,10",
	"v1;s=rosenbrock;x=0,0;m=gd;z=1:10,abc",
	"v1;s=rosenbrock;x=0,0;m=gd;y=lr:abc,1,10",
	"v1;s=rosenbrock;x=0,0;m=gd;y=lr:0.1,abc,10",
	"v1;s=rosenbrock;x=0,0;m=gd;lang=fr",
	"v1;f=x^2+;x=0,0;m=gd",
	"v1;f=sin(x;x=0,0;m=gd",
	"v1;s=rosenbrock;f=x*y;x=0,0;m=gd",
	"v1;s=rosenbrock;x=0,0;m=gd;p=abcd",
	"v1;net=tanh:8,8;d=nosuch;m=gd",
	"v1;net=relu9:8;d=circle;m=gd",
	"v1;net=tanh:0;d=circle;m=gd",
	"v1;net=tanh:8,8;d=circle;m=gd;x=0,0",
	"v1;d=circle;m=gd",
	"v1;s=rosenbrock;x=0,0;m=gd;%zz",
	"v1;s=rosenbrock;x=0,0;m=gd;s=\x01",
	"v1;s=rosenbrock;x=0,0;m=gd;s=é",
	"v1;s=\"<b> (accepted: a link: %v\";x=0,0;m=gd",
}

var badSpecs = []string{"foo", "gd:lr=oops", "gd:lr=-1", "gd:nokey=1", "gd:lr=1e999", "gd:lr=0123", "bfgs:ls=maybe", "gd:lr=0.1,lr=0.2", "\"quoted\" (accepted: me)"}

var badFormulas = []string{"", "x^2+", "sin(x", "x)", "2x", "foo(x)", "X+1", "sin x", "min(x)", "x @ y", "1e999*x", "log(0)+x", "x\x01", "\xff", strings.Repeat("(", 200) + "x" + strings.Repeat(")", 200), strings.Repeat("x+", 600) + "x"}

var badCSVs = []string{
	"1,2\n3,4\n5,oops\n",
	"1,2,0\n3,4,1\n5,6,2\n",
	"1,2\n",
	"1,2,3,4,5\n",
	"1,2,0,train\n3,4,1,maybe\n",
	"1,2,0,train\n3,4,1\n",
	"1,2,0\n3,4,1\n5,1e99,0\n",
	",2,0\n",
	"1,2,0\n3,4,1\n5,NaN,0\n",
}

// notices are real messages of the code, wrapped as the app shows them.
func notices(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, link := range badLinks {
		if _, err := scenario.Decode(link); err != nil {
			out = append(out, err.Error()+" — showing the default scenario instead.")
		} else {
			t.Errorf("Decode(%q) accepted a bad link", link)
		}
	}
	for _, s := range badSpecs {
		if _, err := sim.ParseSpec(s); err != nil {
			out = append(out, err.Error())
		} else {
			t.Errorf("ParseSpec(%q) accepted", s)
		}
	}
	for _, f := range badFormulas {
		if _, err := formula.Compile(f); err != nil {
			out = append(out, err.Error())
		} else {
			t.Errorf("formula.Compile(%q) accepted", f)
		}
	}
	for _, csv := range badCSVs {
		if _, err := nn.ParseCSV(csv); err != nil {
			out = append(out, "pasted text: "+err.Error()+".")
		}
		if _, err := nn.ParsePairsCSV(csv, surfaces.MinFitPoints, surfaces.MaxFitPoints); err != nil {
			out = append(out, "data.csv: "+err.Error()+".")
		}
	}
	// The app strips a prefix its notice already says (app/drop.go).
	for _, xy := range [][]float64{{1}, {1, 2}, {1, 2, 3, 1e9}} {
		err := surfaces.CheckFitPoints(xy)
		if err == nil {
			t.Fatalf("CheckFitPoints(%v) accepted", xy)
		}
		out = append(out, "data.csv: "+strings.TrimPrefix(err.Error(), "line fit: ")+".")
	}
	var net scenario.Network
	for _, p := range []nn.Points{{X: []float64{0, 0}, Y: []float64{0}}, {X: []float64{0, 0, 1, 1, 0.5, 0.5}, Y: []float64{0, 2, 1}}} {
		net = scenario.DefaultNetwork()
		if err := net.SetOwnData(p); err != nil {
			out = append(out, "data.csv: "+strings.TrimPrefix(err.Error(), "own data: ")+".")
			out = append(out, "Your points: "+strings.TrimPrefix(err.Error(), "own data: ")+".")
		}
	}
	return out
}

// quotedRE finds the user's input in a message: a Go-quoted string
// (sim.Quote's or %q's, with the "..." of a cut one) or a name between
// single quotes (the formula's 'foo').
// The file name data.csv is cut out with them: a name is the user's.
var quotedRE = regexp.MustCompile(`"(?:[^"\\]|\\.)*"(?:\.\.\.)?|'[^'\s]*'|data\.csv`)

// TestNoticesInChinese translates the table of real messages and checks
// each translation:
//
//   - it differs from the English (a template matched);
//   - each quoted input of the English is in it byte for byte, as often;
//   - what is left once the quoted inputs are cut out has no English word
//     (leftoverEnglish says precisely what is allowed).
//
// And in English Notice is the identity.
func TestNoticesInChinese(t *testing.T) {
	msgs := notices(t)
	if len(msgs) < 80 {
		t.Fatalf("only %d messages", len(msgs))
	}
	allowed := allowedWords()
	defer lang.Use(lang.Current())
	for _, msg := range msgs {
		lang.Use(lang.English)
		if got := lang.Notice(msg); got != msg {
			t.Errorf("in English Notice(%q) = %q", msg, got)
		}
		lang.Use(lang.Chinese)
		zh := lang.Notice(msg)
		if zh == msg {
			t.Errorf("no template matches %q", msg)
			continue
		}
		for _, q := range quotedRE.FindAllString(msg, -1) {
			if n, m := strings.Count(msg, q), strings.Count(zh, q); n != m {
				t.Errorf("%q\n→ %q\nhas the input %s %d times, the English %d", msg, zh, q, m, n)
			}
		}
		if w := leftoverEnglish(quotedRE.ReplaceAllString(zh, " "), allowed); len(w) > 0 {
			t.Errorf("%q\n→ %q\nleaves English: %q", msg, zh, w)
		}
	}
}

// allowedWords are the words that stay English in a Chinese notice: the
// names a link or a command line writes (methods, surfaces, parameters and
// their choices, activations, losses, data sets, lessons, the formula's
// functions and variables) and a few abbreviations and syntax words.
func allowedWords() map[string]bool {
	w := map[string]bool{}
	add := func(names ...string) {
		for _, n := range names {
			for _, f := range strings.FieldsFunc(n, func(r rune) bool { return !isWordRune(r) }) {
				w[f] = true
			}
		}
	}
	addParams := func(ps []sim.Param) {
		for _, p := range ps {
			add(p.Key)
			add(p.Choices...)
		}
	}
	for _, k := range sim.MethodKinds() {
		add(k.Name)
		addParams(k.Params)
	}
	for _, k := range surfaces.Kinds() {
		add(k.Name)
		addParams(k.Params)
	}
	addParams(scenario.NetParams)
	addParams(scenario.DataParams)
	addParams(scenario.OwnParams)
	add(nn.ActivationNames()...)
	add(nn.LossNames()...)
	add(nn.DatasetNames()...)
	for _, l := range scenario.Lessons() {
		add(l.Name)
	}
	add("sin cos tan asin acos atan sinh cosh tanh exp log sqrt abs min max x y pi e a b c d")
	// The link's fields and the CSV's columns.
	add("v s f p x m g n t w z y u l lang net d x1 x2 label train test xmin xmax ymin ymax K en zh")
	// Abbreviations, formats and programs.
	add("CSV GIF ASCII UTF MiB WxH SetFormula curvsim list sim nn Inf NaN 3D")
	return w
}

// syntaxWords may stay English only inside written syntax, a chunk with
// '=', ':', ';' or a '.' between letters (s=surface, name.step,
// key:from,to,n): they are placeholders of the form to write.
var syntaxWords = map[string]bool{"key": true, "value": true, "name": true, "step": true, "surface": true, "start": true, "method": true, "formula": true, "panels": true, "azimuth": true, "elevation": true, "from": true, "to": true, "K": true}

var (
	numberRE = regexp.MustCompile(`^[-+−]?(?:[0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?|0x[0-9a-fA-F]+|U\+[0-9A-F]+|[0-9]+x[0-9]+)$`)
	syntaxRE = regexp.MustCompile(`[=:;]|[A-Za-z]\.[A-Za-z]`)
)

func isWordRune(r rune) bool { return r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) }

// leftoverEnglish returns the English words of s, a notice in Chinese
// with its quoted inputs cut out. s is split into chunks, runs of
// printable ASCII other than spaces; a word is a run of ASCII letters
// and digits within a chunk, and is allowed when it
//
//   - has no letter, or is a number (1e-3, 0x1f, U+0001, 640x360),
//   - is one of allowed (names and abbreviations),
//   - is a flag (--gif: the chunk starts with "--"),
//   - or is one of syntaxWords in a chunk of written syntax.
func leftoverEnglish(s string, allowed map[string]bool) []string {
	var bad []string
	chunks := strings.FieldsFunc(s, func(r rune) bool { return r <= ' ' || r >= utf8.RuneSelf })
	for _, c := range chunks {
		if strings.HasPrefix(c, "--") || numberRE.MatchString(strings.Trim(c, ",;:()[]")) {
			continue
		}
		syntax := syntaxRE.MatchString(c)
		for _, w := range strings.FieldsFunc(c, func(r rune) bool { return !isWordRune(r) }) {
			if strings.IndexFunc(w, unicode.IsLetter) < 0 || numberRE.MatchString(w) || allowed[w] || syntax && syntaxWords[w] {
				continue
			}
			// A word of letters glued to digits (x1, sr1, 1e9, 12e) is
			// a key, name or number when its letters are allowed.
			letters := strings.Map(func(r rune) rune {
				if unicode.IsDigit(r) {
					return -1
				}
				return r
			}, w)
			if allowed[letters] || letters == "e" {
				continue
			}
			bad = append(bad, w)
		}
	}
	return bad
}

// TestLeftoverEnglish checks the check: prose left in English is found.
func TestLeftoverEnglish(t *testing.T) {
	allowed := allowedWords()
	for s, want := range map[string]string{
		"链接：视窗的 xmin 3 不小于 xmax 1":     "",
		"未知的方法 （可用：adam, bfgs, gd）":    "",
		"方法 gd：lr=5 超出范围 [0, 1]":       "",
		"文本为空，应为 v1;s=surface;x=start": "",
		"link: 视窗":        "link",
		"视窗 is too small": "is too small",
		"扫描 from 1":       "from",
	} {
		if got := strings.Join(leftoverEnglish(s, allowed), " "); got != want {
			t.Errorf("leftoverEnglish(%q) = %q, want %q", s, got, want)
		}
	}
}

// FuzzNotice: any string, no panic; in English the identity; in Chinese
// valid UTF-8 out for valid UTF-8 in, and every quoted input kept.
func FuzzNotice(f *testing.F) {
	f.Add("link: view window has xmin 3 not below xmax 1 — showing the default scenario instead.")
	f.Add(`pasted text: line 3: y: "oops" is not a number.`)
	f.Add(`unknown method "a (accepted: b" (accepted: gd)`)
	f.Add("%v: %v.")
	f.Add("")
	defer lang.Use(lang.Current())
	f.Fuzz(func(t *testing.T, msg string) {
		lang.Use(lang.English)
		if got := lang.Notice(msg); got != msg {
			t.Fatalf("in English Notice(%q) = %q", msg, got)
		}
		lang.Use(lang.Chinese)
		zh := lang.Notice(msg)
		if utf8.ValidString(msg) && !utf8.ValidString(zh) {
			t.Fatalf("Notice(%q) = %q, not UTF-8", msg, zh)
		}
	})
}
