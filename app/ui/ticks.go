package ui

import (
	"curvlab/render"
	"curvlab/render/geom"

	"github.com/hajimehoshi/ebiten/v2"
)

// AxisTicks are the tick positions and labels of a plot's two axes,
// recomputed only when its world window, screen size or scale changes.
type AxisTicks struct {
	view           geom.View // world window and screen size they are for
	u              float64   // and the size of a logical pixel
	xticks, yticks []float64
	xlabels        []string
	ylabels        []string
	labelBuf       []byte
}

// Update recomputes the ticks for view v if it changed: about one per 110
// logical pixels (u device pixels each) across and one per 90 up.
func (t *AxisTicks) Update(v geom.View, u float64) {
	v.Screen.X, v.Screen.Y = 0, 0
	if v == t.view && u == t.u && t.xlabels != nil {
		return
	}
	t.view, t.u = v, u
	var step float64
	t.xticks, step = geom.Ticks(t.xticks[:0], v.XMin, v.XMax, int(v.Screen.W/(110*u))+2)
	t.xlabels = t.labels(t.xlabels[:0], t.xticks, step)
	t.yticks, step = geom.Ticks(t.yticks[:0], v.YMin, v.YMax, int(v.Screen.H/(90*u))+2)
	t.ylabels = t.labels(t.ylabels[:0], t.yticks, step)
}

func (t *AxisTicks) labels(dst []string, ticks []float64, step float64) []string {
	for _, x := range ticks {
		t.labelBuf = geom.AppendLabel(t.labelBuf[:0], x, step)
		dst = append(dst, string(t.labelBuf))
	}
	return dst
}

// The ticks shown: those not too close to the plot's corners.
func xTickShown(r geom.Rect, sx, u float64) bool {
	return sx >= r.X+20*u && sx <= r.X+r.W-20*u
}

func yTickShown(r geom.Rect, sy, u float64) bool {
	return sy >= r.Y+14*u && sy <= r.Y+r.H-24*u
}

// Marks draws the tick marks of the axes of plot rectangle r, shown
// through v, inside its edges (the labels are Labels').
func (t *AxisTicks) Marks(c *Canvas, dst *ebiten.Image, r geom.Rect, v geom.View) {
	u := c.M.U
	ink := render.Alpha(Ink, 0.85)
	for _, x := range t.xticks {
		if sx, _ := v.ToScreen(x, 0); xTickShown(r, sx, u) {
			c.Paint.Line(dst, nil, sx, r.Y+r.H, sx, r.Y+r.H-5*u, float32(u), ink)
		}
	}
	for _, y := range t.yticks {
		if _, sy := v.ToScreen(0, y); yTickShown(r, sy, u) {
			c.Paint.Line(dst, nil, r.X, sy, r.X+5*u, sy, float32(u), ink)
		}
	}
}

// Labels queues the tick labels of the axes of plot rectangle r, shown
// through v, inside its edges.
func (t *AxisTicks) Labels(c *Canvas, r geom.Rect, v geom.View) {
	u := c.M.U
	ink := render.Alpha(Ink, 0.85)
	for k, x := range t.xticks {
		if sx, _ := v.ToScreen(x, 0); xTickShown(r, sx, u) {
			c.Text(render.Sans, t.xlabels[k], sx, r.Y+r.H-6*u, c.M.Small, ink, render.Center|render.Bottom)
		}
	}
	for k, y := range t.yticks {
		if _, sy := v.ToScreen(0, y); yTickShown(r, sy, u) {
			c.Text(render.Sans, t.ylabels[k], r.X+7*u, sy, c.M.Small, ink, render.Left|render.Middle)
		}
	}
}
