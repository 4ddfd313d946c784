package scenario

import (
	"fmt"
	"unsafe"

	"curvlab/sim"
)

// The memory budget of a scenario (README and docs/cli.md). The page may
// use at most PageHeapBudget of Go heap for any valid link. Go's collector
// lets the heap grow to about twice the live data (GOGC=100) before it
// collects, so the live data must stay within half of it, and the app keeps
// AppReserve of that half for its own (layers' pixels, text, caches, the
// network views' copies of the loss): a scenario's runs may need at most
// Budget at their peak, as MemoryEstimate counts it. Scenario.Clamp
// shortens the runs of a scenario that could not fit.
const (
	PageHeapBudget = 512 << 20
	AppReserve     = 64 << 20
	Budget         = PageHeapBudget/2 - AppReserve // 192 MiB
)

// Sizes the estimate counts with, in bytes.
const (
	stepBytes  = int64(unsafe.Sizeof(sim.Step{}))
	floatBytes = 8
	intBytes   = int64(unsafe.Sizeof(0))
)

// vectorLimit is the RunOptions.VectorLimit of the scenario's runs: that of
// their dimension on a surface; LargeVectorLimit for every network, small
// ones too, since the app draws a network's path only as a projection,
// whose points need not be every row's.
func (s Scenario) vectorLimit() int {
	if s.Kind() == KindNetwork {
		return sim.LargeVectorLimit
	}
	return sim.VectorLimit(len(s.Start))
}

// MemoryEstimate bounds, in bytes, what the scenario's runs hold at their
// peak when played to the end (Steps iterations each): for every run the
// scalars of every row (twice: the trace grows by doubling, and both arrays
// are live while it copies), the vectors its bounded store keeps
// (RunOptions.VectorLimit, half again while it grows) and their index, the
// latest row's trial points, the method's workspace (at most 8 n×n
// matrices and 64 vectors), and for a network the tracker's two numbers a
// row (doubling) and its Lanczos vectors; once, the network problem: its
// data and per-point workspaces and a few n×n Hessians.
func (s Scenario) MemoryEstimate() int64 {
	n := int64(len(s.Start))
	rows := int64(s.Steps) + 1
	rowFloats := 2 * n
	if n <= 16 {
		rowFloats += n*n + 2*n // the curvature matrix, the direction and the step
	}
	limit := int64(s.vectorLimit())
	kept := min(rows, limit/rowFloats+2)
	vectors := 3 * min(limit+limit/8, 2*kept*rowFloats) / 2 * floatBytes
	perRun := 2*rows*stepBytes + vectors + 2*kept*2*intBytes +
		sim.MaxLineEvals*(n+1)*floatBytes + (8*n*n+64*n)*floatBytes
	total := int64(len(s.Methods)) * perRun
	if s.Kind() == KindNetwork {
		points := int64(s.Net.DataVals[0])
		if s.Net.Own != nil {
			points = int64(s.Net.Own.Points.N())
		}
		units := int64(0)
		for _, w := range s.Net.Hidden {
			units += int64(w)
		}
		// measured: 1.16 MB for the 2-8-8-8-1 network on 1000 points,
		// 0.38 MB for 2-8-8-1 on 200, both losses with their workspaces
		problem := 32<<10 + points*64*(units+4) + 4*n*n*floatBytes
		tracker := 2*rows*2*floatBytes + 64*n*floatBytes
		total += problem + int64(len(s.Methods))*tracker
	}
	return total
}

// Clamp returns the scenario with as many steps as fit within budget
// bytes by MemoryEstimate (at least 1), and a one-line notice saying so;
// a scenario that fits is returned as it is, with no notice.
func (s Scenario) Clamp(budget int64) (Scenario, string) {
	need := s.MemoryEstimate()
	if need <= budget {
		return s, ""
	}
	// The estimate grows with the steps: the largest count that fits.
	c := s
	lo, hi := 1, s.Steps
	for lo < hi {
		c.Steps = (lo + hi + 1) / 2
		if c.MemoryEstimate() <= budget {
			lo = c.Steps
		} else {
			hi = c.Steps - 1
		}
	}
	c.Steps = lo
	return c, fmt.Sprintf("%d steps would need about %d MiB, more than the %d MiB a scenario may use: shortened to %d steps.",
		s.Steps, (need+(1<<20)-1)>>20, budget>>20, lo)
}
