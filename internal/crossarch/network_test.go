//go:build !js

package crossarch

import (
	"encoding/json"
	"os/exec"
	"testing"

	"curvlab/internal/cliout"
)

// netScenarios train tiny MLPs with each kind of method, activation and
// loss: tanh (math.Tanh), sigmoid and cross-entropy (math.Exp, whose amd64
// assembly differs from the pure Go wasm uses), ReLU.
var netScenarios = []string{
	"v1;net=tanh:8,8;d=circle;m=gd:lr=0.35;m=bfgs;m=tr-cg;n=80",
	"v1;net=sigmoid:4,4,loss=ce;d=spiral:n=80;m=adam:lr=0.01;m=newton;m=sr1-tr;n=40",
	"v1;net=relu:6;d=xor:n=60,seed=3;m=sr1;m=lbfgs;m=momentum:lr=0.05;n=60",
}

// netOutput is what the comparison needs of `curvsim run --network ...
// --format json`.
type netOutput struct {
	Panels []struct {
		Method string
		Steps  []struct {
			Loss      *float64 `json:"loss"`
			TestLoss  *float64 `json:"test_loss"`
			Sharpness *float64 `json:"sharpness"`
		}
		Final struct {
			X []*float64 `json:"x"`
		}
	}
}

func runNet(t *testing.T, cmd *exec.Cmd) netOutput {
	t.Helper()
	raw, err := cmd.Output()
	if err != nil {
		t.Fatalf("%v: %v", cmd.Args, err)
	}
	var o netOutput
	if err := json.Unmarshal(raw, &o); err != nil {
		t.Fatalf("%v: %v", cmd.Args, err)
	}
	return o
}

// TestNetworksAgree requires the native and wasm builds to agree on the
// training and test loss of every iterate and on the final weights to
// 1e-12 relative, and on the sharpness to 1e-8: it comes from Lanczos
// iterations stopped at a relative residual of 1e-9, which a last-bit
// difference can move by one iteration.
func TestNetworksAgree(t *testing.T) {
	native, wasm := curvsims(t)
	var numbers, identical int
	for _, sc := range netScenarios {
		args := []string{"run", "--scenario", sc, "--format", "json"}
		a := runNet(t, native(args...))
		b := runNet(t, wasm(args...))
		if len(a.Panels) != 3 || len(b.Panels) != 3 {
			t.Fatalf("%s: %d panels native, %d wasm", sc, len(a.Panels), len(b.Panels))
		}
		for p := range a.Panels {
			pa, pb := a.Panels[p], b.Panels[p]
			if len(pa.Steps) != len(pb.Steps) || len(pa.Final.X) != len(pb.Final.X) || len(pa.Final.X) == 0 {
				t.Errorf("%s %s: %d/%d steps, %d/%d weights", sc, pa.Method, len(pa.Steps), len(pb.Steps), len(pa.Final.X), len(pb.Final.X))
				continue
			}
			check := func(what string, i int, x, y *float64, rel float64) {
				numbers++
				if x != nil && y != nil && *x == *y {
					identical++
				}
				if !cliout.Near(x, y, rel) {
					t.Errorf("%s %s %s %d: native %s, wasm %s", sc, pa.Method, what, i, cliout.Format(x), cliout.Format(y))
				}
			}
			for i := range pa.Steps {
				sa, sb := pa.Steps[i], pb.Steps[i]
				check("loss at iteration", i, sa.Loss, sb.Loss, 1e-12)
				check("test loss at iteration", i, sa.TestLoss, sb.TestLoss, 1e-12)
				check("sharpness at iteration", i, sa.Sharpness, sb.Sharpness, 1e-8)
			}
			for i := range pa.Final.X {
				check("final weight", i, pa.Final.X[i], pb.Final.X[i], 1e-12)
			}
		}
	}
	t.Logf("%d numbers compared, %d bit-identical", numbers, identical)
}
