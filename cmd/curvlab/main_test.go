package main

import (
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestDesktopDrawsAFrame builds the desktop binary and runs it on the
// display (./build.sh test runs the tests under Xvfb): it must draw frames
// of the default scenario, save one and exit cleanly.
func TestDesktopDrawsAFrame(t *testing.T) {
	if os.Getenv("DISPLAY") == "" {
		t.Fatal("no DISPLAY: run the tests under Xvfb (./build.sh test does)")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "curvlab")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
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
	cmd := exec.Command(bin, "--frobnicate")
	out, err := cmd.CombinedOutput()
	ee, ok := err.(*exec.ExitError)
	if !ok || ee.ExitCode() != 2 {
		t.Fatalf("exit: %v, output %q", err, out)
	}
	if n := len(out); n == 0 || out[n-1] != '\n' || containsNewline(out[:n-1]) {
		t.Errorf("want exactly one line, got %q", out)
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
