package surfaces

// GoldsteinPrice is the Goldstein–Price function (Goldstein & Price, "On
// descent from local minima", Mathematics of Computation 25, 1971):
//
//	f = A·B,
//	A = 1 + a²·P,   a = x + y + 1,  P = 19 − 14x + 3x² − 14y + 6xy + 3y²
//	B = 30 + b²·Q,  b = 2x − 3y,    Q = 18 − 32x + 12x² + 48y − 36xy + 27y²
//
// Its derivatives follow from the product rule,
//
//	∇f  = B∇A + A∇B,  ∇²f = B∇²A + ∇A∇Bᵀ + ∇B∇Aᵀ + A∇²B,
//	∇A  = 2aP·∇a + a²∇P,  ∇²A = 2P·∇a∇aᵀ + 2a(∇a∇Pᵀ + ∇P∇aᵀ) + a²∇²P
//
// (and likewise for B), with ∇a = (1, 1), ∇P = (6x + 6y − 14)·(1, 1),
// ∇²P = [[6, 6], [6, 6]], ∇b = (2, −3), ∇Q = (24x − 36y − 32, 54y − 36x + 48),
// ∇²Q = [[24, −36], [−36, 54]]. The global minimum is f = 3 at (0, −1);
// there are local minima at (−0.6, −0.4) with f = 30, (1.8, 0.2) with f = 84
// and (1.2, 0.8) with f = 840. Window: the usual domain [−2, 2]². Values
// span six orders of magnitude, so it is best drawn on a log scale.
type GoldsteinPrice struct{}

func init() {
	register(&Kind{
		Name: "goldstein-price",
		Desc: "Goldstein–Price function, global minimum (0, −1) with f = 3, three local minima",
		New:  func(v []float64) Surface { return &GoldsteinPrice{} },
	})
}

func (gp *GoldsteinPrice) Dim() int { return 2 }

// gpParts returns A, B and their gradients and Hessians (xx, xy, yy).
func gpParts(x, y float64) (A, Ax, Ay, Axx, Axy, Ayy, B, Bx, By, Bxx, Bxy, Byy float64) {
	a := x + y + 1
	P := 19 - 14*x + 3*x*x - 14*y + 6*x*y + 3*y*y
	Pd := 6*x + 6*y - 14 // ∂P/∂x = ∂P/∂y
	A = 1 + a*a*P
	Ax = 2*a*P + a*a*Pd
	Ay = Ax
	Axx = 2*P + 4*a*Pd + 6*a*a
	Axy, Ayy = Axx, Axx

	b := 2*x - 3*y
	Q := 18 - 32*x + 12*x*x + 48*y - 36*x*y + 27*y*y
	Qx := 24*x - 36*y - 32
	Qy := 54*y - 36*x + 48
	B = 30 + b*b*Q
	Bx = 4*b*Q + b*b*Qx
	By = -6*b*Q + b*b*Qy
	Bxx = 8*Q + 8*b*Qx + 24*b*b
	Bxy = -12*Q + 2*b*(2*Qy-3*Qx) - 36*b*b
	Byy = 18*Q - 12*b*Qy + 54*b*b
	return
}

func (gp *GoldsteinPrice) Func(x []float64) float64 {
	A, _, _, _, _, _, B, _, _, _, _, _ := gpParts(x[0], x[1])
	return A * B
}

func (gp *GoldsteinPrice) Grad(g, x []float64) {
	A, Ax, Ay, _, _, _, B, Bx, By, _, _, _ := gpParts(x[0], x[1])
	g[0] = B*Ax + A*Bx
	g[1] = B*Ay + A*By
}

func (gp *GoldsteinPrice) Hess(h, x []float64) {
	A, Ax, Ay, Axx, Axy, Ayy, B, Bx, By, Bxx, Bxy, Byy := gpParts(x[0], x[1])
	h[0] = B*Axx + 2*Ax*Bx + A*Bxx
	h[1] = B*Axy + Ax*By + Bx*Ay + A*Bxy
	h[2] = h[1]
	h[3] = B*Ayy + 2*Ay*By + A*Byy
}

func (gp *GoldsteinPrice) View() Window      { return Window{-2, 2, -2, 2} }
func (gp *GoldsteinPrice) Start() [2]float64 { return [2]float64{-1.5, 1.5} }

func (gp *GoldsteinPrice) Minima() []Minimum {
	return []Minimum{
		{X: 0, Y: -1, F: 3, Global: true},
		{X: -0.6, Y: -0.4, F: 30},
		{X: 1.8, Y: 0.2, F: 84},
		{X: 1.2, Y: 0.8, F: 840},
	}
}
