package app

import (
	"fmt"
	"io"
	"io/fs"
	"math"
	"path"
	"strconv"
	"strings"

	"curvlab/sim/nn"
	"curvlab/sim/scenario"
	"curvlab/sim/surfaces"
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
		g.st.Notice = "Drop a CSV file of points: x,y for a line fit, x1,x2,label for a network."
	}
}

// loadPoints makes the points of CSV text (from a file called name) the
// scene's data: two columns x,y are a line fit's points (the surface
// becomes linefit), three or four, x1,x2,label[,train|test], a network's
// (on a surface scenario, the default network's). Coordinates between the
// link's grid points are rounded to them, and the notice says how many;
// what is wrong with the text is one notice naming its line, and nothing
// changes.
func (g *Game) loadPoints(name, text string) {
	if g.st.Flags.Locked {
		g.st.Notice = lockedNotice
		return
	}
	fitting := g.st.Scen.SurfaceKind == surfaces.LineFitKind
	xy, fitErr := nn.ParsePairsCSV(text, surfaces.MinFitPoints, surfaces.MaxFitPoints)
	if fitErr == nil {
		g.loadFit(name, xy)
		return
	}
	p, err := nn.ParseCSV(text)
	if err != nil {
		if fitting {
			err = fitErr
		}
		g.st.Notice = name + ": " + err.Error() + "."
		return
	}
	rounded, err := snapToLink(p.X, "x1", "x2")
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
	g.showLoaded(sc, name, rounded)
}

// loadFit makes the points xy (from a file called name) a line fit's.
func (g *Game) loadFit(name string, xy []float64) {
	rounded, err := snapToLink(xy, "x", "y")
	if err != nil {
		g.st.Notice = name + ": " + err.Error() + "."
		return
	}
	sc := g.st.Scen.Clone()
	fitting := sc.SurfaceKind == surfaces.LineFitKind
	if err := sc.SetFit(xy); err != nil {
		g.st.Notice = name + ": " + strings.TrimPrefix(err.Error(), "line fit: ") + "."
		return
	}
	if !fitting { // a network or another surface: the line fit's own start and view
		sc.Net, sc.View = nil, nil
		st := sc.Surface().Start()
		sc.Start = st[:]
	}
	g.showLoaded(sc, name, rounded)
}

// showLoaded shows sc, whose data came from name with rounded coordinates
// rounded to the link's grid.
func (g *Game) showLoaded(sc scenario.Scenario, name string, rounded int) {
	g.st.Notice = ""
	if rounded > 0 {
		g.st.Notice = name + ": " + strconv.Itoa(rounded) + " coordinates rounded to multiples of 1/" + strconv.Itoa(int(1/nn.LinkStep)) + ", as a link holds them."
	}
	g.st.SetScenario(sc)
	g.popup = popup{}
	g.uiDirty = true
}

// snapToLink rounds the coordinates of xy (named a and b in messages) to
// the link's grid in place and returns how many changed; a coordinate
// beyond the grid's range ±nn.LinkRange is an error, and xy is unchanged.
func snapToLink(xy []float64, a, b string) (int, error) {
	for i, v := range xy {
		if math.Abs(v) > nn.LinkRange {
			return 0, fmt.Errorf("point %d has %s = %s; the plane holds coordinates within ±%g (scale the data to fit)",
				i/2+1, []string{a, b}[i%2], strconv.FormatFloat(v, 'g', -1, 64), nn.LinkRange)
		}
	}
	n := 0
	for i, v := range xy {
		if s := nn.Snap(v); s != v {
			xy[i] = s
			n++
		}
	}
	return n, nil
}
