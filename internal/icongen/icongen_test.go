package main

import (
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

// TestCommittedIconsAreDrawnHere: each assets/icon-N.png is, pixel for
// pixel, what this program draws at N (so the files are ours and current),
// transparent in its corners and opaque in its middle.
func TestCommittedIconsAreDrawnHere(t *testing.T) {
	for _, n := range sizes {
		path := filepath.Join("..", "..", "assets", fmt.Sprintf("icon-%d.png", n))
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		got, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		want := draw(n)
		if got.Bounds() != want.Bounds() {
			t.Fatalf("%s is %v, want %v", path, got.Bounds(), want.Bounds())
		}
		for y := range n {
			for x := range n {
				if a, b := got.At(x, y), want.At(x, y); !same(a, b) {
					t.Fatalf("%s differs at (%d, %d): %v, drawn %v: run go run ./internal/icongen", path, x, y, a, b)
				}
			}
		}
		if _, _, _, a := want.At(0, 0).RGBA(); a != 0 {
			t.Errorf("size %d: the corner is not transparent", n)
		}
		if _, _, _, a := want.At(n/2, n/2).RGBA(); a != 0xffff {
			t.Errorf("size %d: the middle is not opaque", n)
		}
	}
}

func same(a, b interface{ RGBA() (r, g, bl, al uint32) }) bool {
	r1, g1, b1, a1 := a.RGBA()
	r2, g2, b2, a2 := b.RGBA()
	return r1 == r2 && g1 == g2 && b1 == b2 && a1 == a2
}
