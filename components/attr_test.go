package components

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"verbatim/article/safe"
)

// TestHelpersLeaveOutRefusedValues checks that a helper given a value the policy refused (its zero
// value) writes no attribute at all, rather than an empty one: an empty href is a link to the page
// itself.
func TestHelpersLeaveOutRefusedValues(t *testing.T) {
	refused, _ := safe.Href("javascript:alert(1)")
	noLang, _ := safe.LangFrom(`en" onclick="x`)
	noDir, _ := safe.DirFrom("sideways")
	for _, tt := range []struct {
		name string
		ui   app.UI
		want string
	}{
		{"Href", Href(app.A(), refused), "<a></a>"},
		{"Src", Src(app.Img(), safe.URL{}), "<img>"},
		{"AriaLabel", AriaLabel(app.Button(), safe.TextFrom(" \n ")), "<button></button>"},
		{"Data", Data(app.Li(), "article-id", safe.TokenFrom("")), "<li></li>"},
		{"Class", Class(app.Li(), safe.TokenFrom(""), safe.TokenFrom("")), "<li></li>"},
		{"ID", ID(app.Mark(), safe.QuoteElementID("")), "<mark></mark>"},
		{"Lang and Dir", Dir(Lang(app.Article(), noLang), noDir), "<article></article>"},
	} {
		if got := strings.TrimSpace(app.HTMLString(tt.ui)); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, got, tt.want)
		}
	}
}

// TestHelpersWriteTheValue checks that each helper writes its value as it is, and that a value
// holding "%" reaches the attribute unformatted.
func TestHelpersWriteTheValue(t *testing.T) {
	u, _ := safe.Href("https://example.com/a%20b?q=100%25")
	src, _ := safe.Src("https://example.com/i.jpg")
	lang, _ := safe.LangFrom("en-US")
	dir, _ := safe.DirFrom("RTL")
	for _, tt := range []struct {
		name string
		ui   app.UI
		want []string
	}{
		{"Href", Href(app.A(), u), []string{`href="https://example.com/a%20b?q=100%25"`}},
		{"Src and Alt", Alt(Src(app.Img(), src), safe.TextFrom(`"Peskov" & Zakaria`)),
			[]string{`src="https://example.com/i.jpg"`, `alt="'Peskov' ＆ Zakaria"`}},
		{"AriaLabel", AriaLabel(app.Button(), safe.TextFrom("Copy quote: 100%")), []string{`aria-label="Copy quote: 100%"`}},
		{"Data", Data(app.Li(), "article-id", safe.TokenFrom("zakaria-peskov")), []string{`data-article-id="zakaria-peskov"`}},
		{"Class", Class(app.Li().Class("card"), safe.TokenFrom("speaker-1"), safe.TokenFrom("kind direct")),
			[]string{`class="card speaker-1 kind-direct"`}},
		{"ID", ID(app.Mark(), safe.QuoteElementID("q3")), []string{`id="q3"`}},
		{"For", For(app.Label(), safe.IDFromConstant("set-theme")), []string{`for="set-theme"`}},
		{"Value", Value(app.Option(), safe.TokenFrom("sepia")), []string{`value="sepia"`}},
		{"Lang and Dir", Dir(Lang(app.Article(), lang), dir), []string{`lang="en-US"`, `dir="rtl"`}},
	} {
		got := app.HTMLString(tt.ui)
		for _, want := range tt.want {
			if !strings.Contains(got, want) {
				t.Errorf("%s: %s, want %s in it", tt.name, got, want)
			}
		}
	}
}
