package scenetest

import (
	"image"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"testing"

	"curvlab/internal/gameloop"
	"curvlab/render/geom"
	"curvlab/sim"
	"curvlab/sim/nn"
	"curvlab/sim/scenario"

	"github.com/hajimehoshi/ebiten/v2"
	"gonum.org/v1/gonum/mat"
)

// SymEigen returns the eigenvalues (ascending) and unit eigenvectors of
// the symmetric part of the row-major 2×2 matrix m, by gonum's EigenSym:
// a decomposition independent of the app's own.
func SymEigen(t testing.TB, m [4]float64) (vals [2]float64, vecs [2][2]float64) {
	t.Helper()
	off := (m[1] + m[2]) / 2
	var es mat.EigenSym
	if !es.Factorize(mat.NewSymDense(2, []float64{m[0], off, off, m[3]}), true) {
		t.Fatalf("gonum's EigenSym failed on %v", m)
	}
	var v mat.Dense
	es.VectorsTo(&v)
	ev := es.Values(nil)
	for i := range 2 {
		vals[i] = ev[i]
		vecs[i] = [2]float64{v.At(0, i), v.At(1, i)}
	}
	return vals, vecs
}

// Close9 reports whether a and b agree to a relative 1e-9.
func Close9(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b)) }

// PresetLink returns the link of lesson name's final scenario (what
// curvsim --preset runs).
func PresetLink(t testing.TB, name string) string {
	t.Helper()
	_, sc, err := scenario.LookupLesson(name)
	if err != nil {
		t.Fatal(err)
	}
	return sc.Encode()
}

// MustDecode decodes a scenario's text form with scenario.Decode (fuzzed
// there), failing the test when it is refused.
func MustDecode(t testing.TB, link string) scenario.Scenario {
	t.Helper()
	sc, err := scenario.Decode(link)
	if err != nil {
		t.Fatalf("%s: %v", link, err)
	}
	return sc
}

// FreshRuns returns sc's runs stepped steps times (each while it lasts):
// the iterates a scene's panels show after as many steps, computed apart
// from the app and its engine (runs are deterministic).
func FreshRuns(sc scenario.Scenario, steps int) []*sim.Run {
	runs := sc.NewRuns()
	for _, r := range runs {
		for i := 0; i < steps && r.Step(); i++ {
		}
	}
	return runs
}

// SaveShot writes img to $CURVLAB_SHOTS/name.png when that is set.
func SaveShot(t testing.TB, img *ebiten.Image, name string) {
	dir := os.Getenv("CURVLAB_SHOTS")
	if dir == "" {
		return
	}
	b := img.Bounds()
	pix := make([]byte, 4*b.Dx()*b.Dy())
	gameloop.OnFrames(1, nil, func(*ebiten.Image) { img.ReadPixels(pix) })
	rgba := &image.RGBA{Pix: pix, Stride: 4 * b.Dx(), Rect: image.Rect(0, 0, b.Dx(), b.Dy())}
	f, err := os.Create(filepath.Join(dir, name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, rgba); err != nil {
		t.Fatal(err)
	}
}

// Inside reports whether rectangle a lies within b (to half a pixel).
func Inside(a, b geom.Rect) bool {
	return a.X >= b.X && a.Y >= b.Y && a.X+a.W <= b.X+b.W+0.5 && a.Y+a.H <= b.Y+b.H+0.5
}

// DenseTop returns the largest eigenvalue of the symmetric part of the
// n×n matrix h by gonum's dense EigenSym.
func DenseTop(t testing.TB, h []float64, n int) float64 {
	t.Helper()
	return DenseSpectrum(t, h, n)[n-1]
}

// DenseSpectrum returns the eigenvalues, ascending, of the symmetric part
// of the n×n matrix h by gonum's dense EigenSym.
func DenseSpectrum(t testing.TB, h []float64, n int) []float64 {
	t.Helper()
	s := mat.NewSymDense(n, nil)
	for i := range n {
		for j := i; j < n; j++ {
			s.SetSym(i, j, (h[i*n+j]+h[j*n+i])/2)
		}
	}
	var es mat.EigenSym
	if !es.Factorize(s, false) {
		t.Fatal("gonum's EigenSym failed")
	}
	return es.Values(nil)
}

// TrainMLP returns a network of sc's problem on its training points, with
// a workspace of its own: an oracle independent of the app's caches.
func TrainMLP(t testing.TB, sc scenario.Scenario) *nn.MLP {
	t.Helper()
	p := sc.NetProblem()
	m, err := nn.NewMLP(p.Net.Arch(), &p.Train)
	if err != nil {
		t.Fatal(err)
	}
	return m
}
