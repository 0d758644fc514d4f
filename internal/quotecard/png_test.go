package quotecard

import (
	"bytes"
	stdflate "compress/flate"
	"hash/adler32"
	"image"
	"image/png"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/klauspost/compress/flate"
)

// TestEncodePNG checks that appendPNG's PNG decodes (with image/png) to exactly the image it was
// given, for images whose blank rows (rows equal to row 0) come first, last, in runs between other
// rows, everywhere or nowhere, and for a card; and that it is no larger than image/png's at
// BestSpeed by more than its segments' few bytes.
func TestEncodePNG(t *testing.T) {
	t.Parallel()
	card, err := Lay(Card{Quote: "We keep it.", Speaker: "Anna Voss", Title: "The ferry stays", Link: "l"}, Landscape)
	if err != nil {
		t.Fatal(err)
	}
	drawn, err := card.Draw()
	if err != nil {
		t.Fatal(err)
	}
	rnd := rand.New(rand.NewPCG(1, 2))
	// paletted returns a w×h image whose row y is blank (all 3) unless ink(y), then random.
	paletted := func(w, h int, ink func(y int) bool) *image.Paletted {
		img := image.NewPaletted(image.Rect(0, 0, w, h), palette)
		for y := range h {
			for x := range w {
				img.Pix[y*w+x] = 3
				if ink(y) {
					img.Pix[y*w+x] = uint8(rnd.IntN(len(palette)))
				}
			}
		}
		return img
	}
	cases := map[string]*image.Paletted{
		"a card":               drawn,
		"all blank":            paletted(50, 40, func(int) bool { return false }),
		"no blank run":         paletted(30, 20, func(y int) bool { return y%2 == 1 }),
		"blank runs between":   paletted(64, 100, func(y int) bool { return y/7%3 == 1 }),
		"ink first then blank": paletted(20, 30, func(y int) bool { return y < 5 }),
		"blank last":           paletted(20, 30, func(y int) bool { return y > 0 && y < 25 }),
		"one pixel":            paletted(1, 1, func(int) bool { return false }),
		"odd width":            paletted(37, 30, func(y int) bool { return y/4%2 == 1 }),
		"repeated ink rows":    paletted(40, 30, func(y int) bool { return y > 3 }),
	}
	for y := 10; y < 20; y++ { // rows equal to each other but not blank
		copy(cases["repeated ink rows"].Pix[y*40:(y+1)*40], cases["repeated ink rows"].Pix[9*40:10*40])
	}
	for name, img := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			b := appendPNG(nil, img)
			got, err := png.Decode(bytes.NewReader(b))
			if err != nil {
				t.Fatalf("does not decode: %v", err)
			}
			p, ok := got.(*image.Paletted)
			if !ok || p.Rect != img.Rect || !bytes.Equal(p.Pix, img.Pix) || len(p.Palette) != len(img.Palette) {
				t.Fatalf("decodes to another image (%T %v)", got, got.Bounds())
			}
			for i := range p.Palette {
				if p.Palette[i] != img.Palette[i] {
					t.Fatalf("palette entry %d is %v, want %v", i, p.Palette[i], img.Palette[i])
				}
			}
			var std bytes.Buffer
			if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&std, img); err != nil {
				t.Fatal(err)
			}
			if len(b) > std.Len()*11/10+64 {
				t.Errorf("%d bytes, image/png's %d", len(b), std.Len())
			}
		})
	}
}

// TestPackRow packs rows of every width up to 40, of random pixels under 16 and of runs of the
// background, and checks each byte against two pixels packed one at a time.
func TestPackRow(t *testing.T) {
	t.Parallel()
	rnd := rand.New(rand.NewPCG(3, 4))
	for w := range 41 {
		for _, density := range []int{0, 3, 16} { // in 16: how often a pixel is not the background
			row := make([]byte, w)
			for x := range row {
				if rnd.IntN(16) < density {
					row[x] = uint8(rnd.IntN(16))
				}
			}
			got := packRow([]byte{0xaa}, row)
			want := []byte{0xaa}
			for x := 0; x < w; x += 2 {
				b := row[x] << 4
				if x+1 < w {
					b |= row[x+1]
				}
				want = append(want, b)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("width %d, density %d: % x, want % x", w, density, got, want)
			}
		}
	}
}

// TestAdler32Combine checks the combined checksum against the checksum of the joined bytes.
func TestAdler32Combine(t *testing.T) {
	t.Parallel()
	rnd := rand.New(rand.NewPCG(3, 4))
	for _, n := range [][2]int{{0, 0}, {0, 5}, {5, 0}, {1, 1}, {100, 70000}, {65521, 65521}, {200000, 3}} {
		a, b := make([]byte, n[0]), make([]byte, n[1])
		for i := range a {
			a[i] = byte(rnd.IntN(256))
		}
		for i := range b {
			b[i] = 0xff
		}
		if got, want := adler32Combine(adler32.Checksum(a), adler32.Checksum(b), len(b)), adler32.Checksum(append(a, b...)); got != want {
			t.Errorf("%v: %08x, want %08x", n, got, want)
		}
	}
}

// TestAdler32Update checks adler32Update against hash/adler32 on bytes with and without zero words,
// with runs of zeros of any length between spans of other bytes, longer than its 64 KB step, of
// every length modulo 8, and continued from another sum.
func TestAdler32Update(t *testing.T) {
	t.Parallel()
	rnd := rand.New(rand.NewPCG(5, 6))
	fill := func(n int, zeros int) []byte { // zeros in 8: how many bytes are 0
		b := make([]byte, n)
		for i := range b {
			if rnd.IntN(8) >= zeros {
				b[i] = byte(1 + rnd.IntN(255))
			}
		}
		return b
	}
	cases := map[string][]byte{
		"empty":              nil,
		"one byte":           {7},
		"all zero":           make([]byte, 200001),
		"all 0xff, long":     bytes.Repeat([]byte{0xff}, 3<<16+5),
		"no zero":            fill(100003, 0),
		"mostly zero":        fill(150007, 7),
		"half zero":          fill(70001, 4),
		"zero runs and 0xff": append(append(make([]byte, 1000), bytes.Repeat([]byte{0xff}, 70000)...), make([]byte, 70003)...),
		"ink in zero runs":   nil,
	}
	for len(cases["ink in zero runs"]) < 90000 { // a card's rows: spans of ink between runs of background
		cases["ink in zero runs"] = append(cases["ink in zero runs"], make([]byte, rnd.IntN(100))...)
		cases["ink in zero runs"] = append(cases["ink in zero runs"], fill(1+rnd.IntN(40), 2)...)
	}
	for name, b := range cases {
		for _, cut := range []int{0, 1, 7, 8, 9, 4096} {
			cut = min(cut, len(b))
			want := adler32.Checksum(b)
			if got := adler32Update(adler32Update(1, b[:cut]), b[cut:]); got != want {
				t.Errorf("%s, cut at %d: %08x, want %08x", name, cut, got, want)
			}
		}
	}
}

// ferryCard is a quotation card with every line (quote, speaker and role, title, site, date, link),
// drawn by the PNG benchmarks.
var ferryCard = Card{Quote: "We have listened to every letter about the harbour ferry, and we will keep our promise.", Speaker: "Mayor Ana Voss", Role: "Mayor",
	Title: "Article 12: the council's plan for the harbour ferry", Site: "Courier", Date: "3 March 2026", Link: "verbatim.example/article/a000012/q/3"}

// BenchmarkAdler32 sums a drawn card's unfiltered rows (what appendPNG deflates, before it left out
// the blank runs) with adler32Update and, as the baseline, with hash/adler32, interleaved, and
// reports the first's share of the baseline's time (update/std).
func BenchmarkAdler32(b *testing.B) {
	_, img := layAndDraw(b, ferryCard, Landscape)
	var rows []byte
	for y := range img.Rect.Dy() {
		rows = append(rows, 0)
		rows = append(rows, img.Pix[y*img.Stride:y*img.Stride+img.Rect.Dx()]...)
	}
	var fast, slow time.Duration
	for b.Loop() {
		start := time.Now()
		x := adler32Update(1, rows)
		fast += time.Since(start)
		start = time.Now()
		y := adler32.Checksum(rows)
		slow += time.Since(start)
		if x != y {
			b.Fatalf("%08x, want %08x", x, y)
		}
	}
	b.ReportMetric(float64(fast)/float64(slow), "update/std")
}

// BenchmarkPNGDeflate encodes drawn cards as appendPNG does (klauspost/compress's flate at level 1,
// without the segment cache)
// and, as the baseline, with compress/flate at BestSpeed in its place, interleaved, and reports the
// first's share of the baseline's time (klauspost/std) and both sizes (bytes, std-bytes), the mean
// over three cards: a long quotation, a short one and a title card.
func BenchmarkPNGDeflate(b *testing.B) {
	var imgs []*image.Paletted
	for _, c := range []Card{
		{Quote: "We have listened to every letter about the harbour ferry, and we will keep our promise, whatever the cost to the council and to the town's other plans this year.", Speaker: "Mayor Ana Voss", Role: "Mayor",
			Title: "Article 12: the council's plan for the harbour ferry", Site: "Courier", Date: "3 March 2026", Link: "verbatim.example/article/a000012/q/3"},
		{Quote: "Nothing changes before the spring.", Speaker: "Dr. Clara Lind", Title: "Article 7: the council's plan for the new bridge", Site: "Courier", Date: "8 March 2026", Link: "verbatim.example/article/a000007/q/1"},
		{Title: "Article 3: the council's plan for school meals", Site: "Courier", Date: "4 March 2026", Link: "verbatim.example/article/a000003"},
	} {
		_, img := layAndDraw(b, c, Landscape)
		imgs = append(imgs, img)
	}
	std, err := stdflate.NewWriter(nil, stdflate.BestSpeed)
	if err != nil {
		b.Fatal(err)
	}
	z := zlibPool.Get().(*flate.Writer)
	defer zlibPool.Put(z)
	for _, img := range imgs { // the writers and the glyph cache made before the timing
		appendPNGWith(nil, img, z, nil)
		appendPNGWith(nil, img, std, nil)
	}
	var fast, slow time.Duration
	var size, stdSize, n int
	for b.Loop() {
		img := imgs[n%len(imgs)]
		start := time.Now()
		size += len(appendPNGWith(nil, img, z, nil))
		fast += time.Since(start)
		start = time.Now()
		stdSize += len(appendPNGWith(nil, img, std, nil))
		slow += time.Since(start)
		n++
	}
	b.ReportMetric(float64(fast)/float64(slow), "klauspost/std")
	b.ReportMetric(float64(size)/float64(n), "bytes")
	b.ReportMetric(float64(stdSize)/float64(n), "std-bytes")
}

// articleCards draws the landscape cards of one article's quotes, as the export draws them: the
// same title, site and date on each, two quotes of one speaker, and the title card.
func articleCards(t testing.TB) []*image.Paletted {
	t.Helper()
	title, site, date := "Article 12: the council's plan for the harbour ferry", "Courier", "3 March 2026"
	link := "verbatim.example/article/a000012"
	var imgs []*image.Paletted
	for _, c := range []Card{
		{Quote: "We have listened to every letter about the harbour ferry, and we will keep our promise.", Speaker: "Mayor Ana Voss", Role: "Mayor", Link: link + "/q/1"},
		{Quote: "Nothing changes before the spring.", Speaker: "Mayor Ana Voss", Role: "Mayor", Link: link + "/q/2"},
		{Quote: "The ferry is the island's only road, and the council knows it.", Speaker: "Dr. Clara Lind", Role: "harbour master", Link: link + "/q/3"},
		{Quote: "We were not asked.", Link: link + "/q/4"},
		{Link: link},
	} {
		c.Title, c.Site, c.Date = title, site, date
		_, img := layAndDraw(t, c, Landscape)
		imgs = append(imgs, img)
	}
	return imgs
}

// TestSegmentCache checks that the cards of an article encoded with the segment cache, empty and
// then holding every segment, are byte for byte the cards encoded without it, and that the article's
// cards share segments.
func TestSegmentCache(t *testing.T) {
	t.Parallel()
	z, _ := flate.NewWriter(nil, flate.BestSpeed)
	cache := newSegmentCache()
	imgs := articleCards(t)
	for pass := range 2 {
		for i, img := range imgs {
			want := appendPNGWith(nil, img, z, nil)
			if got := appendPNGWith(nil, img, z, cache); !bytes.Equal(got, want) {
				t.Errorf("pass %d, card %d: %d bytes with the cache, %d without", pass, i, len(got), len(want))
			}
		}
		if pass == 0 && cache.hits.Load() == 0 {
			t.Errorf("no segment of the article's cards was found again (%d bytes of rows deflated)", cache.missRows.Load())
		}
	}
}

// BenchmarkPNGSegments encodes cards with a segment cache of their own, empty at each iteration
// (cache), and without one (none), and reports the share of the segment rows found in the cache
// (rows-hit): for the cards of one article (articleCards), whose title, source and speaker lines
// repeat, and for three cards with nothing in common, where the cache only costs. On a loaded host,
// compare instructions rather than ns/op (valgrind --tool=cachegrind, the difference of two
// -benchtime counts; BENCHMARKS.md).
func BenchmarkPNGSegments(b *testing.B) {
	unrelated := []Card{
		ferryCard,
		{Quote: "Nothing changes before the spring.", Speaker: "Dr. Clara Lind", Title: "Bridge works start", Site: "Gazette", Date: "8 May 2025", Link: "verbatim.example/article/b7/q/1"},
		{Title: "School meals: what the new contract changes", Site: "Post", Date: "4 June 2024", Link: "verbatim.example/article/c3"},
	}
	sets := map[string][]*image.Paletted{"article": articleCards(b)}
	for _, c := range unrelated {
		_, img := layAndDraw(b, c, Landscape)
		sets["unrelated"] = append(sets["unrelated"], img)
	}
	for _, name := range []string{"article", "unrelated"} {
		for _, cached := range []bool{true, false} {
			imgs := sets[name]
			b.Run(name+"/"+map[bool]string{true: "cache", false: "none"}[cached], func(b *testing.B) {
				z, _ := flate.NewWriter(nil, flate.BestSpeed)
				var hitRows, allRows int
				for b.Loop() {
					var cache *segmentCache
					if cached {
						cache = newSegmentCache()
					}
					for _, img := range imgs {
						appendPNGWith(nil, img, z, cache)
					}
					if cached {
						hitRows += int(cache.hitRows.Load())
						allRows += int(cache.hitRows.Load() + cache.missRows.Load())
					}
				}
				if cached {
					b.ReportMetric(float64(hitRows)/float64(allRows), "rows-hit")
				}
			})
		}
	}
}
