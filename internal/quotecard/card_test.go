package quotecard

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"strings"
	"testing"
	"time"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
)

// TestCards lays out and draws cards of every kind at both sizes, and checks what a reader relies
// on: the PNG decodes at its size; every line lies inside the margins and none overlaps another; no
// ink falls outside the margins but the accent bar; a quotation that fits is shown whole, and one
// that does not is cut after a whole word, ends with "…", and the card says it was shortened.
func TestCards(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("They have a very similar approach to international affairs, and this is what makes it possible to have a dialogue. ", 30)
	cases := []struct {
		name      string
		card      Card
		shortened bool
	}{
		{"short quote", Card{Quote: "We keep it.", Speaker: "Anna Voss", Role: "mayor", Title: "The ferry stays", Site: "Courier", Date: "3 March 2026", Link: "verbatim.example/article/ferry/q/1"}, false},
		{"long quote", Card{Quote: long, Speaker: "Dmitry Peskov", Role: "Kremlin spokesman", Title: "Putin's spokesman", Site: "Mediaite", Date: "26 March 2017", Link: "verbatim.example/article/zakaria-peskov/q/3"}, true},
		{"no speaker", Card{Quote: "Nobody knows who said this, but it was said.", Title: "Unattributed", Link: "verbatim.example/article/x/q/2"}, false},
		{"a word wider than the card", Card{Quote: "See " + strings.Repeat("w", 300) + " now.", Speaker: "A", Title: "T", Link: "l"}, false},
		{"long footer", Card{Quote: "Short.", Speaker: strings.Repeat("Name ", 60), Role: strings.Repeat("role ", 80), Title: strings.Repeat("Title ", 80), Site: strings.Repeat("Site ", 40), Date: "1 May 2026", Link: "verbatim.example/" + strings.Repeat("x", 400)}, false},
		{"German and Latin Extended", Card{Quote: "Größere Übersetzungen sind nötig, sagte Łukasz Żółć.", Speaker: "Łukasz Żółć", Title: "Straße", Link: "l"}, false},
		{"a megabyte of quotation", Card{Quote: strings.Repeat("word ", 200_000), Speaker: "A", Title: "T", Link: "l"}, true},
		{"title card", Card{Title: "The ferry stays: the council votes to keep the island's lifeline", Site: "Courier", Date: "3 March 2026", Link: "verbatim.example/article/ferry"}, false},
	}
	for _, c := range cases {
		for _, size := range []Size{Landscape, Square} {
			t.Run(c.name+" "+sizeName(size), func(t *testing.T) {
				t.Parallel()
				l, err := Lay(c.card, size)
				if err != nil {
					t.Fatal(err)
				}
				checkLines(t, l)
				if c.card.Quote != "" {
					checkQuote(t, l, c.card.Quote, c.shortened)
				}
				b, err := PNG(c.card, size)
				if err != nil {
					t.Fatal(err)
				}
				img, err := png.Decode(bytes.NewReader(b))
				if err != nil {
					t.Fatalf("the card does not decode as PNG: %v", err)
				}
				if got := img.Bounds().Size(); got != image.Pt(size.W, size.H) {
					t.Fatalf("the card is %v, want %dx%d", got, size.W, size.H)
				}
				checkInk(t, img, l.Content)
			})
		}
	}
}

// TestPNGReusesCanvas checks that a card PNG draws on a canvas another card was drawn on (canvases)
// is the card alone: each card of a sequence, at both sizes, decodes to exactly the pixels Draw
// gives it on a fresh image, whichever card (a long quotation's, inked nearly everywhere, or a short
// one's) came before it. Not parallel: each card is to find the canvas the one before left.
func TestPNGReusesCanvas(t *testing.T) {
	long := strings.Repeat("They have a very similar approach to international affairs. ", 40)
	seq := []Card{
		{Quote: long, Speaker: "Dmitry Peskov", Role: "Kremlin spokesman", Title: "Putin's spokesman", Link: "l"},
		{Quote: "We keep it.", Speaker: "Anna Voss", Title: "The ferry stays", Link: "l"},
		{Title: "A title card", Site: "Courier", Date: "3 March 2026", Link: "l"},
		{Quote: long, Speaker: "A", Title: "T", Link: "l"},
	}
	for _, size := range []Size{Landscape, Square} {
		for i, c := range seq {
			b, err := PNG(c, size)
			if err != nil {
				t.Fatal(err)
			}
			got, err := png.Decode(bytes.NewReader(b))
			if err != nil {
				t.Fatalf("%s card %d does not decode: %v", sizeName(size), i, err)
			}
			_, want := layAndDraw(t, c, size)
			if p, ok := got.(*image.Paletted); !ok || !bytes.Equal(p.Pix, want.Pix) {
				t.Errorf("%s card %d differs from the card drawn on a fresh image", sizeName(size), i)
			}
		}
	}
}

// TestAppendPNG checks that AppendPNG appends PNG's bytes: after a prefix, and into one buffer reused
// card after card, as the export does, each card's bytes are PNG's for it.
func TestAppendPNG(t *testing.T) {
	t.Parallel()
	seq := []Card{
		{Quote: strings.Repeat("A long quotation, inked nearly everywhere. ", 30), Speaker: "Anna Voss", Title: "The ferry stays", Link: "l"},
		{Quote: "We keep it.", Speaker: "Anna Voss", Title: "The ferry stays", Link: "l"},
		{Title: "A title card", Site: "Courier", Date: "3 March 2026", Link: "l"},
	}
	prefix := []byte("prefix")
	var buf []byte
	for i, c := range seq {
		want, err := PNG(c, Landscape)
		if err != nil {
			t.Fatal(err)
		}
		got, err := AppendPNG(bytes.Clone(prefix), c, Landscape)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, append(bytes.Clone(prefix), want...)) {
			t.Errorf("card %d: AppendPNG after a prefix is not the prefix and PNG's bytes", i)
		}
		if buf, err = AppendPNG(buf[:0], c, Landscape); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(buf, want) {
			t.Errorf("card %d: AppendPNG into the last card's buffer is not PNG's bytes", i)
		}
	}
}

// layAndDraw lays out c at size and draws it on a new image.
func layAndDraw(t testing.TB, c Card, size Size) (Layout, *image.Paletted) {
	t.Helper()
	l, err := Lay(c, size)
	if err != nil {
		t.Fatal(err)
	}
	img, err := l.Draw()
	if err != nil {
		t.Fatal(err)
	}
	return l, img
}

func sizeName(s Size) string {
	if s == Square {
		return "square"
	}
	return "landscape"
}

// checkLines checks that every line is inside the margins, not empty, and below the one before.
func checkLines(t *testing.T, l Layout) {
	t.Helper()
	for i, ln := range l.Lines {
		if ln.Text == "" || !ln.Bounds.In(l.Content) {
			t.Errorf("line %d %q at %v: outside the margins %v", i, ln.Text, ln.Bounds, l.Content)
		}
		if i > 0 && ln.Bounds.Min.Y < l.Lines[i-1].Bounds.Max.Y {
			t.Errorf("line %d %q at %v overlaps the line before it at %v", i, ln.Text, ln.Bounds, l.Lines[i-1].Bounds)
		}
	}
}

// checkQuote checks the quotation's lines: whole when it fits, else cut after a whole word.
func checkQuote(t *testing.T, l Layout, quote string, shortened bool) {
	t.Helper()
	var shown []string
	hasNote := false
	for _, ln := range l.Lines {
		if ln.size >= l.Lines[0].size && ln.style == l.Lines[0].style {
			shown = append(shown, ln.Text)
		}
		hasNote = hasNote || ln.Text == ShortenedNote
	}
	text := strings.Join(shown, " ")
	want := strings.Join(strings.Fields(quote), " ")
	if l.Shortened != shortened || hasNote != shortened {
		t.Fatalf("shortened %v, note shown %v, want %v", l.Shortened, hasNote, shortened)
	}
	if !shortened {
		// Lines break between words, or inside a word wider than the card only.
		if strings.ReplaceAll(text, " ", "") != strings.ReplaceAll("“"+want+"”", " ", "") {
			t.Errorf("the card shows %q, want the whole quotation %q", text, want)
		}
		return
	}
	kept, ok := strings.CutSuffix(text, "…”")
	kept = strings.TrimPrefix(kept, "“")
	if !ok || kept == "" || !strings.HasPrefix(want, kept) {
		t.Fatalf("the shortened quotation %q is not a start of the quotation ending in …”", text)
	}
	// Cut after a whole word: the quotation goes on with a space or punctuation dropped before "…".
	if next := want[len(kept):]; next != "" && !strings.ContainsAny(next[:1], " ,;:—–-") {
		t.Errorf("the shortened quotation %q is cut inside a word (goes on with %q)", text, next[:min(10, len(next))])
	}
}

// checkInk checks that every pixel outside the margins, but for the accent bar, is background.
func checkInk(t *testing.T, img image.Image, content image.Rectangle) {
	t.Helper()
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := AccentBar; x < b.Max.X; x++ {
			if image.Pt(x, y).In(content) {
				continue
			}
			if r, g, bl, _ := img.At(x, y).RGBA(); r>>8 != uint32(background.R) || g>>8 != uint32(background.G) || bl>>8 != uint32(background.B) {
				t.Fatalf("ink at (%d, %d), outside the margins %v", x, y, content)
			}
		}
	}
}

// TestSfntFromWOFF checks that the bundled fonts decode and that a damaged WOFF file is refused
// with an error, not a panic.
func TestSfntFromWOFF(t *testing.T) {
	t.Parallel()
	if _, err := loadFonts(); err != nil {
		t.Fatalf("the bundled fonts: %v", err)
	}
	good, err := fontFiles.ReadFile("fonts/atkinson-hyperlegible-latin-400-normal.woff")
	if err != nil {
		t.Fatal(err)
	}
	bad := map[string][]byte{
		"empty":          nil,
		"not WOFF":       append([]byte("OTTO"), good[4:]...),
		"truncated":      good[:60],
		"cut in a table": good[:len(good)/2],
	}
	for name, b := range bad {
		if _, err := sfntFromWOFF(b); err == nil {
			t.Errorf("%s: decoded, want an error", name)
		}
	}
}

// TestDrawMatchesRGBA draws cards in the palette (Draw) and as font.Drawer draws them over an RGBA
// image, and checks that every pixel is the same colour within half the palette's step: a blend
// level is 1/inkLevels of coverage, so no channel may be off by more than half of an ink's channel's
// distance from the background's over inkLevels, and one for rounding.
func TestDrawMatchesRGBA(t *testing.T) {
	t.Parallel()
	tolerance := 0
	for _, c := range inks {
		for _, d := range []int{int(c.R) - int(background.R), int(c.G) - int(background.G), int(c.B) - int(background.B)} {
			tolerance = max(tolerance, (max(d, -d)+inkLevels-1)/inkLevels/2+1)
		}
	}
	for _, c := range []Card{
		{Quote: "We keep it, whatever the budget says about the island's ferry.", Speaker: "Anna Voss", Role: "mayor", Title: "The ferry stays", Site: "Courier", Date: "3 March 2026", Link: "verbatim.example/article/ferry/q/1"},
		{Quote: "Größere Übersetzungen sind nötig, sagte Łukasz Żółć.", Speaker: "Łukasz Żółć", Title: "Straße", Link: "l"},
		{Title: "The ferry stays: the council votes to keep the island's lifeline", Site: "Courier", Date: "3 March 2026", Link: "verbatim.example/article/ferry"},
	} {
		for _, size := range []Size{Landscape, Square} {
			l, got := layAndDraw(t, c, size)
			want := drawRGBA(t, l)
			inked, worst := 0, 0
			for y := range size.H {
				for x := range size.W {
					w := want.RGBAAt(x, y)
					g := got.At(x, y).(color.RGBA)
					if w != background {
						inked++
					}
					for _, d := range []int{int(w.R) - int(g.R), int(w.G) - int(g.G), int(w.B) - int(g.B)} {
						worst = max(worst, d, -d)
					}
				}
			}
			if worst > tolerance || inked < size.W { // the accent bar alone inks more than a row's worth
				t.Errorf("%q %s: %d inked pixels, off by up to %d", c.Title, sizeName(size), inked, worst)
			}
		}
	}
}

// drawRGBA draws l over an RGBA image with font.Drawer and draw.Over: the reference for Draw.
func drawRGBA(t testing.TB, l Layout) *image.RGBA {
	t.Helper()
	fams, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	img := image.NewRGBA(image.Rect(0, 0, l.Size.W, l.Size.H))
	draw.Draw(img, img.Bounds(), image.NewUniform(background), image.Point{}, draw.Src)
	draw.Draw(img, image.Rect(0, 0, AccentBar, l.Size.H), image.NewUniform(accent), image.Point{}, draw.Src)
	for _, ln := range l.Lines {
		fs, err := newFaces(fams[ln.style], ln.size)
		if err != nil {
			t.Fatal(err)
		}
		asc, _ := fs.metrics()
		d := font.Drawer{Dst: img, Src: image.NewUniform(ln.colour), Dot: fixed.P(ln.Bounds.Min.X, ln.Bounds.Min.Y+asc.Ceil())}
		for _, r := range ln.Text {
			d.Face = fs.faceFor(r)
			d.DrawString(string(r))
		}
	}
	return img
}

// BenchmarkPNG draws and encodes a card as PNG does (palette), and, as the baseline, as it did
// before the palette (drawRGBA, an RGB PNG at the same compression level), interleaved, and reports
// the palette's share of the baseline's time (palette/rgba) and its size (bytes).
func BenchmarkPNG(b *testing.B) {
	c := Card{Quote: "We have listened to every letter about the harbour ferry, and we will keep our promise,", Speaker: "Mayor Ana Voss",
		Title: "Article 12: the council's plan for the harbour ferry", Site: "Courier", Date: "3 March 2026", Link: "verbatim.example/article/a000012/q/3"}
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	var palette, rgba time.Duration
	var size int
	for b.Loop() {
		start := time.Now()
		out, err := PNG(c, Landscape)
		if err != nil {
			b.Fatal(err)
		}
		palette += time.Since(start)
		size = len(out)
		start = time.Now()
		l, err := Lay(c, Landscape)
		if err != nil {
			b.Fatal(err)
		}
		if err := enc.Encode(io.Discard, drawRGBA(b, l)); err != nil {
			b.Fatal(err)
		}
		rgba += time.Since(start)
	}
	b.ReportMetric(float64(palette)/float64(rgba), "palette/rgba")
	b.ReportMetric(float64(size), "bytes")
}
