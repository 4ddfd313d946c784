package main

import (
	"bytes"
	"context"
	"image/gif"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestDesktopDrawsAFrame builds the desktop binary and runs it on the
// display (./build.sh test runs the tests under Xvfb): it must draw frames
// of the default scenario, save one and exit cleanly.
func TestDesktopDrawsAFrame(t *testing.T) {
	dir, bin := desktopBinary(t)
	shot := filepath.Join(dir, "shot.png")
	cmd := exec.Command(bin, "--screenshot", shot, "--frames", "5")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("run: %v\n%s", err, out)
	}
	f, err := os.Open(shot)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	b := img.Bounds()
	if b.Dx() < 320 || b.Dy() < 200 {
		t.Fatalf("window too small: %v", b)
	}
	// The default scenario's panels show the heatmap: count pixels of the
	// colormap's dark violet end (R and B well above G), which the
	// background, bars and text never have.
	violet := 0
	for y := b.Min.Y; y < b.Max.Y; y += 4 {
		for x := b.Min.X; x < b.Max.X; x += 4 {
			r, g, bl, _ := img.At(x, y).RGBA()
			if r>>8 > 50 && bl>>8 > 70 && g>>8 < 30 {
				violet++
			}
		}
	}
	if total := (b.Dx() / 4) * (b.Dy() / 4); violet < total/10 {
		t.Errorf("only %d of %d sampled pixels show the heatmap's violet", violet, total)
	}
}

// TestBadFlag: a bad flag is one line on stderr and exit status 2, before
// any window opens.
func TestBadFlag(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "curvlab")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	shot := filepath.Join(dir, "x.png")
	for _, c := range []struct {
		args    []string
		mention string
	}{
		{[]string{"--frobnicate"}, "frobnicate"},
		// The stray word used to end flag parsing silently: the default
		// scenario opened and nothing was written.
		{[]string{"stray", "--scenario", "v1;s=saddle;x=1,1;m=gd", "--screenshot", shot, "--frames", "5"}, `unexpected argument "stray"`},
		{[]string{"--screenshot", shot, "--frames", "5", "stray"}, `"stray"`},
		{[]string{"--screenshot", shot, "--frames", "0"}, "--frames 0 is out of range"},
		{[]string{"--screenshot", shot, "--frames", "+5"}, `--frames "+5"`},
		{[]string{"--screenshot", shot, "--frames", "0x10"}, `--frames "0x10"`},
		{[]string{"--frames", "5"}, "--frames needs --screenshot"},
		{[]string{"--scenario"}, "scenario"},
		{[]string{"--gif", shot, "--size", "0x5"}, `--size: size "0x5": the width must be from 16`},
		{[]string{"--gif", shot, "--size", "abc"}, `--size: size "abc" is not WxH`},
		{[]string{"--gif", shot, "--frames", "-1"}, `--frames -1 is out of range`},
		{[]string{"--gif", shot, "--screenshot", shot}, "--screenshot and --gif cannot be asked for together"},
		{[]string{"--size", "640x360"}, "--size needs --gif"},
	} {
		// A command line read wrongly opens a window that stays: give it
		// 30 s, then kill it and fail.
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		out, err := exec.CommandContext(ctx, bin, c.args...).CombinedOutput()
		cancel()
		ee, ok := err.(*exec.ExitError)
		if !ok || ee.ExitCode() != 2 {
			t.Errorf("%q: exit %v, output %q; want status 2", c.args, err, out)
			continue
		}
		if n := len(out); n == 0 || out[n-1] != '\n' || containsNewline(out[:n-1]) || !strings.Contains(string(out), c.mention) {
			t.Errorf("%q: want exactly one line mentioning %q, got %q", c.args, c.mention, out)
		}
		if _, err := os.Stat(shot); err == nil {
			t.Fatalf("%q wrote %s", c.args, shot)
		}
	}
	out, err := exec.Command(bin, "-h").CombinedOutput()
	if err != nil || !strings.Contains(string(out), "usage: curvlab") {
		t.Errorf("-h: %v, %q", err, out)
	}
}

func containsNewline(b []byte) bool {
	for _, c := range b {
		if c == '\n' {
			return true
		}
	}
	return false
}

// TestSaveFileKeepsWhatIsThere: the desktop saves into the working folder
// under the name asked, and under name-2, name-3 when it is taken, never
// over a file that is there.
func TestSaveFileKeepsWhatIsThere(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.WriteFile("points.csv", []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	var h desktopHost
	for _, want := range []string{"points-2.csv", "points-3.csv"} {
		msg := h.SaveFile("points.csv", []byte("x,y\n1,2\n"))
		got, err := os.ReadFile(want)
		if err != nil || string(got) != "x,y\n1,2\n" || !strings.Contains(msg, want) {
			t.Errorf("saved %q (%v), message %q; want it in %s", got, err, msg, want)
		}
	}
	if got, _ := os.ReadFile("points.csv"); string(got) != "mine" {
		t.Errorf("points.csv now holds %q", got)
	}
}

// TestDesktopSavesGIF: --gif writes the runs' first --frames iterations as
// an animated GIF of --size, one frame an iteration, whose comment is the
// scenario's link, and exits cleanly.
func TestDesktopSavesGIF(t *testing.T) {
	dir, bin := desktopBinary(t)
	const link = "v1;s=rosenbrock;x=-1.2,1;m=gd;m=newton" // as the app encodes it
	path := filepath.Join(dir, "runs.gif")
	cmd := exec.Command(bin, "--scenario", link, "--gif", path, "--frames", "12", "--size", "480x270")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("run: %v\n%s", err, out)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	g, err := gif.DecodeAll(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Image) != 12 || g.Config.Width != 480 || g.Config.Height != 270 {
		t.Errorf("%d frames of %d×%d, want 12 of 480×270", len(g.Image), g.Config.Width, g.Config.Height)
	}
	// the comment extension: 0x21 0xFE, sub-blocks, 0x00 (the link is
	// shorter than a sub-block)
	i := bytes.Index(b, []byte{0x21, 0xFE})
	if i < 0 || int(b[i+2]) != len(link) || string(b[i+3:i+3+len(link)]) != link || b[i+3+len(link)] != 0 {
		t.Errorf("no comment holding %q (at %d)", link, i)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("the folder holds %v: more than the binary and the GIF", entries)
	}

	// A network has no animation: --gif ends with the app's sentence,
	// writing nothing.
	cmd = exec.Command(bin, "--scenario", "v1;net=tanh:8,8;d=circle;m=gd", "--gif", filepath.Join(dir, "net.gif"), "--frames", "3")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "An animation can be saved of a surface's runs") {
		t.Errorf("--gif of a network: %v\n%s", err, out)
	}
	if _, err := os.Stat(filepath.Join(dir, "net.gif")); err == nil {
		t.Error("--gif of a network wrote a file")
	}
}

// desktopBinary builds the desktop app into a new temporary folder, for a
// test that runs it on the display; it returns the folder and the binary.
func desktopBinary(t *testing.T) (dir, bin string) {
	t.Helper()
	if os.Getenv("DISPLAY") == "" {
		t.Fatal("no DISPLAY: run the tests under Xvfb (./build.sh test does)")
	}
	dir = t.TempDir()
	bin = filepath.Join(dir, "curvlab")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return dir, bin
}
