package nn

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
)

// Dataset is a set of labelled points in the plane: point i is
// (X[2i], X[2i+1]) with label Y[i]. Generate makes labels 0 or 1; the
// networks accept any finite labels (MSE then fits them as numbers).
type Dataset struct {
	X []float64 // 2 coordinates per point
	Y []float64 // one label per point
}

// N returns the number of points.
func (d *Dataset) N() int { return len(d.Y) }

// Point returns the coordinates and label of point i.
func (d *Dataset) Point(i int) (p0, p1, y float64) {
	return d.X[2*i], d.X[2*i+1], d.Y[i]
}

// Limits of Generate.
const (
	MinPoints = 4    // smallest total number of points
	MaxPoints = 1000 // largest total number of points
	MaxNoise  = 1.0  // largest noise level
)

// SplitSizes returns the sizes of the training and test splits of n points:
// the test split is a quarter, rounded down, and at least 1 point.
func SplitSizes(n int) (train, test int) {
	test = max(1, n/4)
	return n - test, test
}

// generator returns one point of class c (0 or 1) with noise level noise.
type generator func(rng *rand.Rand, c int, noise float64) (p0, p1 float64)

var datasets = []struct {
	name string
	gen  generator
}{
	{"circle", genCircle},
	{"gaussians", genGaussians},
	{"spiral", genSpiral},
	{"xor", genXOR},
}

// DatasetNames returns the names Generate accepts.
func DatasetNames() []string {
	names := make([]string, len(datasets))
	for i, d := range datasets {
		names[i] = d.name
	}
	return names
}

// Generate returns n labelled points of the named data set, split into a
// training set and a test set, of the sizes SplitSizes gives. Coordinates lie
// roughly in [−1, 1]² (plus noise). The names are
//
//   - circle: class 1 uniform in the disc of radius ½, class 0 uniform in
//     the ring of radii 0.7 and 1;
//   - xor: |p0|, |p1| uniform in [0.1, 1]; class 1 where p0 and p1 have
//     the same sign (quadrants I and III), class 0 elsewhere;
//   - gaussians: class 1 around (½, ½), class 0 around (−½, −½), with
//     standard deviation noise in each coordinate (noise 0 puts every point
//     of a class on its centre);
//   - spiral: two interleaved spirals r = t, angle 3.5πt + cπ for class
//     c, t uniform in [0, 1].
//
// Except for gaussians, noise adds independent noise of standard deviation
// noise to each coordinate after the label is fixed (labels are never
// flipped). Normal variates are Irwin–Hall sums of 12 uniforms minus 6
// (mean 0, variance 1, bounded by ±6).
//
// The classes alternate as points are drawn (class 1 first), so the two
// classes have sizes ⌈n/2⌉ and ⌊n/2⌋; the last points drawn
// form the test split, so each split holds both classes whenever it has two
// points or more. Each split is then shuffled. The stream is PCG seeded by
// (seed, a constant per data set); only +, −, ×, /, √, sin and cos touch
// the numbers, products are rounded before they are added (no fused
// multiply–add), so a seed gives the same bits on every architecture.
func Generate(name string, n int, noise float64, seed uint64) (train, test Dataset, err error) {
	gi := -1
	for i, d := range datasets {
		if d.name == name {
			gi = i
		}
	}
	if gi < 0 {
		return train, test, fmt.Errorf("nn: unknown data set %q: want one of %s", name, strings.Join(DatasetNames(), ", "))
	}
	if n < MinPoints || n > MaxPoints {
		return train, test, fmt.Errorf("nn: %d points: want %d to %d", n, MinPoints, MaxPoints)
	}
	if !(noise >= 0 && noise <= MaxNoise) {
		return train, test, fmt.Errorf("nn: noise %g: want 0 to %g", noise, MaxNoise)
	}
	rng := rand.New(rand.NewPCG(seed, 0x6e6e2d64617461+uint64(gi)))
	x := make([]float64, 2*n)
	y := make([]float64, n)
	for i := 0; i < n; i++ {
		c := 1 - i%2
		x[2*i], x[2*i+1] = datasets[gi].gen(rng, c, noise)
		y[i] = float64(c)
	}
	nt, _ := SplitSizes(n)
	train = Dataset{X: x[: 2*nt : 2*nt], Y: y[:nt:nt]}
	test = Dataset{X: x[2*nt:], Y: y[nt:]}
	shuffle(rng, &train)
	shuffle(rng, &test)
	return train, test, nil
}

// shuffle permutes the points of d (Fisher–Yates).
func shuffle(rng *rand.Rand, d *Dataset) {
	for i := d.N() - 1; i > 0; i-- {
		j := rng.IntN(i + 1)
		d.X[2*i], d.X[2*j] = d.X[2*j], d.X[2*i]
		d.X[2*i+1], d.X[2*j+1] = d.X[2*j+1], d.X[2*i+1]
		d.Y[i], d.Y[j] = d.Y[j], d.Y[i]
	}
}

// normal returns an Irwin–Hall approximation of a standard normal variate.
func normal(rng *rand.Rand) float64 {
	var s float64
	for k := 0; k < 12; k++ {
		s += rng.Float64()
	}
	return s - 6
}

// mul returns a·b rounded, so that it is never fused into an addition.
func mul(a, b float64) float64 { return float64(a * b) }

// polar returns r·(cos θ, sin θ) plus noise.
func polar(rng *rand.Rand, r, theta, noise float64) (p0, p1 float64) {
	p0 = mul(r, math.Cos(theta)) + mul(noise, normal(rng))
	p1 = mul(r, math.Sin(theta)) + mul(noise, normal(rng))
	return p0, p1
}

func genCircle(rng *rand.Rand, c int, noise float64) (p0, p1 float64) {
	u, v := rng.Float64(), rng.Float64()
	r := mul(0.5, math.Sqrt(u)) // uniform in the disc of radius ½
	if c == 0 {
		r = math.Sqrt(0.49 + mul(0.51, u)) // uniform in the ring 0.7 ≤ r ≤ 1
	}
	return polar(rng, r, mul(2*math.Pi, v), noise)
}

func genXOR(rng *rand.Rand, c int, noise float64) (p0, p1 float64) {
	a := 0.1 + mul(0.9, rng.Float64())
	b := 0.1 + mul(0.9, rng.Float64())
	if rng.Uint64()&1 == 1 {
		a = -a
	}
	if (a > 0) != (c == 1) { // class 1: same signs
		b = -b
	}
	return a + mul(noise, normal(rng)), b + mul(noise, normal(rng))
}

func genGaussians(rng *rand.Rand, c int, noise float64) (p0, p1 float64) {
	m := 0.5
	if c == 0 {
		m = -0.5
	}
	return m + mul(noise, normal(rng)), m + mul(noise, normal(rng))
}

func genSpiral(rng *rand.Rand, c int, noise float64) (p0, p1 float64) {
	t := rng.Float64()
	return polar(rng, t, mul(3.5*math.Pi, t)+float64(c)*math.Pi, noise)
}
