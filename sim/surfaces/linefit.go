package surfaces

import (
	"fmt"
	"math"
)

// LineFit is the least-squares loss of a line ŷ = θ₁ + θ₂x through m
// points (xᵢ, yᵢ), the regression lesson of REFERENCE.md on data of one's
// own:
//
//	L(θ) = (1/m)·Σᵢ (θ₁ + θ₂xᵢ − yᵢ)² = (1/m)·‖Xθ − y‖²,  X's rows (1, xᵢ)
//
//	∇L  = (2/m)·Xᵀ(Xθ − y)
//	∇²L = (2/m)·XᵀX = 2·[[1, x̄], [x̄, x̄² + v]]   (constant)
//
// where x̄ is the mean of the xᵢ and v their variance (1/m)Σ(xᵢ − x̄)². The
// Hessian depends on the xᵢ only: data far from x = 0 (large x̄ against
// √v) tilt and stretch the valley, λ_max/λ_min grows like (1 + x̄² + v)²/v,
// and gradient descent is stable only for α < 2/λ_max. With v = 0 (every
// xᵢ the same) the Hessian is singular: the minimizers are a line, and
// Minima lists none.
//
// The loss is evaluated from the centred moments of the data (computed
// once), so its cost does not grow with m, and near the minimum it is
// accurate to rounding of L* rather than of Σyᵢ². On a batch of the
// points (sim.PointSum) it is the batch's own mean, summed over its points.
type LineFit struct {
	pointBatch
	xy               []float64 // the points, (x₀, y₀, x₁, y₁, …)
	xbar, ybar       float64
	vxx, vxy, vyy    float64 // centred second moments
	slope, intercept float64 // the least-squares line, when vxx > 0
	fstar            float64 // L at the least-squares line (vyy when vxx = 0)
	singular         bool
}

// Limits of a line fit's data.
const (
	MinFitPoints = 2
	MaxFitPoints = 1000
	MaxFitCoord  = 1000 // |xᵢ|, |yᵢ| at most
)

// defaultFitPoints are linefit's points when none are given: five points
// near the line y = 0.5 + 0.8x, their xᵢ around x̄ = 2.1, far enough from
// 0 that the valley is tilted (κ ≈ 36).
var defaultFitPoints = []float64{0.5, 1, 1.5, 1.5, 2, 2.5, 3, 2.5, 3.5, 3.5}

// LineFitKind is linefit in the library: New gives the default points; a
// scenario gives points of its own with NewLineFit.
var LineFitKind = &Kind{
	Name: "linefit",
	Desc: "least-squares line ŷ = θ₁ + θ₂x through points you place; H = (2/m)XᵀX",
	New:  func(v []float64) Surface { f, _ := NewLineFit(defaultFitPoints); return f },
}

func init() { register(LineFitKind) }

// DefaultFitPoints returns a fresh copy of linefit's default points.
func DefaultFitPoints() []float64 { return append([]float64(nil), defaultFitPoints...) }

// CheckFitPoints checks points (x₀, y₀, x₁, y₁, …) for a line fit:
// MinFitPoints to MaxFitPoints of them, every coordinate finite and at
// most MaxFitCoord in size.
func CheckFitPoints(xy []float64) error {
	if len(xy)%2 != 0 {
		return fmt.Errorf("line fit: %d coordinates, not pairs (x, y)", len(xy))
	}
	if m := len(xy) / 2; m < MinFitPoints || m > MaxFitPoints {
		return fmt.Errorf("line fit: %d points, want %d to %d", m, MinFitPoints, MaxFitPoints)
	}
	for i, v := range xy {
		if !(math.Abs(v) <= MaxFitCoord) {
			return fmt.Errorf("line fit: point %d's %c = %v is not a number within ±%d", i/2+1, "xy"[i%2], v, MaxFitCoord)
		}
	}
	return nil
}

// NewLineFit returns the line fit of the points xy = (x₀, y₀, x₁, y₁, …),
// checked by CheckFitPoints; it keeps its own copy.
func NewLineFit(xy []float64) (*LineFit, error) {
	if err := CheckFitPoints(xy); err != nil {
		return nil, err
	}
	l := &LineFit{xy: append([]float64(nil), xy...)}
	m := float64(len(xy) / 2)
	for i := 0; i < len(xy); i += 2 {
		l.xbar += xy[i]
		l.ybar += xy[i+1]
	}
	l.xbar /= m
	l.ybar /= m
	for i := 0; i < len(xy); i += 2 {
		dx, dy := xy[i]-l.xbar, xy[i+1]-l.ybar
		l.vxx += dx * dx
		l.vxy += dx * dy
		l.vyy += dy * dy
	}
	l.vxx /= m
	l.vxy /= m
	l.vyy /= m
	// A variance of the xᵢ at rounding level of their size is none: the
	// points stand on one vertical line.
	l.singular = l.vxx <= 1e-24*math.Max(1, l.xbar*l.xbar)
	if l.singular {
		l.vxx, l.vxy, l.fstar = 0, 0, l.vyy
		return l, nil
	}
	l.slope = l.vxy / l.vxx
	l.intercept = l.ybar - l.slope*l.xbar
	for i := 0; i < len(xy); i += 2 { // L* from the residuals themselves
		r := l.intercept + l.slope*xy[i] - xy[i+1]
		l.fstar += r * r
	}
	l.fstar /= m
	return l, nil
}

// Points returns a fresh copy of the fit's points (x₀, y₀, x₁, y₁, …).
func (l *LineFit) Points() []float64 { return append([]float64(nil), l.xy...) }

// N is the number of points.
func (l *LineFit) N() int { return len(l.xy) / 2 }

func (l *LineFit) Dim() int { return 2 }

// NumPoints is m, the number of points the loss is a mean over (sim.PointSum).
func (l *LineFit) NumPoints() int { return l.N() }

// onBatch sums, over the batch's points, the residual rᵢ = θ₁ + θ₂xᵢ − yᵢ
// and xᵢ to f(rᵢ, xᵢ); it returns 1/B.
func (l *LineFit) onBatch(x []float64, f func(r, xi float64)) float64 {
	for _, i := range l.idx {
		xi := l.xy[2*i]
		f(x[0]+x[1]*xi-l.xy[2*i+1], xi)
	}
	return 1 / float64(len(l.idx))
}

// Func is L(θ) = a² + v·θ₂² − 2·c·θ₂ + w with a = θ₁ + θ₂x̄ − ȳ, the mean
// residual, and v, c, w the centred moments (1/m)Σ(xᵢ−x̄)², Σ(xᵢ−x̄)(yᵢ−ȳ),
// Σ(yᵢ−ȳ)²; with a square completed where the points have a line: a² +
// v·(θ₂ − slope)² + L*.
func (l *LineFit) Func(x []float64) float64 {
	if l.idx != nil {
		var s float64
		c := l.onBatch(x, func(r, _ float64) { s += r * r })
		return c * s
	}
	a := x[0] + x[1]*l.xbar - l.ybar
	if l.singular {
		return a*a + l.vyy
	}
	b := x[1] - l.slope
	return a*a + l.vxx*b*b + l.fstar
}

func (l *LineFit) Grad(g, x []float64) {
	if l.idx != nil {
		var g0, g1 float64
		c := 2 * l.onBatch(x, func(r, xi float64) { g0 += r; g1 += r * xi })
		g[0], g[1] = c*g0, c*g1
		return
	}
	a := x[0] + x[1]*l.xbar - l.ybar
	g[0] = 2 * a
	g[1] = 2*a*l.xbar + 2*(l.vxx*x[1]-l.vxy)
}

func (l *LineFit) Hess(h, x []float64) {
	if l.idx != nil {
		var s1, s2 float64
		c := 2 * l.onBatch(x, func(_, xi float64) { s1 += xi; s2 += xi * xi })
		h[0], h[1], h[2], h[3] = 2, c*s1, c*s1, c*s2
		return
	}
	h[0] = 2
	h[1] = 2 * l.xbar
	h[2] = h[1]
	h[3] = 2 * (l.xbar*l.xbar + l.vxx)
}

// View is a square around the origin (θ = 0, the line ŷ = 0) and the
// least-squares line's θ*, at least [−3, 3]² in size.
func (l *LineFit) View() Window {
	cx, cy, r := 0.0, 0.0, 3.0
	if !l.singular {
		cx, cy = l.intercept/2, l.slope/2
		r = math.Max(3, 1.3*math.Max(math.Abs(cx), math.Abs(cy))+1)
	}
	return Window{cx - r, cx + r, cy - r, cy + r}
}

// Start is θ = (0, 0): the flat line ŷ = 0.
func (l *LineFit) Start() [2]float64 { return [2]float64{0, 0} }

// Minima is the least-squares line (θ₁, θ₂) = (intercept, slope) with L*,
// or none when the Hessian is singular (every xᵢ the same).
func (l *LineFit) Minima() []Minimum {
	if l.singular {
		return nil
	}
	return []Minimum{{X: l.intercept, Y: l.slope, F: l.fstar, Global: true}}
}
