package article

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
	"verbatim/article/model"

	"verbatim/internal/shared"
)

var blockKinds = map[model.BlockKind]bool{model.KindHeadline: true, model.KindParagraph: true, model.KindHeading2: true,
	model.KindHeading3: true, model.KindBlockquote: true, model.KindList: true, model.KindOrdered: true, model.KindFigure: true,
	model.KindImage: true, model.KindPre: true, model.KindRule: true}

// checkArticle fails when a violates the invariants of the Article contract: valid UTF-8, known
// block kinds, runs that join to their block's text, blocks in order inside the text space at
// their Start, quote and mention offsets inside the text space, and URLs the policy admits.
func checkArticle(t *testing.T, a *model.Article) {
	t.Helper()
	if _, err := json.Marshal(a); err != nil {
		t.Fatalf("the Article does not marshal: %v", err)
	}
	for _, s := range []string{a.Title, a.Byline, a.Site, a.Excerpt, a.Lang, a.Dir, a.Published, string(a.ID)} {
		if !utf8.ValidString(s) {
			t.Fatalf("invalid UTF-8 in metadata %q", s)
		}
	}
	if a.ID == "" {
		t.Fatal("empty ID")
	}
	text := []rune(a.Text())
	prevEnd := 0
	var check func(b model.Block, item bool)
	check = func(b model.Block, item bool) {
		if b.ID == "" {
			t.Fatalf("block without an ID: %+v", b)
		}
		if item && b.Kind != model.KindItem || !item && !blockKinds[b.Kind] {
			t.Fatalf("block %s has kind %q", b.ID, b.Kind)
		}
		if !utf8.ValidString(b.Text) {
			t.Fatalf("block %s: invalid UTF-8", b.ID)
		}
		n := utf8.RuneCountInString(b.Text)
		if b.Start < 0 || b.Start+n > len(text) || string(text[b.Start:b.Start+n]) != b.Text {
			t.Fatalf("block %s: text space at [%d,%d) is not its text %q", b.ID, b.Start, b.Start+n, b.Text)
		}
		if b.Kind == model.KindList || b.Kind == model.KindOrdered {
			var items []string
			for _, it := range b.Items {
				check(it, true)
				items = append(items, it.Text)
			}
			if got := strings.Join(items, "\n"); got != b.Text {
				t.Fatalf("list %s text %q is not its items %q", b.ID, b.Text, got)
			}
			return
		}
		if b.Start < prevEnd {
			t.Fatalf("block %s starts at %d, before the end of the previous block (%d)", b.ID, b.Start, prevEnd)
		}
		prevEnd = b.Start + n
		var sb strings.Builder
		for _, r := range b.Runs {
			if r.Text == "" {
				t.Fatalf("block %s has an empty run", b.ID)
			}
			sb.WriteString(r.Text)
		}
		if got := sb.String(); got != b.Text {
			t.Fatalf("block %s: runs join to %q, not its text %q", b.ID, got, b.Text)
		}
		if strings.ContainsRune(b.Text, 0) {
			t.Fatalf("block %s holds a NUL", b.ID)
		}
	}
	for _, b := range a.Blocks {
		check(b, false)
	}
	for _, q := range a.Quotes {
		if q.Start < 0 || q.Start > q.End || q.End > len(text) {
			t.Fatalf("quote %s at [%d,%d) is outside the text space (%d)", q.ID, q.Start, q.End, len(text))
		}
		if got := string(text[q.Start:q.End]); got != q.Text {
			t.Fatalf("quote %s: text space at [%d,%d) is %q, not its text %q", q.ID, q.Start, q.End, got, q.Text)
		}
		if m := q.Mention; m != nil && (m.Start < 0 || m.Start > m.End || m.End > len(text)) {
			t.Fatalf("mention of quote %s at [%d,%d) is outside the text space (%d)", q.ID, m.Start, m.End, len(text))
		} else if m != nil && string(text[m.Start:m.End]) != m.Text {
			t.Fatalf("mention of quote %s: text space at [%d,%d) is %q, not its text %q", q.ID, m.Start, m.End, string(text[m.Start:m.End]), m.Text)
		}
	}
	for _, e := range a.Extras {
		if !utf8.ValidString(e.Text) {
			t.Fatalf("extra with invalid UTF-8")
		}
	}
	checkURLs(t, string(a.ID), a)
}

// FuzzParse feeds Parse arbitrary input in every format. Parse must never panic; what it returns
// must keep the Article's invariants (checkArticle); sanitizing the input twice must give what
// sanitizing once gives; and markup wrapped around text with no "<" or "&" of its own must never
// reach a block's text.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"Headline\n\nA paragraph, “with a quote,” he said.\n\nFollow Jane on Twitter @jane",
		"<!doctype html><html lang=en dir=rtl><title>T</title><body><article><p>Hello <a href='https://e.com'>x</a></p></article>",
		"<p>frag <b>bold</b> <img src=x onerror=alert(1)> <a href=javascript:alert(1)>j</a></p>",
		"# Title\n\n- a\n- b\n\n> q\n\n[l](https://e.com) ![i](data:image/png;base64,AAAA)",
		"Head\xff\xfe\r\n\r\nbody\rmore",
		"<div><div><q>x</q><figure><img src=https://e.com/a.png><figcaption>c</figcaption></figure></div>",
		"<table><tr><td>a<td>b<tr><td><ul><li>x<ol><li>y</ol></ul></table><pre>\n code</pre><hr>",
	} {
		f.Add(s, uint8(0))
	}
	// Long seeds are cut to 512 bytes: the fuzzer minimizes every new input it finds, trying O(n²)
	// cuts of it, and on long inputs that fills its 60 s minimizing budget (-fuzzminimizetime).
	// Short runs explore more with -fuzzminimizetime 5s.
	cut := func(s string) string { return s[:min(len(s), 512)] }
	// The golden inputs, each in its format, and the committed XSS payloads as fragments.
	for _, g := range goldens {
		b, err := os.ReadFile(filepath.Join("testdata", g.input))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(cut(string(b)), uint8(slices.Index(allFormats, g.format)))
	}
	for _, p := range xssSubset(f) {
		f.Add(p.Payload, uint8(3))
	}
	const fewer = "with fewer seeds"
	if p, ok := shared.Optional(f, "corpora/polnear/dev.jsonl.gz", fewer); ok {
		texts, err := readPolNeAR(p)
		if err != nil {
			f.Fatal(err)
		}
		for i := 0; i < len(texts); i += 20 {
			f.Add(cut(texts[i]), uint8(1))
		}
	}
	for i, pg := range optionalReadabilityPages(f, fewer) {
		if i%13 == 0 {
			f.Add(cut(string(pg.source)), uint8(2))
			f.Add(cut(string(pg.expected)), uint8(3))
		}
	}
	if p, ok := shared.Optional(f, "corpora/xss/payloads.jsonl", fewer); ok {
		all, err := readXSSCorpus(p)
		if err != nil {
			f.Fatal(err)
		}
		for i := 0; i < len(all); i += 25 {
			f.Add(all[i].Payload, uint8(3))
		}
	}
	f.Fuzz(func(t *testing.T, src string, which uint8) {
		format := allFormats[int(which)%len(allFormats)]
		a, err := Parse(strings.NewReader(src), Options{Format: format})
		if err == nil {
			checkArticle(t, a)
		}
		once := Sanitize(src)
		if twice := Sanitize(once); twice != once {
			t.Fatalf("Sanitize is not idempotent:\n%q\n%q", once, twice)
		}
		if !utf8.ValidString(once) && utf8.ValidString(src) {
			t.Fatalf("Sanitize made invalid UTF-8 of valid input")
		}
		// Markup around plain words must not leak into block text.
		plain := strings.NewReplacer("<", "", "&", "", "\x00", "").Replace(src)
		wrapped := "<div><p><b>" + plain + "</b><br><i>" + plain + "</i></p><ul><li>" + plain + "</li></ul></div>"
		if a, err := Parse(strings.NewReader(wrapped), Options{Format: model.FormatFragment}); err == nil {
			checkArticle(t, a)
			for _, b := range textBlocks(a.Blocks) {
				if strings.ContainsRune(b.Text, '<') {
					t.Fatalf("block %s holds markup: %q", b.ID, b.Text)
				}
			}
		}
	})
}
