// Package giftest reads what tests of curvlab's animated GIFs check that
// image/gif does not give: the comment extensions.
package giftest

import "testing"

// Comments reads every comment extension of a GIF, by its bytes: the
// blocks after the header and the global colour table, each extension's
// sub-blocks joined. It fails the test on bytes that are no GIF89a or
// that run on after the trailer.
func Comments(t testing.TB, b []byte) []string {
	t.Helper()
	if len(b) < 13 || string(b[:6]) != "GIF89a" {
		t.Fatalf("not a GIF89a: % x", b[:min(len(b), 13)])
	}
	i := 13
	if b[10]&0x80 != 0 {
		i += 3 << (b[10]&7 + 1)
	}
	blocks := func() []byte { // sub-blocks from i to their terminator
		var data []byte
		for b[i] != 0 {
			n := int(b[i])
			data = append(data, b[i+1:i+1+n]...)
			i += 1 + n
		}
		i++
		return data
	}
	var out []string
	for {
		switch b[i] {
		case 0x3B:
			if i != len(b)-1 {
				t.Fatalf("%d bytes after the trailer", len(b)-1-i)
			}
			return out
		case 0x21:
			label := b[i+1]
			i += 2
			if d := blocks(); label == 0xFE {
				out = append(out, string(d))
			}
		case 0x2C:
			i += 10
			if b[i-1]&0x80 != 0 {
				i += 3 << (b[i-1]&7 + 1)
			}
			i++ // LZW minimum code size
			blocks()
		default:
			t.Fatalf("byte %#x at %d is no block", b[i], i)
		}
	}
}
