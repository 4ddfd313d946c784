package render

import (
	"image"
	"image/color"
	"math"
	"strings"

	"curvlab/assets"
	"github.com/hajimehoshi/ebiten/v2"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Font selects a typeface: the Go fonts, proportional or monospaced.
type Font uint8

const (
	Sans Font = iota // Go Regular
	Mono             // Go Mono
)

// Align places text relative to its anchor point: one horizontal value
// (Left, Center, Right) or'ed with one vertical value (Top, Middle, Bottom,
// Baseline). The zero value is Left|Top.
type Align uint8

const (
	Left     Align = 0
	Center   Align = 1
	Right    Align = 2
	Top      Align = 0
	Middle   Align = 4
	Bottom   Align = 8
	Baseline Align = 12
)

type faceKey struct {
	font Font
	size float32
}

type textKey struct {
	font Font
	size float32
	s    string
}

type textEntry struct {
	glyphs        []placedGlyph
	gen           int // the atlas generation glyphs were laid out in (from 1; 0: not laid out)
	width, height float64
	used          uint64
}

// placedGlyph is a glyph of a laid-out string: its rectangle in the atlas,
// drawn at (x, y) from the string's top-left corner.
type placedGlyph struct {
	src  image.Rectangle
	x, y float64
}

// The text cache: faces per (font, size), created once, and laid-out glyphs
// per (font, size, string), so that drawing the same labels every frame
// allocates nothing. Strings not drawn for a while are dropped when the
// cache grows past textCacheMax entries.
var (
	sources     [2]*opentype.Font
	faces       = map[faceKey]*face{}
	texts       = map[textKey]*textEntry{}
	textClock   uint64
	textOp      ebiten.DrawTrianglesOptions
	textVs      []ebiten.Vertex
	textEntries []*textEntry // DrawTexts's labels' entries
	textIs      []uint16
)

const textCacheMax = 2048

func source(f Font) *opentype.Font {
	if f > Mono {
		f = Sans
	}
	if sources[f] == nil {
		ttf := goregular.TTF
		if f == Mono {
			ttf = gomono.TTF
		}
		s, err := opentype.Parse(ttf)
		if err != nil {
			panic("render: parsing the Go fonts: " + err.Error())
		}
		sources[f] = s
	}
	return sources[f]
}

var (
	cjk       *opentype.Font
	cjkParsed bool
	glyphBuf  sfnt.Buffer
)

// cjkSource returns the CJK fallback font (nil if it cannot be read):
// Noto Sans CJK SC cut down to the characters the app's Chinese strings
// use (assets.CJKSubset).
func cjkSource() *opentype.Font {
	if !cjkParsed {
		cjkParsed = true
		if b := assets.CJKSubset(); len(b) > 0 {
			cjk, _ = opentype.Parse(b) // assets' test parses it
		}
	}
	return cjk
}

// hasGlyph reports whether f has a glyph for r.
func hasGlyph(f *opentype.Font, r rune) bool {
	if f == nil {
		return false
	}
	i, err := f.GlyphIndex(&glyphBuf, r)
	return err == nil && i != 0
}

// quantize rounds a font size to quarter pixels (and at least 1) so that
// nearby sizes share a face.
func quantize(size float64) float32 {
	if !(size >= 1) {
		size = 1
	}
	return float32(math.Round(math.Min(size, 512)*4) / 4)
}

// faceOf returns the cached face of f at size device pixels (the em size,
// rounded to a quarter pixel). The Go fonts are drawn unhinted; they have
// no kerning, ligatures or other substitutions, so a string's glyphs are
// its runes' glyphs one after the other.
func faceOf(f Font, size float64) *face {
	k := faceKey{f, quantize(size)}
	fc := faces[k]
	if fc == nil {
		x := newFace(source(f), float64(k.size))
		m := x.Metrics()
		fc = &face{
			key:      k,
			x:        x,
			ascent:   fixedFloat(m.Ascent),
			descent:  fixedFloat(m.Descent),
			spacing:  fixedFloat(m.Height),
			advances: map[rune]fixed.Int26_6{},
			bounds:   map[rune]fixed.Rectangle26_6{},
			of:       map[rune]font.Face{},
		}
		fc.variants = variantsFor(fc.ascent + fc.descent)
		faces[k] = fc
	}
	return fc
}

// newFace is font src at size pixels, unhinted. The fonts are embedded and
// parsed already: a size is all that could fail, and sizes are positive.
func newFace(src *opentype.Font, size float64) font.Face {
	x, err := opentype.NewFace(src, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		panic("render: a face of an embedded font: " + err.Error())
	}
	return x
}

func fixedFloat(x fixed.Int26_6) float64 { return float64(x) / 64 }

func entry(f Font, size float64, s string) *textEntry {
	q := quantize(size)
	textClock++
	if e := texts[textKey{f, q, s}]; e != nil {
		e.used = textClock
		return e
	}
	if len(texts) >= textCacheMax {
		for k, e := range texts {
			if e.used+textCacheMax/2 < textClock {
				delete(texts, k)
			}
		}
	}
	fc := faceOf(f, size)
	e := &textEntry{used: textClock}
	lines := 0
	for line := range strings.SplitSeq(s, "\n") {
		lines++
		var w fixed.Int26_6
		prev := rune(-1)
		for _, r := range line {
			if prev >= 0 {
				w += fc.kern(prev, r)
			}
			w += fc.advance(r)
			prev = r
		}
		e.width = math.Max(e.width, fixedFloat(w))
	}
	e.height = float64(lines-1)*fc.spacing + fc.ascent + fc.descent
	texts[textKey{f, q, s}] = e
	return e
}

// layOut lays out the glyphs of e, the entry of s in f at size, unless
// they are already. They are made on the first draw, not when s is only measured: a glyph
// is rasterized for each rune and sub-pixel position, which is most of
// the cost of text the first time (measuring only adds advances). Line i's
// baseline is at i line spacings plus the ascent, rounded down; each
// glyph's origin is rounded down to 1/variants of a pixel.
//
// The atlas must exist; if it starts over while s is laid out, e keeps the
// generation it began in, so that it is laid out again next time.
func (e *textEntry) layOut(f Font, size float64, s string) {
	if e.gen != atlas.gen {
		fc := faceOf(f, size)
		gen := atlas.gen
		e.glyphs = e.glyphs[:0]
		step := fixed.Int26_6(64 / fc.variants)
		i := 0
		for line := range strings.SplitSeq(s, "\n") {
			y := fixed.Int26_6(math.Floor((float64(i)*fc.spacing + fc.ascent) * 64)).Floor()
			var x fixed.Int26_6
			prev := rune(-1)
			for _, r := range line {
				if prev >= 0 {
					x += fc.kern(prev, r)
				}
				q := x / step * step
				g := atlasGlyph(fc, r, q&63)
				if !g.src.Empty() {
					e.glyphs = append(e.glyphs, placedGlyph{g.src, float64(q.Floor() + g.x), float64(y + g.y)})
				}
				x += fc.advance(r)
				prev = r
			}
			i++
		}
		e.gen = gen
	}
}

// LineHeight returns the height of a line of text at size: ascent plus
// descent, in device pixels.
func LineHeight(f Font, size float64) float64 {
	fc := faceOf(f, size)
	return fc.ascent + fc.descent
}

// TextWidth returns the advance width of s in f at size, in device pixels.
func TextWidth(f Font, s string, size float64) float64 {
	if s == "" {
		return 0
	}
	return entry(f, size, s).width
}

// TextBox returns the rectangle Text fills for these arguments: the
// advance width of the longest line by the height of the lines (ink may
// stick out a pixel or so).
func TextBox(f Font, s string, x, y, size float64, align Align) Rect {
	if s == "" {
		return Rect{X: x, Y: y}
	}
	e := entry(f, size, s)
	x0, y0 := anchor(e.width, e.height, faceOf(f, size).ascent, x, y, align)
	return Rect{X: x0, Y: y0, W: e.width, H: e.height}
}

// anchor returns the top-left corner of a w×h text block anchored at
// (x, y), rounded to whole pixels. Baseline refers to the first line.
func anchor(w, h, ascent, x, y float64, align Align) (float64, float64) {
	switch align & 3 {
	case Center:
		x -= w / 2
	case Right:
		x -= w
	}
	switch align & 12 {
	case Middle:
		y -= h / 2
	case Bottom:
		y -= h
	case Baseline:
		y -= ascent
	}
	return math.Round(x), math.Round(y)
}

// Text draws s in the proportional Go font at size device pixels with its
// anchor (x, y) placed by align. Lines ("\n") stack downwards, each
// left-aligned in the block.
func Text(dst *ebiten.Image, s string, x, y, size float64, clr color.RGBA, align Align) {
	DrawText(dst, Sans, s, x, y, size, clr, align)
}

// DrawText draws s in font f; see Text. Positions are rounded to whole
// pixels, which keeps glyphs crisp.
func DrawText(dst *ebiten.Image, f Font, s string, x, y, size float64, clr color.RGBA, align Align) {
	one[0] = Label{f, s, x, y, size, clr, align}
	DrawTexts(dst, one[:])
}

var one [1]Label

// Label is a string to draw: DrawText's arguments.
type Label struct {
	Font  Font
	S     string
	X, Y  float64
	Size  float64
	Color color.RGBA
	Align Align
}

// DrawTexts draws labels, as DrawText would one after the other, with one
// draw call: every glyph is a quad from the atlas. Their glyphs are
// rasterized first, all of them, and sent to the GPU together.
func DrawTexts(dst *ebiten.Image, labels []Label) {
	if atlas.img == nil {
		atlasReset(minAtlas)
	}
	// Lay out every label, again if the atlas started over meanwhile
	// (once more at most: then they fit, or the glyphs that don't are
	// left out).
	for try := 0; try < 2; try++ {
		gen := atlas.gen
		textEntries = textEntries[:0]
		for i := range labels {
			var e *textEntry
			if l := &labels[i]; l.S != "" && l.Color.A != 0 {
				e = entry(l.Font, l.Size, l.S)
				e.layOut(l.Font, l.Size, l.S)
			}
			textEntries = append(textEntries, e)
		}
		if atlas.gen == gen {
			break
		}
	}
	textVs, textIs = textVs[:0], textIs[:0]
	for i, e := range textEntries {
		if e == nil {
			continue
		}
		l := &labels[i]
		x0, y0 := anchor(e.width, e.height, faceOf(l.Font, l.Size).ascent, l.X, l.Y, l.Align)
		c := l.Color
		cr := [4]float32{float32(c.R) / 255, float32(c.G) / 255, float32(c.B) / 255, float32(c.A) / 255}
		for _, g := range e.glyphs {
			if len(textVs)+4 > maxTextVertices {
				drawGlyphs(dst)
			}
			k := uint16(len(textVs))
			dx, dy := float32(x0+g.x), float32(y0+g.y)
			w, h := float32(g.src.Dx()), float32(g.src.Dy())
			sx, sy := float32(g.src.Min.X), float32(g.src.Min.Y)
			textVs = append(textVs,
				glyphVertex(dx, dy, sx, sy, cr),
				glyphVertex(dx+w, dy, sx+w, sy, cr),
				glyphVertex(dx, dy+h, sx, sy+h, cr),
				glyphVertex(dx+w, dy+h, sx+w, sy+h, cr))
			textIs = append(textIs, k, k+1, k+2, k+1, k+3, k+2)
		}
	}
	drawGlyphs(dst)
}

// maxTextVertices is the most vertices one draw call takes (uint16 indices).
const maxTextVertices = 1 << 16

// drawGlyphs draws the glyph quads collected and empties the buffers.
func drawGlyphs(dst *ebiten.Image) {
	atlasUpload()
	if len(textIs) > 0 {
		textOp.ColorScaleMode = ebiten.ColorScaleModePremultipliedAlpha
		dst.DrawTriangles(textVs, textIs, atlas.img, &textOp)
	}
	textVs, textIs = textVs[:0], textIs[:0]
}

func glyphVertex(dx, dy, sx, sy float32, c [4]float32) ebiten.Vertex {
	return ebiten.Vertex{DstX: dx, DstY: dy, SrcX: sx, SrcY: sy, ColorR: c[0], ColorG: c[1], ColorB: c[2], ColorA: c[3]}
}
