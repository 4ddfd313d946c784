package lang

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// literalKeys returns the string literals the repository's Go code (tests
// left out) passes to lang.T and lang.F, by where they are.
func literalKeys(t *testing.T) map[string]string {
	t.Helper()
	keys := map[string]string{}
	fset := token.NewFileSet()
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if n := d.Name(); path != ".." && (strings.HasPrefix(n, ".") || n == "dist" || n == "node_modules" || n == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil || !strings.Contains(string(src), "lang.") {
			return err
		}
		f, err := parser.ParseFile(fset, path, src, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if pkg, ok := sel.X.(*ast.Ident); !ok || pkg.Name != "lang" || sel.Sel.Name != "T" && sel.Sel.Name != "F" {
				return true
			}
			if lit, ok := call.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil {
					keys[s] = fset.Position(lit.Pos()).String()
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return keys
}

// TestEveryLiteralIsTranslated: every string literal the code passes to
// T or F has its Chinese, and an F format keeps its verbs, in order.
func TestEveryLiteralIsTranslated(t *testing.T) {
	keys := literalKeys(t)
	if len(keys) < 100 {
		t.Fatalf("only %d literals passed to lang.T and lang.F: is the scan broken?", len(keys))
	}
	for k, where := range keys {
		zhs, ok := zh[k]
		switch {
		case !ok:
			t.Errorf("%s: %q has no Chinese", where, k)
		case strings.TrimSpace(zhs) == "":
			t.Errorf("%s: %q has an empty Chinese", where, k)
		case !slicesEqual(verbs(k), verbs(zhs)):
			t.Errorf("%s: %q and %q have different verbs", where, k, zhs)
		}
	}
}

// verbs lists the fmt verbs of a format.
func verbs(s string) []string {
	var out []string
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+1 < len(s) {
			out = append(out, s[i:i+2])
			i++
		}
	}
	return out
}

func slicesEqual(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestMissingIsEnglish: T gives the English for a string the catalog
// lacks, and the translation for one it has, only in Chinese.
func TestMissingIsEnglish(t *testing.T) {
	defer Use(Current())
	Use(Chinese)
	if got := T("no such string, surely"); got != "no such string, surely" {
		t.Errorf("T of a missing string = %q", got)
	}
	if got := T("Play"); got == "Play" {
		t.Errorf("T(Play) in Chinese is English")
	}
	Use(English)
	if got := T("Play"); got != "Play" {
		t.Errorf("T(Play) in English = %q", got)
	}
}
