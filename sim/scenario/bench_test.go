package scenario

import "testing"

// BenchmarkTrackedStep times one step of a network run with its tracker
// (test loss and sharpness λmax(H) at every row, and λmax(P⁻¹H) for an
// adaptive method), on the 2-8-8-1 network of the lessons: gradient
// descent (one Lanczos a row) against Adam (two). Recorded in
// BENCHMARKS.md.
func BenchmarkTrackedStep(b *testing.B) {
	for _, spec := range []string{"gd:lr=0.3", "adam:lr=0.03"} {
		b.Run(spec, func(b *testing.B) {
			sc, err := Decode("v1;net=tanh:8,8;d=circle;m=" + spec + ";n=100000;t=0")
			if err != nil {
				b.Fatal(err)
			}
			r := sc.NewRuns()[0]
			tr := NewNetTracker(sc.NetProblem())
			tr.Follow(r)
			for range 200 { // past the first steps, into the steady state
				r.Step()
			}
			b.ResetTimer()
			for range b.N {
				r.Step()
			}
		})
	}
}
