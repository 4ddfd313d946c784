package scenario

// viewLessons each open one of the app's views: basins of attraction, a
// sweep of the step size, the 3D surface, a surface typed by hand, the
// user's own data, minibatches, the step's model, ghosts.
var viewLessons = []Lesson{
	{
		Name:  "basins",
		Title: "Basins of attraction on Himmelblau's function: gradient descent's follow the ridges, plain Newton's are intricate and stop on saddles",
		Steps: []Step{
			{
				Text: "Himmelblau's function has four minima. Each start in the view is coloured by the minimum its method reaches from there in 100 steps (D toggles it). Gradient descent's basins (2) are four regions split along the ridges between the minima: from nearly every start it reaches one.",
				Link: "v1;s=himmelblau;x=0,0;m=newton:ls=none,mod=none;m=gd:lr=0.01;n=100;u=b",
			},
			{
				Text: "Plain Newton's basins (1) interleave along the ridges, and from over a third of the starts it converges on no minimum at all but on a saddle or the maximum, where ∇f = 0 as well: its boundaries are far longer than gradient descent's.",
			},
		},
	},
	{
		Name:  "sweep-step",
		Title: "A sweep of the step size on a bowl: the final f is lowest near 2/(λ_min+λ_max), and every run past 2/λ_max blows up",
		Steps: []Step{
			{
				Text: "Beside the run, a sweep (W toggles it): 30 step sizes α from 0.01 to 0.3, each a whole run of 100 steps of gradient descent on the bowl of curvatures 1 and 10, its final f drawn against α.",
				Link: "v1;s=quadratic;x=-1.5,1;m=gd:lr=0.1;n=100;t=0;y=lr:0.01,0.3,30,log;u=w",
			},
			{
				Text: "The final f falls as α grows and is lowest near 2/(λ_min+λ_max) ≈ 0.18, where both directions shrink alike, by 9/11 a step. Past 2/λ_max = 0.2 every run ends above where it started: it diverges.",
			},
		},
	},
	{
		Name:  "egg-crate-3d",
		Title: "Rastrigin's egg crate in 3D: every method stops in a dip of its own, a local minimum far from the global one",
		Steps: []Step{
			{
				Text: "Rastrigin's egg crate drawn in 3D (Z toggles it; drag to turn it): a bowl covered in dips, its global minimum 0 at the origin. Gradient descent (1), Newton (2) and Adam (3) start from (3.3, −2.4). Press G.",
				Link: "v1;s=rastrigin;x=3.3,-2.4;m=gd:lr=0.002;m=newton;m=adam:lr=0.5;z=123:-30,35",
			},
			{
				Text: "Each converges in a dip, a local minimum where f > 0: gradient descent and Adam in the one next to the start, f ≈ 12.9, Newton in another, f ≈ 9.9. None reaches the origin: each dip is a small bowl of its own.",
				Iter: 500,
			},
		},
	},
	{
		Name:  "typed-surface",
		Title: "A surface typed by hand, √(1+x²) + √(1+y²): plain Newton's step x₊ = −x³ diverges from |x| > 1; a line search saves it",
		Steps: []Step{
			{
				Text: "A surface typed by hand (Y): √(1+x²) + √(1+y²), a bowl that turns into a cone far out. Plain Newton (1), with no line search, from (1.1, 0.5): along x each step gives x₊ = −x³, 1.1 → −1.331 → 2.358 → −13.1. From |x| > 1 it diverges.",
				Link: "v1;f=sqrt(1%20+%20x%5E2)%20+%20sqrt(1%20+%20y%5E2);x=1.1,0.5;m=newton:ls=none;m=newton;n=50",
				Iter: 3,
			},
			{
				Text: "Along y, from |y| < 1, the same rule y₊ = −y³ converges, and fast. Newton with a backtracking line search (2) takes the same direction but shortens the step until f falls enough: it converges on the minimum (0, 0).",
				Iter: 50,
			},
		},
	},
	{
		Name:  "own-data",
		Title: "Your own data: a line through points you place; Newton lands on the least-squares fit in one step, and an outlier pulls it",
		Steps: []Step{
			{
				Text: "Five points of your own (a tap adds one, a drag moves it) and the line ŷ = θ₁ + θ₂x fitted to them. The loss is a bowl with Hessian (2/m)XᵀX, here curvatures 2 and 4. Newton (1) lands on the least-squares line, θ = (0.4, 0.95), in one step.",
				Link: "v1;s=linefit;p=QAoAYA4AgBIAoBQAwBoA;x=0,0;m=newton:ls=none;m=gd:lr=0.1",
				Iter: 1,
			},
			{
				Text: "A sixth point far below the others, at (3, −3). Newton again lands on the new least-squares line in one step: the outlier pulls the slope from 0.95 down to about 0.06.",
				Link: "v1;s=linefit;p=QAoAYA4AgBIAoBQAwBoA4AQA;x=0,0;m=newton:ls=none;m=gd:lr=0.1",
				Iter: 1,
			},
		},
	},
	{
		Name:  "minibatch-schedule",
		Title: "Minibatches and a schedule: one point a step jitters around the fit with a constant step; a cosine schedule brings it home",
		Steps: []Step{
			{
				Text: "Stochastic gradient descent on the five points' line fit, one point a step (batch = 1): each step follows a single point's gradient, so f no longer falls every step. α = 0.1 constant (1), the same α decayed by a cosine to 0 at step 300 (2), all points every step (3).",
				Link: "v1;s=linefit;p=QAoAYA4AgBIAoBQAwBoA;x=0,0;m=gd:lr=0.1,batch=1,seed=1;m=gd:lr=0.1,schedule=cosine,decay=300,batch=1,seed=1;m=gd:lr=0.1;n=300;t=0",
				Iter: 20,
			},
			{
				Text: "After 300 steps, 60 passes over the data, full-batch descent sits on the least-squares fit. With a constant α the one-point steps still jitter around it; the cosine schedule, its steps shrinking to nothing, ends more than ten times closer.",
				Iter: 300,
			},
		},
	},
	{
		Name:  "step-model",
		Title: "The step's model and the trust region: ρ = actual / predicted decrease decides whether a step is taken and how the radius changes",
		Steps: []Step{
			{
				Text: "J draws each method's quadratic model m(p) = f + gᵀp + ½pᵀ∇²f p through its last step, beside the true level set. Trust-region dogleg (1), first step: the model promised a drop of 19.4 and f fell by 19.5, so ρ ≈ 1 and the radius stays Δ = 1.",
				Link: "v1;s=rosenbrock;x=-1.2,1;m=tr-dogleg;m=newton;n=100;u=m",
				Iter: 1,
			},
			{
				Text: "Press S. The model's best point within Δ = 1 promises a drop of 1.5, but there f rises: ρ < 0. The step is rejected, the iterate stays where it was, and Δ shrinks to a quarter, 0.25 (Nocedal & Wright, Alg. 4.1).",
				Iter: 2,
			},
			{
				Text: "In the smaller region the model is trusted again: twice ρ > ¾ with the step on the region's edge, so Δ doubles, 0.25 → 0.5 → 1.",
				Iter: 4,
			},
		},
	},
	{
		Name:  "ghosts",
		Title: "Ghosts: runs pinned in a panel to compare settings; on Rosenbrock's banana a step over 2/λ_max does not diverge",
		Steps: []Step{
			{
				Text: "A ghost is a run pinned in a panel, drawn faint beside the panel's own. Here gradient descent with α = 0.001 and two ghosts, α = 0.0005 and α = 0.002. Change a panel's method (1) and pin its run to make your own. Press G.",
				Link: "v1;s=rosenbrock;x=-1.2,1;m=gd;g=1:gd:lr=0.0005;g=1:gd:lr=0.002",
			},
			{
				Text: "α = 0.002 is over 2/λ_max ≈ 0.0013 at the start, yet it does not diverge: its first step goes uphill, to where λ_max is under 2/α, and after 500 steps it is ahead of α = 0.001, at a lower f. α = 0.0005 lags behind.",
				Iter: 500,
			},
		},
	},
}

// networkMethodLessons train the small tanh network with a quasi-Newton
// method's memory and with weight decay.
var networkMethodLessons = []Lesson{
	{
		Name:  "lbfgs-memory",
		Title: "L-BFGS's memory m on a 105-weight network: the more pairs kept, the lower the loss after 300 iterations",
		Steps: []Step{
			{
				Text: "L-BFGS keeps only its last m steps and gradient changes, not a 105×105 matrix, training a small tanh network: m = 1 (2), the default m = 5 (3), m = 20 (4), beside gradient descent (1). Press G.",
				Link: "v1;net=tanh:8,8;d=circle;m=gd:lr=0.3;m=lbfgs:m=1;m=lbfgs;m=lbfgs:m=20;n=300;t=0",
			},
			{
				Text: "After 300 iterations the more pairs kept, the lower the loss: m = 20 ends more than a hundred times below m = 1, and every L-BFGS below gradient descent.",
				Iter: 300,
			},
		},
	},
	{
		Name:  "weight-decay",
		Title: "Weight decay on a network: the step's gradient is g + wd·x, and the larger wd, the smaller the weights and the higher the training loss",
		Steps: []Step{
			{
				Text: "Weight decay adds wd·x to each step's gradient, so gradient descent minimizes the loss plus (wd/2)‖x‖². A small tanh network with no decay (1), wd = 0.01 (2) and wd = 0.05 (3). Press S: each first step is −α(g + wd·x).",
				Link: "v1;net=tanh:8,8;d=circle;m=gd:lr=0.3;m=gd:lr=0.3,wd=0.01;m=gd:lr=0.3,wd=0.05;n=300;t=0",
				Iter: 1,
			},
			{
				Text: "After 300 steps the larger the decay, the smaller the weights and the higher the training loss: the penalty trades fit for small weights.",
				Iter: 300,
			},
		},
	},
}
