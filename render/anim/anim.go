// Package anim writes animated GIFs of what the app draws: a palette made
// for the pictures (median cut), frames quantized to it and written as
// they come, a comment extension holding the scenario's link, and the
// WxH size flag's parser. It has no display: it is tested without one.
//
// The frames are written one at a time (image/gif's EncodeAll needs every
// frame in memory at once: 200 frames of 1280×720 are 184 MB, more than
// the page's heap budget), with compress/lzw, the writer image/gif uses;
// image/gif decodes what it writes (see the tests).
package anim

import (
	"bytes"
	"compress/lzw"
	"errors"
	"image"
	"image/color"
	"math"
	"slices"
	"strconv"
	"strings"
)

// The sides a GIF may have, in pixels: a size flag or choice outside is
// refused.
const (
	MinSide = 16
	MaxSide = 3840
)

// ParseSize reads a size written WxH (or W×H), each side a whole number of
// pixels from MinSide to MaxSide, e.g. "640x360". A malformed size is an
// error of one sentence saying what is wrong.
func ParseSize(s string) (w, h int, err error) {
	a, b, ok := strings.Cut(strings.ToLower(s), "x")
	if !ok {
		a, b, ok = strings.Cut(s, "×")
	}
	if !ok {
		return 0, 0, errors.New("size " + strconv.Quote(s) + " is not WxH, e.g. 640x360")
	}
	side := func(t, name string) (int, error) {
		n, err := strconv.Atoi(t)
		if err != nil || t == "" || t[0] < '0' || t[0] > '9' {
			return 0, errors.New("size " + strconv.Quote(s) + ": the " + name + " is not a whole number of pixels")
		}
		if n < MinSide || n > MaxSide {
			return 0, errors.New("size " + strconv.Quote(s) + ": the " + name + " must be from " + strconv.Itoa(MinSide) + " to " + strconv.Itoa(MaxSide) + " pixels")
		}
		return n, nil
	}
	if w, err = side(a, "width"); err != nil {
		return 0, 0, err
	}
	if h, err = side(b, "height"); err != nil {
		return 0, 0, err
	}
	return w, h, nil
}

// bucket is a colour's 5-bit-a-channel cell: 32768 of them.
func bucket(r, g, b uint8) int { return int(r>>3)<<10 | int(g>>3)<<5 | int(b>>3) }

// Palette chooses at most 256 colours for pictures like samples (median
// cut on their colours' 5-bit cells): the boxes of cells that are widest,
// weighted by the square root of their pixels, are split first, so that a
// thin line in a colour of its own (a path, a level set) keeps a colour
// beside the large areas (the heatmap, the background). Each colour is
// its box's mean.
func Palette(samples ...*image.RGBA) color.Palette {
	var count [1 << 15]uint32
	var sum [1 << 15][3]uint64
	for _, img := range samples {
		p := img.Pix
		for i := 0; i+3 < len(p); i += 4 {
			c := bucket(p[i], p[i+1], p[i+2])
			count[c]++
			sum[c][0] += uint64(p[i])
			sum[c][1] += uint64(p[i+1])
			sum[c][2] += uint64(p[i+2])
		}
	}
	var cells []int
	for c, n := range count {
		if n > 0 {
			cells = append(cells, c)
		}
	}
	if len(cells) == 0 {
		return color.Palette{color.RGBA{A: 255}}
	}
	channel := func(c, ch int) int { return c >> (10 - 5*ch) & 31 }
	type box struct {
		cells      []int
		pixels     float64
		widest, by int // the widest channel's range, and which it is
	}
	measure := func(cs []int) box {
		b := box{cells: cs}
		for ch := range 3 {
			lo, hi := 31, 0
			for _, c := range cs {
				v := channel(c, ch)
				lo, hi = min(lo, v), max(hi, v)
			}
			if hi-lo > b.widest || ch == 0 {
				b.widest, b.by = hi-lo, ch
			}
		}
		for _, c := range cs {
			b.pixels += float64(count[c])
		}
		return b
	}
	boxes := []box{measure(cells)}
	for len(boxes) < 256 {
		best, score := -1, 0.0
		for i, b := range boxes {
			if s := float64(b.widest) * math.Sqrt(b.pixels); b.widest > 0 && s > score {
				best, score = i, s
			}
		}
		if best < 0 {
			break // every box is one cell
		}
		b := boxes[best]
		slices.SortFunc(b.cells, func(x, y int) int { return channel(x, b.by) - channel(y, b.by) })
		// split at the median pixel, keeping cells of one value together
		half, seen, at := b.pixels/2, 0.0, 0
		for at < len(b.cells)-1 && seen+float64(count[b.cells[at]]) <= half {
			seen += float64(count[b.cells[at]])
			at++
		}
		at = max(at, 1)
		for at < len(b.cells) && channel(b.cells[at], b.by) == channel(b.cells[at-1], b.by) {
			at++
		}
		if at == len(b.cells) { // the median's value runs to the end: split before it
			at--
			for at > 0 && channel(b.cells[at], b.by) == channel(b.cells[at-1], b.by) {
				at--
			}
		}
		boxes[best] = measure(b.cells[:at])
		boxes = append(boxes, measure(b.cells[at:]))
	}
	pal := make(color.Palette, 0, len(boxes))
	for _, b := range boxes {
		var s [3]uint64
		for _, c := range b.cells {
			for ch := range 3 {
				s[ch] += sum[c][ch]
			}
		}
		n := uint64(b.pixels)
		pal = append(pal, color.RGBA{uint8((s[0] + n/2) / n), uint8((s[1] + n/2) / n), uint8((s[2] + n/2) / n), 255})
	}
	return pal
}

// Encoder writes an animated GIF that loops forever, frame by frame: each
// frame is quantized to the palette (the nearest colour), and only the
// rectangle where it differs from the frame before is written over it.
type Encoder struct {
	w, h   int
	pal    color.Palette
	depth  int // bits of the colour table's size
	delay  int // hundredths of a second a frame
	out    bytes.Buffer
	cur    []uint8 // this frame's palette indices, w·h
	prev   []uint8 // the frame before's
	nearer [1 << 15]uint16
	frames int
}

// NewEncoder starts a GIF of w×h pixels in the colours of pal (1 to 256
// of them), each frame shown for delay hundredths of a second, with
// comment (e.g. the link of the scenario shown) in a comment extension
// ("" for none).
func NewEncoder(w, h int, pal color.Palette, delay int, comment string) *Encoder {
	e := &Encoder{w: w, h: h, pal: pal[:min(len(pal), 256)], delay: delay, cur: make([]uint8, w*h)}
	e.depth = 1
	for 1<<e.depth < len(e.pal) {
		e.depth++
	}
	o := &e.out
	o.WriteString("GIF89a")
	put16(o, w)
	put16(o, h)
	o.Write([]byte{0x80 | 7<<4 | byte(e.depth-1), 0, 0}) // a global colour table of 2^depth colours
	for i := range 1 << e.depth {
		c := color.RGBA{}
		if i < len(e.pal) {
			c = color.RGBAModel.Convert(e.pal[i]).(color.RGBA)
		}
		o.Write([]byte{c.R, c.G, c.B})
	}
	o.Write([]byte{0x21, 0xFF, 11})
	o.WriteString("NETSCAPE2.0")
	o.Write([]byte{3, 1, 0, 0, 0}) // loop forever
	if comment != "" {
		o.Write([]byte{0x21, 0xFE})
		writeBlocks(o, []byte(comment))
	}
	return e
}

func put16(o *bytes.Buffer, v int) { o.Write([]byte{byte(v), byte(v >> 8)}) }

// writeBlocks writes data as data sub-blocks of at most 255 bytes and the
// block terminator.
func writeBlocks(o *bytes.Buffer, data []byte) {
	for len(data) > 0 {
		n := min(len(data), 255)
		o.WriteByte(byte(n))
		o.Write(data[:n])
		data = data[n:]
	}
	o.WriteByte(0)
}

// index is the palette index nearest to the colour of cell c.
func (e *Encoder) index(c int) uint8 {
	if i := e.nearer[c]; i != 0 {
		return uint8(i - 1)
	}
	r, g, b := c>>10<<3|4, c>>5&31<<3|4, c&31<<3|4
	best, bestD := 0, math.MaxInt
	for i, p := range e.pal {
		q := color.RGBAModel.Convert(p).(color.RGBA)
		dr, dg, db := r-int(q.R), g-int(q.G), b-int(q.B)
		if d := 3*dr*dr + 4*dg*dg + 2*db*db; d < bestD {
			best, bestD = i, d
		}
	}
	e.nearer[c] = uint16(best + 1)
	return uint8(best)
}

// Add appends img, which must be w×h, as the next frame.
func (e *Encoder) Add(img *image.RGBA) error {
	if img.Bounds().Dx() != e.w || img.Bounds().Dy() != e.h {
		return errors.New("a frame of " + strconv.Itoa(img.Bounds().Dx()) + "×" + strconv.Itoa(img.Bounds().Dy()) + " in a GIF of " + strconv.Itoa(e.w) + "×" + strconv.Itoa(e.h))
	}
	for y := range e.h {
		at := img.PixOffset(img.Rect.Min.X, img.Rect.Min.Y+y)
		row := img.Pix[at : at+4*e.w]
		out := e.cur[y*e.w : (y+1)*e.w]
		for x := range out {
			out[x] = e.index(bucket(row[4*x], row[4*x+1], row[4*x+2]))
		}
	}
	r := image.Rect(0, 0, e.w, e.h)
	if e.prev != nil {
		r = e.changed()
	}
	o := &e.out
	o.Write([]byte{0x21, 0xF9, 4, 1 << 2}) // graphic control: leave the frame in place
	put16(o, e.delay)
	o.Write([]byte{0, 0})
	o.WriteByte(0x2C)
	put16(o, r.Min.X)
	put16(o, r.Min.Y)
	put16(o, r.Dx())
	put16(o, r.Dy())
	o.WriteByte(0)
	lit := max(2, e.depth)
	o.WriteByte(byte(lit))
	var data bytes.Buffer
	lw := lzw.NewWriter(&data, lzw.LSB, lit)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		if _, err := lw.Write(e.cur[y*e.w+r.Min.X : y*e.w+r.Max.X]); err != nil {
			return err
		}
	}
	if err := lw.Close(); err != nil {
		return err
	}
	writeBlocks(o, data.Bytes())
	e.prev, e.cur = e.cur, e.prev
	if e.cur == nil {
		e.cur = make([]uint8, e.w*e.h)
	}
	e.frames++
	return nil
}

// changed is the smallest rectangle holding every pixel of the current
// frame that differs from the frame before: a pixel at the corner when
// none does (a frame has at least one).
func (e *Encoder) changed() image.Rectangle {
	x0, y0, x1, y1 := e.w, e.h, 0, 0
	for y := range e.h {
		a, b := e.cur[y*e.w:(y+1)*e.w], e.prev[y*e.w:(y+1)*e.w]
		if bytes.Equal(a, b) {
			continue
		}
		y0, y1 = min(y0, y), y+1
		for x := range a {
			if a[x] != b[x] {
				x0 = min(x0, x)
				break
			}
		}
		for x := len(a) - 1; x >= 0; x-- {
			if a[x] != b[x] {
				x1 = max(x1, x+1)
				break
			}
		}
	}
	if y1 == 0 {
		return image.Rect(0, 0, 1, 1)
	}
	return image.Rect(x0, y0, x1, y1)
}

// Frames is the number of frames added.
func (e *Encoder) Frames() int { return e.frames }

// Finish ends the GIF and returns it; the encoder is done with.
func (e *Encoder) Finish() []byte {
	e.out.WriteByte(0x3B)
	return e.out.Bytes()
}
