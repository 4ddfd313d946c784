package scenario

import "slices"

// The lessons, in menu order: the founding ones (curvature, the step size,
// the Hessian learned), then the methods' families, the views, and
// training a network. Links are canonical (as the app's address bar shows
// them: defaults omitted). What each step says about the numbers is
// asserted by lessons_test.go.
var lessons = slices.Concat(foundingLessons[:2], curvatureLessons, foundingLessons[2:], methodLessons, viewLessons, networkMethodLessons, trainingLessons)

// foundingLessons walk 2D surfaces: the picture every later lesson builds
// on.
var foundingLessons = []Lesson{
	{
		Name:  "first-look",
		Title: "Rosenbrock's banana: gradient descent, Newton and SR1 side by side",
		Steps: []Step{
			{
				Text: "Three methods start from (−1.2, 1) on Rosenbrock's banana: gradient descent (panel 1), Newton (2) and SR1 (3). The solid ellipse is the true curvature where each method stands, the dashed one the curvature its method believes. Press Space to play.",
				Link: "v1;s=rosenbrock;x=-1.2,1;m=gd;m=newton;m=sr1",
			},
			{
				Text: "Newton converges on the minimum (1, 1) at iteration 21: it uses the true Hessian at every step. SR1 learns the curvature from gradients alone; play on and it converges at iteration 49.",
				Iter: 21,
			},
			{
				Text: "After its 500 steps gradient descent is still in the valley, at f = 2.28. Its step α = 0.001 is just under 2/λ_max ≈ 0.0013 at the start, the largest step that does not blow up across the valley, and so tiny along the valley's floor.",
				Iter: 500,
			},
		},
	},
	{
		Name:  "sr1-learns",
		Title: "SR1 learns the Hessian: unit steps on a rotated bowl, the estimate meets the truth after two steps",
		Steps: []Step{
			{
				// H₀ = 0.2·I: no eigenvalue of H₀A is 1, else one step
				// would already get that direction right and the lesson
				// would be hidden.
				Text: "A rotated bowl with curvatures 2 and 10. SR1 (1) and BFGS (2) start from the same guess of the inverse Hessian, 0.2·I, and take unit steps with no line search; Newton (3) knows the Hessian. Press S once: Newton is on the minimum already.",
				Link: "v1;s=quadratic:l1=2;x=-1.5,1;m=sr1:ls=none,h0=0.2;m=bfgs:ls=none,h0=0.2;m=newton:ls=none;n=20;u=1",
				Iter: 1,
			},
			{
				Text: "After two steps SR1's dashed ellipse lies on the solid one: two independent steps taught it the whole 2×2 Hessian, to rounding error. BFGS's estimate is still more than 50% off.",
				Iter: 2,
			},
			{
				Text: "With the Hessian learned, SR1's third step is a Newton step and lands on the minimum (0, 0). BFGS, whose rank-two update does not reproduce the Hessian from unit steps, needs until iteration 7.",
				Iter: 7,
			},
		},
	},
	{
		Name:  "saddle",
		Title: "Saddle: Newton jumps onto the saddle point, saddle-free Newton escapes it",
		Steps: []Step{
			{
				// x² − y² is unbounded below: 10 steps show the escape
				// before the escaping methods leave the view for good.
				Text: "f = x² − y² has a saddle at the origin. Plain Newton (1) solves ∇f = 0 and jumps onto the saddle in one step; the gradient is zero there, so it stops as if at a minimum.",
				Link: "v1;s=saddle;x=-1.8,0.1;m=newton:ls=none,mod=none;m=newton-sf;m=gd:lr=0.1;n=10;u=2",
				Iter: 1,
			},
			{
				Text: "Saddle-free Newton (2) divides by |λ|, not λ: along y, where f falls, it steps downhill and y doubles each step, from 0.1 to 102.4 in ten steps. Gradient descent (3) escapes too, slowly: y grows from 0.1 to 0.62.",
				Iter: 10,
			},
		},
	},
	{
		Name:  "valley",
		Title: "Ill-conditioned valley: gradient descent zig-zags, Newton walks straight down",
		Steps: []Step{
			{
				Text: "A long, narrow valley. Gradient descent (1) with α = 0.018 steps across the valley and back, nearly every step turning back on the last: look at its first ten steps.",
				Link: "v1;s=valley;x=-2.415,-0.817;m=gd:lr=0.018;m=newton;m=bfgs;n=300",
				Iter: 10,
			},
			{
				Text: "Newton (2) walks straight down and converges at iteration 3; BFGS (3), learning the curvature as it goes, at iteration 14. Gradient descent, after all its 300 steps, has not converged.",
				Iter: 300,
			},
		},
	},
	{
		Name:  "linreg",
		Title: "Linear regression: α = 1/λ_min ≈ 10.715 diverges, α = 0.035 < 2/λ_max converges slowly, Newton takes one step",
		Steps: []Step{
			{
				Text: "Least squares for a line is a quadratic bowl. Gradient descent with α = 10.715 = 1/λ_min (1) diverges: a step must stay under 2/λ_max, and λ_max is far larger than λ_min here. It is stopped at iteration 5, marked diverged.",
				Link: "v1;s=linreg;x=-1,3;m=gd:lr=10.715;m=gd:lr=0.035;m=newton:ls=none;n=200;u=2",
				Iter: 5,
			},
			{
				Text: "With α = 0.035, under 2/λ_max, gradient descent (2) converges, slowly. Newton (3) lands on the least-squares fit θ* = (1, 1) in one step: on a quadratic its model is exact.",
				Iter: 200,
			},
		},
	},
	{
		Name:  "net-saddle",
		Title: "A tanh neuron from a small start: plain Newton converges to the saddle at the origin; GD and saddle-free Newton break the symmetry",
		Steps: []Step{
			{
				// From (0.2, −0.1), 0.22 from the saddle: plain Newton
				// lands on it in 3 steps.
				Text: "One tanh neuron, started close to a saddle of its loss at the origin. Plain Newton (2) heads for the saddle: at iteration 3 it sits on (0, 0), where the gradient is zero and the loss stays high.",
				Link: "v1;s=net-tanh;x=0.2,-0.1;m=gd:lr=0.3;m=newton:ls=none,mod=none;m=newton-sf;m=sr1;n=400",
				Iter: 3,
			},
			{
				Text: "Gradient descent (1), saddle-free Newton (3) and SR1 (4) break the symmetry and reach the teacher's weights (0.8, 1.5): saddle-free Newton in 10 iterations, SR1 in 17, gradient descent slowly.",
				Iter: 400,
			},
		},
	},
	{
		Name:  "dead-relu",
		Title: "A ReLU neuron: a step of 1 throws gradient descent into the dead region, where the gradient is zero for good",
		Steps: []Step{
			{
				// Step 1 lands at (0.37, −2.18) at its second iteration,
				// where 0.37x − 2.18 < 0 on every point.
				Text: "A ReLU neuron. Gradient descent with a step of 1 (2) overshoots to (0.37, −2.18) at iteration 2, where the neuron is off for every input: the gradient is exactly zero and the run stops there for good.",
				Link: "v1;s=net-relu;x=-1,1.5;m=gd:lr=0.5;m=gd:lr=1;m=newton;n=300",
				Iter: 2,
			},
			{
				Text: "With a step of 0.5 (1) the neuron stays alive and gradient descent reaches the teacher (1, −0.5); Newton (3) gets there in 4 iterations.",
				Iter: 300,
			},
		},
	},
}

// trainingLessons train a 2-8-8-1 tanh network on the 200-point circle
// data (150 train), whose sharpness at the start is λ₀ ≈ 4.52
// (2/λ₀ ≈ 0.44): the lessons of stability, noise and generalization
// (REFERENCE.md).
var trainingLessons = []Lesson{
	{
		Name:  "edge-of-stability",
		Title: "Edge of stability: full-batch GD drives the sharpness λ_max up to 2/η and hovers there while the loss keeps falling",
		Steps: []Step{
			{
				Text: "A small tanh network trained by full-batch gradient descent with η = 0.35 and η = 0.3. The sharpness plot draws λ_max, the loss's largest curvature, beside each run's line 2/η: the classical rule says a step is stable only while λ_max < 2/η. Both start under their lines. Press Space.",
				Link: "v1;net=tanh:8,8;d=circle;m=gd:lr=0.35;m=gd:lr=0.3;n=3000;t=0",
			},
			{
				// η = 0.35: λ_max starts at 4.5, rises past 2/η ≈ 5.71 by
				// iteration 120, is thrown back by a loss spike, then
				// hovers within a few percent below 2/η while the loss
				// falls. Cohen, Kaur, Li, Kolter, Talwalkar, ICLR 2021.
				Text: "The sharpness climbs to 2/η and stays there, within a few percent, for hundreds of steps, while the loss keeps falling, not always monotonically: training runs at the edge of stability (Cohen et al., 2021).",
				Iter: 1200,
			},
		},
	},
	{
		Name:  "eos-momentum",
		Title: "Edge of stability with momentum: each method's sharpness climbs to its own line, 2(1+β)/η heavy ball, (2+2β)/((1+2β)η) Nesterov",
		Steps: []Step{
			{
				Text: "Heavy ball (1) and Nesterov (2), both with β = 0.5. Their lines differ from 2/η: heavy ball's is 2(1+β)/η, Nesterov's (2+2β)/((1+2β)η). With these step sizes both lines are at 6.",
				Link: "v1;net=tanh:8,8;d=circle;m=momentum:lr=0.5,beta=0.5;m=nesterov:lr=0.25,beta=0.5;n=3000;t=0",
			},
			{
				Text: "Each sharpness climbs to its own line and hovers there for hundreds of steps: momentum moves the edge of stability, and the formula says where to.",
				Iter: 1500,
			},
		},
	},
	{
		Name:  "adam-edge",
		Title: "Adam at its own edge: the preconditioned sharpness λmax(P⁻¹H) rises to (2+2β₁)/((1−β₁)η) = 38/η and hovers there (Cohen et al. 2022)",
		Steps: []Step{
			{
				Text: "Adam (1) beside gradient descent (2). Adam divides each step by its running gradient scale P, so what it must keep stable is λ_max(P⁻¹H), not λ_max(H): its sharpness plot has a log axis, and its line is (2+2β₁)/((1−β₁)η) = 38/η ≈ 1267.",
				Link: "v1;net=tanh:8,8;d=circle;m=adam:lr=0.03;m=gd:lr=0.3;n=2000;t=0",
			},
			{
				Text: "λ_max(P⁻¹H) rises to its line 38/η and hovers there, while λ_max(H) itself stays about a hundred times lower: Adam sits at an edge of stability of its own (Cohen et al., 2022).",
				Iter: 1000,
			},
		},
	},
	{
		Name:  "catapult",
		Title: "Catapult: with 2/λ₀ < η < 2·2/λ₀ the loss first jumps, the sharpness falls under 2/η and training settles flatter; at twice that it diverges",
		Steps: []Step{
			{
				// Lewkowycz, Bahri, Dyer, Sohl-Dickstein, Gur-Ari 2020.
				Text: "Three step sizes against 2/λ₀, the line of the sharpness at the start: η = 0.3 below it (1), η = 0.6 between it and twice it (2), η = 0.9 at twice it or more (3). Step through the first ten iterations.",
				Link: "v1;net=tanh:8,8;d=circle;m=gd:lr=0.3;m=gd:lr=0.6;m=gd:lr=0.9;n=400;t=0",
				Iter: 10,
			},
			{
				Text: "η = 0.6 is the catapult: its loss first rises above where it started while the sharpness falls under 2/η, then it trains and ends flatter than η = 0.3, which descended steadily. η = 0.9 diverges.",
				Iter: 400,
			},
		},
	},
	{
		Name:  "batch-size",
		Title: "Small against large batches: smaller batches end flatter, yet the flatter runs do not test better here: sharpness alone does not predict it (Dinh et al. 2017)",
		Steps: []Step{
			{
				Text: "Stochastic gradient descent with batches of 5 (1) and 50 (2) of the 150 training points, and the full batch (3), all with η = 0.3. The thin line under each loss is the loss of the batch each step saw: noisy for small batches.",
				Link: "v1;net=tanh:8,8;d=circle;m=gd:lr=0.3,batch=5,seed=1;m=gd:lr=0.3,batch=50,seed=1;m=gd:lr=0.3;n=3000;t=0",
			},
			{
				// Keskar et al. 2017 report large batches sharper and
				// worse on large networks.
				Text: "After 3000 steps the smaller the batch, the flatter the minimum (lower λ_max). Yet batches of 50, flatter than the full batch, test worse: flatness alone does not predict the test loss (Dinh et al., 2017).",
				Iter: 3000,
			},
		},
	},
	{
		Name:  "sam",
		Title: "SAM against gradient descent: sharpness-aware minimization ends in a flatter minimum and, on this data, tests better",
		Steps: []Step{
			{
				// ρ = 0.05, its default. Foret et al., ICLR 2021.
				Text: "Gradient descent (1) against sharpness-aware minimization (2), which takes each gradient at the worst point within ρ = 0.05 of where it stands, both with η = 0.3.",
				Link: "v1;net=tanh:8,8;d=circle;m=gd:lr=0.3;m=sam:lr=0.3;n=3000;t=0",
			},
			{
				Text: "After 3000 steps SAM's minimum has less than half of gradient descent's sharpness, and on this data its test loss is lower.",
				Iter: 3000,
			},
		},
	},
	{
		Name:  "sweep-lr",
		Title: "A sweep of η: every run that settles ends with its sharpness at or under 2/η, pinned to it for large η; past η ≈ 1 training diverges",
		Steps: []Step{
			{
				Text: "One gradient-descent run, and beside it a sweep of 40 step sizes from 0.01 to 3: each point is a whole run of 1000 steps, its final sharpness drawn against its η, with the line 2/η.",
				Link: "v1;net=tanh:8,8;d=circle;m=gd:lr=0.3;n=1000;t=0;y=lr:0.01,3,40,log;u=w",
			},
			{
				// below η ≈ 0.3 the landscape's own sharpness (about 7)
				// is under 2/η; above it the final λmax sits just under
				// 2/η; from about 1.05 on the runs diverge.
				Text: "No run that settles ends above its line. For small η the sharpness ends where the landscape puts it, under 2/η; for larger η it is pinned just under 2/η; past η ≈ 1 training diverges.",
			},
		},
	},
}
