package article

import (
	"bytes"
	"encoding/json"
	"net/url"
	"strings"
	"testing"
	"unicode"
	"verbatim/article/model"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
)

// squeeze returns s without any white space, so that texts compare whatever their block
// boundaries and line breaks.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// htmlText returns all the text of an HTML document or fragment, as a browser's textContent.
func htmlText(tb testing.TB, src []byte) string {
	doc, err := html.Parse(bytes.NewReader(src))
	if err != nil {
		tb.Fatal(err)
	}
	return textContent(doc)
}

// TestReadabilityPages runs Mozilla's 130 Readability test pages through Parse and through
// readeck's go-readability alone, and compares the extracted text with expected.html (what
// Firefox's Reader View extracts). The comparison is on text with all white space removed, so
// block boundaries do not matter, but every other character does. It also checks title, byline,
// lang and dir against expected-metadata.json. Parse must match at least as many pages as the
// library alone, and at least 100.
func TestReadabilityPages(t *testing.T) {
	pages := readabilityPages(t)
	base, _ := url.Parse("http://fakehost/test/page.html")
	var ours, lib, title, byline, lang, dir, metaAll int
	var libTitle, libByline, libLang int
	for _, pg := range pages {
		want := squeeze(htmlText(t, pg.expected))

		a, err := Parse(bytes.NewReader(pg.source), Options{Format: model.FormatHTML, URL: base.String()})
		if err != nil {
			t.Errorf("%s: %v", pg.name, err)
			continue
		}
		if squeeze(a.Text()) == want {
			ours++
		} else if testing.Verbose() {
			t.Logf("%s: content differs from expected.html", pg.name)
		}

		var meta struct {
			Title, Byline, Lang, Dir *string
		}
		if err := json.Unmarshal(pg.metadata, &meta); err != nil {
			t.Fatalf("%s: %v", pg.name, err)
		}
		str := func(p *string) string {
			if p == nil {
				return ""
			}
			return *p
		}

		p := readability.NewParser()
		art, err := p.Parse(bytes.NewReader(pg.source), base)
		if err == nil && art.Node != nil {
			var sb strings.Builder
			if err := html.Render(&sb, art.Node); err == nil && squeeze(htmlText(t, []byte(sb.String()))) == want {
				lib++
			}
		}
		if err == nil {
			for _, f := range []struct {
				got, want string
				n         *int
			}{
				{oneLine(art.Title()), oneLine(str(meta.Title)), &libTitle},
				{oneLine(art.Byline()), oneLine(str(meta.Byline)), &libByline},
				{art.Language(), str(meta.Lang), &libLang},
			} {
				if f.got == f.want {
					*f.n++
				}
			}
		}
		ok := 0
		for _, f := range []struct {
			got, want string
			n         *int
			field     string
		}{
			{a.Title, oneLine(str(meta.Title)), &title, "title"},
			{a.Byline, oneLine(str(meta.Byline)), &byline, "byline"},
			{a.Lang, str(meta.Lang), &lang, "lang"},
			{a.Dir, str(meta.Dir), &dir, "dir"},
		} {
			if f.got == f.want {
				*f.n++
				ok++
			} else if testing.Verbose() {
				t.Logf("%s: %s = %q, want %q", pg.name, f.field, f.got, f.want)
			}
		}
		if ok == 4 {
			metaAll++
		}
	}
	n := len(pages)
	t.Logf("content matches expected.html: Parse %d of %d pages, go-readability alone %d", ours, n, lib)
	t.Logf("metadata matches: title %d, byline %d, lang %d, dir %d, all four %d (of %d); library alone: title %d, byline %d, lang %d (it does not give dir)",
		title, byline, lang, dir, metaAll, n, libTitle, libByline, libLang)
	for _, f := range []struct {
		field     string
		ours, lib int
	}{{"title", title, libTitle}, {"byline", byline, libByline}, {"lang", lang, libLang}} {
		if f.ours < f.lib {
			t.Errorf("%s matches on %d pages, fewer than the library alone (%d)", f.field, f.ours, f.lib)
		}
	}
	if ours < lib {
		t.Errorf("Parse matches %d pages, fewer than the library alone (%d)", ours, lib)
	}
	if ours < 100 {
		t.Errorf("Parse matches %d pages, want at least 100", ours)
	}
}
