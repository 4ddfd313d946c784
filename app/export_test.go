package app

import (
	"bytes"
	"encoding/json"
	"image"
	"image/png"
	"strings"
	"testing"
	"time"

	"curvlab/app/ui"
	"curvlab/sim"
	"curvlab/sim/export"
	"curvlab/sim/scenario"

	"github.com/hajimehoshi/ebiten/v2"
)

// TestSaveRunsAsCurvsimWrites: Save the runs as CSV gives the host, for a
// surface and for a network (on batches, with a schedule), the file
// curvsim writes for the same scenario and steps, byte for byte — the
// truth computed here apart, as curvsim does (every vector kept on a
// surface, a tracker following each network run); Save as JSON gives a
// JSON document with one entry per panel. Both are named after the
// scenario.
func TestSaveRunsAsCurvsimWrites(t *testing.T) {
	for _, c := range []struct {
		link  string
		steps int
		name  string
	}{
		{"v1;s=rosenbrock;x=-1.2,1;m=gd:lr=0.001;m=bfgs;m=tr-dogleg", 30, "curvlab-rosenbrock-gd-bfgs-tr-dogleg"},
		{"v1;net=tanh:4;d=circle:n=60;m=adam:lr=0.01,batch=8;m=gd:lr=0.3,schedule=cosine,decay=20", 25, "curvlab-tanh-4-circle-adam-gd"},
	} {
		h := &fileHost{}
		g := New("#"+c.link, h)
		g.st.Eng.Want(c.steps + 1)
		for i := 0; g.st.Eng.Rows() < c.steps+1; i++ {
			if i == 200 {
				t.Fatalf("%s: %d rows after 10 s", c.link, g.st.Eng.Rows())
			}
			g.st.Sync(time.Now().Add(50 * time.Millisecond))
		}
		sc := g.st.Scen
		runs := sc.NewRunsWith(sim.RunOptions{KeepVectors: sc.Kind() == scenario.KindSurface})
		var trs []*scenario.NetTracker
		for _, r := range runs {
			if p := sc.NetProblem(); p != nil {
				tr := scenario.NewNetTracker(p)
				tr.Follow(r)
				trs = append(trs, tr)
			}
			for range c.steps {
				r.Step()
			}
		}
		var want strings.Builder
		if err := export.CSV(&want, sc, runs, trs); err != nil {
			t.Fatal(err)
		}
		if rows := strings.Count(want.String(), "\n") - 1; rows < c.steps+1 {
			t.Fatalf("%s: curvsim's file has %d rows", c.link, rows)
		}
		g.do(ui.ActSaveCSV, 0)
		if h.saved != want.String() || h.name != c.name+".csv" || g.st.Notice != "saved" {
			t.Errorf("%s: saved %q (%d bytes; curvsim's %d), notice %q", c.link, h.name, len(h.saved), want.Len(), g.st.Notice)
		}
		g.do(ui.ActSaveJSON, 0)
		var doc struct {
			Scenario string            `json:"scenario"`
			Panels   []json.RawMessage `json:"panels"`
		}
		if err := json.Unmarshal([]byte(h.saved), &doc); err != nil || doc.Scenario != sc.Encode() || len(doc.Panels) != len(sc.Methods) || h.name != c.name+".json" {
			t.Errorf("%s: JSON %q: %v, scenario %q, %d panels", c.link, h.name, err, doc.Scenario, len(doc.Panels))
		}
	}
}

// TestSavePicture: Save a picture gives the host, after the next frame,
// a PNG of exactly that frame: the screen's size in device pixels and its
// pixels, named after the scenario; the menu it was chosen in is closed
// by then.
func TestSavePicture(t *testing.T) {
	h := &fileHost{}
	g := New("#v1;s=himmelblau;x=0.5,-3;m=gd:lr=0.01;m=newton", h)
	g.w, g.h, g.scale = 1200, 800, 1
	var img *ebiten.Image
	onFrames(1, func() { img = ebiten.NewImage(1200, 800); g.Update() }, func(*ebiten.Image) { g.Draw(img) })
	g.do(ui.ActExploreMenu, 0)
	g.pickFromMenu(ui.ActSavePNG)
	var shown []byte
	onFrames(1, func() { g.Update() }, func(*ebiten.Image) {
		g.Draw(img)
		shown = make([]byte, 4*1200*800)
		img.ReadPixels(shown)
	})
	if h.name != "curvlab-himmelblau-gd-newton.png" || g.popup.kind != popNone {
		t.Fatalf("saved %q, popup %v", h.name, g.popup.kind)
	}
	pic, err := png.Decode(strings.NewReader(h.saved))
	if err != nil {
		t.Fatal(err)
	}
	rgba, ok := pic.(*image.RGBA)
	if !ok || rgba.Bounds() != image.Rect(0, 0, 1200, 800) {
		t.Fatalf("a %T of %v, want 1200×800 RGBA", pic, pic.Bounds())
	}
	if !bytes.Equal(rgba.Pix, shown) {
		t.Error("the picture is not the frame drawn")
	}
}

// announceHost records what the app has a screen reader say.
type announceHost struct {
	nopHost
	said []string
}

func (h *announceHost) Announce(text string) { h.said = append(h.said, text) }

// TestAnnounce: an Announcer host is told each panel's readout — the
// numbers of the run's latest row — when the runs come to rest with new
// rows (the first frame, a step), not again while nothing changes, and a
// notice when one comes.
func TestAnnounce(t *testing.T) {
	h := &announceHost{}
	g := New("#v1;s=rosenbrock;x=-1.2,1;m=gd:lr=0.001;m=newton", h)
	g.w, g.h, g.scale = 1280, 800, 1
	var img *ebiten.Image
	frame := func() {
		onFrames(1, func() {
			if img == nil {
				img = ebiten.NewImage(1280, 800)
			}
			g.Update()
		}, func(*ebiten.Image) { g.Draw(img) })
	}
	frame()
	frame()
	if len(h.said) != 1 || !strings.HasPrefix(h.said[0], "Panel 1, gd: iter 0/500  f "+ui.Num(g.st.Runs[0].Last().F)) ||
		!strings.Contains(h.said[0], "Panel 2, newton: iter 0/500") {
		t.Fatalf("at the start: %q", h.said)
	}
	g.do(ui.ActStep, 0)
	for i := 0; i < 50 && len(h.said) < 2; i++ {
		frame()
	}
	if len(h.said) != 2 || !strings.Contains(h.said[1], "iter 1/500  f "+ui.Num(g.st.Runs[0].Last().F)) {
		t.Fatalf("after a step: %q", h.said[1:])
	}
	g.openLink("#v1;s=nowhere")
	frame()
	if last := h.said[len(h.said)-1]; last != g.st.Notice || !strings.Contains(last, "nowhere") {
		t.Errorf("after a bad link: %q, notice %q", last, g.st.Notice)
	}
}
