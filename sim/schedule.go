package sim

import "math"

// ScheduleKind is a step-size schedule: how the step η_t of a first-order
// method follows its lr η over its steps t = 0, 1, 2, … with time scale T
// (Scheduling.Decay).
type ScheduleKind uint8

const (
	// ScheduleConstant: η_t = η.
	ScheduleConstant ScheduleKind = iota
	// ScheduleStep, step decay: η_t = η·2^−⌊t/T⌋, halved every T steps.
	ScheduleStep
	// ScheduleCosine, cosine annealing: η_t = η·½(1 + cos(π·t/T)) up to
	// step T, 0 after it (Loshchilov & Hutter, SGDR: stochastic gradient
	// descent with warm restarts, ICLR 2017, eq. 5 with η_min = 0 and no
	// restart).
	ScheduleCosine
	// ScheduleWarmup: a linear warm-up over the first w = ⌈T/10⌉ steps,
	// η_t = η·(t + 1)/w, then cosine annealing from η at step w to 0 at
	// step T (Goyal et al., Accurate, large minibatch SGD: training
	// ImageNet in 1 hour, 2017, §2.2, for the warm-up).
	ScheduleWarmup
	// ScheduleInverse: η_t = η/(1 + t/T), the 1/t decay of stochastic
	// approximation (Robbins & Monro 1951).
	ScheduleInverse
)

var scheduleNames = []string{"constant", "step", "cosine", "warmup", "inverse"}

func (k ScheduleKind) String() string {
	if int(k) < len(scheduleNames) {
		return scheduleNames[k]
	}
	return "unknown"
}

// Scheduling is the step-size schedule of a first-order method: its step
// at step t is Rate(lr, t). The zero value is the constant step (Decay
// then defaults to DefaultDecay, for a schedule chosen later).
type Scheduling struct {
	Schedule ScheduleKind
	Decay    float64 // T, the schedule's time scale in steps

	steps int // steps taken
}

// DefaultDecay is Scheduling.Decay's default: 1000 steps.
const DefaultDecay = 1000

// scheduleParams are the parameters of Scheduling in a method's spec.
func scheduleParams() []Param {
	return []Param{
		{Key: "schedule", Desc: "step-size schedule: constant, halved every T steps, cosine to 0 at T, warm-up over T/10 then cosine, η/(1 + t/T)", Choices: scheduleNames},
		{Key: "decay", Desc: "the schedule's time scale T, in steps", Default: DefaultDecay, Min: 1, Max: 1e6, Int: true},
	}
}

// specScheduling reads a spec's schedule and its time scale.
func specScheduling(s Spec) Scheduling {
	return Scheduling{Schedule: ScheduleKind(s.Value("schedule")), Decay: s.Value("decay")}
}

// Rate is the step η_t of step t (t = 0 the first) for lr η.
func (s Scheduling) Rate(lr float64, t int) float64 {
	T := s.Decay
	if T <= 0 {
		T = DefaultDecay
	}
	ft := float64(t)
	switch s.Schedule {
	case ScheduleStep:
		return lr * math.Exp2(-math.Floor(ft/T))
	case ScheduleCosine:
		return lr * cosineDown(ft, 0, T)
	case ScheduleWarmup:
		w := math.Ceil(T / 10)
		if ft < w {
			return lr * (ft + 1) / w
		}
		return lr * cosineDown(ft, w, T)
	case ScheduleInverse:
		return lr / (1 + ft/T)
	}
	return lr
}

// cosineDown is ½(1 + cos(π(t − from)/(to − from))) between from and to,
// 0 after to.
func cosineDown(t, from, to float64) float64 {
	if t >= to {
		return 0
	}
	return 0.5 * (1 + math.Cos(math.Pi*(t-from)/(to-from)))
}

// next is the step of the method's next step, counted.
func (s *Scheduling) next(lr float64) float64 {
	eta := s.Rate(lr, s.steps)
	s.steps++
	return eta
}

// StepSizeAt is the step size η_t of spec's method at its step t (t = 0
// the first): its lr through its schedule; false for a method without a
// schedule.
func StepSizeAt(spec Spec, t int) (float64, bool) {
	s, lr, ok := SchedulingOf(spec)
	if !ok {
		return 0, false
	}
	return s.Rate(lr, t), true
}

// SchedulingOf is spec's schedule and lr, read once for a step size at
// many steps (Rate); false for a method without a schedule.
func SchedulingOf(spec Spec) (s Scheduling, lr float64, ok bool) {
	if paramIndex(spec.Kind.Params, "schedule") < 0 {
		return Scheduling{}, 0, false
	}
	return specScheduling(spec), spec.Value("lr"), true
}
