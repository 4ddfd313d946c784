// Command icongen draws curvlab's icon — a bowl's level sets, the true
// curvature's ellipse in white, a method's estimate dashed in amber and
// the path of its steps — into assets/icon-N.png at the sizes the page and
// the desktop window ask for. Run from the repository's root:
//
//	go run ./internal/icongen
//
// The pictures are computed pixel by pixel (4×4 samples a pixel), so the
// same program writes the same files everywhere.
package main

import (
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
)

// Sizes of the icon: the page's favicon (32), the desktop window's (32,
// 48) and a large one for home screens and the window's best fit (256).
var sizes = []int{32, 48, 256}

func main() {
	for _, n := range sizes {
		path := filepath.Join("assets", fmt.Sprintf("icon-%d.png", n))
		if err := write(path, draw(n)); err != nil {
			fmt.Fprintln(os.Stderr, "icongen:", err)
			os.Exit(1)
		}
	}
}

func write(path string, img image.Image) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// The picture in unit coordinates u, v ∈ [−1, 1] (v up).
var (
	background = rgb(0x15, 0x17, 0x1c)
	white      = rgb(0xf2, 0xf2, 0xf2)
	amber      = rgb(0xf5, 0xa6, 0x23)
	// bands of the bowl, dark to light (a viridis-like ramp)
	bands = []color.RGBA{rgb(0x44, 0x01, 0x54), rgb(0x3b, 0x52, 0x8b), rgb(0x21, 0x90, 0x8d), rgb(0x5d, 0xc8, 0x63), rgb(0xfd, 0xe7, 0x25)}
)

func rgb(r, g, b uint8) color.RGBA { return color.RGBA{r, g, b, 255} }

// bowl is the quadratic the icon shows: f = a·p² + b·q² in axes turned by
// 30°, centred a little left of the middle.
func bowl(u, v float64) float64 {
	s, c := math.Sincos(math.Pi / 6)
	x, y := u+0.08, v+0.02
	p, q := c*x+s*y, -s*x+c*y
	return 0.9*p*p + 3.2*q*q
}

// ellipse is the level set bowl = lvl around the centre, as a distance
// in unit coordinates (approximately, by the gradient's length).
func nearLevel(u, v, lvl, width float64) bool {
	f := bowl(u, v)
	const h = 1e-4
	gx := (bowl(u+h, v) - bowl(u-h, v)) / (2 * h)
	gy := (bowl(u, v+h) - bowl(u, v-h)) / (2 * h)
	return math.Abs(f-lvl)/math.Max(math.Hypot(gx, gy), 1e-9) < width
}

// path is the method's steps, in unit coordinates.
var path = [][2]float64{{0.78, 0.62}, {0.05, 0.42}, {-0.22, -0.12}, {-0.1, 0.02}, {-0.08, -0.02}}

// distToSegment is the distance from (u, v) to the segment a–b.
func distToSegment(u, v float64, a, b [2]float64) float64 {
	dx, dy := b[0]-a[0], b[1]-a[1]
	t := math.Max(0, math.Min(1, ((u-a[0])*dx+(v-a[1])*dy)/(dx*dx+dy*dy)))
	return math.Hypot(u-a[0]-t*dx, v-a[1]-t*dy)
}

// shade is the colour at (u, v), or false outside the icon's rounded
// square.
func shade(u, v float64) (color.RGBA, bool) {
	const r = 0.28 // the corners' radius
	cu, cv := math.Max(math.Abs(u)-(1-r), 0), math.Max(math.Abs(v)-(1-r), 0)
	if math.Hypot(cu, cv) > r {
		return color.RGBA{}, false
	}
	c := background
	if f := bowl(u, v); f < 1.25 {
		c = bands[min(len(bands)-1, int(f/1.25*float64(len(bands))))] // dark at the minimum, as the heatmap
	}
	if nearLevel(u, v, 0.32, 0.035) { // the true curvature's ellipse
		c = white
	}
	if nearLevel(u, v, 0.62, 0.035) { // the estimate, dashed
		s, co := math.Sincos(math.Pi / 6)
		x, y := u+0.08, v+0.02
		ang := math.Atan2(-s*x+co*y, co*x+s*y)
		if math.Mod(ang+4*math.Pi, math.Pi/4) < math.Pi/8 {
			c = amber
		}
	}
	for i := 0; i+1 < len(path); i++ {
		if distToSegment(u, v, path[i], path[i+1]) < 0.035 {
			c = amber
		}
	}
	if p := path[0]; math.Hypot(u-p[0], v-p[1]) < 0.09 {
		c = white
	}
	return c, true
}

// draw renders the icon at n×n pixels, 4×4 samples a pixel.
func draw(n int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, n, n))
	const k = 4
	for py := 0; py < n; py++ {
		for px := 0; px < n; px++ {
			var r, g, b, a float64
			for sy := 0; sy < k; sy++ {
				for sx := 0; sx < k; sx++ {
					u := (float64(px)+(float64(sx)+0.5)/k)/float64(n)*2 - 1
					v := 1 - (float64(py)+(float64(sy)+0.5)/k)/float64(n)*2
					if c, ok := shade(u, v); ok {
						r, g, b, a = r+float64(c.R), g+float64(c.G), b+float64(c.B), a+1
					}
				}
			}
			if a > 0 {
				img.SetNRGBA(px, py, color.NRGBA{uint8(r / a), uint8(g / a), uint8(b / a), uint8(255 * a / (k * k))})
			}
		}
	}
	return img
}
