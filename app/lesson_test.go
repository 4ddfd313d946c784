package app

import (
	"strings"
	"testing"

	"curvlab/app/ui"
	"curvlab/render"
	"curvlab/sim/scenario"

	"github.com/hajimehoshi/ebiten/v2"
)

// lessonIndex is the menu index of lesson name.
func lessonIndex(t *testing.T, name string) int {
	t.Helper()
	for i, l := range scenario.Lessons() {
		if l.Name == name {
			return i
		}
	}
	t.Fatalf("no lesson %s", name)
	return -1
}

// computed runs frames until the engine has computed what it was asked.
func computed(g *Game, img *ebiten.Image) {
	for i := 0; i < 50 && g.st.Eng.Rows() < g.st.Eng.Wanted(); i++ {
		onFrames(1, func() { g.Update() }, func(*ebiten.Image) { g.Draw(img) })
	}
}

// TestLessonSteps: picking a lesson opens its first step; Next opens the
// next, computing the runs to the step's iteration, paused; Back opens the
// step before with its scenario; Done on the last step and Leave stop
// following the lesson and keep the scenario; the keys , . and Q do the
// same as the buttons.
func TestLessonSteps(t *testing.T) {
	g, img := newTestGame(t, "", 1280, 800)
	l, _, err := scenario.LookupLesson("sr1-learns")
	if err != nil {
		t.Fatal(err)
	}
	g.do(ui.ActLessonMenu, 0)
	g.do(ui.ActPickLesson, lessonIndex(t, "sr1-learns"))
	computed(g, img)
	step1, _ := l.StepScenario(1)
	if g.popup.kind != popNone || g.st.Scen.Encode() != step1.Encode() || !strings.HasSuffix(g.st.Scen.Encode(), ";l=sr1-learns.1") {
		t.Fatalf("picked: popup %v, scenario %q, want %q", g.popup.kind, g.st.Scen.Encode(), step1.Encode())
	}
	if got := g.st.Eng.Rows(); got != l.Steps[0].Iter+1 || g.st.Playing {
		t.Errorf("step 1 shows %d rows (playing %v), want iteration %d", got, g.st.Playing, l.Steps[0].Iter)
	}
	// the keys are the buttons' actions
	for key, act := range map[ebiten.Key]ui.Action{ebiten.KeyPeriod: ui.ActLessonNext, ebiten.KeyComma: ui.ActLessonBack, ebiten.KeyQ: ui.ActLeaveLesson} {
		if b := binding(t, key, false); b.Act != act {
			t.Errorf("key %v does %v, want %v", key, b.Act, act)
		}
	}
	for _, b := range []ui.Action{ui.ActLessonBack, ui.ActLessonNext, ui.ActLeaveLesson} {
		found := false
		for _, w := range g.ws.List[:g.ws.PopupStart] {
			found = found || w.Act == b && within(w.R, g.lessonCard.r)
		}
		if !found {
			t.Errorf("the card has no %v button", b)
		}
	}

	g.do(ui.ActLessonNext, 0)
	computed(g, img)
	if ref := g.st.Scen.Lesson; ref != (scenario.LessonRef{Name: "sr1-learns", Step: 2}) {
		t.Fatalf("Next: at %v", ref)
	}
	if got := g.st.Eng.Rows(); got != l.Steps[1].Iter+1 || g.st.Playing {
		t.Errorf("step 2 shows %d rows (playing %v), want iteration %d", got, g.st.Playing, l.Steps[1].Iter)
	}
	// played past step 3's iteration, Back then Next open step 3 again
	// at its own iteration
	g.do(ui.ActLessonNext, 0)
	g.do(ui.ActToEnd, 0)
	for i := 0; i < 50 && !g.st.Done(); i++ {
		onFrames(1, func() { g.Update() }, func(*ebiten.Image) { g.Draw(img) })
	}
	g.do(ui.ActLessonBack, 0)
	computed(g, img)
	if got := g.st.Eng.Rows(); g.st.Scen.Lesson.Step != 2 || got != l.Steps[1].Iter+1 {
		t.Errorf("Back to step 2 after playing on: step %d, %d rows, want 2 and %d", g.st.Scen.Lesson.Step, got, l.Steps[1].Iter+1)
	}
	g.do(ui.ActLessonBack, 0)
	g.do(ui.ActLessonBack, 0) // on the first step: stays
	if g.st.Scen.Lesson.Step != 1 || g.st.Scen.Encode() != step1.Encode() {
		t.Errorf("Back twice from 2: %q", g.st.Scen.Encode())
	}
	for range l.Steps {
		g.do(ui.ActLessonNext, 0)
	}
	final, _ := l.Final()
	if g.st.Scen.Lesson != (scenario.LessonRef{}) || g.st.Scen.Encode() != final.Encode() {
		t.Errorf("Done: %q, want the final scenario %q with no lesson", g.st.Scen.Encode(), final.Encode())
	}
	g.do(ui.ActPickLesson, lessonIndex(t, "saddle"))
	g.do(ui.ActLeaveLesson, 0)
	if g.st.Scen.Lesson != (scenario.LessonRef{}) || !strings.Contains(g.st.Scen.Encode(), "s=saddle") {
		t.Errorf("Leave: %q", g.st.Scen.Encode())
	}
	onFrames(1, func() { g.Update() }, func(*ebiten.Image) { g.Draw(img) })
	if g.lessonCard.r.W != 0 {
		t.Error("the card stays after leaving the lesson")
	}
}

// TestLessonLinkOpensItsStep: a link naming a lesson's step opens with its
// card, the runs computed to the step's iteration.
func TestLessonLinkOpensItsStep(t *testing.T) {
	l, _, _ := scenario.LookupLesson("sr1-learns")
	sc, _ := l.StepScenario(2)
	g, img := newTestGame(t, sc.Encode(), 1280, 800)
	computed(g, img)
	if g.st.Scen.Lesson.Step != 2 || g.st.Eng.Rows() != l.Steps[1].Iter+1 || g.lessonCard.r.W == 0 {
		t.Errorf("opened at step %d with %d rows, card %v", g.st.Scen.Lesson.Step, g.st.Eng.Rows(), g.lessonCard.r)
	}
}

// TestLessonCardFits: on every screen, each lesson's every step's card
// lies between the panels and the status line, overlapping neither, its
// text lines within its width, at least one line of text shown.
func TestLessonCardFits(t *testing.T) {
	for _, s := range screenSizes {
		g, _ := screenGame(t, "", s, s.w < 600)
		for _, l := range scenario.Lessons() {
			for k := range l.Steps {
				ref := scenario.LessonRef{Name: l.Name, Step: k + 1}
				m := &g.c.M
				sp := ui.Split(m)
				main := sp.Main
				c := layoutLesson(m, &main, ref)
				what := s.name + " " + ref.String()
				if c.r.W == 0 || len(c.lines) == 0 {
					t.Fatalf("%s: no card", what)
				}
				if c.r.Y < main.Y+main.H || c.r.Y+c.r.H > sp.Status.Y || main.H < 0.5*sp.Main.H {
					t.Errorf("%s: card %+v, panels' area %+v, status line at %v", what, c.r, main, sp.Status.Y)
				}
				for _, line := range c.lines {
					if w := render.TextWidth(render.Sans, line, c.size); w > c.r.W-4*m.Pad() {
						t.Errorf("%s: line %q is %v wide in a card of %v", what, line, w, c.r.W)
					}
				}
			}
		}
	}
}

// TestControlsListWholeRows: the lessons menu scrolls on a phone; the
// controls listed for automated checks (window.curvlab.controls) are the
// rows that lie whole inside it, never one cut by its edge.
func TestControlsListWholeRows(t *testing.T) {
	g, img := screenGame(t, "", screenSizes[0], true)
	redraw(g, img, func() { g.do(ui.ActLessonMenu, 0) })
	rows := 0
	for _, c := range g.Controls() {
		if !c.Popup {
			continue
		}
		rows++
		r := g.popup.Rect
		s := g.scale
		if c.X*s < r.X || c.Y*s < r.Y || (c.X+c.W)*s > r.X+r.W+0.5 || (c.Y+c.H)*s > r.Y+r.H+0.5 {
			t.Errorf("%s %q at %v,%v %v×%v (CSS) lies partly outside the menu %+v (device)", c.Action, c.Label, c.X, c.Y, c.W, c.H, r)
		}
	}
	if rows < 5 || rows >= len(scenario.Lessons()) {
		t.Errorf("%d of %d lessons listed on a phone: want the menu to scroll", rows, len(scenario.Lessons()))
	}
}
