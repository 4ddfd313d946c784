package app

import (
	"strings"

	"curvlab/lang"
)

// announced is what the app last had a screen reader say.
type announced struct {
	notice string
	rows   int // the runs' rows in all, when their readouts were said
}

// announce tells an Announcer host what a screen reader should say: a
// new notice, and, when the runs stand (paused, stepped, at their end)
// with rows not yet said, each panel's readout as just drawn. Nothing is
// built while nothing changed.
func (g *Game) announce() {
	a := g.announcer
	if a == nil {
		return
	}
	if n := g.st.Notice; n != g.said.notice {
		g.said.notice = n
		if n != "" {
			a.Announce(lang.Notice(n))
		}
	}
	rows := 0
	for _, r := range g.st.Runs {
		rows += len(r.Trace)
	}
	if g.st.Playing || g.st.Rush || rows == g.said.rows {
		return
	}
	g.said.rows = rows
	var b strings.Builder
	for k := range g.st.Runs {
		if k >= len(g.st.Scen.Methods) {
			break
		}
		if k > 0 {
			b.WriteString(". ")
		}
		b.WriteString(lang.T("Panel") + " " + panelLabel(k) + ", " + g.st.Scen.Methods[k].String() + ": ")
		n := 0
		for _, l := range g.scene.Readout(k) {
			if l == "" {
				continue
			}
			if n > 0 {
				b.WriteString("; ")
			}
			b.WriteString(l)
			n++
		}
	}
	a.Announce(b.String())
}
