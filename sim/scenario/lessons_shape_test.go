package scenario

import (
	"strings"
	"testing"
)

// TestLessonsAreWellFormed: every lesson has a unique name of a-z, 0-9
// and '-', a title, 2 to MaxLessonSteps steps with text, a first step with
// a scenario, canonical links, and iterations within its budget; its step
// survives the link.
func TestLessonsAreWellFormed(t *testing.T) {
	seen := map[string]bool{}
	for _, l := range Lessons() {
		if seen[l.Name] || l.Name == "" || strings.Trim(l.Name, "abcdefghijklmnopqrstuvwxyz0123456789-") != "" {
			t.Errorf("lesson %q: duplicate or not a name of a-z, 0-9 and '-'", l.Name)
		}
		seen[l.Name] = true
		if l.Title == "" || len(l.Steps) < 2 || len(l.Steps) > MaxLessonSteps || l.Steps[0].Link == "" {
			t.Errorf("lesson %s: title %q, %d steps (want 2 to %d, the first with a scenario)", l.Name, l.Title, len(l.Steps), MaxLessonSteps)
			continue
		}
		for k, st := range l.Steps {
			if strings.TrimSpace(st.Text) == "" {
				t.Errorf("%s step %d: no text", l.Name, k+1)
			}
			if st.Link != "" {
				sc, err := Decode(st.Link)
				if err != nil {
					t.Errorf("%s step %d: %v", l.Name, k+1, err)
					continue
				}
				if sc.Lesson != (LessonRef{}) || sc.Encode() != st.Link {
					t.Errorf("%s step %d: link %q is not canonical (%q) or names a lesson", l.Name, k+1, st.Link, sc.Encode())
				}
			}
			sc, err := l.StepScenario(k + 1)
			if err != nil {
				t.Fatal(err)
			}
			if st.Iter > sc.Steps {
				t.Errorf("%s step %d: shows iteration %d of a budget of %d", l.Name, k+1, st.Iter, sc.Steps)
			}
			back, err := Decode(sc.Encode())
			if err != nil || back.Lesson != (LessonRef{l.Name, k + 1}) || !back.Equal(sc) {
				t.Errorf("%s step %d: %q does not come back from its link (%v, %v)", l.Name, k+1, sc.Encode(), back.Lesson, err)
			}
		}
	}
	if n := len(Lessons()); n < 30 {
		t.Errorf("%d lessons, want at least 30", n)
	}
	if l := Lessons()[0]; l.Steps[0].Link != Default().Encode() {
		t.Error("the first lesson does not open on the default scenario")
	}
	if _, _, err := LookupLesson("nope"); err == nil {
		t.Error("unknown lesson accepted")
	}
}

// TestLessonLinksAreChecked: the link's l field names a lesson and one of
// its steps, or the link is refused in one sentence.
func TestLessonLinksAreChecked(t *testing.T) {
	base := "v1;s=rosenbrock;x=-1.2,1;m=gd;l="
	for val, want := range map[string]string{
		"first-look":     "must be name.step",
		"first-look.0":   "steps 1 to",
		"first-look.9":   "steps 1 to",
		"first-look.-1":  "not a whole number",
		"first-look.+1":  "not a whole number",
		"first-look.1.2": "not a whole number",
		"nope.1":         "unknown lesson",
		".1":             "unknown lesson",
	} {
		_, err := Decode(base + val)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("l=%s: %v, want an error saying %q", val, err, want)
		}
	}
	sc, err := Decode(base + "first-look.3")
	if err != nil || sc.Lesson != (LessonRef{"first-look", 3}) || !strings.HasSuffix(sc.Encode(), ";l=first-look.3") {
		t.Errorf("l=first-look.3: %v, %+v, %q", err, sc.Lesson, sc.Encode())
	}
}
