package app

import (
	"image/color"
	"math"
	"time"

	"curvlab/app/scene"
	"curvlab/app/ui"
	"curvlab/render/geom"
	"curvlab/sim"

	"github.com/hajimehoshi/ebiten/v2"
)

// netScene draws a network scenario: per method a panel with the
// network's decision map over the input plane and the data; the training
// and test loss, the sharpness against each step size's 2/η, the Hessian
// spectra and the loss on a plane through the start.
type netScene struct {
	c  *ui.Canvas
	st *scene.State // the state of the call in progress
	netView
	rects netRects // where the plots go
}

func (s *netScene) PanelCount(st *scene.State) int { return len(st.Runs) }

func (s *netScene) Update(st *scene.State, panels []ui.PanelRects, deadline time.Time) {
	s.st = st
	s.netUpdate(panels, deadline)
}

func (s *netScene) Draw(dst *ebiten.Image, st *scene.State, panels []ui.PanelRects) {
	s.st = st
	s.drawNet(dst, panels)
}

func (s *netScene) Status(k int) (string, color.RGBA) {
	return s.panels[k].status, s.panels[k].stClr
}

func (s *netScene) Headers(st *scene.State) bool { return true }

func (s *netScene) View(st *scene.State, r geom.Rect) geom.View {
	if p := st.Scen.NetProblem(); p != s.prob {
		s.reset(p)
	}
	return s.panelView(r)
}

// Explorable is false: the input plane keeps its window and its points
// are data, not starts.
func (s *netScene) Explorable() bool { return false }

// LambdaMax is the sharpness measured at the start of run k.
func (s *netScene) LambdaMax(st *scene.State, k int) float64 { return st.Sharpness(k, 0) }

// IterateRows are rows of one number, the training loss: the weights are
// too many to be useful.
func (s *netScene) IterateRows(r *sim.Run) [][]float64 {
	rows := make([][]float64, len(r.Trace))
	for i := range rows {
		rows[i] = []float64{r.Trace[i].F}
	}
	return rows
}

var nan = math.NaN()
