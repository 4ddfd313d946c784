package surfaces

// pointBatch makes a surface that is a mean over points a sim.PointSum:
// embedded, it holds the batch its Func, Grad and Hess take.
type pointBatch struct {
	idx []int // the batch (UseBatch), nil for all points
	all []int // 0, 1, …, n−1, made on first use
}

// UseBatch implements sim.PointSum.
func (b *pointBatch) UseBatch(idx []int) { b.idx = idx }

// take returns the points to sum over: the batch, or all n of them in
// order (so that the full sums are those of a plain loop).
func (b *pointBatch) take(n int) []int {
	if b.idx != nil {
		return b.idx
	}
	if len(b.all) != n {
		b.all = make([]int, n)
		for i := range b.all {
			b.all[i] = i
		}
	}
	return b.all
}
