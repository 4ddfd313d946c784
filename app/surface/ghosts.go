package surface

import (
	"curvlab/lang"
	"slices"

	"curvlab/app/scene"
	"curvlab/app/ui"
	"curvlab/render"
	"curvlab/render/geom"
	"curvlab/sim"
	"curvlab/sim/scenario"

	"github.com/hajimehoshi/ebiten/v2"
)

// ghostPaths are the paths of the scenario's ghosts (scenario.Ghost): each
// pinned method's run from the start, computed here at once (a 2D run of
// a few thousand steps takes microseconds) when the scenario's surface,
// start or ghosts change, and drawn faint in its panel with its spec at
// its end.
type ghostPaths struct {
	// what the paths were computed for
	ghosts  []scenario.Ghost
	start   []float64
	surfV   int
	steps   int
	tol     float64
	version int         // counts the computations
	paths   [][]float64 // per ghost, its iterates (x₀, y₀, x₁, y₁, …)
	labels  []string
	panels  []int

	layers [scenario.MaxPanels]render.Layer[ghostKey]
}

// ghostKey is what a panel's ghost layer shows.
type ghostKey struct {
	version int // ghostPaths.version
	view    geom.View
	u       float64
}

// maxGhostSteps bounds a ghost's run.
const maxGhostSteps = 20000

// update computes the ghosts' paths again if they, the surface, the
// start, the budget or the tolerance changed.
func (gp *ghostPaths) update(st *scene.State) {
	sc := &st.Scen
	if gp.surfV == st.SurfaceVersion && gp.steps == sc.Steps && gp.tol == sc.Tol && slices.Equal(gp.start, sc.Start) &&
		slices.EqualFunc(gp.ghosts, sc.Ghosts, scenario.Ghost.Equal) {
		return
	}
	gp.surfV, gp.steps, gp.tol, gp.start = st.SurfaceVersion, sc.Steps, sc.Tol, slices.Clone(sc.Start)
	gp.ghosts = sc.Clone().Ghosts
	gp.version++
	gp.paths, gp.labels, gp.panels = gp.paths[:0], gp.labels[:0], gp.panels[:0]
	for _, g := range sc.Ghosts {
		r := sim.NewRun(sc.Surface(), g.Spec.New(), sc.Start, sim.RunOptions{Tol: sc.Tol, Budget: 64, VectorLimit: 64})
		path := append([]float64(nil), sc.Start...)
		for n := 0; n < min(sc.Steps, maxGhostSteps) && r.Step(); n++ {
			path = append(path, r.State.X[0], r.State.X[1])
		}
		gp.paths = append(gp.paths, path)
		gp.labels = append(gp.labels, lang.T("ghost")+" "+g.Spec.String())
		gp.panels = append(gp.panels, g.Panel)
	}
}

// layer returns panel i's layer of the ghosts shown (those of the runs in
// shown) in view v.
func (gp *ghostPaths) layer(s *Scene, i int, shown runsShown, v geom.View) *render.Layer[ghostKey] {
	v.Screen.X, v.Screen.Y = 0, 0
	l := &gp.layers[i]
	key := ghostKey{version: gp.version, view: v, u: s.c.M.U}
	l.Update(key, int(v.Screen.W), int(v.Screen.H), func(img *ebiten.Image) {
		p := &s.c.Paint
		p.Clip = v.Screen
		for g, path := range gp.paths {
			if shown.shows(gp.panels[g]) {
				clr := render.Alpha(ui.PanelColors[gp.panels[g]%len(ui.PanelColors)], 0.45)
				p.Polyline(img, &v, path, float32(1.6*s.c.M.U), clr)
				p.Dots(img, &v, path[len(path)-2:], 3*s.c.M.U, clr)
			}
		}
		p.Clip = geom.Rect{}
	})
	return l
}

// drawLabels queues the labels of the ghosts panel rect pr shows, at their
// ends.
func (gp *ghostPaths) drawLabels(s *Scene, pr geom.Rect, shown runsShown, v geom.View) {
	l := &s.c.M
	for g, path := range gp.paths {
		if !shown.shows(gp.panels[g]) {
			continue
		}
		x, y := v.ToScreen(path[len(path)-2], path[len(path)-1])
		if pr.Contains(x, y) {
			s.c.Text(render.Sans, gp.labels[g], x+6*l.U, y, l.Small, render.Alpha(ui.Ink, 0.8), render.Left|render.Middle)
		}
	}
}
