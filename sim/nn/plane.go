package nn

import (
	"math"

	"curvlab/sim/la"
)

// A Plane is a plane through weight space, the points
// Origin + a·U + b·V for orthonormal directions U and V, on which the
// training loss is drawn as a picture (a loss slice) with the methods'
// paths projected onto it.
//
// Two planes are offered: the Hessian plane at a point (the top two
// eigenvectors of ∇²L, the directions the loss curves up most steeply,
// where gradient descent at the edge of stability oscillates), and the
// plane of the paths' first two principal components (the plane the paths
// move in most; Li, Xu, Taylor, Studer, Goldstein, "Visualizing the loss
// landscape of neural nets", NeurIPS 2018, §7).
type Plane struct {
	Origin, U, V []float64
	// Lam holds the eigenvalues of the Hessian along U and V (a Hessian
	// plane) or the paths' variances along them (a principal-component
	// plane), the larger first.
	Lam [2]float64
}

// HessianPlane returns the plane through x0 spanned by the eigenvectors of
// the two largest eigenvalues of the loss's Hessian at x0. With a single
// weight, V is zero.
func HessianPlane(m *MLP, x0 []float64) Plane {
	n := m.Dim()
	h := make([]float64, n*n)
	m.Hess(h, x0)
	u, v, lam := topTwo(h, n)
	return Plane{Origin: append([]float64(nil), x0...), U: u, V: v, Lam: lam}
}

// PCAPlane returns the plane through origin spanned by the first two
// principal components of the points pts (the top eigenvectors of their
// covariance), with the variances along them. It reports false, and no
// plane, when the points span no plane: fewer than three, or all on a line.
func PCAPlane(origin []float64, pts [][]float64) (Plane, bool) {
	n := len(origin)
	m := len(pts)
	if m < 3 {
		return Plane{}, false
	}
	mean := make([]float64, n)
	for _, x := range pts {
		for i := range mean {
			mean[i] += x[i] / float64(m)
		}
	}
	cov := make([]float64, n*n) // lower triangle first, then mirrored
	d := make([]float64, n)
	for _, x := range pts {
		la.Sub(d, x, mean)
		for i := range d {
			row := cov[i*n : (i+1)*n]
			for j := 0; j <= i; j++ {
				row[j] += d[i] * d[j] / float64(m)
			}
		}
	}
	for i := 0; i < n; i++ {
		for j := 0; j < i; j++ {
			cov[j*n+i] = cov[i*n+j]
		}
	}
	u, v, lam := topTwo(cov, n)
	if !(lam[1] > 1e-12*lam[0]) {
		return Plane{}, false
	}
	return Plane{Origin: append([]float64(nil), origin...), U: u, V: v, Lam: lam}, true
}

// topTwo returns the unit eigenvectors of the two largest eigenvalues of
// the symmetric n×n matrix a, and the eigenvalues, the larger first.
func topTwo(a []float64, n int) (u, v []float64, lam [2]float64) {
	u, v = make([]float64, n), make([]float64, n)
	if n < 2 {
		u[0] = 1
		if n == 1 {
			lam[0] = a[0]
		}
		return u, v, lam
	}
	vals, vecs, work := make([]float64, n), make([]float64, n*n), make([]float64, la.EigSymWork(n))
	la.EigSym(vals, vecs, a, work, n)
	for i := 0; i < n; i++ { // the eigenvectors are the columns of vecs, ascending
		u[i] = vecs[i*n+n-1]
		v[i] = vecs[i*n+n-2]
	}
	return u, v, [2]float64{vals[n-1], vals[n-2]}
}

// Project returns the plane coordinates of x's orthogonal projection,
// a = Uᵀ(x − Origin), b = Vᵀ(x − Origin).
func (p *Plane) Project(x []float64) (a, b float64) {
	for i, xi := range x {
		d := xi - p.Origin[i]
		a += p.U[i] * d
		b += p.V[i] * d
	}
	return a, b
}

// At writes the point Origin + a·U + b·V into dst and returns it.
func (p *Plane) At(dst []float64, a, b float64) []float64 {
	for i := range dst {
		dst[i] = p.Origin[i] + a*p.U[i] + b*p.V[i]
	}
	return dst
}

// SliceN is the number of cells along each side of a LossGrid.
const SliceN = 128

// gridSteps are the block sizes of a LossGrid's levels (16², 32², 64², then
// 128² blocks) and gridOffsets the cell of a block sampled for it, chosen
// so that each level's samples are among the next one's and near their
// blocks' centres.
var (
	gridSteps   = [...]int{8, 4, 2, 1}
	gridOffsets = [...]int{3, 3, 1, 0}
)

// A LossGrid is the loss on a plane over a SliceN × SliceN grid of cells
// of the window [AMin, AMax] × [BMin, BMax], computed one cell a Step,
// coarse to fine: a full grid costs SliceN² losses (16,384 passes over the
// training points, half a second natively), so it is computed a little at
// a time, and each level reuses the samples of the coarser ones. Row j of
// the grid is at b = B(j), from BMax down; column i at a = A(i).
//
// The zero value is an empty, complete grid; Reset starts one.
type LossGrid struct {
	AMin, AMax, BMin, BMax float64
	// Vals holds the computed losses, row by row (NaN: not yet), and Disp
	// the picture so far: each computed sample fills its block at the
	// current level.
	Vals, Disp []float64

	loss  *MLP
	plane Plane
	x     []float64
	done  []bool
	level int // index into gridSteps; len(gridSteps) when complete
	next  int // next block of the level
}

// Reset starts the grid over for the loss m on plane p in the given window.
// The grid keeps m and p (it does not copy them); m's workspace is used by
// Step.
func (g *LossGrid) Reset(m *MLP, p Plane, amin, amax, bmin, bmax float64) {
	g.loss, g.plane = m, p
	g.AMin, g.AMax, g.BMin, g.BMax = amin, amax, bmin, bmax
	if len(g.Vals) != SliceN*SliceN {
		g.Vals = make([]float64, SliceN*SliceN)
		g.Disp = make([]float64, SliceN*SliceN)
		g.done = make([]bool, SliceN*SliceN)
	}
	if len(g.x) != len(p.Origin) {
		g.x = make([]float64, len(p.Origin))
	}
	for i := range g.Vals {
		g.Vals[i], g.Disp[i], g.done[i] = math.NaN(), math.NaN(), false
	}
	g.level, g.next = 0, 0
}

// A returns the a coordinate of column i's cell centres.
func (g *LossGrid) A(i int) float64 {
	return g.AMin + (float64(i)+0.5)*(g.AMax-g.AMin)/SliceN
}

// B returns the b coordinate of row j's cell centres (row 0 at the top).
func (g *LossGrid) B(j int) float64 {
	return g.BMax - (float64(j)+0.5)*(g.BMax-g.BMin)/SliceN
}

// Complete reports whether every cell is computed (true for the zero
// value: there is nothing to compute).
func (g *LossGrid) Complete() bool { return g.loss == nil || g.level == len(gridSteps) }

// Level returns the number of levels completed, 0 to 4.
func (g *LossGrid) Level() int {
	if g.loss == nil {
		return len(gridSteps)
	}
	return g.level
}

// Cells returns the number of blocks along a side at the level being
// computed (16, 32, 64 or 128), or SliceN when complete.
func (g *LossGrid) Cells() int {
	if g.Complete() {
		return SliceN
	}
	return SliceN / gridSteps[g.level]
}

// Step computes the next sample and fills its block of Disp. It reports
// whether that sample completed a level (the picture is then whole at that
// level's resolution). It does nothing when the grid is complete.
func (g *LossGrid) Step() (levelDone bool) {
	if g.Complete() {
		return false
	}
	step, off := gridSteps[g.level], gridOffsets[g.level]
	m := SliceN / step
	I, J := g.next%m, g.next/m
	i, j := I*step+off, J*step+off
	c := j*SliceN + i
	if !g.done[c] {
		g.Vals[c] = g.loss.Func(g.plane.At(g.x, g.A(i), g.B(j)))
		g.done[c] = true
	}
	for y := J * step; y < (J+1)*step; y++ {
		row := g.Disp[y*SliceN : (y+1)*SliceN]
		for x := I * step; x < (I+1)*step; x++ {
			row[x] = g.Vals[c]
		}
	}
	if g.next++; g.next == m*m {
		g.level++
		g.next = 0
		return true
	}
	return false
}
