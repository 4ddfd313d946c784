package sim

import "math/rand/v2"

// PointSum is an Objective that is a mean over N points,
//
//	f(x) = (1/N) Σᵢ fᵢ(x),
//
// whose mean over a subset of its points can be taken in its place: after
// UseBatch(idx), Func, Grad and Hess are (1/|idx|) Σ_{i∈idx} fᵢ and its
// derivatives; UseBatch(nil) gives the whole mean back, computed exactly
// as before any batch (the same sums in the same order). Training losses
// of networks and the surfaces that fit data are PointSums.
type PointSum interface {
	Objective
	// NumPoints is N.
	NumPoints() int
	// UseBatch restricts the mean to the points idx (each in [0, N),
	// kept until the next call; nil: all of them).
	UseBatch(idx []int)
}

// Training is what a first-order method's step sees of what it trains:
// the batch and the weight decay.
//
// Batch: on a PointSum, each step sees the gradient of a batch of Batch
// points drawn at random (Robbins & Monro
// 1951; the minibatch SGD of Bottou, Curtis, Nocedal, Optimization
// methods for large-scale machine learning, SIAM Review 60(2), 2018,
// §4):
//
//	g_k = (1/B) Σ_{i∈S_k} ∇fᵢ(x_k)
//
// The points are drawn without replacement: each epoch visits them in a
// fresh random order, and batch k takes the next B of that order, going
// on into the next epoch's order when fewer are left (so every batch has
// B points): random reshuffling, whose noise partly cancels over an
// epoch (an epoch's gradients add up to N/B full ones), so that near a
// minimum it wanders less than sampling with replacement would
// (Mishchenko, Khaled, Richtárik, NeurIPS 2020). The order comes from a
// PCG generator seeded with Seed, so
// the same seed gives the same batches on every machine. The zero value
// (Batch 0) and any Batch ≥ N train on all points: the full gradient, the
// run exactly as without batches. The Run draws the batches (see
// Run.Step); the method steps on whatever Func and Grad return.
//
// WD, weight decay (L2 regularization, Krogh & Hertz, A simple weight
// decay can improve generalization, NIPS 1991): the method minimizes
// f(x) + (WD/2)‖x‖², so every gradient it takes is g + WD·x (and every
// Hessian H + WD·I; see Problem.Decay); the rows still record f, the loss
// without the penalty, and the gradient's norm with it.
type Training struct {
	Batch int     // points per step B; 0: all
	Seed  uint64  // seed of the order the points are drawn in
	WD    float64 // weight decay λ_wd; 0: none
}

// batching gives a method's Training to the Run; embedding Training in a
// method's type gives it the method.
func (b Training) training() Training { return b }

// trained is a method with Training (the first-order ones).
type trained interface{ training() Training }

// trainingParams are the parameters of Training in a method's spec.
func trainingParams() []Param {
	return []Param{
		{Key: "batch", Desc: "points in each step's batch (0: all, full batch)", Default: 0, Min: 0, Max: 1e6, Int: true},
		{Key: "seed", Desc: "seed of the order the batches are drawn in", Default: 0, Min: 0, Max: 1e9, Int: true},
		{Key: "wd", Desc: "weight decay: the step's gradient is g + wd·x (L2 penalty (wd/2)‖x‖²)", Default: 0, Min: 0, Max: 1},
	}
}

// specTraining reads a spec's batch, seed and weight decay.
func specTraining(s Spec) Training {
	return Training{Batch: int(s.Value("batch")), Seed: uint64(s.Value("seed")), WD: s.Value("wd")}
}

// DecayOf is the weight decay of spec's method: 0 for a method without.
func DecayOf(spec Spec) float64 {
	if spec.Kind == nil || paramIndex(spec.Kind.Params, "wd") < 0 {
		return 0
	}
	return spec.Value("wd")
}

// BatchOf is the batch size of spec's method: 0 (all points) for a
// method without batches.
func BatchOf(spec Spec) int {
	if spec.Kind == nil || paramIndex(spec.Kind.Params, "batch") < 0 {
		return 0
	}
	return int(spec.Value("batch"))
}

// sampler draws the batches of one run.
type sampler struct {
	obj   PointSum
	size  int
	rng   *rand.Rand
	order []int // this epoch's order of the points
	next  int   // the first point of order not yet drawn
	batch []int
	drawn int // points drawn so far, over all epochs
}

// newSampler returns the sampler of a run of m on obj, or nil when every
// step sees all points (obj is not a PointSum, m takes no batches, or its
// batch holds all points).
func newSampler(obj Objective, m Method) *sampler {
	ps, ok := obj.(PointSum)
	bm, ok2 := m.(trained)
	if !ok || !ok2 {
		return nil
	}
	b := bm.training()
	n := ps.NumPoints()
	if b.Batch <= 0 || b.Batch >= n {
		return nil
	}
	s := &sampler{obj: ps, size: b.Batch, rng: rand.New(rand.NewPCG(b.Seed, 0x63757276)), order: make([]int, n), batch: make([]int, b.Batch)}
	s.shuffle()
	return s
}

// shuffle starts an epoch: a new random order of the points.
func (s *sampler) shuffle() {
	for i := range s.order {
		s.order[i] = i
	}
	s.rng.Shuffle(len(s.order), func(i, j int) { s.order[i], s.order[j] = s.order[j], s.order[i] })
	s.next = 0
}

// use draws the next batch and makes the objective take its mean.
func (s *sampler) use() {
	for i := range s.batch {
		if s.next == len(s.order) {
			s.shuffle()
		}
		s.batch[i] = s.order[s.next]
		s.next++
	}
	s.drawn += s.size
	s.obj.UseBatch(s.batch)
}

// epoch is the number of passes over the points so far.
func (s *sampler) epoch() float64 { return float64(s.drawn) / float64(len(s.order)) }

// stepOnBatch is Run.Step's iteration with a sampler: the method steps
// from the gradient of a fresh batch at the iterate, then the objective
// is whole again, and F is the whole mean at the new iterate; the
// batch's loss there is returned. G stays the batch's gradient.
func (r *Run) stepOnBatch() (batchF float64) {
	p, st := &r.Problem, &r.State
	r.sampler.use()
	st.F = p.Func(st.X)
	p.Grad(st.G, st.X)
	r.Method.Iterate(p, st, r.rec)
	batchF = st.F
	r.sampler.obj.UseBatch(nil)
	st.F = p.Func(st.X)
	return batchF
}

// decayOf is the weight decay m trains with.
func decayOf(m Method) float64 {
	if t, ok := m.(trained); ok {
		return t.training().WD
	}
	return 0
}

// dataLoss is f of a value of the Problem at the current iterate: the
// value less the weight decay's penalty (to rounding).
func (r *Run) dataLoss(v float64) float64 {
	if r.Problem.Decay == 0 {
		return v
	}
	return v - r.Problem.penalty(r.State.X)
}
