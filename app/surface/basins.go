package surface

import (
	"image/color"
	"math"

	"curvlab/app/scene"
	"curvlab/engine"
	"curvlab/render/geom"
	"curvlab/sim/explore"
	"curvlab/sim/scenario"

	"github.com/hajimehoshi/ebiten/v2"
)

// basinPictures are the panels' basins of attraction (Flags.Basins): each
// start of the view, one a pixel at the finest, coloured by where its
// panel's method goes from there (basinColor), computed by the engine
// coarse to fine and drawn in place of the surface.
type basinPictures struct {
	imgs  [scenario.MaxPanels]*ebiten.Image
	drawn [scenario.MaxPanels]int // the BasinView.Version each image shows
	pix   []byte
	asked engine.MapGrid
	// lut[o][m][i] is basinColor of outcome o, minimum m (mod 6) and i
	// iterations (at most lutSteps), for the budget lutSteps.
	lut      [4][6][]color.RGBA
	lutSteps int
}

// color is basinColor(b, steps) through the table (built when steps
// changes), so that a picture of 2¹⁸ cells costs no logarithms.
func (bp *basinPictures) color(b explore.Basin, steps int) color.RGBA {
	if bp.lutSteps != steps || bp.lut[0][0] == nil {
		bp.lutSteps = steps
		for o := range bp.lut {
			for m := range bp.lut[o] {
				bp.lut[o][m] = make([]color.RGBA, steps+1)
				for i := range bp.lut[o][m] {
					bp.lut[o][m][i] = basinColor(explore.Basin{Outcome: explore.Outcome(o), Minimum: m, Iterations: i}, steps)
				}
			}
		}
	}
	o := int(b.Outcome)
	if o < 0 || o >= len(bp.lut) {
		return basinDiverged
	}
	return bp.lut[o][b.Minimum%len(basinMinimumColors)][min(max(b.Iterations, 0), steps)]
}

// basinMinimumColors are the basins of the known minima, in the
// surface's order: distinct hues, none a panel's colour.
var basinMinimumColors = []color.RGBA{
	{0x4e, 0x79, 0xa7, 0xff}, // blue
	{0x59, 0xa1, 0x4f, 0xff}, // green
	{0xed, 0xc9, 0x48, 0xff}, // yellow
	{0xb0, 0x7a, 0xa1, 0xff}, // purple
	{0x9c, 0x75, 0x5f, 0xff}, // brown
	{0x76, 0xb7, 0xb2, 0xff}, // teal
}

// Colours of the starts that reach no known minimum.
var (
	basinStationary   = color.RGBA{0xb8, 0xb8, 0xb8, 0xff} // another stationary point: light grey
	basinNotConverged = color.RGBA{0x3c, 0x3c, 0x44, 0xff} // dark grey
	basinDiverged     = color.RGBA{0x0c, 0x0c, 0x0e, 0xff} // black
)

// basinColor is a start's colour: its minimum's hue (minimum k of the
// surface's list: basinMinimumColors[k mod 6]) or the grey of its
// outcome, darker the more iterations it took (shade 1 at none, 0.45 at
// steps, on a log scale), the diverged and not converged unshaded.
func basinColor(b explore.Basin, steps int) color.RGBA {
	var c color.RGBA
	switch b.Outcome {
	case explore.Minimum:
		c = basinMinimumColors[b.Minimum%len(basinMinimumColors)]
	case explore.Stationary:
		c = basinStationary
	case explore.NotConverged:
		return basinNotConverged
	default:
		return basinDiverged
	}
	s := 1 - 0.55*math.Log1p(float64(b.Iterations))/math.Log1p(float64(max(1, steps)))
	s = math.Max(0.45, math.Min(1, s))
	return color.RGBA{uint8(float64(c.R) * s), uint8(float64(c.G) * s), uint8(float64(c.B) * s), 0xff}
}

// basinGrid is the grid of starts for a panel of view v: one a device
// pixel, at most 2¹⁸ (fewer, each several pixels wide, on a large screen).
func basinGrid(v geom.View) engine.MapGrid {
	w, h := math.Max(1, math.Round(v.Screen.W)), math.Max(1, math.Round(v.Screen.H))
	if f := math.Sqrt(w * h / (1 << 18)); f > 1 {
		w, h = math.Floor(w/f), math.Floor(h/f)
	}
	return engine.MapGrid{W: int(w), H: int(h), XMin: v.XMin, XMax: v.XMax, YMin: v.YMin, YMax: v.YMax}
}

// update asks the engine for the basins of the panels' view (none when
// off) and turns each picture that came into its image.
func (bp *basinPictures) update(st *scene.State, v geom.View, on bool) {
	g := engine.MapGrid{}
	if on && v.Screen.W >= 2 && v.Screen.H >= 2 {
		g = basinGrid(v)
	}
	if g != bp.asked {
		bp.asked = g
		st.Eng.SetBasinGrid(g)
	}
	if !on {
		return
	}
	for k := range st.Runs {
		b := st.Eng.Basins(k)
		if b == nil || b.Version == bp.drawn[k] || len(b.Cells) == 0 {
			continue
		}
		bp.drawn[k] = b.Version
		w, h := b.Grid.W, b.Grid.H
		if img := bp.imgs[k]; img == nil || img.Bounds().Dx() != w || img.Bounds().Dy() != h {
			if img != nil {
				img.Deallocate()
			}
			bp.imgs[k] = ebiten.NewImage(w, h)
		}
		if cap(bp.pix) < 4*w*h {
			bp.pix = make([]byte, 4*w*h)
		}
		pix := bp.pix[:4*w*h]
		steps := min(st.Scen.Steps, 100)
		for i, c := range b.Cells {
			col := bp.color(c, steps)
			pix[4*i], pix[4*i+1], pix[4*i+2], pix[4*i+3] = col.R, col.G, col.B, col.A
		}
		bp.imgs[k].WritePixels(pix)
	}
}

// ready reports whether panel k has a picture of the view asked, and
// whether it is the finest.
func (bp *basinPictures) ready(st *scene.State, k int) (shown, final bool) {
	b := st.Eng.Basins(k)
	if b == nil || len(b.Cells) == 0 || bp.imgs[k] == nil || bp.drawn[k] != b.Version {
		return false, false
	}
	return true, b.Final
}

// draw draws panel k's picture over the plot rectangle r (its cells
// blocky while coarse).
func (bp *basinPictures) draw(dst *ebiten.Image, st *scene.State, k int, r geom.Rect) {
	if shown, _ := bp.ready(st, k); !shown {
		return
	}
	img := bp.imgs[k]
	var op ebiten.DrawImageOptions
	op.GeoM.Scale(r.W/float64(img.Bounds().Dx()), r.H/float64(img.Bounds().Dy()))
	op.GeoM.Translate(r.X, r.Y)
	op.Filter = ebiten.FilterNearest
	dst.DrawImage(img, &op)
}
