package sim

import (
	"fmt"
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
	Objective
	// View is the default window in which to draw the surface.
	View() Window
	// Start is the suggested start point.
	Start() [2]float64
	// Minima lists the known minimizers (may be empty, e.g. for a saddle).
	Minima() []Minimum
}

// SurfaceKind is an entry of the surface library: a named family of
// surfaces with parameters.
type SurfaceKind struct {
	Name   string
	Desc   string // one line
	Params []Param
	// New builds the surface from parameter values in Params order,
	// already checked against their ranges.
	New func(vals []float64) Surface
}

var surfaceKinds = registry[*SurfaceKind]{what: "surface", name: func(k *SurfaceKind) string { return k.Name }}

// registerSurface adds a kind to the library; it is called from init
// functions, one per surface file.
func registerSurface(k *SurfaceKind) { surfaceKinds.add(k) }

// SurfaceKinds lists the surface library sorted by name.
func SurfaceKinds() []*SurfaceKind { return surfaceKinds.list() }

// LookupSurface finds a surface kind by name.
func LookupSurface(name string) (*SurfaceKind, error) { return surfaceKinds.lookup(name) }

// NewSurface builds the named surface with settings "k=v,k=v" (empty for
// the defaults).
func NewSurface(name, settings string) (Surface, error) {
	k, err := LookupSurface(name)
	if err != nil {
		return nil, err
	}
	vals, err := ParseSettings(settings, k.Params)
	if err != nil {
		return nil, fmt.Errorf("surface %s: %v", name, err)
	}
	return k.New(vals), nil
}
