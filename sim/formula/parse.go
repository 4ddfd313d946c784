package formula

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits on what Compile accepts (see the package comment).
const (
	MaxLength = 1000 // bytes of source
	MaxDepth  = 100  // nesting of parentheses, operators and calls
	MaxTape   = 400  // instructions after folding and merging
)

// Error is what is wrong with a formula, and where: Col is the column
// (in characters, from 1) of the offending token, 0 for the whole formula.
type Error struct {
	Col int
	Msg string
}

func (e *Error) Error() string {
	if e.Col == 0 {
		return e.Msg
	}
	return fmt.Sprintf("%s at column %d", e.Msg, e.Col)
}

// tokenKind is the kind of a lexical token.
type tokenKind uint8

const (
	tokEnd tokenKind = iota
	tokNumber
	tokName
	tokOp    // + - * / ^
	tokOpen  // (
	tokClose // )
	tokComma
)

type token struct {
	kind tokenKind
	text string
	num  float64
	col  int // column of its first character, from 1
}

// lex splits src into tokens, ending with tokEnd.
func lex(src string) ([]token, error) {
	var toks []token
	col := 1
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRuneInString(src[i:])
		start, startCol := i, col
		switch {
		case r == utf8.RuneError && size == 1:
			return nil, &Error{col, "the formula is not valid UTF-8 text"}
		case r == ' ' || r == '\t':
			i += size
			col++
			continue
		case r < ' ' || r == 0x7f || unicode.IsControl(r):
			return nil, &Error{col, fmt.Sprintf("control character %U is not allowed", r)}
		case r >= '0' && r <= '9' || r == '.':
			j := scanNumber(src, i)
			text := src[i:j]
			v, err := strconv.ParseFloat(text, 64)
			if err != nil {
				if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
					return nil, &Error{col, fmt.Sprintf("number %s is out of range", shorten(text))}
				}
				return nil, &Error{col, fmt.Sprintf("%q is not a number", shorten(text))}
			}
			toks = append(toks, token{kind: tokNumber, text: text, num: v, col: col})
			i = j
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || r == '_'):
			j := i
			for j < len(src) && (isASCIILetter(src[j]) || src[j] >= '0' && src[j] <= '9' || src[j] == '_') {
				j++
			}
			toks = append(toks, token{kind: tokName, text: src[i:j], col: col})
			i = j
		case strings.ContainsRune("+-*/^", r):
			toks = append(toks, token{kind: tokOp, text: string(r), col: col})
			i += size
		case r == '(':
			toks = append(toks, token{kind: tokOpen, text: "(", col: col})
			i += size
		case r == ')':
			toks = append(toks, token{kind: tokClose, text: ")", col: col})
			i += size
		case r == ',':
			toks = append(toks, token{kind: tokComma, text: ",", col: col})
			i += size
		case r == '−': // the minus sign a word processor or a web page gives
			toks = append(toks, token{kind: tokOp, text: "-", col: col})
			i += size
		case r == '×' || r == '·':
			toks = append(toks, token{kind: tokOp, text: "*", col: col})
			i += size
		default:
			return nil, &Error{col, "unexpected character " + quoteRune(r)}
		}
		col = startCol + utf8.RuneCountInString(src[start:i])
	}
	toks = append(toks, token{kind: tokEnd, col: col})
	return toks, nil
}

// quoteRune is r quoted for a message, or its code point where quoting
// would be unsafe to show in a page or unreadable.
func quoteRune(r rune) string {
	if unicode.IsPrint(r) && !strings.ContainsRune(`<>&"'\`+"`", r) {
		return "'" + string(r) + "'"
	}
	return fmt.Sprintf("%U", r)
}

// shorten is a token of the formula as a message quotes it: at most 20
// characters.
func shorten(s string) string {
	if utf8.RuneCountInString(s) <= 20 {
		return s
	}
	return string([]rune(s)[:20]) + "…"
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// scanNumber returns the end of the number starting at src[i]: digits, an
// optional fraction, an optional exponent (only when digits follow it, so
// that "2e" is the number 2 and the name e).
func scanNumber(src string, i int) int {
	digits := func(j int) int {
		for j < len(src) && src[j] >= '0' && src[j] <= '9' {
			j++
		}
		return j
	}
	j := digits(i)
	if j < len(src) && src[j] == '.' {
		j = digits(j + 1)
	}
	if j < len(src) && (src[j] == 'e' || src[j] == 'E') {
		k := j + 1
		if k < len(src) && (src[k] == '+' || src[k] == '-') {
			k++
		}
		if e := digits(k); e > k {
			j = e
		}
	}
	return j
}

// node is a parsed expression: an operation on its arguments, a number,
// x or y, or a parameter.
type node struct {
	op    op
	args  []*node
	num   float64 // opConst
	param int32   // opParam
	col   int
}

// parser is a recursive-descent parser over tokens.
type parser struct {
	toks  []token
	pos   int
	depth int
}

func (p *parser) peek() token { return p.toks[p.pos] }

func (p *parser) next() token {
	t := p.toks[p.pos]
	if t.kind != tokEnd {
		p.pos++
	}
	return t
}

// enter counts one more level of nesting (a sum, which every pair of
// parentheses and every argument is; a sign; a power), refusing more than
// MaxDepth.
func (p *parser) enter(col int) error {
	p.depth++
	if p.depth > MaxDepth {
		return &Error{col, fmt.Sprintf("the formula nests more than %d deep", MaxDepth)}
	}
	return nil
}

func (p *parser) leave() { p.depth-- }

// parse parses the whole formula.
func parse(src string) (*node, error) {
	if len(src) > MaxLength {
		return nil, &Error{0, fmt.Sprintf("the formula is %d characters long; at most %d are allowed", utf8.RuneCountInString(src), MaxLength)}
	}
	toks, err := lex(src)
	if err != nil {
		return nil, err
	}
	if toks[0].kind == tokEnd {
		return nil, &Error{0, "the formula is empty"}
	}
	p := &parser{toks: toks}
	n, err := p.sum()
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != tokEnd {
		return nil, p.unexpected(t)
	}
	return n, nil
}

// unexpected is the error for token t where it stands: a missing operator
// between two operands gets a hint, since multiplication is never implied.
func (p *parser) unexpected(t token) error {
	if p.pos > 0 {
		prev := p.toks[p.pos-1]
		operand := prev.kind == tokNumber || prev.kind == tokName || prev.kind == tokClose
		if operand && (t.kind == tokNumber || t.kind == tokName || t.kind == tokOpen) {
			a, b := shorten(prev.text), shorten(t.text)
			return &Error{t.col, fmt.Sprintf("missing operator between %q and %q (write %s*%s)", a, b, a, b)}
		}
	}
	switch t.kind {
	case tokEnd:
		return &Error{t.col, "the formula ends too soon"}
	case tokClose:
		return &Error{t.col, "unmatched ')'"}
	}
	return &Error{t.col, fmt.Sprintf("unexpected %q", shorten(t.text))}
}

func (p *parser) sum() (*node, error) {
	if err := p.enter(p.peek().col); err != nil {
		return nil, err
	}
	defer p.leave()
	n, err := p.product()
	if err != nil {
		return nil, err
	}
	for t := p.peek(); t.kind == tokOp && (t.text == "+" || t.text == "-"); t = p.peek() {
		p.next()
		m, err := p.product()
		if err != nil {
			return nil, err
		}
		o := opAdd
		if t.text == "-" {
			o = opSub
		}
		n = &node{op: o, args: []*node{n, m}, col: t.col}
	}
	return n, nil
}

func (p *parser) product() (*node, error) {
	n, err := p.unary()
	if err != nil {
		return nil, err
	}
	for t := p.peek(); t.kind == tokOp && (t.text == "*" || t.text == "/"); t = p.peek() {
		p.next()
		m, err := p.unary()
		if err != nil {
			return nil, err
		}
		o := opMul
		if t.text == "/" {
			o = opDiv
		}
		n = &node{op: o, args: []*node{n, m}, col: t.col}
	}
	return n, nil
}

func (p *parser) unary() (*node, error) {
	t := p.peek()
	if t.kind == tokOp && (t.text == "-" || t.text == "+") {
		if err := p.enter(t.col); err != nil {
			return nil, err
		}
		defer p.leave()
		p.next()
		n, err := p.unary()
		if err != nil || t.text == "+" {
			return n, err
		}
		return &node{op: opNeg, args: []*node{n}, col: t.col}, nil
	}
	return p.power()
}

func (p *parser) power() (*node, error) {
	n, err := p.atom()
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind == tokOp && t.text == "^" {
		if err := p.enter(t.col); err != nil {
			return nil, err
		}
		defer p.leave()
		p.next()
		m, err := p.unary()
		if err != nil {
			return nil, err
		}
		n = &node{op: opPow, args: []*node{n, m}, col: t.col}
	}
	return n, nil
}

// names are the constants and variables a formula may use.
var names = map[string]*node{
	"x":  {op: opX},
	"y":  {op: opY},
	"pi": {op: opConst, num: 3.141592653589793},
	"e":  {op: opConst, num: 2.718281828459045},
	"a":  {op: opParam, param: 0},
	"b":  {op: opParam, param: 1},
	"c":  {op: opParam, param: 2},
	"d":  {op: opParam, param: 3},
}

func (p *parser) atom() (*node, error) {
	t := p.next()
	switch t.kind {
	case tokNumber:
		return &node{op: opConst, num: t.num, col: t.col}, nil
	case tokOpen:
		n, err := p.sum()
		if err != nil {
			return nil, err
		}
		if c := p.peek(); c.kind != tokClose {
			if c.kind == tokEnd {
				return nil, &Error{t.col, "'(' is never closed"}
			}
			return nil, p.unexpected(c)
		}
		p.next()
		return n, nil
	case tokName:
		if fn, ok := functions[t.text]; ok {
			return p.call(t, fn)
		}
		if n, ok := names[t.text]; ok {
			if p.peek().kind == tokOpen {
				return nil, &Error{t.col, fmt.Sprintf("%s is not a function", shorten(t.text))}
			}
			c := *n
			c.col = t.col
			return &c, nil
		}
		lower := strings.ToLower(t.text)
		if _, fn := functions[lower]; fn || names[lower] != nil {
			return nil, &Error{t.col, fmt.Sprintf("unknown name '%s' (names are lower case: %s)", shorten(t.text), shorten(lower))}
		}
		if p.peek().kind == tokOpen {
			return nil, &Error{t.col, fmt.Sprintf("unknown function '%s'", shorten(t.text))}
		}
		return nil, &Error{t.col, fmt.Sprintf("unknown name '%s' (a formula uses x, y, pi, e and the parameters a, b, c, d)", shorten(t.text))}
	case tokEnd:
		return nil, &Error{t.col, "the formula ends too soon"}
	}
	return nil, &Error{t.col, fmt.Sprintf("unexpected %q", shorten(t.text))}
}

// function is a function a formula may call.
type function struct {
	op   op
	args int
}

var functions = map[string]function{
	"sin": {opSin, 1}, "cos": {opCos, 1}, "tan": {opTan, 1},
	"asin": {opAsin, 1}, "acos": {opAcos, 1}, "atan": {opAtan, 1},
	"sinh": {opSinh, 1}, "cosh": {opCosh, 1}, "tanh": {opTanh, 1},
	"exp": {opExp, 1}, "log": {opLog, 1}, "sqrt": {opSqrt, 1}, "abs": {opAbs, 1},
	"min": {opMin, 2}, "max": {opMax, 2},
}

// call parses the arguments of function fn named by t.
func (p *parser) call(t token, fn function) (*node, error) {
	open := p.next()
	if open.kind != tokOpen {
		return nil, &Error{t.col, fmt.Sprintf("%s needs its argument in parentheses: %s(…)", t.text, t.text)}
	}
	n := &node{op: fn.op, col: t.col}
	for {
		a, err := p.sum()
		if err != nil {
			return nil, err
		}
		n.args = append(n.args, a)
		c := p.next()
		if c.kind == tokClose {
			break
		}
		if c.kind != tokComma {
			p.pos--
			if c.kind == tokEnd {
				return nil, &Error{open.col, "'(' is never closed"}
			}
			return nil, p.unexpected(c)
		}
	}
	if len(n.args) != fn.args {
		plural := "s"
		if fn.args == 1 {
			plural = ""
		}
		return nil, &Error{t.col, fmt.Sprintf("%s takes %d argument%s, not %d", t.text, fn.args, plural, len(n.args))}
	}
	return n, nil
}
