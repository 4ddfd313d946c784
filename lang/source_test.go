package lang

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// The English formats of the notices are read from the code itself, so that
// a message added without a Chinese template fails TestEveryNoticeHasChinese.
//
// Included (directories under the module root, non-test files only):
//
//   - sim, sim/scenario, sim/formula, sim/nn, sim/surfaces, sim/explore:
//     their errors reach the status line through a link (scenario.Decode),
//     a typed formula, pasted or dropped points, a sweep or basins.
//   - engine: a worker's failure is shown as "Computing stopped: …".
//   - render/anim: the size of an animation the app records.
//   - app and its packages, wasm, cmd/curvlab: the notices they set and
//     the hosts' CopyLink/SaveFile answers.
//
// What counts as a message there:
//
//   - the format of fmt.Errorf and the argument of errors.New;
//   - the Msg of a composite literal of a type named Error (sim/formula
//     builds its errors so: &Error{col, fmt.Sprintf(…)});
//   - a string assigned to a field named Notice, passed to a noticeSink
//     (showToast, Notify, endGIF, CopyText's done), or returned by the
//     functions that hand the app a notice (noticeFuncs).
//
// A message built by concatenation becomes a format with %v for each part
// that is not a literal ("Panel " + strconv.Itoa(k+1) + " keeps …" is
// "Panel %v keeps …"), as Notice matches it; a Sprintf inside is its format.
// A package's string constant counts as its text (lockedNotice). A
// message with no literal text at all (err.Error(), a variable) is no
// format and is skipped: its words come from one of the above.
//
// Excluded: cmd/curvsim and internal/ (command-line tools and test
// harnesses, in English only, whose errors never reach the app's status
// line), and sim/la, sim/pmath, sim/export (no user-facing errors).
var sourceDirs = []string{
	"sim", "sim/scenario", "sim/formula", "sim/nn", "sim/surfaces", "sim/explore",
	"engine", "render/anim",
	"app", "app/network", "app/scene", "app/surface", "app/ui",
	"wasm", "wasm/worker", "cmd/curvlab",
}

// noticeFuncs return notices (a string result the app puts in its status
// line).
var noticeFuncs = map[string]bool{
	"Clamp": true, "FitTraining": true, "FitSweep": true, // scenario: a run shortened
	"fallBack": true,                                     // engine: the worker failed
	"SaveFile": true, "CopyLink": true, "CopyText": true, // hosts
	"Error": true, // an error type's message ("%s at column %d")
}

// noticeSinks take a notice as their argument number n (from 0).
var noticeSinks = map[string]int{"showToast": 0, "Notify": 0, "endGIF": 0, "CopyText": 1}

// sourceFormat is a message format found in the code, and where.
type sourceFormat struct {
	format string
	pos    string
}

// sourceFormats reads the formats of every message of sourceDirs.
func sourceFormats(t *testing.T) []sourceFormat {
	t.Helper()
	var out []sourceFormat
	fset := token.NewFileSet()
	for _, dir := range sourceDirs {
		files, err := filepath.Glob(filepath.Join("..", dir, "*.go"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no Go files in %s (%v)", dir, err)
		}
		var parsed []*ast.File
		consts := map[string]string{} // the package's string constants
		for _, name := range files {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			src, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			f, err := parser.ParseFile(fset, name, src, 0)
			if err != nil {
				t.Fatal(err)
			}
			parsed = append(parsed, f)
			for _, d := range f.Decls {
				if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.CONST {
					for _, spec := range g.Specs {
						v := spec.(*ast.ValueSpec)
						for i, n := range v.Names {
							if i < len(v.Values) {
								if lit, ok := v.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
									consts[n.Name], _ = strconv.Unquote(lit.Value)
								}
							}
						}
					}
				}
			}
		}
		for _, f := range parsed {
			add := func(e ast.Expr, isFormat bool) {
				if s, ok := exprFormat(e, isFormat, consts); ok {
					out = append(out, sourceFormat{s, fset.Position(e.Pos()).String()})
				}
			}
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.FuncDecl:
					if noticeFuncs[n.Name.Name] && n.Body != nil {
						ast.Inspect(n.Body, func(m ast.Node) bool {
							if _, ok := m.(*ast.FuncLit); ok {
								return false
							}
							if r, ok := m.(*ast.ReturnStmt); ok {
								for _, e := range r.Results {
									add(e, false)
								}
							}
							return true
						})
					}
				case *ast.CallExpr:
					switch name := callName(n.Fun); {
					case name == "fmt.Errorf" && len(n.Args) > 0:
						add(n.Args[0], true)
					case name == "errors.New" && len(n.Args) == 1:
						add(n.Args[0], false)
					default:
						if k, ok := noticeSinks[lastName(name)]; ok && k < len(n.Args) {
							add(n.Args[k], false)
						}
					}
				case *ast.CompositeLit:
					if lastName(typeName(n.Type)) == "Error" && len(n.Elts) == 2 {
						e := n.Elts[1]
						if kv, ok := e.(*ast.KeyValueExpr); ok {
							e = kv.Value
						}
						add(e, false)
					}
				case *ast.AssignStmt:
					for i, lhs := range n.Lhs {
						if sel, ok := lhs.(*ast.SelectorExpr); ok && sel.Sel.Name == "Notice" && i < len(n.Rhs) && len(n.Lhs) == len(n.Rhs) {
							add(n.Rhs[i], false)
						}
					}
				}
				return true
			})
		}
	}
	return out
}

// exprFormat is the format of a message expression: a string literal
// (itself when it is a format, with '%' doubled when not), a concatenation
// (its parts', with %v for a part that is not text), or a fmt.Sprintf (its
// format). ok is false when the expression has no literal text.
func exprFormat(e ast.Expr, isFormat bool, consts map[string]string) (format string, ok bool) {
	switch e := e.(type) {
	case *ast.Ident:
		if c, found := consts[e.Name]; found {
			if !isFormat {
				c = strings.ReplaceAll(c, "%", "%%")
			}
			return c, true
		}
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return "%v", false
		}
		s, err := strconv.Unquote(e.Value)
		if err != nil {
			return "%v", false
		}
		if !isFormat {
			s = strings.ReplaceAll(s, "%", "%%")
		}
		return s, true
	case *ast.ParenExpr:
		return exprFormat(e.X, isFormat, consts)
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			a, okA := exprFormat(e.X, isFormat, consts)
			b, okB := exprFormat(e.Y, isFormat, consts)
			return a + b, okA || okB
		}
	case *ast.CallExpr:
		if callName(e.Fun) == "fmt.Sprintf" && len(e.Args) > 0 {
			return exprFormat(e.Args[0], true, consts)
		}
	}
	return "%v", false
}

func callName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return callName(e.X) + "." + e.Sel.Name
	}
	return ""
}

func typeName(e ast.Expr) string {
	if e == nil {
		return ""
	}
	return callName(e)
}

func lastName(s string) string { return s[strings.LastIndex(s, ".")+1:] }

// TestEveryNoticeHasChinese requires a Chinese template for every message
// format of the code that has text to translate.
func TestEveryNoticeHasChinese(t *testing.T) {
	formats := sourceFormats(t)
	if len(formats) < 150 {
		t.Fatalf("found only %d message formats: is the scan still reading the code?", len(formats))
	}
	for _, f := range formats {
		if !hasLiteralText(f.format) {
			continue // "%s%v", "": nothing to translate
		}
		zh, ok := zhNotices[f.format]
		if !ok {
			t.Errorf("%s: no Chinese for %q", f.pos, f.format)
			continue
		}
		if _, ok := compileTemplate(f.format, zh); !ok {
			t.Errorf("%s: the template %q → %q does not compile", f.pos, f.format, zh)
		}
	}
}

// hasLiteralText reports whether format has text besides its verbs.
func hasLiteralText(format string) bool {
	var text strings.Builder
	ok := scanFormat(format, func(s string) { text.WriteString(s) }, func(byte, int) bool { return true })
	return !ok || strings.TrimSpace(text.String()) != ""
}

// TestDumpFormats lists the formats the scan finds, with where, for a
// translator: DUMP=1 go test ./lang -run DumpFormats -v.
func TestDumpFormats(t *testing.T) {
	if os.Getenv("DUMP") == "" {
		t.Skip()
	}
	seen := map[string]bool{}
	var all []string
	for _, f := range sourceFormats(t) {
		if !seen[f.format] {
			seen[f.format] = true
			all = append(all, f.format+"\t"+f.pos)
		}
	}
	sort.Strings(all)
	t.Log("\n" + strings.Join(all, "\n"))
}
