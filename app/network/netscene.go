// Package network is the scene of a network scenario: per method a panel
// with the network's decision map over its input plane and the data, the
// training and test loss, the sharpness against each method's stability line, the
// Hessian spectra and the loss on a plane through the start. The app
// (package app) asks it through scene.Scene.
package network

import (
	"curvlab/lang"
	"image/color"
	"math"
	"slices"
	"strings"
	"time"

	"curvlab/app/scene"
	"curvlab/app/ui"
	"curvlab/render/geom"
	"curvlab/sim"
	"curvlab/sim/nn"
	"curvlab/sim/scenario"

	"github.com/hajimehoshi/ebiten/v2"
)

// Scene draws a network scenario: per method a panel with the
// network's decision map over the input plane and the data; the training
// and test loss, the sharpness against each method's stability line, the Hessian
// spectra and the loss on a plane through the start.
type Scene struct {
	c  *ui.Canvas
	st *scene.State // the state of the call in progress
	netView
	rects netRects // where the plots go
	sweep netSweep
	hint  struct {
		text string
		lang lang.Lang
	} // the status line's hint, in the language it was joined in
}

// New returns the scene drawing into c, its text queue and painters.
func New(c *ui.Canvas) *Scene { return &Scene{c: c} }

func (s *Scene) PanelCount(st *scene.State) int { return len(st.Runs) }

func (s *Scene) Update(st *scene.State, panels []ui.PanelRects, deadline time.Time) {
	s.st = st
	s.netUpdate(panels, deadline)
	if st.Flags.Sweep {
		s.sweep.update(st)
	} else {
		st.Eng.SetSweep(scenario.SweepSpec{}, false)
	}
}

func (s *Scene) Draw(dst *ebiten.Image, st *scene.State, panels []ui.PanelRects) {
	s.st = st
	s.drawNet(dst, panels)
}

// Pending: the slice is not complete, or a panel's decision map, spectrum
// or sharpness is not of its run's last row.
func (s *Scene) Pending(st *scene.State) bool {
	if s.prob != st.Scen.NetProblem() || !s.slice.complete() || st.Flags.Sweep && s.sweep.pending() {
		return true
	}
	for k, r := range st.Runs {
		row := len(r.Trace) - 1
		pc := &s.panels[k]
		if !pc.mapRow.Is(row) || !pc.specRow.Is(row) || len(st.Trackers[k].Sharpness) != len(r.Trace) {
			return true
		}
	}
	return false
}

func (s *Scene) Status(k int) (string, color.RGBA) {
	return s.panels[k].status, s.panels[k].stClr
}

func (s *Scene) Readout(k int) []string { return s.panels[k].lines[:] }

func (s *Scene) Headers(st *scene.State) bool { return true }

func (s *Scene) View(st *scene.State, r geom.Rect) geom.View {
	if p := st.Scen.NetProblem(); p != s.prob {
		s.reset(p)
	}
	return s.panelView(r)
}

// Explorable is false: the input plane keeps its window and its points
// are data, not starts.
func (s *Scene) Explorable() bool { return false }

// DataPlanes: every panel's plot is the input plane, in the panel's view.
func (s *Scene) DataPlanes(st *scene.State, panels []ui.PanelRects) []geom.View {
	vs := make([]geom.View, min(len(panels), len(st.Runs)))
	for i := range vs {
		vs[i] = s.View(st, panels[i].Plot)
	}
	return vs
}

// PointNear is the index of the point within r of (x, y), as points
// numbers them.
func (s *Scene) PointNear(st *scene.State, x, y, r float64) int {
	if st.Scen.Net == nil {
		return -1
	}
	pts := points(st)
	return scene.NearestPoint(pts.X, x, y, r)
}

// points are the network's data as points of one's own: its own, or the
// generated set's (snapped to the grid a link holds points on, its split
// kept), training points first.
func points(st *scene.State) nn.Points {
	if own := st.Scen.Net.Own; own != nil {
		return st.Scen.Net.Clone().Own.Points
	}
	var pts nn.Points
	p := st.Scen.NetProblem()
	pts.Test = []bool{}
	for k, d := range []*nn.Dataset{&p.Train, &p.Test} {
		for i := range d.Y {
			x0, x1, y := d.Point(i)
			pts.X = append(pts.X, nn.Snap(x0), nn.Snap(x1))
			pts.Y = append(pts.Y, y)
			pts.Test = append(pts.Test, k == 1)
		}
	}
	return pts
}

// DataCSV is the network's points (own or generated, as the first edit
// would make them) with their split.
func (s *Scene) DataCSV(st *scene.State) (name, text string) {
	if st.Scen.Net == nil {
		return "", ""
	}
	pts := points(st)
	return "curvlab-points.csv", pts.CSV()
}

// EditPoints edits the data: a training point of the chosen class
// (Flags.TapClass0) is added, or a point moved or deleted, on the grid a
// link holds points on. The generated data set becomes the user's own
// points on the first edit (snapped to that grid, its split kept). The
// runs restart, from the same seeded weights; what a link cannot hold is
// refused with a notice and changes nothing.
func (s *Scene) EditPoints(st *scene.State, e scene.PointEdit) {
	net := st.Scen.Net
	if net == nil {
		return
	}
	pts := points(st)
	if e.Op != scene.PointAdd && (e.I < 0 || e.I >= pts.N()) {
		return
	}
	switch e.Op {
	case scene.PointAdd:
		class := 1.0
		if st.Flags.TapClass0 {
			class = 0
		}
		pts.X = append(pts.X, nn.Snap(e.X), nn.Snap(e.Y))
		pts.Y = append(pts.Y, class)
		if pts.Test != nil {
			pts.Test = append(pts.Test, false)
		}
	case scene.PointMove:
		pts.X[2*e.I], pts.X[2*e.I+1] = nn.Snap(e.X), nn.Snap(e.Y)
	case scene.PointDelete:
		pts.X = slices.Delete(pts.X, 2*e.I, 2*e.I+2)
		pts.Y = slices.Delete(pts.Y, e.I, e.I+1)
		if pts.Test != nil {
			pts.Test = slices.Delete(pts.Test, e.I, e.I+1)
		}
	}
	edited := net.Clone()
	if err := edited.SetOwnData(pts); err != nil {
		st.Notice = "Your points: " + strings.TrimPrefix(err.Error(), "own data: ") + "."
		return
	}
	edited.Own.OwnVals = ownVals(net)
	sc := st.Scen.Clone()
	if err := sc.SetNetwork(edited); err != nil {
		st.Notice = "Your points: " + err.Error() + "."
		return
	}
	if strings.HasPrefix(st.Notice, "Your points:") {
		st.Notice = ""
	}
	st.SetScenario(sc)
}

// ownVals are the split settings of net's own data, or their defaults.
func ownVals(net *scenario.Network) []float64 {
	if net.Own != nil {
		return append([]float64(nil), net.Own.OwnVals...)
	}
	return sim.Defaults(scenario.OwnParams)
}

// LambdaMax is the sharpness measured at the start of run k.
func (s *Scene) LambdaMax(st *scene.State, k int) float64 { return st.Sharpness(k, 0) }

// IterateRows are rows of one number, the training loss: the weights are
// too many to be useful.
func (s *Scene) IterateRows(r *sim.Run) [][]float64 {
	rows := make([][]float64, len(r.Trace))
	for i := range rows {
		rows[i] = []float64{r.Trace[i].F}
	}
	return rows
}

var nan = math.NaN()
