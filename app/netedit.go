package app

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"curvlab/render/geom"
	"curvlab/sim"
	"curvlab/sim/nn"
	"curvlab/sim/scenario"
)

// netChoice is the surface picker's entry for network scenarios.
const netChoice = "network (MLP)"

// netField is one row of the network editor: a parameter and how it reads
// and writes a Network.
type netField struct {
	p   sim.Param
	get func(n *scenario.Network) float64
	set func(n *scenario.Network, v float64)
}

// netFields lists the network editor's rows for n: activation, loss,
// number of hidden layers, each layer's width, the seed of the weights,
// then the dataset, its size, noise and seed. The seeds' sliders span
// 0–99, or up to the seed when a link holds a larger one (so that a step
// of its slider changes it by one, not to 99).
func netFields(n *scenario.Network) []netField {
	layers := make([]string, nn.MaxHidden)
	for i := range layers {
		layers[i] = strconv.Itoa(i + 1)
	}
	fs := []netField{
		{sim.Param{Key: "activation", Desc: "of the hidden units", Choices: nn.ActivationNames()},
			func(n *scenario.Network) float64 { return float64(n.Act) },
			func(n *scenario.Network, v float64) { n.Act = nn.Activation(v) }},
		{sim.Param{Key: "loss", Desc: "squared error, or cross-entropy of the sigmoid", Choices: nn.LossNames()},
			func(n *scenario.Network) float64 { return n.NetVals[0] },
			func(n *scenario.Network, v float64) { n.NetVals[0] = v }},
		{sim.Param{Key: "layers", Desc: "hidden layers", Choices: layers},
			func(n *scenario.Network) float64 { return float64(len(n.Hidden) - 1) },
			func(n *scenario.Network, v float64) {
				k := int(v) + 1
				for len(n.Hidden) < k {
					n.Hidden = append(n.Hidden, n.Hidden[len(n.Hidden)-1])
				}
				n.Hidden = n.Hidden[:k]
			}},
	}
	for i := range n.Hidden {
		fs = append(fs, netField{
			sim.Param{Key: "width " + strconv.Itoa(i+1), Desc: "units in hidden layer " + strconv.Itoa(i+1), Default: 8, Min: 1, Max: nn.MaxWidth, Int: true},
			func(n *scenario.Network) float64 { return float64(n.Hidden[i]) },
			func(n *scenario.Network, v float64) { n.Hidden[i] = int(v) }})
	}
	seed := func(desc string, current float64) sim.Param {
		return sim.Param{Key: "seed", Desc: desc, Default: 1, Min: 0, Max: math.Max(99, current), Int: true}
	}
	data := func(i int) netField {
		return netField{scenario.DataParams[i],
			func(n *scenario.Network) float64 { return n.DataVals[i] },
			func(n *scenario.Network, v float64) { n.DataVals[i] = v }}
	}
	dataSeed := data(2)
	dataSeed.p = seed("of the data set's generator", n.DataVals[2])
	return append(fs,
		netField{seed("of the initial weights", n.NetVals[1]),
			func(n *scenario.Network) float64 { return n.NetVals[1] },
			func(n *scenario.Network, v float64) { n.NetVals[1] = v }},
		netField{sim.Param{Key: "data", Desc: "two classes of points in the plane", Choices: nn.DatasetNames()},
			func(n *scenario.Network) float64 { return float64(max(0, slices.Index(nn.DatasetNames(), n.Data))) },
			func(n *scenario.Network, v float64) { n.Data = nn.DatasetNames()[int(v)] }},
		data(0), data(1), dataSeed,
	)
}

// buildNetEditor lays out the network editor: one row per netField.
func (g *Game) buildNetEditor() {
	l := &g.lay
	net := g.st.scen.Net
	if net == nil {
		g.popup = popup{}
		return
	}
	fs := netFields(net)
	params, vals := make([]sim.Param, len(fs)), make([]float64, len(fs))
	for i, f := range fs {
		params[i], vals[i] = f.p, f.get(net)
	}
	p := g.st.scen.NetProblem()
	title := "Network " + net.Arch().String() + ", " + strconv.Itoa(len(g.st.scen.Start)) + " weights, on " + net.Data
	if p != nil {
		title += ": " + strconv.Itoa(p.Train.N()) + " training and " + strconv.Itoa(p.Test.N()) + " test points"
	}
	r, y := g.editorHead(900, title)
	row := math.Max(math.Round(1.8*l.font), l.target)
	bw := math.Min(220*l.u, r.W-16*l.u)
	hint := g.keysHint("↑/↓ pick a row, ←/→ change it; every change restarts the runs", "Every change restarts the runs")
	g.widgets = append(g.widgets,
		widget{kind: wLabel, r: geom.Rect{X: r.X + 14*l.u, Y: y, W: r.W / 2, H: row}, label: fitText(hint, l.font, r.W-bw-36*l.u)},
		widget{kind: wButton, r: geom.Rect{X: r.X + r.W - bw - 8*l.u, Y: y, W: bw, H: row}, label: "Back to surfaces", key: keyFor(actSurfaceMenu),
			act: actSurfaceMenu, focus: g.popup.focus == 0})
	y = g.paramRows(r, y+row+6*l.u, params, vals, paramTarget{owner: ownerNetwork}, nil)
	g.fitPopup(r, y+8*l.u)
}

// setNetParam changes row i of the network editor and restarts on the new
// network.
func (g *Game) setNetParam(i int, v float64) {
	st := g.st
	if st.scen.Kind() == scenario.KindSurface {
		return
	}
	net := st.scen.Net.Clone()
	fs := netFields(&net)
	if i < 0 || i >= len(fs) {
		return
	}
	fs[i].set(&net, v)
	sc := st.scen.Clone()
	if err := sc.SetNetwork(net); err != nil {
		st.notice = err.Error()
		return
	}
	st.setScenario(sc)
	if g.dragging == 0 {
		g.uiDirty = true
	}
}

// pickNetwork switches to the default network, keeping the methods, and
// opens its editor.
func (g *Game) pickNetwork() {
	st := g.st
	if st.scen.Kind() == scenario.KindSurface {
		sc := st.scen.Clone()
		if err := sc.SetNetwork(scenario.DefaultNetwork()); err != nil {
			st.notice = err.Error()
			return
		}
		st.setScenario(sc)
	}
	g.popup = popup{kind: popNet}
}

// objectiveButton is the toolbar's button for what the methods minimize.
func (g *Game) objectiveButton() toolItem {
	if net := g.st.scen.Net; net != nil {
		return toolItem{"Network: " + net.NetworkSpec() + " · " + net.Data, actNetMenu, g.popup.kind == popNet, true}
	}
	return toolItem{"Surface: " + g.st.scen.SurfaceKind.Name, actSurfaceMenu, g.popup.kind == popSurface, true}
}

// netToolbar adapts the toolbar to a network scenario: the toggles that
// only mean something on a surface (ellipses, trial points, overlay, view)
// give way to the loss slice's plane.
func (g *Game) netToolbar(items []toolItem) []toolItem {
	out := make([]toolItem, 0, len(items))
	for _, it := range items {
		switch it.act {
		case actEllipses, actTrials, actOverlay, actResetView:
			continue
		case actContours:
			plane := "Slice: Hessian"
			if g.st.flags.pca {
				plane = "Slice: PCA"
			}
			out = append(out, toolItem{plane, actPlane, false, true})
			it.gap = false
		case actCopyLink:
			it.gap = true
		}
		out = append(out, it)
	}
	return out
}

// netLegendLines explain a network scenario's drawing in help.
var netLegendLines = []string{
	"What you see (a network)",
	"panels: the network's output over the input plane (teal: class 0, amber: class 1),",
	"   the decision boundary (output ½) in white; training points filled, test points hollow",
	"loss: training (bright) and test (faint) against iteration, log scale",
	"sharpness: λmax of the training loss's Hessian; thin lines at 2/η for gradient descent:",
	"   above 2/η a step of size η overshoots along the top eigenvector (edge of stability)",
	"eigenvalues: the whole Hessian spectrum now, negative ones in red",
	"slice: the training loss on a plane through the start, with the paths projected",
}

// netNow is help's "now" line for a network run.
func netNow(s *sim.Row) string {
	return "   now:   loss = " + num(s.F) + "   |g| = " + num(s.GNorm) + "   (" + strconv.Itoa(len(s.X)) + " weights)"
}

// netHint is the status line's hint for a network scenario.
var netHint = strings.Join([]string{"Space to play", "N: network and data", "B: slice plane", "1–4: methods", "? for help"}, " · ")
