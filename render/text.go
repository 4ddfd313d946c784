package render

import (
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
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
	glyphs        []text.Glyph
	drawn         bool // glyphs are laid out (on the first draw)
	width, height float64
	used          uint64
}

// The text cache: faces per (font, size), created once, and laid-out glyphs
// per (font, size, string), so that drawing the same labels every frame
// allocates nothing. Strings not drawn for a while are dropped when the
// cache grows past textCacheMax entries.
var (
	sources   [2]*opentype.Font
	faces     = map[faceKey]*text.GoXFace{}
	texts     = map[textKey]*textEntry{}
	textClock uint64
	textOp    ebiten.DrawImageOptions
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

// quantize rounds a font size to quarter pixels (and at least 1) so that
// nearby sizes share a face.
func quantize(size float64) float32 {
	if !(size >= 1) {
		size = 1
	}
	return float32(math.Round(math.Min(size, 512)*4) / 4)
}

// Face returns the cached text/v2 face of f at size device pixels (the
// em size, rounded to a quarter pixel).
func Face(f Font, size float64) *text.GoXFace {
	k := faceKey{f, quantize(size)}
	face := faces[k]
	if face == nil {
		xf, err := opentype.NewFace(source(f), &opentype.FaceOptions{Size: float64(k.size), DPI: 72, Hinting: font.HintingNone})
		if err != nil {
			panic("render: a face of the Go fonts: " + err.Error())
		}
		face = text.NewGoXFace(xf)
		faces[k] = face
	}
	return face
}

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
	face := Face(f, size)
	e := &textEntry{used: textClock}
	e.width, e.height = text.Measure(s, face, lineSpacing(face))
	texts[textKey{f, q, s}] = e
	return e
}

// laidOut returns the laid-out glyphs of e, the entry of s in f at size.
// They are made on the first draw, not when s is only measured: a glyph
// image is rasterized for each glyph and sub-pixel position, which is
// most of the cost of text the first time (measuring only adds advances).
func (e *textEntry) laidOut(f Font, size float64, s string) []text.Glyph {
	if !e.drawn {
		face := Face(f, size)
		lo := text.LayoutOptions{LineSpacing: lineSpacing(face)}
		e.glyphs = text.AppendGlyphs(nil, s, face, &lo)
		e.drawn = true
	}
	return e.glyphs
}

// PrepareText rasterizes the glyphs DrawText will need for s in f at size,
// without drawing. Drawing a frame's text after preparing all of it sends
// the new glyph images to the GPU together instead of one label at a time,
// which would split the text's draw calls.
func PrepareText(f Font, s string, size float64) {
	if s != "" {
		entry(f, size, s).laidOut(f, size, s)
	}
}

// lineSpacing is the distance between the baselines of stacked lines.
func lineSpacing(face *text.GoXFace) float64 {
	m := face.Metrics()
	return m.HAscent + m.HDescent + m.HLineGap
}

// LineHeight returns the height of a line of text at size: ascent plus
// descent, in device pixels.
func LineHeight(f Font, size float64) float64 {
	m := Face(f, size).Metrics()
	return m.HAscent + m.HDescent
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
	x0, y0 := anchor(e.width, e.height, Face(f, size).Metrics(), x, y, align)
	return Rect{X: x0, Y: y0, W: e.width, H: e.height}
}

// anchor returns the top-left corner of a w×h text block anchored at
// (x, y), rounded to whole pixels. Baseline refers to the first line.
func anchor(w, h float64, m text.Metrics, x, y float64, align Align) (float64, float64) {
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
		y -= m.HAscent
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
	if s == "" || clr.A == 0 {
		return
	}
	e := entry(f, size, s)
	x0, y0 := anchor(e.width, e.height, Face(f, size).Metrics(), x, y, align)
	textOp.ColorScale.Reset()
	textOp.ColorScale.Scale(float32(clr.R)/255, float32(clr.G)/255, float32(clr.B)/255, float32(clr.A)/255)
	textOp.Filter = ebiten.FilterNearest
	for _, g := range e.laidOut(f, size, s) {
		if g.Image == nil || discardDraws {
			continue
		}
		textOp.GeoM.Reset()
		textOp.GeoM.Translate(x0+g.X, y0+g.Y)
		dst.DrawImage(g.Image, &textOp)
	}
}
