package app

import (
	"math"
	"slices"
	"time"

	"curvlab/render"
	"curvlab/render/geom"
	"curvlab/sim"
	"curvlab/sim/la"
	"curvlab/sim/nn"
	"curvlab/sim/scenario"
)

// The loss slice: the training loss on a plane through the start x₀ of
// weight space, L(x₀ + a·u + b·v) over a sliceN² grid of (a, b), with every
// method's path projected onto it, a = uᵀ(x − x₀), b = vᵀ(x − x₀). The
// orthonormal directions u, v are the top two eigenvectors of the Hessian
// at x₀ (the directions the loss curves up most steeply, where gradient
// descent at the edge of stability oscillates), or the first two principal
// components of the paths so far (the plane the paths move in most; Li,
// Xu, Taylor, Studer, Goldstein, "Visualizing the loss landscape of neural
// nets", NeurIPS 2018, §7).
//
// The grid costs sliceN² losses (16,384 passes over the training points:
// half a second natively, two in a browser), so it is computed a few
// milliseconds a frame, coarse to fine: 16², 32², 64², then 128² cells,
// each level reusing the samples of the coarser ones, the picture refined
// as it goes. It is recomputed only when the plane changes: another
// network, the other kind of plane, a refit of the principal components
// (when the paths have grown by half), or a path leaving the window.

const sliceN = 128

// sliceSteps are the block sizes of the levels (16², 32², 64², 128²) and
// sliceOffsets the cell of a block sampled for it, chosen so that each
// level's samples are among the next one's and near their blocks' centres.
var (
	sliceSteps   = [...]int{8, 4, 2, 1}
	sliceOffsets = [...]int{3, 3, 1, 0}
)

type planeKind uint8

const (
	planeHessian planeKind = iota
	planePCA
)

type netSlice struct {
	loss   *nn.MLP   // the training loss, with its own workspace
	origin []float64 // x₀
	x      []float64 // scratch: a point of the plane
	// the Hessian plane, computed once per problem, and its eigenvalues
	hessU, hessV []float64
	hessLam      [2]float64
	emin         float64 // smallest half-width of the window

	kind    planeKind  // of the plane in use
	u, v    []float64  // its directions
	lam     [2]float64 // eigenvalues (Hessian) or variances (PCA) along u, v
	fitRows int        // trace rows when the principal components were fitted

	grid       geom.Grid // the window in (a, b)
	vals, disp []float64 // computed losses (NaN: not yet) and the picture
	done       []bool
	level      int // index into sliceSteps; len(sliceSteps) when complete
	next       int // next block of the level
	version    int // counts plane and window changes
	heat       render.Heatmap
	scale      geom.HeatScale
	dirty      bool // disp changed since the last upload
	uploaded   time.Time
	levels     []float64
	contours   geom.Contours

	// the paths projected onto the plane, for the runs runs
	runs  []*sim.Run
	paths [scenario.MaxPanels]keptPath
}

// reset prepares the slice for problem p: the Hessian plane at its start.
func (sl *netSlice) reset(p *scenario.NetProblem) {
	var err error
	if sl.loss, err = nn.NewMLP(p.Net.Arch(), &p.Train); err != nil {
		panic("app: network of a valid scenario: " + err.Error())
	}
	n := sl.loss.Dim()
	sl.origin = append(sl.origin[:0], p.Init...)
	sl.x = make([]float64, n)
	h := make([]float64, n*n)
	sl.loss.Hess(h, sl.origin)
	sl.hessU, sl.hessV, sl.hessLam = topTwo(h, n)
	// The loss's quadratic model grows by L(x₀) at a = √(2L/λ₁) along u:
	// the window shows at least that far.
	sl.emin = 1
	if l0 := sl.loss.Func(sl.origin); sl.hessLam[0] > 0 && l0 > 0 {
		sl.emin = math.Max(0.01, math.Min(10, math.Sqrt(2*l0/sl.hessLam[0])))
	}
	if sl.vals == nil {
		sl.vals = make([]float64, sliceN*sliceN)
		sl.disp = make([]float64, sliceN*sliceN)
		sl.done = make([]bool, sliceN*sliceN)
	}
	sl.runs = sl.runs[:0]
	sl.heat.Smooth = true
	sl.useHessian()
}

// topTwo returns the unit eigenvectors of the two largest eigenvalues of
// the symmetric n×n matrix a, and the eigenvalues. It uses la.EigSym
// rather than gonum, which would add about half a megabyte to the
// browser's download for this one call.
func topTwo(a []float64, n int) (u, v []float64, lam [2]float64) {
	u, v = make([]float64, n), make([]float64, n)
	if n < 2 {
		u[0] = 1
		return u, v, lam
	}
	vals, vecs, work := make([]float64, n), make([]float64, n*n), make([]float64, la.EigSymWork(n))
	la.EigSym(vals, vecs, a, work, n)
	for i := 0; i < n; i++ { // eigenvectors are the columns of vecs
		u[i] = vecs[i*n+n-1]
		v[i] = vecs[i*n+n-2]
	}
	return u, v, [2]float64{vals[n-1], vals[n-2]}
}

// useHessian switches to the Hessian plane.
func (sl *netSlice) useHessian() {
	sl.kind, sl.u, sl.v, sl.lam, sl.fitRows = planeHessian, sl.hessU, sl.hessV, sl.hessLam, 0
	sl.newPlane()
}

// fitPCA switches to the plane of the paths' first two principal
// components: the top eigenvectors of the covariance of up to 64 points of
// each path (evenly spaced among the rows its trace keeps, with its ends).
// It keeps the Hessian plane when the paths span no plane yet.
func (sl *netSlice) fitPCA(runs []*sim.Run, rows int) {
	n := len(sl.origin)
	var pts [][]float64
	for _, r := range runs {
		kept := r.Kept()
		m := len(kept)
		for s := 0; s < 64 && s < m; s++ {
			if x := r.X(kept[s*(m-1)/max(1, min(63, m-1))]); isFiniteVec(x) {
				pts = append(pts, x)
			}
		}
	}
	if len(pts) < 3 {
		return
	}
	mean := make([]float64, n)
	for _, x := range pts {
		for i := range mean {
			mean[i] += x[i] / float64(len(pts))
		}
	}
	cov := make([]float64, n*n)
	d := make([]float64, n)
	for _, x := range pts {
		for i := range d {
			d[i] = x[i] - mean[i]
		}
		for i := range d {
			row := cov[i*n : (i+1)*n]
			for j := 0; j <= i; j++ {
				row[j] += d[i] * d[j]
			}
		}
	}
	for i := 0; i < n; i++ {
		for j := 0; j < i; j++ {
			cov[j*n+i] = cov[i*n+j]
		}
	}
	u, v, lam := topTwo(cov, n)
	sl.fitRows = rows
	if !(lam[1] > 1e-12*lam[0]) { // the paths are a line or a point
		return
	}
	sl.kind, sl.u, sl.v = planePCA, u, v
	sl.lam = [2]float64{lam[0] / float64(len(pts)), lam[1] / float64(len(pts))}
	sl.newPlane()
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
		sl.paths[k].reset()
	}
}

// fit sets the window to a square around the projected paths and the
// start with a margin, at least minHalf and emin in half-width, and starts
// the grid over.
func (sl *netSlice) fit(minHalf float64) {
	a0, a1, b0, b1 := 0.0, 0.0, 0.0, 0.0
	for k := range sl.paths {
		p := sl.paths[k].pts
		for i := 0; i+1 < len(p); i += 2 {
			if a, b := p[i], p[i+1]; !math.IsNaN(a+b) && !math.IsInf(a+b, 0) {
				a0, a1, b0, b1 = math.Min(a0, a), math.Max(a1, a), math.Min(b0, b), math.Max(b1, b)
			}
		}
	}
	ca, cb := (a0+a1)/2, (b0+b1)/2
	half := math.Max(math.Max(sl.emin, minHalf), 0.6*math.Max(a1-a0, b1-b0))
	sl.grid = geom.Grid{W: sliceN, H: sliceN, XMin: ca - half, XMax: ca + half, YMin: cb - half, YMax: cb + half}
	for i := range sl.vals {
		sl.vals[i], sl.disp[i], sl.done[i] = nan, nan, false
	}
	sl.level, sl.next, sl.version = 0, 0, sl.version+1
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
		from := path.sync(r, sl.projection)
		p := path.pts
		for i := 2 * from; i+1 < len(p); i += 2 {
			if a, b := p[i], p[i+1]; a < g.XMin || a > g.XMax || b < g.YMin || b > g.YMax {
				outside = true
			}
		}
	}
	return outside
}

// projection returns the plane coordinates of weights x.
func (sl *netSlice) projection(x []float64) (a, b float64) {
	for i, xi := range x {
		d := xi - sl.origin[i]
		a += sl.u[i] * d
		b += sl.v[i] * d
	}
	return a, b
}

// at returns the point of weight space at plane coordinates (a, b) in sl.x.
func (sl *netSlice) at(a, b float64) []float64 {
	for i := range sl.x {
		sl.x[i] = sl.origin[i] + a*sl.u[i] + b*sl.v[i]
	}
	return sl.x
}

// complete reports whether the whole grid is computed.
func (sl *netSlice) complete() bool { return sl.level == len(sliceSteps) }

// update follows the runs of st: it refits the plane or the window when
// due, projects new rows, and computes grid cells until deadline (at least
// a few a frame).
func (sl *netSlice) update(st *state, deadline time.Time) {
	rows := 0
	for _, r := range st.runs {
		rows += len(r.Trace)
	}
	switch {
	case !st.flags.pca && sl.kind != planeHessian:
		sl.useHessian()
	case st.flags.pca && !slices.Equal(sl.runs, st.runs) && sl.kind == planePCA:
		sl.useHessian() // restarted: no paths to fit yet
	case st.flags.pca && rows > sl.fitRows && (rows >= 3*sl.fitRows/2 || st.done() && !st.playing):
		sl.fitPCA(st.runs, rows)
	}
	if sl.project(st.runs) {
		half := (sl.grid.XMax - sl.grid.XMin) / 2
		if half < 100*sl.emin { // beyond that the path has run away
			sl.fit(1.25 * half)
			sl.project(st.runs)
		}
	}
	for cells := 0; !sl.complete(); {
		stp, off := sliceSteps[sl.level], sliceOffsets[sl.level]
		m := sliceN / stp
		for ; sl.next < m*m; cells++ {
			if cells >= 4 && time.Now().After(deadline) {
				sl.upload(false)
				return
			}
			I, J := sl.next%m, sl.next/m
			sl.next++
			i, j := I*stp+off, J*stp+off
			c := j*sliceN + i
			if !sl.done[c] {
				sl.vals[c] = sl.loss.Func(sl.at(sl.grid.X(i), sl.grid.Y(j)))
				sl.done[c] = true
			}
			for y := J * stp; y < (J+1)*stp; y++ {
				row := sl.disp[y*sliceN : (y+1)*sliceN]
				for x := I * stp; x < (I+1)*stp; x++ {
					row[x] = sl.vals[c]
				}
			}
			sl.dirty = true
		}
		sl.level++
		sl.next = 0
		sl.scale = geom.AutoScale(sl.disp)
		if sl.complete() {
			sl.levels = sl.scale.Levels(sl.levels[:0], 12)
			sl.contours.Compute(sl.vals, sl.grid, sl.levels)
		}
		sl.upload(true)
	}
}

// upload puts the picture into the heatmap, now or (unless now) at most a
// few times a second while a level is being computed.
func (sl *netSlice) upload(now bool) {
	if !sl.dirty || sl.level == 0 || !now && time.Since(sl.uploaded) < 150*time.Millisecond {
		return
	}
	sl.heat.Set(sl.disp, sliceN, sliceN, sl.scale)
	sl.dirty, sl.uploaded = false, time.Now()
}
