package quotecard

import (
	"bytes"
	"image"
	"slices"
	"sync"
	"testing"

	"golang.org/x/image/math/fixed"

	"verbatim/internal/lru"
)

// TestDrawCached checks that the glyph cache changes nothing drawn: cards drawn with the cache
// emptied, then drawn again from it on several goroutines at once (go test -race checks the
// sharing), are the same pixels.
func TestDrawCached(t *testing.T) {
	cards := []Card{
		{Quote: "We keep it, whatever the budget says.", Speaker: "Anna Voss", Role: "mayor", Title: "The ferry stays", Site: "Courier", Date: "3 March 2026", Link: "verbatim.example/article/ferry/q/1"},
		{Quote: "Größere Übersetzungen sind nötig, sagte Łukasz Żółć.", Speaker: "Łukasz Żółć", Title: "Straße", Link: "l"},
		{Title: "The ferry stays: the council votes to keep the island's lifeline", Site: "Courier", Link: "verbatim.example/article/ferry"},
	}
	draw := func(c Card, s Size) []byte {
		l, err := Lay(c, s)
		if err != nil {
			t.Error(err)
			return nil
		}
		img, err := l.Draw()
		if err != nil {
			t.Error(err)
			return nil
		}
		return img.Pix
	}
	var cold [][]byte
	for _, c := range cards {
		for _, s := range []Size{Landscape, Square} {
			glyphs = lru.New(glyphCacheBytes)
			cold = append(cold, draw(c, s))
		}
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			i := 0
			for _, c := range cards {
				for _, s := range []Size{Landscape, Square} {
					if !bytes.Equal(draw(c, s), cold[i]) {
						t.Errorf("%q %s: drawn from the cache, it differs", c.Title, sizeName(s))
					}
					i++
				}
			}
		})
	}
	wg.Wait()
}

// TestGlyphCacheBound checks the glyph cache (keepGlyph, cachedGlyph): a mask kept is found under its
// key, the masks kept never pass glyphCacheBytes, and a full cache lets go of the mask least recently
// found, not of one found since. The masks are an eighth of the bound less a little each, under keys
// no card draws (negative sizes). Not parallel: it empties the shared cache, and leaves it empty.
func TestGlyphCacheBound(t *testing.T) {
	glyphs = lru.New(glyphCacheBytes)
	t.Cleanup(func() { glyphs = lru.New(glyphCacheBytes) })
	key := func(i int) glyphKey { return glyphKey{size: -float64(i + 1), r: 'a'} }
	masks := map[glyphKey]*glyphMask{}
	keep := func(i int) {
		g := &glyphMask{mask: &image.Alpha{Pix: make([]byte, glyphCacheBytes/8-1024)}, ok: true}
		masks[key(i)] = g
		keepGlyph(key(i), g)
		if _, bytes := glyphs.Stats(); bytes > glyphCacheBytes {
			t.Errorf("after mask %d: %d bytes kept, over the bound %d", i, bytes, glyphCacheBytes)
		}
	}
	found := func(i int) bool {
		g := cachedGlyph(key(i))
		if g != nil && g != masks[key(i)] {
			t.Errorf("mask %d: another mask found", i)
		}
		return g != nil
	}
	for i := range 8 { // 0 to 7 fill the cache
		keep(i)
	}
	for i := range 8 {
		if !found(i) {
			t.Fatalf("mask %d of 8 not found", i)
		}
	}
	found(0) // now the most recently found: mask 1 goes first
	keep(8)
	for i, want := range []bool{true, false, true, true, true, true, true, true, true} {
		if got := found(i); got != want {
			t.Errorf("after a ninth mask, mask %d found: %v, want %v", i, got, want)
		}
	}
}

// TestPaintMatchesOverLevels checks paint against overLevels: over a canvas of stripes of the
// background, blends of the ink painted and of another ink, each mask pixel's coverage a over a pixel
// of level k0 of the same ink becomes level overLevels[k0][a] (unchanged at 0), over the background
// level overLevels[0][a], and over another ink's blend the painted ink's level overLevels[0][a]
// (unchanged at 0); the one-step path over the background (overBackground) and the eight-pixel
// paths (no coverage; eight of the background) must give the same, on rows that are not a multiple
// of eight wide and a mask placed away from the canvas's corner.
func TestPaintMatchesOverLevels(t *testing.T) {
	t.Parallel()
	const w, h = 64, 48
	for _, tc := range []struct {
		name string
		// pix and cov give the canvas's pixel at i (of ink first, another ink's other) and the
		// mask's coverage at i.
		pix func(i, first, other int) uint8
		cov func(i int) uint8
		dr  image.Rectangle // where the mask is painted
	}{
		{"stripes", func(i, first, other int) uint8 {
			switch i % 5 {
			case 0, 1:
				return 0
			case 2, 3:
				return uint8(first + i%inkLevels)
			}
			return uint8(other + i%inkLevels)
		}, func(i int) uint8 { return uint8(i * 7 % 256) }, image.Rect(0, 0, w, h)},
		{"runs", func(i, first, other int) uint8 {
			switch i / 11 % 4 { // runs of 11: some words all background, some mixed
			case 0, 1:
				return 0
			case 2:
				return uint8(first + i%inkLevels)
			}
			return uint8(other + i%inkLevels)
		}, func(i int) uint8 {
			if i/13%3 == 0 { // runs of 13 without coverage
				return 0
			}
			return uint8(i * 7 % 256)
		}, image.Rect(3, 5, 3+61, 5+37)},
	} {
		for ci, c := range inks {
			first := int(inkIndex(c, 1))
			other := 1 + (ci+1)%len(inks)*inkLevels
			canvas := image.NewPaletted(image.Rect(0, 0, w, h), palette)
			for i := range canvas.Pix {
				canvas.Pix[i] = tc.pix(i, first, other)
			}
			mask := image.NewAlpha(image.Rect(0, 0, tc.dr.Dx(), tc.dr.Dy()))
			for i := range mask.Pix {
				mask.Pix[i] = tc.cov(i)
			}
			want := bytes.Clone(canvas.Pix)
			for y := range tc.dr.Dy() {
				for x := range tc.dr.Dx() {
					a := mask.Pix[y*mask.Stride+x]
					i := canvas.PixOffset(tc.dr.Min.X+x, tc.dr.Min.Y+y)
					p := int(want[i])
					k0 := 0
					if k := p - first + 1; k >= 1 && k <= inkLevels {
						k0 = k
					}
					if k := int(overLevels[k0][a]); a != 0 && k > 0 {
						want[i] = uint8(first + k - 1)
					}
				}
			}
			paint(canvas, tc.dr, mask, image.Point{}, c)
			if !bytes.Equal(canvas.Pix, want) {
				t.Errorf("%s, ink %d: paint differs from overLevels", tc.name, ci)
			}
		}
	}
}

// drawGlyphByGlyph draws l on img as drawOn did before it kept painted lines: the accent bar, then
// every glyph of every line painted over what is there. It returns the boxes the lines' glyphs were
// painted in, as drawOn appends them to its dirty list.
func drawGlyphByGlyph(t *testing.T, l Layout, img *image.Paletted) []image.Rectangle {
	t.Helper()
	fams, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	bar := inkIndex(accent, inkLevels)
	for y := range l.Size.H {
		for x := range min(AccentBar, l.Size.W) {
			img.Pix[y*img.Stride+x] = bar
		}
	}
	var dirty []image.Rectangle
	for _, ln := range l.Lines {
		var fs *faces
		var painted image.Rectangle
		dot := fixed.P(ln.Bounds.Min.X, ln.base)
		for _, r := range ln.Text {
			dr, g, err := glyphAt(&fs, fams, ln, dot, r)
			if err != nil {
				t.Fatal(err)
			}
			if !g.ok {
				continue
			}
			paint(img, dr, g.mask, image.Point{}, ln.colour)
			painted = painted.Union(dr.Intersect(img.Rect))
			dot.X += g.advance
		}
		if !painted.Empty() {
			dirty = append(dirty, painted)
		}
	}
	return dirty
}

// TestPaintedLines checks that drawOn, which copies the lines it painted before (paintedLines), draws
// each card as painting it glyph by glyph does, with the same dirty boxes: the cards of an article
// (its title, site, date and a speaker's lines repeat) at both sizes, drawn three times (the lines
// are first seen, then kept, then copied), and a card drawn over another card, where a kept line's
// box is not all background and the line is painted again. Not parallel: it looks for its lines in
// the shared cache.
func TestPaintedLines(t *testing.T) {
	var cards []Card
	for _, img := range []string{"a", "b"} {
		for _, c := range []Card{ferryCard, {Quote: "Nothing changes before the spring.", Speaker: ferryCard.Speaker, Role: ferryCard.Role}, {}} {
			c.Title, c.Site, c.Date, c.Link = ferryCard.Title, ferryCard.Site, ferryCard.Date, "verbatim.example/article/"+img
			cards = append(cards, c)
		}
	}
	for _, size := range []Size{Landscape, Square} {
		for pass := range 3 {
			for i, c := range cards {
				l, err := Lay(c, size)
				if err != nil {
					t.Fatal(err)
				}
				got := image.NewPaletted(image.Rect(0, 0, size.W, size.H), palette)
				var dirty []image.Rectangle
				if err := l.drawOn(got, &dirty); err != nil {
					t.Fatal(err)
				}
				want := image.NewPaletted(got.Rect, palette)
				wantDirty := drawGlyphByGlyph(t, l, want)
				if !bytes.Equal(got.Pix, want.Pix) {
					t.Errorf("%s, pass %d, card %d: drawn otherwise than glyph by glyph", sizeName(size), pass, i)
				}
				if !slices.Equal(dirty, wantDirty) {
					t.Errorf("%s, pass %d, card %d: dirty boxes %v, want %v", sizeName(size), pass, i, dirty, wantDirty)
				}
			}
		}
		l, err := Lay(cards[0], size)
		if err != nil {
			t.Fatal(err)
		}
		if v, _ := paintedLines.Peek(l.Lines[len(l.Lines)-1].paintKey()); v == nil || v == any(seenLine) {
			t.Errorf("%s: the link line drawn six times is not kept (%v)", sizeName(size), v)
		}
		// Over another card: the quotation of card 1 where card 0's lines are.
		under, err := Lay(cards[1], size)
		if err != nil {
			t.Fatal(err)
		}
		got := image.NewPaletted(image.Rect(0, 0, size.W, size.H), palette)
		drawGlyphByGlyph(t, under, got)
		want := image.NewPaletted(got.Rect, palette)
		copy(want.Pix, got.Pix)
		if err := l.drawOn(got, nil); err != nil {
			t.Fatal(err)
		}
		drawGlyphByGlyph(t, l, want)
		if !bytes.Equal(got.Pix, want.Pix) {
			t.Errorf("%s: a card drawn over another is drawn otherwise than glyph by glyph", sizeName(size))
		}
	}
}
