// Package assets holds what the programs embed: curvlab's icon, drawn by
// internal/icongen, and the CJK font the Chinese text is drawn in, cut by
// internal/fontsubset (see README.md here for their origins and terms).
package assets

import (
	"bytes"
	"embed"
	"image"
	"image/png"
	"sort"
)

//go:embed icon-*.png
var icons embed.FS

// Icons returns the icon at each size it was drawn at, smallest first, for
// a window's icon (ebiten.SetWindowIcon picks the best fit).
func Icons() ([]image.Image, error) {
	names, err := icons.ReadDir(".")
	if err != nil {
		return nil, err
	}
	var out []image.Image
	for _, e := range names {
		b, err := icons.ReadFile(e.Name())
		if err != nil {
			return nil, err
		}
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			return nil, err
		}
		out = append(out, img)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Bounds().Dx() < out[j].Bounds().Dx() })
	return out, nil
}

//go:embed NotoSansSC-subset.otf
var cjkSubset []byte

// CJKSubset returns Noto Sans CJK SC (OFL, see OFL.txt) cut down to the
// characters of the app's Chinese strings by internal/fontsubset: the
// text's fallback for runes the Go fonts lack.
func CJKSubset() []byte { return cjkSubset }
