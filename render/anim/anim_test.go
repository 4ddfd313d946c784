package anim

import (
	"bytes"
	"curvlab/internal/giftest"
	"image"
	"image/color"
	"image/draw"
	"image/gif"
	"strconv"
	"strings"
	"testing"
)

func TestParseSize(t *testing.T) {
	for _, c := range []struct {
		in   string
		w, h int
		bad  string // what the error says, "" if none
	}{
		{"640x360", 640, 360, ""},
		{"1280X720", 1280, 720, ""},
		{"480×480", 480, 480, ""},
		{"16x3840", 16, 3840, ""},
		{"0x5", 0, 0, "width must be from 16"},
		{"640x15", 0, 0, "height must be from 16"},
		{"3841x100", 0, 0, "width must be from 16"},
		{"abc", 0, 0, "is not WxH"},
		{"", 0, 0, "is not WxH"},
		{"x", 0, 0, "width is not a whole number"},
		{"+640x360", 0, 0, "width is not a whole number"},
		{"640x-360", 0, 0, "height is not a whole number"},
		{"640x360x2", 0, 0, "height is not a whole number"},
		{"6.5x100", 0, 0, "width is not a whole number"},
		{"99999999999999999999x100", 0, 0, "width is not a whole number"},
	} {
		w, h, err := ParseSize(c.in)
		if c.bad == "" && (err != nil || w != c.w || h != c.h) || c.bad != "" && (err == nil || !strings.Contains(err.Error(), c.bad) || strings.Contains(err.Error(), "\n")) {
			t.Errorf("ParseSize(%q) = %d, %d, %v; want %d, %d, %q", c.in, w, h, err, c.w, c.h, c.bad)
		}
	}
}

// FuzzSize: ParseSize never panics; what it accepts is in range and reads
// back the same from its plain form; what it refuses it says in one line.
func FuzzSize(f *testing.F) {
	for _, s := range []string{"640x360", "0x5", "abc", "480×480", "x", "16X16", "-1x-1", "1e3x100"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		w, h, err := ParseSize(s)
		if err != nil {
			if w != 0 || h != 0 || strings.ContainsAny(err.Error(), "\n\r") {
				t.Fatalf("ParseSize(%q): %d, %d, %q", s, w, h, err)
			}
			return
		}
		if w < MinSide || w > MaxSide || h < MinSide || h > MaxSide {
			t.Fatalf("ParseSize(%q) = %d×%d, out of range", s, w, h)
		}
		if w2, h2, err := ParseSize(strconv.Itoa(w) + "x" + strconv.Itoa(h)); err != nil || w2 != w || h2 != h {
			t.Fatalf("ParseSize(%q) = %d×%d does not read back: %d×%d, %v", s, w, h, w2, h2, err)
		}
	})
}

// frames are test pictures like the app's: a smooth ramp (a heatmap), a
// grey bar, and a red path that grows by a segment a frame.
func frames(n, w, h int) []*image.RGBA {
	var out []*image.RGBA
	for k := range n {
		img := image.NewRGBA(image.Rect(0, 0, w, h))
		for y := range h {
			for x := range w {
				img.SetRGBA(x, y, color.RGBA{uint8(20 + 200*x/w), uint8(40 + 150*y/h), 120, 255})
			}
		}
		draw.Draw(img, image.Rect(0, 0, w, 12), image.NewUniform(color.RGBA{40, 44, 52, 255}), image.Point{}, draw.Src)
		for x := 10; x < 10+8*k && x < w; x++ {
			for y := h / 2; y < h/2+3; y++ {
				img.SetRGBA(x, y, color.RGBA{230, 80, 60, 255})
			}
		}
		out = append(out, img)
	}
	return out
}

// TestEncoder: the GIF decodes with image/gif into the frames given, at
// their size, each within the palette's rounding of the picture, loops
// forever with the delay asked, and holds the comment, over sub-blocks of
// 255 bytes, exactly once.
func TestEncoder(t *testing.T) {
	const w, h, n = 160, 90, 12
	src := frames(n, w, h)
	link := "v1;s=rosenbrock;x=-1.2,1;m=gd:lr=0.001;m=newton;m=sr1" + strings.Repeat(";g=0:gd:lr=0.002", 30)
	e := NewEncoder(w, h, Palette(src[0], src[n-1]), 7, link)
	for _, img := range src {
		if err := e.Add(img); err != nil {
			t.Fatal(err)
		}
	}
	if e.Add(image.NewRGBA(image.Rect(0, 0, w, h+1))) == nil {
		t.Error("a frame of another size was taken")
	}
	b := e.Finish()
	g, err := gif.DecodeAll(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Image) != n || g.Config.Width != w || g.Config.Height != h || g.LoopCount != 0 {
		t.Fatalf("%d frames of %d×%d, loop %d; want %d of %d×%d looping forever", len(g.Image), g.Config.Width, g.Config.Height, g.LoopCount, n, w, h)
	}
	if got := giftest.Comments(t, b); len(got) != 1 || got[0] != link {
		t.Errorf("comments %q, want the link (%d bytes)", got, len(link))
	}
	canvas := image.NewRGBA(image.Rect(0, 0, w, h))
	for k, fr := range g.Image {
		if g.Delay[k] != 7 || g.Disposal[k] != gif.DisposalNone {
			t.Errorf("frame %d: delay %d, disposal %d", k, g.Delay[k], g.Disposal[k])
		}
		draw.Draw(canvas, fr.Bounds(), fr, fr.Bounds().Min, draw.Src)
		worst := 0
		for i := range canvas.Pix {
			worst = max(worst, abs(int(canvas.Pix[i])-int(src[k].Pix[i])))
		}
		if worst > 24 {
			t.Errorf("frame %d differs from its picture by %d in a channel", k, worst)
		}
		if k > 0 && fr.Bounds().Dy() > 6 {
			t.Errorf("frame %d writes %v: more than the path's new segment", k, fr.Bounds())
		}
	}
}

func abs(x int) int { return max(x, -x) }

// TestPaletteKeepsThinLines: a colour of a few pixels (a path over a large
// surface of a thousand colours) gets a palette colour of its own, near it.
func TestPaletteKeepsThinLines(t *testing.T) {
	src := frames(20, 400, 300)
	img := src[19]
	for y := 12; y < 300; y++ {
		for x := range 400 {
			if c := img.RGBAAt(x, y); c.R != 230 {
				img.SetRGBA(x, y, color.RGBA{c.R, c.G, uint8(255 * (x + y) / 700), 255})
			}
		}
	}
	pal := Palette(img)
	if len(pal) > 256 {
		t.Fatalf("%d colours", len(pal))
	}
	c := pal[pal.Index(color.RGBA{230, 80, 60, 255})].(color.RGBA)
	if abs(int(c.R)-230)+abs(int(c.G)-80)+abs(int(c.B)-60) > 12 {
		t.Errorf("the path's red became %v", c)
	}
}
