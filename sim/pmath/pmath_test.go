package pmath

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"
)

// bigExp computes eˣ to 200 bits by its Taylor series after halving x
// until it is small, then squaring back: an oracle independent of the
// math package.
func bigExp(x float64) float64 {
	const prec = 200
	z := new(big.Float).SetPrec(prec).SetFloat64(x)
	halvings := 0
	for z.MantExp(nil) > -4 {
		z.Quo(z, big.NewFloat(2).SetPrec(prec))
		halvings++
	}
	sum := new(big.Float).SetPrec(prec).SetFloat64(1)
	term := new(big.Float).SetPrec(prec).SetFloat64(1)
	for k := 1; k < 60; k++ {
		term.Mul(term, z)
		term.Quo(term, new(big.Float).SetPrec(prec).SetInt64(int64(k)))
		sum.Add(sum, term)
	}
	for ; halvings > 0; halvings-- {
		sum.Mul(sum, sum)
	}
	f, _ := sum.Float64()
	return f
}

func ulps(a, b float64) float64 {
	return math.Abs(a-b) / (math.Nextafter(math.Abs(b), math.Inf(1)) - math.Abs(b))
}

func TestExpAgainstBigFloat(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	worst := 0.0
	for i := 0; i < 3000; i++ {
		x := (rng.Float64()*2 - 1) * 700
		if i%3 == 0 {
			x = (rng.Float64()*2 - 1) * 2
		}
		got, want := Exp(x), bigExp(x)
		u := ulps(got, want)
		worst = math.Max(worst, u)
		if u > 2 {
			t.Errorf("Exp(%v) = %v, exact %v: %.1f ulp", x, got, want, u)
		}
	}
	t.Logf("worst error %.2f ulp", worst)
}

func TestExpEdges(t *testing.T) {
	for _, c := range []struct{ x, want float64 }{
		{0, 1}, {1000, math.Inf(1)}, {-1000, 0}, {math.Inf(1), math.Inf(1)}, {math.Inf(-1), 0},
	} {
		if got := Exp(c.x); got != c.want {
			t.Errorf("Exp(%v) = %v, want %v", c.x, got, c.want)
		}
	}
	if !math.IsNaN(Exp(math.NaN())) || !math.IsNaN(Tanh(math.NaN())) {
		t.Error("NaN in, not NaN out")
	}
	if got := Exp(709.7); math.IsInf(got, 0) || ulps(got, math.Exp(709.7)) > 2 {
		t.Errorf("Exp(709.7) = %v", got)
	}
}

func TestTanhAndSigmoid(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 3000; i++ {
		x := (rng.Float64()*2 - 1) * 30
		if i%2 == 0 {
			x *= 1e-3
		}
		// tanh x = (e²ˣ − 1)/(e²ˣ + 1) and σ(x) = 1/(1 + e⁻ˣ) from the
		// big-float exponential.
		e2 := bigExp(2 * x)
		wantT := (e2 - 1) / (e2 + 1)
		if math.Abs(x) < 0.5 { // cancellation in the oracle itself: use −expm1
			wantT = math.Tanh(x)
		}
		if got := Tanh(x); math.Abs(got-wantT) > 4e-16*math.Max(math.Abs(wantT), 1e-300) {
			t.Errorf("Tanh(%v) = %v, want %v", x, got, wantT)
		}
		if Tanh(-x) != -Tanh(x) {
			t.Errorf("Tanh is not odd at %v", x)
		}
		wantS := 1 / (1 + bigExp(-x))
		if got := Sigmoid(x); math.Abs(got-wantS) > 4e-16*wantS {
			t.Errorf("Sigmoid(%v) = %v, want %v", x, got, wantS)
		}
	}
	if Tanh(1e3) != 1 || Tanh(-1e3) != -1 || Sigmoid(-800) != 0 && Sigmoid(-800) > 1e-300 || Sigmoid(800) != 1 {
		t.Error("saturation")
	}
}

// TestLogSinhCoshPow holds the functions against the math package's (a
// different implementation) to a few ulp, and checks their edges.
func TestLogSinhCoshPow(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	worst := map[string]float64{}
	check := func(name string, got, want float64, tol float64) {
		t.Helper()
		u := ulps(got, want)
		worst[name] = math.Max(worst[name], u)
		if !(u <= tol) {
			t.Errorf("%s: %v, math's %v: %.1f ulp", name, got, want, u)
		}
	}
	for i := 0; i < 5000; i++ {
		x := math.Exp((rng.Float64()*2 - 1) * 700)
		check("Log", Log(x), math.Log(x), 2)
		y := (rng.Float64()*2 - 1) * 20
		if i%2 == 0 {
			y *= 1e-4
		}
		check("Sinh", Sinh(y), math.Sinh(y), 3)
		check("Cosh", Cosh(y), math.Cosh(y), 3)
		b, p := rng.Float64()*10, (rng.Float64()*2-1)*5
		// exp(y·log x) carries log's rounding times |y·log x| into the result
		check("Pow", Pow(b, p), math.Pow(b, p), 2+2*math.Abs(p*math.Log(b)))
	}
	t.Logf("worst errors (ulp): %v", worst)
	if Log(1) != 0 || !math.IsInf(Log(0), -1) || !math.IsNaN(Log(-1)) || !math.IsInf(Log(math.Inf(1)), 1) {
		t.Error("Log's edges")
	}
	if Pow(-2, 3) != -8 || Pow(-8, 1.0/3) == Pow(-8, 1.0/3) || Pow(0, 0.5) != 0 || !math.IsInf(Pow(0, -0.5), 1) || Pow(2, 0.5) != Pow(2, 0.5) {
		t.Error("Pow's edges")
	}
	if !math.IsInf(Sinh(800), 1) || !math.IsInf(Sinh(-800), -1) || !math.IsInf(Cosh(-800), 1) || Sinh(0) != 0 || Cosh(0) != 1 {
		t.Error("Sinh's and Cosh's edges")
	}
}
