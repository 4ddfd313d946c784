package nn_test

import (
	"fmt"

	"curvlab/sim/nn"
)

// A 2-8-8-1 tanh network on the circle data set: the training and test
// losses at the Glorot initial point, and the sharpness λ_max of the
// training loss's Hessian, by Lanczos and from the dense spectrum.
func Example() {
	train, test, err := nn.Generate("circle", 200, 0.1, 1)
	if err != nil {
		panic(err)
	}
	arch := nn.Arch{Hidden: []int{8, 8}, Act: nn.Tanh, Loss: nn.CrossEntropy}
	m, _ := nn.NewMLP(arch, &train)
	mt, _ := nn.NewMLP(arch, &test) // the test loss: same parameters, other points
	x := make([]float64, arch.NumParams())
	m.Init(x, 1)
	fmt.Printf("%v: %d parameters, %d training and %d test points\n", arch, m.Dim(), train.N(), test.N())
	fmt.Printf("loss %.4f (test %.4f), accuracy %.2f\n", m.Func(x), mt.Func(x), m.Accuracy(x))

	var sh nn.Sharpness
	top := sh.Top(m, x)
	n := m.Dim()
	h, vals := make([]float64, n*n), make([]float64, n)
	m.Hess(h, x)
	nn.Spectrum(vals, h, make([]float64, nn.SpectrumWork(n)), n)
	fmt.Printf("λ_max %.6f (dense %.6f), λ_min %.6f, trace %.6f\n", top, vals[n-1], vals[0], m.HessTrace(x))
	// Output:
	// 2-8-8-1 tanh ce: 105 parameters, 150 training and 50 test points
	// loss 0.7257 (test 0.7532), accuracy 0.50
	// λ_max 1.064110 (dense 1.064110), λ_min -0.177604, trace 1.231023
}
