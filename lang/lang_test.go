package lang

import "testing"

func TestParse(t *testing.T) {
	for code, want := range map[string]Lang{"en": English, "zh": Chinese, "zh-CN": Chinese, "zh-Hans-SG": Chinese, "ZH-tw": Chinese, "en-GB": English} {
		if got, ok := Parse(code); !ok || got != want {
			t.Errorf("Parse(%q) = %v, %v, want %v", code, got, ok, want)
		}
	}
	for _, code := range []string{"", "fr", "zhx", "e"} {
		if _, ok := Parse(code); ok {
			t.Errorf("Parse(%q) accepted", code)
		}
	}
}
