package ui

import (
	"math"

	"curvlab/render/geom"
)

// Metrics are the sizes everything on screen is drawn at, in device
// pixels. They change with the window size and the device scale.
type Metrics struct {
	W, H  float64 // the screen
	Scale float64 // device pixels per CSS pixel
	U     float64 // one logical pixel, scaled for the device and the window size
	Font  float64 // body text size
	Small float64 // tick labels, hints
	Read  float64 // readout text: Small, or less so that a line fits a panel (PanelGrid sets it)
	// Touch: targets are sized for a finger, at least Target high.
	Touch  bool
	Target float64 // the least height of a tap target: TouchTarget CSS pixels on touch, else 0
	Button float64 // a toolbar button's height
	Hide   Hidden  // the parts a link hid (an embedded figure): they take no room
}

// Hidden are the parts of the screen a link hid (scene.Flags): Split gives
// a hidden toolbar no height, PanelGrid hidden readouts none, and a scene
// gives hidden plots no room.
type Hidden struct{ Toolbar, Plots, Readouts bool }

// TouchTarget is the least height, in CSS pixels, of anything a finger
// taps on a touch screen (Apple's guideline; Material's is 48).
const TouchTarget = 44

// LooksTouch reports whether a screen of w×h device pixels at scale is
// taken for a touch screen before any touch is seen: a phone (narrower
// than 600 CSS pixels) or a tablet held upright (taller than wide; desktop
// windows rarely are). Any screen is one once a touch is seen.
func LooksTouch(w, h, scale float64) bool { return w/scale < 600 || h > w }

// NewMetrics returns the sizes for a w×h screen of device pixels at scale
// device pixels per CSS pixel; touch sizes every tap target for a finger.
// Text grows with the window so it reads on a projector, within limits.
func NewMetrics(w, h, scale float64, touch bool) Metrics {
	m := Metrics{W: w, H: h, Scale: scale, Touch: touch}
	zoom := math.Min(w/scale/1280, h/scale/760)
	zoom = math.Max(0.8, math.Min(1.6, zoom))
	m.U = scale * zoom
	m.Font = math.Round(15 * m.U)
	m.Small = math.Round(12.5 * m.U)
	m.Read = m.Small
	if touch {
		m.Target = TouchTarget * scale
	}
	m.Button = math.Max(math.Round(1.9*m.Font), m.Target)
	return m
}

// Pad is the space between blocks.
func (m *Metrics) Pad() float64 { return math.Round(6 * m.U) }

// Line is the height of a line of body text.
func (m *Metrics) Line() float64 { return math.Round(m.Font * 1.3) }

// HeaderHeight is the height of a panel's header, whose button (inset by
// two logical pixels) is a tap target.
func (m *Metrics) HeaderHeight() float64 {
	return math.Max(math.Round(1.9*m.Font), math.Ceil(m.Target+4*m.U))
}

// PanelRects are the parts of one panel on screen.
type PanelRects struct {
	Frame   geom.Rect // the whole panel
	Header  geom.Rect // method name and settings button
	Plot    geom.Rect // the surface or input plane
	Readout geom.Rect // numbers under the plot
}

// PanelGrid lays out n panels in a cols×rows grid filling block, each a
// header, a plot and readout text of the given number of lines, and sets
// m.Read so that a readout line fits a panel.
func PanelGrid(m *Metrics, block geom.Rect, n, cols, rows, lines int) []PanelRects {
	pad := m.Pad()
	// Whole pixels: every panel's plot has the same size and lies on the
	// pixel grid, so cached layers are copied onto it pixel for pixel.
	cw := math.Floor((block.W - float64(cols-1)*pad) / float64(cols))
	ch := math.Floor((block.H - float64(rows-1)*pad) / float64(rows))
	head := m.HeaderHeight()
	read := float64(lines)*m.Line() + pad
	if m.Hide.Readouts {
		read = 0
	}
	// A readout line holds about 46 monospaced characters (0.6 em wide).
	m.Read = math.Min(m.Small, math.Floor(cw/(46*0.6)))
	panels := make([]PanelRects, n)
	for i := 0; i < n; i++ {
		c, r := i%cols, i/cols
		f := geom.Rect{X: block.X + float64(c)*(cw+pad), Y: block.Y + float64(r)*(ch+pad), W: cw, H: ch}
		plotH := math.Max(0, f.H-head-read)
		panels[i] = PanelRects{
			Frame:   f,
			Header:  geom.Rect{X: f.X, Y: f.Y, W: f.W, H: head},
			Plot:    geom.Rect{X: f.X, Y: f.Y + head, W: f.W, H: plotH},
			Readout: geom.Rect{X: f.X, Y: f.Y + head + plotH, W: f.W, H: read},
		}
	}
	return panels
}

// Whole rounds r's edges to whole pixels.
func Whole(r geom.Rect) geom.Rect {
	x0, y0, x1, y1 := math.Round(r.X), math.Round(r.Y), math.Round(r.X+r.W), math.Round(r.Y+r.H)
	return geom.Rect{X: x0, Y: y0, W: x1 - x0, H: y1 - y0}
}

// Overlaps reports whether a and b share an area.
func Overlaps(a, b geom.Rect) bool {
	return a.X < b.X+b.W && b.X < a.X+a.W && a.Y < b.Y+b.H && b.Y < a.Y+a.H
}

// Screen is where a screen's parts go, in device pixels: the toolbar at
// the top, the status line at the bottom, and between them the scene's
// area, which the scene divides into its panels and plots.
type Screen struct {
	Toolbar, Status, Main geom.Rect
}

// Split lays out the toolbar and the status line of a screen of metrics m.
func Split(m *Metrics) Screen {
	pad := m.Pad()
	line := m.Line()
	var s Screen
	s.Toolbar = geom.Rect{X: 0, Y: 0, W: m.W, H: math.Max(math.Round(2.9*m.Font), m.Button+2*math.Round(4*m.U))}
	if m.Hide.Toolbar {
		s.Toolbar.H = 0
	}
	s.Status = geom.Rect{X: 0, Y: m.H - line - pad, W: m.W, H: line + pad}
	s.Main = geom.Rect{X: pad, Y: s.Toolbar.H + pad, W: m.W - 2*pad, H: s.Status.Y - s.Toolbar.H - 2*pad}
	return s
}
