package sim_test

import (
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"os"
	"reflect"
	"strings"
	"testing"

	"curvlab/sim"
)

// TestMethodDocs: the doc comment of every method's type carries its
// update rule (a formula set off as a code block) and its citation (the
// first name of the MethodKind's Cite, N&W standing for Nocedal & Wright).
func TestMethodDocs(t *testing.T) {
	fset := token.NewFileSet()
	pkgs, err := parser.ParseDir(fset, ".", func(fi os.FileInfo) bool { return !strings.HasSuffix(fi.Name(), "_test.go") }, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	files := []*ast.File{}
	for _, f := range pkgs["sim"].Files {
		files = append(files, f)
	}
	p, err := doc.NewFromFiles(fset, files, "curvlab/sim")
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]string{}
	for _, typ := range p.Types {
		docs[typ.Name] = typ.Doc
	}
	for _, k := range sim.MethodKinds() {
		name := reflect.TypeOf(sim.Spec{Kind: k, Values: sim.Defaults(k.Params)}.New()).Elem().Name()
		d := docs[name]
		hasRule := false
		for _, line := range strings.Split(d, "\n") {
			if strings.HasPrefix(line, "\t") && strings.ContainsAny(line, "=←") {
				hasRule = true
			}
		}
		if !hasRule {
			t.Errorf("%s (%s): the doc comment sets off no update rule as a formula", name, k.Name)
		}
		who := strings.FieldsFunc(k.Cite, func(r rune) bool { return r == ' ' || r == ',' || r == ';' })[0]
		if !strings.Contains(d, who) && !(who == "Nocedal" && strings.Contains(d, "N&W")) {
			t.Errorf("%s (%s): the doc comment does not cite %s (%s)", name, k.Name, who, k.Cite)
		}
	}
}
