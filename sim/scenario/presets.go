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
