package scenario

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"

	"curvlab/sim"
)

// TestPreconditionedSharpnessIsGonums: for Adam and RMSProp on a network,
// the tracker's preconditioned sharpness at each row is the largest
// eigenvalue of P⁻¹H by gonum, with H the dense Hessian there and P =
// √v̂ + ε replayed here from the gradients the run recorded (v the
// running mean of g², bias-corrected for Adam); methods without a
// preconditioner, and row 0, have none.
func TestPreconditionedSharpnessIsGonums(t *testing.T) {
	sc, err := Decode("v1;net=tanh:4;d=circle:n=40;m=adam:lr=0.01;m=rmsprop:lr=0.003;m=gd:lr=0.1;n=30")
	if err != nil {
		t.Fatal(err)
	}
	p := sc.NetProblem()
	n := p.TrainLoss.Dim()
	runs := sc.NewRunsWith(sim.RunOptions{KeepVectors: true})
	trs := make([]*NetTracker, len(runs))
	for k, r := range runs {
		trs[k] = NewNetTracker(p)
		trs[k].Follow(r)
		for range 12 {
			r.Step()
		}
	}
	h := make([]float64, n*n)
	for k, r := range runs[:2] {
		spec := sc.Methods[k]
		beta2, eps := 0.0, spec.Value("eps")
		if spec.Kind.Name == "adam" {
			beta2 = spec.Value("beta2")
		} else {
			beta2 = spec.Value("rho")
		}
		v := make([]float64, n)
		pow := 1.0
		for row := 1; row < len(r.Trace); row++ {
			g := r.Row(row - 1).G
			pow *= beta2
			for i := range v {
				v[i] = beta2*v[i] + (1-beta2)*g[i]*g[i]
			}
			d := make([]float64, n)
			for i := range d {
				vh := v[i]
				if spec.Kind.Name == "adam" {
					vh /= 1 - pow
				}
				d[i] = 1 / math.Sqrt(math.Sqrt(vh)+eps)
			}
			p.TrainLoss.Hess(h, r.Row(row).X)
			a := mat.NewSymDense(n, nil)
			for i := range n {
				for j := i; j < n; j++ {
					a.SetSym(i, j, d[i]*h[i*n+j]*d[j])
				}
			}
			var es mat.EigenSym
			if !es.Factorize(a, false) {
				t.Fatal("gonum's eigensolver failed")
			}
			vals := es.Values(nil)
			want := vals[len(vals)-1]
			if got := trs[k].SharpnessPre[row]; !(math.Abs(got-want) <= 1e-7*math.Abs(want)) {
				t.Errorf("%s, row %d: preconditioned sharpness %v, gonum's λmax(P⁻¹H) %v", spec, row, got, want)
			}
		}
		if !math.IsNaN(trs[k].SharpnessPre[0]) {
			t.Errorf("%s: row 0 has a preconditioned sharpness %v", spec, trs[k].SharpnessPre[0])
		}
	}
	for _, v := range trs[2].SharpnessPre {
		if !math.IsNaN(v) {
			t.Fatalf("gradient descent has a preconditioned sharpness: %v", trs[2].SharpnessPre)
		}
	}
}

// TestPreconditionedLineIsTheDynamics: with P frozen, Adam's step on a
// quadratic of curvature λ along P⁻¹H's eigenvector is the exponential
// average m = β₁m + (1 − β₁)λx, x −= αm; simulated here, it converges a
// hair below the line PreconditionedStability gives, αλ = c(1 − 1%), and
// diverges a hair above it, for several β₁ (and RMSProp's β₁ = 0).
func TestPreconditionedLineIsTheDynamics(t *testing.T) {
	for _, c := range []struct {
		spec  string
		beta1 float64
	}{{"adam", 0.9}, {"adam:beta1=0.5", 0.5}, {"adam:beta1=0.99", 0.99}, {"rmsprop", 0}} {
		sp, err := sim.ParseSpec(c.spec)
		if err != nil {
			t.Fatal(err)
		}
		line, _, ok := sim.PreconditionedStability(sp)
		if !ok {
			t.Fatalf("%s: no line", c.spec)
		}
		final := func(alphaLambda float64) float64 {
			x, m := 1.0, 0.0
			for range 20000 {
				m = c.beta1*m + (1-c.beta1)*x
				x -= alphaLambda * m
				if math.Abs(x) > 1e12 {
					break // diverged
				}
			}
			return math.Abs(x)
		}
		if below, above := final(line*0.99), final(line*1.01); !(below < 1e-6) || !(above > 1e6) {
			t.Errorf("%s: line %v; |x| after 20000 steps %v just below it, %v just above", c.spec, line, below, above)
		}
	}
	if _, _, ok := sim.PreconditionedStability(mustSpec(t, "gd")); ok {
		t.Error("gradient descent has a preconditioned line")
	}
}

func mustSpec(t *testing.T, s string) sim.Spec {
	t.Helper()
	sp, err := sim.ParseSpec(s)
	if err != nil {
		t.Fatal(err)
	}
	return sp
}
