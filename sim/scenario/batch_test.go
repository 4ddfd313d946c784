package scenario

import (
	"strings"
	"testing"

	"curvlab/sim"
	"curvlab/sim/nn"
)

// TestMethodParamsOfferWhatTheObjectiveTakes: a first-order method's
// editor offers a batch of up to all the points on a mean over points (a
// network's training points, linreg's three) and no batch or seed
// elsewhere; other methods' parameters are their own.
func TestMethodParamsOfferWhatTheObjectiveTakes(t *testing.T) {
	train, _ := nn.SplitSizes(60)
	for _, c := range []struct {
		link  string
		keys  string
		batch float64 // the batch's largest value, 0: no batch row
	}{
		{"v1;net=tanh:4;d=circle:n=60;m=adam", "lr,beta1,beta2,eps,schedule,decay,batch,seed,wd", float64(train)},
		{"v1;s=linreg;x=0,0;m=gd", "lr,ls,c2,schedule,decay,batch,seed", 3}, // no weight decay on a surface
		{"v1;s=rosenbrock;x=0,0;m=gd", "lr,ls,c2,schedule,decay", 0},
		{"v1;s=linreg;x=0,0;m=newton", "lr,ls,c2,mod", 0},
	} {
		s, err := Decode(c.link)
		if err != nil {
			t.Fatal(err)
		}
		ps := s.MethodParams(0)
		var keys []string
		max := 0.0
		for _, p := range ps {
			keys = append(keys, p.Key)
			if p.Key == "batch" {
				max = p.Max
			}
		}
		if strings.Join(keys, ",") != c.keys || max != c.batch {
			t.Errorf("%s: keys %v, batch up to %v; want %s and %v", c.link, keys, max, c.keys, c.batch)
		}
		if full := s.Methods[0].Kind.Params; len(full) < len(ps) || full[0].Max != ps[0].Max {
			t.Errorf("%s: the method's own parameters changed: %v", c.link, full)
		}
	}
}

// TestFitTrainingOnAnotherSurface: panels that took batches on linreg, put
// on Rosenbrock, train on all points again, a sweep of the batch goes back
// to the default, and one sentence says so; a scenario that needs no
// change is left alone.
func TestFitTrainingOnAnotherSurface(t *testing.T) {
	s, err := Decode("v1;s=linreg;x=0,0;m=gd:lr=0.01,batch=2,seed=4;m=newton;m=adam:batch=1;y=batch:1,3,3")
	if err != nil {
		t.Fatal(err)
	}
	if fit, msg := s.FitTraining(); msg != "" || !fit.Equal(s) {
		t.Errorf("on linreg: %q, %s", msg, fit.Encode())
	}
	rosen, _ := Decode("v1;s=rosenbrock;x=0,0;m=gd")
	s.SurfaceKind, s.SurfaceVals = rosen.SurfaceKind, rosen.SurfaceVals
	if err := s.Validate(); err == nil {
		t.Fatal("batches on Rosenbrock validated")
	}
	fit, msg := s.FitTraining()
	if msg == "" || strings.Count(msg, ".") != 1 || !strings.Contains(msg, "rosenbrock") {
		t.Errorf("message %q", msg)
	}
	if err := fit.Validate(); err != nil {
		t.Errorf("fitted: %v", err)
	}
	if got, want := fit.Encode(), "v1;s=rosenbrock;x=0,0;m=gd:lr=0.01,seed=4;m=newton;m=adam"; got != want {
		t.Errorf("fitted %s, want %s", got, want)
	}
	if sim.BatchOf(s.Methods[0]) != 2 {
		t.Error("FitTraining changed the scenario it was given")
	}
}

// TestFitTrainingOffANetwork: a network's panels with weight decay and
// batches, put on linreg (a mean over points but no network), keep their
// batches and lose their weight decay, saying so; the link opens.
func TestFitTrainingOffANetwork(t *testing.T) {
	s, err := Decode("v1;net=tanh:4;d=circle:n=40;m=gd:lr=0.1,batch=2,wd=0.001;m=adam:wd=0.01")
	if err != nil {
		t.Fatal(err)
	}
	lin, _ := Decode("v1;s=linreg;x=0,0;m=gd")
	s.Net, s.SurfaceKind, s.SurfaceVals, s.Start = nil, lin.SurfaceKind, lin.SurfaceVals, lin.Start
	fit, msg := s.FitTraining()
	if !strings.Contains(strings.ToLower(msg), "weight decay") || strings.Count(msg, ".") != 1 {
		t.Errorf("message %q", msg)
	}
	if got, want := fit.Encode(), "v1;s=linreg;x=0,0;m=gd:lr=0.1,batch=2;m=adam"; got != want {
		t.Errorf("fitted %s, want %s", got, want)
	}
	if _, err := Decode(fit.Encode()); err != nil {
		t.Error(err)
	}
}
