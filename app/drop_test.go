package app

import (
	"testing"
	"testing/fstest"
)

// TestDroppedCSV: a CSV file dropped on the window becomes the network's
// data (on a surface, the default network's), its points as they are; a
// bad one is a notice naming its line, and nothing changes; a file that is
// not a CSV says what to drop.
func TestDroppedCSV(t *testing.T) {
	g, _ := newTestGame(t, "", 1600, 900)
	before := g.st.Scen.Encode()
	g.takeDropped(fstest.MapFS{"bad.csv": {Data: []byte("0,0,0\n1,0,1\n0,1,2\n1,1,0\n")}})
	if want := `bad.csv: line 3: label must be 0 or 1, not "2".`; g.st.Notice != want || g.st.Scen.Encode() != before {
		t.Errorf("a bad file: notice %q (want %q), scenario %q", g.st.Notice, want, g.st.Scen.Encode())
	}
	g.takeDropped(fstest.MapFS{"notes.txt": {Data: []byte("hello")}})
	if want := "Drop a CSV file of points (x1,x2,label) to train the network on them."; g.st.Notice != want {
		t.Errorf("a text file: notice %q", g.st.Notice)
	}
	csv := "x1,x2,label\n0,0,0\n1,0,1\n0,1,1\n1,1,0\n0.5,0.5,1\n-1,-1,0\n-0.5,0.25,1\n0.25,-0.75,0\n"
	g.takeDropped(fstest.MapFS{"readme.md": {Data: []byte("#")}, "xor.CSV": {Data: []byte(csv)}})
	own := g.st.Scen.Net
	if g.st.Notice != "" || own == nil || own.Own == nil || own.Own.Points.N() != 8 || own.Own.Points.X[9] != 0.5 {
		t.Fatalf("a good file: notice %q, network %v", g.st.Notice, own != nil)
	}
	if p := g.st.Scen.NetProblem(); p.Train.N()+p.Test.N() != 8 || len(g.st.Runs) != len(g.st.Scen.Methods) {
		t.Errorf("%d + %d points, %d runs", p.Train.N(), p.Test.N(), len(g.st.Runs))
	}
	if g.takeDropped(nil); g.st.Notice != "" {
		t.Errorf("no drop: notice %q", g.st.Notice)
	}
}
