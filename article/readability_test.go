package article

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"
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

// shownText is the text a reader shows of what the page's content held: the body, with the byline
// lines lifted from its start before it and the bio lifted from its end after it (see liftByline
// and liftTail), which the reader shows apart but Readability leaves in the content.
func shownText(a *model.Article) string {
	var before, after []string
	for _, e := range a.Extras {
		if e.Kind == model.ExtraByline {
			before = append(before, e.Text)
		} else {
			after = append(after, e.Text)
		}
	}
	return strings.Join(append(append(before, a.Text()), after...), "\n\n")
}

// readabilityFloors are the fewest pages on which Parse must match Mozilla's expected output,
// per field: what it matched when last measured, so that any regression fails. Raise them when
// extraction gets better.
var readabilityFloors = map[string]int{
	"content": 126, "body only": 124, "title": 130, "byline": 127, "site": 130, "published": 130, "lang": 130, "dir": 130, "all six": 127,
}

// metaFields are the metadata fields of expected-metadata.json compared, in the order reported.
var metaFields = []string{"title", "byline", "site", "published", "lang", "dir"}

// expectedMeta is a page's expected-metadata.json.
type expectedMeta struct {
	Title, Byline, Lang, Dir, SiteName, PublishedTime *string
	Readerable                                        *bool
}

// str returns *p, or "" for a field that is null or missing.
func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// sameInstant reports whether got, an RFC 3339 date, is the instant of want, a date as the page
// wrote it (Readability copies it as it stands: with or without a zone, fractions of a second or a
// time of day; without a zone it is read as UTC). Both are compared to the second. Both empty
// match too.
func sameInstant(got, want string) bool {
	if got == "" || want == "" {
		return got == want
	}
	g, err := time.Parse(time.RFC3339, got)
	if err != nil {
		return false
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999Z0700", "2006-01-02T15:04:05.999999999",
		"2006-01-02 15:04:05.999999999", "2006-01-02T15:04", "2006-01-02"} {
		if w, err := time.Parse(layout, want); err == nil {
			return g.Truncate(time.Second).Equal(w.Truncate(time.Second))
		}
	}
	return false
}

// TestReadabilityPages runs Mozilla's 130 Readability test pages through Parse and through
// readeck's go-readability alone, and compares the extracted text with expected.html (what
// Firefox's Reader View extracts). The comparison is on text with all white space removed, so
// block boundaries do not matter, but every other character does; "content" compares what the
// reader shows (shownText), "body only" the body without the lines lifted out of it. It also compares the six
// metadata fields with expected-metadata.json: title, byline, site name, published time (as an
// instant), lang and dir. It logs a table of matches per field, Parse's and the library's, and
// fails when Parse falls under readabilityFloors or under the library alone on any field. It also
// counts the pages refused as not articles (ErrNotArticle) among those Mozilla marks readerable:
// false; refusing any other page fails.
func TestReadabilityPages(t *testing.T) {
	pages := readabilityPages(t)
	base, _ := url.Parse("http://fakehost/test/page.html")
	ours, lib := map[string]int{}, map[string]int{}
	refused, nonReaderable := 0, 0 // pages refused as not articles, and pages marked readerable: false
	for _, pg := range pages {
		want := squeeze(htmlText(t, pg.expected))
		var meta expectedMeta
		if err := json.Unmarshal(pg.metadata, &meta); err != nil {
			t.Fatalf("%s: %v", pg.name, err)
		}
		expected := map[string]string{"title": oneLine(str(meta.Title)), "byline": oneLine(str(meta.Byline)),
			"site": oneLine(str(meta.SiteName)), "published": str(meta.PublishedTime), "lang": str(meta.Lang), "dir": str(meta.Dir)}

		readerable := meta.Readerable == nil || *meta.Readerable
		if !readerable {
			nonReaderable++
		}
		a, err := Parse(bytes.NewReader(pg.source), Options{Format: model.FormatHTML, URL: base.String()})
		switch {
		case errors.Is(err, model.ErrNotArticle) && !readerable:
			refused++
			continue
		case err != nil:
			t.Errorf("%s: %v", pg.name, err) // a readerable page refused as not an article is wrong too
			continue
		}
		if squeeze(shownText(a)) == want {
			ours["content"]++
		} else if testing.Verbose() {
			t.Logf("%s: content differs from expected.html", pg.name)
		}
		if squeeze(a.Text()) == want {
			ours["body only"]++
		}
		got := map[string]string{"title": a.Title, "byline": a.Byline, "site": a.Site, "published": a.Published, "lang": a.Lang, "dir": a.Dir}
		countMeta(t, pg.name, got, expected, ours)

		p := readability.NewParser()
		art, err := p.Parse(bytes.NewReader(pg.source), base)
		if err != nil {
			continue
		}
		if art.Node != nil {
			var sb strings.Builder
			if err := html.Render(&sb, art.Node); err == nil && squeeze(htmlText(t, []byte(sb.String()))) == want {
				lib["content"]++
			}
		}
		published := ""
		if pt, err := art.PublishedTime(); err == nil {
			published = pt.Format(time.RFC3339)
		}
		// The library reads no direction; its dir is the one the page declares, as Parse's is.
		countMeta(nil, pg.name, map[string]string{"title": oneLine(art.Title()), "byline": oneLine(art.Byline()),
			"site": oneLine(art.SiteName()), "published": published, "lang": art.Language(), "dir": a.Dir}, expected, lib)
	}
	n := len(pages)
	var table strings.Builder
	fmt.Fprintf(&table, "matches with Mozilla's expected output, of %d pages:\n%-10s %5s %8s %6s", n, "field", "Parse", "library", "floor")
	lib["body only"] = lib["content"]
	for _, f := range append(append([]string{"content", "body only"}, metaFields...), "all six") {
		fmt.Fprintf(&table, "\n%-10s %5d %8d %6d", f, ours[f], lib[f], readabilityFloors[f])
		if ours[f] < readabilityFloors[f] {
			t.Errorf("%s matches on %d pages, fewer than its floor (%d)", f, ours[f], readabilityFloors[f])
		}
		if ours[f] < lib[f] {
			t.Errorf("%s matches on %d pages, fewer than the library alone (%d)", f, ours[f], lib[f])
		}
	}
	t.Log(table.String())
	t.Logf("refused as not an article: %d of the %d pages marked readerable: false, none of the %d others", refused, nonReaderable, n-nonReaderable)
}

// countMeta counts in n each metadata field of got that matches expected, and "all six" when they
// all do; with t, it logs each field that does not, in verbose mode.
func countMeta(t *testing.T, page string, got, expected map[string]string, n map[string]int) {
	ok := 0
	for _, f := range metaFields {
		same := got[f] == expected[f]
		if f == "published" {
			same = sameInstant(got[f], expected[f])
		}
		if same {
			n[f]++
			ok++
		} else if t != nil && testing.Verbose() {
			t.Logf("%s: %s = %q, want %q", page, f, got[f], expected[f])
		}
	}
	if ok == len(metaFields) {
		n["all six"]++
	}
}
