package lang

// zhLessons is the Simplified Chinese of the lessons (sim/scenario): each
// lesson's Title and each step's Text, by their English. The numbers, the
// symbols (λ, α, η, β, 2/λ_max) and the keys (Space, S, G, Z…) are as in
// English: the lessons' tests assert those numbers, and
// TestLessonsInChinese checks that every number is here as often as there.
var zhLessons = map[string]string{
	// first-look
	"Rosenbrock's banana: gradient descent, Newton and SR1 side by side": "Rosenbrock 香蕉函数：梯度下降、牛顿法与 SR1 并排比较",
	"Three methods start from (−1.2, 1) on Rosenbrock's banana: gradient descent (panel 1), Newton (2) and SR1 (3). The solid ellipse is the true curvature where each method stands, the dashed one the curvature its method believes. Press Space to play.": "三种方法在 Rosenbrock 香蕉函数上从 (−1.2, 1) 出发：梯度下降（面板 1）、牛顿法（2）和 SR1（3）。实线椭圆是各方法所在处的真实曲率，虚线椭圆是该方法自认为的曲率。按 Space 播放。",
	"Newton converges on the minimum (1, 1) at iteration 21: it uses the true Hessian at every step. SR1 learns the curvature from gradients alone; play on and it converges at iteration 49.":                                                                "牛顿法在第 21 次迭代收敛到极小点 (1, 1)：它每一步都使用真实的海森矩阵。SR1 仅凭梯度学习曲率；继续播放，它在第 49 次迭代收敛。",
	"After its 500 steps gradient descent is still in the valley, at f = 2.28. Its step α = 0.001 is just under 2/λ_max ≈ 0.0013 at the start, the largest step that does not blow up across the valley, and so tiny along the valley's floor.":               "走完 500 步后，梯度下降仍在山谷中，f = 2.28。它的步长 α = 0.001 略低于起点处的 2/λ_max ≈ 0.0013，这是横跨山谷而不发散的最大步长，因而沿谷底方向小得可怜。",

	// sr1-learns
	"SR1 learns the Hessian: unit steps on a rotated bowl, the estimate meets the truth after two steps":                                                                                                                                            "SR1 学习海森矩阵：在旋转的碗上走单位步长，两步之后估计与真值重合",
	"A rotated bowl with curvatures 2 and 10. SR1 (1) and BFGS (2) start from the same guess of the inverse Hessian, 0.2·I, and take unit steps with no line search; Newton (3) knows the Hessian. Press S once: Newton is on the minimum already.": "一个旋转的碗，曲率为 2 和 10。SR1（1）和 BFGS（2）从同一个逆海森矩阵的猜测 0.2·I 出发，不做线搜索，走单位步长；牛顿法（3）知道海森矩阵。按一次 S：牛顿法已经位于极小点。",
	"After two steps SR1's dashed ellipse lies on the solid one: two independent steps taught it the whole 2×2 Hessian, to rounding error. BFGS's estimate is still more than 50% off.":                                                             "两步之后，SR1 的虚线椭圆与实线椭圆重合：两个线性无关的步让它学到了完整的 2×2 海森矩阵，误差仅为舍入误差。BFGS 的估计仍偏离 50% 以上。",
	"With the Hessian learned, SR1's third step is a Newton step and lands on the minimum (0, 0). BFGS, whose rank-two update does not reproduce the Hessian from unit steps, needs until iteration 7.":                                             "学到海森矩阵之后，SR1 的第三步就是牛顿步，直接落在极小点 (0, 0)。BFGS 的秩二更新无法从单位步长复原海森矩阵，要到第 7 次迭代才到达。",

	// step-size
	"The Hessian sets the step size: on a bowl gradient descent is stable only for α < 2/λ_max":                                                                                                                                                                                        "海森矩阵决定步长：在碗上，梯度下降仅当 α < 2/λ_max 时稳定",
	"A bowl with curvatures λ = 1 and λ_max = 10, so 2/λ_max = 0.2. Gradient descent with α = 0.19 just under it (1), α = 0.21 just over it (2), and α = 0.1 = 1/λ_max (3). Press S three times.":                                                                                      "一个曲率为 λ = 1 和 λ_max = 10 的碗，因此 2/λ_max = 0.2。梯度下降分别取略低于它的 α = 0.19（1）、略高于它的 α = 0.21（2），以及 α = 0.1 = 1/λ_max（3）。按三次 S。",
	"Along the sharp direction each step multiplies the error by 1 − αλ_max: by −0.9 for α = 0.19, which flips side and shrinks; by −1.1 for α = 0.21, which flips side and grows; by 0 for α = 1/λ_max, which lands on the valley's floor in one step.":                               "沿陡峭方向，每一步把误差乘以 1 − αλ_max：α = 0.19 时乘以 −0.9，误差换边并缩小；α = 0.21 时乘以 −1.1，误差换边并增大；α = 1/λ_max 时乘以 0，一步就落到谷底。",
	"Press G. α = 0.19 converges, zig-zagging; α = 0.21 diverges, f growing by (1.1)² = 1.21 a step until the run is stopped. α = 1/λ_max converges in 173 iterations, the flat direction shrinking by 1 − α·1 = 0.9 a step: best along the sharp direction, slow along the flat one.": "按 G。α = 0.19 之字形地收敛；α = 0.21 发散，f 每步增大 (1.1)² = 1.21 倍，直到运行被停止。α = 1/λ_max 用 173 次迭代收敛，平缓方向每步缩小为 1 − α·1 = 0.9 倍：沿陡峭方向最佳，沿平缓方向缓慢。",

	// sr1-vs-bfgs
	"SR1 against BFGS on Rosenbrock's banana: BFGS converges first, SR1 ends with the truer Hessian":                                                                                                                                          "Rosenbrock 香蕉函数上的 SR1 与 BFGS：BFGS 先收敛，SR1 最终得到更准确的海森矩阵",
	"SR1 (1) and BFGS (2) from H₀ = I on Rosenbrock's banana. The curvature plot draws the eigenvalues of each model beside the true Hessian's (I toggles it back to the relative error). Press G.":                                           "SR1（1）和 BFGS（2）在 Rosenbrock 香蕉函数上从 H₀ = I 出发。曲率图画出每个模型的特征值，旁边是真实海森矩阵的特征值（I 切换回相对误差）。按 G。",
	"BFGS converges first, SR1 later. Yet at the minimum SR1's model is more than ten times closer to the true Hessian: relative error about 10⁻⁴ against BFGS's 6·10⁻³. BFGS keeps H positive definite; SR1 only asks the secant condition.": "BFGS 先收敛，SR1 后收敛。然而在极小点处，SR1 的模型比 BFGS 接近真实海森矩阵十倍以上：相对误差约为 10⁻⁴，而 BFGS 为 6·10⁻³。BFGS 保持 H 正定；SR1 只要求满足割线条件。",

	// saddle
	"Saddle: Newton jumps onto the saddle point, saddle-free Newton escapes it":                                                                                                                                            "鞍点：牛顿法跳到鞍点上，无鞍牛顿法从中逃离",
	"f = x² − y² has a saddle at the origin. Plain Newton (1) solves ∇f = 0 and jumps onto the saddle in one step; the gradient is zero there, so it stops as if at a minimum.":                                            "f = x² − y² 在原点有一个鞍点。朴素牛顿法（1）求解 ∇f = 0，一步跳到鞍点上；那里梯度为零，于是它像在极小点一样停下。",
	"Saddle-free Newton (2) divides by |λ|, not λ: along y, where f falls, it steps downhill and y doubles each step, from 0.1 to 102.4 in ten steps. Gradient descent (3) escapes too, slowly: y grows from 0.1 to 0.62.": "无鞍牛顿法（2）除以 |λ| 而不是 λ：沿 f 下降的 y 方向，它向下走，y 每步翻倍，十步内从 0.1 增长到 102.4。梯度下降（3）也能逃离，但很慢：y 从 0.1 增长到 0.62。",

	// valley
	"Ill-conditioned valley: gradient descent zig-zags, Newton walks straight down":                                                                                                            "病态山谷：梯度下降走之字形，牛顿法径直而下",
	"A long, narrow valley. Gradient descent (1) with α = 0.018 steps across the valley and back, nearly every step turning back on the last: look at its first ten steps.":                    "一条狭长的山谷。取 α = 0.018 的梯度下降（1）在山谷两侧来回横跨，几乎每一步都折回上一步的方向：看它的前十步。",
	"Newton (2) walks straight down and converges at iteration 3; BFGS (3), learning the curvature as it goes, at iteration 14. Gradient descent, after all its 300 steps, has not converged.": "牛顿法（2）径直而下，在第 3 次迭代收敛；BFGS（3）边走边学习曲率，在第 14 次迭代收敛。梯度下降走完全部 300 步仍未收敛。",

	// linreg
	"Linear regression: α = 1/λ_min ≈ 10.715 diverges, α = 0.035 < 2/λ_max converges slowly, Newton takes one step":                                                                                                                  "线性回归：α = 1/λ_min ≈ 10.715 发散，α = 0.035 < 2/λ_max 缓慢收敛，牛顿法一步到位",
	"Least squares for a line is a quadratic bowl. Gradient descent with α = 10.715 = 1/λ_min (1) diverges: a step must stay under 2/λ_max, and λ_max is far larger than λ_min here. It is stopped at iteration 5, marked diverged.": "直线的最小二乘是一个二次碗。取 α = 10.715 = 1/λ_min 的梯度下降（1）发散：步长必须低于 2/λ_max，而这里 λ_max 远大于 λ_min。它在第 5 次迭代被停止，标记为发散。",
	"With α = 0.035, under 2/λ_max, gradient descent (2) converges, slowly. Newton (3) lands on the least-squares fit θ* = (1, 1) in one step: on a quadratic its model is exact.":                                                   "取低于 2/λ_max 的 α = 0.035，梯度下降（2）收敛，但很慢。牛顿法（3）一步落到最小二乘解 θ* = (1, 1)：对二次函数，它的模型是精确的。",

	// net-saddle
	"A tanh neuron from a small start: plain Newton converges to the saddle at the origin; GD and saddle-free Newton break the symmetry":                                                                 "从小初值出发的 tanh 神经元：朴素牛顿法收敛到原点的鞍点；梯度下降和无鞍牛顿法打破对称",
	"One tanh neuron, started close to a saddle of its loss at the origin. Plain Newton (2) heads for the saddle: at iteration 3 it sits on (0, 0), where the gradient is zero and the loss stays high.": "一个 tanh 神经元，从其损失在原点处的鞍点附近出发。朴素牛顿法（2）奔向鞍点：第 3 次迭代时它停在 (0, 0)，那里梯度为零，损失仍然很高。",
	"Gradient descent (1), saddle-free Newton (3) and SR1 (4) break the symmetry and reach the teacher's weights (0.8, 1.5): saddle-free Newton in 10 iterations, SR1 in 17, gradient descent slowly.":   "梯度下降（1）、无鞍牛顿法（3）和 SR1（4）打破对称，到达教师网络的权重 (0.8, 1.5)：无鞍牛顿法用 10 次迭代，SR1 用 17 次，梯度下降则很慢。",

	// dead-relu
	"A ReLU neuron: a step of 1 throws gradient descent into the dead region, where the gradient is zero for good":                                                                                             "ReLU 神经元：步长 1 把梯度下降抛进死区，那里的梯度永远为零",
	"A ReLU neuron. Gradient descent with a step of 1 (2) overshoots to (0.37, −2.18) at iteration 2, where the neuron is off for every input: the gradient is exactly zero and the run stops there for good.": "一个 ReLU 神经元。步长为 1 的梯度下降（2）在第 2 次迭代冲过头到 (0.37, −2.18)，那里神经元对每个输入都不激活：梯度恰好为零，运行永远停在那里。",
	"With a step of 0.5 (1) the neuron stays alive and gradient descent reaches the teacher (1, −0.5); Newton (3) gets there in 4 iterations.":                                                                 "步长为 0.5 时（1），神经元保持激活，梯度下降到达教师网络 (1, −0.5)；牛顿法（3）用 4 次迭代到达。",

	// momentum
	"Momentum on an ill-conditioned bowl: heavy ball and Nesterov converge about √κ times faster than gradient descent":                                                                                                                               "病态碗上的动量法：重球法和 Nesterov 法比梯度下降快约 √κ 倍收敛",
	"A bowl with κ = λ_max/λ_min = 100. Gradient descent (1) with its best step 2/(λ_min+λ_max) ≈ 0.0198; heavy ball (2) with α = 4/(√λ_max+√λ_min)² ≈ 0.033, β = ((√κ−1)/(√κ+1))² ≈ 0.67; Nesterov (3) with α = 1/λ_max, β = (√κ−1)/(√κ+1) ≈ 0.818.": "一个 κ = λ_max/λ_min = 100 的碗。梯度下降（1）取其最佳步长 2/(λ_min+λ_max) ≈ 0.0198；重球法（2）取 α = 4/(√λ_max+√λ_min)² ≈ 0.033，β = ((√κ−1)/(√κ+1))² ≈ 0.67；Nesterov 法（3）取 α = 1/λ_max，β = (√κ−1)/(√κ+1) ≈ 0.818。",
	"Heavy ball has converged in about 130 iterations, Nesterov in about 200. Gradient descent is still on its way: its error shrinks by only (κ−1)/(κ+1) ≈ 0.98 a step.":                                                                             "重球法约 130 次迭代就已收敛，Nesterov 法约 200 次。梯度下降仍在途中：它的误差每步只缩小为 (κ−1)/(κ+1) ≈ 0.98 倍。",
	"Gradient descent converges at iteration 1164, about nine times later than heavy ball. Heavy ball's error shrinks by ≈ (√κ−1)/(√κ+1) = 0.82 a step: momentum turns κ into √κ.":                                                                    "梯度下降在第 1164 次迭代收敛，比重球法晚约九倍。重球法的误差每步缩小为 ≈ (√κ−1)/(√κ+1) = 0.82 倍：动量把 κ 变成了 √κ。",

	// momentum-stability
	"Momentum moves the stability line: heavy ball is stable for α < 2(1+β)/λ_max, Nesterov for α < (2+2β)/((1+2β)λ_max)":                                                                                                                   "动量移动了稳定线：重球法在 α < 2(1+β)/λ_max 时稳定，Nesterov 法在 α < (2+2β)/((1+2β)λ_max) 时稳定",
	"The bowl with λ_max = 10, where gradient descent needs α < 0.2. With β = 0.5, heavy ball's line is 2(1+β)/λ_max = 0.3 and Nesterov's (2+2β)/((1+2β)λ_max) = 0.15. Each runs just under (1, 3) and just over (2, 4) its line. Press G.": "λ_max = 10 的碗，梯度下降在这里需要 α < 0.2。取 β = 0.5，重球法的稳定线为 2(1+β)/λ_max = 0.3，Nesterov 法的为 (2+2β)/((1+2β)λ_max) = 0.15。每种方法分别取略低于（1, 3）和略高于（2, 4）其稳定线的步长。按 G。",
	"Just under its line each method converges; just over, each diverges. Heavy ball converges with α = 0.29, where gradient descent would blow up: momentum's β buys a larger stable step.":                                                "略低于稳定线时每种方法都收敛；略高于时都发散。重球法在 α = 0.29 时收敛，而梯度下降在此会发散：动量的 β 换来了更大的稳定步长。",

	// adaptive-scale
	"Adam, AdaGrad and RMSProp on a badly scaled bowl: each coordinate's step is divided by its own gradient scale, so rescaling changes nothing":                                                                                                              "尺度失衡的碗上的 Adam、AdaGrad 和 RMSProp：每个坐标的步长除以它自己的梯度尺度，因此重新缩放不改变任何东西",
	"A bowl 100 times steeper along y than along x. Press S: Adam (2) moves each coordinate by α = 0.1 whatever its slope, from (−1.5, 1) to (−1.4, 0.9), while gradient descent (1) moves y far more than x.":                                                 "一个沿 y 方向比沿 x 方向陡 100 倍的碗。按 S：无论坡度如何，Adam（2）都把每个坐标移动 α = 0.1，从 (−1.5, 1) 到 (−1.4, 0.9)；而梯度下降（1）在 y 上的移动远大于 x。",
	"After 300 steps AdaGrad (3) and RMSProp (4) have converged and Adam is within 10⁻⁶ of the minimum. Gradient descent, held under 2/λ_max = 0.02 by the steep direction, has only brought x from −1.5 to about −0.004.":                                     "300 步之后，AdaGrad（3）和 RMSProp（4）已经收敛，Adam 距极小点不到 10⁻⁶。梯度下降的步长被陡峭方向限制在 2/λ_max = 0.02 以下，只把 x 从 −1.5 推进到约 −0.004。",
	"Now y is 100 times steeper still (λ = 10000). Gradient descent's α is a hundred times over 2/λ_max: it diverges at once. The adaptive methods walk exactly the path they walked before: dividing by each coordinate's gradient scale undoes the scaling.": "现在 y 方向再陡 100 倍（λ = 10000）。梯度下降的 α 是 2/λ_max 的一百倍：它立刻发散。自适应方法走的路径与之前完全相同：除以每个坐标的梯度尺度抵消了缩放。",

	// exact-line-search
	"Steepest descent with an exact line search: every step at right angles to the last, f − f* cut by a fixed factor":                                                                                                                                                    "带精确线搜索的最速下降法：每一步都与上一步垂直，f − f* 按固定因子减小",
	"Gradient descent with an exact line search on the bowl of curvatures 1 and 10: each step goes along −g to the lowest point of that line, where the new gradient is orthogonal to it. Step through the first five: each turns at a right angle to the last.":          "在曲率为 1 和 10 的碗上做带精确线搜索的梯度下降：每一步沿 −g 走到这条直线上的最低点，那里新的梯度与该直线正交。逐步走完前五步：每一步都与上一步成直角。",
	"On a bowl an exact step cuts f − f* at least by the factor ((κ−1)/(κ+1))² = (9/11)² ≈ 0.67 (Kantorovich). This start, where g weighs both eigenvectors alike, is the worst case: every step cuts f by exactly that factor, and the zig-zag repeats itself, smaller.": "在碗上，精确步至少把 f − f* 缩小为 ((κ−1)/(κ+1))² = (9/11)² ≈ 0.67 倍（Kantorovich 不等式）。这个起点处 g 在两个特征向量上的分量相同，是最坏情形：每一步恰好按这个因子缩小 f，之字形不断重复，越来越小。",

	// newton-nonconvex
	"Newton where the Hessian is not positive definite: plain Newton climbs to a maximum; Levenberg–Marquardt and trust regions go down":                                                                                                                                        "海森矩阵非正定时的牛顿法：朴素牛顿法爬向极大点；Levenberg–Marquardt 法和信赖域法向下走",
	"At (0, 0) both curvatures of Himmelblau's function are negative, −42 and −26: Newton's quadratic model is a cap, not a bowl. Press S: the trust-region methods, dogleg (3) and Steihaug CG (4), step to the edge of their radius Δ = 1, straight down the slope along −g.": "在 (0, 0) 处，Himmelblau 函数的两个曲率都为负，分别是 −42 和 −26：牛顿法的二次模型是一顶帽子，而不是碗。按 S：信赖域方法 dogleg（3）和 Steihaug CG（4）沿 −g 径直下坡，走到半径 Δ = 1 的边界。",
	"Plain Newton (1) jumps to the top of its cap: by iteration 4 it has converged on the local maximum (−0.27, −0.92), f ≈ 181.6, higher than the 170 it started from. ∇f = 0 there, and Newton cannot tell a maximum from a minimum.":                                         "朴素牛顿法（1）跳到它那顶帽子的顶端：到第 4 次迭代，它已收敛到局部极大点 (−0.27, −0.92)，f ≈ 181.6，比出发时的 170 还高。那里 ∇f = 0，牛顿法分不清极大点和极小点。",
	"Levenberg–Marquardt (2) adds λI to the Hessian until its model is a bowl. It and the two trust regions converge on the minimum (3, 2), each in a dozen iterations or fewer.":                                                                                               "Levenberg–Marquardt 法（2）给海森矩阵加上 λI，直到它的模型成为碗。它和两种信赖域方法都收敛到极小点 (3, 2)，各自用十几次或更少的迭代。",

	// bfgs-dfp
	"BFGS against DFP: the same steps as conjugate gradients with exact line searches on a bowl, apart on Rosenbrock's banana":                                                                                                                                                     "BFGS 与 DFP：在碗上配合精确线搜索时与共轭梯度法步步相同，在 Rosenbrock 香蕉函数上分道扬镳",
	"On a bowl, with exact line searches from H₀ = I, BFGS (1), DFP (2) and SR1 (3) take the very same steps, those of conjugate gradients, and land on the minimum in n = 2 steps, their H equal to the inverse Hessian. Gradient descent with the same line search (4) has not.": "在碗上，从 H₀ = I 出发并使用精确线搜索，BFGS（1）、DFP（2）和 SR1（3）走出完全相同的步，即共轭梯度法的步，并在 n = 2 步内落到极小点，此时它们的 H 等于逆海森矩阵。使用同样线搜索的梯度下降（4）则没有到达。",
	"On Rosenbrock's banana, with Wolfe line searches that are not exact, the two updates part ways: both converge on (1, 1), DFP taking more than 1.5 times as many iterations as BFGS, whose update corrects a bad H faster.":                                                    "在 Rosenbrock 香蕉函数上，使用非精确的 Wolfe 线搜索，两种更新分道扬镳：两者都收敛到 (1, 1)，但 DFP 的迭代次数是 BFGS 的 1.5 倍以上；BFGS 的更新能更快地纠正一个糟糕的 H。",

	// broyden
	"Broyden's non-symmetric secant method solves ∇f = 0: uphill steps, and it stops on a saddle or a maximum":                                                                                                                           "Broyden 非对称割线法求解 ∇f = 0：走上坡步，并停在鞍点或极大点上",
	"Broyden's method (1, 2) solves ∇f = 0 with a non-symmetric B and no line search. From B₀ = I its first step is −g: from (−1, 1) to (−23, 47), where f is 5·10⁶, not 130. Nothing in the method asks f to fall.":                     "Broyden 法（1, 2）用非对称的 B 求解 ∇f = 0，不做线搜索。从 B₀ = I 出发，它的第一步是 −g：从 (−1, 1) 到 (−23, 47)，那里 f 为 5·10⁶，而不是 130。这个方法中没有任何东西要求 f 下降。",
	"It finds points where ∇f = 0, not minima: panel 1 stops on a saddle (curvatures of both signs), panel 2 (B₀ scaled) on the local maximum, f ≈ 181.6. BFGS (3), whose H stays positive definite, reaches the minimum (−2.81, 3.13).": "它找到的是 ∇f = 0 的点，而不是极小点：面板 1 停在鞍点上（曲率有正有负），面板 2（B₀ 经过缩放）停在局部极大点，f ≈ 181.6。BFGS（3）的 H 保持正定，到达极小点 (−2.81, 3.13)。",

	// basins
	"Basins of attraction on Himmelblau's function: gradient descent's follow the ridges, plain Newton's are intricate and stop on saddles":                                                                                                                                                 "Himmelblau 函数上的吸引域：梯度下降的吸引域沿山脊划分，朴素牛顿法的错综复杂并停在鞍点上",
	"Himmelblau's function has four minima. Each start in the view is coloured by the minimum its method reaches from there in 100 steps (D toggles it). Gradient descent's basins (2) are four regions split along the ridges between the minima: from nearly every start it reaches one.": "Himmelblau 函数有四个极小点。视图中的每个起点按其方法在 100 步内到达的极小点着色（D 切换显示）。梯度下降的吸引域（2）是沿极小点之间的山脊划分的四个区域：几乎从每个起点出发它都能到达其中一个。",
	"Plain Newton's basins (1) interleave along the ridges, and from over a third of the starts it converges on no minimum at all but on a saddle or the maximum, where ∇f = 0 as well: its boundaries are far longer than gradient descent's.":                                             "朴素牛顿法的吸引域（1）沿山脊相互交错，而且从三分之一以上的起点出发，它根本不收敛到任何极小点，而是收敛到同样满足 ∇f = 0 的鞍点或极大点：它的边界比梯度下降的长得多。",

	// sweep-step
	"A sweep of the step size on a bowl: the final f is lowest near 2/(λ_min+λ_max), and every run past 2/λ_max blows up":                                                                                "碗上的步长扫描：最终的 f 在 2/(λ_min+λ_max) 附近最低，超过 2/λ_max 的每次运行都发散",
	"Beside the run, a sweep (W toggles it): 30 step sizes α from 0.01 to 0.3, each a whole run of 100 steps of gradient descent on the bowl of curvatures 1 and 10, its final f drawn against α.":       "运行旁边是一次扫描（W 切换显示）：从 0.01 到 0.3 的 30 个步长 α，每个都是在曲率为 1 和 10 的碗上完整运行 100 步梯度下降，把最终的 f 对 α 作图。",
	"The final f falls as α grows and is lowest near 2/(λ_min+λ_max) ≈ 0.18, where both directions shrink alike, by 9/11 a step. Past 2/λ_max = 0.2 every run ends above where it started: it diverges.": "最终的 f 随 α 增大而下降，在 2/(λ_min+λ_max) ≈ 0.18 附近最低，那里两个方向以相同的比例缩小，每步为 9/11 倍。超过 2/λ_max = 0.2 后，每次运行都停在比起点更高的地方：它发散了。",

	// egg-crate-3d
	"Rastrigin's egg crate in 3D: every method stops in a dip of its own, a local minimum far from the global one":                                                                                                      "3D 中的 Rastrigin 蛋托函数：每种方法都停在自己的凹坑里，一个远离全局极小点的局部极小点",
	"Rastrigin's egg crate drawn in 3D (Z toggles it; drag to turn it): a bowl covered in dips, its global minimum 0 at the origin. Gradient descent (1), Newton (2) and Adam (3) start from (3.3, −2.4). Press G.":     "以 3D 绘制的 Rastrigin 蛋托函数（Z 切换显示；拖动可旋转）：一个布满凹坑的碗，其全局极小值 0 位于原点。梯度下降（1）、牛顿法（2）和 Adam（3）从 (3.3, −2.4) 出发。按 G。",
	"Each converges in a dip, a local minimum where f > 0: gradient descent and Adam in the one next to the start, f ≈ 12.9, Newton in another, f ≈ 9.9. None reaches the origin: each dip is a small bowl of its own.": "每种方法都收敛在一个凹坑里，即 f > 0 的局部极小点：梯度下降和 Adam 在紧挨起点的那个凹坑，f ≈ 12.9；牛顿法在另一个，f ≈ 9.9。没有一个到达原点：每个凹坑本身就是一个小碗。",

	// typed-surface
	"A surface typed by hand, √(1+x²) + √(1+y²): plain Newton's step x₊ = −x³ diverges from |x| > 1; a line search saves it":                                                                                                                   "手动输入的曲面 √(1+x²) + √(1+y²)：朴素牛顿步 x₊ = −x³ 从 |x| > 1 出发会发散；线搜索能挽救它",
	"A surface typed by hand (Y): √(1+x²) + √(1+y²), a bowl that turns into a cone far out. Plain Newton (1), with no line search, from (1.1, 0.5): along x each step gives x₊ = −x³, 1.1 → −1.331 → 2.358 → −13.1. From |x| > 1 it diverges.": "手动输入的曲面（Y）：√(1+x²) + √(1+y²)，一个在远处变成圆锥的碗。不做线搜索的朴素牛顿法（1）从 (1.1, 0.5) 出发：沿 x 方向每一步给出 x₊ = −x³，1.1 → −1.331 → 2.358 → −13.1。从 |x| > 1 出发它会发散。",
	"Along y, from |y| < 1, the same rule y₊ = −y³ converges, and fast. Newton with a backtracking line search (2) takes the same direction but shortens the step until f falls enough: it converges on the minimum (0, 0).":                   "沿 y 方向，从 |y| < 1 出发，同样的规则 y₊ = −y³ 会收敛，而且很快。带回溯线搜索的牛顿法（2）沿同一方向，但缩短步长直到 f 充分下降：它收敛到极小点 (0, 0)。",

	// own-data
	"Your own data: a line through points you place; Newton lands on the least-squares fit in one step, and an outlier pulls it":                                                                                                                       "你自己的数据：一条穿过你所放置的点的直线；牛顿法一步落到最小二乘拟合，而一个离群点会把它拉偏",
	"Five points of your own (a tap adds one, a drag moves it) and the line ŷ = θ₁ + θ₂x fitted to them. The loss is a bowl with Hessian (2/m)XᵀX, here curvatures 2 and 4. Newton (1) lands on the least-squares line, θ = (0.4, 0.95), in one step.": "你自己的五个点（轻点添加一个，拖动移动它），以及拟合它们的直线 ŷ = θ₁ + θ₂x。损失是一个海森矩阵为 (2/m)X'X 的碗，这里曲率为 2 和 4。牛顿法（1）一步落到最小二乘直线 θ = (0.4, 0.95)。",
	"A sixth point far below the others, at (3, −3). Newton again lands on the new least-squares line in one step: the outlier pulls the slope from 0.95 down to about 0.06.":                                                                          "第六个点远在其他点下方，位于 (3, −3)。牛顿法再次一步落到新的最小二乘直线：这个离群点把斜率从 0.95 拉低到约 0.06。",

	// minibatch-schedule
	"Minibatches and a schedule: one point a step jitters around the fit with a constant step; a cosine schedule brings it home":                                                                                                                                                  "小批量与学习率调度：每步一个点、步长恒定时在拟合解附近抖动；余弦调度把它带回终点",
	"Stochastic gradient descent on the five points' line fit, one point a step (batch = 1): each step follows a single point's gradient, so f no longer falls every step. α = 0.1 constant (1), the same α decayed by a cosine to 0 at step 300 (2), all points every step (3).": "在五个点的直线拟合上做随机梯度下降，每步一个点（batch = 1）：每一步沿单个点的梯度走，因此 f 不再每步都下降。恒定的 α = 0.1（1），同一 α 按余弦在第 300 步衰减到 0（2），每步使用全部点（3）。",
	"After 300 steps, 60 passes over the data, full-batch descent sits on the least-squares fit. With a constant α the one-point steps still jitter around it; the cosine schedule, its steps shrinking to nothing, ends more than ten times closer.":                             "300 步之后，即遍历数据 60 遍，全批量下降停在最小二乘解上。步长 α 恒定时，单点步仍在它附近抖动；余弦调度的步长缩小到零，最终比前者近十倍以上。",

	// step-model
	"The step's model and the trust region: ρ = actual / predicted decrease decides whether a step is taken and how the radius changes":                                                                                                                 "步的模型与信赖域：ρ = 实际下降 / 预测下降，决定是否接受一步以及半径如何变化",
	"J draws each method's quadratic model m(p) = f + gᵀp + ½pᵀ∇²f p through its last step, beside the true level set. Trust-region dogleg (1), first step: the model promised a drop of 19.4 and f fell by 19.5, so ρ ≈ 1 and the radius stays Δ = 1.": "J 画出每种方法在其最近一步处的二次模型 m(p) = f + g'p + ½p'∇²f p，旁边是真实的等值线。信赖域 dogleg 法（1）的第一步：模型预测下降 19.4，f 实际下降 19.5，因此 ρ ≈ 1，半径保持 Δ = 1。",
	"Press S. The model's best point within Δ = 1 promises a drop of 1.5, but there f rises: ρ < 0. The step is rejected, the iterate stays where it was, and Δ shrinks to a quarter, 0.25 (Nocedal & Wright, Alg. 4.1).":                               "按 S。模型在 Δ = 1 内的最佳点预测下降 1.5，但 f 在那里反而上升：ρ < 0。这一步被拒绝，迭代点留在原处，Δ 缩小为四分之一，即 0.25（Nocedal & Wright，Alg. 4.1）。",
	"In the smaller region the model is trusted again: twice ρ > ¾ with the step on the region's edge, so Δ doubles, 0.25 → 0.5 → 1.":                                                                                                                   "在更小的区域里，模型重新可信：两次 ρ > ¾ 且步落在区域边界上，因此 Δ 加倍，0.25 → 0.5 → 1。",

	// ghosts
	"Ghosts: runs pinned in a panel to compare settings; on Rosenbrock's banana a step over 2/λ_max does not diverge":                                                                                                               "残影：固定在面板中的运行，用来比较设置；在 Rosenbrock 香蕉函数上，超过 2/λ_max 的步长并不发散",
	"A ghost is a run pinned in a panel, drawn faint beside the panel's own. Here gradient descent with α = 0.001 and two ghosts, α = 0.0005 and α = 0.002. Change a panel's method (1) and pin its run to make your own. Press G.": "残影是固定在面板中的一次运行，以淡色画在面板自己的运行旁边。这里是 α = 0.001 的梯度下降和两个残影：α = 0.0005 与 α = 0.002。修改面板的方法（1）并固定它的运行，就能做出你自己的残影。按 G。",
	"α = 0.002 is over 2/λ_max ≈ 0.0013 at the start, yet it does not diverge: its first step goes uphill, to where λ_max is under 2/α, and after 500 steps it is ahead of α = 0.001, at a lower f. α = 0.0005 lags behind.":        "α = 0.002 超过了起点处的 2/λ_max ≈ 0.0013，但它并不发散：它的第一步走上坡，到达 λ_max 低于 2/α 的地方；500 步之后它领先于 α = 0.001，f 更低。α = 0.0005 落在后面。",

	// lbfgs-memory
	"L-BFGS's memory m on a 105-weight network: the more pairs kept, the lower the loss after 300 iterations":                                                                                           "105 个权重的网络上 L-BFGS 的记忆长度 m：保留的向量对越多，300 次迭代后的损失越低",
	"L-BFGS keeps only its last m steps and gradient changes, not a 105×105 matrix, training a small tanh network: m = 1 (2), the default m = 5 (3), m = 20 (4), beside gradient descent (1). Press G.": "L-BFGS 只保留最近 m 步的位移和梯度变化，而不是一个 105×105 的矩阵，用它训练一个小型 tanh 网络：m = 1（2）、默认的 m = 5（3）、m = 20（4），旁边是梯度下降（1）。按 G。",
	"After 300 iterations the more pairs kept, the lower the loss: m = 20 ends more than a hundred times below m = 1, and every L-BFGS below gradient descent.":                                         "300 次迭代之后，保留的向量对越多，损失越低：m = 20 最终比 m = 1 低一百倍以上，而每个 L-BFGS 都低于梯度下降。",

	// weight-decay
	"Weight decay on a network: the step's gradient is g + wd·x, and the larger wd, the smaller the weights and the higher the training loss":                                                                                    "网络上的权重衰减：每步的梯度为 g + wd·x，wd 越大，权重越小，训练损失越高",
	"Weight decay adds wd·x to each step's gradient, so gradient descent minimizes the loss plus (wd/2)‖x‖². A small tanh network with no decay (1), wd = 0.01 (2) and wd = 0.05 (3). Press S: each first step is −α(g + wd·x).": "权重衰减在每步的梯度上加上 wd·x，因此梯度下降最小化的是损失加上 (wd/2)‖x‖²。一个小型 tanh 网络，不带衰减（1）、wd = 0.01（2）和 wd = 0.05（3）。按 S：每个第一步都是 −α(g + wd·x)。",
	"After 300 steps the larger the decay, the smaller the weights and the higher the training loss: the penalty trades fit for small weights.":                                                                                  "300 步之后，衰减越大，权重越小，训练损失越高：惩罚项以拟合程度换取较小的权重。",

	// edge-of-stability
	"Edge of stability: full-batch GD drives the sharpness λ_max up to 2/η and hovers there while the loss keeps falling":                                                                                                                                                                          "稳定性边缘：全批量梯度下降把锐度 λ_max 推高到 2/η 并在那里徘徊，而损失持续下降",
	"A small tanh network trained by full-batch gradient descent with η = 0.35 and η = 0.3. The sharpness plot draws λ_max, the loss's largest curvature, beside each run's line 2/η: the classical rule says a step is stable only while λ_max < 2/η. Both start under their lines. Press Space.": "一个小型 tanh 网络，用 η = 0.35 和 η = 0.3 的全批量梯度下降训练。锐度图画出损失的最大曲率 λ_max，旁边是每次运行的 2/η 线：经典规则认为，只有当 λ_max < 2/η 时一步才是稳定的。两者都从各自的线下方开始。按 Space。",
	"The sharpness climbs to 2/η and stays there, within a few percent, for hundreds of steps, while the loss keeps falling, not always monotonically: training runs at the edge of stability (Cohen et al., 2021).":                                                                               "锐度攀升到 2/η，并在几个百分点之内停留数百步，而损失持续下降，虽然并不总是单调：训练运行在稳定性边缘（Cohen et al., 2021）。",

	// eos-momentum
	"Edge of stability with momentum: each method's sharpness climbs to its own line, 2(1+β)/η heavy ball, (2+2β)/((1+2β)η) Nesterov":                                                    "带动量的稳定性边缘：每种方法的锐度攀升到自己的线，重球法为 2(1+β)/η，Nesterov 法为 (2+2β)/((1+2β)η)",
	"Heavy ball (1) and Nesterov (2), both with β = 0.5. Their lines differ from 2/η: heavy ball's is 2(1+β)/η, Nesterov's (2+2β)/((1+2β)η). With these step sizes both lines are at 6.": "重球法（1）和 Nesterov 法（2），都取 β = 0.5。它们的线不同于 2/η：重球法的是 2(1+β)/η，Nesterov 法的是 (2+2β)/((1+2β)η)。在这些步长下，两条线都位于 6。",
	"Each sharpness climbs to its own line and hovers there for hundreds of steps: momentum moves the edge of stability, and the formula says where to.":                                 "每条锐度曲线都攀升到自己的线，并在那里徘徊数百步：动量移动了稳定性边缘，而公式给出了它移到哪里。",

	// adam-edge
	"Adam at its own edge: the preconditioned sharpness λmax(P⁻¹H) rises to (2+2β₁)/((1−β₁)η) = 38/η and hovers there (Cohen et al. 2022)":                                                                                                        "Adam 在自己的边缘：预条件锐度 λmax(P⁻¹H) 升到 (2+2β₁)/((1−β₁)η) = 38/η 并在那里徘徊（Cohen et al. 2022）",
	"Adam (1) beside gradient descent (2). Adam divides each step by its running gradient scale P, so what it must keep stable is λ_max(P⁻¹H), not λ_max(H): its sharpness plot has a log axis, and its line is (2+2β₁)/((1−β₁)η) = 38/η ≈ 1267.": "Adam（1）与梯度下降（2）并列。Adam 把每一步除以其滑动的梯度尺度 P，因此它必须保持稳定的是 λ_max(P⁻¹H)，而不是 λ_max(H)：它的锐度图采用对数坐标轴，其线为 (2+2β₁)/((1−β₁)η) = 38/η ≈ 1267。",
	"λ_max(P⁻¹H) rises to its line 38/η and hovers there, while λ_max(H) itself stays about a hundred times lower: Adam sits at an edge of stability of its own (Cohen et al., 2022).":                                                            "λ_max(P⁻¹H) 升到它的线 38/η 并在那里徘徊，而 λ_max(H) 本身低了约一百倍：Adam 处在它自己的稳定性边缘（Cohen et al., 2022）。",

	// catapult
	"Catapult: with 2/λ₀ < η < 2·2/λ₀ the loss first jumps, the sharpness falls under 2/η and training settles flatter; at twice that it diverges":                                                              "弹射：当 2/λ₀ < η < 2·2/λ₀ 时，损失先跳升，锐度降到 2/η 以下，训练最终落在更平坦处；步长再加倍则发散",
	"Three step sizes against 2/λ₀, the line of the sharpness at the start: η = 0.3 below it (1), η = 0.6 between it and twice it (2), η = 0.9 at twice it or more (3). Step through the first ten iterations.": "三个步长与起点处锐度的线 2/λ₀ 相比：η = 0.3 低于它（1），η = 0.6 介于它与它的两倍之间（2），η = 0.9 达到或超过它的两倍（3）。逐步走完前十次迭代。",
	"η = 0.6 is the catapult: its loss first rises above where it started while the sharpness falls under 2/η, then it trains and ends flatter than η = 0.3, which descended steadily. η = 0.9 diverges.":       "η = 0.6 就是弹射：它的损失先升到比起点更高，同时锐度降到 2/η 以下，随后开始训练，最终比平稳下降的 η = 0.3 更平坦。η = 0.9 发散。",

	// batch-size
	"Small against large batches: smaller batches end flatter, yet the flatter runs do not test better here: sharpness alone does not predict it (Dinh et al. 2017)":                                                                    "小批量与大批量：批量越小，终点越平坦，但这里更平坦的运行测试表现并不更好：单凭锐度无法预测它（Dinh et al. 2017）",
	"Stochastic gradient descent with batches of 5 (1) and 50 (2) of the 150 training points, and the full batch (3), all with η = 0.3. The thin line under each loss is the loss of the batch each step saw: noisy for small batches.": "在 150 个训练点上做随机梯度下降，批量分别为 5（1）和 50（2），以及全批量（3），都取 η = 0.3。每条损失曲线下的细线是每一步所见批量的损失：小批量时噪声很大。",
	"After 3000 steps the smaller the batch, the flatter the minimum (lower λ_max). Yet batches of 50, flatter than the full batch, test worse: flatness alone does not predict the test loss (Dinh et al., 2017).":                     "3000 步之后，批量越小，极小点越平坦（λ_max 越低）。然而批量为 50 时比全批量更平坦，测试表现却更差：单凭平坦度无法预测测试损失（Dinh et al., 2017）。",

	// sam
	"SAM against gradient descent: sharpness-aware minimization ends in a flatter minimum and, on this data, tests better":                                               "SAM 与梯度下降：锐度感知最小化最终落在更平坦的极小点，并且在这组数据上测试表现更好",
	"Gradient descent (1) against sharpness-aware minimization (2), which takes each gradient at the worst point within ρ = 0.05 of where it stands, both with η = 0.3.": "梯度下降（1）对比锐度感知最小化（2），后者在距当前位置 ρ = 0.05 以内的最坏点处计算每个梯度，两者都取 η = 0.3。",
	"After 3000 steps SAM's minimum has less than half of gradient descent's sharpness, and on this data its test loss is lower.":                                        "3000 步之后，SAM 的极小点的锐度不到梯度下降的一半，并且在这组数据上它的测试损失更低。",

	// sweep-lr
	"A sweep of η: every run that settles ends with its sharpness at or under 2/η, pinned to it for large η; past η ≈ 1 training diverges":                                                    "η 的扫描：每次稳定下来的运行，最终锐度都等于或低于 2/η，η 较大时紧贴着它；超过 η ≈ 1 后训练发散",
	"One gradient-descent run, and beside it a sweep of 40 step sizes from 0.01 to 3: each point is a whole run of 1000 steps, its final sharpness drawn against its η, with the line 2/η.":   "一次梯度下降运行，旁边是从 0.01 到 3 的 40 个步长的扫描：每个点都是一次 1000 步的完整运行，把它的最终锐度对其 η 作图，并画出 2/η 线。",
	"No run that settles ends above its line. For small η the sharpness ends where the landscape puts it, under 2/η; for larger η it is pinned just under 2/η; past η ≈ 1 training diverges.": "稳定下来的运行没有一次最终高于它的线。η 较小时，锐度停在地形所决定的位置，低于 2/η；η 较大时，它紧贴在 2/η 之下；超过 η ≈ 1 后训练发散。",
}
