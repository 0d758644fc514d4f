package quotecard

import (
	"encoding/binary"
	"image"
	"math"

	"verbatim/internal/lru"

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

// glyphCacheBytes bounds the glyph cache: the bytes of its masks (and lru's 64 bytes and the key an
// entry). One holds the masks of a few hundred letters at a card's few sizes and 64 fractions many
// times over, but an archive's quotations, each at its own type size, use more: 22.6 MB for the cards
// of polnear's 840 train articles, where a cache cleared whole at 16 MB rasterised 58% more glyphs than
// an unbounded one (BENCHMARKS.md, export10).
const glyphCacheBytes = 24 << 20

// glyphs caches glyph masks for every card drawn in the process, shared by the goroutines that draw
// cards (the export draws on every core): a card's glyphs were about half of its drawing time. It is
// the project's LRU, so the glyphs still drawn stay and the others go first; drawing the cards of
// polnear's 840 train articles took 2.4% fewer instructions with it than with export10's two
// generations of 12 MB (a map each, the old one dropped whole at a turn), which rasterised more
// glyphs again (BENCHMARKS.md, export11).
var glyphs = lru.New(glyphCacheBytes)

// key is k as the cache's key: its fields' bytes.
func (k glyphKey) key() string {
	var b [28]byte
	binary.LittleEndian.PutUint64(b[0:], uint64(k.style))
	binary.LittleEndian.PutUint64(b[8:], math.Float64bits(k.size))
	binary.LittleEndian.PutUint32(b[16:], uint32(k.r))
	binary.LittleEndian.PutUint32(b[20:], uint32(k.frac.X))
	binary.LittleEndian.PutUint32(b[24:], uint32(k.frac.Y))
	return string(b[:])
}

// cachedGlyph returns the cached mask under k, or nil.
func cachedGlyph(k glyphKey) *glyphMask {
	v, ok := glyphs.Get(k.key())
	if !ok {
		return nil
	}
	return v.(*glyphMask)
}

// keepGlyph puts g in the cache under k, at the cost of its mask's bytes.
func keepGlyph(k glyphKey, g *glyphMask) {
	cost := int64(0)
	if g.mask != nil {
		cost = int64(len(g.mask.Pix))
	}
	glyphs.Put(k.key(), g, cost)
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
	keepGlyph(k, g)
	return g.dr.Add(at), g, nil
}
