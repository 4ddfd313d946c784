// Command fontsubset cuts Noto Sans CJK SC down to the characters curvlab's
// Chinese strings use and writes it to assets/NotoSansSC-subset.otf, with
// the font's licence beside it (assets/OFL.txt). Run from the repository's
// root after changing a Chinese string:
//
//	go run ./internal/fontsubset
//
// It needs Debian's fonts-noto-cjk (the source font,
// /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc, face SC) and
// python3-fonttools (pyftsubset); CI does not run it, the subset is
// committed. The characters are every rune of every string literal in
// package lang (all its catalogs) that the Go fonts lack.
package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
)

const (
	source  = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
	face    = 2 // the collection's Noto Sans CJK SC
	licence = "/usr/share/doc/fonts-noto-cjk/copyright"
	out     = "assets/NotoSansSC-subset.otf"
)

func main() {
	log.SetFlags(0)
	rs, err := Runes("lang")
	if err != nil {
		log.Fatal(err)
	}
	var need []rune
	for _, r := range rs {
		if !inGoFonts(r) {
			need = append(need, r)
		}
	}
	text, err := os.CreateTemp("", "curvlab-runes-*.txt")
	if err != nil {
		log.Fatal(err)
	}
	defer os.Remove(text.Name())
	text.WriteString(string(need))
	text.Close()
	py := "/usr/bin/python3" // Debian's, which has python3-fonttools
	cmd := exec.Command(py, "-m", "fontTools.subset", source, "--font-number="+strconv.Itoa(face),
		"--text-file="+text.Name(), "--output-file="+out, "--layout-features=", "--no-hinting",
		"--desubroutinize", "--name-IDs=*", "--name-languages=*", "--notdef-outline")
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		log.Fatalf("pyftsubset (Debian: apt-get install fonts-noto-cjk python3-fonttools): %v", err)
	}
	if err := writeLicence(); err != nil {
		log.Fatal(err)
	}
	st, _ := os.Stat(out)
	fmt.Printf("%s: %d characters, %d bytes\n", out, len(need), st.Size())
}

// Runes returns every non-ASCII rune of the string literals of the Go
// files (tests left out) in dir, sorted.
func Runes(dir string) ([]rune, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	seen := map[rune]bool{}
	fs := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fs, name, nil, 0)
		if err != nil {
			return nil, err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if b, ok := n.(*ast.BasicLit); ok && b.Kind == token.STRING {
				s, err := strconv.Unquote(b.Value)
				if err == nil {
					for _, r := range s {
						if r >= 0x80 {
							seen[r] = true
						}
					}
				}
			}
			return true
		})
	}
	var out []rune
	for r := range seen {
		out = append(out, r)
	}
	slices.Sort(out)
	return out, nil
}

var goFonts []*sfnt.Font

// inGoFonts reports whether both Go fonts (Regular and Mono) have r.
func inGoFonts(r rune) bool {
	if goFonts == nil {
		for _, ttf := range [][]byte{goregular.TTF, gomono.TTF} {
			f, err := sfnt.Parse(ttf)
			if err != nil {
				log.Fatal(err)
			}
			goFonts = append(goFonts, f)
		}
	}
	var buf sfnt.Buffer
	for _, f := range goFonts {
		if i, err := f.GlyphIndex(&buf, r); err != nil || i == 0 {
			return false
		}
	}
	return true
}

// writeLicence copies the SIL Open Font License from the Debian package's
// copyright file into assets/OFL.txt.
func writeLicence() error {
	b, err := os.ReadFile(licence)
	if err != nil {
		return err
	}
	_, text, ok := strings.Cut(string(b), "\nLicense: SIL-1.1\n")
	for ok && !strings.HasPrefix(text, " ---") { // the first is the Files: stanza's line
		_, text, ok = strings.Cut(text, "\nLicense: SIL-1.1\n")
	}
	if !ok {
		return fmt.Errorf("%s: no SIL-1.1 licence text", licence)
	}
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		if !strings.HasPrefix(l, " ") {
			break // the next stanza
		}
		l = strings.TrimPrefix(l, " ")
		if l == "." {
			l = ""
		}
		lines = append(lines, l)
	}
	head := "Noto Sans CJK SC (assets/NotoSansSC-subset.otf is a subset of it, made by internal/fontsubset)\n" +
		"The font's name table: © 2014-2021 Adobe (http://www.adobe.com/). Noto is a trademark of Google Inc.\n" +
		"Debian's fonts-noto-cjk (copyright file): Copyright 2010-2012, Google Corporation. License: SIL-1.1\n\n"
	return os.WriteFile("assets/OFL.txt", []byte(head+strings.Join(lines, "\n")+"\n"), 0o644)
}
