package scenario

import (
	"fmt"
	"strings"
)

// Preset is a named scenario: a lesson the app offers in its presets menu
// and the CLI runs with --preset. Its Link is an ordinary scenario text, so
// every preset is also reachable by link.
type Preset struct {
	Name string
	Desc string // one line
	Link string
}

// presets, in menu order, with canonical links (as the app's address bar
// shows them: defaults omitted, e.g. quadratic's l2=10, angle=30). Tests in
// app check that each lesson happens in the numbers.
var presets = []Preset{
	{
		Name: "default",
		Desc: "Rosenbrock's banana: gradient descent, Newton and SR1 side by side",
		Link: "v1;s=rosenbrock;x=-1.2,1;m=gd;m=newton;m=sr1", // gd's default lr, 0.001, is stable here
	},
	{
		Name: "sr1-learns",
		Desc: "SR1 learns the Hessian: unit steps on a rotated bowl, the estimate meets the truth after two steps",
		// H₀ = 0.2·I: no eigenvalue of H₀A is 1, else one step would
		// already get that direction right and the lesson would be hidden.
		Link: "v1;s=quadratic:l1=2;x=-1.5,1;m=sr1:ls=none,h0=0.2;m=bfgs:ls=none,h0=0.2;m=newton:ls=none;n=20;u=1",
	},
	{
		Name: "saddle",
		Desc: "Saddle: Newton jumps onto the saddle point, saddle-free Newton escapes it",
		// x² − y² is unbounded below: 10 steps show the escape before the
		// escaping methods leave the view for good.
		Link: "v1;s=saddle;x=-1.8,0.1;m=newton:ls=none,mod=none;m=newton-sf;m=gd:lr=0.1;n=10;u=2",
	},
	{
		Name: "valley",
		Desc: "Ill-conditioned valley: gradient descent zig-zags, Newton walks straight down",
		Link: "v1;s=valley;x=-2.415,-0.817;m=gd:lr=0.018;m=newton;m=bfgs;n=300",
	},
	{
		Name: "linreg",
		Desc: "Linear regression: α = 1/λ_min ≈ 10.715 diverges, α = 0.035 < 2/λ_max converges slowly, Newton takes one step",
		Link: "v1;s=linreg;x=-1,3;m=gd:lr=10.715;m=gd:lr=0.035;m=newton:ls=none;n=200;u=2",
	},
	{
		Name: "net-saddle",
		Desc: "A tanh neuron from a small start: plain Newton converges to the saddle at the origin; GD and saddle-free Newton break the symmetry",
		// From (0.2, −0.1), 0.22 from the saddle: plain Newton lands on
		// it in 3 steps, the others reach the minimum (0.8, 1.5).
		Link: "v1;s=net-tanh;x=0.2,-0.1;m=gd:lr=0.3;m=newton:ls=none,mod=none;m=newton-sf;m=sr1;n=400",
	},
	{
		Name: "dead-relu",
		Desc: "A ReLU neuron: a step of 1 throws gradient descent into the dead region, where the gradient is zero for good",
		// Step 1 lands at (0.37, −2.18) at its second iteration, where
		// 0.37x − 2.18 < 0 on every point; step 0.5 and Newton reach the
		// teacher (1, −0.5).
		Link: "v1;s=net-relu;x=-1,1.5;m=gd:lr=0.5;m=gd:lr=1;m=newton;n=300",
	},
	{
		Name: "edge-of-stability",
		Desc: "Edge of stability: full-batch GD drives the sharpness λ_max up to 2/η and hovers there while the loss keeps falling",
		// A 2-8-8-1 tanh MLP, squared error, on the 200-point circle data
		// (150 train). With η = 0.35 the sharpness starts at 4.5, rises past
		// 2/η ≈ 5.71 by iteration 120, is thrown back by a loss spike and
		// then hovers within a few percent below 2/η for thousands of
		// iterations while the loss falls; η = 0.3 does the same at
		// 2/η ≈ 6.67. Cohen, Kaur, Li, Kolter, Talwalkar, ICLR 2021.
		Link: "v1;net=tanh:8,8;d=circle;m=gd:lr=0.35;m=gd:lr=0.3;n=3000;t=0",
	},
	// The lessons of stability, noise and generalization (REFERENCE.md),
	// each on the same 2-8-8-1 network and data as edge-of-stability, whose
	// sharpness at the start is λ₀ ≈ 4.52 (2/λ₀ ≈ 0.44). Each claim is
	// asserted by lessons_test.go on these numbers.
	{
		Name: "eos-momentum",
		Desc: "Edge of stability with momentum: each method's sharpness climbs to its own line, 2(1+β)/η heavy ball, (2+2β)/((1+2β)η) Nesterov",
		// Both lines at 6, under the sharpness of about 7 this network
		// reaches with small steps: heavy ball climbs past 5.4 within 50
		// iterations and hovers about 6; Nesterov climbs more slowly to
		// about 5.7.
		Link: "v1;net=tanh:8,8;d=circle;m=momentum:lr=0.5,beta=0.5;m=nesterov:lr=0.25,beta=0.5;n=3000;t=0",
	},
	{
		Name: "adam-edge",
		Desc: "Adam at its own edge: the preconditioned sharpness λmax(P⁻¹H) rises to (2+2β₁)/((1−β₁)η) = 38/η and hovers there (Cohen et al. 2022)",
		// 38/0.03 ≈ 1267, reached by iteration 400; gradient descent at its
		// edge 2/η beside it.
		Link: "v1;net=tanh:8,8;d=circle;m=adam:lr=0.03;m=gd:lr=0.3;n=2000;t=0",
	},
	{
		Name: "catapult",
		Desc: "Catapult: with 2/λ₀ < η < 2·2/λ₀ the loss first jumps, the sharpness falls under 2/η and training settles flatter; at twice that it diverges",
		// η = 0.3 below 2/λ₀, 0.6 ≈ 1.4·2/λ₀ (the loss rises for two
		// steps, λmax falls to about 2.2), 0.9 ≈ 2·2/λ₀ diverges within
		// ten steps. Lewkowycz, Bahri, Dyer, Sohl-Dickstein, Gur-Ari 2020.
		Link: "v1;net=tanh:8,8;d=circle;m=gd:lr=0.3;m=gd:lr=0.6;m=gd:lr=0.9;n=400;t=0",
	},
	{
		Name: "batch-size",
		Desc: "Small against large batches: smaller batches end flatter, yet the flatter runs do not test better here: sharpness alone does not predict it (Dinh et al. 2017)",
		// After 3000 steps: λmax about 3.1 (batch 5), 4.7 (batch 50), 6.5
		// (all 150 points); test loss 0.021, 0.025, 0.024: batch 50 is
		// flatter than the full batch and tests worse. Keskar et al. 2017
		// report large batches sharper and worse on large networks.
		Link: "v1;net=tanh:8,8;d=circle;m=gd:lr=0.3,batch=5,seed=1;m=gd:lr=0.3,batch=50,seed=1;m=gd:lr=0.3;n=3000;t=0",
	},
	{
		Name: "sam",
		Desc: "SAM against gradient descent: sharpness-aware minimization ends in a flatter minimum and, on this data, tests better",
		// After 3000 steps: λmax 2.4 against 6.5, test loss 0.020 against
		// 0.024. Foret et al., ICLR 2021.
		Link: "v1;net=tanh:8,8;d=circle;m=gd:lr=0.3;m=sam:lr=0.3;n=3000;t=0", // ρ = 0.05, its default
	},
	{
		Name: "sweep-lr",
		Desc: "A sweep of η: every run that settles ends with its sharpness at or under 2/η, pinned to it for large η; past η ≈ 1 training diverges",
		// 40 step sizes from 0.01 to 3 (log), 1000 steps each: below η ≈ 0.3
		// the landscape's own sharpness (about 7) is under 2/η; above it
		// the final λmax sits just under 2/η; from about 1.05 on the runs
		// diverge.
		Link: "v1;net=tanh:8,8;d=circle;m=gd:lr=0.3;n=1000;t=0;y=lr:0.01,3,40,log;u=w",
	},
}

// Presets lists the presets in menu order.
func Presets() []Preset { return presets }

// LookupPreset finds a preset by name and decodes its scenario.
func LookupPreset(name string) (Preset, Scenario, error) {
	for _, p := range presets {
		if p.Name == name {
			sc, err := Decode(p.Link)
			if err != nil {
				return p, sc, fmt.Errorf("preset %s: %v", name, err)
			}
			return p, sc, nil
		}
	}
	names := make([]string, len(presets))
	for i, p := range presets {
		names[i] = p.Name
	}
	return Preset{}, Scenario{}, fmt.Errorf("unknown preset %q (accepted: %s)", name, strings.Join(names, ", "))
}
