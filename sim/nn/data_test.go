package nn

import (
	"hash/fnv"
	"math"
	"strings"
	"testing"
)

// dataBits hashes the bits of both splits.
func dataBits(train, test Dataset) uint64 { return hashBits(train.X, train.Y, test.X, test.Y) }

// hashBits hashes the bits of the numbers.
func hashBits(v ...[]float64) uint64 {
	h := fnv.New64a()
	var b [8]byte
	for _, s := range v {
		for _, v := range s {
			u := math.Float64bits(v)
			for i := range b {
				b[i] = byte(u >> (8 * i))
			}
			h.Write(b[:])
		}
	}
	return h.Sum64()
}

func TestGenerate(t *testing.T) {
	names := DatasetNames()
	if strings.Join(names, ",") != "circle,gaussians,spiral,xor" {
		t.Fatalf("DatasetNames = %v", names)
	}
	for _, name := range names {
		for _, n := range []int{MinPoints, 5, 9, 40, 201, MaxPoints} {
			for _, noise := range []float64{0, 0.1, MaxNoise} {
				train, test, err := Generate(name, n, noise, 42)
				if err != nil {
					t.Fatalf("%s n=%d: %v", name, n, err)
				}
				ntr, nt := SplitSizes(n)
				if test.N() != nt || train.N() != ntr || ntr+nt != n || nt < 1 || nt != max(1, n/4) {
					t.Fatalf("%s n=%d: %d training and %d test points", name, n, train.N(), test.N())
				}
				for split, d := range map[string]Dataset{"train": train, "test": test} {
					if len(d.X) != 2*d.N() {
						t.Fatalf("%s %s: %d coordinates for %d points", name, split, len(d.X), d.N())
					}
					var ones int
					for i := 0; i < d.N(); i++ {
						p0, p1, y := d.Point(i)
						if y != 0 && y != 1 {
							t.Fatalf("%s %s: label %v", name, split, y)
						}
						if ones += int(y); math.Abs(p0) > 8 || math.Abs(p1) > 8 || math.IsNaN(p0+p1) {
							t.Fatalf("%s %s: point (%v, %v)", name, split, p0, p1)
						}
					}
					if d.N() >= 2 && (ones == 0 || ones == d.N()) {
						t.Errorf("%s n=%d %s: %d of %d points in class 1", name, n, split, ones, d.N())
					}
				}
				again, againTest, _ := Generate(name, n, noise, 42)
				if dataBits(train, test) != dataBits(again, againTest) {
					t.Errorf("%s n=%d: same seed, different data", name, n)
				}
				other, otherTest, _ := Generate(name, n, noise, 43)
				if dataBits(train, test) == dataBits(other, otherTest) && !(name == "gaussians" && noise == 0) {
					t.Errorf("%s n=%d noise=%v: seeds 42 and 43 give the same data", name, n, noise)
				}
			}
		}
	}
}

// TestGenerateShapes checks that each data set has the shape its
// documentation describes, without noise.
func TestGenerateShapes(t *testing.T) {
	for _, name := range DatasetNames() {
		train, test, _ := Generate(name, 400, 0, 9)
		for _, d := range []Dataset{train, test} {
			for i := 0; i < d.N(); i++ {
				p0, p1, y := d.Point(i)
				r := math.Hypot(p0, p1)
				var ok bool
				switch name {
				case "circle":
					ok = (y == 1 && r <= 0.5) || (y == 0 && r >= 0.7-1e-12 && r <= 1+1e-12)
				case "xor":
					ok = math.Abs(p0) >= 0.1 && math.Abs(p1) >= 0.1 && (p0*p1 > 0) == (y == 1)
				case "gaussians":
					ok = p0 == p1 && p0 == y-0.5
				case "spiral":
					// Angle 3.5πr + yπ, modulo 2π.
					ang := math.Atan2(p1, p0) - 3.5*math.Pi*r - y*math.Pi
					ok = r <= 1 && math.Abs(math.Remainder(ang, 2*math.Pi)) < 1e-9
				}
				if !ok {
					t.Fatalf("%s: point (%v, %v) with label %v", name, p0, p1, y)
				}
			}
		}
	}
}

// TestGenerateGolden pins the bits of every data set: the same figures must
// come out natively and under js/wasm (and on any architecture).
func TestGenerateGolden(t *testing.T) {
	want := map[string]uint64{
		"circle":    0xee856527f36eb725,
		"gaussians": 0x3d622c8ab9f1ef8c,
		"spiral":    0x2a480581ea2f3bdb,
		"xor":       0x5a7547e2ca216dc9,
	}
	for _, name := range DatasetNames() {
		train, test, err := Generate(name, 100, 0.2, 7)
		if err != nil {
			t.Fatal(err)
		}
		if got, ok := want[name]; !ok || dataBits(train, test) != got {
			t.Errorf("%s: bits hash %#x, want %#x", name, dataBits(train, test), got)
		}
	}
}

func TestGenerateErrors(t *testing.T) {
	for _, c := range []struct {
		name  string
		n     int
		noise float64
		msg   string
	}{
		{"moons", 100, 0.1, `unknown data set "moons": want one of circle, gaussians, spiral, xor`},
		{"circle", 3, 0.1, "3 points: want 4 to 1000"},
		{"circle", 1001, 0.1, "1001 points: want 4 to 1000"},
		{"xor", 100, -0.1, "noise -0.1: want 0 to 1"},
		{"xor", 100, math.NaN(), "noise NaN: want 0 to 1"},
	} {
		_, _, err := Generate(c.name, c.n, c.noise, 1)
		if err == nil || err.Error() != "nn: "+c.msg {
			t.Errorf("Generate(%q, %d, %v): error %v, want %q", c.name, c.n, c.noise, err, c.msg)
		}
	}
}
