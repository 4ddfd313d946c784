package render

import (
	"image"

	"github.com/hajimehoshi/ebiten/v2"
	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
)

// face is one font at one size: the x/image face that measures and
// rasterizes its glyphs, its metrics in device pixels, and caches of what
// the face computes per rune.
type face struct {
	key      faceKey
	x        font.Face          // x/image's face of the font at this size
	cjk      font.Face          // the CJK fallback (assets.CJKSubset) at this size: runes the Go fonts lack; made when first needed
	of       map[rune]font.Face // which of x and cjk draws each rune
	ascent   float64            // above the baseline
	descent  float64            // below the baseline
	spacing  float64            // between the baselines of stacked lines
	variants int                // sub-pixel positions per pixel at which glyphs are rasterized
	advances map[rune]fixed.Int26_6
	bounds   map[rune]fixed.Rectangle26_6 // each glyph's ink, relative to its origin
}

// advance returns r's advance width. Measuring a string asks for each of
// its runes; the face's answer is cached, as are the glyphs' bounds,
// which take loading the glyph's outline and are only needed to draw.
func (f *face) advance(r rune) fixed.Int26_6 {
	a, ok := f.advances[r]
	if !ok {
		a, _ = f.pick(r).GlyphAdvance(r)
		f.advances[r] = a
	}
	return a
}

func (f *face) glyphBounds(r rune) fixed.Rectangle26_6 {
	b, ok := f.bounds[r]
	if !ok {
		b, _, _ = f.pick(r).GlyphBounds(r)
		f.bounds[r] = b
	}
	return b
}

// pick returns the face that draws r: the Go font's, or the CJK
// fallback's where the Go font has no glyph for r and the fallback has
// one (the Go fonts have Latin, Greek and Cyrillic, no Han).
// The fallback's face is made the first time a rune needs it: an English
// page never parses the CJK font (it cost its first frame).
func (f *face) pick(r rune) font.Face {
	if r < 0x80 {
		return f.x
	}
	x, ok := f.of[r]
	if !ok {
		x = f.x
		if !hasGlyph(source(f.key.font), r) && hasGlyph(cjkSource(), r) {
			if f.cjk == nil {
				f.cjk = newFace(cjkSource(), float64(f.key.size))
			}
			x = f.cjk
		}
		f.of[r] = x
	}
	return x
}

// kern returns the kerning between a and b, none between runes of
// different faces.
func (f *face) kern(a, b rune) fixed.Int26_6 {
	x := f.pick(a)
	if x != f.pick(b) {
		return 0
	}
	return x.Kern(a, b)
}

// variantsFor returns how many sub-pixel positions glyphs of a face
// whose lines are h pixels high are rasterized at: small text needs finer
// positions to keep its spacing even (the same thresholds as Ebitengine's
// text/v2).
func variantsFor(h float64) int {
	switch {
	case h < 20:
		return 8
	case h < 40:
		return 4
	case h < 80:
		return 2
	}
	return 1
}

// glyph is a rasterized glyph: its rectangle in the atlas (empty when it
// has no ink, like a space) and where its top-left corner goes relative to
// the whole pixel its origin was rounded down to.
type glyph struct {
	src  image.Rectangle
	x, y int
}

type glyphKey struct {
	face faceKey
	r    rune
	sub  fixed.Int26_6 // the origin's offset into its pixel, a multiple of 1/variants
}

// atlas holds every glyph drawn so far in one image. Glyphs are
// rasterized into a copy of its pixels in memory, packed in shelves
// (rows as high as their tallest glyph), and sent to the image together by
// upload, as one band of rows: text drawn for the first time (a page's
// first frame draws hundreds of glyphs) costs one texture upload and one
// draw call instead of one of each per glyph. When the atlas is full it
// starts again, twice as large up to maxAtlas; gen counts the restarts,
// so that strings laid out before one are laid out again.
var atlas struct {
	img            *ebiten.Image
	pix            []byte // premultiplied RGBA, w×h
	size           int    // pixels on a side
	x, y, shelf    int    // where the next glyph goes: column x of the shelf at row y, shelf rows high
	dirty0, dirty1 int    // rows [dirty0, dirty1) changed since the last upload
	glyphs         map[glyphKey]glyph
	gen            int
}

const (
	minAtlas = 1024
	maxAtlas = 4096
)

// atlasGlyph returns r's glyph in f with its origin sub pixels (1/64)
// into a pixel, rasterizing it into the atlas if it is not there.
func atlasGlyph(f *face, r rune, sub fixed.Int26_6) glyph {
	k := glyphKey{f.key, r, sub}
	if g, ok := atlas.glyphs[k]; ok {
		return g
	}
	b := f.glyphBounds(r)
	// The glyph's ink, shifted by sub, lies within w×h pixels whose
	// top-left pixel is (floor(sub + b.Min.X), floor(b.Min.Y)) from the
	// origin's pixel.
	ox, oy := (sub + b.Min.X).Floor(), b.Min.Y.Floor()
	w, h := (sub+b.Max.X).Ceil()-ox, b.Max.Y.Ceil()-oy
	g := glyph{x: ox, y: oy}
	if w <= 0 || h <= 0 || b.Empty() {
		atlas.glyphs[k] = g
		return g
	}
	x, y, ok := atlasPlace(w, h)
	if !ok && !atlasEmpty() {
		atlasReset(2 * atlas.size)
		x, y, ok = atlasPlace(w, h)
	}
	if !ok { // larger than the largest atlas: not drawn
		atlas.glyphs[k] = glyph{}
		return glyph{}
	}
	// Rasterize with the glyph's origin at (x - ox + sub, y - oy) in the
	// atlas, so that its ink lands in the w×h box at (x, y).
	dot := fixed.Point26_6{X: fixed.I(x-ox) + sub, Y: fixed.I(y - oy)}
	dr, mask, mp, _, ok := f.pick(r).Glyph(dot, r)
	if ok {
		if a, isAlpha := mask.(*image.Alpha); isAlpha {
			// mask's pixel mp is the atlas's pixel dr.Min
			in := dr.Intersect(image.Rect(x, y, x+w, y+h))
			for py := in.Min.Y; py < in.Max.Y; py++ {
				src := a.Pix[a.PixOffset(mp.X+in.Min.X-dr.Min.X, mp.Y+py-dr.Min.Y):]
				row := atlas.pix[4*(py*atlas.size+in.Min.X):]
				for px := 0; px < in.Dx(); px++ {
					v := src[px]
					row[4*px], row[4*px+1], row[4*px+2], row[4*px+3] = v, v, v, v
				}
			}
		}
	}
	atlas.dirty0, atlas.dirty1 = min(atlas.dirty0, y), max(atlas.dirty1, y+h)
	g.src = image.Rect(x, y, x+w, y+h)
	atlas.glyphs[k] = g
	return g
}

// atlasPlace finds room for a w×h box in the atlas, with a pixel of
// space around it, and returns its top-left corner.
func atlasPlace(w, h int) (x, y int, ok bool) {
	if atlas.img == nil {
		atlasReset(minAtlas)
	}
	if w+2 > atlas.size || h+2 > atlas.size {
		return 0, 0, false
	}
	if atlas.x+w+1 > atlas.size { // next shelf
		atlas.x, atlas.y, atlas.shelf = 1, atlas.y+atlas.shelf+1, 0
	}
	if atlas.y+h+1 > atlas.size {
		return 0, 0, false
	}
	x, y = atlas.x, atlas.y
	atlas.x += w + 1
	atlas.shelf = max(atlas.shelf, h)
	return x, y, true
}

// atlasEmpty reports whether no glyph has been placed since the last reset.
func atlasEmpty() bool { return atlas.x == 1 && atlas.y == 1 }

// atlasReset empties the atlas and makes it size×size pixels (at most
// maxAtlas; a full atlas of that size starts again as it is).
func atlasReset(size int) {
	size = min(max(size, minAtlas), maxAtlas)
	if atlas.img == nil || atlas.size != size {
		// Not Deallocate: draw calls of this frame may still use the old
		// image; the garbage collector releases it.
		// Unmanaged: a texture of its own, not a region of Ebitengine's
		// shared atlas, which would have to grow (and be copied) for it.
		atlas.img = ebiten.NewImageWithOptions(image.Rect(0, 0, size, size), &ebiten.NewImageOptions{Unmanaged: true})
		atlas.pix = make([]byte, 4*size*size)
		atlas.size = size
	} else {
		clear(atlas.pix)
		atlas.img.Clear()
	}
	atlas.x, atlas.y, atlas.shelf = 1, 1, 0
	atlas.dirty0, atlas.dirty1 = size, 0
	atlas.glyphs = map[glyphKey]glyph{}
	atlas.gen++
}

// atlasUpload sends the rows of the atlas changed since the last upload to
// its image; a draw of glyphs rasterized since must come after it.
func atlasUpload() {
	if atlas.dirty1 <= atlas.dirty0 {
		return
	}
	y0, y1 := atlas.dirty0, atlas.dirty1
	band := atlas.img.SubImage(image.Rect(0, y0, atlas.size, y1)).(*ebiten.Image)
	band.WritePixels(atlas.pix[4*y0*atlas.size : 4*y1*atlas.size])
	atlas.dirty0, atlas.dirty1 = atlas.size, 0
}
