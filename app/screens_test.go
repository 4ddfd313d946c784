package app

import (
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"curvlab/app/ui"
	"curvlab/sim/scenario"
)

// TestScreens draws the app in each of its states — every preset run to
// the end, every popup, overlay mode — checks that each draws something
// different from the plain default screen, and, with CURVLAB_SHOTS=dir,
// saves PNGs to look at.
func TestScreens(t *testing.T) {
	type screen struct {
		name, link string
		actions    []ui.Action
		arg        int
	}
	screens := []screen{
		{"default", "", nil, 0},
		{"help", "", []ui.Action{ui.ActStep, ui.ActStep, ui.ActHelp}, 0},
		{"surface-editor", "", []ui.Action{ui.ActSurfaceMenu}, 0},
		{"panel-editor", "", []ui.Action{ui.ActEditPanel}, 0},
		{"panel-editor-nesterov", "v1;s=rosenbrock;x=-1.2,1;m=nesterov:lr=0.0005", []ui.Action{ui.ActEditPanel}, 0},
		{"lessons", "", []ui.Action{ui.ActLessonMenu}, 0},
		{"overlay", "", []ui.Action{ui.ActToEnd, ui.ActOverlay}, 0},
		{"four-panels", "v1;s=himmelblau;x=0.5,-3;m=gd:lr=0.01;m=newton;m=sr1-tr;m=tr-cg;n=100", []ui.Action{ui.ActToEnd}, 0},
	}
	for _, l := range scenario.Lessons() {
		sc, err := l.StepScenario(1)
		if err != nil {
			t.Fatal(err)
		}
		screens = append(screens, screen{"lesson-" + l.Name, sc.Encode(), []ui.Action{ui.ActToEnd}, 0})
	}
	var plain []byte
	for _, sc := range screens {
		g, img := newTestGame(t, sc.link, 1600, 900)
		var pix []byte
		onFrames(2, func() {
			for _, a := range sc.actions {
				g.do(a, sc.arg)
			}
			sc.actions = nil
			g.Update()
		}, func(*ebiten.Image) {
			g.Draw(img)
			pix = make([]byte, 4*1600*900)
			img.ReadPixels(pix)
		})
		if sc.name == "default" {
			plain = pix
		} else if differing(plain, pix) < 1000 {
			t.Errorf("%s: looks the same as the default screen", sc.name)
		}
		if g.st.Notice != "" {
			t.Errorf("%s: notice %q", sc.name, g.st.Notice)
		}
		if dir := os.Getenv("CURVLAB_SHOTS"); dir != "" {
			rgba := &image.RGBA{Pix: pix, Stride: 4 * 1600, Rect: image.Rect(0, 0, 1600, 900)}
			f, err := os.Create(filepath.Join(dir, "app-"+sc.name+".png"))
			if err == nil {
				png.Encode(f, rgba)
				f.Close()
			}
		}
	}
}

func differing(a, b []byte) int {
	n := 0
	for i := 0; i+3 < len(a) && i+3 < len(b); i += 4 {
		if a[i] != b[i] || a[i+1] != b[i+1] || a[i+2] != b[i+2] {
			n++
		}
	}
	return n
}
