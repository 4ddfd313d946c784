package ui

import (
	"strings"
	"testing"

	"curvlab/render"
)

// TestWrapLinesChinese: Chinese, which has no spaces, wraps between its
// characters, each line within the width, no line starting with a closing
// mark or ending with an opening one, and nothing lost; Latin text still
// wraps at spaces only.
func TestWrapLinesChinese(t *testing.T) {
	const size = 16
	s := "每个面板的方法对每个取值从起点重新运行；旁边的图显示各自的终点（自身 lr：各面板自己的 lr ÷ 30 到 × 30），按 Space 播放。"
	for _, w := range []float64{60, 100, 170, 333} {
		lines := WrapLines(render.Sans, s, size, w)
		if len(lines) < 2 {
			t.Fatalf("width %v: %q not wrapped", w, lines)
		}
		var joined strings.Builder
		for i, l := range lines {
			if render.TextWidth(render.Sans, l, size) > w && len([]rune(strings.TrimSpace(l))) > 2 {
				t.Errorf("width %v: line %q is %v wide", w, l, render.TextWidth(render.Sans, l, size))
			}
			body := strings.TrimLeft(l, " ")
			if r := []rune(body); strings.ContainsRune(closingMarks, r[0]) || i < len(lines)-1 && strings.ContainsRune(openingMarks, r[len(r)-1]) {
				t.Errorf("width %v: line %q starts with a closing or ends with an opening mark", w, l)
			}
			if i > 0 && joined.Len() > 0 {
				// a break at a space drops the space: put it back where the text had one
				if prev := joined.String(); strings.HasPrefix(s[len(prev):], " ") {
					joined.WriteByte(' ')
				}
			}
			joined.WriteString(body)
		}
		if joined.String() != s {
			t.Errorf("width %v: the lines %q join to %q", w, lines, joined.String())
		}
	}
	latin := "sweep a parameter of each panel's method"
	lines := WrapLines(render.Sans, latin, size, render.TextWidth(render.Sans, "sweep a parameter", size)+1)
	if len(lines) != 3 || lines[0] != "sweep a parameter" || lines[1] != "  of each panel's" || lines[2] != "  method" {
		t.Errorf("Latin text wrapped as %q", lines)
	}
}
