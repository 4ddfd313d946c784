package app

import (
	"curvlab/lang"
	"image"
	"math"
	"time"

	"curvlab/app/ui"
	"curvlab/render"
	"curvlab/render/anim"
	"curvlab/render/geom"
	"curvlab/sim"
	"curvlab/sim/scenario"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"
)

// Save an animation (GIF): the runs from a first to a last iteration (by
// default from the start to the rows computed now), drawn as they stood at
// each row (sim.Run.Upto, through scene.State.ShowUpto), one frame a row
// or evenly spaced rows when there are more than gifMaxFrames, at a size
// of the user's choice, with the scenario's link in the file's comment. A
// few frames are drawn each Update, a progress bar over the screen; Esc
// (or its Cancel button) stops it and leaves the app as it was.

// gifMaxFrames is the most frames an animation has: more rows are sampled
// evenly. 200 frames at 8 a second is 25 seconds.
const gifMaxFrames = 200

// gifDelay is each frame's time on screen, in hundredths of a second.
const gifDelay = 8

// gifSizes are the editor's choices of size; the first, 0×0, is the
// screen's (in device pixels, as the PNG).
var gifSizes = []struct {
	label string
	w, h  int
}{{"screen", 0, 0}, {"640×360", 640, 360}, {"1280×720", 1280, 720}, {"480×480", 480, 480}}

// gifSettings are the animation's range and size as chosen in its editor.
type gifSettings struct {
	from int // the first iteration shown
	to   int // the last; −1: the latest computed when the recording starts
	size int // index into gifSizes
}

// gifRecording is an animation being drawn and encoded.
type gifRecording struct {
	rows  []int // frame k shows the runs as they stood with rows[k] rows
	done  int   // frames encoded
	w, h  int   // the GIF's size in pixels
	scale float64
	img   *ebiten.Image // where a frame is drawn, w×h
	pix   *image.RGBA
	enc   *anim.Encoder // nil until the palette is made (from the last frame)
	tries int           // passes over the current frame while the scene completed it
	// what the recording changed, given back when it ends
	playing bool
	cancel  geom.Rect // the progress box's Cancel button, on screen
	name    string
}

// gifFrameRows are the row counts of an animation from iteration from to
// iteration to: one a row, or at most max of them evenly spaced, the
// first and the last always in.
func gifFrameRows(from, to, most int) []int {
	n := to - from + 1
	if n <= most {
		rows := make([]int, n)
		for i := range rows {
			rows[i] = from + 1 + i
		}
		return rows
	}
	rows := make([]int, most)
	for i := range rows {
		rows[i] = from + 1 + int(math.Round(float64(i)*float64(to-from)/float64(most-1)))
	}
	return rows
}

// latestRows is the most rows any run has: the screen draws each run to
// its latest row.
func (g *Game) latestRows() int {
	n := 0
	for _, r := range g.st.Eng.Runs() {
		n = max(n, len(r.Trace))
	}
	return n
}

// gifRange is the range of iterations the settings ask for, within those
// computed.
func (g *Game) gifRange() (from, to int) {
	last := g.latestRows() - 1
	to = g.gif.to
	if to < 0 || to > last {
		to = last
	}
	return max(0, min(g.gif.from, to)), max(0, to)
}

// RecordGIF asks for the runs' first rows rows (iterations 0 to rows−1),
// then records them as an animated GIF of w×h pixels (0×0: the screen's
// size) and gives it to the host, as Save an animation does; done is then
// called with "" once the host has it, or with the sentence saying why
// there is none. The desktop's --gif calls it before the first frame.
func (g *Game) RecordGIF(rows, w, h int, done func(failure string)) {
	g.gif = gifSettings{from: 0, to: rows - 1}
	g.gifWanted, g.gifW, g.gifH = rows, w, h
	g.gifDone = done
	g.st.Playing = false
}

// finishGIF tells RecordGIF's caller, if any, how the recording ended.
func (g *Game) finishGIF(failure string) {
	if done := g.gifDone; done != nil {
		g.gifDone = nil
		done(failure)
	}
}

// startGIF starts recording the settings' range, or says why it cannot.
func (g *Game) startGIF(w, h int) {
	st := g.st
	if st.Scen.Kind() != scenario.KindSurface {
		st.Notice = "An animation can be saved of a surface's runs; a network's pictures are computed for its latest row only."
		g.finishGIF(st.Notice)
		return
	}
	scale := 1.0
	if w <= 0 || h <= 0 {
		w, h, scale = int(g.w), int(g.h), g.scale
	}
	if w < anim.MinSide || h < anim.MinSide {
		st.Notice = "The screen is too small for an animation."
		g.finishGIF(st.Notice)
		return
	}
	from, to := g.gifRange()
	g.popup = popup{}
	g.rec = &gifRecording{rows: gifFrameRows(from, to, gifMaxFrames), w: w, h: h, scale: scale,
		img: ebiten.NewImage(w, h), pix: image.NewRGBA(image.Rect(0, 0, w, h)), playing: st.Playing,
		name: runsFileName(st.Scen) + ".gif"}
	st.Playing = false
	g.uiDirty = true
}

// gifLayoutSize is the size the layout is made for: the GIF's while one is
// recorded, else the screen's.
func (g *Game) gifLayoutSize() (w, h, scale float64, recording bool) {
	if r := g.rec; r != nil {
		return float64(r.w), float64(r.h), r.scale, true
	}
	return g.w, g.h, g.scale, false
}

// recordGIF draws and encodes frames of the recording until deadline
// (one at least), and saves the GIF after its last frame. The palette is
// made first, from the last frame, where the paths are longest.
func (g *Game) recordGIF(deadline time.Time) {
	rec := g.rec
	g.ptr.Update(6 * g.c.M.U)
	if inpututil.IsKeyJustPressed(ebiten.KeyEscape) || g.ptr.Released && rec.cancel.Contains(g.ptr.X, g.ptr.Y) {
		g.cancelGIF()
		return
	}
	for first := true; rec.done < len(rec.rows) && (first || time.Now().Before(deadline)); first = false {
		k := rec.done
		if rec.enc == nil {
			k = len(rec.rows) - 1
		}
		g.st.ShowUpto(rec.rows[k])
		g.relayout()
		if g.uiDirty {
			g.buildUI()
		}
		g.scene.Update(g.st, g.lay.panels, deadline)
		g.headerStatus()
		g.draw(rec.img)
		if g.scene.Pending(g.st) && rec.tries < 50 {
			rec.tries++ // the surface, a trail still being completed: draw it again
			continue
		}
		rec.tries = 0
		rec.img.ReadPixels(rec.pix.Pix)
		if rec.enc == nil {
			rec.enc = anim.NewEncoder(rec.w, rec.h, anim.Palette(rec.pix), gifDelay, g.st.Scen.Encode())
			continue
		}
		if err := rec.enc.Add(rec.pix); err != nil {
			g.endGIF("The animation could not be written: " + err.Error() + ".")
			return
		}
		rec.done++
	}
	if rec.done == len(rec.rows) {
		data, name := rec.enc.Finish(), rec.name
		g.endGIF("")
		g.saveFile(name, data)
		g.finishGIF("")
	}
}

// cancelGIF stops the recording: nothing is saved.
func (g *Game) cancelGIF() { g.endGIF("The animation was cancelled; nothing was saved.") }

// endGIF ends the recording, the runs shown as they are and playing if
// they were, with notice in the status line ("" for none).
func (g *Game) endGIF(notice string) {
	rec := g.rec
	g.rec = nil
	rec.img.Deallocate()
	g.st.ShowUpto(0)
	g.st.Playing = rec.playing && !g.st.Done()
	if notice != "" {
		g.st.Notice = notice
		g.finishGIF(notice)
	}
	g.uiDirty = true
}

// drawGIFProgress shows the recording: its latest frame, fitted to the
// screen, and over it a box with a bar of the frames done out of all and a
// Cancel button.
func (g *Game) drawGIFProgress(screen *ebiten.Image) {
	rec := g.rec
	screen.Fill(g.background)
	s := math.Min(g.w/float64(rec.w), g.h/float64(rec.h))
	var op ebiten.DrawImageOptions
	op.GeoM.Scale(s, s)
	op.GeoM.Translate((g.w-s*float64(rec.w))/2, (g.h-s*float64(rec.h))/2)
	op.Filter = ebiten.FilterLinear
	screen.DrawImage(rec.img, &op)
	c := g.c
	u := g.scale // the screen's own sizes, not the GIF's layout's
	font := math.Round(15 * u)
	bw, bh := math.Min(460*u, g.w-20*u), 5.2*font
	box := geom.Rect{X: math.Round((g.w - bw) / 2), Y: math.Round((g.h - bh) / 2), W: bw, H: bh}
	c.Flat.FillRect(screen, box, ui.Bar)
	c.Flat.StrokeRect(screen, box, float32(u), ui.Frame)
	done, total := rec.done, len(rec.rows)
	c.Text(render.Sans, lang.F("Saving the animation: frame %d of %d", done, total), box.X+12*u, box.Y+0.6*font, font, ui.Ink, render.Left)
	bar := geom.Rect{X: box.X + 12*u, Y: box.Y + 2.2*font, W: box.W - 24*u, H: 0.8 * font}
	c.Flat.FillRect(screen, bar, ui.Shade)
	c.Flat.FillRect(screen, geom.Rect{X: bar.X, Y: bar.Y, W: bar.W * float64(done) / float64(max(1, total)), H: bar.H}, ui.Good)
	rec.cancel = geom.Rect{X: box.X + box.W - 140*u, Y: box.Y + 3.4*font, W: 128 * u, H: 1.5 * font}
	c.Flat.FillRect(screen, rec.cancel, ui.Shade)
	c.Text(render.Sans, lang.T("Cancel (Esc)"), rec.cancel.X+rec.cancel.W/2, rec.cancel.Y+0.2*font, font, ui.Ink, render.Center)
	c.Flush(screen, false)
}

// gifRows are the animation editor's rows after its first (the Save
// button's) and their values: the first and last iteration, the size.
func (g *Game) gifRows() ([]sim.Param, []float64) {
	last := max(1, g.latestRows()-1)
	from, to := g.gifRange()
	names := make([]string, len(gifSizes))
	for i, s := range gifSizes {
		names[i] = lang.T(s.label)
	}
	return []sim.Param{
			{Key: lang.T("from"), Desc: lang.T("the first iteration shown"), Min: 0, Max: float64(last), Int: true},
			{Key: lang.T("to"), Desc: lang.F("the last iteration shown (computed so far: %d)", last), Default: float64(last), Min: 0, Max: float64(last), Int: true},
			{Key: lang.T("size"), Desc: lang.T("the picture's size in pixels"), Choices: names}},
		[]float64{float64(from), float64(to), float64(g.gif.size)}
}

// setGIFRow sets row i of the animation's editor to v: a first iteration
// after the last moves the last along, and the other way round.
func (g *Game) setGIFRow(i int, v float64) {
	from, to := g.gifRange()
	n := int(v)
	switch i {
	case 0:
		g.gif.from, g.gif.to = n, max(to, n)
	case 1:
		g.gif.from, g.gif.to = min(from, n), n
		if n >= g.latestRows()-1 {
			g.gif.to = -1 // the latest, as the runs go on
		}
	case 2:
		g.gif.size = max(0, min(n, len(gifSizes)-1))
	}
}

// buildGIFEditor lays out the animation's editor: a Save button, the
// range and the size.
func (g *Game) buildGIFEditor(f *ui.Form) {
	m := f.M
	from, to := g.gifRange()
	frames := len(gifFrameRows(from, to, gifMaxFrames))
	r, y := f.Head(720, f.KeysHint(lang.T("Animation (↑/↓, ←/→): "), lang.T("Animation: "))+lang.T("the runs as they went, a frame an iteration"))
	y = f.Buttons(r, y, lang.F("%d frames, iterations %d to %d", frames, from, to),
		ui.FormButton{Label: lang.T("Save the GIF"), Act: ui.ActSaveGIF})
	rows, vals := g.gifRows()
	y = f.ParamRows(r, y+4*m.U, rows, vals, ui.Target{Owner: ui.OwnerGIF}, nil)
	y = f.LabelLines(r, y, lang.F("At most %d frames: more iterations are sampled evenly. The file's comment holds the link to this scenario.", gifMaxFrames))
	f.Fit(r, y+8*m.U)
}
