package assets

import "testing"

// TestIcons: the embedded icons decode, square, at 32, 48 and 256 pixels,
// smallest first.
func TestIcons(t *testing.T) {
	imgs, err := Icons()
	if err != nil {
		t.Fatal(err)
	}
	var got []int
	for _, img := range imgs {
		b := img.Bounds()
		if b.Dx() != b.Dy() {
			t.Errorf("icon %v is not square", b)
		}
		got = append(got, b.Dx())
	}
	if len(got) != 3 || got[0] != 32 || got[1] != 48 || got[2] != 256 {
		t.Errorf("icon sizes %v, want [32 48 256]", got)
	}
}
