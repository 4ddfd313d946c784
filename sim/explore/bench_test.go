package explore

import (
	"testing"

	"curvlab/sim/surfaces"
)

// BenchmarkBasinsNewtonHimmelblau256 is issue 11's basin figure: 256²
// starts of plain Newton on Himmelblau, at most 100 iterations each, on
// one core.
func BenchmarkBasinsNewtonHimmelblau256(b *testing.B) {
	h, _ := surfaces.New("himmelblau", "")
	spec := mustSpec(b, "newton:ls=none,mod=none")
	cells := make([]Basin, 256*256)
	for b.Loop() {
		Basins(cells, h, spec, h.View(), 256, 256, Settings{Steps: 100, Tol: 1e-8})
	}
}
