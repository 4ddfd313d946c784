package scenario

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"curvlab/sim"
)

// A Lesson is a short guided story on one scenario or a few: 2 to
// MaxLessonSteps steps, each saying what to do and what to notice. The app
// offers the lessons in its lessons menu and shows the current step's text
// with Back and Next; the link holds the lesson and its step (l=name.step);
// the CLI lists them and runs each one's final scenario with --preset. What
// a step says about the numbers is asserted by lessons_test.go on those
// numbers.
type Lesson struct {
	Name  string // in links and on the command line: a-z, 0-9 and '-'
	Title string // one line, for the menu
	Steps []Step
}

// A Step is one page of a lesson.
type Step struct {
	// Text says what to do and what to notice, in two or three
	// sentences.
	Text string
	// Link is the scenario the step opens. "" keeps the scenario as the
	// previous step left it (the first step always has one).
	Link string
	// Iter, when > 0, has the runs computed up to that iteration when the
	// step opens, paused there, so that the numbers the text speaks of
	// are on screen.
	Iter int
}

// MaxLessonSteps is the most steps a lesson has.
const MaxLessonSteps = 6

// LessonRef names a lesson and one of its steps (1-based), as the link's
// l field holds them. The zero LessonRef is no lesson.
type LessonRef struct {
	Name string
	Step int
}

// String is the link's form, name.step.
func (r LessonRef) String() string { return r.Name + "." + strconv.Itoa(r.Step) }

// Lesson finds the lesson r names and checks that r's step is one of its
// steps.
func (r LessonRef) Lesson() (Lesson, error) {
	l, err := findLesson(r.Name)
	if err != nil {
		return l, err
	}
	if r.Step < 1 || r.Step > len(l.Steps) {
		return l, fmt.Errorf("lesson %s has steps 1 to %d, not %d", r.Name, len(l.Steps), r.Step)
	}
	return l, nil
}

// parseLessonRef reads the link's l field, name.step.
func parseLessonRef(val string) (LessonRef, error) {
	name, step, ok := strings.Cut(val, ".")
	if !ok {
		return LessonRef{}, fmt.Errorf("lesson %s must be name.step, e.g. sr1-learns.1", sim.Quote(val))
	}
	k, err := strconv.Atoi(step)
	if err != nil || step[0] == '+' || step[0] == '-' {
		return LessonRef{}, fmt.Errorf("lesson %s: the step %s is not a whole number", sim.Quote(val), sim.Quote(step))
	}
	r := LessonRef{Name: name, Step: k}
	if _, err := r.Lesson(); err != nil {
		return LessonRef{}, err
	}
	return r, nil
}

// Lessons lists the lessons in menu order.
func Lessons() []Lesson { return lessons }

// findLesson finds a lesson by name.
func findLesson(name string) (Lesson, error) {
	i := slices.IndexFunc(lessons, func(l Lesson) bool { return l.Name == name })
	if i < 0 {
		return Lesson{}, fmt.Errorf("unknown lesson %s (curvsim list names them all)", sim.Quote(name))
	}
	return lessons[i], nil
}

// StepScenario is the scenario step k (1-based) of l opens: the link of
// the last step at or before k that has one, following the lesson at step
// k.
func (l Lesson) StepScenario(k int) (Scenario, error) {
	if k < 1 || k > len(l.Steps) {
		return Scenario{}, fmt.Errorf("lesson %s has steps 1 to %d, not %d", l.Name, len(l.Steps), k)
	}
	i := k - 1
	for i > 0 && l.Steps[i].Link == "" {
		i--
	}
	sc, err := Decode(l.Steps[i].Link)
	if err != nil {
		return sc, fmt.Errorf("lesson %s, step %d: %v", l.Name, i+1, err)
	}
	sc.Lesson = LessonRef{Name: l.Name, Step: k}
	return sc, nil
}

// Final is the scenario l ends on (its last step's), as a scenario of its
// own: following no lesson. The CLI runs it for --preset.
func (l Lesson) Final() (Scenario, error) {
	sc, err := l.StepScenario(len(l.Steps))
	sc.Lesson = LessonRef{}
	return sc, err
}

// LookupLesson finds a lesson by name, with the scenario it ends on.
func LookupLesson(name string) (Lesson, Scenario, error) {
	l, err := findLesson(name)
	if err != nil {
		names := make([]string, len(lessons))
		for i, l := range lessons {
			names[i] = l.Name
		}
		return l, Scenario{}, fmt.Errorf("unknown lesson %s (accepted: %s)", sim.Quote(name), strings.Join(names, ", "))
	}
	sc, err := l.Final()
	return l, sc, err
}
