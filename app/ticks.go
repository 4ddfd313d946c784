package app

import (
	"curvlab/render"
	"curvlab/render/geom"

	"github.com/hajimehoshi/ebiten/v2"
)

// axisTicks are the tick positions and labels of a plot's two axes,
// recomputed only when its world window, screen size or scale changes.
type axisTicks struct {
	view           geom.View // world window and screen size they are for
	u              float64   // and the size of a logical pixel
	xticks, yticks []float64
	xlabels        []string
	ylabels        []string
	labelBuf       []byte
}

// update recomputes the ticks for view v if it changed: about one per 110
// logical pixels (u device pixels each) across and one per 90 up.
func (t *axisTicks) update(v geom.View, u float64) {
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

func (t *axisTicks) labels(dst []string, ticks []float64, step float64) []string {
	for _, x := range ticks {
		t.labelBuf = geom.AppendLabel(t.labelBuf[:0], x, step)
		dst = append(dst, string(t.labelBuf))
	}
	return dst
}

// The ticks shown: those not too close to the plot's corners.
func (g *Game) xTickShown(r geom.Rect, sx float64) bool {
	u := g.lay.u
	return sx >= r.X+20*u && sx <= r.X+r.W-20*u
}

func (g *Game) yTickShown(r geom.Rect, sy float64) bool {
	u := g.lay.u
	return sy >= r.Y+14*u && sy <= r.Y+r.H-24*u
}

// drawTickMarks draws the tick marks of the axes of plot rectangle r, shown
// through v, inside its edges (the labels are tickLabels').
func (g *Game) drawTickMarks(dst *ebiten.Image, r geom.Rect, v geom.View, t *axisTicks) {
	l := &g.lay
	ink := render.Alpha(colInk, 0.85)
	for _, x := range t.xticks {
		if sx, _ := v.ToScreen(x, 0); g.xTickShown(r, sx) {
			g.paint.Line(dst, nil, sx, r.Y+r.H, sx, r.Y+r.H-5*l.u, float32(l.u), ink)
		}
	}
	for _, y := range t.yticks {
		if _, sy := v.ToScreen(0, y); g.yTickShown(r, sy) {
			g.paint.Line(dst, nil, r.X, sy, r.X+5*l.u, sy, float32(l.u), ink)
		}
	}
}

// tickLabels queues the tick labels of the axes of plot rectangle r, shown
// through v, inside its edges.
func (g *Game) tickLabels(r geom.Rect, v geom.View, t *axisTicks) {
	l := &g.lay
	ink := render.Alpha(colInk, 0.85)
	for k, x := range t.xticks {
		if sx, _ := v.ToScreen(x, 0); g.xTickShown(r, sx) {
			g.text(render.Sans, t.xlabels[k], sx, r.Y+r.H-6*l.u, l.small, ink, render.Center|render.Bottom)
		}
	}
	for k, y := range t.yticks {
		if _, sy := v.ToScreen(0, y); g.yTickShown(r, sy) {
			g.text(render.Sans, t.ylabels[k], r.X+7*l.u, sy, l.small, ink, render.Left|render.Middle)
		}
	}
}
