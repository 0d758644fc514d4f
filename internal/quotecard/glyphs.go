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

// glyphCacheBytes bounds the glyph cache's masks: a card's few sizes of a few hundred letters at
// 64 fractions fit many times over; past it the cache starts again.
const glyphCacheBytes = 16 << 20

// glyphs caches glyph masks for every card drawn in the process, shared by the goroutines that draw
// cards (the export draws on every core): a card's glyphs were about half of its drawing time.
var glyphs = struct {
	sync.RWMutex
	m     map[glyphKey]*glyphMask
	bytes int
}{m: make(map[glyphKey]*glyphMask)}

// glyphAt returns the mask of r in ln's style and size at dot, with its box placed at dot. It makes
// *fs (ln's faces) when the cache lacks the glyph and *fs is nil.
func glyphAt(fs **faces, fams map[style]family, ln Line, dot fixed.Point26_6, r rune) (image.Rectangle, *glyphMask, error) {
	k := glyphKey{style: ln.style, size: ln.size, r: r, frac: fixed.Point26_6{X: dot.X & 63, Y: dot.Y & 63}}
	at := image.Pt(dot.X.Floor(), dot.Y.Floor())
	glyphs.RLock()
	g := glyphs.m[k]
	glyphs.RUnlock()
	if g != nil {
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
	g = &glyphMask{dr: dr, advance: advance, ok: ok}
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
	if glyphs.bytes > glyphCacheBytes {
		clear(glyphs.m)
		glyphs.bytes = 0
	}
	if _, had := glyphs.m[k]; !had {
		glyphs.m[k] = g
		glyphs.bytes += 64
		if g.mask != nil {
			glyphs.bytes += len(g.mask.Pix)
		}
	}
	glyphs.Unlock()
	return g.dr.Add(at), g, nil
}
