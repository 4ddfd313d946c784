package app

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"curvlab/app/scene"
	"curvlab/app/ui"
	"curvlab/lang"
	"curvlab/sim"
	"curvlab/sim/nn"
	"curvlab/sim/scenario"
	"curvlab/sim/surfaces"

	"github.com/hajimehoshi/ebiten/v2"
)

// namesKept are the words that stay English in Chinese, beyond the names
// the registries give (methods, surfaces, parameter keys and choices):
// proper names, file formats and a CSV file's column (label), keys of the
// keyboard, the functions of a formula, curvsim's command list. The
// methods' update rules and citations (sim.MethodKind's Rule and Cite,
// shown in the panel editor and help) stay as they are: formulas and
// references.
var namesKept = strings.Fields(`curvlab curvsim Newton Hessian BFGS DFP SR1 Adam AdaGrad RMSProp Nesterov Polyak
	Broyden Cholesky Levenberg Marquardt Steihaug Cauchy Wolfe Beale Booth Himmelblau Matyas Goldstein Price
	Rastrigin Styblinski Tang Rosenbrock ReLU PCA SAM Cohen Bartlett Long Bousquet CSV JSON PNG GIF iframe
	Esc Space Shift Enter Tab PageUp PageDown English sin cos tan exp log sqrt abs tanh min max relu sigmoid diag label list`)

// TestChineseScreens: with the link's lang=zh, every screen the app
// builds — the toolbar, each popup, a network's, the lesson card, help,
// the readouts and the status line's hint — says nothing in English but
// names (namesKept and the registries' names).
func TestChineseScreens(t *testing.T) {
	defer lang.Use(lang.English)
	allowed := map[string]bool{}
	for _, w := range namesKept {
		allowed[w] = true
	}
	addParams := func(ps []sim.Param) {
		for _, p := range ps {
			allowed[p.Key] = true
			for _, c := range p.Choices {
				for _, w := range regexp.MustCompile(`[A-Za-z]+`).FindAllString(c, -1) {
					allowed[w] = true
				}
			}
		}
	}
	words := regexp.MustCompile(`[A-Za-z][A-Za-z0-9]*`)
	for _, k := range sim.MethodKinds() {
		for _, w := range words.FindAllString(k.Name+" "+k.Rule+" "+k.Cite, -1) {
			allowed[w] = true
		}
		addParams(k.Params)
	}
	for _, names := range [][]string{nn.DatasetNames(), nn.LossNames(), nn.ActivationNames()} {
		for _, n := range names {
			allowed[n] = true
		}
	}
	for _, k := range surfaces.Kinds() {
		allowed[k.Name] = true
		addParams(k.Params)
	}
	addParams(scenario.DataParams)
	for _, n := range scene.ObjectiveNames() {
		for _, w := range regexp.MustCompile(`[A-Za-z]+`).FindAllString(n, -1) {
			allowed[w] = true
		}
	}
	word := regexp.MustCompile(`[A-Za-z][A-Za-z0-9]{2,}`)
	type screen struct {
		name, link string
		w, h       int
		acts       []ui.Action
	}
	const surf = "v1;s=rosenbrock;x=-1.2,1;m=gd:lr=0.001;m=newton;m=sr1;lang=zh"
	const net = "v1;net=tanh:8,8;d=circle:n=200;m=gd:lr=0.1;m=adam;n=200;t=0;lang=zh"
	screens := []screen{
		{"toolbar", surf, 1600, 900, []ui.Action{ui.ActStep}},
		{"phone toolbar", surf, 390, 844, []ui.Action{ui.ActStep}},
		{"overflow menu", surf, 390, 844, []ui.Action{ui.ActMenu}},
		{"surface editor", surf, 1600, 900, []ui.Action{ui.ActSurfaceMenu}},
		{"panel editor", surf, 1600, 900, []ui.Action{ui.ActEditPanel}},
		{"lessons", surf, 1600, 900, []ui.Action{ui.ActLessonMenu}},
		{"explore", surf, 1600, 900, []ui.Action{ui.ActExploreMenu}},
		{"sweep editor", surf, 1600, 900, []ui.Action{ui.ActSweepMenu}},
		{"gif editor", surf, 1600, 900, []ui.Action{ui.ActStep, ui.ActGIFMenu}},
		{"help", surf, 1600, 900, []ui.Action{ui.ActStep, ui.ActHelp}},
		{"phone help", surf, 390, 844, []ui.Action{ui.ActStep, ui.ActHelp}},
		{"network", net, 1600, 900, []ui.Action{ui.ActStep}},
		{"network editor", net, 1600, 900, []ui.Action{ui.ActNetMenu}},
		{"network help", net, 1600, 900, []ui.Action{ui.ActStep, ui.ActHelp}},
		{"lesson card", "v1;s=rosenbrock;x=-1.2,1;m=gd:lr=0.001;m=newton;m=sr1;l=first-look.2;lang=zh", 1600, 900, nil},
	}
	for _, sc := range screens {
		g, img := newTestGame(t, sc.link, sc.w, sc.h)
		onFrames(2, func() {
			for _, a := range sc.acts {
				g.do(a, 0)
			}
			sc.acts = nil
			g.Update()
		}, func(*ebiten.Image) { g.Draw(img) })
		if lang.Current() != lang.Chinese || !strings.HasSuffix(g.st.Scen.Encode(), ";lang=zh") {
			t.Fatalf("%s: language %v, link %s", sc.name, lang.Current(), g.st.Scen.Encode())
		}
		var texts []string
		for _, wd := range g.ws.List {
			texts = append(texts, wd.Label, wd.Sub)
		}
		if g.popup.kind == popHelp {
			for _, lb := range g.help.lines {
				texts = append(texts, lb.S)
			}
		}
		for k := range g.st.Runs {
			texts = append(texts, g.scene.Readout(k)...)
		}
		texts = append(texts, g.hint(false), g.hint(true))
		if c := g.lessonCard; c.r.W > 0 {
			// the lesson's name and text are the lessons' (lang's lesson
			// catalog), the heading's words are the app's
			texts = append(texts, strings.TrimPrefix(c.heading, g.st.Scen.Lesson.Name))
		}
		lessons := g.popup.kind == popLessons
		for _, s := range texts {
			if lessons {
				continue // the lessons' names and titles: lang's lesson catalog
			}
			for _, w := range word.FindAllString(s, -1) {
				if !allowed[w] && !strings.ContainsAny(w, "0123456789") {
					t.Errorf("%s: %q says %q in English", sc.name, s, w)
					break
				}
			}
		}
		if sc.name == "toolbar" && !slices.ContainsFunc(texts, func(s string) bool { return s == "播放" }) {
			t.Errorf("toolbar: no 播放 (Play) among %q", texts)
		}
	}
}
