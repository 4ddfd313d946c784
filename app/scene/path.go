package scene

import "curvlab/sim"

// KeptPath is a run's path through the rows whose iterates its trace keeps
// (sim.Run.Kept), as two numbers a row: every row of a surface's run in
// practice; row 0, every stride-th row and the latest for a network's,
// whose trace thins as it grows. It computes each row's point once and
// follows the trace as it grows and thins.
type KeptPath struct {
	run  *sim.Run
	Rows []int     // the rows of the points, increasing
	Pts  []float64 // the points, two numbers a row
	// Version counts the syncs that changed a point, so that what is drawn
	// from pts can be keyed by it.
	Version int
}

// Reset forgets the path (the runs were restarted or the plane changed).
func (p *KeptPath) Reset() {
	p.run, p.Rows, p.Pts = nil, p.Rows[:0], p.Pts[:0]
	p.Version++
}

// Sync brings the path up to the rows r keeps, computing the point of each
// row it has not seen with point, and returns the index of the first point
// that differs from before the call (len(p.rows) when none does).
func (p *KeptPath) Sync(r *sim.Run, point func(x []float64) (a, b float64)) (from int) {
	if p.run != r {
		p.Reset()
		p.run = r
	}
	kept := r.Kept()
	from = p.common(kept)
	if from == len(p.Rows) && from == len(kept) {
		return from
	}
	p.Rows, p.Pts = p.Rows[:from], p.Pts[:2*from]
	for _, row := range kept[from:] {
		a, b := point(r.X(row))
		p.Rows = append(p.Rows, row)
		p.Pts = append(p.Pts, a, b)
	}
	p.Version++
	return from
}

// common returns the length of the longest common prefix of p.rows and
// kept. A trace keeps a subset of the rows it kept before and of the rows
// added since, so when the second-to-last row seen is still at its index
// every row before it is too; only after the trace thinned does it compare
// row by row.
func (p *KeptPath) common(kept []int) int {
	m := len(p.Rows)
	i := 0
	if m >= 2 && m-2 < len(kept) && kept[m-2] == p.Rows[m-2] {
		i = m - 1
	}
	for i < m && i < len(kept) && kept[i] == p.Rows[i] {
		i++
	}
	return i
}
