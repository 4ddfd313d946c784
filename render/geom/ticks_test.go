package geom

import (
	"math"
	"strings"
	"testing"
)

func TestNiceStep(t *testing.T) {
	for _, c := range []struct {
		span float64
		n    int
		want float64
	}{
		{1, 5, 0.2}, {10, 5, 2}, {7, 7, 1}, {3, 1, 5}, {0.03, 3, 0.01}, {1e6, 4, 2e5}, {9, 1, 10}, {0, 5, 0}, {math.Inf(1), 5, 0},
	} {
		if got := NiceStep(c.span, c.n); !near(got, c.want, 1e-15*math.Max(1, c.want)) {
			t.Errorf("NiceStep(%v,%d) = %v want %v", c.span, c.n, got, c.want)
		}
	}
}

func TestTicks(t *testing.T) {
	check := func(lo, hi float64, n int, want []float64) {
		t.Helper()
		got, _ := Ticks(nil, lo, hi, n)
		if len(got) != len(want) {
			t.Fatalf("Ticks(%v,%v,%d) = %v want %v", lo, hi, n, got, want)
		}
		for i := range want {
			if !near(got[i], want[i], 1e-12*math.Max(1, math.Abs(want[i]))) {
				t.Fatalf("Ticks(%v,%v,%d) = %v want %v", lo, hi, n, got, want)
			}
		}
	}
	check(0, 1, 5, []float64{0, 0.2, 0.4, 0.6, 0.8, 1})
	check(-3.7, 12.2, 5, []float64{0, 5, 10})                       // step 5: -3.7/5 rounds up to 0
	check(-3.7, 12.2, 8, []float64{-2, 0, 2, 4, 6, 8, 10, 12})      // step 2
	check(0.1, 0.35, 5, []float64{0.1, 0.15, 0.2, 0.25, 0.3, 0.35}) // ends included despite rounding
	check(5, 5, 5, []float64{5})
	check(2, -2, 4, []float64{-2, -1, 0, 1, 2})
	got, _ := Ticks(nil, -0.3, 0.3, 6)
	for _, v := range got {
		if v == 0 && math.Signbit(v) {
			t.Fatal("negative zero tick")
		}
	}
	if got, _ := Ticks(nil, math.NaN(), 1, 5); len(got) != 0 {
		t.Fatal("ticks for NaN range")
	}
	if got, _ := Ticks(nil, 0, 1e300, 1); len(got) > maxTicks {
		t.Fatal("too many ticks")
	}
}

func TestLogTicks(t *testing.T) {
	got, _ := LogTicks(nil, 1e-6, 1e2, 10)
	if len(got) != 9 || got[0] != 1e-6 || got[8] != 100 {
		t.Fatalf("decades: %v", got)
	}
	got, _ = LogTicks(nil, 1e-12, 1e12, 6) // 25 decades, every 5th
	for _, v := range got {
		e := math.Log10(v)
		if math.Abs(e-math.Round(e)) > 1e-12 || int(math.Round(e))%5 != 0 {
			t.Fatalf("sparse decades: %v", got)
		}
	}
	if len(got) != 5 {
		t.Fatalf("sparse decades: %v", got)
	}
	got, _ = LogTicks(nil, 2, 30, 5)
	want := []float64{2, 5, 10, 20}
	if len(got) != len(want) {
		t.Fatalf("LogTicks(2,30) = %v", got)
	}
	for i := range want {
		if !near(got[i], want[i], 1e-12) {
			t.Fatalf("LogTicks(2,30) = %v", got)
		}
	}
	got, step := LogTicks(nil, 3.1, 3.9, 4) // no 1-2-5 or 1-9 multiple twice: linear
	if step == 0 || len(got) < 2 {
		t.Fatalf("narrow log range: %v step %v", got, step)
	}
}

func TestAppendLabel(t *testing.T) {
	for _, c := range []struct {
		v, step float64
		want    string
	}{
		{0, 1, "0"},
		{math.Copysign(0, -1), 0.5, "0"},
		{1e-17, 0.1, "0"},
		{0.30000000000000004, 0.1, "0.3"},
		{0.25, 0.05, "0.25"},
		{1, 0.5, "1"},
		{1.5, 0.5, "1.5"},
		{-0.04, 0.1, "0"},
		{120, 20, "120"},
		{-2, 2, "-2"},
		{2500, 500, "2500"},
		{1.5e6, 5e5, "1.5e6"},
		{2e6, 5e5, "2e6"},
		{1e-4, 1e-4, "1e-4"},
		{-3.5e-5, 5e-6, "-3.5e-5"},
		{1e-6, 0, "1e-6"},
		{1e12, 0, "1e12"},
		{0.01, 0, "0.01"},
		{1000, 0, "1000"},
		{math.NaN(), 1, "NaN"},
	} {
		if got := string(AppendLabel(nil, c.v, c.step)); got != c.want {
			t.Errorf("AppendLabel(%v, %v) = %q want %q", c.v, c.step, got, c.want)
		}
	}
}

func TestTickSetCaches(t *testing.T) {
	var ts TickSet
	if !ts.Update(0, 10, 5, false) {
		t.Fatal("first Update reported no change")
	}
	if len(ts.Labels) != 6 || ts.Labels[1] != "2" || ts.Labels[5] != "10" {
		t.Fatalf("labels %q", ts.Labels)
	}
	if ts.Update(0, 10, 5, false) {
		t.Fatal("unchanged Update reported a change")
	}
	if a := testing.AllocsPerRun(10, func() { ts.Update(0, 10, 5, false) }); a != 0 {
		t.Fatalf("steady-state Update allocates %v", a)
	}
	if !ts.Update(1e-3, 1e3, 8, true) || ts.Labels[0] != "0.001" || ts.Labels[len(ts.Labels)-1] != "1000" {
		t.Fatalf("log labels %q", ts.Labels)
	}
}

// TestLogTickLabelsArePowersOfTen: every decade tick is the float64 nearest
// to its power of ten, so it labels as "1e-30", never "9.999999999999999e-31".
func TestLogTickLabelsArePowersOfTen(t *testing.T) {
	ticks, _ := LogTicks(nil, 1e-300, 1e300, 1000)
	if len(ticks) < 100 {
		t.Fatalf("only %d ticks", len(ticks))
	}
	for _, v := range ticks {
		label := string(AppendLabel(nil, v, 0))
		if !strings.HasPrefix(label, "1e") && label != "1" && label != "10" && label != "100" && label != "1000" && label != "10000" {
			t.Errorf("tick %v labelled %q", v, label)
		}
	}
}
