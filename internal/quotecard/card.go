// Package quotecard draws quote cards: PNG images of one quotation with its speaker and its source,
// for sharing and for social previews (og:image), at 1200×630 and 1080×1080, in the bundled
// Atkinson Hyperlegible. It is pure Go (x/image), used by the server; web/page/reader.js draws the
// same card in the browser, offline, from the same rules.
//
// Trust boundary: every field of a Card is article text, untrusted. It is only ever measured and
// drawn as glyphs; nothing in it is interpreted. Time and memory are bounded by the card's size:
// text that does not fit is shortened at a word boundary, never drawn past the margins.
package quotecard

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"math"
	"strings"
	"sync"

	"golang.org/x/image/math/fixed"

	"verbatim/internal/lru"
)

// Card is what a quote card shows. Every field is untrusted article text.
type Card struct {
	Quote   string // the quotation, without its quotation marks; empty for a title card
	Speaker string // who said it; empty when unknown
	Role    string // the speaker's role, such as "Kremlin spokesman"
	Title   string // the article's title
	Site    string // the publication
	Date    string // the published date, as it is to be shown ("26 March 2017")
	Link    string // the short link to the quote, shown as text
}

// Size is a card's size in pixels.
type Size struct{ W, H int }

// The two card sizes: the social-preview landscape and the square.
var (
	Landscape = Size{1200, 630}
	Square    = Size{1080, 1080}
)

// ShortenedNote is the line a card carries when its quotation was shortened to fit.
const ShortenedNote = "Shortened to fit: the full quotation is at the link."

// Line is one line of a laid-out card.
type Line struct {
	Text   string
	Bounds image.Rectangle // the line's box: its advance, from ascent to descent around the baseline
	style  style
	base   int // the baseline's y
	size   float64
	colour color.RGBA
}

// Layout is a card laid out: its lines, in drawing order, and whether the quotation was shortened.
type Layout struct {
	Size      Size
	Content   image.Rectangle // the area inside the margins, which every line stays within
	Lines     []Line
	Shortened bool
}

var (
	background = color.RGBA{0xfb, 0xfa, 0xf7, 0xff}
	ink        = color.RGBA{0x1a, 0x1a, 0x1a, 0xff}
	muted      = color.RGBA{0x55, 0x55, 0x55, 0xff}
	accent     = color.RGBA{0x1f, 0x4e, 0x79, 0xff}
)

// AccentBar is the decoration drawn at the card's left edge, inside its margin.
const AccentBar = 14

// maxRunes bounds what of each field is laid out: more than a card can show at its smallest type
// (a quotation of maxRunes never fits, so a longer one is shortened as it would be anyway), so that
// any input costs the same bounded time.
const maxRunes = 3000

// Lay lays out c at size s.
func Lay(c Card, s Size) (Layout, error) {
	for _, f := range []*string{&c.Quote, &c.Speaker, &c.Role, &c.Title, &c.Site, &c.Date, &c.Link} {
		if r := []rune(*f); len(r) > maxRunes {
			*f = string(r[:maxRunes])
		}
	}
	fams, err := loadFonts()
	if err != nil {
		return Layout{}, err
	}
	// The faces measured with, given back when the layout is done.
	type borrowed struct {
		fs   *faces
		size float64
	}
	var lent []borrowed
	defer func() {
		for _, b := range lent {
			b.fs.giveBack(b.size)
		}
	}()
	newFaces := func(fam family, size float64) (*faces, error) {
		fs, err := borrowFaces(fam, size)
		if err == nil {
			lent = append(lent, borrowed{fs, size})
		}
		return fs, err
	}
	m := s.W / 15
	l := Layout{Size: s, Content: image.Rect(m, m, s.W-m, s.H-m)}
	unit := float64(s.W) / 1200 // type scales with the card's width
	maxW := fixed.I(l.Content.Dx())
	bottom := l.Content.Max.Y
	var stack []Line // built bottom-up, drawn top-down

	// place adds a line whose bottom is at bottom, and moves bottom up by its line height.
	place := func(text string, st style, size float64, col color.RGBA) error {
		fs, err := newFaces(fams[st], size)
		if err != nil {
			return err
		}
		text = fitLine(fs, text, maxW)
		if text == "" {
			return nil
		}
		asc, desc := fs.metrics()
		lh := max(int(size*1.3), asc.Ceil()+desc.Ceil())
		base := bottom - (lh-asc.Ceil()-desc.Ceil())/2 - desc.Ceil()
		stack = append(stack, Line{Text: text, style: st, size: size, colour: col, base: base,
			Bounds: image.Rect(m, base-asc.Ceil(), m+fs.width(text).Ceil(), base+desc.Ceil())})
		bottom -= lh
		return nil
	}
	small := 24 * unit
	source := joinNonEmpty(" · ", c.Site, c.Date)
	for _, ln := range []struct {
		text string
		st   style
		col  color.RGBA
	}{{c.Link, regular, accent}, {source, regular, muted}, {c.Title, bold, ink}} {
		if c.Quote == "" && ln.st == bold {
			continue // a title card shows the title large, below
		}
		if err := place(ln.text, ln.st, small, ln.col); err != nil {
			return Layout{}, err
		}
	}
	bottom -= int(small)
	if c.Quote != "" && c.Speaker != "" {
		if c.Role != "" {
			if err := place(c.Role, regular, 28*unit, muted); err != nil {
				return Layout{}, err
			}
		}
		if err := place("— "+c.Speaker, bold, 36*unit, ink); err != nil {
			return Layout{}, err
		}
		bottom -= int(small / 2)
	}

	// The quotation (or, on a title card, the title) fills what is left, as large as it fits.
	text, st := "“"+strings.Join(strings.Fields(c.Quote), " ")+"”", regular
	if c.Quote == "" {
		text, st = strings.Join(strings.Fields(c.Title), " "), bold
	}
	noteSize := 22 * unit
	box := bottom - l.Content.Min.Y
	largest := 64 * unit
	if s.H > s.W*3/4 {
		largest = 80 * unit // a square card has the height for larger type
	}
	lines, size, shortened, err := fitBlock(newFaces, fams[st], text, maxW, box, largest, 30*unit, int(noteSize*1.3))
	if err != nil {
		return Layout{}, err
	}
	if shortened {
		l.Shortened = true
		if err := place(ShortenedNote, italic, noteSize, muted); err != nil {
			return Layout{}, err
		}
	}
	fs, err := newFaces(fams[st], size)
	if err != nil {
		return Layout{}, err
	}
	asc, desc := fs.metrics()
	lh := lineHeight(fs, size)
	top := l.Content.Min.Y
	for i, t := range lines {
		base := top + i*lh + asc.Ceil()
		l.Lines = append(l.Lines, Line{Text: t, style: st, size: size, colour: ink, base: base,
			Bounds: image.Rect(m, base-asc.Ceil(), m+fs.width(t).Ceil(), base+desc.Ceil())})
	}
	for i := len(stack) - 1; i >= 0; i-- {
		l.Lines = append(l.Lines, stack[i])
	}
	return l, nil
}

// fitBlock wraps text, measured in faces from newFaces, at the first size, from largest down to
// smallest in steps of 2, whose lines fit in height box. When none does, it keeps the lines that fit
// at smallest, leaving room for the shortened note (noteH), and ends the last one with "…" after a
// whole word.
func fitBlock(newFaces func(family, float64) (*faces, error), fam family, text string, maxW fixed.Int26_6, box int, largest, smallest float64, noteH int) (lines []string, size float64, shortened bool, err error) {
	for size = largest; ; size -= 2 {
		if size < smallest {
			size = smallest
		}
		fs, err := newFaces(fam, size)
		if err != nil {
			return nil, 0, false, err
		}
		lh := lineHeight(fs, size)
		lines = wrap(fs, text, maxW)
		if len(lines)*lh <= box {
			return lines, size, false, nil
		}
		if size == smallest {
			keep := max(1, (box-noteH)/lh)
			return shorten(fs, lines[:keep], maxW), size, true, nil
		}
	}
}

// lineHeight is the quotation's line height at size: 1.25 em, or more when the font's own ascent and
// descent need it, so that lines never overlap.
func lineHeight(fs *faces, size float64) int {
	asc, desc := fs.metrics()
	return max(int(size*1.25), asc.Ceil()+desc.Ceil())
}

// shorten ends the last of lines with "…”", dropping whole words from its end until it fits.
func shorten(fs *faces, lines []string, maxW fixed.Int26_6) []string {
	const end = "…”"
	for len(lines) > 0 {
		last := strings.Fields(lines[len(lines)-1])
		for len(last) > 0 {
			t := strings.TrimRight(strings.Join(last, " "), ",;:—–-") + end
			if fs.width(t) <= maxW {
				lines[len(lines)-1] = t
				return lines
			}
			last = last[:len(last)-1]
		}
		lines = lines[:len(lines)-1]
	}
	return []string{"“" + end}
}

// wrap breaks text into lines no wider than maxW, between words; a single word wider than a line is
// broken between its letters, the only place a word is ever cut.
func wrap(fs *faces, text string, maxW fixed.Int26_6) []string {
	var lines []string
	cur := ""
	var curW fixed.Int26_6 // fs.width(cur): a width is the sum of its runes' advances
	space := fs.width(" ")
	for _, w := range strings.Fields(text) {
		ww := fs.width(w)
		for ww > maxW { // a word longer than the line: a URL, say
			cut := fitRunes(fs, w, maxW)
			if cur != "" {
				lines, cur = append(lines, cur), ""
			}
			lines = append(lines, w[:cut])
			w = w[cut:]
			ww = fs.width(w)
		}
		switch {
		case cur == "":
			cur, curW = w, ww
		case curW+space+ww <= maxW:
			cur += " " + w
			curW += space + ww
		default:
			lines, cur, curW = append(lines, cur), w, ww
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// fitRunes returns the byte length of the longest prefix of w, at least one rune, that fits maxW.
func fitRunes(fs *faces, w string, maxW fixed.Int26_6) int {
	n := 0
	for i, r := range w {
		if i > 0 && fs.width(w[:i+len(string(r))]) > maxW {
			break
		}
		n = i + len(string(r))
	}
	return n
}

// fitLine returns text on one line: whole, or cut after a whole word with "…" (between letters only
// when its first word alone is too wide).
func fitLine(fs *faces, text string, maxW fixed.Int26_6) string {
	text = strings.Join(strings.Fields(text), " ")
	if fs.width(text) <= maxW {
		return text
	}
	words := strings.Fields(text)
	for n := len(words) - 1; n > 0; n-- {
		if t := strings.Join(words[:n], " ") + "…"; fs.width(t) <= maxW {
			return t
		}
	}
	return text[:fitRunes(fs, text, maxW-fs.width("…"))] + "…"
}

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

// Draw draws the laid-out card, in the card's palette (palette): the background, then each line's
// glyphs in its colour, their anti-aliased edges as inkLevels blends of that colour with the
// background. Glyphs of one colour that overlap combine as draw.Over would combine them, so the card
// is the one an RGBA drawing gives, within half a blend's step (TestDrawMatchesRGBA), at an eighth
// of the bytes to compress (16 colours, two pixels a byte).
func (l Layout) Draw() (*image.Paletted, error) {
	img := image.NewPaletted(image.Rect(0, 0, l.Size.W, l.Size.H), palette) // all background (0)
	if err := l.drawOn(img, nil); err != nil {
		return nil, err
	}
	return img, nil
}

// drawOn draws the laid-out card on img, an image of the card's size in the card's palette whose
// pixels are all the background (0) but for the accent bar, which it draws again. With dirty not nil
// it appends to *dirty, line by line, the box of img the line's glyphs were painted in: what a canvas
// must clear for another card (the bar is the same on every card).
func (l Layout) drawOn(img *image.Paletted, dirty *[]image.Rectangle) error {
	fams, err := loadFonts()
	if err != nil {
		return err
	}
	bar := inkIndex(accent, inkLevels)
	for y := range l.Size.H {
		row := img.Pix[y*img.Stride:]
		for x := range min(AccentBar, l.Size.W) {
			row[x] = bar
		}
	}
	var placed []placedGlyph
	for _, ln := range l.Lines {
		origin := image.Pt(ln.Bounds.Min.X, ln.base)
		key := ln.paintKey()
		cached, _ := paintedLines.Get(key)
		if pl, ok := cached.(*paintedLine); ok && pl.copyTo(img, origin) {
			if dirty != nil && !pl.box.Empty() {
				*dirty = append(*dirty, pl.box.Add(origin))
			}
			continue
		}
		var fs *faces // made only when the glyph cache lacks one of the line's glyphs
		var painted, box image.Rectangle
		placed = placed[:0]
		dot := fixed.P(origin.X, origin.Y)
		for _, r := range ln.Text {
			dr, g, err := glyphAt(&fs, fams, ln, dot, r)
			if err != nil {
				return err
			}
			if !g.ok {
				continue // as font.Drawer does: no glyph, no advance
			}
			placed = append(placed, placedGlyph{dr, g.mask})
			painted = painted.Union(dr.Intersect(img.Rect))
			box = box.Union(dr)
			dot.X += g.advance
		}
		// The line's painting is kept the second time it is drawn (a line drawn once, as most
		// quotations' are, costs only its key), and only when it was painted over nothing.
		keep := cached == any(seenLine) && box.In(img.Rect) && blank(img, box)
		for _, p := range placed {
			paint(img, p.dr, p.mask, image.Point{}, ln.colour)
		}
		switch {
		case keep:
			paintedLines.Replace(key, cached, newPaintedLine(img, box, origin), int64(box.Dx()*box.Dy()))
		case cached == nil:
			paintedLines.Put(key, seenLine, 0)
		}
		if dirty != nil && !painted.Empty() {
			*dirty = append(*dirty, painted)
		}
	}
	return nil
}

// placedGlyph is a glyph's mask and the box of the card it is painted in.
type placedGlyph struct {
	dr   image.Rectangle
	mask *image.Alpha
}

// maxPaintedLineBytes bounds the pixels paintedLines keeps: a few articles' cards' title, source and
// speaker lines.
const maxPaintedLineBytes = 4 << 20

// paintedLines keeps the lines drawOn painted more than once, by paintKey: the cards of an article
// repeat its title, site and date, and a speaker's name and role on each of the speaker's quotes.
// A line's glyphs, and so its painting over the background, depend only on its key (it starts at a
// whole pixel, origin), so a kept line painted over a box of nothing but the background is copied
// there, not painted glyph by glyph again, and the card is the same (TestPaintedLines). A key seen
// once holds seenLine.
var paintedLines = lru.New(maxPaintedLineBytes)

// seenLine marks a line drawn once in paintedLines.
var seenLine = new(paintedLine)

// paintedLine is a line's painting over the background: the union of its glyphs' boxes relative to
// the line's origin, and the palette indices there, row by row.
type paintedLine struct {
	box image.Rectangle
	pix []byte
}

// paintKey returns the key of ln's painting: its style, size, colour and text.
func (ln Line) paintKey() string {
	b := make([]byte, 0, 20+len(ln.Text))
	b = binary.LittleEndian.AppendUint64(b, uint64(ln.style))
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(ln.size))
	b = append(b, ln.colour.R, ln.colour.G, ln.colour.B, ln.colour.A)
	return string(append(b, ln.Text...))
}

// newPaintedLine copies the box of img, the line at origin just painted over the background.
func newPaintedLine(img *image.Paletted, box image.Rectangle, origin image.Point) *paintedLine {
	pl := &paintedLine{box: box.Sub(origin), pix: make([]byte, 0, box.Dx()*box.Dy())}
	for y := box.Min.Y; y < box.Max.Y; y++ {
		pl.pix = append(pl.pix, img.Pix[img.PixOffset(box.Min.X, y):img.PixOffset(box.Max.X, y)]...)
	}
	return pl
}

// copyTo copies the line into img at origin and reports whether it did: only where its box is in
// img and all background, as when it was painted. seenLine copies nothing.
func (pl *paintedLine) copyTo(img *image.Paletted, origin image.Point) bool {
	if pl == seenLine {
		return false
	}
	box := pl.box.Add(origin)
	if !box.In(img.Rect) || !blank(img, box) {
		return false
	}
	w := box.Dx()
	for y := box.Min.Y; y < box.Max.Y; y++ {
		copy(img.Pix[img.PixOffset(box.Min.X, y):][:w], pl.pix[(y-box.Min.Y)*w:][:w])
	}
	return true
}

// blank reports whether every pixel of box, inside img, is the background (0).
func blank(img *image.Paletted, box image.Rectangle) bool {
	w := box.Dx()
	for y := box.Min.Y; y < box.Max.Y; y++ {
		row := img.Pix[img.PixOffset(box.Min.X, y):][:w]
		for len(row) > 0 {
			n := min(len(row), len(backgroundRow))
			if !bytes.Equal(row[:n], backgroundRow[:n]) {
				return false
			}
			row = row[n:]
		}
	}
	return true
}

// backgroundRow is a row of background pixels as wide as a card, for blank to compare rows with.
var backgroundRow = make([]byte, max(Landscape.W, Square.W))

// inkLevels is how many blends of each ink colour with the background the palette holds: the
// background and three colours of five blends make 16 entries, a 4-bit palette PNG's most, two
// pixels a byte. The cards were drawn in 85 blends (256 entries, a byte a pixel) until export12:
// five steps of coverage on the glyphs' edges look the same at the card's size (1200×630, and
// magnified three times barely), and the PNG has half the bytes to deflate: a real card (PolNeAR)
// is about half the bytes and its encoding about half the instructions (BENCHMARKS.md, export12).
const inkLevels = 5

// inks are the colours lines are drawn in.
var inks = [...]color.RGBA{ink, muted, accent}

// palette is the card's palette: the background, then each ink's blends with it, from faintest
// (level 1) to the ink itself (level inkLevels).
var palette = func() color.Palette {
	p := make(color.Palette, 0, 1+len(inks)*inkLevels)
	p = append(p, background)
	mix := func(bg, c uint8, k int) uint8 {
		return uint8((int(c)*k + int(bg)*(inkLevels-k) + inkLevels/2) / inkLevels)
	}
	for _, c := range inks {
		for k := 1; k <= inkLevels; k++ {
			p = append(p, color.RGBA{mix(background.R, c.R, k), mix(background.G, c.G, k), mix(background.B, c.B, k), 0xff})
		}
	}
	return p
}()

// inkIndex returns the palette index of ink c at level k (1 to inkLevels).
func inkIndex(c color.RGBA, k int) uint8 {
	for i, x := range inks {
		if x == c {
			return uint8(1 + i*inkLevels + k - 1)
		}
	}
	panic("quotecard: a line in a colour that is no ink")
}

// paint draws a glyph's mask (from mp) into dr of img in colour c, over what is there: over the
// background or over c's own blends, coverage combines as draw.Over's alpha does; over another
// colour (never on a laid-out card, whose lines do not overlap), c wins. A pixel of the background,
// most of a glyph's box, takes its index from overBackground in one step.
func paint(img *image.Paletted, dr image.Rectangle, mask *image.Alpha, mp image.Point, c color.RGBA) {
	clip := dr.Intersect(img.Rect)
	if clip.Empty() {
		return
	}
	first := inkIndex(c, 1)
	bg := &overBackground[(int(first)-1)/inkLevels]
	w := clip.Dx()
	for y := clip.Min.Y; y < clip.Max.Y; y++ {
		row := img.Pix[img.PixOffset(clip.Min.X, y):][:w]
		cov := mask.Pix[mask.PixOffset(mp.X+clip.Min.X-dr.Min.X, mp.Y+y-dr.Min.Y):][:w]
		// Eight pixels at a time: no coverage changes nothing (bg[0] is the background, and
		// paintOver leaves a pixel without coverage alone), and over eight of the background each
		// pixel is bg's. The rest, and the row's tail, pixel by pixel.
		x := 0
		for ; x+8 <= w; x += 8 {
			cv := binary.LittleEndian.Uint64(cov[x:])
			if cv == 0 {
				continue
			}
			r := row[x : x+8 : x+8]
			if binary.LittleEndian.Uint64(r) == 0 {
				a := cov[x : x+8 : x+8]
				r[0], r[1], r[2], r[3] = bg[a[0]], bg[a[1]], bg[a[2]], bg[a[3]]
				r[4], r[5], r[6], r[7] = bg[a[4]], bg[a[5]], bg[a[6]], bg[a[7]]
				continue
			}
			paintOver(r, cov[x:x+8], bg, first)
		}
		paintOver(row[x:], cov[x:], bg, first)
	}
}

// paintOver paints coverage cov into row, pixel by pixel, as paint does.
func paintOver(row, cov []byte, bg *[256]uint8, first uint8) {
	row = row[:len(cov)]
	for x, a := range cov {
		p := row[x]
		if p == 0 {
			row[x] = bg[a]
			continue
		}
		if a == 0 {
			continue
		}
		k0 := 0 // the coverage there, in levels
		if k := int(p) - int(first) + 1; k >= 1 && k <= inkLevels {
			k0 = k
		}
		if k := overLevels[k0][a]; k > 0 {
			row[x] = first + k - 1
		}
	}
}

// overBackground[i][a] is the palette index of coverage a (of 255) of ink i over the background:
// paint's result where the pixel is the background (overLevels[0][a] as a level of ink i), 0 where
// the coverage rounds to no level.
var overBackground = func() (t [len(inks)][256]uint8) {
	for i := range t {
		for a := range t[i] {
			if k := overLevels[0][a]; k > 0 {
				t[i][a] = uint8(1 + i*inkLevels + int(k) - 1)
			}
		}
	}
	return t
}()

// overLevels[k0][a] is coverage a (of 255) over coverage k0 (of inkLevels), in levels:
// k0 + a·(1 − k0), rounded.
var overLevels = func() (t [inkLevels + 1][256]uint8) {
	for k0 := range t {
		for a := range t[k0] {
			t[k0][a] = uint8(k0 + (a*(inkLevels-k0)+127)/255)
		}
	}
	return t
}()

// alphaAt returns the coverage of mask at (x, y).
func alphaAt(mask image.Image, x, y int) uint8 {
	if a, ok := mask.(*image.Alpha); ok {
		return a.Pix[a.PixOffset(x, y)]
	}
	return color.AlphaModel.Convert(mask.At(x, y)).(color.Alpha).A
}

// PNG lays out and draws c at size s, and encodes it as PNG.
func PNG(c Card, s Size) ([]byte, error) {
	return AppendPNG(nil, c, s)
}

// AppendPNG appends PNG's bytes of c at size s to dst: a caller that encodes card after card reuses
// one buffer (a card is some 14 KB, in a buffer of 64 KB or more) where PNG allocates one a card.
func AppendPNG(dst []byte, c Card, s Size) ([]byte, error) {
	l, err := Lay(c, s)
	if err != nil {
		return dst, err
	}
	pool := canvases[s]
	if pool == nil {
		img, err := l.Draw()
		if err != nil {
			return dst, err
		}
		return appendPNG(dst, img), nil
	}
	cv := pool.Get().(*canvas)
	defer pool.Put(cv)
	for _, r := range cv.dirty {
		for y := r.Min.Y; y < r.Max.Y; y++ {
			clear(cv.img.Pix[cv.img.PixOffset(r.Min.X, y):cv.img.PixOffset(r.Max.X, y)])
		}
	}
	cv.dirty = cv.dirty[:0]
	if err := l.drawOn(cv.img, &cv.dirty); err != nil {
		cv.dirty = append(cv.dirty[:0], cv.img.Rect) // half drawn: all of it to clear
		return dst, err
	}
	return appendPNG(dst, cv.img), nil
}

// canvas is an image PNG draws cards on, and the boxes the last card drawn on it painted (drawOn),
// which are all PNG clears before the next: clearing the whole 756 KB of a landscape card was 1% of
// an export's time.
type canvas struct {
	img   *image.Paletted
	dirty []image.Rectangle
}

// canvases keeps the canvases PNG draws cards of the two sizes on, which it encodes and no longer
// needs: a landscape card is 756 KB of pixels, and allocating one for each card of an export was
// half of what the export allocated.
var canvases = map[Size]*sync.Pool{Landscape: canvasPool(Landscape), Square: canvasPool(Square)}

func canvasPool(s Size) *sync.Pool {
	return &sync.Pool{New: func() any {
		return &canvas{img: image.NewPaletted(image.Rect(0, 0, s.W, s.H), palette)}
	}}
}
