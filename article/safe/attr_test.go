package safe

import (
	"net/url"
	"regexp"
	"strings"
	"testing"

	"verbatim/article/model"
)

func TestText(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ in, want string }{
		{"Dmitry Peskov on CNN", "Dmitry Peskov on CNN"},
		{"  Kremlin\tPress\nSecretary  ", "Kremlin Press Secretary"},
		{`" autofocus onfocus=alert(1) x="`, `' autofocus onfocus=alert(1) x='`},
		{"a\\\"b<c>&d\ne", "a∖'b‹c›＆d e"},
		{"` onmouseover=`x", "' onmouseover='x"},
		{"&quot; x=&#34;", "＆quot; x=＆#34;"},
		{"zero\u200bwidth\u00a0space\u2028line", "zerowidth space line"},
		{"", ""},
	} {
		if got := TextFrom(tt.in).String(); got != tt.want {
			t.Errorf("TextFrom(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestToken(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ in, want string }{
		{"q3", "q3"},
		{"s1", "s1"},
		{"speaker_2-b", "speaker_2-b"},
		{`q1"><script>`, "q1---script-"},
		{"kind partial", "kind-partial"},
		{"ü", "-"},
		{strings.Repeat("a", 200), strings.Repeat("a", 128)},
		{"", ""},
	} {
		if got := TokenFrom(tt.in).String(); got != tt.want {
			t.Errorf("TokenFrom(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestIDs(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name string
		got  ID
		want string
	}{
		{"ElementID(q3)", ElementID("q3"), "art-q3"},
		{"ElementID(main)", ElementID("main"), "art-main"},
		{"ElementID(injection)", ElementID(`x" autofocus onfocus="alert(1)`), "art-x--autofocus-onfocus--alert-1-"},
		{"ElementID()", ElementID(""), ""},
		{"QuoteElementID(q3)", QuoteElementID("q3"), "q3"},
		{"QuoteElementID(main)", QuoteElementID("main"), "art-quote-main"},
		{"QuoteElementID(injection)", QuoteElementID(`q1" autofocus x="`), "art-quote-q1--autofocus-x--"},
		{"QuoteElementID()", QuoteElementID(""), ""},
		{"IDFromConstant(set-theme)", IDFromConstant("set-theme"), "set-theme"},
	} {
		if got := tt.got.String(); got != tt.want {
			t.Errorf("%s = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestLangAndDir(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		in   string
		want string
		ok   bool
	}{
		{"en", "en", true},
		{"en-US", "en-US", true},
		{"zh-Hant-TW", "zh-Hant-TW", true},
		{"de-1996", "de-1996", true},
		{`en" onclick="x`, "", false},
		{"e", "", false},
		{"en-", "", false},
		{"12-US", "", false},
		{"en_US", "", false},
		{"en-toolongsubtag", "", false},
		{"", "", false},
	} {
		l, ok := LangFrom(tt.in)
		if l.String() != tt.want || ok != tt.ok {
			t.Errorf("LangFrom(%q) = %q, %v, want %q, %v", tt.in, l, ok, tt.want, tt.ok)
		}
	}
	for _, tt := range []struct {
		in   string
		want string
		ok   bool
	}{
		{"ltr", "ltr", true},
		{"RTL", "rtl", true},
		{" auto ", "auto", true},
		{"ltr onmouseover", "", false},
		{"", "", false},
	} {
		d, ok := DirFrom(tt.in)
		if d.String() != tt.want || ok != tt.ok {
			t.Errorf("DirFrom(%q) = %q, %v, want %q, %v", tt.in, d, ok, tt.want, tt.ok)
		}
	}
}

// TestLangPatternAgreesWithLangFrom keeps LangPattern, which the sanitizer matches lang attributes
// with, and LangFrom, which the renderer uses, one rule.
func TestLangPatternAgreesWithLangFrom(t *testing.T) {
	t.Parallel()
	rx := regexp.MustCompile(LangPattern)
	for _, s := range []string{"en", "en-US", "zh-Hant-TW", "i-klingon", "x", "en-", "-en", "en--US", "en US",
		"toolonglang", "abcdefgh", "abcdefgh-12345678", "abcdefgh-123456789", "en-ü", "é", "en\n", "12", "a1"} {
		if _, ok := LangFrom(s); ok != rx.MatchString(s) {
			t.Errorf("%q: LangFrom says %v, LangPattern %v", s, ok, !ok)
		}
	}
}

func TestEncode(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ in, want string }{
		{`“This is simply impossible.” — Dmitry Peskov, in "Title", Mediaite`, `“This is simply impossible.” — Dmitry Peskov, in %22Title%22, Mediaite`},
		{`" autofocus onfocus=alert(1) x="`, `%22 autofocus onfocus=alert(1) x=%22`},
		{"a\\b<c>&d%e`f'g", `a%5Cb%3Cc%3E%26d%25e%60f'g`},
		{"&quot; &copy x", "%26quot; %26copy x"},
		{"line\nbreak\ttab\u200bzero\u00a0nbsp", "line%0Abreak%09tab%E2%80%8Bzero%C2%A0nbsp"},
		{"bad\xffbyte", "bad\ufffdbyte"},
		{"", ""},
	} {
		got := Encode(tt.in).String()
		if got != tt.want {
			t.Errorf("Encode(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if back, err := url.PathUnescape(got); err != nil || back != strings.Map(func(r rune) rune { return r }, tt.in) {
			t.Errorf("Encode(%q) = %q decodes to %q, %v", tt.in, got, back, err)
		}
	}
}

func TestArticleToken(t *testing.T) {
	t.Parallel()
	for _, id := range []model.ArticleID{"zakaria-peskov", "notes.2024_v2", "a"} {
		if tok, ok := ArticleToken(id); !ok || tok.String() != string(id) {
			t.Errorf("ArticleToken(%q) = %q, %v, want it unchanged", id, tok, ok)
		}
	}
	for _, id := range []model.ArticleID{"", `x"y`, "../etc", "-x", "a b", model.ArticleID(strings.Repeat("a", 129))} {
		if tok, ok := ArticleToken(id); ok || tok != (Token{}) {
			t.Errorf("ArticleToken(%q) = %q, %v, want refused", id, tok, ok)
		}
	}
}
