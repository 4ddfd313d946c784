package surfaces

import (
	"math"

	"curvlab/sim"
)

// Quadratic is the bowl f(x) = ½·xᵀAx with A = R(θ)·diag(λ₁, λ₂)·R(θ)ᵀ:
// eigenvalues l1 and l2 along axes rotated by angle θ (degrees). With both
// eigenvalues positive its minimum is 0 at the origin; a negative one makes
// it a saddle.
type Quadratic struct {
	L1, L2, Angle float64
	a             [4]float64 // A, row-major
}

func init() {
	register(&Kind{
		Name: "quadratic",
		Desc: "quadratic bowl ½xᵀAx, eigenvalues l1, l2 along axes rotated by angle",
		Params: []sim.Param{
			{Key: "l1", Desc: "first eigenvalue", Default: 1, Min: -1e4, Max: 1e4},
			{Key: "l2", Desc: "second eigenvalue", Default: 10, Min: -1e4, Max: 1e4},
			{Key: "angle", Desc: "rotation of the first eigenvector, degrees", Default: 30, Min: -360, Max: 360},
		},
		New: func(v []float64) Surface { return NewQuadratic(v[0], v[1], v[2]) },
	})
}

// NewQuadratic builds the bowl with eigenvalues l1, l2 rotated by angle degrees.
func NewQuadratic(l1, l2, angle float64) *Quadratic {
	q := &Quadratic{L1: l1, L2: l2, Angle: angle}
	s, c := math.Sincos(angle * math.Pi / 180)
	// A = l1·u·uᵀ + l2·v·vᵀ with u = (c, s), v = (−s, c).
	q.a = [4]float64{
		l1*c*c + l2*s*s, (l1 - l2) * c * s,
		(l1 - l2) * c * s, l1*s*s + l2*c*c,
	}
	return q
}

// Matrix returns A, row-major.
func (q *Quadratic) Matrix() [4]float64 { return q.a }

func (q *Quadratic) Dim() int { return 2 }

func (q *Quadratic) Func(x []float64) float64 {
	return 0.5 * (q.a[0]*x[0]*x[0] + 2*q.a[1]*x[0]*x[1] + q.a[3]*x[1]*x[1])
}

func (q *Quadratic) Grad(g, x []float64) {
	g[0] = q.a[0]*x[0] + q.a[1]*x[1]
	g[1] = q.a[2]*x[0] + q.a[3]*x[1]
}

func (q *Quadratic) Hess(h, x []float64) { copy(h, q.a[:]) }

func (q *Quadratic) View() Window      { return Window{-2, 2, -2, 2} }
func (q *Quadratic) Start() [2]float64 { return [2]float64{-1.5, 1} }

func (q *Quadratic) Minima() []Minimum {
	if q.L1 > 0 && q.L2 > 0 {
		return []Minimum{{X: 0, Y: 0, F: 0, Global: true}}
	}
	return nil
}
