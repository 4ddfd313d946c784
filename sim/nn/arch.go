package nn

import (
	"fmt"
	"strconv"
	"strings"
)

// Activation is the nonlinearity φ of the hidden units.
type Activation uint8

const (
	// Tanh is φ(s) = tanh s, φ′ = 1 − φ², φ″ = −2φ(1 − φ²).
	Tanh Activation = iota
	// ReLU is φ(s) = max(0, s). It is piecewise linear: this package takes
	// φ′(0) = 0 and φ″ = 0 everywhere, the derivatives of the linear piece
	// s ≤ 0 at the kink and of each piece elsewhere.
	ReLU
	// Sigmoid is the logistic function φ(s) = 1/(1 + e⁻ˢ),
	// φ′ = φ(1 − φ), φ″ = φ(1 − φ)(1 − 2φ).
	Sigmoid
	numActivations
)

var activationNames = [numActivations]string{"tanh", "relu", "sigmoid"}

// String returns the activation's name: "tanh", "relu" or "sigmoid".
func (a Activation) String() string { return nameOf(activationNames[:], int(a), "Activation") }

// ActivationNames returns the names ParseActivation accepts.
func ActivationNames() []string { return activationNames[:] }

// ParseActivation returns the activation with the given name.
func ParseActivation(name string) (Activation, error) {
	i, err := parseName(activationNames[:], name, "activation")
	return Activation(i), err
}

// LossKind selects the per-point loss ℓ(z, y) of the network's output z
// against the label y. The training loss is the mean of ℓ over the points.
type LossKind uint8

const (
	// MSE is ℓ = ½(z − y)² on the raw output z: ℓ′ = z − y, ℓ″ = 1.
	MSE LossKind = iota
	// CrossEntropy treats z as a logit, p = σ(z), and takes the binary
	// cross-entropy ℓ = −y·log p − (1 − y)·log(1 − p), computed stably as
	// max(z, 0) − y·z + log(1 + e^(−|z|)): ℓ′ = σ(z) − y, ℓ″ = σ(z)(1 − σ(z)).
	CrossEntropy
	numLosses
)

var lossNames = [numLosses]string{"mse", "ce"}

// String returns the loss's name: "mse" or "ce".
func (l LossKind) String() string { return nameOf(lossNames[:], int(l), "LossKind") }

// LossNames returns the names ParseLoss accepts.
func LossNames() []string { return lossNames[:] }

// ParseLoss returns the loss with the given name.
func ParseLoss(name string) (LossKind, error) {
	i, err := parseName(lossNames[:], name, "loss")
	return LossKind(i), err
}

// nameOf returns names[i], or typ(i) when i is out of range.
func nameOf(names []string, i int, typ string) string {
	if i < len(names) {
		return names[i]
	}
	return typ + "(" + strconv.Itoa(i) + ")"
}

// parseName returns the index of name in names.
func parseName(names []string, name, what string) (int, error) {
	for i, s := range names {
		if s == name {
			return i, nil
		}
	}
	return 0, fmt.Errorf("nn: unknown %s %q: want one of %s", what, name, strings.Join(names, ", "))
}

// Limits of an architecture.
const (
	MaxHidden = 3 // hidden layers, at least 1
	MaxWidth  = 8 // units per hidden layer, at least 1
)

// maxLayers is the largest number of weight layers (hidden layers + output).
const maxLayers = MaxHidden + 1

// Arch describes a multilayer perceptron with 2 inputs, the hidden layers
// Hidden (1 to MaxHidden layers of 1 to MaxWidth units, activation Act) and
// one linear output unit trained with the loss Loss.
type Arch struct {
	Hidden []int
	Act    Activation
	Loss   LossKind
}

// Validate reports whether the architecture is within the limits.
func (a Arch) Validate() error {
	if len(a.Hidden) < 1 || len(a.Hidden) > MaxHidden {
		return fmt.Errorf("nn: %d hidden layers: want 1 to %d", len(a.Hidden), MaxHidden)
	}
	for i, w := range a.Hidden {
		if w < 1 || w > MaxWidth {
			return fmt.Errorf("nn: hidden layer %d has %d units: want 1 to %d", i+1, w, MaxWidth)
		}
	}
	if a.Act >= numActivations {
		return fmt.Errorf("nn: unknown activation %d: want one of %s", a.Act, strings.Join(activationNames[:], ", "))
	}
	if a.Loss >= numLosses {
		return fmt.Errorf("nn: unknown loss %d: want one of %s", a.Loss, strings.Join(lossNames[:], ", "))
	}
	return nil
}

// widths returns the layer widths 2, Hidden..., 1.
func (a Arch) widths() []int {
	w := make([]int, 0, len(a.Hidden)+2)
	w = append(w, 2)
	w = append(w, a.Hidden...)
	return append(w, 1)
}

// NumParams is the number of weights and biases: Σ over the layers of
// (fan-in + 1)·fan-out, for example 105 for 2-8-8-1.
func (a Arch) NumParams() int {
	w := a.widths()
	n := 0
	for l := 1; l < len(w); l++ {
		n += (w[l-1] + 1) * w[l]
	}
	return n
}

// String returns the layer widths, activation and loss, e.g. "2-8-8-1 tanh mse".
func (a Arch) String() string {
	var b strings.Builder
	for i, w := range a.widths() {
		if i > 0 {
			b.WriteByte('-')
		}
		b.WriteString(strconv.Itoa(w))
	}
	return b.String() + " " + a.Act.String() + " " + a.Loss.String()
}
