package surface

import (
	"math"
	"strconv"
	"testing"

	"curvlab/app/ui"
	"curvlab/internal/scenetest"
	"curvlab/render/geom"
	"curvlab/sim"
	"curvlab/sim/la"
	"curvlab/sim/scenario"

	"gonum.org/v1/gonum/mat"
)

// Tests of what a surface panel draws around a run's current iterate: the
// geometry drawRun hands the painter (marksAt, whose level sets
// Painter.LevelSet strokes through geom.Curvature.AppendLevel) held against
// closed forms and gonum's eigensolver, never against the app's own
// decomposition. picture_pixels_test.go checks the same against the pixels
// of a drawn panel. (The numbers the network plots are given are checked
// in app's picture_net_test.go, the sliders' marks in its
// stability_test.go.) Each was seen to fail on planted bugs: H drawn as if
// it were B, the marks centred at the previous iterate (the pixels catch
// that one: marksAt is handed the step), a trust circle of radius Δ², the
// estimate drawn at twice the level or at 1.3 times it (the pixels), a
// missing conjugate hyperbola, the readout's eigenvalues of H for H⁻¹,
// f − f* without f* or with a local minimum's f*, every overlaid run's
// marks at the first run's iterate.

// drawnPoints returns the points of level set ls as the painter receives
// them (unclipped: every curve here fits in its view), without the NaN
// pairs that separate runs.
func drawnPoints(ls levelSet) [][2]float64 {
	pts := ls.Curv.AppendLevel(nil, ls.X, ls.Y, ls.Level, 0, 128)
	var out [][2]float64
	for k := 0; k+1 < len(pts); k += 2 {
		if pts[k] == pts[k] && pts[k+1] == pts[k+1] {
			out = append(out, [2]float64{pts[k], pts[k+1]})
		}
	}
	return out
}

// quadForm returns dᵀMd for the row-major 2×2 matrix m.
func quadForm(m [4]float64, d [2]float64) float64 {
	return d[0]*(m[0]*d[0]+m[1]*d[1]) + d[1]*(m[2]*d[0]+m[3]*d[1])
}

// onLevel checks that every point of pts lies on {centre + d : ½dᵀBd = c},
// where q(d) = dᵀBd is given, to a relative 1e-9, and that there is a
// curve at all.
func onLevel(t *testing.T, what string, pts [][2]float64, centre []float64, c float64, q func(d [2]float64) float64, scale float64) {
	t.Helper()
	if len(pts) < 16 {
		t.Errorf("%s: %d points drawn, want a curve", what, len(pts))
		return
	}
	for _, p := range pts {
		d := [2]float64{p[0] - centre[0], p[1] - centre[1]}
		got := 0.5 * q(d)
		tol := 1e-9 * math.Max(math.Abs(c), 0.5*scale*(d[0]*d[0]+d[1]*d[1]))
		if math.Abs(got-c) > tol {
			t.Errorf("%s: point %v has ½dᵀBd = %.15g around %v, want the level %.15g", what, p, got, centre, c)
			return
		}
	}
}

// extents returns the largest and smallest distance of pts from centre
// and the unit direction of the largest.
func extents(pts [][2]float64, centre []float64) (rmax, rmin float64, dir [2]float64) {
	rmin = math.Inf(1)
	for _, p := range pts {
		d := [2]float64{p[0] - centre[0], p[1] - centre[1]}
		r := math.Hypot(d[0], d[1])
		if r > rmax {
			rmax, dir = r, [2]float64{d[0] / r, d[1] / r}
		}
		rmin = math.Min(rmin, r)
	}
	return rmax, rmin, dir
}

// sameAxis reports whether unit vectors u and v span the same line to tol.
func sameAxis(u, v [2]float64, tol float64) bool {
	return math.Abs(u[0]*v[1]-u[1]*v[0]) <= tol && math.Abs(math.Abs(u[0]*v[0]+u[1]*v[1])-1) <= tol
}

// panelViewOf is a view of sc's window on a panel of the app's shape.
func panelViewOf(sc scenario.Scenario) geom.View {
	w := sc.ViewWindow()
	v := geom.View{XMin: w.XMin, XMax: w.XMax, YMin: w.YMin, YMax: w.YMax, Screen: geom.Rect{W: 500, H: 420}}
	v.EqualAspect()
	return v
}

// sr1LearnsBowl is the sr1-learns preset's Hessian, built by hand:
// A = R(30°)·diag(2, 10)·R(30°)ᵀ, eigenvalue 2 along (cos 30°, sin 30°)
// and 10 along (−sin 30°, cos 30°).
func sr1LearnsBowl() (a [4]float64, u1, u2 [2]float64) {
	c, s := math.Sqrt(3)/2, 0.5
	u1, u2 = [2]float64{c, s}, [2]float64{-s, c}
	for i := range 2 {
		for j := range 2 {
			a[2*i+j] = 2*u1[i]*u1[j] + 10*u2[i]*u2[j]
		}
	}
	return a, u1, u2
}

// On sr1-learns the SR1 panel's dashed estimate starts as the level set of
// H₀⁻¹ = (1/h0)·I = 5·I (a circle), differs from the truth after one step,
// and after two has the true Hessian's semi-axes and orientation (N&W
// Thm 6.1: H₂ = A⁻¹); the true ellipse, at the current iterate, has A's
// semi-axes √(2c/2) and √(2c/10) along A's eigenvectors throughout.
func TestSR1LearnsPicture(t *testing.T) {
	link := scenetest.PresetLink(t, "sr1-learns")
	sc := scenetest.MustDecode(t, link)
	r := sc.NewRuns()[0]
	a, u1, _ := sr1LearnsBowl()
	v := panelViewOf(sc)
	span := math.Min(v.XMax-v.XMin, v.YMax-v.YMin)
	var hess [4]float64
	for step := 0; step <= 2; step++ {
		if step > 0 && !r.Step() {
			t.Fatalf("the run ended at iteration %d", r.Last().Iter)
		}
		if r.Last().Iter != step {
			t.Fatalf("run at iteration %d, want %d", r.Last().Iter, step)
		}
		x := r.Last().X
		last := r.Last()
		m := marksAt(sc.Surface(), &last, v, &hess)
		c := m.Truth.Level

		truth := drawnPoints(m.Truth)
		onLevel(t, "truth", truth, x, c, func(d [2]float64) float64 { return quadForm(a, d) }, 10)
		big, small, dir := extents(truth, x)
		if !scenetest.Close9(big, math.Sqrt(2*c/2)) || !scenetest.Close9(small, math.Sqrt(2*c/10)) || !sameAxis(dir, u1, 1e-9) {
			t.Errorf("step %d: true ellipse's semi-axes %.12g, %.12g along %v; want %.12g, %.12g along %v",
				step, big, small, dir, math.Sqrt(c), math.Sqrt(c/5), u1)
		}
		if big < span/10 || big > span/3 {
			t.Errorf("step %d: true ellipse reaches %.3g in a view %.3g wide: not a readable size", step, big, span)
		}
		if m.Truth.Curv.Kind != geom.KindPosDef {
			t.Errorf("step %d: truth drawn as %v", step, m.Truth.Curv.Kind)
		}

		est := drawnPoints(m.Est)
		big, small, dir = extents(est, x)
		switch step {
		case 0:
			// H₀ = 0.2·I: the model's Hessian is 5·I
			onLevel(t, "estimate at step 0", est, x, c, func(d [2]float64) float64 { return 5 * (d[0]*d[0] + d[1]*d[1]) }, 5)
			if !scenetest.Close9(big, math.Sqrt(2*c/5)) || !scenetest.Close9(small, big) {
				t.Errorf("step 0: estimate's semi-axes %.12g, %.12g; want the circle of radius %.12g", big, small, math.Sqrt(2*c/5))
			}
		case 1:
			if math.Abs(big-math.Sqrt(c)) < 1e-3*big && math.Abs(small-math.Sqrt(c/5)) < 1e-3*small {
				t.Errorf("step 1: the estimate already shows the truth (%.6g, %.6g): nothing left to learn", big, small)
			}
		case 2:
			onLevel(t, "estimate at step 2", est, x, c, func(d [2]float64) float64 { return quadForm(a, d) }, 10)
			if !scenetest.Close9(big, math.Sqrt(2*c/2)) || !scenetest.Close9(small, math.Sqrt(2*c/10)) || !sameAxis(dir, u1, 1e-9) {
				t.Errorf("step 2: estimate's semi-axes %.12g, %.12g along %v; want the truth's %.12g, %.12g along %v",
					big, small, dir, math.Sqrt(c), math.Sqrt(c/5), u1)
			}
		}
	}
}

// rosenbrockHess is ∇²f of (1 − x)² + 100(y − x²)², by hand:
// [[2 − 400y + 1200x², −400x], [−400x, 200]].
func rosenbrockHess(x []float64) [4]float64 {
	return [4]float64{2 - 400*x[1] + 1200*x[0]*x[0], -400 * x[0], -400 * x[0], 200}
}

// curvForms is what each method's recorded curvature is (textbook facts:
// SR1, BFGS, DFP and L-BFGS update the inverse Hessian H; Broyden and
// SR1's trust-region form update B; the Newton and trust-region methods use
// the (modified) Hessian itself); every other method records none.
var curvForms = map[string]sim.CurvKind{
	"sr1": sim.CurvH, "bfgs": sim.CurvH, "dfp": sim.CurvH, "lbfgs": sim.CurvH,
	"broyden": sim.CurvB, "sr1-tr": sim.CurvB,
	"newton": sim.CurvHessian, "newton-lm": sim.CurvHessian, "newton-sf": sim.CurvHessian,
	"tr-dogleg": sim.CurvHessian, "tr-cg": sim.CurvHessian,
}

// For every method, at each of its first iterates on Rosenbrock and on the
// sr1-learns bowl, the dashed estimate is the level set, at the truth's
// level and around the current iterate, of the matrix the method records
// read as a Hessian: H⁻¹ for the inverse forms (solved by gonum), B or the
// Hessian itself for the others; the truth's is that of the surface's
// Hessian (by hand) at that iterate.
func TestEstimateIsDrawnAsItsKind(t *testing.T) {
	v := geom.View{XMin: -2, XMax: 2, YMin: -1, YMax: 3, Screen: geom.Rect{W: 600, H: 600}}
	bowl, _, _ := sr1LearnsBowl()
	seen := map[string]int{}
	for _, surf := range []struct {
		link  string
		hess  func(x []float64) [4]float64
		scale float64 // of the Hessian's entries
	}{
		{"s=rosenbrock;x=-1.2,1", rosenbrockHess, 2000},
		{"s=quadratic:l1=2;x=-1.5,1", func([]float64) [4]float64 { return bowl }, 10},
	} {
		for _, k := range sim.MethodKinds() {
			sc := scenetest.MustDecode(t, "v1;"+surf.link+";m="+k.Name+";n=12")
			r := sc.NewRuns()[0]
			var hess [4]float64
			for step := 0; step <= 12; step++ {
				if step > 0 && !r.Step() {
					break
				}
				s := r.Last()
				if !la.IsFinite(s.X) || math.Abs(s.X[0]) > 100 || math.Abs(s.X[1]) > 100 {
					break // far outside the view, where nothing is drawn
				}
				m := marksAt(sc.Surface(), &s, v, &hess)
				what := surf.link + ", " + k.Name + " at iteration " + strconv.Itoa(s.Iter)
				want, records := curvForms[k.Name]
				if s.CurvKind != want && (records || s.CurvKind != sim.CurvNone) {
					t.Errorf("%s records %v, want %v", what, s.CurvKind, want)
					break
				}
				c := m.Truth.Level
				h := surf.hess(s.X)
				onLevel(t, what+": truth", drawnPoints(m.Truth), s.X, c, func(d [2]float64) float64 { return quadForm(h, d) }, surf.scale)
				if !records {
					if m.Est.Curv.Kind != geom.KindInvalid {
						t.Errorf("%s: an estimate is drawn for a method without one", what)
					}
					continue
				}
				seen[k.Name]++
				rec := [4]float64{s.Curv[0], s.Curv[1], s.Curv[2], s.Curv[3]}
				// B: the recorded matrix, or the inverse of the recorded H
				q := func(d [2]float64) float64 { return quadForm(rec, d) }
				vals, _ := scenetest.SymEigen(t, rec)
				if want == sim.CurvH {
					hm := mat.NewDense(2, 2, rec[:])
					q = func(d [2]float64) float64 {
						var z mat.VecDense
						if err := z.SolveVec(hm, mat.NewVecDense(2, d[:])); err != nil {
							t.Fatalf("%s: H = %v is singular: %v", what, rec, err)
						}
						return d[0]*z.AtVec(0) + d[1]*z.AtVec(1)
					}
					vals = [2]float64{1 / vals[0], 1 / vals[1]} // B's, of either order
					if vals[0] > vals[1] {
						vals[0], vals[1] = vals[1], vals[0]
					}
				}
				pts := drawnPoints(m.Est)
				if vals[1] <= 0 {
					// no positive curvature: ½dᵀBd = c > 0 has no points
					if len(pts) != 0 {
						t.Errorf("%s: B has no positive eigenvalue (%v) but %d points are drawn", what, vals, len(pts))
					}
					continue
				}
				onLevel(t, what+": estimate", pts, s.X, c, q, math.Max(math.Abs(vals[0]), math.Abs(vals[1])))
			}
		}
	}
	for name := range curvForms {
		if seen[name] < 5 {
			t.Errorf("%s: %d estimates checked (the method is gone, records nothing or leaves the view at once)", name, seen[name])
		}
	}
}

// The trust region is drawn as the circle |d| = Δ around the current
// iterate, Δ the radius the method reports, at every iterate (Δ grows and
// shrinks, and starts away from 1 so that Δ and Δ² differ); methods
// without one draw none.
func TestTrustRegionIsTheCircleOfRadiusDelta(t *testing.T) {
	sc := scenetest.MustDecode(t, "v1;s=rosenbrock;x=-1.2,1;m=sr1-tr:radius=0.5;m=tr-dogleg:radius=0.3;m=tr-cg:radius=0.7;m=newton;n=30")
	runs := sc.NewRuns()
	v := panelViewOf(sc)
	var hess [4]float64
	radii := map[float64]bool{}
	for step := 0; step <= 30; step++ {
		for i, r := range runs {
			if step > 0 {
				r.Step()
			}
			s := r.Last()
			m := marksAt(sc.Surface(), &s, v, &hess)
			what := sc.Methods[i].String() + " at iteration " + strconv.Itoa(s.Iter)
			if i == 3 {
				if m.Trust.Curv.Kind != geom.KindInvalid {
					t.Errorf("%s: a trust region is drawn", what)
				}
				continue
			}
			delta := s.Radius
			if !(delta > 0) {
				t.Fatalf("%s: trust radius %v", what, delta)
			}
			radii[delta] = true
			pts := drawnPoints(m.Trust)
			if len(pts) < 16 {
				t.Errorf("%s: %d points of the trust region drawn", what, len(pts))
				continue
			}
			for _, p := range pts {
				if d := math.Hypot(p[0]-s.X[0], p[1]-s.X[1]); math.Abs(d-delta) > 1e-12*delta {
					t.Errorf("%s: trust region passes %v at distance %.15g from %v, want Δ = %.15g", what, p, d, s.X, delta)
					break
				}
			}
		}
	}
	if len(radii) < 4 {
		t.Errorf("only %d distinct radii seen: the test does not exercise the radius", len(radii))
	}
}

// goldsteinPrice is Goldstein and Price's test function (1971), by hand:
// [1 + (x+y+1)²(19 − 14x + 3x² − 14y + 6xy + 3y²)] ·
// [30 + (2x − 3y)²(18 − 32x + 12x² + 48y − 36xy + 27y²)],
// whose global minimum is 3 at (0, −1).
func goldsteinPrice(x []float64) float64 {
	a, b := x[0], x[1]
	p := a + b + 1
	q := 2*a - 3*b
	return (1 + p*p*(19-14*a+3*a*a-14*b+6*a*b+3*b*b)) * (30 + q*q*(18-32*a+12*a*a+48*b-36*a*b+27*b*b))
}

// The plot under the panels is given, for each panel, f(x_k) − f* at
// every iterate, with f* = 3 the global minimum of Goldstein–Price (not
// one of its local minima), on a log scale.
func TestFPlotIsFMinusTheGlobalMinimum(t *testing.T) {
	g := newRig(t, "#v1;s=goldstein-price;x=-1.5,1.5;m=newton;m=bfgs;m=gd:lr=0.0001;n=30", 1600, 900)
	for range 12 {
		g.St.StepAll()
	}
	g.Frames(1)
	pl := &g.Scene.plot.pl
	if !pl.LogY {
		t.Error("f − f* not on a log scale")
	}
	for i, r := range scenetest.FreshRuns(g.St.Scen, 12) {
		var ys []float64
		for _, s := range pl.Series {
			if s.Color == ui.PanelColors[i] {
				ys = s.Y
			}
		}
		if len(ys) != len(r.Trace) {
			t.Fatalf("panel %d: %d values plotted for %d iterates", i+1, len(ys), len(r.Trace))
		}
		for k := range r.Trace {
			row := r.Row(k)
			want := goldsteinPrice(row.X) - 3
			if math.Abs(ys[k]-want) > 1e-12*math.Max(1, math.Abs(want)+3) || !(ys[k] >= 0) {
				t.Errorf("panel %d, iterate %d at %v: plotted %.15g, want f − 3 = %.15g", i+1, k, row.X, ys[k], want)
				break
			}
		}
	}
}
