package server

import (
	"fmt"
	"strings"
	"testing"
	"verbatim/article/model"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

const sampleID = "zakaria-peskov"

// TestE2ESampleMarksBeforeAndAfterWasm checks the sample's 10 quotes by 2 speakers, first in the
// prerendered page (wasm disabled with go-app's ?wasm=false), then once app.wasm has rebuilt it.
func TestE2ESampleMarksBeforeAndAfterWasm(t *testing.T) {
	s := e2eServer(t)
	tb := newTab(t, s.URL())

	tb.open("/article/" + sampleID + "?wasm=false")
	before := tb.marks()
	if before.Quotes != 10 || before.Speakers != 2 || before.Unmarked {
		t.Errorf("prerendered: %+v, want 10 quotes by 2 speakers, every mark with data-quote-id", before)
	}
	if got := eval[string](tb, `document.querySelector("h1").textContent`); got == "" {
		t.Errorf("prerendered page has no headline")
	}

	tb.open("/article/" + sampleID)
	tb.waitWasm()
	tb.waitFor("the article after wasm", `document.querySelectorAll("mark[data-quote-id]").length > 0`)
	after := tb.marks()
	if after != before {
		t.Errorf("after wasm: %+v, want the prerendered %+v", after, before)
	}
	tb.assertClean()
}

func speakerNamed(a *model.Article, name string) model.Speaker {
	for _, s := range a.Speakers {
		if s.Name == name {
			return s
		}
	}
	return model.Speaker{}
}

// TestE2ELegendKeysCopyDeepLink drives the reader as a reader would: the legend filter, the n/p/h/?
// keys, "Copy quote" (reading the clipboard back) and a deep link to a quote.
func TestE2ELegendKeysCopyDeepLink(t *testing.T) {
	s := e2eServer(t)
	a := fetchArticle(t, s.URL(), sampleID)
	peskov := speakerNamed(a, "Dmitry Peskov")
	if peskov.ID == "" || len(a.Quotes) < 3 {
		t.Fatalf("the sample has no Dmitry Peskov or too few quotes: %+v", a.Speakers)
	}
	tb := newTab(t, s.URL())
	tb.grantClipboard()
	tb.open("/article/" + sampleID)
	tb.waitWasm()
	tb.waitFor("the article", `document.querySelectorAll("mark[data-quote-id]").length > 0`)

	// Legend: choosing Peskov dims every other speaker's quotes and none of his.
	tb.do(chromedp.Click(chromedp.CSS(fmt.Sprintf(`.legend button[data-speaker-id=%q]`, peskov.ID))))
	tb.waitFor("the filter", `document.querySelectorAll("mark.dim").length > 0`)
	if n := eval[int](tb, fmt.Sprintf(`document.querySelectorAll('mark.dim[data-speaker-id=%q]').length`, peskov.ID)); n != 0 {
		t.Errorf("%d of Peskov's marks are dimmed", n)
	}
	if n := eval[int](tb, fmt.Sprintf(`document.querySelectorAll('mark:not(.dim):not([data-speaker-id=%q])').length`, peskov.ID)); n != 0 {
		t.Errorf("%d marks of other speakers are not dimmed", n)
	}
	tb.do(chromedp.Click(chromedp.CSS(`.legend button.legend-all`)))
	tb.waitFor("the filter to clear", `document.querySelectorAll("mark.dim").length === 0`)

	// Keys: n, n, p move the focus and the hash; h hides and shows; ? opens the shortcuts.
	tb.do(chromedp.Evaluate[chromedp.Void](`document.activeElement && document.activeElement.blur()`))
	q1, q2 := string(a.Quotes[0].ID), string(a.Quotes[1].ID)
	focused := `document.activeElement && document.activeElement.dataset.quoteId === %q && location.hash === "#" + %q`
	tb.key("n")
	tb.waitFor("n to focus the first quote", fmt.Sprintf(focused, q1, q1))
	tb.key("n")
	tb.waitFor("n to focus the second quote", fmt.Sprintf(focused, q2, q2))
	tb.key("p")
	tb.waitFor("p to focus the first quote again", fmt.Sprintf(focused, q1, q1))
	tb.key("h")
	tb.waitFor("h to hide highlights", `!!document.querySelector(".reader.highlights-off")`)
	tb.key("h")
	tb.waitFor("h to show highlights", `!document.querySelector(".reader.highlights-off")`)
	tb.key("?")
	tb.waitFor("? to open the shortcuts", `!!document.getElementById("shortcuts")`)
	tb.key(kb.Escape)
	tb.waitFor("Escape to close the shortcuts", `!document.getElementById("shortcuts")`)

	// The quote panel: choosing a quote focuses it and puts it in the URL.
	q4 := string(a.Quotes[3].ID)
	tb.do(chromedp.Click(chromedp.CSS(fmt.Sprintf(`.quote-panel button.panel-go[data-quote-id=%q]`, q4))))
	tb.waitFor("the panel to focus "+q4, fmt.Sprintf(focused, q4, q4))
	tb.key("p")
	tb.key("p")
	tb.key("p")
	tb.waitFor("p to go back to the first quote", fmt.Sprintf(focused, q1, q1))

	// Copy quote: the focused quote, with its citation, on the clipboard.
	q := a.Quotes[0]
	want := fmt.Sprintf("“%s” — %s, in %q, %s", q.Text, q.Speaker, a.Title, a.Site)
	if q.Speaker == "" {
		want = fmt.Sprintf("“%s” — in %q, %s", q.Text, a.Title, a.Site)
	}
	tb.do(chromedp.Click(chromedp.ID("copy-quote")))
	tb.waitFor("the copy to finish", `document.querySelector(".status").textContent.startsWith("Copied")`)
	if got := eval[string](tb, `navigator.clipboard.readText()`); got != want {
		t.Errorf("clipboard = %q, want %q", got, want)
	}

	// Deep link: /article/{id}#q3 opens at the quote, focused and highlighted.
	q3 := string(a.Quotes[2].ID)
	tb.open("/")
	tb.open("/article/" + sampleID + "#" + q3)
	tb.waitWasm()
	tb.waitFor("the deep link to focus "+q3, fmt.Sprintf(`document.activeElement && document.activeElement.dataset.quoteId === %q && document.activeElement.classList.contains("current")`, q3))
	tb.assertClean()
}

// TestE2ESettingsPersist changes the theme and font, reloads, and finds them applied.
func TestE2ESettingsPersist(t *testing.T) {
	s := e2eServer(t)
	tb := newTab(t, s.URL())
	tb.chooseSettings("dark", "legible")

	tb.do(chromedp.Reload())
	tb.waitWasm()
	tb.waitFor("the settings after a reload", `document.documentElement.dataset.theme === "dark" && document.documentElement.dataset.font === "legible" && document.documentElement.dataset.size === "5"`)
	if got := eval[string](tb, `getComputedStyle(document.body).backgroundColor`); got != "rgb(18, 18, 18)" {
		t.Errorf("dark body background = %s, want rgb(18, 18, 18)", got)
	}
	tb.assertClean()
}

// TestE2EReadingPositionAndEmbed checks that the reading position is remembered per article, and
// that /embed/{id} shows the article without the app's chrome, before and after the wasm.
func TestE2EReadingPositionAndEmbed(t *testing.T) {
	s := e2eServer(t)
	tb := newTab(t, s.URL())
	tb.open("/article/" + sampleID)
	tb.waitWasm()
	tb.waitFor("the article", `document.querySelectorAll("mark[data-quote-id]").length > 0`)
	eval[bool](tb, `(() => { window.scrollTo({top: (document.documentElement.scrollHeight - innerHeight) * 0.6, behavior: "instant"}); return true; })()`)
	tb.waitFor("the progress bar to follow", `document.querySelector(".reading-progress").value >= 50`)

	tb.open("/")
	tb.waitWasm()
	tb.open("/article/" + sampleID)
	tb.waitWasm()
	tb.waitFor("the remembered position", `scrollY > (document.documentElement.scrollHeight - innerHeight) * 0.4`)

	tb.open("/embed/" + sampleID + "?wasm=false")
	if m := tb.marks(); m.Quotes != 10 || m.Speakers != 2 {
		t.Errorf("prerendered embed marks %+v, want 10 quotes by 2 speakers", m)
	}
	tb.open("/embed/" + sampleID)
	tb.waitWasm()
	tb.waitFor("the embed after wasm", `document.querySelectorAll("mark[data-quote-id]").length > 0`)
	if m := tb.marks(); m.Quotes != 10 || m.Speakers != 2 {
		t.Errorf("embed marks %+v, want 10 quotes by 2 speakers", m)
	}
	if n := eval[int](tb, `document.querySelectorAll(".site-header, .quote-panel, .controls").length`); n != 0 {
		t.Errorf("the embed shows %d pieces of the app's chrome", n)
	}
	tb.assertClean()
}

// TestE2EKeyboardFocus tabs through the reader: the legend and the quote panel are reachable from
// the keyboard, and every focused control shows a visible focus ring.
func TestE2EKeyboardFocus(t *testing.T) {
	s := e2eServer(t)
	tb := newTab(t, s.URL())
	tb.open("/article/" + sampleID)
	tb.waitWasm()
	tb.waitFor("the article", `document.querySelectorAll("mark[data-quote-id]").length > 0`)
	reached := map[string]bool{}
	for i := 0; i < 40; i++ {
		tb.key(kb.Tab)
		f := eval[struct {
			Class   string `json:"class"`
			Tag     string `json:"tag"`
			Outline string `json:"outline"`
		}](tb, `(() => { const e = document.activeElement; return {class: e.className, tag: e.tagName, outline: getComputedStyle(e).outlineStyle}; })()`)
		if f.Tag == "BODY" {
			continue
		}
		if f.Outline == "none" {
			t.Errorf("focused <%s class=%q> has no visible focus outline", f.Tag, f.Class)
		}
		for _, c := range []string{"skip-link", "legend-item", "panel-go", "panel-copy", "button"} {
			if strings.Contains(" "+f.Class+" ", " "+c+" ") {
				reached[c] = true
			}
		}
	}
	for _, c := range []string{"skip-link", "button", "legend-item", "panel-go", "panel-copy"} {
		if !reached[c] {
			t.Errorf("Tab never reached a .%s", c)
		}
	}
	tb.assertClean()
}
