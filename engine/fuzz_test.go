package engine

import (
	"testing"
	"time"

	"curvlab/sim/scenario"
)

// FuzzReplies feeds arbitrary replies to a client: each is applied or
// refused with an error, never a panic, and the mirrors keep their rows in
// order.
func FuzzReplies(f *testing.F) {
	sc, err := scenario.Decode("v1;s=himmelblau;x=0.5,-3;m=bfgs;m=tr-dogleg;n=20")
	if err != nil {
		f.Fatal(err)
	}
	var core Core
	c := NewClient(NewInProcess())
	c.Open(sc)
	core.Handle(openMsg(c.gen, sc.Encode(), []int{1, 1}))
	core.Handle(wantMsg(c.gen, 5))
	w := sc.ViewWindow()
	core.Handle(basinsMsg(c.gen, MapGrid{W: 4, H: 3, XMin: w.XMin, XMax: w.XMax, YMin: w.YMin, YMax: w.YMax}))
	core.Handle(sweepMsg(c.gen, 1, true, ""))
	core.Work(time.Now().Add(time.Second))
	for _, m := range core.Take() {
		f.Add(m)
	}
	f.Add(failedMsg(1, "x"))
	f.Fuzz(func(t *testing.T, msg []byte) {
		c := NewClient(NewInProcess())
		c.Open(sc)
		c.SetSweep(scenario.SweepSpec{}, true) // as if sent: points are taken
		c.sentSweep, c.sweepVersion = c.sweep, 1
		if len(msg) >= headerBytes {
			msg[1], msg[2], msg[3], msg[4] = byte(c.gen), 0, 0, 0 // most replies are for this generation
		}
		_ = c.apply(msg)
		for _, r := range c.Runs() {
			for i, s := range r.Trace {
				if s.Iter != i {
					t.Fatalf("row %d holds iteration %d", i, s.Iter)
				}
			}
		}
	})
}

// FuzzRequests feeds arbitrary requests to a core: it answers or refuses,
// never panics.
func FuzzRequests(f *testing.F) {
	f.Add(openMsg(1, "v1;s=rosenbrock;x=-1.2,1;m=gd;n=10", []int{1}))
	f.Add(wantMsg(1, 4))
	f.Add(basinsMsg(0, MapGrid{W: 4, H: 4, XMin: -1, XMax: 1, YMin: -1, YMax: 1}))
	f.Add(basinsMsg(1, MapGrid{W: 4, H: 4, XMin: -1, XMax: 1, YMin: -1, YMax: 1}))
	f.Add(sweepMsg(1, 1, true, "lr:0.001,0.1,3,log"))
	f.Add(sweepMsg(1, 2, false, ""))
	f.Fuzz(func(t *testing.T, msg []byte) {
		var c Core
		c.Handle(msg)
		c.Handle(wantMsg(c.gen, 3))
		c.Work(time.Now().Add(10 * time.Millisecond))
		c.Take()
	})
}
