package scenario

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"curvlab/sim"
	"curvlab/sim/nn"

	"curvlab/sim/la"
)

// Network describes a tiny-MLP scenario: the architecture, the loss, the
// seed of the initial weights, and the generated dataset. Its text forms,
// used by links (fields net= and d=) and by the CLI (--network, --dataset):
//
//	network  act:w1[,w2[,w3]][,loss=mse|ce][,init=K]   e.g. tanh:8,8 or relu:4,loss=ce
//	dataset  name[:n=N,noise=σ,seed=K]                    e.g. circle or spiral:n=100,noise=0.05
//	         points:P[,test=F,seed=K]                     the user's own points, P in the compact
//	                                                      form of nn.Points.EncodeLink
//
// act is tanh, relu or sigmoid; w1..w3 are the widths of 1 to 3 hidden
// layers, each 1 to nn.MaxWidth units. The network has 2 inputs and one
// output. The weights start from nn's deterministic initialization with
// seed init, so a link reproduces the same network, data and start.
type Network struct {
	Act    nn.Activation
	Hidden []int
	// NetVals holds the values of NetParams (loss, init), DataVals those of
	// DataParams (n, noise, seed).
	NetVals  []float64
	Data     string
	DataVals []float64
	// Own, when not nil, holds the user's own points in place of a
	// generated data set: Data is then OwnDataName, and DataVals keep
	// their defaults.
	Own *OwnData
}

// OwnDataName is the data set name of the user's own points.
const OwnDataName = "points"

// OwnData is a user's own labelled points, with how to hold some out for
// testing when they come without a split.
type OwnData struct {
	Points nn.Points
	// OwnVals holds the values of OwnParams (test, seed).
	OwnVals []float64
}

// OwnParams are the keys of an own data spec after its points.
var OwnParams = []sim.Param{
	{Key: "test", Desc: "fraction of the points held out for testing, when the data give no split", Default: 0.25, Min: 0, Max: 0.5},
	{Key: "seed", Desc: "seed of the test split", Default: 1, Min: 0, Max: 1e9, Int: true},
}

// SetOwnData makes n's data the points p (checked as Validate does).
func (n *Network) SetOwnData(p nn.Points) error {
	own := &OwnData{Points: p, OwnVals: sim.Defaults(OwnParams)}
	if err := own.validate(); err != nil {
		return err
	}
	n.Data, n.DataVals, n.Own = OwnDataName, sim.Defaults(DataParams), own
	return nil
}

// validate checks the points: as many as a link holds, on its grid, with
// labels 0 or 1 and a split that leaves points to train and to test on.
func (o *OwnData) validate() error {
	p := &o.Points
	if p.N() < nn.MinPoints || len(p.X) != 2*p.N() || p.Test != nil && len(p.Test) != p.N() {
		return fmt.Errorf("own data: %d points, at least %d are needed", p.N(), nn.MinPoints)
	}
	for _, y := range p.Y {
		if y != 0 && y != 1 {
			return fmt.Errorf("own data: a label is %v, labels are 0 or 1", y)
		}
	}
	if err := scCheckLinkPoints(p.X, "x1", "x2"); err != nil {
		return fmt.Errorf("own data: %v", err)
	}
	if err := p.CheckSplit(); err != nil {
		return fmt.Errorf("own data: the split %v", err)
	}
	return scCheckValues("own data", o.OwnVals, OwnParams)
}

// spec is the points' compact form.
func (o *OwnData) spec() string {
	s, _ := o.Points.EncodeLink()
	return s
}

// NetParams are the keys of a network spec after its widths.
var NetParams = []sim.Param{
	{Key: "loss", Desc: "loss: squared error on the output, or cross-entropy of its sigmoid", Choices: nn.LossNames()},
	{Key: "init", Desc: "seed of the initial weights", Default: 1, Min: 0, Max: 1e9, Int: true},
}

// DataParams are the keys of a dataset spec.
var DataParams = []sim.Param{
	{Key: "n", Desc: "number of points, train and test together", Default: 200, Min: 8, Max: 1000, Int: true},
	{Key: "noise", Desc: "noise added to the points", Default: 0.1, Min: 0, Max: 1},
	{Key: "seed", Desc: "seed of the generator", Default: 1, Min: 0, Max: 1e9, Int: true},
}

// widthParam is a hidden layer's width in a network spec.
var widthParam = sim.Param{Key: "width", Desc: "units of a hidden layer", Default: 8, Min: 1, Max: nn.MaxWidth, Int: true}

// DefaultNetwork is a 2-8-8-1 tanh MLP with squared error on the circle
// dataset of 200 points.
func DefaultNetwork() Network {
	return Network{Act: nn.Tanh, Hidden: []int{8, 8}, NetVals: sim.Defaults(NetParams), Data: "circle", DataVals: sim.Defaults(DataParams)}
}

// ParseNetwork reads a network spec into n's architecture fields.
func (n *Network) ParseNetwork(spec string) error {
	name, rest, _ := strings.Cut(spec, ":")
	act, err := nn.ParseActivation(name)
	if err != nil {
		return fmt.Errorf("network: unknown activation %s (accepted: %s)", sim.Quote(name), strings.Join(nn.ActivationNames(), ", "))
	}
	var widths []int
	var sets []string
	if rest != "" {
		for _, item := range strings.Split(rest, ",") {
			if strings.Contains(item, "=") {
				sets = append(sets, item)
				continue
			}
			if len(sets) > 0 {
				return fmt.Errorf("network: width %s after a key=value setting (widths come first)", sim.Quote(item))
			}
			w, err := widthParam.ParseAs("layer width ", item)
			if err != nil {
				return fmt.Errorf("network: %v", err)
			}
			widths = append(widths, int(w))
		}
	}
	if len(widths) < 1 || len(widths) > nn.MaxHidden {
		return fmt.Errorf("network: give 1 to %d hidden layer widths after the activation, e.g. tanh:8,8 (got %d)", nn.MaxHidden, len(widths))
	}
	vals, err := scParseSettings("network", strings.Join(sets, ","), NetParams)
	if err != nil {
		return err
	}
	n.Act, n.Hidden, n.NetVals = act, widths, vals
	return nil
}

// ParseDataset reads a dataset spec into n's data fields.
func (n *Network) ParseDataset(spec string) error {
	name, set, _ := strings.Cut(spec, ":")
	if name == OwnDataName {
		enc, rest, _ := strings.Cut(set, ",")
		p, err := nn.DecodeLinkPoints(enc)
		if err != nil {
			return fmt.Errorf("dataset points: %v", strings.TrimPrefix(err.Error(), "points: "))
		}
		vals, err := scParseSettings("dataset points", rest, OwnParams)
		if err != nil {
			return err
		}
		n.Data, n.DataVals, n.Own = OwnDataName, sim.Defaults(DataParams), &OwnData{Points: p, OwnVals: vals}
		return nil
	}
	if slices.Index(nn.DatasetNames(), name) < 0 {
		return fmt.Errorf("unknown dataset %s (accepted: %s)", sim.Quote(name), strings.Join(nn.DatasetNames(), ", "))
	}
	vals, err := scParseSettings("dataset "+name, set, DataParams)
	if err != nil {
		return err
	}
	n.Data, n.DataVals, n.Own = name, vals, nil
	return nil
}

// NetworkSpec writes the network spec in canonical form (defaults omitted).
func (n Network) NetworkSpec() string {
	var b strings.Builder
	b.WriteString(n.Act.String())
	for i, w := range n.Hidden {
		if i == 0 {
			b.WriteByte(':')
		} else {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Itoa(w))
	}
	if set := sim.FormatSettings(n.NetVals, NetParams); set != "" {
		b.WriteByte(',')
		b.WriteString(set)
	}
	return b.String()
}

// DatasetSpec writes the dataset spec in canonical form (defaults omitted).
func (n Network) DatasetSpec() string {
	if n.Own != nil {
		s := OwnDataName + ":" + n.Own.spec()
		if set := sim.FormatSettings(n.Own.OwnVals, OwnParams); set != "" {
			s += "," + set
		}
		return s
	}
	if set := sim.FormatSettings(n.DataVals, DataParams); set != "" {
		return n.Data + ":" + set
	}
	return n.Data
}

// Arch is the network's architecture for package nn.
func (n Network) Arch() nn.Arch {
	return nn.Arch{Hidden: append([]int(nil), n.Hidden...), Act: n.Act, Loss: nn.LossKind(n.NetVals[0])}
}

// Clone returns a copy that shares no slices with n.
func (n Network) Clone() Network {
	c := n
	c.Hidden = append([]int(nil), n.Hidden...)
	c.NetVals = append([]float64(nil), n.NetVals...)
	c.DataVals = append([]float64(nil), n.DataVals...)
	if n.Own != nil {
		o := OwnData{OwnVals: append([]float64(nil), n.Own.OwnVals...)}
		o.Points.X = append([]float64(nil), n.Own.Points.X...)
		o.Points.Y = append([]float64(nil), n.Own.Points.Y...)
		if n.Own.Points.Test != nil {
			o.Points.Test = append([]bool(nil), n.Own.Points.Test...)
		}
		c.Own = &o
	}
	return c
}

// Equal reports whether n and o describe the same network and data.
func (n Network) Equal(o Network) bool {
	if n.Act != o.Act || n.Data != o.Data || len(n.Hidden) != len(o.Hidden) {
		return false
	}
	for i := range n.Hidden {
		if n.Hidden[i] != o.Hidden[i] {
			return false
		}
	}
	if (n.Own == nil) != (o.Own == nil) || n.Own != nil &&
		(!slices.Equal(n.Own.Points.X, o.Own.Points.X) || !slices.Equal(n.Own.Points.Y, o.Own.Points.Y) ||
			!slices.Equal(n.Own.Points.Test, o.Own.Points.Test) || !slices.Equal(n.Own.OwnVals, o.Own.OwnVals)) {
		return false
	}
	return slices.Equal(n.NetVals, o.NetVals) && slices.Equal(n.DataVals, o.DataVals)
}

// Validate checks values set by hand.
func (n Network) Validate() error {
	if _, err := nn.ParseActivation(n.Act.String()); err != nil {
		return fmt.Errorf("network: unknown activation")
	}
	if len(n.Hidden) < 1 || len(n.Hidden) > nn.MaxHidden {
		return fmt.Errorf("network: %d hidden layers, want 1 to %d", len(n.Hidden), nn.MaxHidden)
	}
	for _, w := range n.Hidden {
		if w < 1 || w > nn.MaxWidth {
			return fmt.Errorf("network: layer width %d, want 1 to %d", w, nn.MaxWidth)
		}
	}
	if err := scCheckValues("network", n.NetVals, NetParams); err != nil {
		return err
	}
	if (n.Data == OwnDataName) != (n.Own != nil) {
		return fmt.Errorf("network: own data must be named %s, and %s must hold own data", OwnDataName, OwnDataName)
	}
	if n.Own != nil {
		return n.Own.validate()
	}
	if slices.Index(nn.DatasetNames(), n.Data) < 0 {
		return fmt.Errorf("unknown dataset %s (accepted: %s)", sim.Quote(n.Data), strings.Join(nn.DatasetNames(), ", "))
	}
	return scCheckValues("dataset "+n.Data, n.DataVals, DataParams)
}

// NetProblem is a built network scenario: the training loss (the objective
// every method minimizes, full batch), the loss on the held-out test split,
// the data, and the initial weights.
type NetProblem struct {
	Net         Network
	Train, Test nn.Dataset
	// TrainLoss is the objective; TestLoss the same network on Test. Each
	// keeps workspace: use them from one goroutine.
	TrainLoss, TestLoss *nn.MLP
	Init                []float64
}

// Build generates the data, builds both losses and the initial weights.
func (n Network) Build() (*NetProblem, error) {
	if err := n.Validate(); err != nil {
		return nil, err
	}
	var train, test nn.Dataset
	var err error
	if n.Own != nil {
		train, test = n.Own.Points.Split(n.Own.OwnVals[0], uint64(n.Own.OwnVals[1]))
	} else {
		if train, test, err = nn.Generate(n.Data, int(n.DataVals[0]), n.DataVals[1], uint64(n.DataVals[2])); err != nil {
			return nil, err
		}
	}
	p := &NetProblem{Net: n.Clone(), Train: train, Test: test}
	if p.TrainLoss, err = nn.NewMLP(n.Arch(), &p.Train); err != nil {
		return nil, err
	}
	if p.TestLoss, err = nn.NewMLP(n.Arch(), &p.Test); err != nil {
		return nil, err
	}
	p.Init = make([]float64, p.TrainLoss.Dim())
	p.TrainLoss.Init(p.Init, uint64(n.NetVals[1]))
	return p, nil
}

// NetTracker follows one run on a network and computes, for every row of
// its trace, the test loss and the sharpness λ_max(∇²L_train) (warm-started
// Lanczos on Hessian-vector products, nn.Sharpness), and, for an adaptive
// method (sim.Preconditioner), the preconditioned sharpness λ_max(P⁻¹H)
// with the P of its latest step. It measures each row as the run records
// it (Run.Watch), since the trace keeps the weights of a few rows only;
// TestLoss[k], Sharpness[k] and SharpnessPre[k] are those of row k
// (SharpnessPre NaN for other methods and before the first step).
type NetTracker struct {
	p                                 *NetProblem
	sharp, sharpPre                   nn.Sharpness
	pre                               sim.Preconditioner // the run's method, if adaptive
	op                                nn.Preconditioned
	diag                              []float64
	TestLoss, Sharpness, SharpnessPre []float64
}

// Measures reports whether t can measure weights (Measure): false for
// a mirror that holds what a tracker measured elsewhere (the engine's
// client builds those).
func (t *NetTracker) Measures() bool { return t != nil && t.p != nil }

// NewNetTracker prepares a tracker for runs of p.
func NewNetTracker(p *NetProblem) *NetTracker { return &NetTracker{p: p} }

// Follow measures the rows r recorded so far and every row it records from
// now on. Rows whose weights the trace no longer keeps (r stepped before
// Follow) are measured NaN: follow a run right after NewRun.
func (t *NetTracker) Follow(r *sim.Run) {
	if pre, ok := r.Method.(sim.Preconditioner); ok {
		n := t.p.TrainLoss.Dim()
		t.pre, t.diag = pre, make([]float64, n)
		t.op = nn.Preconditioned{Op: t.p.TrainLoss, D: make([]float64, n)}
	}
	for k := len(t.TestLoss); k < len(r.Trace); k++ {
		t.add(r.X(k))
	}
	r.Watch(t.add)
}

func (t *NetTracker) add(x []float64) {
	test, sharp, pre := math.NaN(), math.NaN(), math.NaN()
	if x != nil {
		test, sharp = t.Measure(x)
		pre = t.measurePre(x)
	}
	t.TestLoss = append(t.TestLoss, test)
	t.Sharpness = append(t.Sharpness, sharp)
	t.SharpnessPre = append(t.SharpnessPre, pre)
}

// measurePre is λ_max(P⁻¹H) at x, P the adaptive method's latest (NaN
// when the method is not adaptive, has not stepped, or x is not finite).
func (t *NetTracker) measurePre(x []float64) float64 {
	if t.pre == nil || !la.IsFinite(x) || !t.pre.Precond(t.diag) {
		return math.NaN()
	}
	for i, p := range t.diag {
		t.op.D[i] = 1 / math.Sqrt(p)
	}
	return t.sharpPre.Top(&t.op, x)
}

// Measure returns the test loss and the sharpness at weights x (NaN for
// both when x is not finite), warm-starting from the previous call.
func (t *NetTracker) Measure(x []float64) (testLoss, sharpness float64) {
	if !la.IsFinite(x) {
		return math.NaN(), math.NaN()
	}
	return t.p.TestLoss.Func(x), t.sharp.Top(t.p.TrainLoss, x)
}
