package nn

import "testing"

// TestNoAllocs: once built, an MLP and a Sharpness allocate nothing.
func TestNoAllocs(t *testing.T) {
	d := mustData(t, "spiral", 100, 0.1, 1)
	for _, a := range testArchs([]int{8, 8}, []int{3, 2, 4}) {
		m := mustMLP(t, a, d)
		n := m.Dim()
		x, g, h, v := make([]float64, n), make([]float64, n), make([]float64, n*n), make([]float64, n)
		m.Init(x, 1)
		for i := range v {
			v[i] = 1
		}
		var sh Sharpness
		var sink float64
		for name, f := range map[string]func(){
			"Func":      func() { sink += m.Func(x) },
			"Grad":      func() { m.Grad(g, x) },
			"Hess":      func() { m.Hess(h, x) },
			"HessVec":   func() { m.HessVec(g, x, v) },
			"HessDiag":  func() { m.HessDiag(g, x) },
			"HessTrace": func() { sink += m.HessTrace(x) },
			"Output":    func() { sink += m.Output(x, 0.1, 0.2) },
			"Accuracy":  func() { sink += m.Accuracy(x) },
			"Top":       func() { sink += sh.Top(m, x) },
		} {
			if allocs := testing.AllocsPerRun(3, f); allocs != 0 {
				t.Errorf("%v: %s allocates %v times per call", a, name, allocs)
			}
		}
		_ = sink
	}
}
