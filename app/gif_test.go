package app

import (
	"bytes"
	"curvlab/internal/giftest"
	"image"
	"image/draw"
	"image/gif"
	"testing"
	"time"

	"curvlab/app/ui"

	"github.com/hajimehoshi/ebiten/v2"
)

// rowsComputed has g's engine compute the runs' first rows rows.
func rowsComputed(t *testing.T, g *Game, rows int) {
	t.Helper()
	g.st.Eng.Want(rows)
	for i := 0; g.st.Eng.Rows() < rows && !g.st.Done(); i++ {
		if i == 200 {
			t.Fatalf("%d rows after 10 s", g.st.Eng.Rows())
		}
		g.st.Sync(time.Now().Add(50 * time.Millisecond))
	}
}

// farPixels counts the pixels of a and b whose colours differ by more than
// a palette's rounding in some channel.
func farPixels(a, b *image.RGBA) int {
	n := 0
	for i := 0; i < len(a.Pix); i += 4 {
		for c := range 3 {
			if d := int(a.Pix[i+c]) - int(b.Pix[i+c]); d > 48 || d < -48 {
				n++
				break
			}
		}
	}
	return n
}

// TestSaveAnimation: Save an animation, chosen in the Explore menu, saves
// after a few frames a GIF named after the scenario with one frame per
// iteration computed, at the size chosen, the scenario's link as its only
// comment, its progress never going back; frame k is the
// picture of a game whose runs were computed to row k only, within the
// palette's rounding, and further from those of rows k − 1 and k + 1.
func TestSaveAnimation(t *testing.T) {
	const link = "v1;s=himmelblau;x=0.5,-3;m=gd:lr=0.01;m=newton"
	const rows, w, h = 16, 640, 360
	fh := &fileHost{}
	g := New("#"+link, fh)
	g.w, g.h, g.scale = 1200, 800, 1
	g.gif.size = 1 // 640×360
	rowsComputed(t, g, rows)
	img := ebiten.NewImage(1200, 800)
	frame := func(g *Game, img *ebiten.Image) {
		onFrames(1, func() { g.Update() }, func(*ebiten.Image) { g.Draw(img) })
	}
	frame(g, img)
	g.do(ui.ActExploreMenu, 0)
	g.pickFromMenu(ui.ActSaveGIF)
	if g.rec == nil {
		t.Fatalf("no recording; notice %q", g.st.Notice)
	}
	total, last, updates := len(g.rec.rows), 0, 0
	for ; g.rec != nil; updates++ {
		if updates == 300 {
			t.Fatalf("%d of %d frames after 300 updates", g.rec.done, total)
		}
		if g.rec.done < last {
			t.Fatalf("the progress went back from %d to %d", last, g.rec.done)
		}
		last = g.rec.done
		frame(g, img)
	}
	if total != rows || updates < 2 {
		t.Errorf("%d frames for %d rows, in %d updates", total, rows, updates)
	}
	if fh.name != "curvlab-himmelblau-gd-newton.gif" {
		t.Fatalf("saved %q, notice %q", fh.name, g.st.Notice)
	}
	b := []byte(fh.saved)
	an, err := gif.DecodeAll(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if len(an.Image) != rows || an.Config.Width != w || an.Config.Height != h {
		t.Fatalf("%d frames of %d×%d, want %d of %d×%d", len(an.Image), an.Config.Width, an.Config.Height, rows, w, h)
	}
	if c := giftest.Comments(t, b); len(c) != 1 || c[0] != g.st.Scen.Encode() {
		t.Errorf("comments %q, want the link %q", c, g.st.Scen.Encode())
	}
	if len(g.st.Runs[0].Trace) < rows || g.st.Runs[0] != g.st.Eng.Runs()[0] || g.popup.kind != popNone {
		t.Errorf("after the recording the runs show %d rows, popup %v", len(g.st.Runs[0].Trace), g.popup.kind)
	}
	// each frame as shown: drawn over the frames before
	shown := make([]*image.RGBA, rows)
	canvas := image.NewRGBA(image.Rect(0, 0, w, h))
	for k, fr := range an.Image {
		draw.Draw(canvas, fr.Bounds(), fr, fr.Bounds().Min, draw.Src)
		shown[k] = image.NewRGBA(canvas.Rect)
		copy(shown[k].Pix, canvas.Pix)
	}
	ref := ebiten.NewImage(w, h)
	for _, k := range []int{1, rows / 2, rows - 2} {
		r := New("#"+link, nil)
		r.w, r.h, r.scale = w, h, 1
		rowsComputed(t, r, k+1)
		pic := image.NewRGBA(image.Rect(0, 0, w, h))
		for range 3 { // the surface sharpens over a few frames
			frame(r, ref)
		}
		ref.ReadPixels(pic.Pix)
		same, before, after := farPixels(shown[k], pic), farPixels(shown[k-1], pic), farPixels(shown[k+1], pic)
		t.Logf("row %d: %d pixels far from the app's picture; %d in frame %d, %d in frame %d", k, same, before, k-1, after, k+1)
		if same > 200 || 3*same > min(before, after) {
			t.Errorf("frame %d is not the picture of row %d: %d pixels far from it (frames %d and %d: %d, %d)", k, k, same, k-1, k+1, before, after)
		}
	}
}

// TestCancelAnimation: a recording cancelled half way saves nothing, says
// so, and leaves the runs shown as they are and playing as they were.
func TestCancelAnimation(t *testing.T) {
	fh := &fileHost{}
	g := New("#v1;s=rosenbrock;x=-1.2,1;m=gd;m=newton;m=sr1", fh)
	g.w, g.h, g.scale = 800, 500, 1
	rowsComputed(t, g, 60)
	img := ebiten.NewImage(800, 500)
	frame := func() { onFrames(1, func() { g.Update() }, func(*ebiten.Image) { g.Draw(img) }) }
	frame()
	g.st.Playing = true
	g.do(ui.ActSaveGIF, 0)
	frame()
	frame()
	if g.rec == nil || g.rec.done == 0 || g.rec.done == len(g.rec.rows) {
		t.Fatalf("the recording is not half way: %+v", g.rec)
	}
	var rows []int
	for _, r := range g.st.Eng.Runs() {
		rows = append(rows, len(r.Trace))
	}
	g.cancelGIF()
	frame()
	if fh.name != "" || g.rec != nil || !g.st.Playing || g.st.Notice == "" {
		t.Errorf("after cancelling: saved %q, recording %v, playing %v, notice %q", fh.name, g.rec != nil, g.st.Playing, g.st.Notice)
	}
	for k, r := range g.st.Runs {
		if r != g.st.Eng.Runs()[k] || len(r.Trace) < rows[k] {
			t.Errorf("panel %d shows a view of %d rows, not its run", k, len(r.Trace))
		}
	}
	if g.layKey.w != 800 || g.layKey.h != 500 {
		t.Errorf("laid out for %v×%v, not the screen", g.layKey.w, g.layKey.h)
	}
}
