package network

import (
	"math"
	"slices"
	"time"

	"curvlab/app/scene"
	"curvlab/render"
	"curvlab/render/geom"
	"curvlab/sim"
	"curvlab/sim/la"
	"curvlab/sim/nn"
	"curvlab/sim/scenario"
)

// The loss slice: the training loss on a plane through the start x₀ of
// weight space, L(x₀ + a·u + b·v) over a 128² grid of (a, b), with every
// method's path projected onto it, a = uᵀ(x − x₀), b = vᵀ(x − x₀). The
// orthonormal directions u, v are the top two eigenvectors of the Hessian
// at x₀ (the directions the loss curves up most steeply, where gradient
// descent at the edge of stability oscillates), or the first two principal
// components of the paths so far (the plane the paths move in most; Li,
// Xu, Taylor, Studer, Goldstein, "Visualizing the loss landscape of neural
// nets", NeurIPS 2018, §7).
//
// The grid costs 128² losses (16,384 passes over the training points:
// half a second natively, two in a browser), so it is computed a few
// milliseconds a frame, coarse to fine: 16², 32², 64², then 128² cells,
// each level reusing the samples of the coarser ones, the picture refined
// as it goes. It is recomputed only when the plane changes: another
// network, the other kind of plane, a refit of the principal components
// (when the paths have grown by half), or a path leaving the window.

type planeKind uint8

const (
	planeHessian planeKind = iota
	planePCA
)

func (k planeKind) String() string {
	if k == planePCA {
		return "principal components"
	}
	return "Hessian"
}

type netSlice struct {
	loss    *nn.MLP  // the training loss, with its own workspace
	hessian nn.Plane // the Hessian plane at the start, computed once per problem
	emin    float64  // smallest half-width of the window

	kind    planeKind // of the plane in use
	plane   nn.Plane
	fitRows int // trace rows when the principal components were fitted

	grid     geom.Grid // the window in (a, b), as drawn
	cells    nn.LossGrid
	version  int // counts plane and window changes
	heat     render.Heatmap
	scale    geom.HeatScale
	dirty    bool // the picture changed since the last upload
	uploaded time.Time
	levels   []float64
	contours geom.Contours

	// the paths projected onto the plane, for the runs runs
	runs  []*sim.Run
	paths [scenario.MaxPanels]scene.KeptPath
}

// reset prepares the slice for problem p: the Hessian plane at its start.
func (sl *netSlice) reset(p *scenario.NetProblem) {
	var err error
	if sl.loss, err = nn.NewMLP(p.Net.Arch(), &p.Train); err != nil {
		panic("app: network of a valid scenario: " + err.Error())
	}
	sl.hessian = nn.HessianPlane(sl.loss, p.Init)
	// The loss's quadratic model grows by L(x₀) at a = √(2L/λ₁) along u:
	// the window shows at least that far.
	sl.emin = 1
	if l0, lam := sl.loss.Func(p.Init), sl.hessian.Lam[0]; lam > 0 && l0 > 0 {
		sl.emin = math.Max(0.01, math.Min(10, math.Sqrt(2*l0/lam)))
	}
	sl.runs = sl.runs[:0]
	sl.heat.Smooth = true
	sl.useHessian()
}

// useHessian switches to the Hessian plane.
func (sl *netSlice) useHessian() {
	sl.kind, sl.plane, sl.fitRows = planeHessian, sl.hessian, 0
	sl.newPlane()
}

// fitPCA switches to the plane of the paths' first two principal
// components, fitted to up to 64 points of each path (evenly spaced among
// the rows its trace keeps, with its ends). It keeps the plane in use when
// the paths span no plane yet.
func (sl *netSlice) fitPCA(runs []*sim.Run, rows int) {
	var pts [][]float64
	for _, r := range runs {
		kept := r.Kept()
		m := len(kept)
		for s := 0; s < 64 && s < m; s++ {
			if x := r.X(kept[s*(m-1)/max(1, min(63, m-1))]); la.IsFinite(x) {
				pts = append(pts, x)
			}
		}
	}
	sl.fitRows = rows
	if p, ok := nn.PCAPlane(sl.hessian.Origin, pts); ok {
		sl.kind, sl.plane = planePCA, p
		sl.newPlane()
	}
}

// newPlane starts over after the plane changed: the paths are projected
// again and the window fitted to them.
func (sl *netSlice) newPlane() {
	sl.forgetPaths()
	sl.fit(0)
}

// forgetPaths drops the projections (the runs were restarted or the plane
// changed).
func (sl *netSlice) forgetPaths() {
	sl.runs = sl.runs[:0]
	for k := range sl.paths {
		sl.paths[k].Reset()
	}
}

// fit sets the window to a square around the projected paths and the
// start with a margin, at least minHalf and emin in half-width, and starts
// the grid over.
func (sl *netSlice) fit(minHalf float64) {
	a0, a1, b0, b1 := 0.0, 0.0, 0.0, 0.0
	for k := range sl.paths {
		p := sl.paths[k].Pts
		for i := 0; i+1 < len(p); i += 2 {
			if a, b := p[i], p[i+1]; !math.IsNaN(a+b) && !math.IsInf(a+b, 0) {
				a0, a1, b0, b1 = math.Min(a0, a), math.Max(a1, a), math.Min(b0, b), math.Max(b1, b)
			}
		}
	}
	ca, cb := (a0+a1)/2, (b0+b1)/2
	half := math.Max(math.Max(sl.emin, minHalf), 0.6*math.Max(a1-a0, b1-b0))
	sl.grid = geom.Grid{W: nn.SliceN, H: nn.SliceN, XMin: ca - half, XMax: ca + half, YMin: cb - half, YMax: cb + half}
	sl.cells.Reset(sl.loss, sl.plane, sl.grid.XMin, sl.grid.XMax, sl.grid.YMin, sl.grid.YMax)
	sl.version++
	sl.levels = sl.levels[:0]
	sl.contours.Compute(nil, geom.Grid{}, nil)
	sl.dirty = true
}

// project brings the projected paths up to the rows the runs' traces keep
// and reports whether a point projected now falls outside the window.
func (sl *netSlice) project(runs []*sim.Run) (outside bool) {
	if !slices.Equal(sl.runs, runs) {
		sl.forgetPaths()
		sl.runs = append(sl.runs, runs...)
	}
	g := sl.grid
	for k, r := range runs {
		path := &sl.paths[k]
		from := path.Sync(r, sl.projection)
		p := path.Pts
		for i := 2 * from; i+1 < len(p); i += 2 {
			if a, b := p[i], p[i+1]; a < g.XMin || a > g.XMax || b < g.YMin || b > g.YMax {
				outside = true
			}
		}
	}
	return outside
}

// projection returns the plane coordinates of weights x.
func (sl *netSlice) projection(x []float64) (a, b float64) { return sl.plane.Project(x) }

// complete reports whether the whole grid is computed.
func (sl *netSlice) complete() bool { return sl.cells.Complete() }

// update follows the runs of st: it refits the plane or the window when
// due, projects new rows, and computes grid cells until deadline (at least
// a few a frame).
func (sl *netSlice) update(st *scene.State, deadline time.Time) {
	rows := 0
	for _, r := range st.Runs {
		rows += len(r.Trace)
	}
	switch {
	case !st.Flags.PCA && sl.kind != planeHessian:
		sl.useHessian()
	case st.Flags.PCA && !slices.Equal(sl.runs, st.Runs) && sl.kind == planePCA:
		sl.useHessian() // restarted: no paths to fit yet
	case st.Flags.PCA && rows > sl.fitRows && (rows >= 3*sl.fitRows/2 || st.Done() && !st.Playing):
		sl.fitPCA(st.Runs, rows)
	}
	if sl.project(st.Runs) {
		half := (sl.grid.XMax - sl.grid.XMin) / 2
		if half < 100*sl.emin { // beyond that the path has run away
			sl.fit(1.25 * half)
			sl.project(st.Runs)
		}
	}
	for cells := 0; !sl.complete(); cells++ {
		if cells >= 4 && time.Now().After(deadline) {
			sl.upload(false)
			return
		}
		sl.dirty = true
		if !sl.cells.Step() {
			continue
		}
		sl.scale = geom.AutoScale(sl.cells.Disp)
		if sl.complete() {
			sl.levels = sl.scale.Levels(sl.levels[:0], 12)
			sl.contours.Compute(sl.cells.Vals, sl.grid, sl.levels)
		}
		sl.upload(true)
	}
}

// upload puts the picture into the heatmap, now or (unless now) at most a
// few times a second while a level is being computed.
func (sl *netSlice) upload(now bool) {
	if !sl.dirty || sl.cells.Level() == 0 || !now && time.Since(sl.uploaded) < 150*time.Millisecond {
		return
	}
	sl.heat.Set(sl.cells.Disp, nn.SliceN, nn.SliceN, sl.scale)
	sl.dirty, sl.uploaded = false, time.Now()
}
