package surface

import (
	"math"

	"curvlab/render/geom"
	"curvlab/sim"
	"curvlab/sim/la"
)

// stepModel is the level set of the quadratic model a method minimized
// for its last step, through where the step landed (Flags.StepModel): at
// x = prev.X the model is m(p) = f + gᵀp + ½pᵀBp, B the Hessian it used
// or its B, H⁻¹ for an inverse form, whose stationary point is p* = −B⁻¹g;
// its level set through the step's end s = cur.X − x is
//
//	½(p − p*)ᵀB(p − p*) = ½(s − p*)ᵀB(s − p*),
//
// centred at x + p*. Beside it the app draws the true level set
// f = f(cur.X) through the same point, so that the student sees how far
// the model the step trusted is from the surface. ok is false for a method
// without a model, a model with no stationary point (B singular), and rows
// that are not numbers.
func stepModel(prev, cur *sim.Row) (m levelSet, ok bool) {
	b, ok := modelHessian(prev)
	if !ok || !la.IsFinite(prev.X) || !la.IsFinite(cur.X) || !la.IsFinite(prev.G) {
		return m, false
	}
	binv, kind := geom.Invert2(b)
	if kind == geom.KindInvalid || kind == geom.KindSingular || kind == geom.KindZero {
		return m, false
	}
	g := prev.G
	px, py := -(binv[0]*g[0] + binv[1]*g[1]), -(binv[2]*g[0] + binv[3]*g[1])
	dx, dy := cur.X[0]-prev.X[0]-px, cur.X[1]-prev.X[1]-py
	level := 0.5 * (dx*(b[0]*dx+b[1]*dy) + dy*(b[2]*dx+b[3]*dy))
	if math.IsNaN(level) || math.IsInf(level, 0) || level == 0 {
		return m, false
	}
	return levelSet{Curv: geom.Eigen(b), X: prev.X[0] + px, Y: prev.X[1] + py, Level: level}, true
}

// modelHessian is the B of the quadratic model a method holds at row r:
// the (modified) Hessian it uses or its B, H⁻¹ for an inverse form;
// symmetrized, as a model's quadratic form only sees the symmetric part
// (Broyden's B is not symmetric). ok is false for a method without a
// model, a singular H and entries that are not numbers.
func modelHessian(r *sim.Row) (b [4]float64, ok bool) {
	if r.CurvKind == sim.CurvNone || len(r.Curv) < 4 {
		return b, false
	}
	b = [4]float64{r.Curv[0], r.Curv[1], r.Curv[2], r.Curv[3]}
	if r.CurvKind == sim.CurvH {
		inv, kind := geom.Invert2(b)
		if kind == geom.KindInvalid || kind == geom.KindSingular || kind == geom.KindZero {
			return b, false
		}
		b = inv
	}
	b[1], b[2] = (b[1]+b[2])/2, (b[1]+b[2])/2
	return b, la.IsFinite(b[:])
}

// trueLevel is a panel's contour of the surface through its run's latest
// iterate, f = f(x_k), on the surface's sampled grid; computed again when
// the row or the sampled surface changed.
type trueLevel struct {
	run      *sim.Run
	row      int
	computed int // surfaceImage.computed it was made from
	level    [1]float64
	c        geom.Contours
}

// update recomputes the contour for run r's row row, at value f, from si.
func (tl *trueLevel) update(r *sim.Run, row int, f float64, si *surfaceImage) []float64 {
	if tl.run != r || tl.row != row || tl.computed != si.computed {
		tl.run, tl.row, tl.computed = r, row, si.computed
		tl.level[0] = f
		tl.c.Compute(si.vals, si.grid, tl.level[:])
	}
	return tl.c.Level(0)
}
