package geom_test

import (
	"fmt"
	"math"

	"curvlab/render/geom"
)

// The curvature picture of a Hessian: eigen-decomposition, kind, and the
// level set ½dᵀBd = c as a polyline.
func ExampleEigen() {
	b := [4]float64{3, 1, 1, 3} // eigenvalues 2 and 4 along the diagonals
	cv := geom.Eigen(b)
	fmt.Printf("%v: λ = %.3g, %.3g; v1 = (%.3f, %.3f)\n", cv.Kind, cv.Lmin, cv.Lmax, cv.V1[0], cv.V1[1])
	pts := cv.AppendLevel(nil, 0, 0, 1, 0, 16) // semi-axes √(2/2) = 1 and √(2/4)
	fmt.Printf("%d points, first (%.3f, %.3f)\n", len(pts)/2, pts[0], pts[1])
	h, kind := geom.Invert2([4]float64{1, 0, 0, -2})
	fmt.Println(kind, h)
	// Output:
	// positive definite: λ = 2, 4; v1 = (-0.707, 0.707)
	// 17 points, first (-0.707, 0.707)
	// indefinite [1 0 0 -0.5]
}

// Axis ticks in 1-2-5 steps with compact labels.
func ExampleTickSet() {
	var ts geom.TickSet
	ts.Update(-0.37, 1.2, 5, false)
	fmt.Println(ts.Labels)
	ts.Update(1e-7, 50, 4, true)
	fmt.Println(ts.Labels)
	// Output:
	// [0 0.5 1]
	// [1e-6 1e-4 0.01 1]
}

// A heatmap scale and matching contour levels for a field with a wide range.
func ExampleAutoScale() {
	vals := make([]float64, 0, 100*100)
	for j := range 100 {
		for i := range 100 {
			x, y := -2+4*(float64(i)+0.5)/100, -1+4*(float64(j)+0.5)/100
			vals = append(vals, (1-x)*(1-x)+100*(y-x*x)*(y-x*x)) // Rosenbrock
		}
	}
	s := geom.AutoScale(vals)
	fmt.Println("log:", s.Log)
	lv := s.Levels(nil, 4)
	fmt.Println("levels increase geometrically:", lv[1]/lv[0] > 2 && lv[3]/lv[2] > 2, !math.IsNaN(lv[0]))
	// Output:
	// log: true
	// levels increase geometrically: true true
}
