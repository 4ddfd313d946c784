package surface

import (
	"math"

	"curvlab/render/geom"
	"curvlab/sim"
	"curvlab/sim/la"
)

// modelPatch is the quadratic model a method holds at its current iterate
// x, the one its next step minimizes (Nocedal and Wright, Numerical
// Optimization, 2nd ed., §2.2 and eq. 4.1):
//
//	m(p) = f + gᵀp + ½pᵀBp,
//
// B the true Hessian for Newton's method (its modified Hessian where it
// modifies it), the estimate for the quasi-Newton methods, B = H⁻¹ for
// those that keep the inverse H (modelHessian).
// The 3D view draws it over the disc |p| ≤ Radius: the trust region,
// where the method has one (Trust), else a disc that holds the model's
// minimizer when it has one close by.
type modelPatch struct {
	X, Y   float64 // the iterate
	F      float64
	G      [2]float64
	B      [4]float64 // row-major, symmetric
	Radius float64
	Trust  bool // Radius is the trust region's
	// Min is the model's stationary point x − B⁻¹g when B is positive
	// definite (HasMin).
	Min    [2]float64
	HasMin bool
}

// patchAt returns the model of row r; span is the width of the window
// shown, which bounds the disc of a method without a trust region to
// between 6 % and 30 % of it. ok is false for a method without a model and
// for rows that are not numbers.
func patchAt(r *sim.Row, span float64) (p modelPatch, ok bool) {
	b, ok := modelHessian(r)
	if !ok || !la.IsFinite(r.X) || !la.IsFinite(r.G) || math.IsNaN(r.F) || math.IsInf(r.F, 0) {
		return p, false
	}
	p = modelPatch{X: r.X[0], Y: r.X[1], F: r.F, G: [2]float64{r.G[0], r.G[1]}, B: b}
	if geom.Eigen(b).Kind == geom.KindPosDef {
		if inv, _ := geom.Invert2(b); la.IsFinite(inv[:]) {
			p.Min = [2]float64{p.X - (inv[0]*p.G[0] + inv[1]*p.G[1]), p.Y - (inv[2]*p.G[0] + inv[3]*p.G[1])}
			p.HasMin = true
		}
	}
	switch {
	case r.Radius > 0:
		p.Radius, p.Trust = r.Radius, true
	case p.HasMin:
		p.Radius = math.Max(0.06*span, math.Min(0.3*span, 1.25*math.Hypot(p.Min[0]-p.X, p.Min[1]-p.Y)))
	default:
		p.Radius = 0.15 * span
	}
	return p, true
}

// At is the model's value at the step (dx, dy) from the iterate.
func (p *modelPatch) At(dx, dy float64) float64 {
	return p.F + p.G[0]*dx + p.G[1]*dy + 0.5*(dx*(p.B[0]*dx+p.B[1]*dy)+dy*(p.B[2]*dx+p.B[3]*dy))
}

// The patch's polar grid: rings around the iterate and spokes.
const patchRings, patchSpokes = 10, 48

// patchNode is the step from the iterate to node (ring k of
// 1..patchRings, spoke j) of a disc of radius r.
func patchNode(r float64, k, j int) (dx, dy float64) {
	s, c := math.Sincos(2 * math.Pi * float64(j) / patchSpokes)
	f := r * float64(k) / patchRings
	return f * c, f * s
}
