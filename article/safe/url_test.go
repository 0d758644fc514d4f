package safe

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"verbatim/article/model"
)

func TestURLGood(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		attr    URLAttr
		in, out string
	}{
		{HrefAttr, "https://www.mediaite.com/tv/zakaria/", "https://www.mediaite.com/tv/zakaria/"},
		{HrefAttr, "HTTP://example.com/a?b=1&c=2", "http://example.com/a?b=1&c=2"},
		{HrefAttr, "  https://example.com/x#top ", "https://example.com/x#top"},
		{HrefAttr, "mailto:tips@mediaite.com", "mailto:tips@mediaite.com"},
		{HrefAttr, "MailTo:tips@mediaite.com?subject=Peskov", "mailto:tips@mediaite.com?subject=Peskov"},
		{HrefAttr, "mailto:/dev/null@jwz.org?subject=Please%20delete", "mailto:/dev/null@jwz.org?subject=Please%20delete"},
		{HrefAttr, "https://example.com:8443/a", "https://example.com:8443/a"},
		{HrefAttr, "http://[2001:db8::1]/a", "http://[2001:db8::1]/a"},
		{HrefAttr, "https://bücher.de/straße?q=ü#ü", "https://b%C3%BCcher.de/stra%C3%9Fe?q=%C3%BC#%C3%BC"},
		{HrefAttr, `https://e.com/?q="><img/src=x/onerror=alert(1)>`, "https://e.com/?q=%22%3E%3Cimg/src=x/onerror=alert(1)%3E"},
		{HrefAttr, "https://e.com/it's?a='b'&c=`d`\\", "https://e.com/it%27s?a=%27b%27&c=%60d%60%5C"},
		{SrcAttr, "https://cdn.example.com/i.jpg", "https://cdn.example.com/i.jpg"},
		{SrcAttr, "http://cdn.example.com/i.jpg?w=640&h=480", "http://cdn.example.com/i.jpg?w=640&h=480"},
		{CiteAttr, "https://www.cnn.com/transcripts/fzgps", "https://www.cnn.com/transcripts/fzgps"},
	} {
		u, ok := tt.attr.URL(tt.in)
		if got, want := u.String(), tt.out; !ok || got != want {
			t.Errorf("%s.URL(%q) = %q, %v, want %q, true", tt.attr, tt.in, got, ok, want)
		}
		if again, ok := tt.attr.URL(u.String()); !ok || again != u {
			t.Errorf("%s.URL(%q) = %q, %v: not a fixed point", tt.attr, u, again, ok)
		}
	}
}

func TestURLBad(t *testing.T) {
	t.Parallel()
	const png = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
	for _, tt := range []struct {
		attr URLAttr
		in   string
	}{
		{HrefAttr, ""},
		{HrefAttr, "javascript:alert(1)"},
		{HrefAttr, " JaVaScRiPt:alert(1)"},
		{HrefAttr, "java\tscript:alert(1)"},
		{HrefAttr, "vbscript:msgbox(1)"},
		{HrefAttr, "data:text/html,<script>alert(1)</script>"},
		{HrefAttr, png},
		{HrefAttr, "/import"},
		{HrefAttr, "/article/x"},
		{HrefAttr, "//evil.example/x"},
		{HrefAttr, "#main"},
		{HrefAttr, "https:evil.example"},
		{HrefAttr, "https:///x"},
		{HrefAttr, "https://user:pw@example.com/"},
		{HrefAttr, "https://user@example.com/"},
		{HrefAttr, `https://e.com/?q=" onmouseover="x`},
		{HrefAttr, "https://e.com/a\u00a0b"},
		{HrefAttr, "https://e.com/a\u2028b"},
		{HrefAttr, "https://e.com/\xff"},
		{HrefAttr, `http://a"b/`},
		{HrefAttr, "http://a<b>/"},
		{HrefAttr, "http://e.com%2F@evil/"},
		{HrefAttr, "mailto:?subject=x"},
		{HrefAttr, "mailto://e.com/x"},
		{HrefAttr, "ftp://example.com/x"},
		{HrefAttr, "blob:https://example.com/uuid"},
		{HrefAttr, "https://example.com/" + strings.Repeat("a", maxURLBytes)},
		{HrefAttr, "https://example.com/" + strings.Repeat("ü", maxURLBytes/4)},
		{SrcAttr, png},
		{SrcAttr, "data:image/svg+xml;base64,PHN2Zy8+"},
		{SrcAttr, "mailto:x@y.z"},
		{SrcAttr, "a.png"},
		{CiteAttr, "javascript:alert(1)"},
		{URLAttr("style"), "https://example.com/"},
	} {
		if u, ok := tt.attr.URL(tt.in); ok || u != (URL{}) {
			t.Errorf("%s.URL(%.60q) = %q, %v, want refused", tt.attr, tt.in, u, ok)
		}
	}
}

// TestSchemePatternAgrees checks that a sanitizer asking SchemePattern about the raw value and
// Admits about the parsed URL, as bluemonday does, admits what URL admits.
func TestSchemePatternAgrees(t *testing.T) {
	t.Parallel()
	inputs := []string{"https://example.com/", " http://example.com/a?b", "mailto:a@b.c", "MAILTO:a@b.c",
		"javascript:alert(1)", "data:image/png;base64,AAAA", "//example.com/", "/a", "https://u@e.com/",
		"httpx://example.com/", "https:e.com", "\u00a0https://example.com/"}
	for _, attr := range []URLAttr{HrefAttr, SrcAttr, CiteAttr} {
		rx := regexp.MustCompile(attr.SchemePattern())
		for _, in := range inputs {
			_, want := attr.URL(in)
			got := false
			if rx.MatchString(in) {
				if u, err := url.Parse(strings.TrimSpace(in)); err == nil {
					got = Admits(u)
				}
			}
			if got != want {
				t.Errorf("%s: %q: pattern and Admits say %v, URL says %v", attr, in, got, want)
			}
		}
	}
}

func TestArticlePath(t *testing.T) {
	t.Parallel()
	if u, ok := ArticlePath("zakaria-peskov"); !ok || u.String() != "/article/zakaria-peskov" {
		t.Errorf("ArticlePath(zakaria-peskov) = %q, %v", u, ok)
	}
	for _, id := range []model.ArticleID{"", `x"y`, "../etc", "-x", "a/b", model.ArticleID(strings.Repeat("a", 129))} {
		if u, ok := ArticlePath(id); ok || u != (URL{}) {
			t.Errorf("ArticlePath(%q) = %q, %v, want refused", id, u, ok)
		}
	}
}

func TestJSONPathAndQuoteLink(t *testing.T) {
	t.Parallel()
	if u, ok := JSONPath("zakaria-peskov"); !ok || u.String() != "/articles/zakaria-peskov.json" {
		t.Errorf("JSONPath(zakaria-peskov) = %q, %v", u, ok)
	}
	for _, id := range []model.ArticleID{"", `x"y`, "../etc", "a/b"} {
		if u, ok := JSONPath(id); ok || u != (URL{}) {
			t.Errorf("JSONPath(%q) = %q, %v, want refused", id, u, ok)
		}
	}
	for _, tt := range []struct {
		id   model.QuoteID
		want string
	}{
		{"q3", "#q3"},
		{"main", "#art-quote-main"},
		{`q1" onclick="x`, "#art-quote-q1--onclick--x"},
		{"", ""},
	} {
		if got := QuoteLink(tt.id).String(); got != tt.want {
			t.Errorf("QuoteLink(%q) = %q, want %q", tt.id, got, tt.want)
		}
	}
}

// FuzzAttributes checks what every constructor promises its String: strconv.Quote writes it
// unchanged, it holds no character that ends an attribute or opens markup, and making it again
// from its own String gives it back.
func FuzzAttributes(f *testing.F) {
	for _, s := range []string{"https://example.com/a?b=\"c\"", "mailto:a@b.c", "HTTP://bücher.de/ü", "javascript:x",
		"\" autofocus onfocus=alert(1) x=\"", "en-US", "RTL", "q3", "a\\\"b<c>&d\ne\u200b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		check := func(kind, v string) {
			if strconv.Quote(v) != `"`+v+`"` || strings.ContainsAny(v, "\"\\<>`") {
				t.Fatalf("%s of %q is %q, which an attribute must not hold", kind, s, v)
			}
		}
		for _, attr := range []URLAttr{HrefAttr, SrcAttr, CiteAttr} {
			u, ok := attr.URL(s)
			if !ok {
				continue
			}
			check(string(attr), u.String())
			if strings.ContainsRune(u.String(), '\'') || len(u.String()) > maxURLBytes {
				t.Fatalf("%s of %q is %q", attr, s, u)
			}
			if again, ok := attr.URL(u.String()); !ok || again != u {
				t.Fatalf("%s of %q is %q, and of that %q, %v", attr, s, u, again, ok)
			}
			p, err := url.Parse(u.String())
			if err != nil || !strings.Contains(strings.Join(attr.Schemes(), " "), p.Scheme) {
				t.Fatalf("%s of %q is %q, which parses as scheme %q (%v)", attr, s, u, p.Scheme, err)
			}
		}
		txt := TextFrom(s)
		check("text", txt.String())
		if TextFrom(txt.String()) != txt || strings.ContainsRune(txt.String(), '&') {
			t.Fatalf("text of %q is %q", s, txt)
		}
		tok := TokenFrom(s)
		check("token", tok.String())
		if TokenFrom(tok.String()) != tok || strings.ContainsAny(tok.String(), " '&") {
			t.Fatalf("token of %q is %q", s, tok)
		}
		if id := ElementID(s); id != (ID{}) && !strings.HasPrefix(id.String(), idPrefix) {
			t.Fatalf("element id of %q is %q", s, id)
		}
		check("quote id", QuoteElementID(model.QuoteID(s)).String())
		check("quote link", QuoteLink(model.QuoteID(s)).String())
		enc := Encode(s)
		check("encoded", enc.String())
		if back, err := url.PathUnescape(enc.String()); err != nil || back != strings.Map(func(r rune) rune { return r }, s) || strings.ContainsRune(enc.String(), '&') {
			t.Fatalf("encoded %q is %q, which decodes to %q (%v)", s, enc, back, err)
		}
		if tok, ok := ArticleToken(model.ArticleID(s)); ok {
			check("article token", tok.String())
		}
		if l, ok := LangFrom(s); ok {
			check("lang", l.String())
		}
		if d, ok := DirFrom(s); ok {
			check("dir", d.String())
		}
	})
}

func TestQuoteInArticleAndSpeakerPath(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		id   model.ArticleID
		q    model.QuoteID
		want string
		ok   bool
	}{
		{"zakaria-peskov", "q3", "/article/zakaria-peskov#q3", true},
		{"my-a", `x"><script>`, "/article/my-a#art-quote-x---script-", true},
		{"a/b", "q1", "", false},
		{"a", "", "", false},
	} {
		u, ok := QuoteInArticle(c.id, c.q)
		if ok != c.ok || u.String() != c.want {
			t.Errorf("QuoteInArticle(%q, %q) = %q, %v; want %q, %v", c.id, c.q, u, ok, c.want, c.ok)
		}
	}
	for _, c := range []struct {
		slug, want string
		ok         bool
	}{
		{"dmitry-peskov", "/speaker/dmitry-peskov", true},
		{"Peskov", "", false},
		{"a/../b", "", false},
	} {
		u, ok := SpeakerPath(c.slug)
		if ok != c.ok || u.String() != c.want {
			t.Errorf("SpeakerPath(%q) = %q, %v; want %q, %v", c.slug, u, ok, c.want, c.ok)
		}
	}
}
