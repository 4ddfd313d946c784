package scenario

import (
	"curvlab/lang"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"curvlab/sim"
	"curvlab/sim/nn"
	"curvlab/sim/surfaces"
)

// A Scenario is everything needed to reproduce what the app shows: a
// surface with its parameters, a start point, one method spec per panel, a
// step budget, a tolerance, the view window and opaque UI flags. The app and
// the CLI share it; its compact text form is the app's URL fragment and the
// CLI's --scenario argument:
//
//	v1;s=rosenbrock:a=1,b=100;x=-1.2,1;m=gd:lr=0.001;m=newton;m=sr1;n=500;t=1e-8;w=-2,2,-1,3;u=ec
//
// Fields are separated by ';', each key=value, after the version "v1":
//
//	s  surface spec name[:key=value,...] (required, or f)
//	f  a formula f(x, y) typed by the user, percent-encoded (in place of s;
//	   see package formula), then [:key=value,...] the values of the
//	   parameters a, b, c, d it uses: the typed surface, default view [−3, 3]²
//	x  start point, comma-separated, one number per dimension (required;
//	   with f, default −2,2)
//	p  the points of a line fit (with s=linefit; default: its own five),
//	   4 characters a point (nn.EncodeLinkPairs): at most
//	   nn.MaxLinkPoints of them, coordinates multiples of nn.LinkStep in
//	   [−nn.LinkRange, nn.LinkRange)
//	m  method spec name[:key=value,...], 1 to MaxPanels times, in panel order
//	g  a ghost: K:spec, the pinned run of method spec kept faint in panel
//	   K (1-based) beside its own (surfaces only); up to MaxGhosts a panel
//	n  step budget, an integer in 1..MaxSteps (default DefaultSteps)
//	t  tolerance on ‖g‖ in [0, 1] (default DefaultTol; 0 never stops)
//	w  view window xmin,xmax,ymin,ymax (default: the surface's View)
//	z  the panels drawn in 3D and the camera: panels:azimuth,elevation,
//	   e.g. 13:-30,35 (see View3D; surfaces only)
//	y  the app's parameter sweep: key:from,to,n[,log], e.g.
//	   lr:0.0001,0.01,40,log (see SweepSpec)
//	u  opaque UI flags of the app: up to MaxUILen characters of a-z, 0-9
//	   (the app's letters: app/scene.Flags; README, "Embedding in a course
//	   page")
//	l  the guided lesson being followed and its step: name.step, e.g.
//	   sr1-learns.2 (see Lesson; the step is 1-based)
//	lang  the language of the app's words: zh (Simplified Chinese) or en,
//	   the default (see package lang)
//
// A network scenario trains a tiny MLP instead of walking a surface: it has
// the fields net (network spec) and d (dataset spec, default circle) in
// place of s, x and w — the start is the network's seeded initial weights,
// too many numbers for a link — for example
//
//	v1;net=tanh:8,8;d=circle:n=200;m=gd:lr=0.1;n=2000;t=0
//
// See Network for the two specs.
//
// Encode writes the canonical form (fields in the order above, defaults
// omitted, numbers in their shortest exact form); every character it uses is
// legal in a URL fragment. Decode reads links from strangers and is strict:
// see Decode.
//
// Build a Scenario with Decode, Default, or by filling the fields
// and calling SetSurface; check one built by hand with Validate before
// encoding it.
type Scenario struct {
	SurfaceKind *surfaces.Kind
	SurfaceVals []float64 // in SurfaceKind.Params order
	// Formula is the typed surface's formula when SurfaceKind is
	// surfaces.FormulaKind (set it with SetFormula), "" otherwise.
	Formula string
	// Fit is the points (x₀, y₀, x₁, y₁, …) of a line fit when
	// SurfaceKind is surfaces.LineFitKind (set them with SetFit; nil: the
	// surface's default points), nil otherwise.
	Fit     []float64
	Methods []sim.Spec // one per panel, 1..MaxPanels
	// Ghosts are runs pinned in their panels (see Ghost), in the order
	// they were pinned.
	Ghosts []Ghost
	Start  []float64
	Steps  int
	Tol    float64
	View   *surfaces.Window // nil: the surface's default View
	// Solid says which panels draw the surface in 3D, and the camera.
	Solid View3D
	// Sweep is the parameter sweep the app draws when its Sweep toggle
	// is on.
	Sweep SweepSpec
	UI    string
	// Lesson is the guided lesson being followed and its step (zero: none).
	Lesson LessonRef
	// Lang is the language the app speaks (the zero value: English).
	Lang lang.Lang
	// Net, when not nil, makes this a network scenario (Kind is
	// KindNetwork): SurfaceKind is nil, Start is the network's initial
	// weights and View is nil.
	Net *Network

	// The network problem built from Net, reused while Net is unchanged.
	netProb *NetProblem

	// The surface built from SurfaceKind and surfVals, reused while they
	// still match SurfaceKind and SurfaceVals.
	surf        surfaces.Surface
	surfKind    *surfaces.Kind
	surfVals    []float64
	surfFormula string
	surfFit     []float64
}

// A Ghost is a run a teacher pinned to compare against: the path of
// method Spec from the scenario's start, drawn faint in panel Panel
// (0-based) while the panel's own method changes (lr = 0.01 against 0.02).
type Ghost struct {
	Panel int
	Spec  sim.Spec
}

// MaxGhosts is the most ghosts a panel keeps.
const MaxGhosts = 4

// Kind is what a scenario is about: a surface to walk, or a network to
// train. A Scenario's kind follows from its fields (Scenario.Kind); the zero
// Kind is KindSurface, as the zero Scenario has no network.
type Kind int

const (
	// KindSurface walks a 2D surface: SurfaceKind, SurfaceVals, Start and
	// View say which, from where, and what is shown.
	KindSurface Kind = iota
	// KindNetwork trains a tiny MLP: Net says which, Start is its seeded
	// initial weights, and there is no surface and no view.
	KindNetwork
)

var kindNames = [...]string{KindSurface: "surface", KindNetwork: "network"}

// String is the kind's name: "surface" or "network".
func (k Kind) String() string {
	if k >= 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Kind is KindNetwork when Net is set, KindSurface otherwise.
func (s Scenario) Kind() Kind {
	if s.Net != nil {
		return KindNetwork
	}
	return KindSurface
}

// Limits and defaults of a Scenario.
const (
	Version      = "v1"
	MaxPanels    = 4
	DefaultSteps = 500
	MaxSteps     = 100000
	DefaultTol   = 1e-8
	// MaxLinkLen bounds the text form, before and after percent-decoding:
	// room for nn.MaxLinkPoints points of data (4 characters each) and
	// the rest of a scenario.
	MaxLinkLen = 4500
	// MaxStartCoord bounds |x_i| of the start point.
	MaxStartCoord = 1e6
	// MaxViewCoord bounds the view window's coordinates and MaxViewSize its
	// width and height.
	MaxViewCoord = 1e7
	MaxViewSize  = 1e7
	// MinViewRel is the smallest width or height of a view window relative
	// to the size of its coordinates (max(1, |coordinates|)): narrower
	// windows could not be drawn with float64 pixel coordinates.
	MinViewRel = 1e-9
	MaxUILen   = 24
)

// StepsParam and TolParam are the scenario's n and t, read and checked by
// Decode, Validate and the CLI's --steps and --tol alike.
var (
	StepsParam = sim.Param{Key: "n", Desc: "step budget", Default: DefaultSteps, Min: 1, Max: MaxSteps, Int: true}
	TolParam   = sim.Param{Key: "t", Desc: "tolerance on ‖g‖ (0 never stops)", Default: DefaultTol, Min: 0, Max: 1}
)

// defaultScenarioText is the scenario the app opens with: the lesson that
// curvature sets the step, on Rosenbrock's banana valley from its standard
// start. lr = 0.001 is stable there: 2/λ_max(∇²f(−1.2, 1)) ≈ 0.00133.
const defaultScenarioText = "v1;s=rosenbrock;x=-1.2,1;m=gd:lr=0.001;m=newton;m=sr1"

// Default is Rosenbrock from (−1.2, 1) with gradient descent
// (lr = 0.001), Newton and SR1 side by side, 500 steps.
func Default() Scenario {
	s, err := Decode(defaultScenarioText)
	if err != nil {
		panic("sim: default scenario: " + err.Error())
	}
	return s
}

// SetSurface sets the surface kind and its parameter values (in
// k.Params order, checked against their ranges) and builds the surface.
func (s *Scenario) SetSurface(k *surfaces.Kind, vals []float64) error {
	if k == nil {
		return fmt.Errorf("no surface")
	}
	if k == surfaces.FormulaKind {
		if s.SurfaceKind != surfaces.FormulaKind {
			return fmt.Errorf("a typed surface is set with its formula (SetFormula)")
		}
		return s.setFormula(s.Formula, vals) // new values of its parameters
	}
	if err := scCheckValues("surface "+k.Name, vals, k.Params); err != nil {
		return err
	}
	s.SurfaceKind = k
	s.SurfaceVals = append([]float64(nil), vals...)
	s.Formula, s.Fit = "", nil
	s.surfKind = k
	s.surfVals = append([]float64(nil), vals...)
	s.surfFormula, s.surfFit = "", nil
	s.surf = k.New(s.surfVals)
	return nil
}

// SetFit makes the surface the line fit of the points xy = (x₀, y₀, x₁,
// y₁, …), which a link must hold exactly (nn.PairsFitLink): at most
// nn.MaxLinkPoints of them, on its grid. Points it refuses leave s as it
// was.
func (s *Scenario) SetFit(xy []float64) error {
	f, err := surfaces.NewLineFit(xy)
	if err != nil {
		return err
	}
	if err := scCheckLinkPoints(xy, "x", "y"); err != nil {
		return fmt.Errorf("line fit: %v", err)
	}
	xy = append([]float64(nil), xy...)
	s.SurfaceKind, s.SurfaceVals, s.Formula, s.Fit = surfaces.LineFitKind, nil, "", xy
	s.surfKind, s.surfVals, s.surfFormula, s.surfFit, s.surf = surfaces.LineFitKind, nil, "", xy, f
	return nil
}

// SetFormula makes the surface the formula src typed by the user (in its
// canonical form, surfaces.CanonicalFormula), compiled once. The values of
// the parameters it uses (a, b, c, d) are kept from the formula before, if
// there was one; the others are 1. A formula that does not compile leaves
// s as it was and gives an error saying what is wrong and at which column.
func (s *Scenario) SetFormula(src string) error {
	vals := sim.Defaults(surfaces.FormulaKind.Params)
	if s.SurfaceKind == surfaces.FormulaKind && len(s.SurfaceVals) == len(vals) {
		vals = append(vals[:0], s.SurfaceVals...)
	}
	return s.setFormula(src, vals)
}

// setFormula makes the surface the formula src with parameter values
// vals, the unused ones set back to 1.
func (s *Scenario) setFormula(src string, vals []float64) error {
	src = surfaces.CanonicalFormula(src)
	f, err := surfaces.NewFormula(src)
	if err != nil {
		return fmt.Errorf("formula: %v", err)
	}
	if err := scCheckValues("formula", vals, surfaces.FormulaKind.Params); err != nil {
		return err
	}
	vals = append([]float64(nil), vals...)
	for i, p := range surfaces.FormulaKind.Params {
		if !f.Uses(i) {
			vals[i] = p.Default
		}
	}
	f.SetParams(vals)
	s.SurfaceKind, s.SurfaceVals, s.Formula, s.Fit = surfaces.FormulaKind, vals, src, nil
	s.surfKind, s.surfVals, s.surfFormula, s.surfFit, s.surf = surfaces.FormulaKind, slices.Clone(vals), src, nil, f
	return nil
}

// Surface returns the scenario's surface: the one built by SetSurface or
// Decode while SurfaceKind and SurfaceVals are unchanged, a newly built one
// otherwise. SurfaceKind must be set.
//
// A typed surface holds its evaluation's workspace: scenarios that share
// it (copies of one another) are for one goroutine; a formula that does
// not compile (set by hand, not validated) gives a surface that is NaN
// everywhere.
func (s Scenario) Surface() surfaces.Surface {
	if s.surf != nil && s.surfKind == s.SurfaceKind && slices.Equal(s.surfVals, s.SurfaceVals) && s.surfFormula == s.Formula &&
		slices.Equal(s.surfFit, s.Fit) {
		return s.surf
	}
	return s.NewSurface()
}

// NewSurface builds the scenario's surface afresh, shared with no other
// (a typed surface holds its workspace: each goroutine needs its own).
// SurfaceKind must be set; points or a formula that cannot be built give a
// surface that is NaN everywhere.
func (s Scenario) NewSurface() surfaces.Surface {
	if s.SurfaceKind == surfaces.LineFitKind && s.Fit != nil {
		f, err := surfaces.NewLineFit(s.Fit)
		if err != nil {
			return surfaces.NaNSurface{}
		}
		return f
	}
	if s.SurfaceKind == surfaces.FormulaKind {
		f, err := surfaces.NewFormula(s.Formula)
		if err != nil {
			return surfaces.NaNSurface{}
		}
		f.SetParams(s.SurfaceVals)
		return f
	}
	return s.SurfaceKind.New(s.SurfaceVals)
}

// SetNetwork makes s a network scenario of n: it builds the data and the
// network and sets Start to the initial weights.
func (s *Scenario) SetNetwork(n Network) error {
	p, err := n.Build()
	if err != nil {
		return err
	}
	s.SurfaceKind, s.SurfaceVals, s.Formula, s.Fit, s.surf, s.surfKind, s.surfVals, s.surfFit, s.View = nil, nil, "", nil, nil, nil, nil, nil, nil
	s.Net = &p.Net
	s.netProb = p
	s.Start = append([]float64(nil), p.Init...)
	return nil
}

// NetProblem returns the built network problem of a network scenario:
// the one built by SetNetwork or Decode while Net is unchanged, a newly
// built one otherwise (nil if Net is nil or cannot be built).
func (s Scenario) NetProblem() *NetProblem {
	if s.Net == nil {
		return nil
	}
	if s.netProb != nil && s.netProb.Net.Equal(*s.Net) {
		return s.netProb
	}
	p, err := s.Net.Build()
	if err != nil {
		return nil
	}
	return p
}

// Objective is what the methods minimize: the surface, or the training
// loss of the network.
func (s Scenario) Objective() sim.Objective {
	if s.Kind() == KindNetwork {
		return s.NetProblem().TrainLoss
	}
	return s.Surface()
}

// ViewWindow is the window to draw: View if set, else the surface's default.
func (s Scenario) ViewWindow() surfaces.Window {
	if s.View != nil {
		return *s.View
	}
	return s.Surface().View()
}

// NewRuns builds one Run per panel, each starting at Start with tolerance
// Tol and budget Steps (its trace grows with the rows computed, within
// room for Steps+1). The runs share the scenario's
// Surface, so step them from one goroutine.
func (s Scenario) NewRuns() []*sim.Run { return s.NewRunsWith(sim.RunOptions{}) }

// NewRunsWith is NewRuns with the storage settings of opt (CurvMaxDim,
// VectorLimit, KeepVectors); Tol and Budget come from the scenario.
func (s Scenario) NewRunsWith(opt sim.RunOptions) []*sim.Run {
	obj := s.Objective()
	opt.Tol, opt.Budget = s.Tol, s.Steps
	if opt.VectorLimit == 0 {
		opt.VectorLimit = s.vectorLimit()
	}
	runs := make([]*sim.Run, len(s.Methods))
	for i, sp := range s.Methods {
		runs[i] = sim.NewRun(obj, sp.New(), s.Start, opt)
	}
	return runs
}

// Clone returns a copy that shares no slices with s.
func (s Scenario) Clone() Scenario {
	c := s
	c.SurfaceVals = append([]float64(nil), s.SurfaceVals...)
	if s.Fit != nil {
		c.Fit = append([]float64(nil), s.Fit...)
	}
	c.Start = append([]float64(nil), s.Start...)
	c.Methods = make([]sim.Spec, len(s.Methods))
	for i, sp := range s.Methods {
		c.Methods[i] = sim.Spec{Kind: sp.Kind, Values: append([]float64(nil), sp.Values...)}
	}
	c.Ghosts = nil
	for _, g := range s.Ghosts {
		c.Ghosts = append(c.Ghosts, Ghost{Panel: g.Panel, Spec: sim.Spec{Kind: g.Spec.Kind, Values: slices.Clone(g.Spec.Values)}})
	}
	if s.View != nil {
		v := *s.View
		c.View = &v
	}
	if s.Net != nil {
		n := s.Net.Clone()
		c.Net = &n
	}
	return c
}

// Equal reports whether s and o describe the same scenario (numbers
// compared with ==, so −0 equals 0).
func (s Scenario) Equal(o Scenario) bool {
	if s.SurfaceKind != o.SurfaceKind || !slices.Equal(s.SurfaceVals, o.SurfaceVals) || s.Formula != o.Formula ||
		!slices.Equal(s.Fit, o.Fit) || (s.Fit == nil) != (o.Fit == nil) || len(s.Methods) != len(o.Methods) || !slices.Equal(s.Start, o.Start) ||
		s.Steps != o.Steps || s.Tol != o.Tol || s.UI != o.UI || s.Lesson != o.Lesson || s.Lang != o.Lang || s.Solid != o.Solid || s.Sweep != o.Sweep || (s.View == nil) != (o.View == nil) {
		return false
	}
	if s.View != nil && *s.View != *o.View {
		return false
	}
	if (s.Net == nil) != (o.Net == nil) || s.Net != nil && !s.Net.Equal(*o.Net) {
		return false
	}
	return slices.EqualFunc(s.Methods, o.Methods, sim.Spec.Equal) && slices.EqualFunc(s.Ghosts, o.Ghosts, Ghost.Equal)
}

// Equal reports whether g and o are the same ghost.
func (g Ghost) Equal(o Ghost) bool { return g.Panel == o.Panel && g.Spec.Equal(o.Spec) }

// String is Encode.
func (s Scenario) String() string { return s.Encode() }

// Encode writes the canonical text form: v1, then s, x, m..., n, t, w, z,
// y, u, omitting n, t and u when they have their defaults, w when View is
// nil, z when no panel is in 3D and y for the default sweep.
// SurfaceKind and every method's Kind must be set.
func (s Scenario) Encode() string {
	var b strings.Builder
	b.WriteString(Version)
	if s.Kind() == KindNetwork {
		b.WriteString(";net=")
		b.WriteString(s.Net.NetworkSpec())
		b.WriteString(";d=")
		b.WriteString(s.Net.DatasetSpec())
	} else {
		if s.SurfaceKind == surfaces.FormulaKind {
			b.WriteString(";f=")
			scWriteEscaped(&b, s.Formula)
			if set := sim.FormatSettings(s.SurfaceVals, s.SurfaceKind.Params); set != "" {
				b.WriteByte(':')
				b.WriteString(set)
			}
		} else {
			b.WriteString(";s=")
			b.WriteString(s.SurfaceKind.Name)
			if set := sim.FormatSettings(s.SurfaceVals, s.SurfaceKind.Params); set != "" {
				b.WriteByte(':')
				b.WriteString(set)
			}
		}
		if s.Fit != nil {
			b.WriteString(";p=")
			enc, _ := nn.EncodeLinkPairs(s.Fit) // Validate says when it cannot
			b.WriteString(enc)
		}
		b.WriteString(";x=")
		scWriteFloats(&b, s.Start)
	}
	for _, m := range s.Methods {
		b.WriteString(";m=")
		b.WriteString(m.String())
	}
	for _, g := range s.Ghosts {
		b.WriteString(";g=")
		b.WriteString(strconv.Itoa(g.Panel + 1))
		b.WriteByte(':')
		b.WriteString(g.Spec.String())
	}
	if s.Steps != DefaultSteps {
		b.WriteString(";n=")
		b.WriteString(strconv.Itoa(s.Steps))
	}
	if s.Tol != DefaultTol {
		b.WriteString(";t=")
		b.WriteString(sim.FormatFloat(s.Tol))
	}
	if s.View != nil {
		b.WriteString(";w=")
		w := s.View
		scWriteFloats(&b, []float64{w.XMin, w.XMax, w.YMin, w.YMax})
	}
	if s.Solid.On() {
		b.WriteString(";z=")
		b.WriteString(s.Solid.String())
	}
	if s.Sweep.Key != "" {
		b.WriteString(";y=")
		b.WriteString(s.Sweep.String())
	}
	if s.UI != "" {
		b.WriteString(";u=")
		b.WriteString(s.UI)
	}
	if s.Lesson != (LessonRef{}) {
		b.WriteString(";l=")
		b.WriteString(s.Lesson.String())
	}
	if s.Lang != lang.English {
		b.WriteString(";lang=")
		b.WriteString(s.Lang.String())
	}
	return b.String()
}

// Validate checks everything Decode checks about the values: the surface
// and method parameters, 1..MaxPanels methods, the start's dimension and
// range, the step budget, the tolerance, the view window, the UI flags and
// the length of the encoded text.
func (s Scenario) Validate() error {
	name := "network"
	if s.Kind() == KindNetwork {
		if s.SurfaceKind != nil || s.View != nil {
			return fmt.Errorf("a network scenario has no surface and no view window")
		}
		if err := s.Net.Validate(); err != nil {
			return err
		}
	} else {
		if s.SurfaceKind == nil {
			return fmt.Errorf("no surface")
		}
		name = "surface " + s.SurfaceKind.Name
		if s.SurfaceKind == surfaces.FormulaKind {
			name = "the formula"
			compiled := s.surf != nil && s.surfKind == surfaces.FormulaKind && s.surfFormula == s.Formula // by SetFormula
			if !compiled {
				if _, err := surfaces.NewFormula(s.Formula); err != nil {
					return fmt.Errorf("formula: %v", err)
				}
			}
			if err := scCheckValues("formula", s.SurfaceVals, s.SurfaceKind.Params); err != nil {
				return err
			}
		} else if s.Formula != "" {
			return fmt.Errorf("a formula is given with surface %s", s.SurfaceKind.Name)
		} else if err := scCheckValues(name, s.SurfaceVals, s.SurfaceKind.Params); err != nil {
			return err
		}
		if s.Fit != nil {
			if s.SurfaceKind != surfaces.LineFitKind {
				return fmt.Errorf("points of a line fit are given with surface %s", s.SurfaceKind.Name)
			}
			if err := surfaces.CheckFitPoints(s.Fit); err != nil {
				return err
			}
			if err := scCheckLinkPoints(s.Fit, "x", "y"); err != nil {
				return fmt.Errorf("line fit: %v", err)
			}
		}
	}
	if len(s.Methods) == 0 {
		return fmt.Errorf("no method: give at least one (m=name)")
	}
	if len(s.Methods) > MaxPanels {
		return fmt.Errorf("%d methods given, at most %d (one per panel)", len(s.Methods), MaxPanels)
	}
	for i, m := range s.Methods {
		if m.Kind == nil {
			return fmt.Errorf("panel %d has no method", i+1)
		}
		if err := scCheckValues("method "+m.Kind.Name, m.Values, m.Kind.Params); err != nil {
			return err
		}
	}
	if err := s.checkTraining(name); err != nil {
		return err
	}
	var ghosts [MaxPanels]int
	for _, g := range s.Ghosts {
		switch {
		case s.Kind() == KindNetwork:
			return fmt.Errorf("a ghost is a surface's run: a network scenario has none")
		case g.Panel < 0 || g.Panel >= len(s.Methods):
			return fmt.Errorf("a ghost of panel %d, of %d", g.Panel+1, len(s.Methods))
		case g.Spec.Kind == nil:
			return fmt.Errorf("a ghost of panel %d has no method", g.Panel+1)
		}
		if ghosts[g.Panel]++; ghosts[g.Panel] > MaxGhosts {
			return fmt.Errorf("panel %d has more than %d ghosts", g.Panel+1, MaxGhosts)
		}
		if err := scCheckValues("ghost method "+g.Spec.Kind.Name, g.Spec.Values, g.Spec.Kind.Params); err != nil {
			return err
		}
	}
	if dim := s.Objective().Dim(); len(s.Start) != dim {
		return fmt.Errorf("start has %d %s, %s needs %d", len(s.Start), scPlural(len(s.Start), "coordinate"), name, dim)
	}
	for _, v := range s.Start {
		if !(math.Abs(v) <= MaxStartCoord) {
			return fmt.Errorf("start coordinate %s is out of range [%s, %s]", sim.FormatFloat(v), sim.FormatFloat(-MaxStartCoord), sim.FormatFloat(MaxStartCoord))
		}
	}
	if err := StepsParam.Check(float64(s.Steps)); err != nil {
		return err
	}
	if err := TolParam.Check(s.Tol); err != nil {
		return err
	}
	if s.View != nil {
		if err := CheckWindow(*s.View); err != nil {
			return err
		}
	}
	if s.Solid.On() {
		if s.Kind() == KindNetwork {
			return fmt.Errorf("a 3D view is a surface's: a network scenario has none")
		}
		if err := s.Solid.check(len(s.Methods)); err != nil {
			return err
		}
	}
	if s.Sweep != (SweepSpec{}) {
		if err := s.Sweep.check(s.Methods); err != nil {
			return err
		}
	}
	if !scValidUI(s.UI) {
		return fmt.Errorf("UI flags %s must be at most %d characters of a-z and 0-9", sim.Quote(s.UI), MaxUILen)
	}
	if s.Lesson != (LessonRef{}) {
		if _, err := s.Lesson.Lesson(); err != nil {
			return err
		}
	}
	if n := len(s.Encode()); n > MaxLinkLen {
		return fmt.Errorf("the scenario's text is %d bytes long, at most %d", n, MaxLinkLen)
	}
	return nil
}

// CheckWindow checks a view window: finite coordinates of size at most
// MaxViewCoord, xmin < xmax and ymin < ymax, width and height at most
// MaxViewSize and at least MinViewRel·max(1, |coordinates|).
func CheckWindow(w surfaces.Window) error {
	for _, v := range []float64{w.XMin, w.XMax, w.YMin, w.YMax} {
		if !(math.Abs(v) <= MaxViewCoord) {
			return fmt.Errorf("view window coordinate %s is out of range [%s, %s]", sim.FormatFloat(v), sim.FormatFloat(-MaxViewCoord), sim.FormatFloat(MaxViewCoord))
		}
	}
	for _, a := range []struct {
		axis     string
		lo, hi   float64
		what     string
		min, max string
	}{
		{"x", w.XMin, w.XMax, "width", "xmin", "xmax"},
		{"y", w.YMin, w.YMax, "height", "ymin", "ymax"},
	} {
		if !(a.lo < a.hi) {
			return fmt.Errorf("view window has %s %s not below %s %s", a.min, sim.FormatFloat(a.lo), a.max, sim.FormatFloat(a.hi))
		}
		size := a.hi - a.lo
		if size > MaxViewSize {
			return fmt.Errorf("view window %s %s is larger than %s", a.what, sim.FormatFloat(size), sim.FormatFloat(MaxViewSize))
		}
		if least := MinViewRel * math.Max(1, math.Max(math.Abs(a.lo), math.Abs(a.hi))); size < least {
			return fmt.Errorf("view window %s %s is too small (at least %s there)", a.what, sim.FormatFloat(size), sim.FormatFloat(least))
		}
	}
	return nil
}

// Decode reads a scenario from its text form, as found in a URL fragment.
// It accepts an optional leading '#' and, if the text contains '%',
// percent-decodes it once. It rejects, with one sentence starting "link: "
// that names the problem: text longer than MaxLinkLen bytes (before or
// after decoding), bytes that are not printable ASCII, a bad
// percent-encoding, a missing or unknown version, empty, unknown or
// repeated fields (only m may repeat), a missing s, x or m, more than
// MaxPanels methods, malformed numbers (NaN, Inf, hexadecimal and
// underscores included), values out of range, and a start whose dimension
// differs from the surface's. Error messages quote at most 32 bytes of the
// input, escaped so that they are safe to show in a page.
func Decode(text string) (Scenario, error) {
	s, err := scDecode(text)
	if err != nil {
		return Scenario{}, fmt.Errorf("link: %v", err)
	}
	return s, nil
}

func scDecode(text string) (Scenario, error) {
	var s Scenario
	if len(text) > MaxLinkLen {
		return s, fmt.Errorf("the text is %d bytes long, at most %d", len(text), MaxLinkLen)
	}
	text = strings.TrimPrefix(text, "#")
	if err := scCheckBytes(text); err != nil {
		return s, err
	}
	if strings.Contains(text, "%") {
		var err error
		if text, err = scUnescape(text); err != nil {
			return s, err
		}
		if len(text) > MaxLinkLen {
			return s, fmt.Errorf("the decoded text is %d bytes long, at most %d", len(text), MaxLinkLen)
		}
		if err := scCheckBytes(text); err != nil {
			return s, fmt.Errorf("after percent-decoding, %v", err)
		}
	}
	if text == "" {
		return s, fmt.Errorf("the text is empty, expected %s;s=surface;x=start;m=method", Version)
	}
	fields := strings.Split(text, ";")
	if v := fields[0]; v != Version {
		if len(v) >= 2 && v[0] == 'v' && strings.Trim(v[1:], "0123456789") == "" {
			return s, fmt.Errorf("version %s is not supported (this build reads %s)", sim.Quote(v), Version)
		}
		return s, fmt.Errorf("the text must start with the version %s, not %s", Version, sim.Quote(v))
	}
	seen := map[string]bool{}
	var net *Network
	s.Steps = DefaultSteps
	s.Tol = DefaultTol
	for _, f := range fields[1:] {
		if f == "" {
			return s, fmt.Errorf("empty field (two ';' in a row, or a ';' at the end)")
		}
		key, val, ok := strings.Cut(f, "=")
		if !ok {
			return s, fmt.Errorf("field %s is not key=value", sim.Quote(f))
		}
		if key != "m" && key != "g" && seen[key] {
			return s, fmt.Errorf("field %s given twice (only m and g may repeat)", sim.Quote(key))
		}
		seen[key] = true
		switch key {
		case "f":
			if seen["s"] {
				return s, fmt.Errorf("s= and f= both give the surface: keep one")
			}
			src, set, _ := strings.Cut(val, ":")
			vals, err := scParseSettings("formula", set, surfaces.FormulaKind.Params)
			if err != nil {
				return s, err
			}
			if err := s.setFormula(src, vals); err != nil {
				return s, err
			}
		case "s":
			if seen["f"] {
				return s, fmt.Errorf("s= and f= both give the surface: keep one")
			}
			name, set, _ := strings.Cut(val, ":")
			k, err := surfaces.Lookup(name)
			if err != nil {
				return s, err
			}
			vals, err := scParseSettings("surface "+name, set, k.Params)
			if err != nil {
				return s, err
			}
			if err := s.SetSurface(k, vals); err != nil {
				return s, err
			}
		case "p":
			xy, err := nn.DecodeLinkPairs(val, surfaces.MinFitPoints)
			if err != nil {
				return s, fmt.Errorf("line fit: %v", err)
			}
			s.Fit = xy
		case "x":
			parts := strings.Split(val, ",")
			if len(parts) > 16 {
				return s, fmt.Errorf("start has %d coordinates, too many", len(parts))
			}
			s.Start = make([]float64, len(parts))
			for i, p := range parts {
				v, err := scNumber("start coordinate ", p)
				if err != nil {
					return s, err
				}
				s.Start[i] = v
			}
		case "m":
			if len(s.Methods) == MaxPanels {
				return s, fmt.Errorf("more than %d methods given (one per panel, at most %d)", MaxPanels, MaxPanels)
			}
			name, set, _ := strings.Cut(val, ":")
			k, err := sim.LookupMethod(name)
			if err != nil {
				return s, err
			}
			vals, err := scParseSettings("method "+name, set, k.Params)
			if err != nil {
				return s, err
			}
			s.Methods = append(s.Methods, sim.Spec{Kind: k, Values: vals})
		case "g":
			panel, spec, ok := strings.Cut(val, ":")
			k, err := strconv.Atoi(panel)
			if !ok || err != nil || k < 1 || k > MaxPanels || panel != strconv.Itoa(k) {
				return s, fmt.Errorf("ghost %s must be K:method with K a panel, 1 to %d", sim.Quote(val), MaxPanels)
			}
			sp, err := sim.ParseSpec(spec)
			if err != nil {
				return s, fmt.Errorf("ghost of panel %d: %v", k, err)
			}
			s.Ghosts = append(s.Ghosts, Ghost{Panel: k - 1, Spec: sp})
		case "n":
			v, err := StepsParam.Parse(val)
			if err != nil {
				return s, err
			}
			s.Steps = int(v)
		case "t":
			v, err := TolParam.Parse(val)
			if err != nil {
				return s, err
			}
			s.Tol = v
		case "w":
			parts := strings.Split(val, ",")
			if len(parts) != 4 {
				return s, fmt.Errorf("view window needs 4 numbers xmin,xmax,ymin,ymax, got %d", len(parts))
			}
			var c [4]float64
			for i, p := range parts {
				v, err := scNumber("view window coordinate ", p)
				if err != nil {
					return s, err
				}
				c[i] = v
			}
			s.View = &surfaces.Window{XMin: c[0], XMax: c[1], YMin: c[2], YMax: c[3]}
		case "net":
			if net == nil {
				d := DefaultNetwork()
				net = &d
			}
			if err := net.ParseNetwork(val); err != nil {
				return s, err
			}
		case "d":
			if net == nil {
				d := DefaultNetwork()
				net = &d
			}
			if err := net.ParseDataset(val); err != nil {
				return s, err
			}
		case "z":
			v, err := parseView3D(val)
			if err != nil {
				return s, err
			}
			s.Solid = v
		case "y":
			v, err := parseSweepSpec(val)
			if err != nil {
				return s, err
			}
			s.Sweep = v
		case "u":
			if !scValidUI(val) {
				return s, fmt.Errorf("UI flags %s must be at most %d characters of a-z and 0-9", sim.Quote(val), MaxUILen)
			}
			s.UI = val
		case "l":
			ref, err := parseLessonRef(val)
			if err != nil {
				return s, err
			}
			s.Lesson = ref
		case "lang":
			l, ok := lang.Parse(val)
			if !ok || val != l.String() {
				return s, fmt.Errorf("language %s is not one this app speaks (lang=en or lang=zh)", sim.Quote(val))
			}
			s.Lang = l
		default:
			return s, fmt.Errorf("unknown field %s (accepted: s, f, p, x, m, g, n, t, w, z, y, u, l, lang, net, d)", sim.Quote(key))
		}
	}
	if net != nil {
		switch {
		case seen["s"] || seen["f"] || seen["p"] || seen["x"] || seen["w"] || seen["z"]:
			return s, fmt.Errorf("a network scenario (net=, d=) takes no surface, start or view (s=, f=, p=, x=, w=, z=)")
		case !seen["net"]:
			return s, fmt.Errorf("d= names a dataset but net= is missing (e.g. net=tanh:8,8)")
		case len(s.Methods) == 0:
			return s, fmt.Errorf("missing method (m=name, one per panel)")
		}
		if err := s.SetNetwork(*net); err != nil {
			return s, err
		}
		return s, s.Validate()
	}
	if s.Fit != nil {
		if s.SurfaceKind != surfaces.LineFitKind {
			return s, fmt.Errorf("p= gives the points of a line fit: it goes with s=linefit")
		}
		if err := s.SetFit(s.Fit); err != nil {
			return s, err
		}
	}
	if s.Start == nil && s.SurfaceKind == surfaces.FormulaKind {
		st := s.Surface().Start()
		s.Start = st[:]
	}
	switch {
	case s.SurfaceKind == nil:
		return s, fmt.Errorf("missing surface (s=name, or f=formula)")
	case s.Start == nil:
		return s, fmt.Errorf("missing start point (x=x1,x2)")
	case len(s.Methods) == 0:
		return s, fmt.Errorf("missing method (m=name, one per panel)")
	}
	if err := s.Validate(); err != nil {
		return s, err
	}
	return s, nil
}

// scCheckLinkPoints checks that a link holds the points xy = (a₀, b₀, a₁,
// b₁, …) exactly (coordinates named a and b in the message): at most
// nn.MaxLinkPoints of them, on its grid.
func scCheckLinkPoints(xy []float64, a, b string) error {
	if n := len(xy) / 2; n > nn.MaxLinkPoints {
		return fmt.Errorf("%d points; a scenario holds at most %d", n, nn.MaxLinkPoints)
	}
	for i, v := range xy {
		if nn.Snap(v) != v {
			return fmt.Errorf("point %d has %s = %s; a scenario holds each coordinate as a multiple of 1/%d within ±%g",
				i/2+1, []string{a, b}[i%2], sim.FormatFloat(v), int(1/nn.LinkStep), nn.LinkRange)
		}
	}
	return nil
}

// scParseSettings is ParseSettings with messages that start with what.
func scParseSettings(what, set string, params []sim.Param) ([]float64, error) {
	vals, err := sim.ParseSettings(set, params)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", what, err)
	}
	return vals, nil
}

// scCheckValues is CheckValues with messages that start with what.
func scCheckValues(what string, vals []float64, params []sim.Param) error {
	if err := sim.CheckValues(vals, params); err != nil {
		return fmt.Errorf("%s: %v", what, err)
	}
	return nil
}

// scNumber reads a number (ParseFloat); label prefixes the messages
// ("start coordinate ").
func scNumber(label, v string) (float64, error) {
	x, err := sim.ParseFloat(v)
	if err != nil {
		return 0, fmt.Errorf("%s%v", label, err)
	}
	return x, nil
}

// scCheckBytes accepts printable ASCII only.
func scCheckBytes(text string) error {
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c >= 0x80:
			return fmt.Errorf("byte %d is non-ASCII (0x%02x); only printable ASCII is allowed", i+1, c)
		case c < 0x20 || c == 0x7f:
			return fmt.Errorf("byte %d is a control character (0x%02x); only printable ASCII is allowed", i+1, c)
		}
	}
	return nil
}

// scWriteEscaped writes text percent-encoded for a URL fragment and for
// the scenario's own grammar: letters, digits and -._~()*+,/:@!$' stay,
// every other byte (space, ^, ;, =, %, #, …) becomes %XX.
func scWriteEscaped(b *strings.Builder, text string) {
	const hex = "0123456789ABCDEF"
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("-._~()*+,/:@!$'", c) >= 0 {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
}

// scUnescape decodes %XX escapes once, like url.PathUnescape.
func scUnescape(text string) (string, error) {
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c != '%' {
			b.WriteByte(c)
			continue
		}
		if i+2 >= len(text) || !scIsHex(text[i+1]) || !scIsHex(text[i+2]) {
			end := min(i+3, len(text))
			return "", fmt.Errorf("bad percent-encoding %s at byte %d: %% must be followed by two hexadecimal digits", sim.Quote(text[i:end]), i+1)
		}
		b.WriteByte(scUnhex(text[i+1])<<4 | scUnhex(text[i+2]))
		i += 2
	}
	return b.String(), nil
}

func scIsHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func scUnhex(c byte) byte {
	switch {
	case c >= 'a':
		return c - 'a' + 10
	case c >= 'A':
		return c - 'A' + 10
	}
	return c - '0'
}

func scValidUI(u string) bool {
	if len(u) > MaxUILen {
		return false
	}
	for i := 0; i < len(u); i++ {
		if c := u[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

func scWriteFloats(b *strings.Builder, v []float64) {
	for i, x := range v {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(sim.FormatFloat(x))
	}
}

func scPlural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
