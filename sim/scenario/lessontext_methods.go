package scenario

// curvatureLessons follow the two founding lessons further: the Hessian
// sets the step size (REFERENCE.md, lesson 2) on a bowl whose eigenvalues
// are known, and SR1 against BFGS on a surface that is no quadratic.
var curvatureLessons = []Lesson{
	{
		Name:  "step-size",
		Title: "The Hessian sets the step size: on a bowl gradient descent is stable only for α < 2/λ_max",
		Steps: []Step{
			{
				Text: "A bowl with curvatures λ = 1 and λ_max = 10, so 2/λ_max = 0.2. Gradient descent with α = 0.19 just under it (1), α = 0.21 just over it (2), and α = 0.1 = 1/λ_max (3). Press S three times.",
				Link: "v1;s=quadratic;x=-1.5,1;m=gd:lr=0.19;m=gd:lr=0.21;m=gd:lr=0.1;n=300",
			},
			{
				Text: "Along the sharp direction each step multiplies the error by 1 − αλ_max: by −0.9 for α = 0.19, which flips side and shrinks; by −1.1 for α = 0.21, which flips side and grows; by 0 for α = 1/λ_max, which lands on the valley's floor in one step.",
				Iter: 3,
			},
			{
				Text: "Press G. α = 0.19 converges, zig-zagging; α = 0.21 diverges, f growing by (1.1)² = 1.21 a step until the run is stopped. α = 1/λ_max converges in 173 iterations, the flat direction shrinking by 1 − α·1 = 0.9 a step: best along the sharp direction, slow along the flat one.",
				Iter: 300,
			},
		},
	},
	{
		Name:  "sr1-vs-bfgs",
		Title: "SR1 against BFGS on Rosenbrock's banana: BFGS converges first, SR1 ends with the truer Hessian",
		Steps: []Step{
			{
				Text: "SR1 (1) and BFGS (2) from H₀ = I on Rosenbrock's banana. The curvature plot draws the eigenvalues of each model beside the true Hessian's (I toggles it back to the relative error). Press G.",
				Link: "v1;s=rosenbrock;x=-1.2,1;m=sr1;m=bfgs;u=l",
			},
			{
				Text: "BFGS converges first, SR1 later. Yet at the minimum SR1's model is more than ten times closer to the true Hessian: relative error about 10⁻⁴ against BFGS's 6·10⁻³. BFGS keeps H positive definite; SR1 only asks the secant condition.",
				Iter: 49,
			},
		},
	},
}

// methodLessons take the methods' families one by one: momentum, adaptive
// steps, line searches, Newton on a nonconvex surface, the quasi-Newton
// updates.
var methodLessons = []Lesson{
	{
		Name:  "momentum",
		Title: "Momentum on an ill-conditioned bowl: heavy ball and Nesterov converge about √κ times faster than gradient descent",
		Steps: []Step{
			{
				Text: "A bowl with κ = λ_max/λ_min = 100. Gradient descent (1) with its best step 2/(λ_min+λ_max) ≈ 0.0198; heavy ball (2) with α = 4/(√λ_max+√λ_min)² ≈ 0.033, β = ((√κ−1)/(√κ+1))² ≈ 0.67; Nesterov (3) with α = 1/λ_max, β = (√κ−1)/(√κ+1) ≈ 0.818.",
				Link: "v1;s=quadratic:l2=100;x=-1.5,1;m=gd:lr=0.0198;m=momentum:lr=0.033,beta=0.67;m=nesterov:lr=0.01,beta=0.818;n=2000",
			},
			{
				Text: "Heavy ball has converged in about 130 iterations, Nesterov in about 200. Gradient descent is still on its way: its error shrinks by only (κ−1)/(κ+1) ≈ 0.98 a step.",
				Iter: 250,
			},
			{
				Text: "Gradient descent converges at iteration 1164, about nine times later than heavy ball. Heavy ball's error shrinks by ≈ (√κ−1)/(√κ+1) = 0.82 a step: momentum turns κ into √κ.",
				Iter: 1200,
			},
		},
	},
	{
		Name:  "momentum-stability",
		Title: "Momentum moves the stability line: heavy ball is stable for α < 2(1+β)/λ_max, Nesterov for α < (2+2β)/((1+2β)λ_max)",
		Steps: []Step{
			{
				Text: "The bowl with λ_max = 10, where gradient descent needs α < 0.2. With β = 0.5, heavy ball's line is 2(1+β)/λ_max = 0.3 and Nesterov's (2+2β)/((1+2β)λ_max) = 0.15. Each runs just under (1, 3) and just over (2, 4) its line. Press G.",
				Link: "v1;s=quadratic;x=-1.5,1;m=momentum:lr=0.29,beta=0.5;m=momentum:lr=0.31,beta=0.5;m=nesterov:lr=0.145,beta=0.5;m=nesterov:lr=0.155,beta=0.5;n=1000",
			},
			{
				Text: "Just under its line each method converges; just over, each diverges. Heavy ball converges with α = 0.29, where gradient descent would blow up: momentum's β buys a larger stable step.",
				Iter: 1000,
			},
		},
	},
	{
		Name:  "adaptive-scale",
		Title: "Adam, AdaGrad and RMSProp on a badly scaled bowl: each coordinate's step is divided by its own gradient scale, so rescaling changes nothing",
		Steps: []Step{
			{
				Text: "A bowl 100 times steeper along y than along x. Press S: Adam (2) moves each coordinate by α = 0.1 whatever its slope, from (−1.5, 1) to (−1.4, 0.9), while gradient descent (1) moves y far more than x.",
				Link: "v1;s=quadratic:l2=100,angle=0;x=-1.5,1;m=gd:lr=0.0198;m=adam:lr=0.1;m=adagrad:lr=0.5;m=rmsprop:lr=0.05;n=300",
				Iter: 1,
			},
			{
				Text: "After 300 steps AdaGrad (3) and RMSProp (4) have converged and Adam is within 10⁻⁶ of the minimum. Gradient descent, held under 2/λ_max = 0.02 by the steep direction, has only brought x from −1.5 to about −0.004.",
				Iter: 300,
			},
			{
				Text: "Now y is 100 times steeper still (λ = 10000). Gradient descent's α is a hundred times over 2/λ_max: it diverges at once. The adaptive methods walk exactly the path they walked before: dividing by each coordinate's gradient scale undoes the scaling.",
				Link: "v1;s=quadratic:l2=10000,angle=0;x=-1.5,1;m=gd:lr=0.0198;m=adam:lr=0.1;m=adagrad:lr=0.5;m=rmsprop:lr=0.05;n=300",
				Iter: 300,
			},
		},
	},
	{
		Name:  "exact-line-search",
		Title: "Steepest descent with an exact line search: every step at right angles to the last, f − f* cut by a fixed factor",
		Steps: []Step{
			{
				Text: "Gradient descent with an exact line search on the bowl of curvatures 1 and 10: each step goes along −g to the lowest point of that line, where the new gradient is orthogonal to it. Step through the first five: each turns at a right angle to the last.",
				Link: "v1;s=quadratic:angle=0;x=1.5,0.15;m=gd:lr=1,ls=exact;n=100",
				Iter: 5,
			},
			{
				Text: "On a bowl an exact step cuts f − f* at least by the factor ((κ−1)/(κ+1))² = (9/11)² ≈ 0.67 (Kantorovich). This start, where g weighs both eigenvectors alike, is the worst case: every step cuts f by exactly that factor, and the zig-zag repeats itself, smaller.",
				Iter: 30,
			},
		},
	},
	{
		Name:  "newton-nonconvex",
		Title: "Newton where the Hessian is not positive definite: plain Newton climbs to a maximum; Levenberg–Marquardt and trust regions go down",
		Steps: []Step{
			{
				Text: "At (0, 0) both curvatures of Himmelblau's function are negative, −42 and −26: Newton's quadratic model is a cap, not a bowl. Press S: the trust-region methods, dogleg (3) and Steihaug CG (4), step to the edge of their radius Δ = 1, straight down the slope along −g.",
				Link: "v1;s=himmelblau;x=0,0;m=newton:ls=none,mod=none;m=newton-lm;m=tr-dogleg;m=tr-cg;n=100",
				Iter: 1,
			},
			{
				Text: "Plain Newton (1) jumps to the top of its cap: by iteration 4 it has converged on the local maximum (−0.27, −0.92), f ≈ 181.6, higher than the 170 it started from. ∇f = 0 there, and Newton cannot tell a maximum from a minimum.",
				Iter: 4,
			},
			{
				Text: "Levenberg–Marquardt (2) adds λI to the Hessian until its model is a bowl. It and the two trust regions converge on the minimum (3, 2), each in a dozen iterations or fewer.",
				Iter: 100,
			},
		},
	},
	{
		Name:  "bfgs-dfp",
		Title: "BFGS against DFP: the same steps as conjugate gradients with exact line searches on a bowl, apart on Rosenbrock's banana",
		Steps: []Step{
			{
				Text: "On a bowl, with exact line searches from H₀ = I, BFGS (1), DFP (2) and SR1 (3) take the very same steps, those of conjugate gradients, and land on the minimum in n = 2 steps, their H equal to the inverse Hessian. Gradient descent with the same line search (4) has not.",
				Link: "v1;s=quadratic;x=-1.5,1;m=bfgs:ls=exact,scale=none;m=dfp:ls=exact,scale=none;m=sr1:ls=exact;m=gd:lr=1,ls=exact;n=100",
				Iter: 2,
			},
			{
				Text: "On Rosenbrock's banana, with Wolfe line searches that are not exact, the two updates part ways: both converge on (1, 1), DFP taking more than 1.5 times as many iterations as BFGS, whose update corrects a bad H faster.",
				Link: "v1;s=rosenbrock;x=-1.2,1;m=bfgs;m=dfp",
				Iter: 60,
			},
		},
	},
	{
		Name:  "broyden",
		Title: "Broyden's non-symmetric secant method solves ∇f = 0: uphill steps, and it stops on a saddle or a maximum",
		Steps: []Step{
			{
				Text: "Broyden's method (1, 2) solves ∇f = 0 with a non-symmetric B and no line search. From B₀ = I its first step is −g: from (−1, 1) to (−23, 47), where f is 5·10⁶, not 130. Nothing in the method asks f to fall.",
				Link: "v1;s=himmelblau;x=-1,1;m=broyden;m=broyden:scale=first;m=bfgs;n=200",
				Iter: 1,
			},
			{
				Text: "It finds points where ∇f = 0, not minima: panel 1 stops on a saddle (curvatures of both signs), panel 2 (B₀ scaled) on the local maximum, f ≈ 181.6. BFGS (3), whose H stays positive definite, reaches the minimum (−2.81, 3.13).",
				Iter: 200,
			},
		},
	},
}
