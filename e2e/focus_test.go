package e2e

import (
	"testing"
	"time"
)

// TestKeyboardFocusInTheBrowser: in the page, Tab moves the app's focus
// along the toolbar (the canvas keeps the keyboard: the browser does not
// take Tab away), Shift is not needed to come back to it, and Enter
// presses the focused button: Tab, Tab, Enter is Step.
func TestKeyboardFocusInTheBrowser(t *testing.T) {
	ctx := page(t, "v1;s=rosenbrock;x=-1.2,1;m=gd;m=newton")
	focusCanvas(t, ctx)
	focused := `(window.curvlab.controls().find(c => c.focus) || {action: ""}).action`
	pressKey(t, ctx, '\t')
	waitFor(t, ctx, focused+` === "play"`, 10*time.Second)
	pressKey(t, ctx, '\t')
	waitFor(t, ctx, focused+` === "step"`, 10*time.Second)
	if active := eval[string](t, ctx, `document.activeElement.tagName`); active != "CANVAS" {
		t.Errorf("after Tab the browser's focus is on %s, not the canvas", active)
	}
	pressKey(t, ctx, '\r')
	waitFor(t, ctx, `window.curvlab.iterates(0).length === 2`, 10*time.Second)
}
