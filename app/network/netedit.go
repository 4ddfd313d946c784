package network

import (
	"curvlab/lang"
	"math"
	"slices"
	"strconv"
	"strings"

	"curvlab/app/scene"
	"curvlab/app/ui"
	"curvlab/render/geom"
	"curvlab/sim"
	"curvlab/sim/nn"
	"curvlab/sim/scenario"
)

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
		{sim.Param{Key: lang.T("activation"), Desc: lang.T("of the hidden units"), Choices: nn.ActivationNames()},
			func(n *scenario.Network) float64 { return float64(n.Act) },
			func(n *scenario.Network, v float64) { n.Act = nn.Activation(v) }},
		{sim.Param{Key: lang.T("loss"), Desc: lang.T("squared error, or cross-entropy of the sigmoid"), Choices: nn.LossNames()},
			func(n *scenario.Network) float64 { return n.NetVals[0] },
			func(n *scenario.Network, v float64) { n.NetVals[0] = v }},
		{sim.Param{Key: lang.T("layers"), Desc: lang.T("hidden layers"), Choices: layers},
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
			sim.Param{Key: lang.F("width %d", i+1), Desc: lang.F("units in hidden layer %d", i+1), Default: 8, Min: 1, Max: nn.MaxWidth, Int: true},
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
	dataSeed.p = seed(lang.T("of the data set's generator"), n.DataVals[2])
	fs = append(fs,
		netField{seed(lang.T("of the initial weights"), n.NetVals[1]),
			func(n *scenario.Network) float64 { return n.NetVals[1] },
			func(n *scenario.Network, v float64) { n.NetVals[1] = v }})
	if n.Own == nil {
		return append(fs,
			netField{sim.Param{Key: "data", Desc: lang.T("two classes of points in the plane (a tap on a panel makes them yours)"), Choices: nn.DatasetNames()},
				func(n *scenario.Network) float64 { return float64(max(0, slices.Index(nn.DatasetNames(), n.Data))) },
				func(n *scenario.Network, v float64) { n.Data, n.Own = nn.DatasetNames()[int(v)], nil }},
			data(0), data(1), dataSeed)
	}
	// The user's own points: the last choice; a generated set replaces
	// them. Their split is drawn with a fraction and a seed unless they
	// came with one.
	names := append(nn.DatasetNames(), lang.F("your %d points", n.Own.Points.N()))
	fs = append(fs, netField{sim.Param{Key: "data", Desc: lang.T("your points, or a generated set in their place"), Choices: names},
		func(n *scenario.Network) float64 { return float64(len(names) - 1) },
		func(n *scenario.Network, v float64) {
			if i := int(v); i < len(names)-1 {
				n.Data, n.DataVals, n.Own = names[i], sim.Defaults(scenario.DataParams), nil
			}
		}})
	if n.Own.Points.Test != nil {
		return fs
	}
	own := func(i int) netField {
		return netField{scenario.OwnParams[i],
			func(n *scenario.Network) float64 { return n.Own.OwnVals[i] },
			func(n *scenario.Network, v float64) { n.Own.OwnVals[i] = v }}
	}
	splitSeed := own(1)
	splitSeed.p = seed(lang.T("of the test split"), n.Own.OwnVals[1])
	return append(fs, own(0), splitSeed)
}

// Editor lays out the network editor: a way back to the surfaces, then
// one row per netField.
func (s *Scene) Editor(st *scene.State, f *ui.Form) {
	m := f.M
	net := st.Scen.Net
	params, vals := s.Params(st)
	p := st.Scen.NetProblem()
	title := lang.F("Network %s, %d weights, on %s", net.Arch().String(), len(st.Scen.Start), net.Data)
	if p != nil {
		title += lang.F(": %d training and %d test points", p.Train.N(), p.Test.N())
	}
	r, y := f.Head(900, title)
	row := math.Max(math.Round(1.8*m.Font), m.Target)
	bw := math.Min(220*m.U, r.W-16*m.U)
	hint := f.KeysHint(lang.T("↑/↓ pick a row, ←/→ change it; every change restarts the runs"), lang.T("Every change restarts the runs"))
	f.WS.Add(ui.Widget{Kind: ui.KindLabel, R: geom.Rect{X: r.X + 14*m.U, Y: y, W: r.W / 2, H: row}, Label: ui.FitText(hint, m.Font, r.W-bw-36*m.U)})
	f.WS.Add(ui.Widget{Kind: ui.KindButton, R: geom.Rect{X: r.X + r.W - bw - 8*m.U, Y: y, W: bw, H: row}, Label: lang.T("Back to surfaces"), Key: ui.KeyFor(ui.ActSurfaceMenu),
		Act: ui.ActSurfaceMenu, Focus: f.P.Focus == 0})
	y = f.ParamRows(r, y+row+6*m.U, params, vals, ui.Target{Owner: ui.OwnerScene}, nil)
	y = f.Buttons(r, y+6*m.U, lang.T("Points as CSV: x1,x2,label"), ui.FormButton{Label: lang.T("Load CSV…"), Act: ui.ActLoadData}, ui.FormButton{Label: lang.T("Save CSV"), Act: ui.ActSaveData})
	y = f.Buttons(r, y+4*m.U, lang.T("The runs so far, as curvsim writes them"), ui.FormButton{Label: lang.T("Save CSV"), Act: ui.ActSaveCSV}, ui.FormButton{Label: lang.T("Save JSON"), Act: ui.ActSaveJSON})
	y = f.Buttons(r, y+4*m.U, lang.T("What the screen shows"), ui.FormButton{Label: lang.T("Save PNG"), Act: ui.ActSavePNG})
	f.Fit(r, y+8*m.U)
}

// Params are the network editor's rows (netFields) and their values.
func (s *Scene) Params(st *scene.State) ([]sim.Param, []float64) {
	fs := netFields(st.Scen.Net)
	params, vals := make([]sim.Param, len(fs)), make([]float64, len(fs))
	for i, f := range fs {
		params[i], vals[i] = f.p, f.get(st.Scen.Net)
	}
	return params, vals
}

// SetParam changes row i of the network editor and restarts on the new
// network.
func (s *Scene) SetParam(st *scene.State, i int, v float64) {
	net := st.Scen.Net.Clone()
	fs := netFields(&net)
	if i < 0 || i >= len(fs) {
		return
	}
	fs[i].set(&net, v)
	sc := st.Scen.Clone()
	if err := sc.SetNetwork(net); err != nil {
		st.Notice = err.Error()
		return
	}
	st.SetScenario(sc)
}

func (s *Scene) Objective(st *scene.State, open bool) scene.ToolItem {
	net := st.Scen.Net
	return scene.ToolItem{Label: lang.T("Network: ") + net.NetworkSpec() + " · " + net.Data, Act: ui.ActNetMenu, On: open, Gap: true}
}

// Tools adapts the toolbar to a network scenario: the toggles that only
// mean something on a surface (ellipses, trial points, overlay, view)
// give way to the loss slice's plane and the class a tap adds; the
// slice's contour lines move into the Explore menu, so that the toolbar
// fits a laptop's width.
func (s *Scene) Tools(st *scene.State, items []scene.ToolItem) []scene.ToolItem {
	out := make([]scene.ToolItem, 0, len(items))
	for _, it := range items {
		switch it.Act {
		case ui.ActEllipses, ui.ActTrials, ui.ActOverlay, ui.ActResetView:
			continue
		case ui.ActContours:
			plane := lang.T("Hessian slice")
			if st.Flags.PCA {
				plane = lang.T("PCA slice")
			}
			out = append(out, scene.ToolItem{Label: plane, Act: ui.ActPlane, Gap: true})
			class := lang.T("Tap adds: 1")
			if st.Flags.TapClass0 {
				class = lang.T("Tap adds: 0")
			}
			out = append(out, scene.ToolItem{Label: class, Act: ui.ActTapClass})
			continue // the slice's contour lines are in the Explore menu (Explores)
		case ui.ActCopyLink:
			it.Gap = true
		}
		out = append(out, it)
	}
	return out
}

// Explores reports whether the Explore menu's action a applies to a
// network: the slice's contour lines, the sweep, saving the picture and
// the runs, embedding and the projector do; the overlay, basins, the
// step's model, the curvature plot, the 3D view and the animation (its
// pictures are the latest row's) do not.
func (s *Scene) Explores(a ui.Action) bool {
	switch a {
	case ui.ActOverlay, ui.ActBasins, ui.ActStepModel, ui.ActEigen, ui.ActSolid, ui.ActSaveGIF, ui.ActGIFMenu:
		return false
	}
	return true
}

// netLegendLines explain a network scenario's drawing in help.
var netLegendLines = []string{
	"What you see (a network)",
	"panels: the network's output over the input plane (teal: class 0, amber: class 1),",
	"   the decision boundary (output ½) in white; training points filled, test points hollow",
	"loss: training (bright) and test (faint) against iteration, log scale; on batches (a method's",
	"   batch=B) each step's batch loss thin beneath, and the readout counts epochs",
	"sharpness: λmax of the training loss's Hessian; thin lines where each method turns unstable on a",
	"   quadratic: 2/η gradient descent (and SAM), 2(1+β)/η heavy ball, (2+2β)/((1+2β)η) Nesterov;",
	"   above it a step of size η overshoots along the top eigenvector (edge of stability);",
	"   with a schedule (schedule=step|cosine|warmup|inverse, decay=T) the line follows η_t;",
	"   Adam and RMSProp: λmax(P⁻¹H) of the preconditioned Hessian, P = diag(√v̂ + ε), against",
	"   (2+2β₁)/((1−β₁)η), 38/η for β₁ = 0.9 (RMSProp 2/η; Cohen et al. 2022), on a log axis",
	"   SAM's line 2/η is what theory knows on a quadratic: under it a 2-cycle of size ηλρ/(2 − ηλ) across",
	"   the minimum, over it divergence (Bartlett, Long, Bousquet 2023); on a network no fixed line is known",
	"eigenvalues: the whole Hessian spectrum now, negative ones in red",
	"slice: the training loss on a plane through the start, with the paths projected",
	"your own data: tap or click a panel to add a training point of the class Tap adds (K switches it),",
	"   drag a point to move it; tap it, hold it or right-click it to take it away;",
	"   the runs start again from the same weights; a CSV file (x1,x2,label) dropped on the window",
	"   becomes the data",
	"Sweep (W): in place of the spectra and the slice, for each panel's method run again from the",
	"   same weights for 40 step sizes lr (its own ÷ 30 to × 30; Shift+W: another parameter, a range):",
	"   the final training and test loss, and the final sharpness with 2/lr in white: past the edge of",
	"   stability the sharpness of a run that settles sits at or under 2/lr; diverged runs at the top",
}

// Field is nil: a network's editor has no text field.
func (s *Scene) Field() *ui.TextField { return nil }

func (s *Scene) FieldChanged(st *scene.State) {}

func (s *Scene) FieldError() string { return "" }

func (s *Scene) Legend() []string {
	out := make([]string, len(netLegendLines))
	for i, l := range netLegendLines {
		out[i] = lang.T(l)
	}
	return out
}

func (s *Scene) Now(r *sim.Row) []string {
	return []string{"   " + lang.T("now:") + "   " + lang.T("loss") + " = " + ui.Num(r.F) + "   |g| = " + ui.Num(r.GNorm) + "   (" + lang.F("%d weights", len(r.X)) + ")"}
}

// netHint is the status line's hint for a network scenario.
var netHint = []string{"Space to play", "N: network and data", "B: slice plane", "1–4: methods", "? for help"}

func (s *Scene) Hint(touch bool) string {
	if touch {
		return lang.T("Play to train · a panel's header picks its method")
	}
	if s.hint.lang != lang.Current() || s.hint.text == "" {
		parts := make([]string, len(netHint))
		for i, h := range netHint {
			parts[i] = lang.T(h)
		}
		s.hint.text, s.hint.lang = strings.Join(parts, " · "), lang.Current()
	}
	return s.hint.text
}
