package scenario

import (
	"fmt"
	"math"
	"strings"

	"curvlab/sim"
)

// View3D says which surface panels draw the surface as a lit 3D mesh,
// with the paths lifted onto it, and from where the camera looks. The
// zero value draws every panel flat.
type View3D struct {
	// Panels[k] puts panel k (0-based) in 3D; the overlay's one panel
	// follows Panels[0].
	Panels [MaxPanels]bool
	// Azimuth is the camera's bearing about the vertical axis in degrees,
	// in [−180, 180): 0 looks along +y, 90 along −x.
	Azimuth float64
	// Elevation is the camera's height above the horizon in degrees, in
	// [MinElevation, 90]: 90 looks straight down.
	Elevation float64
}

// Camera limits and the camera a panel turned to 3D starts with.
const (
	MinElevation     = 5
	DefaultAzimuth   = -30
	DefaultElevation = 35
)

// On reports whether any panel is in 3D.
func (v View3D) On() bool { return v != View3D{Azimuth: v.Azimuth, Elevation: v.Elevation} }

// String is the link's z= value: the 3D panels' numbers, then the
// camera's azimuth and elevation, e.g. "13:-30,35"; "" when no panel is
// in 3D.
func (v View3D) String() string {
	if !v.On() {
		return ""
	}
	var b strings.Builder
	for k, on := range v.Panels {
		if on {
			b.WriteByte(byte('1' + k))
		}
	}
	b.WriteByte(':')
	b.WriteString(sim.FormatFloat(v.Azimuth))
	b.WriteByte(',')
	b.WriteString(sim.FormatFloat(v.Elevation))
	return b.String()
}

// check checks the camera's angles and that the 3D panels exist among n.
func (v View3D) check(n int) error {
	for k, on := range v.Panels {
		if on && k >= n {
			return fmt.Errorf("3D view of panel %d, of %d", k+1, n)
		}
	}
	if !(v.Azimuth >= -180 && v.Azimuth < 180) {
		return fmt.Errorf("3D view azimuth %s is out of range [-180, 180)", sim.FormatFloat(v.Azimuth))
	}
	if !(v.Elevation >= MinElevation && v.Elevation <= 90) {
		return fmt.Errorf("3D view elevation %s is out of range [%d, 90]", sim.FormatFloat(v.Elevation), MinElevation)
	}
	return nil
}

// parseView3D reads a z= value (see View3D.String): at least one panel
// number 1..MaxPanels, each once and in order, then the two angles.
func parseView3D(val string) (View3D, error) {
	var v View3D
	panels, angles, ok := strings.Cut(val, ":")
	if !ok || panels == "" {
		return v, fmt.Errorf("3D view %s must be panels:azimuth,elevation (e.g. 12:-30,35)", sim.Quote(val))
	}
	last := -1
	for i := 0; i < len(panels); i++ {
		k := int(panels[i]) - '1'
		if k < 0 || k >= MaxPanels || k <= last {
			return v, fmt.Errorf("3D view panels %s must be panel numbers 1 to %d, each once, in order", sim.Quote(panels), MaxPanels)
		}
		v.Panels[k], last = true, k
	}
	az, el, ok := strings.Cut(angles, ",")
	if !ok {
		return v, fmt.Errorf("3D view %s needs the azimuth and the elevation after the panels", sim.Quote(val))
	}
	var err error
	if v.Azimuth, err = scNumber("3D view azimuth ", az); err != nil {
		return v, err
	}
	if v.Elevation, err = scNumber("3D view elevation ", el); err != nil {
		return v, err
	}
	return v, nil
}

// Turned returns the camera turned by dAz and tilted by dEl degrees: the
// azimuth wraps around, the elevation stops at its limits; both are
// rounded to a tenth of a degree, as a link holds them.
func (v View3D) Turned(dAz, dEl float64) View3D {
	az := math.Mod(v.Azimuth+dAz+180, 360)
	if az < 0 {
		az += 360
	}
	v.Azimuth = math.Round(10*(az-180)) / 10
	if v.Azimuth >= 180 {
		v.Azimuth -= 360
	}
	v.Elevation = math.Round(10*math.Max(MinElevation, math.Min(90, v.Elevation+dEl))) / 10
	return v
}

// WithPanel returns v with panel k in 3D or not; the camera starts at
// its default when the first panel turns to 3D.
func (v View3D) WithPanel(k int, on bool) View3D {
	if k < 0 || k >= MaxPanels {
		return v
	}
	if on && !v.On() {
		v.Azimuth, v.Elevation = DefaultAzimuth, DefaultElevation
	}
	v.Panels[k] = on
	return v
}
