package app

import (
	"io"
	"io/fs"
	"path"
	"strings"

	"curvlab/sim/nn"
	"curvlab/sim/scenario"
)

// takeDropped loads the first CSV file dropped on the window or the page
// (Ebitengine gives the files dropped this frame), as the user's own
// points.
func (g *Game) takeDropped(files fs.FS) {
	if files == nil {
		return
	}
	entries, err := fs.ReadDir(files, ".")
	if err != nil {
		return
	}
	for _, e := range entries {
		if e.IsDir() || !strings.EqualFold(path.Ext(e.Name()), ".csv") {
			continue
		}
		f, err := files.Open(e.Name())
		if err != nil {
			g.st.Notice = e.Name() + ": could not be read."
			return
		}
		text, err := io.ReadAll(io.LimitReader(f, nn.MaxCSVBytes+1))
		f.Close()
		if err != nil {
			g.st.Notice = e.Name() + ": could not be read."
			return
		}
		g.loadPoints(e.Name(), string(text))
		return
	}
	if len(entries) > 0 {
		g.st.Notice = "Drop a CSV file of points (x1,x2,label) to train the network on them."
	}
}

// loadPoints makes the points of CSV text (from a file called name) the
// network's data: on a surface scenario, the default network's. What is
// wrong with the text is one notice naming its line, and nothing changes.
func (g *Game) loadPoints(name, text string) {
	p, err := nn.ParseCSV(text)
	if err != nil {
		g.st.Notice = name + ": " + err.Error() + "."
		return
	}
	sc := g.st.Scen.Clone()
	net := scenario.DefaultNetwork()
	if sc.Net != nil {
		net = sc.Net.Clone()
	}
	if err := net.SetOwnData(p); err != nil {
		g.st.Notice = name + ": " + strings.TrimPrefix(err.Error(), "own data: ") + "."
		return
	}
	if err := sc.SetNetwork(net); err != nil {
		g.st.Notice = name + ": " + err.Error() + "."
		return
	}
	g.st.Notice = ""
	g.st.SetScenario(sc)
	g.popup = popup{}
	g.uiDirty = true
}
