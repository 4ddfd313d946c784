package surfaces

import "testing"

// BenchmarkGrid512 computes Rosenbrock on a 512×512 grid over its view,
// the work of the app's heatmap: the library's surface one point a call,
// the typed formula one point a call, and the typed formula a row a call
// (as the app computes a typed surface's grid). Compare the three as
// ratios of one run:
//
//	go test -run '^$' -bench Grid512 ./sim/surfaces/
//	GOOS=js GOARCH=wasm go test -run '^$' -bench Grid512 ./sim/surfaces/   (with go's misc/wasm on PATH)
func BenchmarkGrid512(b *testing.B) {
	lib, err := New("rosenbrock", "")
	if err != nil {
		b.Fatal(err)
	}
	typed, err := NewFormula(typedLibrary["rosenbrock"])
	if err != nil {
		b.Fatal(err)
	}
	const n = 512
	w := lib.View()
	xs := make([]float64, n)
	for c := range xs {
		xs[c] = w.XMin + (w.XMax-w.XMin)*float64(c)/(n-1)
	}
	vals := make([]float64, n*n)
	perPoint := func(b *testing.B, s Surface) {
		x := make([]float64, 2)
		b.ReportAllocs()
		for b.Loop() {
			for r := 0; r < n; r++ {
				x[1] = w.YMin + (w.YMax-w.YMin)*float64(r)/(n-1)
				for c := 0; c < n; c++ {
					x[0] = xs[c]
					vals[r*n+c] = s.Func(x)
				}
			}
		}
	}
	b.Run("library", func(b *testing.B) { perPoint(b, lib) })
	b.Run("formula", func(b *testing.B) { perPoint(b, typed) })
	b.Run("formula-rows", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for r := 0; r < n; r++ {
				typed.Row(vals[r*n:(r+1)*n], xs, w.YMin+(w.YMax-w.YMin)*float64(r)/(n-1))
			}
		}
	})
}
