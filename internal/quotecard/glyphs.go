package quotecard

import (
	"image"
	"sync"

	"golang.org/x/image/math/fixed"
)

// glyphKey names a glyph's mask: its style, size and rune, and where the dot is inside its pixel. A
// glyph drawn at a dot whole pixels away from another is the same mask moved (opentype rasterises
// from the dot's fraction only), so the key holds the fraction.
type glyphKey struct {
	style style
	size  float64
	r     rune
	frac  fixed.Point26_6
}

// glyphMask is a glyph rasterised at its key's fraction: its box relative to the dot's pixel, its
// own copy of the coverage (never written once cached), and the advance.
type glyphMask struct {
	dr      image.Rectangle
	mask    *image.Alpha
	advance fixed.Int26_6
	ok      bool
}

// glyphGenerationBytes bounds each of the glyph cache's two generations, so the cache holds at most
// twice as many bytes of masks (and 64 bytes an entry and a mask more each). One holds the masks of a
// few hundred letters at a card's few sizes and 64 fractions many times over, but an archive's
// quotations, each at its own type size, use more: 22.6 MB for the cards of polnear's 840 train
// articles, where a cache cleared whole at 16 MB rasterised 58% more glyphs than an unbounded one, and
// two generations of 12 MB 18% more (BENCHMARKS.md, export10).
const glyphGenerationBytes = 12 << 20

// glyphs caches glyph masks for every card drawn in the process, shared by the goroutines that draw
// cards (the export draws on every core): a card's glyphs were about half of its drawing time. New
// masks go to cur; when cur holds glyphGenerationBytes it becomes old, and the masks still drawn
// move back to cur as they are found in old, so the glyphs in use survive the turn (where a cache
// cleared whole when full rasterised them all again) and the others go with the next one.
var glyphs = struct {
	sync.RWMutex
	cur, old map[glyphKey]*glyphMask
	bytes    int // cur's
}{cur: make(map[glyphKey]*glyphMask)}

// cachedGlyph returns the cached mask under k, or nil; a mask found in the old generation moves to
// the current one.
func cachedGlyph(k glyphKey) *glyphMask {
	glyphs.RLock()
	g, inOld := glyphs.cur[k], false
	if g == nil {
		g = glyphs.old[k]
		inOld = g != nil
	}
	glyphs.RUnlock()
	if inOld {
		glyphs.Lock()
		keepGlyph(k, g)
		glyphs.Unlock()
	}
	return g
}

// keepGlyph puts g in the cache's current generation under k, turning the generations when it is
// full. The caller holds glyphs' lock.
func keepGlyph(k glyphKey, g *glyphMask) {
	if _, had := glyphs.cur[k]; had {
		return
	}
	if glyphs.bytes >= glyphGenerationBytes {
		glyphs.old = glyphs.cur
		glyphs.cur = make(map[glyphKey]*glyphMask, len(glyphs.old))
		glyphs.bytes = 0
	}
	glyphs.cur[k] = g
	glyphs.bytes += 64
	if g.mask != nil {
		glyphs.bytes += len(g.mask.Pix)
	}
}

// glyphAt returns the mask of r in ln's style and size at dot, with its box placed at dot. It makes
// *fs (ln's faces) when the cache lacks the glyph and *fs is nil.
func glyphAt(fs **faces, fams map[style]family, ln Line, dot fixed.Point26_6, r rune) (image.Rectangle, *glyphMask, error) {
	k := glyphKey{style: ln.style, size: ln.size, r: r, frac: fixed.Point26_6{X: dot.X & 63, Y: dot.Y & 63}}
	at := image.Pt(dot.X.Floor(), dot.Y.Floor())
	if g := cachedGlyph(k); g != nil {
		return g.dr.Add(at), g, nil
	}
	if *fs == nil {
		f, err := newFaces(fams[ln.style], ln.size)
		if err != nil {
			return image.Rectangle{}, nil, err
		}
		*fs = f
	}
	dr, mask, mp, advance, ok := (*fs).faceFor(r).Glyph(k.frac, r)
	g := &glyphMask{dr: dr, advance: advance, ok: ok}
	if ok {
		// The face reuses its mask for the next glyph: keep a copy.
		a := image.NewAlpha(image.Rect(0, 0, dr.Dx(), dr.Dy()))
		w := dr.Dx()
		for y := range dr.Dy() {
			if m, ok := mask.(*image.Alpha); ok { // opentype's: a row at a time
				o := m.PixOffset(mp.X, mp.Y+y)
				copy(a.Pix[y*a.Stride:][:w], m.Pix[o:o+w])
				continue
			}
			for x := range w {
				a.Pix[y*a.Stride+x] = alphaAt(mask, mp.X+x, mp.Y+y)
			}
		}
		g.mask = a
	}
	glyphs.Lock()
	keepGlyph(k, g)
	glyphs.Unlock()
	return g.dr.Add(at), g, nil
}
