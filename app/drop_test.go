package app

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"curvlab/app/ui"
	"curvlab/sim/nn"
	"curvlab/sim/surfaces"

	"github.com/hajimehoshi/ebiten/v2"
)

// TestDroppedCSV: a CSV file dropped on the window becomes the network's
// data (on a surface, the default network's), its points as they are; a
// bad one is a notice naming its line, and nothing changes; a file that is
// not a CSV says what to drop.
func TestDroppedCSV(t *testing.T) {
	g, _ := newTestGame(t, "", 1600, 900)
	before := g.st.Scen.Encode()
	g.takeDropped(fstest.MapFS{"bad.csv": {Data: []byte("0,0,0\n1,0,1\n0,1,2\n1,1,0\n")}})
	if want := `bad.csv: line 3: label must be 0 or 1, not "2".`; g.st.Notice != want || g.st.Scen.Encode() != before {
		t.Errorf("a bad file: notice %q (want %q), scenario %q", g.st.Notice, want, g.st.Scen.Encode())
	}
	g.takeDropped(fstest.MapFS{"notes.txt": {Data: []byte("hello")}})
	if want := "Drop a CSV file of points: x,y for a line fit, x1,x2,label for a network."; g.st.Notice != want {
		t.Errorf("a text file: notice %q", g.st.Notice)
	}
	csv := "x1,x2,label\n0,0,0\n1,0,1\n0,1,1\n1,1,0\n0.5,0.5,1\n-1,-1,0\n-0.5,0.25,1\n0.25,-0.75,0\n"
	g.takeDropped(fstest.MapFS{"readme.md": {Data: []byte("#")}, "xor.CSV": {Data: []byte(csv)}})
	own := g.st.Scen.Net
	if g.st.Notice != "" || own == nil || own.Own == nil || own.Own.Points.N() != 8 || own.Own.Points.X[9] != 0.5 {
		t.Fatalf("a good file: notice %q, network %v", g.st.Notice, own != nil)
	}
	if p := g.st.Scen.NetProblem(); p.Train.N()+p.Test.N() != 8 || len(g.st.Runs) != len(g.st.Scen.Methods) {
		t.Errorf("%d + %d points, %d runs", p.Train.N(), p.Test.N(), len(g.st.Runs))
	}
	if g.takeDropped(nil); g.st.Notice != "" {
		t.Errorf("no drop: notice %q", g.st.Notice)
	}
}

// TestLoadedPoints: two columns of CSV, from anywhere, become a line fit's
// points (the surface linefit, from its own start), coordinates between
// the link's grid points rounded to them with a notice that counts them;
// three columns on a line fit become a network's data; a bad line, or a
// coordinate beyond ±4, is a notice and changes nothing.
func TestLoadedPoints(t *testing.T) {
	g, _ := newTestGame(t, "#v1;net=tanh:4;d=circle:n=60;m=gd", 1600, 900)
	g.Loaded("fit.csv", "x,y\n0,1\n1,2.3\n2,2.9\n")
	g.takeLoaded()
	sc := g.st.Scen
	if sc.SurfaceKind != surfaces.LineFitKind || sc.Net != nil || !slices.Equal(sc.Fit, []float64{0, 1, 1, nn.Snap(2.3), 2, nn.Snap(2.9)}) ||
		!slices.Equal(sc.Start, []float64{0, 0}) {
		t.Fatalf("x,y on a network: %s", sc.Encode())
	}
	if want := "fit.csv: 2 coordinates rounded to multiples of 1/256, as a link holds them."; g.st.Notice != want {
		t.Errorf("notice %q, want %q", g.st.Notice, want)
	}
	before := sc.Encode()
	for _, c := range []struct{ text, notice string }{
		{"x,y\n0,1\n1,zz\n", `bad.csv: line 3: y: "zz" is not a number.`},
		{"0,1\n5,2\n", "bad.csv: point 2 has x = 5; the plane holds coordinates within ±4 (scale the data to fit)."},
	} {
		g.Loaded("bad.csv", c.text)
		g.takeLoaded()
		if g.st.Notice != c.notice || g.st.Scen.Encode() != before {
			t.Errorf("%q: notice %q (want %q), scenario %s", c.text, g.st.Notice, c.notice, g.st.Scen.Encode())
		}
	}
	g.Loaded("net.csv", "0,0,0\n1,0,1\n0,1,1\n1,1,0\n0.5,0.5,1\n")
	g.takeLoaded()
	if net := g.st.Scen.Net; net == nil || net.Own == nil || net.Own.Points.N() != 5 || g.st.Notice != "" {
		t.Errorf("x1,x2,label on a line fit: %s, notice %q", g.st.Scen.Encode(), g.st.Notice)
	}
}

// fileHost records what the app asks of a host's files.
type fileHost struct {
	nopHost
	picked      int
	name, saved string
}

func (h *fileHost) PickFile() { h.picked++ }
func (h *fileHost) SaveFile(name string, data []byte) string {
	h.name, h.saved = name, string(data)
	return "saved"
}

// TestLoadAndSaveData: Load CSV… asks the host for a file (a host without
// a picker: the notice says to drop one), and Save CSV gives it the
// points as a CSV that reads back as them, for a line fit and a network.
func TestLoadAndSaveData(t *testing.T) {
	h := &fileHost{}
	g := New("#v1;s=linefit;x=0,0;m=gd", h)
	g.do(ui.ActLoadData, 0)
	if h.picked != 1 {
		t.Errorf("Load CSV…: the picker was asked %d times", h.picked)
	}
	g.do(ui.ActSaveData, 0)
	xy, err := nn.ParsePairsCSV(h.saved, 2, 1000)
	if err != nil || !slices.Equal(xy, surfaces.DefaultFitPoints()) || !strings.HasSuffix(h.name, ".csv") || g.st.Notice != "saved" {
		t.Errorf("Save CSV on a line fit: %q as %q (%v), notice %q", h.saved, h.name, err, g.st.Notice)
	}
	g = New("#v1;net=tanh:4;d=circle:n=60;m=gd", h)
	g.do(ui.ActSaveData, 0)
	p, err := nn.ParseCSV(h.saved)
	if err != nil || p.N() != 60 || len(p.Test) != 60 {
		t.Errorf("Save CSV on a network: %d points with a split of %d (%v)", p.N(), len(p.Test), err)
	}
	g, _ = newTestGame(t, "", 1600, 900) // no FileHost
	g.do(ui.ActLoadData, 0)
	if !strings.HasPrefix(g.st.Notice, "Drop a CSV file on the window") {
		t.Errorf("Load CSV… without a picker: notice %q", g.st.Notice)
	}
	g.do(ui.ActSaveData, 0)
	if g.st.Notice != "There are no points to save here." {
		t.Errorf("Save CSV on Rosenbrock: notice %q", g.st.Notice)
	}
}

// TestDataChangesTheSceneInAFrame: points that make the scenario of
// another kind (a network's CSV on a line fit with its editor open, a
// line fit's on a network, a file dropped on a surface) are drawn by the
// other kind's scene in the frame they come in.
func TestDataChangesTheSceneInAFrame(t *testing.T) {
	for _, c := range []struct{ link, csv string }{
		{"#v1;s=linefit;x=0,0;m=gd", "x1,x2,label\n0,0,0\n1,0,1\n0,1,1\n1,1,0\n0.5,0.5,1\n"},
		{"#v1;net=tanh:4;d=circle:n=60;m=gd", "x,y\n0,1\n1,2\n"},
		{"", "0,0,0\n1,0,1\n0,1,1\n1,1,0\n"},
	} {
		g, img := newTestGame(t, c.link, 1600, 900)
		onFrames(1, func() { g.do(ui.ActSurfaceMenu, 0); g.Update() }, func(*ebiten.Image) { g.Draw(img) })
		kind := g.st.Scen.Kind()
		g.Loaded("data.csv", c.csv)
		onFrames(2, func() { g.Update() }, func(*ebiten.Image) { g.Draw(img) })
		if g.st.Scen.Kind() == kind || g.scene != g.sceneFor(g.st.Scen.Kind()) || g.st.Notice != "" {
			t.Errorf("%q then data: kind %v (was %v), notice %q", c.link, g.st.Scen.Kind(), kind, g.st.Notice)
		}
	}
}
