package engine

import (
	"testing"
	"time"

	"curvlab/sim/scenario"
)

// BenchmarkEdgeOfStability plays the edge-of-stability preset to its end
// (2 × 3000 iterations with the sharpness at each): stepped directly, as
// curvsim does, and through the engine's goroutine and in-process
// transports, wire and mirrors included. Run with -benchtime=1x (one
// iteration is a few seconds) and compare the three as ratios.
func BenchmarkEdgeOfStability(b *testing.B) {
	_, sc, err := scenario.LookupLesson("edge-of-stability")
	if err != nil {
		b.Fatal(err)
	}
	b.Run("direct", func(b *testing.B) {
		for range b.N {
			runs := sc.NewRuns()
			p := sc.NetProblem()
			for _, r := range runs {
				scenario.NewNetTracker(p).Follow(r)
			}
			for _, r := range runs {
				for len(r.Trace) <= sc.Steps && r.Step() {
				}
			}
		}
	})
	for name, mk := range map[string]func() Transport{
		"goroutine": func() Transport { return NewGoroutine() },
		"page":      func() Transport { return NewInProcess() },
	} {
		b.Run(name, func(b *testing.B) {
			for range b.N {
				tp := mk()
				c := NewClient(tp)
				c.Open(sc)
				c.Want(sc.Steps + 1)
				for !c.Done() {
					c.Update(time.Now().Add(16 * time.Millisecond))
					if name == "goroutine" {
						time.Sleep(16 * time.Millisecond) // a frame
					}
				}
				tp.Close()
			}
		})
	}
}
