package surface

import (
	"math"
	"slices"
	"testing"

	"curvlab/app/ui"
	"curvlab/internal/gameloop"
	"curvlab/render/geom"
	"curvlab/sim"
	"curvlab/sim/scenario"

	"github.com/hajimehoshi/ebiten/v2"
	"gonum.org/v1/gonum/mat"
)

// fdGrad and fdHess are f's gradient and Hessian at x by central
// differences.
func fdGrad(f func([]float64) float64, x []float64, h float64) [2]float64 {
	var g [2]float64
	for i := range 2 {
		a, b := slices.Clone(x), slices.Clone(x)
		a[i] += h
		b[i] -= h
		g[i] = (f(a) - f(b)) / (2 * h)
	}
	return g
}

func fdHess(f func([]float64) float64, x []float64, h float64) [4]float64 {
	var H [4]float64
	for i := range 2 {
		for j := range 2 {
			at := func(di, dj float64) float64 {
				y := slices.Clone(x)
				y[i] += di
				y[j] += dj
				return f(y)
			}
			H[2*i+j] = (at(h, h) - at(h, -h) - at(-h, h) + at(-h, -h)) / (4 * h * h)
		}
	}
	return H
}

// TestModelPatchIsTheMethodsModel: the disc the 3D view draws at an
// iterate is m(p) = f + gᵀp + ½pᵀBp with, for Newton's method, f's own
// gradient and Hessian there (finite differences of the surface), for
// BFGS the inverse of the H it keeps (gonum's inverse), for a trust-region
// method over its region; its minimizer is where m's gradient vanishes;
// gradient descent holds no model.
func TestModelPatchIsTheMethodsModel(t *testing.T) {
	sc, err := scenario.Decode("v1;s=rosenbrock;x=-1.2,1;m=newton;m=bfgs;m=tr-dogleg;m=gd:lr=0.001")
	if err != nil {
		t.Fatal(err)
	}
	runs := sc.NewRuns()
	for _, r := range runs {
		for n := 0; n < 3 && r.Step(); n++ {
		}
	}
	f := sc.Surface().Func
	span := 4.0

	// Newton at the start, where ∇²f is positive definite (unmodified).
	row := runs[0].Row(0)
	p, ok := patchAt(&row, span)
	if !ok {
		t.Fatal("Newton's method has no model")
	}
	mf := func(x []float64) float64 { return p.At(x[0]-p.X, x[1]-p.Y) }
	x := row.X
	if got := p.At(0, 0); got != f(x) {
		t.Errorf("m(0) = %g, f(x) = %g: the model does not touch the surface", got, f(x))
	}
	gm, gf := fdGrad(mf, x, 1e-5), fdGrad(f, x, 1e-5)
	hm, hf := fdHess(mf, x, 1e-4), fdHess(f, x, 1e-4)
	for i := range 2 {
		if math.Abs(gm[i]-gf[i]) > 1e-5*math.Abs(gf[i])+1e-6 {
			t.Errorf("Newton: the model's gradient %v, f's %v", gm, gf)
		}
	}
	for i := range 4 {
		if math.Abs(hm[i]-hf[i]) > 1e-4*1506 {
			t.Errorf("Newton: the model's Hessian %v, f's %v", hm, hf)
		}
	}
	checkMinimizer(t, "Newton", p)

	// BFGS keeps H ≈ (∇²f)⁻¹: the model's B is its inverse.
	row = runs[1].Last()
	if row.CurvKind != sim.CurvH {
		t.Fatalf("BFGS keeps %v, not H", row.CurvKind)
	}
	p, ok = patchAt(&row, span)
	if !ok {
		t.Fatal("BFGS has no model")
	}
	var inv mat.Dense
	if err := inv.Inverse(mat.NewDense(2, 2, slices.Clone(row.Curv[:4]))); err != nil {
		t.Fatal(err)
	}
	mf = func(x []float64) float64 { return p.At(x[0]-p.X, x[1]-p.Y) }
	hm = fdHess(mf, row.X, 1e-3)
	for i := range 4 {
		if want := (inv.At(i/2, i%2) + inv.At(i%2, i/2)) / 2; math.Abs(hm[i]-want) > 1e-6*math.Max(1, math.Abs(want)) {
			t.Errorf("BFGS: the model's Hessian %v, want H⁻¹ = %v", hm, mat.Formatted(&inv))
		}
	}
	checkMinimizer(t, "BFGS", p)

	// The trust region's disc.
	row = runs[2].Last()
	p, ok = patchAt(&row, span)
	if !ok || !p.Trust || p.Radius != row.Radius || !(row.Radius > 0) {
		t.Fatalf("tr-dogleg: patch %+v, ok %v; its radius Δ = %g", p, ok, row.Radius)
	}
	for j := range patchSpokes {
		if dx, dy := patchNode(p.Radius, patchRings, j); math.Abs(math.Hypot(dx, dy)-row.Radius) > 1e-12*row.Radius {
			t.Fatalf("the rim's node %d is %g from the iterate, Δ = %g", j, math.Hypot(dx, dy), row.Radius)
		}
	}

	row = runs[3].Last()
	if _, ok := patchAt(&row, span); ok {
		t.Error("gradient descent keeps no model, but a patch is drawn")
	}
}

// checkMinimizer checks that the model's gradient vanishes at its minimizer.
func checkMinimizer(t *testing.T, name string, p modelPatch) {
	t.Helper()
	if !p.HasMin {
		t.Fatalf("%s: the model has no minimizer", name)
	}
	mf := func(x []float64) float64 { return p.At(x[0]-p.X, x[1]-p.Y) }
	g := fdGrad(mf, p.Min[:], 1e-4)
	scale := math.Hypot(p.G[0], p.G[1])
	if math.Hypot(g[0], g[1]) > 1e-6*scale {
		t.Errorf("%s: the model's gradient at its minimizer %v is %v (|g| at x %g)", name, p.Min, g, scale)
	}
}

// TestSolidPictureIsTheNumbers draws a bowl in 3D from straight above and
// reads the pictures back: the mesh's heights are the heatmap's colour
// positions of f at the grid's points of the scenario's window; its cells
// are painted from the farthest to the nearest; the pixel over a vertex
// has the colormap's colour of its height, lit by a grey light; the
// current iterate is a dot of the panel's colour where the plan puts it,
// and the model's disc is translucent around it, and only there.
func TestSolidPictureIsTheNumbers(t *testing.T) {
	g := newRig(t, "#v1;s=quadratic;x=1,0.5;m=newton;z=1:0,90", 1000, 700)
	untilWhole(t, g, 20)
	s := g.Scene
	m := &s.mesh
	win := g.St.View()
	surf := g.St.Scen.Surface()
	n := meshN
	for _, ij := range [][2]int{{0, 0}, {n - 1, n - 1}, {64, 64}, {10, 100}, {127, 3}} {
		i, j := ij[0], ij[1]
		x := win.XMin + (win.XMax-win.XMin)*float64(i)/float64(n-1)
		y := win.YMin + (win.YMax-win.YMin)*float64(j)/float64(n-1)
		if got, want := m.t[j*n+i], s.surface.scale.T(surf.Func([]float64{x, y})); math.Abs(got-want) > 1e-12 {
			t.Errorf("vertex (%d, %d) at (%g, %g): height t = %g, want %g", i, j, x, y, got, want)
		}
	}
	for k := 1; k < len(m.order); k++ {
		if m.depth[m.order[k]] < m.depth[m.order[k-1]] {
			t.Fatalf("cell %d is painted after a nearer one", m.order[k])
		}
	}
	if len(m.order) != (n-1)*(n-1) {
		t.Errorf("%d cells painted, want %d", len(m.order), (n-1)*(n-1))
	}

	var meshPix, runPix []byte
	var w, h int
	gameloop.OnFrames(1, g.Update, func(*ebiten.Image) {
		g.Draw(g.Img)
		w, h = s.meshLayer.Size()
		meshPix, runPix = make([]byte, 4*w*h), make([]byte, 4*w*h)
		s.meshLayer.Image().ReadPixels(meshPix)
		s.solids[0].Image().ReadPixels(runPix)
	})
	// From above at azimuth 0 the plan: the window's centre at the
	// picture's centre (within its margin), unit world lengths alike on
	// both axes, y up.
	cx, cy := (win.XMin+win.XMax)/2, (win.YMin+win.YMax)/2
	half := math.Max(win.XMax-win.XMin, win.YMax-win.YMin) / 2
	margin := 0.04 * float64(min(w, h))
	o := geom.NewOrbit(0, 90, geom.Rect{X: margin, Y: margin, W: float64(w) - 2*margin, H: float64(h) - 2*margin}, (win.XMax-win.XMin)/2/half, (win.YMax-win.YMin)/2/half, meshHalfHeight) // the box the camera fits
	pxAt := func(pix []byte, x, y float64) []byte {
		sx, sy := o.Project((x-cx)/half, (y-cy)/half, 0)
		i := 4 * (int(sy)*w + int(sx))
		return pix[i : i+4]
	}
	for _, ij := range [][2]int{{20, 30}, {64, 64}, {100, 90}, {120, 10}} {
		i, j := ij[0], ij[1]
		x := win.XMin + (win.XMax-win.XMin)*float64(i)/float64(n-1)
		y := win.YMin + (win.YMax-win.YMin)*float64(j)/float64(n-1)
		want := geom.Colormap(s.surface.scale.T(surf.Func([]float64{x, y})))
		px := pxAt(meshPix, x, y)
		var light [3]float64
		for c, v := range [3]uint8{want.R, want.G, want.B} {
			light[c] = float64(px[c]) / math.Max(1, float64(v))
		}
		lo, hi := slices.Min(light[:]), slices.Max(light[:])
		if px[3] != 255 || lo < 0.45 || hi > 1.02 || hi-lo > 0.06 {
			t.Errorf("vertex (%d, %d): pixel %v, the colormap's colour of its height %v: not a grey light of it (%.3v)", i, j, px, want, light)
		}
	}
	clr := ui.PanelColors[0]
	x0 := g.St.Scen.Start
	if px := pxAt(runPix, x0[0], x0[1]); !pixelClass(px, clr) {
		t.Errorf("the iterate (%g, %g): pixel %v, want the panel's colour %v", x0[0], x0[1], px, clr)
	}
	last := g.St.Runs[0].Last()
	p, ok := patchAt(&last, win.XMax-win.XMin)
	if !ok {
		t.Fatal("no model at the start")
	}
	for _, c := range []struct {
		r    float64
		want bool
	}{{0.5, true}, {0.8, true}, {1.3, false}, {1.6, false}} {
		for _, a := range []float64{0.3, 2, 4} {
			x, y := p.X+c.r*p.Radius*math.Cos(a), p.Y+c.r*p.Radius*math.Sin(a)
			if x < win.XMin || x > win.XMax || y < win.YMin || y > win.YMax {
				continue
			}
			px := pxAt(runPix, x, y)
			if in := px[3] > 80 && px[3] < 115; in != c.want {
				t.Errorf("%.1f radii from the iterate, at %.1f rad: alpha %d; on the model's disc %v", c.r, a, px[3], c.want)
			}
		}
	}
}
