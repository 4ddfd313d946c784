package app

import (
	"math"

	"curvlab/render/geom"
)

// panelRects are the parts of one panel on screen.
type panelRects struct {
	frame   geom.Rect // the whole panel
	header  geom.Rect // method name and settings button
	plot    geom.Rect // the surface with paths
	readout geom.Rect // numbers under the plot
}

// layout is where everything goes, in device pixels. It is recomputed when
// the window size, the device scale or the number of panels changes.
type layout struct {
	w, h  float64
	u     float64 // one logical pixel, scaled for the device and the window size
	font  float64 // body text size
	small float64 // tick labels, hints
	read  float64 // readout text: small, or less so that a line fits a panel
	// touch: targets are sized for a finger, at least target high.
	touch   bool
	target  float64 // the least height of a tap target: touchTarget CSS pixels on touch, else 0
	button  float64 // a toolbar button's height
	toolbar geom.Rect
	panels  []panelRects
	plot    geom.Rect // f − f* against iteration
	status  geom.Rect // the notice line
}

// readoutLines is the number of text lines under each panel.
const readoutLines = 4

// touchTarget is the least height, in CSS pixels, of anything a finger
// taps on a touch screen (Apple's guideline; Material's is 48).
const touchTarget = 44

// looksTouch reports whether a screen of w×h device pixels at scale is
// taken for a touch screen before any touch is seen: a phone (narrower
// than 600 CSS pixels) or a tablet held upright (taller than wide; desktop
// windows rarely are). Any screen is one once a touch is seen.
func looksTouch(w, h, scale float64) bool { return w/scale < 600 || h > w }

// computeLayout lays out a surface scenario's n panels on a w×h screen of
// device pixels at scale device pixels per CSS pixel; touch sizes every
// tap target for a finger.
func computeLayout(w, h, scale float64, n int, touch bool) layout {
	l := layout{w: w, h: h, touch: touch}
	// Grow text with the window so it reads on a projector, within limits.
	zoom := math.Min(w/scale/1280, h/scale/760)
	zoom = math.Max(0.8, math.Min(1.6, zoom))
	l.u = scale * zoom
	l.font = math.Round(15 * l.u)
	l.small = math.Round(12.5 * l.u)
	pad := math.Round(6 * l.u)
	line := math.Round(l.font * 1.3)

	if touch {
		l.target = touchTarget * scale
	}
	l.button = math.Max(math.Round(1.9*l.font), l.target)
	l.toolbar = geom.Rect{X: 0, Y: 0, W: w, H: math.Max(math.Round(2.9*l.font), l.button+2*math.Round(4*l.u))}
	l.status = geom.Rect{X: 0, Y: h - line - pad, W: w, H: line + pad}
	main := geom.Rect{X: pad, Y: l.toolbar.H + pad, W: w - 2*pad, H: l.status.Y - l.toolbar.H - 2*pad}

	if main.W >= 1.25*main.H { // landscape: the plot beside the panels
		pw := math.Round(math.Max(180*l.u, math.Min(0.24*main.W, 460*l.u)))
		l.plot = geom.Rect{X: main.X + main.W - pw, Y: main.Y, W: pw, H: math.Round(math.Min(main.H, pw*1.1))}
		main.W -= pw + pad
	} else { // portrait: the plot below
		ph := math.Round(math.Max(140*l.u, 0.22*main.H))
		l.plot = geom.Rect{X: main.X, Y: main.Y + main.H - ph, W: main.W, H: ph}
		main.H -= ph + pad
	}

	cols, rows := n, 1
	if n == 4 && main.W < 2.4*main.H {
		cols, rows = 2, 2
	}
	if n >= 2 && main.W < 0.9*main.H {
		cols, rows = 1, n
		if n == 4 {
			cols, rows = 2, 2
		}
	}
	l.panelGrid(main, n, cols, rows, readoutLines)
	return l
}

// panelGrid lays out n panels in a cols×rows grid filling block, each a
// header, a plot and readout text of the given number of lines.
func (l *layout) panelGrid(block geom.Rect, n, cols, rows, lines int) {
	pad := math.Round(6 * l.u)
	line := math.Round(l.font * 1.3)
	// Whole pixels: every panel's plot has the same size and lies on the
	// pixel grid, so the cached surface image (surfaceImage.layer) and the
	// paths (panelCache.trail) are copied onto it pixel for pixel.
	cw := math.Floor((block.W - float64(cols-1)*pad) / float64(cols))
	ch := math.Floor((block.H - float64(rows-1)*pad) / float64(rows))
	head := l.headerHeight()
	read := float64(lines)*line + pad
	// A readout line holds about 46 monospaced characters (0.6 em wide).
	l.read = math.Min(l.small, math.Floor(cw/(46*0.6)))
	l.panels = make([]panelRects, n)
	for i := 0; i < n; i++ {
		c, r := i%cols, i/cols
		f := geom.Rect{X: block.X + float64(c)*(cw+pad), Y: block.Y + float64(r)*(ch+pad), W: cw, H: ch}
		plotH := math.Max(0, f.H-head-read)
		l.panels[i] = panelRects{
			frame:   f,
			header:  geom.Rect{X: f.X, Y: f.Y, W: f.W, H: head},
			plot:    geom.Rect{X: f.X, Y: f.Y + head, W: f.W, H: plotH},
			readout: geom.Rect{X: f.X, Y: f.Y + head + plotH, W: f.W, H: read},
		}
	}
}

// headerHeight is the height of a panel's header, whose button (inset by
// two logical pixels) is a tap target.
func (l *layout) headerHeight() float64 {
	return math.Max(math.Round(1.9*l.font), math.Ceil(l.target+4*l.u))
}
