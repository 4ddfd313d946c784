package lang

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"curvlab/assets"

	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
)

// TestEveryRuneHasAGlyph: every rune of every string of this package but
// the catalogs' keys (the translations of all catalogs, by what the files
// hold, and the Chinese of T's catalog, by what the map holds) is drawn: by the Go font, or
// else by the CJK subset in assets. A rune neither has is drawn as a box;
// internal/fontsubset makes the subset again.
func TestEveryRuneHasAGlyph(t *testing.T) {
	goFont, err := sfnt.Parse(goregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	cjk, err := sfnt.Parse(assets.CJKSubset())
	if err != nil {
		t.Fatal(err)
	}
	var buf sfnt.Buffer
	has := func(f *sfnt.Font, r rune) bool {
		i, err := f.GlyphIndex(&buf, r)
		return err == nil && i != 0
	}
	missing := map[rune]string{}
	check := func(s, where string) {
		for _, r := range s {
			if r >= 0x80 && !has(goFont, r) && !has(cjk, r) {
				missing[r] = where
			}
		}
	}
	for en, s := range zh {
		check(s, "zh["+strconv.Quote(en)+"]")
	}
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		keys := map[ast.Node]bool{} // a catalog's keys are English: only its values are checked
		ast.Inspect(f, func(n ast.Node) bool {
			if kv, ok := n.(*ast.KeyValueExpr); ok {
				keys[kv.Key] = true
			}
			if b, ok := n.(*ast.BasicLit); ok && b.Kind == token.STRING && !keys[b] {
				if s, err := strconv.Unquote(b.Value); err == nil {
					check(s, fset.Position(b.Pos()).String())
				}
			}
			return true
		})
	}
	for r, where := range missing {
		t.Errorf("%s: %q (U+%04X) is in neither the Go font nor assets/NotoSansSC-subset.otf (go run ./internal/fontsubset)", where, r, r)
	}
	if !has(cjk, '中') || has(cjk, '龘') {
		t.Error("the subset should have 中 (the switch's label) and not 龘 (no string uses it)")
	}
}
