package scenario

import "testing"

func TestPresetsDecode(t *testing.T) {
	seen := map[string]bool{}
	for _, p := range Presets() {
		if seen[p.Name] || p.Desc == "" {
			t.Errorf("preset %q: duplicate or undescribed", p.Name)
		}
		seen[p.Name] = true
		_, sc, err := LookupPreset(p.Name)
		if err != nil {
			t.Fatal(err)
		}
		if sc.Encode() != p.Link {
			t.Errorf("preset %s: link %q is not canonical (%q)", p.Name, p.Link, sc.Encode())
		}
	}
	if Presets()[0].Link != Default().Encode() {
		t.Error("the first preset is not the default scenario")
	}
	if _, _, err := LookupPreset("nope"); err == nil {
		t.Error("unknown preset accepted")
	}
}
