package surfaces

import (
	"math"

	"curvlab/sim"
)

// Valley is a long, narrow, straight valley with steep walls: in
// coordinates (u, v) rotated by angle θ (degrees), u along the floor and v
// across it,
//
//	f = ½u² + κ·(cosh v − 1),   u = x·cosθ + y·sinθ,  v = −x·sinθ + y·cosθ
//
// With J = [[cosθ, sinθ], [−sinθ, cosθ]] (so (u, v) = J·(x, y)),
//
//	∇f  = Jᵀ·(u, κ·sinh v)
//	∇²f = Jᵀ·diag(1, κ·cosh v)·J
//
// The only minimum is f = 0 at the origin, where ∇²f has eigenvalues 1 and κ:
// kappa is its condition number. Near the floor it behaves like the
// quadratic ½(u² + κv²), so fixed-step gradient descent is stable only for
// α < 2/κ and then creeps along the floor at rate 1 − α, bouncing from wall
// to wall (the zig-zag of N&W §3.3) — while Newton's method solves the
// floor direction exactly in one step and the cross direction by
// v₊ = v − tanh v ≈ v³/3, converging in a few straight steps. The walls
// stiffen away from the floor (cosh), so the Hessian is not constant and a
// quasi-Newton method has curvature to learn.
type Valley struct {
	Kappa, Angle float64
	c, s         float64
}

func init() {
	register(&Kind{
		Name: "valley",
		Desc: "long narrow valley ½u² + κ(cosh v − 1), rotated; condition number kappa at the minimum",
		Params: []sim.Param{
			{Key: "kappa", Desc: "condition number of the Hessian at the minimum", Default: 100, Min: 1, Max: 1e4},
			{Key: "angle", Desc: "direction of the valley floor, degrees", Default: 30, Min: -360, Max: 360},
		},
		New: func(v []float64) Surface { return NewValley(v[0], v[1]) },
	})
}

// NewValley builds the valley with condition number kappa whose floor
// points at angle degrees.
func NewValley(kappa, angle float64) *Valley {
	s, c := math.Sincos(angle * math.Pi / 180)
	return &Valley{Kappa: kappa, Angle: angle, c: c, s: s}
}

func (va *Valley) Dim() int { return 2 }

func (va *Valley) uv(x []float64) (u, v float64) {
	return va.c*x[0] + va.s*x[1], -va.s*x[0] + va.c*x[1]
}

func (va *Valley) Func(x []float64) float64 {
	u, v := va.uv(x)
	return 0.5*u*u + va.Kappa*(math.Cosh(v)-1)
}

func (va *Valley) Grad(g, x []float64) {
	u, v := va.uv(x)
	fv := va.Kappa * math.Sinh(v)
	g[0] = va.c*u - va.s*fv
	g[1] = va.s*u + va.c*fv
}

func (va *Valley) Hess(h, x []float64) {
	_, v := va.uv(x)
	w := va.Kappa * math.Cosh(v)
	c, s := va.c, va.s
	h[0] = c*c + s*s*w
	h[1] = c * s * (1 - w)
	h[2] = h[1]
	h[3] = s*s + c*c*w
}

func (va *Valley) View() Window { return Window{-3, 3, -3, 3} }

// Start is (u, v) = (−2.5, 0.5): far along the floor and up one wall.
func (va *Valley) Start() [2]float64 {
	u, v := -2.5, 0.5
	return [2]float64{va.c*u - va.s*v, va.s*u + va.c*v}
}

func (va *Valley) Minima() []Minimum {
	return []Minimum{{X: 0, Y: 0, F: 0, Global: true}}
}
