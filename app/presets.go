package app

import (
	"fmt"

	"curvlab/sim"
)

// preset is a named scenario for the presets menu; its text is an ordinary
// link, so every preset is also reachable by link.
type preset struct {
	Name string
	Desc string // one line shown in the menu
	Link string
}

// presets, in menu order. Each is checked by a test: it decodes, and the
// lesson it names happens in its runs.
var presets = []preset{
	{
		Name: "default",
		Desc: "Rosenbrock's banana: gradient descent, Newton and SR1 side by side",
		Link: "v1;s=rosenbrock;x=-1.2,1;m=gd:lr=0.001;m=newton;m=sr1",
	},
	{
		Name: "sr1-learns",
		Desc: "SR1 learns the Hessian: unit steps on a rotated bowl, the estimate meets the truth after two steps",
		// H₀ = 0.2·I: no eigenvalue of H₀A is 1, else one step would
		// already get that direction right and the lesson would be hidden.
		Link: "v1;s=quadratic:l1=2,l2=10,angle=30;x=-1.5,1;m=sr1:ls=none,h0=0.2;m=bfgs:ls=none,h0=0.2;m=newton:ls=none;n=20;u=1",
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
		Desc: "Linear regression: α = 1/λ_min ≈ 10.74 diverges, α = 0.035 < 2/λ_max converges slowly, Newton takes one step",
		Link: "v1;s=linreg;x=-1,3;m=gd:lr=10.74;m=gd:lr=0.035;m=newton:ls=none;n=200;u=2",
	},
}

// presetScenario decodes a preset; presets are tested, so an error here is
// a programming error reported as a notice by the caller.
func presetScenario(p preset) (sim.Scenario, error) {
	sc, err := sim.Decode(p.Link)
	if err != nil {
		return sc, fmt.Errorf("preset %s: %v", p.Name, err)
	}
	return sc, nil
}
