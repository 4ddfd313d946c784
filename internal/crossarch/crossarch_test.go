//go:build !js

// Package crossarch checks that the native and the js/wasm builds of curvsim
// compute the same iterates. Go's math package may differ in the last bit
// between architectures (math.Exp has assembly on amd64, pure Go on wasm),
// so agreement is required to 1e-12 relative, and the test reports how many
// numbers agree bit for bit.
package crossarch

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"

	"curvlab/internal/cliout"
)

// scenarios exercise every method and surfaces with exp, cos and polynomial
// terms. They are kept short so the wasm runs take seconds.
var scenarios = []string{
	"v1;s=rosenbrock;x=-1.2,1;m=gd:lr=0.001;m=momentum;m=nesterov;m=adagrad;n=200",
	"v1;s=rosenbrock;x=-1.2,1;m=rmsprop;m=adam:lr=0.05;m=newton;m=newton-lm;n=200",
	"v1;s=rosenbrock;x=-1.2,1;m=newton-sf;m=sr1;m=sr1-tr;m=broyden;n=200",
	"v1;s=rosenbrock;x=-1.2,1;m=bfgs;m=dfp;m=lbfgs;m=tr-dogleg;n=200",
	"v1;s=rosenbrock;x=-1.2,1;m=tr-cg;m=sr1:ls=none;m=bfgs:ls=armijo;m=gd:ls=wolfe,lr=0.01;n=200",
	"v1;s=beale;x=1,1;m=bfgs;m=newton;m=sr1-tr;n=100",
	"v1;s=camel6;x=1.5,0.5;m=newton-sf;m=lbfgs;m=adam:lr=0.02;n=150",
	"v1;s=rastrigin;x=2.3,-1.7;m=gd:lr=0.002;m=newton;m=tr-cg;n=150",
	"v1;s=goldstein-price;x=-0.5,0.5;m=bfgs;m=newton-lm;n=150",
	"v1;s=linreg;x=-1,3;m=gd:lr=0.1;m=newton;m=sr1:ls=none;n=100",
	"v1;s=net-tanh;x=0.2,-0.1;m=sr1;m=newton-sf;m=gd:lr=0.3;n=100",
	"v1;s=net-logistic:data=overlap;x=-2,2;m=newton;m=bfgs;m=gd:lr=1;n=100",
	"v1;s=net-relu;x=-1,1.5;m=sr1-tr;m=newton;n=60",
}

func build(t *testing.T, dir, goos, goarch, out string) string {
	t.Helper()
	bin := filepath.Join(dir, out)
	cmd := exec.Command("go", "build", "-o", bin, "curvlab/cmd/curvsim")
	cmd.Env = append(os.Environ(), "GOOS="+goos, "GOARCH="+goarch)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build %s/%s: %v\n%s", goos, goarch, err, msg)
	}
	return bin
}

func decode(t *testing.T, cmd *exec.Cmd) cliout.Output {
	t.Helper()
	o, err := cliout.Run(cmd)
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// curvsims builds curvsim natively and as js/wasm and returns commands
// that run each with args.
func curvsims(t *testing.T) (native, wasm func(args ...string) *exec.Cmd) {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatal("node is needed to run the wasm build (./build.sh test installs it)")
	}
	dir := t.TempDir()
	nbin := build(t, dir, runtime.GOOS, runtime.GOARCH, "curvsim")
	wbin := build(t, dir, "js", "wasm", "curvsim.wasm")
	runner := filepath.Join(runtime.GOROOT(), "lib", "wasm", "wasm_exec_node.js")
	native = func(args ...string) *exec.Cmd { return exec.Command(nbin, args...) }
	wasm = func(args ...string) *exec.Cmd { return exec.Command(node, append([]string{runner, wbin}, args...)...) }
	return native, wasm
}

func TestNativeAndWasmAgree(t *testing.T) {
	native, wasm := curvsims(t)
	var numbers, identical int
	for _, sc := range scenarios {
		args := []string{"run", "--scenario", sc, "--format", "json"}
		a := decode(t, native(args...))
		b := decode(t, wasm(args...))
		if len(a.Panels) == 0 || len(a.Panels) != len(b.Panels) {
			t.Fatalf("%s: %d panels native, %d wasm", sc, len(a.Panels), len(b.Panels))
		}
		for p := range a.Panels {
			pa, pb := a.Panels[p], b.Panels[p]
			if len(pa.Steps) != len(pb.Steps) {
				t.Errorf("%s panel %s: %d steps native, %d wasm", sc, pa.Method, len(pa.Steps), len(pb.Steps))
				continue
			}
			for i := range pa.Steps {
				sa, sb := pa.Steps[i], pb.Steps[i]
				// Iterates and values; gradients are not compared, since
				// near a minimum they are all cancellation.
				va := append([]*float64{sa.F}, sa.X...)
				vb := append([]*float64{sb.F}, sb.X...)
				for k := range va {
					numbers++
					switch {
					case !cliout.Near(va[k], vb[k], 1e-12): // null is NaN or Inf
						t.Errorf("%s %s iter %d: native %s, wasm %s", sc, pa.Method, i, cliout.Format(va[k]), cliout.Format(vb[k]))
					case va[k] != nil && *va[k] == *vb[k]:
						identical++
					}
				}
			}
		}
	}
	if numbers == 0 {
		t.Fatal("nothing compared")
	}
	t.Logf("%d numbers compared, %d bit-identical", numbers, identical)
}
