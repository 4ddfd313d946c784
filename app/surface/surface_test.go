package surface

import (
	"math"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"

	"curvlab/app/ui"
	"curvlab/internal/gameloop"
	"curvlab/internal/scenetest"
	"curvlab/render/geom"
	"curvlab/sim"
	"curvlab/sim/explore"

	"github.com/hajimehoshi/ebiten/v2"
)

// TestSurfaceCoarseThenSharp checks the surface's two stages: after a
// change (the first frame, a zoom) its values are sampled on a coarse grid,
// and the next frame samples every pixel; both grids hold the surface's
// values at their cells' centres, the coarse frame looks like the sharp one,
// and a frame in which nothing changed computes nothing.
func TestSurfaceCoarseThenSharp(t *testing.T) {
	g := newRig(t, "", 1600, 900)
	si := &g.Scene.surface
	surf := g.St.Scen.Surface()
	w, h := int(si.view.Screen.W), int(si.view.Screen.H)
	if w*h <= coarseSamples {
		t.Fatalf("panels of %d×%d pixels: too small for a coarse first frame", w, h)
	}
	// checkGrid compares every 37th value with the surface at its cell's
	// centre, the cells being step pixels wide from the panel's left/top.
	checkGrid := func(stage string, step int) {
		t.Helper()
		gw, gh := (w+step-1)/step, (h+step-1)/step
		if si.step != step || len(si.vals) != gw*gh {
			t.Fatalf("%s: step %d with %d values, want step %d with %d×%d", stage, si.step, len(si.vals), step, gw, gh)
		}
		v := si.view
		for k := 0; k < len(si.vals); k += 37 {
			i, j := k%gw, k/gw
			x := v.XMin + (float64(i)+0.5)*(v.XMax-v.XMin)/float64(gw)
			y := v.YMax - (float64(j)+0.5)*(v.YMax-v.YMin)/float64(gh)
			want := surf.Func([]float64{x, y})
			if got := si.vals[k]; math.Abs(got-want) > 1e-12*math.Max(1, math.Abs(want)) {
				t.Fatalf("%s: value (%d, %d) = %g, f(%g, %g) = %g", stage, i, j, got, x, y, want)
			}
		}
	}
	checkGrid("first frame", coarseStep(w, h))
	coarse := make([]byte, 4*1600*900)
	gameloop.OnFrames(1, nil, func(*ebiten.Image) { g.Img.ReadPixels(coarse) })
	scenetest.SaveShot(t, g.Img, "surface-coarse")

	frame := func() { g.Frames(1) }
	frame()
	checkGrid("second frame", 1)
	sharp := make([]byte, 4*1600*900)
	gameloop.OnFrames(1, nil, func(*ebiten.Image) { g.Img.ReadPixels(sharp) })
	scenetest.SaveShot(t, g.Img, "surface-sharp")

	// Inside the first panel, away from text, contour lines and marks, most
	// pixels of the coarse frame are within a few levels of the sharp one.
	pr := g.Panels[0].Plot
	near, all := 0, 0
	for y := int(pr.Y) + 30; y < int(pr.Y+pr.H)-30; y++ {
		for x := int(pr.X) + 40; x < int(pr.X+pr.W)-10; x++ {
			k := 4 * (y*1600 + x)
			d := 0
			for c := k; c < k+3; c++ {
				d = max(d, int(coarse[c])-int(sharp[c]), int(sharp[c])-int(coarse[c]))
			}
			all++
			if d <= 12 {
				near++
			}
		}
	}
	if frac := float64(near) / float64(all); frac < 0.98 {
		t.Errorf("only %.1f%% of the first panel's pixels are within 12 levels of the sharp frame", 100*frac)
	}

	computed := si.computed
	frame()
	if si.computed != computed {
		t.Errorf("a frame without a change recomputed the surface")
	}

	v := g.St.View() // zoom in 1.25× about the window's centre
	cx, cy, hw, hh := (v.XMin+v.XMax)/2, (v.YMin+v.YMax)/2, (v.XMax-v.XMin)/2.5, (v.YMax-v.YMin)/2.5
	v.XMin, v.XMax, v.YMin, v.YMax = cx-hw, cx+hw, cy-hh, cy+hh
	g.St.SetView(&v)
	frame()
	checkGrid("after zooming in", coarseStep(w, h))
	frame()
	checkGrid("a frame after zooming in", 1)
}

// TestPendingUntilThePictureIsWhole: the scene is pending while the
// surface is coarse and while a trail is drawn over several frames, and
// not once the picture is whole.
func TestPendingUntilThePictureIsWhole(t *testing.T) {
	g := newRig(t, "#v1;s=rosenbrock;x=-1.2,1;m=gd:lr=0.001;m=bfgs;n=5000;t=0", 1600, 900)
	if !g.Scene.Pending(g.St) || g.Scene.surface.step == 1 {
		t.Fatalf("after the first (coarse) frame: pending %v, step %d", g.Scene.Pending(g.St), g.Scene.surface.step)
	}
	g.Frames(1)
	if g.Scene.Pending(g.St) {
		t.Fatal("pending with a sharp surface and one iterate a run")
	}
	for !g.St.Done() {
		g.St.StepAll()
	}
	rows := len(g.St.Runs[0].Kept())
	frames := 0
	for ; g.Scene.Pending(g.St) && frames < 100; frames++ {
		g.Frames(1)
	}
	if want := (rows + TrailPointsPerFrame - 1) / TrailPointsPerFrame; frames != want {
		t.Errorf("pending for %d frames after the runs ended, want %d (a trail of %d iterates, %d a frame)", frames, want, rows, TrailPointsPerFrame)
	}
	if pc := &g.Scene.panels[0]; pc.trailN != rows {
		t.Errorf("not pending with %d of %d iterates drawn", pc.trailN, rows)
	}
}

// TestTypedSurfaceDrawsOnlyNumbers: a typed surface, log(x) + y², opens
// from its link; its grid holds the formula's values where x > 0 and NaN
// where x < 0, and the panel shows the no-data grey there, not a colour;
// the run's first row holds the formula's value and exact gradient at
// (1, 1): f = 1, ∇f = (1/x, 2y) = (1, 2).
func TestTypedSurfaceDrawsOnlyNumbers(t *testing.T) {
	g := newRig(t, "#v1;f=log(x)%20+%20y%5E2;x=1,1;m=newton;w=-2,2,-2,2", 1600, 900)
	if g.St.Notice != "" {
		t.Fatal(g.St.Notice)
	}
	g.Frames(2) // the sharp grid
	si := &g.Scene.surface
	w, h := int(si.view.Screen.W), int(si.view.Screen.H)
	if si.step != 1 || len(si.vals) != w*h {
		t.Fatalf("grid step %d with %d values for %d×%d", si.step, len(si.vals), w, h)
	}
	v := si.view
	for k := 0; k < len(si.vals); k += 41 {
		i, j := k%w, k/w
		x := v.XMin + (float64(i)+0.5)*(v.XMax-v.XMin)/float64(w)
		y := v.YMax - (float64(j)+0.5)*(v.YMax-v.YMin)/float64(h)
		got := si.vals[k]
		if x < 0 && !math.IsNaN(got) || x > 0 && math.Abs(got-(math.Log(x)+y*y)) > 1e-12*math.Max(1, math.Abs(got)) {
			t.Fatalf("cell (%d, %d) at (%g, %g): %v, want log(x) + y² = %v", i, j, x, y, got, math.Log(x)+y*y)
		}
	}
	pix := g.Pixels()
	pr := g.Panels[0].Plot
	grey, all := 0, 0
	for y := int(pr.Y) + 40; y < int(pr.Y+pr.H)-40; y += 3 {
		for x := int(pr.X) + 40; x < int(pr.X+pr.W/2)-20; x += 3 { // the left half: x < 0
			k := 4 * (y*g.W + x)
			all++
			if pix[k] == geom.NoData.R && pix[k+1] == geom.NoData.G && pix[k+2] == geom.NoData.B {
				grey++
			}
		}
	}
	if grey < all*95/100 {
		t.Errorf("only %d of %d pixels where the formula is NaN are the no-data grey", grey, all)
	}
	g.St.StepAll()
	if r := g.St.Runs[0]; len(r.Trace) != 2 || r.Row(0).F != 1 || r.Row(0).G[0] != 1 || r.Row(0).G[1] != 2 {
		t.Errorf("rows %d, row 0 f %v ∇f %v", len(r.Trace), r.Row(0).F, r.Row(0).G)
	}
}

// TestNotANumberIsTold: a run on a typed surface that steps where the
// formula has no value stops there (diverged), and the status line says
// where; a run that merely ends says nothing.
func TestNotANumberIsTold(t *testing.T) {
	g := newRig(t, "#v1;f=log(x)%20+%20y%5E2;x=0.5,0.5;m=gd:lr=1;m=newton;n=20", 1600, 900)
	for !g.St.Done() {
		g.St.StepAll()
	}
	g.Frames(1)
	if r := g.St.Runs[0]; len(r.Trace) != 2 || r.Last().Events&sim.EventDiverged == 0 {
		t.Fatalf("gd from (0.5, 0.5) with lr 1 (to x = −1.5): %d rows, events %v", len(r.Trace), r.Last().Events)
	}
	if want := "Panel 1 stopped at iteration 1: the formula has no number for its value there."; g.St.Notice != want {
		t.Errorf("notice %q, want %q", g.St.Notice, want)
	}
	g2 := newRig(t, "#v1;f=x%5E2%20+%20y%5E2;x=0.5,0.5;m=newton;n=20", 1600, 900)
	for !g2.St.Done() {
		g2.St.StepAll()
	}
	g2.Frames(1)
	if g2.St.Notice != "" {
		t.Errorf("a run that converged: notice %q", g2.St.Notice)
	}
}

// TestFormulaParameterSliders: the editor of a typed surface shows a
// slider for each parameter its formula uses (b, d here), and moving one
// changes the surface, its link and restarts the runs.
func TestFormulaParameterSliders(t *testing.T) {
	g := newRig(t, "#v1;f=b*x%5E2+y%5E2+d;m=gd;n=5", 1600, 900)
	params, vals := g.Scene.Params(g.St)
	if len(params) != 2 || params[0].Key != "b" || params[1].Key != "d" || vals[0] != 1 || vals[1] != 1 {
		t.Fatalf("rows %v with %v, want b and d at 1", params, vals)
	}
	g.St.StepAll()
	g.Scene.SetParam(g.St, 1, -2.5) // d
	sc := g.St.Scen
	if f := sc.Surface().Func([]float64{1, 1}); f != 1+1-2.5 || !strings.Contains(sc.Encode(), ":d=-2.5;") || len(g.St.Runs[0].Trace) != 1 {
		t.Errorf("d = −2.5: f(1, 1) = %v, link %s, %d rows", f, sc.Encode(), len(g.St.Runs[0].Trace))
	}
	if _, vals := g.Scene.Params(g.St); vals[1] != -2.5 {
		t.Errorf("the slider shows %v", vals)
	}
}

// TestGhostPaths: a ghost's path is a fresh run of its method from the
// start (computed apart here), drawn faint in its panel's colour along
// the way, and computed again when the start moves.
func TestGhostPaths(t *testing.T) {
	g := newRig(t, "#v1;s=rosenbrock;x=-1.2,1;m=gd:lr=0.001;m=newton;g=1:gd:lr=0.0013;n=300", 1600, 900)
	g.Frames(2)
	gp := &g.Scene.ghosts
	check := func(start []float64) {
		t.Helper()
		fresh := sim.NewRun(g.St.Scen.Surface(), g.St.Scen.Ghosts[0].Spec.New(), start, sim.RunOptions{Tol: g.St.Scen.Tol})
		want := append([]float64(nil), start...)
		for n := 0; n < 300 && fresh.Step(); n++ {
			want = append(want, fresh.State.X[0], fresh.State.X[1])
		}
		if len(gp.paths) != 1 || !slices.Equal(gp.paths[0], want) || gp.panels[0] != 0 {
			t.Fatalf("the ghost's path: %d points, a fresh run from %v: %d", len(gp.paths[0])/2, start, len(want)/2)
		}
	}
	check([]float64{-1.2, 1})
	pix := g.Pixels()
	pr := g.Panels[0].Plot
	v := g.Scene.panelView(pr)
	path := gp.paths[0]
	hits := 0
	for k := 40; k < len(path)/2; k += 20 { // along the path, away from its start
		sx, sy := v.ToScreen(path[2*k], path[2*k+1])
		i := 4 * (int(sy)*g.W + int(sx))
		c := ui.PanelColors[0]
		// 45 % of the panel's colour over the surface: redder than the surface's blues and greens
		if int(pix[i]) > int(pix[i+2])+20 && absDiff(pix[i], c.R) < 150 {
			hits++
		}
	}
	if hits < 5 {
		t.Errorf("%d points along the ghost's path show its colour", hits)
	}
	g.St.SetStart(-1, 1.5)
	g.Frames(1)
	check([]float64{-1, 1.5})
}

// TestSweepPlot: with Sweep on, each panel with a step size gets 40 runs,
// lr from its own ÷ 30 to × 30, log spaced, each ending as explore's sweep
// ends it (computed apart, to the bit); the stability line of gradient
// descent is at 2/λmax of the Hessian at the start by gonum's eigenvalues,
// and below it the runs do not diverge, while ten times above they do.
func TestSweepPlot(t *testing.T) {
	g := newRig(t, "#v1;s=rosenbrock;x=-1.2,1;m=gd:lr=0.001;m=bfgs;n=300;u=w", 1600, 900)
	untilWhole(t, g, 500)
	sp := &g.Scene.sweep
	sc := g.St.Scen
	h := make([]float64, 4)
	sc.Surface().Hess(h, sc.Start)
	vals, _ := scenetest.SymEigen(t, [4]float64{h[0], h[1], h[2], h[3]})
	line := 2 / vals[1]
	for k := range sc.Methods {
		s, err := explore.NewSweep(sc.Methods[k], "lr", sc.Methods[k].Value("lr")/30, sc.Methods[k].Value("lr")*30, 40, true)
		if err != nil {
			t.Fatal(err)
		}
		want := s.Run(sc, k)
		same := func(a, b explore.Point) bool { // to the bit (Pred and Rho are NaN for gd)
			return a.Value == b.Value && a.Final.Iter == b.Final.Iter && a.Final.Events == b.Final.Events &&
				math.Float64bits(a.Final.F) == math.Float64bits(b.Final.F) && math.Float64bits(a.Final.GNorm) == math.Float64bits(b.Final.GNorm)
		}
		if len(sp.ends[k]) != 40 || !slices.EqualFunc(sp.ends[k], want, same) {
			t.Fatalf("panel %d: the plotted runs differ from explore's (%d points)", k+1, len(sp.ends[k]))
		}
	}
	if got := math.Pow(10, sp.lines[0][0]); math.Abs(got-line) > 1e-9*line || !math.IsNaN(sp.lines[1][0]) {
		t.Errorf("stability lines %v, want 2/λmax = %v for gd and none for BFGS", sp.lines, line)
	}
	// The line is the local quadratic's: on Rosenbrock a step a few times
	// above it may still settle (the iterate bounces to flatter ground),
	// but none below it diverges, and ten times above it all do.
	for _, p := range sp.ends[0] {
		if p.Value < 0.9*line && p.Diverged() || p.Value > 10*line && !p.Diverged() {
			t.Errorf("gd at lr %v (line %v): diverged %v", p.Value, line, p.Diverged())
		}
	}
	scenetest.SaveShot(t, g.Img, "sweep")
}

// TestSweepOfBeta: with the link's sweep of momentum's β from 0 to 0.9 in
// 10 even steps, the momentum panel's runs are at 0, 0.1, …, 0.9 (each
// run the same as one run by hand with that β), the x axis is β itself,
// and gradient descent, which has no β, has no sweep.
func TestSweepOfBeta(t *testing.T) {
	g := newRig(t, "#v1;s=rosenbrock;x=-1.2,1;m=gd:lr=0.001;m=momentum:lr=0.0005;n=200;y=beta:0,0.9,10;u=w", 1600, 900)
	untilWhole(t, g, 500)
	sp := &g.Scene.sweep
	if len(sp.ends[0]) != 0 || len(sp.sweeps[0].Values) != 0 {
		t.Errorf("gd has no β, but its sweep has %d points", len(sp.ends[0]))
	}
	if len(sp.ends[1]) != 10 {
		t.Fatalf("momentum's sweep: %d points, want 10", len(sp.ends[1]))
	}
	sc := g.St.Scen
	for j, p := range sp.ends[1] {
		beta := 0.1 * float64(j)
		if math.Abs(p.Value-beta) > 1e-15 {
			t.Errorf("point %d at β = %v, want %v", j, p.Value, beta)
		}
		spec, err := sim.ParseSpec("momentum:lr=0.0005,beta=" + sim.FormatFloat(p.Value))
		if err != nil {
			t.Fatal(err)
		}
		r := sim.NewRun(sc.Objective(), spec.New(), sc.Start, sim.RunOptions{Tol: sc.Tol, Budget: sc.Steps})
		for n := 0; n < sc.Steps && r.Step(); n++ {
		}
		if last := r.Trace[len(r.Trace)-1]; last.F != p.Final.F || last.Iter != p.Final.Iter {
			t.Errorf("β = %v: the sweep ended at f %v after %d, a run by hand at f %v after %d", p.Value, p.Final.F, p.Final.Iter, last.F, last.Iter)
		}
	}
	if sp.xLabel != "beta" || sp.log {
		t.Errorf("x axis %q (log %v), want beta itself", sp.xLabel, sp.log)
	}
}

// TestStepModel: with the last step's model on, a panel draws the level
// set of the quadratic model its method's last step minimized through the
// step's end, and the true level set f = f(x_k) there: the model's
// stationary point is x + p*, p* = −B⁻¹g (gonum's solve), the step's end
// is on its level set, and the true contour's points have f = f(x_k) to
// the grid's interpolation with one of them within a cell of x_k. For
// Newton on a quadratic the model is the surface: the two coincide.
func TestStepModel(t *testing.T) {
	// damped steps (lr 0.5): a full step lands on the model's minimum, whose level set is a point
	g := newRig(t, "#v1;s=rosenbrock;x=-1.2,1;m=bfgs:ls=none,lr=0.5,h0=0.001;m=newton:ls=none,lr=0.5;u=m", 1600, 900)
	for range 3 {
		g.St.StepAll()
	}
	g.Frames(3)
	for k, r := range g.St.Runs {
		n := len(r.Trace)
		prev, cur := r.Row(n-2), r.Row(n-1)
		m, ok := stepModel(&prev, &cur)
		if !ok {
			t.Fatalf("panel %d: no model for its last step", k+1)
		}
		b := mat.NewDense(2, 2, append([]float64(nil), prev.Curv...))
		if prev.CurvKind == sim.CurvH {
			var inv mat.Dense
			if err := inv.Inverse(b); err != nil {
				t.Fatal(err)
			}
			b = &inv
		}
		var ps mat.VecDense
		if err := ps.SolveVec(b, mat.NewVecDense(2, []float64{-prev.G[0], -prev.G[1]})); err != nil {
			t.Fatal(err)
		}
		if cx, cy := prev.X[0]+ps.AtVec(0), prev.X[1]+ps.AtVec(1); math.Abs(m.X-cx) > 1e-9*(1+math.Abs(cx)) || math.Abs(m.Y-cy) > 1e-9*(1+math.Abs(cy)) {
			t.Errorf("panel %d: the model's centre (%v, %v), x + p* = (%v, %v)", k+1, m.X, m.Y, cx, cy)
		}
		d := mat.NewVecDense(2, []float64{cur.X[0] - m.X, cur.X[1] - m.Y})
		var bd mat.VecDense
		bd.MulVec(b, d)
		if on := 0.5 * mat.Dot(d, &bd); math.Abs(on-m.Level) > 1e-9*math.Abs(m.Level) {
			t.Errorf("panel %d: the step's end is at model level %v, the level set drawn is %v", k+1, on, m.Level)
		}
		segs := g.Scene.levels[k].c.Level(0)
		if len(segs) == 0 {
			t.Fatalf("panel %d: no true level set (rows %d, x %v, f %v, contour for run %v row %d)", k+1, n, cur.X, cur.F, g.Scene.levels[k].run == r, g.Scene.levels[k].row)
		}
		si := &g.Scene.surface
		cell := math.Max((si.grid.XMax-si.grid.XMin)/float64(si.grid.W), (si.grid.YMax-si.grid.YMin)/float64(si.grid.H))
		near := math.Inf(1)
		surf := g.St.Scen.Surface()
		for i := 0; i+1 < len(segs); i += 2 {
			x, y := segs[i], segs[i+1]
			near = math.Min(near, math.Hypot(x-cur.X[0], y-cur.X[1]))
			var gr [2]float64
			surf.Grad(gr[:], []float64{x, y})
			if f := surf.Func([]float64{x, y}); math.Abs(f-cur.F) > 2*cell*math.Hypot(gr[0], gr[1])+1e-9 {
				t.Fatalf("panel %d: a point of the true level set has f = %v, want %v", k+1, f, cur.F)
			}
		}
		if near > 2*cell {
			t.Errorf("panel %d: the true level set passes %v from x_k (cells of %v)", k+1, near, cell)
		}
	}
	scenetest.SaveShot(t, g.Img, "step-model")

	// Newton on a quadratic: the model is f itself, its level set through
	// x_k the true one: every contour point is on the model's level set.
	q := newRig(t, "#v1;s=quadratic;x=-1.5,1;m=newton:ls=none,lr=0.5;u=m", 1600, 900)
	q.St.StepAll()
	q.Frames(3)
	r := q.St.Runs[0]
	prev, cur := r.Row(0), r.Row(1)
	m, _ := stepModel(&prev, &cur)
	h := make([]float64, 4)
	q.St.Scen.Surface().Hess(h, cur.X)
	for i, segs := 0, q.Scene.levels[0].c.Level(0); i+1 < len(segs); i += 2 {
		dx, dy := segs[i]-m.X, segs[i+1]-m.Y
		if lv := 0.5 * (dx*(h[0]*dx+h[1]*dy) + dy*(h[2]*dx+h[3]*dy)); math.Abs(lv-m.Level) > 0.02*m.Level {
			t.Fatalf("Newton on a quadratic: a point of the true level set is at model level %v, the model's is %v", lv, m.Level)
		}
	}
}
