package article

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"verbatim/article/model"
	"verbatim/article/slugify"
	"verbatim/internal/longtest"
)

func TestDetectFormat(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src string
		want      model.Format
	}{
		{"sample-like text", "Headline: Was There ‘Serious Communication’?\n\nBody [the] text, with “quotes”.\n\n[image via screengrab]", model.FormatText},
		{"text with a less-than", "Headline\n\nPrices <3 and a<b, said Smith.", model.FormatText},
		{"text with dashes and a list-like line", "Headline\n\n- not really markdown, just a dash line.\n\nMore text.", model.FormatText},
		{"doctype page", "<!DOCTYPE html><html><head><title>T</title></head><body><p>x</p></body></html>", model.FormatHTML},
		{"page without doctype", "\n  <html lang=en><body><p>x</p></body></html>", model.FormatHTML},
		{"page after a comment", "<!-- saved --><!doctype html><p>x", model.FormatHTML},
		{"body tag only", "<body><p>one</p><p>two</p></body>", model.FormatHTML},
		{"fragment", "<p>Hello <b>world</b></p>", model.FormatFragment},
		{"fragment starting with text", "Intro text <em>with</em> <a href=x>tags</a> <br> here", model.FormatFragment},
		{"markdown heading", "# Title\n\nSome *text* here.\n\n- one\n- two", model.FormatMarkdown},
		{"markdown links", "Read [the post](https://example.com/p) and this.", model.FormatMarkdown},
		{"markdown inline marks", "Some **strong** words and `code`.", model.FormatMarkdown},
		{"markdown list with strong", "Intro.\n\n- **one** thing\n- two things", model.FormatMarkdown},
		{"markdown holding raw HTML", "# Title\n\nSome text.\n\n<div class=x>a <b>box</b></div>\n\n<p>more</p>", model.FormatMarkdown},
		{"fragment opening with a tag, with a markdown-like link", "<p>See [the post](https://example.com/p)</p><p>x</p>", model.FormatFragment},
		{"numbered paragraphs are text", "10 Things to Know.\n\n1. The first thing, said Smith.\n\n2. The second.\n\n- a dash line", model.FormatText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := detectFormat(tt.src); got != tt.want {
				t.Fatalf("detectFormat(%q) = %s, want %s", tt.src, got, tt.want)
			}
		})
	}
}

// TestDetectPolNeAR checks that auto detection reads every PolNeAR article as plain text. A long
// test, which make test runs in its second pass without the race detector: detectFormat starts no
// goroutine for it to watch, and its 924 articles took 28 s under it (2 s without).
func TestDetectPolNeAR(t *testing.T) {
	longtest.Skip(t, "every PolNeAR article")
	t.Parallel()
	texts := append(polnearTexts(t, "dev"), polnearTexts(t, "train")...)
	for i, s := range texts {
		if got := detectFormat(s); got != model.FormatText {
			t.Errorf("PolNeAR article %d detected as %s, want text: %.80q", i, got, s)
		}
	}
}

// sizedReader hides the length of its reader, as a pipe would.
type sizedReader struct{ io.Reader }

func TestParseErrors(t *testing.T) {
	t.Parallel()
	big := bytes.Repeat([]byte("Lorem ipsum dolor sit amet. "), (12<<20)/28+1)[:12<<20]
	dir := t.TempDir()
	bigFile := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(bigFile, big, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		r      func() io.Reader
		opts   Options
		want   string // the whole error message
		target error
	}{
		{"empty", func() io.Reader { return strings.NewReader("") }, Options{},
			"parsing article: the article is empty: give a file that holds the article's text", model.ErrEmpty},
		{"only white space", func() io.Reader { return strings.NewReader(" \n\t\r\n\uFEFF ") }, Options{},
			"parsing article: the article is empty: give a file that holds the article's text", model.ErrEmpty},
		{"too large, known length", func() io.Reader { return bytes.NewReader(big) }, Options{},
			"parsing article: article too large: 12.0 MiB, the limit is 10 MiB", model.ErrTooLarge},
		{"too large, a file", func() io.Reader {
			f, err := os.Open(bigFile)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { f.Close() })
			return f
		}, Options{}, "parsing article: article too large: 12.0 MiB, the limit is 10 MiB", model.ErrTooLarge},
		{"just too large", func() io.Reader { return bytes.NewReader(big[:model.MaxInputBytes+1]) }, Options{},
			"parsing article: article too large: 10485761 bytes, the limit is 10 MiB", model.ErrTooLarge},
		{"too large, unknown length", func() io.Reader { return sizedReader{bytes.NewReader(big)} }, Options{},
			"parsing article: article too large: more than 10.0 MiB, the limit is 10 MiB", model.ErrTooLarge},
		{"NUL bytes", func() io.Reader {
			return strings.NewReader("Headline\n\nbody" + strings.Repeat("\x00text", maxStrayNULs+1))
		}, Options{},
			"parsing article: the input is not text: it holds NUL bytes, so it looks like binary data; give the article as text, HTML or Markdown", model.ErrBinary},
		{"PNG", func() io.Reader { return strings.NewReader("\x89PNG\r\n\x1a\nrest") }, Options{},
			"parsing article: the input is not text: it looks like a PNG image; give the article as text, HTML or Markdown", model.ErrBinary},
		{"UTF-16", func() io.Reader { return strings.NewReader("\xff\xfeH\x00i\x00") }, Options{},
			"parsing article: the input is not text: it is encoded as UTF-16; save it as UTF-8 and try again", model.ErrBinary},
		{"control codes", func() io.Reader { return strings.NewReader(strings.Repeat("\x01\x02\x03a", 40)) }, Options{},
			"parsing article: the input is not text: 75% of it is control codes or invalid UTF-8, so it looks like binary data; give the article as text, HTML or Markdown", model.ErrBinary},
		{"only script", func() io.Reader { return strings.NewReader("<script>alert(1)</script><style>p{}</style>") }, Options{Format: model.FormatFragment},
			"parsing article: found no readable text in it; give a news article as text, HTML or Markdown", model.ErrNoText},
		{"unknown format", func() io.Reader { return strings.NewReader("x") }, Options{Format: "pdf"},
			`parsing article: unknown format "pdf": use auto, text, html, fragment or markdown`, nil},
		{"bad URL", func() io.Reader { return strings.NewReader("x") }, Options{URL: "javascript:alert(1)"},
			`parsing article: the article's URL "javascript:alert(1)" is not an absolute http or https address; give one like https://example.com/news/1`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			a, err := Parse(tt.r(), tt.opts)
			if err == nil {
				t.Fatalf("Parse gave %+v, want error %q", a, tt.want)
			}
			if got := err.Error(); got != tt.want {
				t.Fatalf("error = %q\n want %q", got, tt.want)
			}
			if tt.target != nil && !errors.Is(err, tt.target) {
				t.Fatalf("errors.Is(%v, %v) = false", err, tt.target)
			}
		})
	}
}

// TestParseStrayNUL checks that a few stray NUL bytes do not refuse an article, in any format:
// each becomes U+FFFD, as browsers read them, and one more than maxStrayNULs is binary data.
func TestParseStrayNUL(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src string
		format    model.Format
		want      string // a block's text, with the NULs replaced
	}{
		{"text", "Headline\n\nA body\x00 with a stray NUL.", model.FormatText, "A body\uFFFD with a stray NUL."},
		{"page", "<!doctype html><html><head><title>T</title></head><body><article><p>A page\x00 with a stray NUL in its only paragraph, which is long enough to read.</p></article></body></html>",
			model.FormatHTML, "A page\uFFFD with a stray NUL in its only paragraph, which is long enough to read."},
		{"page, legacy encoding", "<html><head><meta charset=iso-8859-1></head><body><article><p>Caf\xe9\x00 with a stray NUL in its only paragraph, long enough to read.</p></article></body></html>",
			model.FormatHTML, "Caf\u00e9\uFFFD with a stray NUL in its only paragraph, long enough to read."},
		{"fragment", "<p>A fragment\x00\x00 with two.</p>", model.FormatFragment, "A fragment\uFFFD\uFFFD with two."},
		{"markdown", "# Title\n\nSome **Markdown**\x00 with one.", model.FormatMarkdown, "Some Markdown\uFFFD with one."},
		{"auto, as many as may be", "Headline\n\n" + strings.Repeat("word\x00 ", maxStrayNULs), model.FormatAuto, strings.TrimSpace(strings.Repeat("word\uFFFD ", maxStrayNULs))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			a, err := Parse(strings.NewReader(tt.src), Options{Format: tt.format})
			if err != nil {
				t.Fatal(err)
			}
			checkArticle(t, a)
			found := false
			for _, b := range a.Blocks {
				found = found || b.Text == tt.want
			}
			if !found {
				t.Errorf("no block reads %q in %q", tt.want, a.Text())
			}
			_, err = Parse(strings.NewReader(tt.src+"\x00"+strings.Repeat("\x00", maxStrayNULs)), Options{Format: tt.format})
			if !errors.Is(err, model.ErrBinary) {
				t.Errorf("with %d more NUL bytes: err = %v, want ErrBinary", maxStrayNULs+1, err)
			}
		})
	}
}

// TestParseLimit checks that an input of exactly MaxInputBytes is accepted.
func TestParseLimit(t *testing.T) {
	t.Parallel()
	src := bytes.Repeat([]byte("word "), model.MaxInputBytes/5)
	src = append(src, bytes.Repeat([]byte("x"), model.MaxInputBytes-len(src))...)
	if _, err := Parse(bytes.NewReader(src), Options{Format: model.FormatText}); err != nil {
		t.Fatalf("Parse of exactly %d bytes: %v", len(src), err)
	}
}

// TestTextOffsets checks that plain-text offsets count code points of the input as given, with
// invalid bytes repaired one for one and CRLF line ends kept.
func TestTextOffsets(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src string
		texts     []string // block texts
	}{
		{"invalid UTF-8", "Head\xffline\n\nBody \xfe\xfe “text” é.\n\nMore.",
			[]string{"Head\uFFFDline", "Body \uFFFD\uFFFD “text” é.", "More."}},
		{"CRLF", "Headline\r\n\r\nPara one\r\nline two\r\n\r\nPara two\r\n",
			[]string{"Headline", "Para one \nline two", "Para two"}},
		{"lone CR and BOM", "\uFEFFHeadline\r\rOne\rTwo\r\rThree",
			[]string{"Headline", "One\nTwo", "Three"}},
		{"astral code points", "𝕳𝖊𝖆𝖉 😀\n\n😀 body 𝕏 “quoted 😀”",
			[]string{"𝕳𝖊𝖆𝖉 😀", "😀 body 𝕏 “quoted 😀”"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			a, err := Parse(strings.NewReader(tt.src), Options{Format: model.FormatText})
			if err != nil {
				t.Fatal(err)
			}
			if got, want := len(a.Blocks), len(tt.texts); got != want {
				t.Fatalf("%d blocks, want %d: %+v", got, want, a.Blocks)
			}
			repaired := []rune(repairUTF8([]byte(tt.src)))
			if got, want := len(repaired), utf8.RuneCountInString(strings.ToValidUTF8(tt.src, ""))+countBad(tt.src); got != want {
				t.Fatalf("repaired input has %d code points, want %d", got, want)
			}
			for i, b := range a.Blocks {
				if got, want := b.Text, tt.texts[i]; got != want {
					t.Errorf("block %d text = %q, want %q", i, got, want)
				}
				n := utf8.RuneCountInString(b.Text)
				orig := strings.NewReplacer("\r\n", " \n", "\r", "\n").Replace(string(repaired[b.Start : b.Start+n]))
				if orig != b.Text {
					t.Errorf("block %d: input at [%d,%d) is %q, not its text %q", i, b.Start, b.Start+n, orig, b.Text)
				}
			}
		})
	}
}

// countBad counts the bytes of s that are not part of valid UTF-8.
func countBad(s string) int {
	n := 0
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		if r == utf8.RuneError && size == 1 {
			n++
		}
		s = s[size:]
	}
	return n
}

// TestDeepNesting checks that pathologically deep input is read in bounded time and memory,
// and that its text is kept.
func TestDeepNesting(t *testing.T) {
	t.Parallel()
	const n = 100_000
	tests := []struct {
		name   string
		src    string
		format model.Format
	}{
		{"divs as a page", strings.Repeat("<div>", n) + "deep text" + strings.Repeat("</div>", n), model.FormatHTML},
		{"divs as a fragment", strings.Repeat("<div>", n) + "deep text", model.FormatFragment},
		{"bold", strings.Repeat("<b>", n) + "deep text", model.FormatFragment},
		{"bold as a page", "<html><body>" + strings.Repeat("<b><i>", n/2) + "deep text", model.FormatHTML},
		{"tables", strings.Repeat("<table><tr><td>", n/3) + "deep text", model.FormatFragment},
		{"lists", strings.Repeat("<ul><li>", n/2) + "deep text", model.FormatFragment},
		{"markdown quotes", strings.Repeat(">", n) + " deep text", model.FormatMarkdown},
		{"markdown lists", strings.Repeat("- ", n) + "deep text", model.FormatMarkdown},
		{"markdown indented lists", func() string {
			var sb strings.Builder
			for i := 0; i < 2000; i++ {
				sb.WriteString(strings.Repeat("  ", i) + "- deep text\n")
			}
			return sb.String()
		}(), model.FormatMarkdown},
		{"markdown unclosed links", strings.Repeat("[a](", 50_000) + " deep text", model.FormatMarkdown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			a, err := Parse(strings.NewReader(tt.src), Options{Format: tt.format})
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(a.Text(), "deep text") {
				t.Fatalf("the text %.200q lost %q", a.Text(), "deep text")
			}
		})
	}
}

func TestParseFormats(t *testing.T) {
	t.Parallel()
	type blk struct {
		kind model.BlockKind
		text string
	}
	tests := []struct {
		name   string
		src    string
		opts   Options
		title  string
		blocks []blk
		check  func(t *testing.T, a *model.Article)
	}{
		{
			name:  "markdown",
			src:   "# The Title\n\nIntro with *em*, **strong**, `code` and [a link](https://example.com/a).\n\n## Part\n\n- one\n- two\n\n> quoted\n\n---\n\n![alt text](https://example.com/i.png)\n",
			title: "The Title",
			blocks: []blk{{model.KindParagraph, "Intro with em, strong, code and a link."}, {model.KindHeading2, "Part"},
				{model.KindList, "one\ntwo"}, {model.KindBlockquote, "quoted"}, {model.KindRule, ""}, {model.KindImage, ""}},
			check: func(t *testing.T, a *model.Article) {
				var link model.Run
				for _, r := range a.Blocks[0].Runs {
					if r.Href != "" {
						link = r
					}
				}
				if got, want := link.Text+" "+link.Href, "a link https://example.com/a"; got != want {
					t.Errorf("link run = %q, want %q", got, want)
				}
				if got, want := a.Blocks[5].Src+" "+a.Blocks[5].Alt, "https://example.com/i.png alt text"; got != want {
					t.Errorf("image = %q, want %q", got, want)
				}
			},
		},
		{
			name:   "fragment with a base URL and headings folded",
			src:    `<h4>Small</h4><p>See <a href="/news/2">this</a> and <a href="#top">that</a>. <img src="pic.jpg" alt="P"></p>`,
			opts:   Options{Format: model.FormatFragment, URL: "https://example.com/news/1"},
			blocks: []blk{{model.KindHeading3, "Small"}, {model.KindParagraph, "See this and that."}, {model.KindImage, ""}},
			check: func(t *testing.T, a *model.Article) {
				if got, want := a.Blocks[1].Runs[1].Href, "https://example.com/news/2"; got != want {
					t.Errorf("resolved href = %q, want %q", got, want)
				}
				if got, want := a.Blocks[2].Src, "https://example.com/news/pic.jpg"; got != want {
					t.Errorf("resolved src = %q, want %q", got, want)
				}
				if got, want := a.URL, "https://example.com/news/1"; got != want {
					t.Errorf("URL = %q, want %q", got, want)
				}
			},
		},
		{
			name:   "page in windows-1252",
			src:    "<html><head><meta charset=\"windows-1252\"><title>Caf\xe9</title></head><body><p>Un caf\xe9 \x93cr\xe8me\x94.</p></body></html>",
			blocks: []blk{{model.KindParagraph, "Un café “crème”."}},
		},
		{
			name:   "short page without an article",
			src:    "<html><head><title>Tiny</title></head><body><p>Just one short line.</p></body></html>",
			blocks: []blk{{model.KindParagraph, "Just one short line."}},
			check: func(t *testing.T, a *model.Article) {
				if got, want := a.Title, "Tiny"; got != want {
					t.Errorf("title = %q, want %q", got, want)
				}
			},
		},
		{
			name: "page metadata",
			src: `<!doctype html><html lang="fr" dir="rtl"><head><title>Le titre | Site</title>
<meta property="og:site_name" content="Le Site"><meta property="article:published_time" content="2017-03-05T10:00:00+01:00">
<meta name="author" content="Jeanne Dupont"></head><body><article><h1>Le titre</h1>` +
				strings.Repeat(`<p>Une phrase assez longue pour que readability la garde, avec des virgules, des mots, et encore des mots.</p>`, 8) +
				`</article></body></html>`,
			opts: Options{Format: model.FormatAuto, ID: "given-id"},
			check: func(t *testing.T, a *model.Article) {
				for _, f := range []struct{ got, want string }{
					{a.Lang, "fr"}, {a.Dir, "rtl"}, {a.Site, "Le Site"}, {a.Byline, "Jeanne Dupont"},
					{a.Published, "2017-03-05T10:00:00+01:00"}, {string(a.ID), "given-id"}, {string(a.Format), "html"},
				} {
					if f.got != f.want {
						t.Errorf("got %q, want %q", f.got, f.want)
					}
				}
				if got := len(a.Blocks); got < 8 {
					t.Errorf("%d blocks, want the 8 paragraphs", got)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			a, err := Parse(strings.NewReader(tt.src), tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if tt.title != "" && a.Title != tt.title {
				t.Errorf("title = %q, want %q", a.Title, tt.title)
			}
			if tt.blocks != nil {
				if got, want := len(a.Blocks), len(tt.blocks); got != want {
					t.Fatalf("%d blocks, want %d: %+v", got, want, a.Blocks)
				}
				for i, b := range tt.blocks {
					if got := a.Blocks[i]; got.Kind != b.kind || got.Text != b.text {
						t.Errorf("block %d = %s %q, want %s %q", i, got.Kind, got.Text, b.kind, b.text)
					}
				}
			}
			checkArticle(t, a)
			if tt.check != nil {
				tt.check(t, a)
			}
		})
	}
}

func TestSlug(t *testing.T) {
	t.Parallel()
	tests := []struct {
		title string
		want  model.ArticleID
	}{
		{"Fareed Zakaria Presses Kremlin Spox", "fareed-zakaria-presses-kremlin-spox"},
		{"Trump’s ‘Working Class’ Support!", "trumps-working-class-support"},
		{"Café déjà vu — Ærø", "cafe-deja-vu-r"},
		{"", "article"},
		{"——", "article"},
		{"日本語のタイトル", "article"},
		{strings.Repeat("word ", 40), "word-word-word-word-word-word-word-word-word-word-word-word-word"},
	}
	for _, tt := range tests {
		if got := Slug(tt.title); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.title, got, tt.want)
		}
		if got := Slug(tt.title); len(got) > slugify.MaxBytes {
			t.Errorf("Slug(%q) is %d bytes, over %d", tt.title, len(got), slugify.MaxBytes)
		}
	}
}

func TestMeta(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("alpha beta gamma delta ", 30)
	a, err := Parse(strings.NewReader("Title\n\n"+long+"\n\nSecond."), Options{Format: model.FormatText})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := a.Words, 121; got != want {
		t.Errorf("words = %d, want %d", got, want)
	}
	if got, want := a.ReadingMinutes, 1; got != want {
		t.Errorf("reading minutes = %d, want %d", got, want)
	}
	if got := utf8.RuneCountInString(a.Excerpt); got > maxExcerpt+1 || got < maxExcerpt/2 {
		t.Errorf("excerpt has %d code points: %q", got, a.Excerpt)
	}
	if !strings.HasSuffix(a.Excerpt, "…") || strings.HasSuffix(a.Excerpt, " …") {
		t.Errorf("excerpt %q is not cut at a word with an ellipsis", a.Excerpt)
	}
	if !strings.HasPrefix(long, strings.TrimSuffix(a.Excerpt, "…")) {
		t.Errorf("excerpt %q is not the start of the first paragraph", a.Excerpt)
	}
	many, err := Parse(strings.NewReader("T\n\n"+strings.Repeat("word ", 1000)), Options{Format: model.FormatText})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := many.ReadingMinutes, 4; got != want {
		t.Errorf("reading minutes for 1000 words = %d, want %d", got, want)
	}
}

// TestTextParagraphs checks how plain text is cut into paragraphs.
func TestTextParagraphs(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src string
		want      []string // kind:text of every block
	}{
		{"blank lines", "Head\n\nOne.\n\n\n\nTwo.", []string{"h1:Head", "p:One.", "p:Two."}},
		{"single line breaks between sentences", "Head\n\nOne said “yes.”\nTwo said no.\nThree?", []string{"h1:Head", "p:One said “yes.”", "p:Two said no.", "p:Three?"}},
		{"hard-wrapped paragraph stays whole", "Head\n\nThis paragraph is wrapped\nin the middle of a sentence.\n\nNext.", []string{"h1:Head", "p:This paragraph is wrapped\nin the middle of a sentence.", "p:Next."}},
		{"subheading on the line above its paragraph is a paragraph of its own", "Head\n\nOne.\n\nGrundsteuer \nFür alle Grundbesitzer wurde die Grundsteuer erhöht.\nAuch Mieter zahlen mehr.", []string{"h1:Head", "p:One.", "p:Grundsteuer", "p:Für alle Grundbesitzer wurde die Grundsteuer erhöht.", "p:Auch Mieter zahlen mehr."}},
		{"subheading over a hard-wrapped paragraph", "Head\n\nOne.\n\nReactions\nThe mayor said the plan was\nnot ready.", []string{"h1:Head", "p:One.", "p:Reactions", "p:The mayor said the plan was\nnot ready."}},
		{"short first line of a hard-wrapped paragraph is no subheading", "Head\n\nOne.\n\nThe mayor said the plan that\nThe Times printed was not.", []string{"h1:Head", "p:One.", "p:The mayor said the plan that\nThe Times printed was not."}},
		{"German run-in subheading is a paragraph of its own", "Kopf\n\nEins.\n\nEngagement Deutschlands Bereits im Dezember hatte Merkel verkündet: „Ja.“", []string{"h1:Kopf", "p:Eins.", "p:Engagement Deutschlands", "p:Bereits im Dezember hatte Merkel verkündet: „Ja.“"}},
		{"German name that opens with an article is no run-in subheading", "Kopf\n\nEins.\n\nPolitiker der Partei Die Linke kritisierten den Plan.", []string{"h1:Kopf", "p:Eins.", "p:Politiker der Partei Die Linke kritisierten den Plan."}},
		{"German sentence that opens with an opener is no run-in subheading", "Kopf\n\nEins.\n\nAuch im Dezember hatte Merkel Bereits gesagt.\n\nAußer in Den Haag blieb es ruhig.", []string{"h1:Kopf", "p:Eins.", "p:Auch im Dezember hatte Merkel Bereits gesagt.", "p:Außer in Den Haag blieb es ruhig."}},
		{"English name with a German particle is no run-in subheading", "Head\n\nOne.\n\nUrsula Von der Leyen, the president of the Commission, said the plan was bold.\n\nKen Im said it was fine.", []string{"h1:Head", "p:One.", "p:Ursula Von der Leyen, the president of the Commission, said the plan was bold.", "p:Ken Im said it was fine."}},
		{"headline with subhead", "Main head; \nThe subhead\n\nBody.", []string{"h1:Main head; \nThe subhead", "p:Body."}},
		{"no headline when the first line is long", strings.Repeat("word ", 80) + "\n\nBody.", []string{"p:" + strings.TrimSpace(strings.Repeat("word ", 80)), "p:Body."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			a, err := Parse(strings.NewReader(tt.src), Options{Format: model.FormatText})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, b := range a.Blocks {
				got = append(got, string(b.Kind)+":"+b.Text)
			}
			if g, w := strings.Join(got, " | "), strings.Join(tt.want, " | "); g != w {
				t.Fatalf("blocks:\n got %q\nwant %q", g, w)
			}
			checkArticle(t, a)
		})
	}
}
