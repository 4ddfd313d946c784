package nn

import (
	"math"
	"math/rand/v2"
	"testing"
)

// closeVec reports whether a and b agree to tol relative to the larger
// norm (absolute tol when both are small).
func closeVec(a, b []float64, tol float64) bool {
	if len(a) != len(b) {
		return false
	}
	var d, s float64
	for i := range a {
		d = math.Max(d, math.Abs(a[i]-b[i]))
		s = math.Max(s, math.Max(math.Abs(a[i]), math.Abs(b[i])))
	}
	return d <= tol*math.Max(1, s)
}

// far reports whether a and b differ by more than tol, or either is NaN.
func far(a, b, tol float64) bool { return !(math.Abs(a-b) <= tol) }

// mustData returns the training split of a generated data set.
func mustData(t testing.TB, name string, n int, noise float64, seed uint64) *Dataset {
	t.Helper()
	train, _, err := Generate(name, n, noise, seed)
	if err != nil {
		t.Fatal(err)
	}
	return &train
}

// mustMLP builds the loss of a on d.
func mustMLP(t testing.TB, a Arch, d *Dataset) *MLP {
	t.Helper()
	m, err := NewMLP(a, d)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// randVec returns n normal numbers of standard deviation scale.
func randVec(rng *rand.Rand, n int, scale float64) []float64 {
	v := make([]float64, n)
	for i := range v {
		v[i] = scale * rng.NormFloat64()
	}
	return v
}

// minPreact returns the smallest |s| over every hidden pre-activation at
// every data point: the distance to a ReLU kink.
func minPreact(m *MLP, x []float64) float64 {
	d := math.Inf(1)
	for i := range m.py {
		m.forward(x, m.px[2*i], m.px[2*i+1])
		for l := 0; l < m.nl-1; l++ {
			for _, s := range m.s[l] {
				d = math.Min(d, math.Abs(s))
			}
		}
	}
	return d
}

// testArchs returns every activation × loss × the hidden shapes given.
func testArchs(shapes ...[]int) []Arch {
	var as []Arch
	for act := Activation(0); act < numActivations; act++ {
		for loss := LossKind(0); loss < numLosses; loss++ {
			for _, h := range shapes {
				as = append(as, Arch{Hidden: h, Act: act, Loss: loss})
			}
		}
	}
	return as
}

// randPoint returns random parameters for m, away from ReLU kinks by more
// than the finite-difference steps reach.
func randPoint(t testing.TB, m *MLP, rng *rand.Rand, scale float64) []float64 {
	t.Helper()
	for try := 0; try < 100; try++ {
		x := randVec(rng, m.Dim(), scale)
		if m.arch.Act != ReLU || minPreact(m, x) > 1e-3 {
			return x
		}
	}
	t.Fatal("no point away from the ReLU kinks")
	return nil
}
