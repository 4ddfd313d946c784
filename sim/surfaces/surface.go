// Package surfaces is curvlab's library of two-dimensional test surfaces,
// one file each, every one with exact first and second derivatives, a
// default view, a suggested start and its known minimizers. Each file
// registers a Kind from init; Lookup and New find them by name.
//
// The methods of package sim minimize any sim.Objective; a Surface is one
// with what is needed to draw it.
package surfaces

import (
	"fmt"

	"curvlab/sim"
)

// Window is a rectangle of the plane, the default view of a surface.
type Window struct {
	XMin, XMax, YMin, YMax float64
}

// Minimum is a known local or global minimizer of a surface.
type Minimum struct {
	X, Y float64
	F    float64
	// Global marks the global minimizers.
	Global bool
}

// Surface is a two-dimensional objective with what is needed to show it.
type Surface interface {
	sim.Objective
	// View is the default window in which to draw the surface.
	View() Window
	// Start is the suggested start point.
	Start() [2]float64
	// Minima lists the known minimizers (may be empty, e.g. for a saddle).
	Minima() []Minimum
}

// Kind is an entry of the surface library: a named family of surfaces
// with parameters.
type Kind struct {
	Name   string
	Desc   string // one line
	Params []sim.Param
	// New builds the surface from parameter values in Params order,
	// already checked against their ranges.
	New func(vals []float64) Surface
}

var kinds = sim.Registry[*Kind]{What: "surface", Name: func(k *Kind) string { return k.Name }}

// register adds a kind to the library; it is called from init functions,
// one per surface file.
func register(k *Kind) { kinds.Add(k) }

// Kinds lists the surface library sorted by name.
func Kinds() []*Kind { return kinds.List() }

// Lookup finds a surface kind by name.
func Lookup(name string) (*Kind, error) { return kinds.Lookup(name) }

// New builds the named surface with settings "k=v,k=v" (empty for the
// defaults).
func New(name, settings string) (Surface, error) {
	k, err := Lookup(name)
	if err != nil {
		return nil, err
	}
	vals, err := sim.ParseSettings(settings, k.Params)
	if err != nil {
		return nil, fmt.Errorf("surface %s: %v", name, err)
	}
	return k.New(vals), nil
}
