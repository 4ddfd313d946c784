package surface

import (
	"fmt"
	"image/color"
	"math"
	"strings"
	"testing"

	"curvlab/app/ui"
	"curvlab/internal/gameloop"
	"curvlab/internal/scenetest"
	"curvlab/render/geom"
	"curvlab/sim"

	"github.com/hajimehoshi/ebiten/v2"
)

// The pixels of a drawn panel: each panel's layer of current-iterate marks
// (what the screen shows over the surface, drawn on a transparent image)
// is read back after a real frame, and its coloured pixels are held
// against curves computed here from closed forms and gonum: the dashed
// estimate in the panel's colour, the white truth, the dashed trust
// circle.

// screenCurve is a closed curve in a layer's pixels.
type screenCurve struct {
	name string
	pts  [][2]float64
}

// toLayer maps world (x, y) to the pixels of a layer showing v's world
// window on a W×H image at the origin (world y up).
func toLayer(v geom.View, x, y float64) [2]float64 {
	return [2]float64{
		(x - v.XMin) / (v.XMax - v.XMin) * v.Screen.W,
		(v.YMax - y) / (v.YMax - v.YMin) * v.Screen.H,
	}
}

// ellipseCurve is {centre + d : ½dᵀBd = c} for B with eigenvalues vals > 0
// along unit vectors vecs: semi-axes √(2c/λᵢ), sampled finely.
func ellipseCurve(name string, v geom.View, centre []float64, vals [2]float64, vecs [2][2]float64, c float64) screenCurve {
	a1, a2 := math.Sqrt(2*c/vals[0]), math.Sqrt(2*c/vals[1])
	const n = 4096
	sc := screenCurve{name: name}
	for k := range n {
		s, co := math.Sincos(2 * math.Pi * float64(k) / n)
		x := centre[0] + a1*co*vecs[0][0] + a2*s*vecs[1][0]
		y := centre[1] + a1*co*vecs[0][1] + a2*s*vecs[1][1]
		sc.pts = append(sc.pts, toLayer(v, x, y))
	}
	return sc
}

// circleCurve is the circle of radius r around centre.
func circleCurve(name string, v geom.View, centre []float64, r float64) screenCurve {
	return ellipseCurve(name, v, centre, [2]float64{1, 1}, [2][2]float64{{1, 0}, {0, 1}}, 0.5*r*r)
}

// distTo returns the distance from p to the nearest sample of any curve.
func distTo(p [2]float64, curves []screenCurve) float64 {
	d := math.Inf(1)
	for _, c := range curves {
		for _, q := range c.pts {
			d = math.Min(d, math.Hypot(p[0]-q[0], p[1]-q[1]))
		}
	}
	return d
}

// pixelClass tells whether the premultiplied pixel px is of colour clr
// (premultiplied too): at least 63 % as opaque, its colour within 40 of
// 255 in each channel once both are unpremultiplied.
func pixelClass(px []byte, clr color.RGBA) bool {
	a := float64(px[3])
	if a < 0.63*float64(clr.A) || a == 0 {
		return false
	}
	for i, want := range [3]uint8{clr.R, clr.G, clr.B} {
		if math.Abs(float64(px[i])*255/a-float64(want)*255/float64(clr.A)) > 40 {
			return false
		}
	}
	return true
}

// panelLayer is the pixels of a panel's overlay layer, its size and the
// view it was drawn in (at the origin).
type panelLayer struct {
	pix  []byte
	w, h int
	v    geom.View
}

// layerPixels opens link on a 1600×900 (CSS pixels) screen of the given
// scale, takes steps steps, runs a frame and returns the scene's rig and
// each panel's overlay layer (one in overlay mode).
func layerPixels(t *testing.T, link string, steps int, scale float64) (*scenetest.Rig[*Scene], []panelLayer) {
	t.Helper()
	g := scenetest.New(t, link, int(1600*scale), int(900*scale), scale, New)
	for range steps {
		g.St.StepAll()
	}
	var layers []panelLayer
	gameloop.OnFrames(1, g.Update, func(*ebiten.Image) {
		g.Draw(g.Img)
		for i := range g.Scene.PanelCount(g.St) {
			l := g.Scene.overlays[i].Image()
			if l == nil {
				t.Errorf("panel %d has no layer of marks", i+1)
				return
			}
			b := l.Bounds()
			pl := panelLayer{w: b.Dx(), h: b.Dy(), pix: make([]byte, 4*b.Dx()*b.Dy())}
			l.ReadPixels(pl.pix)
			layers = append(layers, pl)
		}
	})
	if len(layers) == 0 {
		t.FailNow()
	}
	for i := range layers {
		v := g.Scene.View(g.St, g.Panels[i].Plot)
		v.Screen.X, v.Screen.Y = 0, 0
		if int(v.Screen.W) != layers[i].w || int(v.Screen.H) != layers[i].h {
			t.Fatalf("panel %d: layer %d×%d, view %v", i+1, layers[i].w, layers[i].h, v.Screen)
		}
		layers[i].v = v
	}
	return g, layers
}

// checkPixels asserts that the pixels of colour clr lie on the curves
// (within 2.5 px of u device pixels, the half-width of the 2 px stroke
// and a margin, but for a few anti-aliasing strays; away from the mask)
// and that the curves are drawn: at least cover of their samples inside
// the layer have a pixel of colour clr, or of one of also, within 2 px.
func checkPixels(t *testing.T, what string, pix []byte, w, h int, u float64, clr color.RGBA, also []color.RGBA, curves []screenCurve, cover float64, masked func(p [2]float64) bool) {
	t.Helper()
	var on, off int
	var worst float64
	// near marks the pixels whose centre lies within 2.5u of a sample
	// (the samples are well under a pixel apart)
	near := make([]bool, w*h)
	tol := 2.5 * u
	for _, c := range curves {
		for _, q := range c.pts {
			for y := max(0, int(q[1]-tol)); y <= min(h-1, int(q[1]+tol)); y++ {
				for x := max(0, int(q[0]-tol)); x <= min(w-1, int(q[0]+tol)); x++ {
					if math.Hypot(float64(x)+0.5-q[0], float64(y)+0.5-q[1]) <= tol {
						near[y*w+x] = true
					}
				}
			}
		}
	}
	hit := make([]bool, w*h)
	for y := range h {
		for x := range w {
			px := pix[4*(y*w+x) : 4*(y*w+x)+4]
			mine := pixelClass(px, clr)
			for _, c := range also {
				if pixelClass(px, c) {
					hit[y*w+x] = true
				}
			}
			if !mine {
				continue
			}
			hit[y*w+x] = true
			p := [2]float64{float64(x) + 0.5, float64(y) + 0.5}
			if masked(p) {
				continue
			}
			if near[y*w+x] {
				on++
			} else {
				off++
				worst = math.Max(worst, distTo(p, curves))
			}
		}
	}
	if on < 50 || off > on/100 {
		t.Errorf("%s: %d pixels of the colour on the curves, %d off them (worst %.1f px away)", what, on, off, worst)
	}
	r := int(math.Round(2 * u))
	for _, c := range curves {
		var inside, covered int
		for _, q := range c.pts {
			if q[0] < 3 || q[1] < 3 || q[0] > float64(w)-3 || q[1] > float64(h)-3 || masked(q) {
				continue
			}
			inside++
		found:
			for dy := -r; dy <= r; dy++ {
				for dx := -r; dx <= r; dx++ {
					x, y := int(q[0])+dx, int(q[1])+dy
					if x >= 0 && y >= 0 && x < w && y < h && hit[y*w+x] {
						covered++
						break found
					}
				}
			}
		}
		if inside < 100 || float64(covered) < cover*float64(inside) {
			t.Errorf("%s: %s drawn along %d of its %d samples inside the panel, want %.0f%%", what, c.name, covered, inside, 100*cover)
		}
	}
}

// markMask returns the mask of what else is drawn at step s: the
// iterate's dot (9 px) and, for the white pixels, the arrow along −g
// (44 px and its head), in pixels of u device pixels.
func markMask(v geom.View, s *sim.Row, u float64, arrow bool) func(p [2]float64) bool {
	c := toLayer(v, s.X[0], s.X[1])
	n := math.Hypot(s.G[0], s.G[1])
	dir := [2]float64{-s.G[0] / n, s.G[1] / n}
	return func(p [2]float64) bool {
		dx, dy := p[0]-c[0], p[1]-c[1]
		if math.Hypot(dx, dy) < 9*u {
			return true
		}
		if !arrow || !(n > 0) {
			return false
		}
		along := dx*dir[0] + dy*dir[1]
		across := math.Abs(dx*dir[1] - dy*dir[0])
		return along > -3*u && along < 50*u && across < 9*u
	}
}

// estimateCurve is the closed-form level set ½dᵀBd = c of step s's
// recorded curvature read as a Hessian: the Hessian itself or B, or the
// inverse of H (eigenvalues 1/μ along H's eigenvectors, by gonum); and
// B's eigenvalues, ascending.
func estimateCurve(t *testing.T, v geom.View, s *sim.Row, c float64) (screenCurve, [2]float64) {
	t.Helper()
	vals, vecs := scenetest.SymEigen(t, [4]float64{s.Curv[0], s.Curv[1], s.Curv[2], s.Curv[3]})
	if s.CurvKind == sim.CurvH {
		vals[0], vals[1] = 1/vals[0], 1/vals[1]
	}
	if !(vals[0] > 0 && vals[1] > 0) {
		t.Fatalf("estimate at %v is not positive definite: %v", s.X, vals)
	}
	if vals[0] > vals[1] {
		vals[0], vals[1] = vals[1], vals[0]
		vecs[0], vecs[1] = vecs[1], vecs[0]
	}
	return ellipseCurve("the estimate's ellipse", v, s.X, vals, vecs, c), vals
}

const trLink = "v1;s=quadratic:l1=2;x=-1.5,1;m=tr-dogleg:radius=0.5;m=sr1-tr:radius=0.3;n=20;u=t"

// On sr1-learns at steps 0 and 2, and on a bowl with two trust-region
// methods, each panel's pixels show its dashed estimate, the white truth
// and the trust circle where the closed forms put them, and its readout
// names the eigenvalues of both.
func TestPanelPixelsShowTheMarks(t *testing.T) {
	link := scenetest.PresetLink(t, "sr1-learns")
	a, _, _ := sr1LearnsBowl()
	trueVals, trueVecs := scenetest.SymEigen(t, a)
	for _, c := range []struct {
		name  string
		link  string
		steps int
		scale float64 // device pixels per CSS pixel
	}{
		{"sr1-learns at step 0", link, 0, 1},
		{"sr1-learns at step 2", link, 2, 1},
		{"sr1-learns at step 2 on a hi-DPI screen", link, 2, 2},
		{"trust regions at step 0", trLink, 0, 1},
		{"trust regions at step 3", trLink, 3, 1},
		{"trust regions at step 3 on a hi-DPI screen", trLink, 3, 2},
	} {
		g, layers := layerPixels(t, c.link, c.steps, c.scale)
		for i, r := range g.St.Runs {
			pix, w, h, v := layers[i].pix, layers[i].w, layers[i].h, layers[i].v
			s := r.Last()
			if s.Iter != c.steps && s.Events&sim.EventConverged == 0 {
				t.Fatalf("%s: panel %d at iteration %d", c.name, i+1, s.Iter)
			}
			what := fmt.Sprintf("%s, panel %d (%s)", c.name, i+1, g.St.Scen.Methods[i])
			// The level c at which both are drawn: the one at which the
			// truth's ellipse has the semi-axes TestSR1LearnsPicture checks.
			var hess [4]float64
			lev := marksAt(g.St.Scen.Surface(), &s, v, &hess).Truth.Level
			truth := ellipseCurve("the true ellipse", v, s.X, trueVals, trueVecs, lev)
			est, estVals := estimateCurve(t, v, &s, lev)
			mine := []screenCurve{est}
			if s.Radius > 0 {
				mine = append(mine, circleCurve("the trust circle", v, s.X, s.Radius))
			}
			clr := ui.PanelColors[i]
			u := g.C.M.U
			checkPixels(t, what+": dashed", pix, w, h, u, clr, nil, mine, 0.6, markMask(v, &s, u, false))
			// the truth is solid, and covered by the estimate where they agree
			checkPixels(t, what+": white", pix, w, h, u, ui.True, []color.RGBA{clr}, []screenCurve{truth}, 0.9, markMask(v, &s, u, true))
			// and the readout under the panel names the same eigenvalues
			lines := g.Scene.panels[i].lines
			if want := "λ " + ui.Num(2) + ", " + ui.Num(10); !strings.Contains(lines[2], want) {
				t.Errorf("%s: readout %q, want the true Hessian's %q", what, lines[2], want)
			}
			if want := "λ " + ui.Num(estVals[0]) + ", " + ui.Num(estVals[1]); !strings.Contains(lines[3], want) {
				t.Errorf("%s: readout %q, want the estimate's %q", what, lines[3], want)
			}
		}
	}
}

// hyperbolaCurve is {centre + d : ½dᵀBd = c}, c > 0, for B with
// eigenvalues lp > 0 along vp and ln < 0 along vn: the two branches
// d = ±√(2c/lp)·cosh s·vp + √(2c/|ln|)·sinh s·vn, sampled out to reach
// (world units) from the centre.
func hyperbolaCurve(name string, v geom.View, centre []float64, lp float64, vp [2]float64, ln float64, vn [2]float64, c, reach float64) screenCurve {
	a, b := math.Sqrt(2*c/lp), math.Sqrt(2*c/-ln)
	smax := math.Asinh(reach / math.Min(a, b))
	const n = 8192
	sc := screenCurve{name: name}
	for _, sign := range []float64{1, -1} {
		for k := 0; k <= n; k++ {
			s := -smax + 2*smax*float64(k)/n
			p, q := sign*a*math.Cosh(s), b*math.Sinh(s)
			if math.Hypot(p, q) > reach {
				continue
			}
			sc.pts = append(sc.pts, toLayer(v, centre[0]+p*vp[0]+q*vn[0], centre[1]+p*vp[1]+q*vn[1]))
		}
	}
	return sc
}

// segmentCurve is the segment from centre − r·u to centre + r·u.
func segmentCurve(name string, v geom.View, centre []float64, u [2]float64, r float64) screenCurve {
	const n = 2048
	sc := screenCurve{name: name}
	for k := 0; k <= n; k++ {
		t := r * (2*float64(k)/n - 1)
		sc.pts = append(sc.pts, toLayer(v, centre[0]+t*u[0], centre[1]+t*u[1]))
	}
	return sc
}

// On the saddle x² − y² (Hessian diag(2, −2)) the truth is drawn as the
// hyperbola ½dᵀAd = c (vertices on the x axis), its conjugate −c
// (vertices on the y axis) and both eigenvector axes; plain Newton's
// estimate, the Hessian itself, as the same hyperbola and axes in the
// panel's colour; saddle-free Newton's, |A| = 2·I, as the circle of
// radius √c.
func TestSaddlePixelsShowHyperbolas(t *testing.T) {
	link := scenetest.PresetLink(t, "saddle")
	ex, ey := [2]float64{1, 0}, [2]float64{0, 1}
	for _, steps := range []int{0, 2} {
		g, layers := layerPixels(t, link, steps, 1)
		for i, r := range g.St.Runs {
			if i == 0 && steps > 0 {
				continue // plain Newton sits on the saddle, where g = 0
			}
			pix, w, h, v := layers[i].pix, layers[i].w, layers[i].h, layers[i].v
			s := r.Last()
			what := fmt.Sprintf("saddle at step %d, panel %d (%s)", steps, i+1, g.St.Scen.Methods[i])
			var hess [4]float64
			c := marksAt(g.St.Scen.Surface(), &s, v, &hess).Truth.Level
			reach := 2 * (v.XMax - v.XMin)
			axis := 0.1 * (v.XMax - v.XMin)
			truth := []screenCurve{
				hyperbolaCurve("the true hyperbola", v, s.X, 2, ex, -2, ey, c, reach),
				hyperbolaCurve("its conjugate", v, s.X, 2, ey, -2, ex, c, reach),
				segmentCurve("the positive axis", v, s.X, ex, axis),
				segmentCurve("the negative axis", v, s.X, ey, axis),
			}
			clr := ui.PanelColors[i]
			u := g.C.M.U
			// the conjugate is drawn at 60 % opacity: take the white pixels at least that opaque
			checkPixels(t, what+": white", pix, w, h, u, color.RGBA{153, 153, 153, 153}, []color.RGBA{clr}, truth, 0.45, markMask(v, &s, u, true))
			switch i {
			case 0:
				est := []screenCurve{truth[0], truth[2], truth[3]}
				checkPixels(t, what+": dashed", pix, w, h, u, clr, nil, est, 0.45, markMask(v, &s, u, false))
			case 1:
				est := []screenCurve{circleCurve("the circle of |A|", v, s.X, math.Sqrt(c))}
				checkPixels(t, what+": dashed", pix, w, h, u, clr, nil, est, 0.6, markMask(v, &s, u, false))
			}
		}
	}
}

// In overlay mode (one panel, every run) each run's dashed estimate sits
// at its own iterate in its own colour, and the white truth at the first
// run's.
func TestOverlayPixelsShowEachRunsMarks(t *testing.T) {
	link := scenetest.PresetLink(t, "sr1-learns")
	a, _, _ := sr1LearnsBowl()
	trueVals, trueVecs := scenetest.SymEigen(t, a)
	const steps = 2
	g, layers := layerPixels(t, link+"o", steps, 1)
	if !g.St.Flags.Overlay {
		t.Fatal("not in overlay mode")
	}
	pix, w, h, v := layers[0].pix, layers[0].w, layers[0].h, layers[0].v
	u := g.C.M.U
	runs := scenetest.FreshRuns(g.St.Scen, steps)
	var masks []func(p [2]float64) bool
	for _, r := range runs {
		last := r.Last()
		masks = append(masks, markMask(v, &last, u, true))
	}
	masked := func(p [2]float64) bool {
		for _, m := range masks {
			if m(p) {
				return true
			}
		}
		return false
	}
	var hess [4]float64
	last := runs[0].Last()
	lev := marksAt(g.St.Scen.Surface(), &last, v, &hess).Truth.Level
	for i, r := range runs {
		s := r.Last()
		what := fmt.Sprintf("overlay, run %d (%s)", i+1, g.St.Scen.Methods[i])
		est, _ := estimateCurve(t, v, &s, lev)
		checkPixels(t, what+": dashed", pix, w, h, u, ui.PanelColors[i], nil, []screenCurve{est}, 0.6, masked)
	}
	truth := ellipseCurve("the true ellipse", v, runs[0].Last().X, trueVals, trueVecs, lev)
	checkPixels(t, "overlay: white", pix, w, h, u, ui.True, ui.PanelColors[:], []screenCurve{truth}, 0.9, masked)
}
