package sim

import (
	"math"

	"curvlab/sim/la"
)

// CurvErrorWork is the room CurvError needs for an n-dimensional model.
func CurvErrorWork(n int) int { return 2*n*n + 2*n }

// CurvError is how far a method's curvature model at an iterate is from
// the true Hessian hess there (n×n, row-major), relative to it:
//
//	‖B − ∇²f(x)‖_F / ‖∇²f(x)‖_F
//
// in the Frobenius norm, where the model B is curv itself for kinds
// CurvHessian and CurvB, and curv's inverse for CurvH: an inverse form
// keeps H ≈ ∇²f⁻¹, and H⁻¹ is the Hessian it stands for (REFERENCE.md,
// "Learning the curvature"). It is NaN when there is no model (CurvNone),
// when ∇²f(x) is 0 or not finite, and when an H is singular. work holds
// CurvErrorWork(n) numbers; CurvError allocates nothing.
func CurvError(curv []float64, kind CurvKind, hess []float64, n int, work []float64) float64 {
	if kind == CurvNone || len(curv) < n*n || len(hess) < n*n {
		return math.NaN()
	}
	b := curv[:n*n]
	if kind == CurvH {
		inv, lu, e, col := work[:n*n], work[n*n:2*n*n], work[2*n*n:2*n*n+n], work[2*n*n+n:2*n*n+2*n]
		for j := range n {
			clear(e)
			e[j] = 1
			if !la.Solve(col, lu, b, e, n) {
				return math.NaN()
			}
			for i := range n {
				inv[i*n+j] = col[i]
			}
		}
		b = inv
	}
	var diff, size float64
	for i, h := range hess[:n*n] {
		d := b[i] - h
		diff += d * d
		size += h * h
	}
	if !(size > 0) || math.IsInf(size, 0) {
		return math.NaN()
	}
	return math.Sqrt(diff / size)
}
