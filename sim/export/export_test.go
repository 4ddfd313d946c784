package export

import (
	"encoding/json"
	"math"
	"testing"
)

func TestNumNull(t *testing.T) {
	b, err := json.Marshal([]num{num(math.NaN()), num(math.Inf(1)), num(math.Inf(-1)), 0.1, 1e-8, -0.0})
	if err != nil {
		t.Fatal(err)
	}
	var back []*float64
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back[0] != nil || back[1] != nil || back[2] != nil || *back[3] != 0.1 || *back[4] != 1e-8 || *back[5] != 0 {
		t.Errorf("%s", b)
	}
}
