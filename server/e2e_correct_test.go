package server

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"verbatim/article/model"
	"verbatim/components"
)

// TestE2ECorrectSpeaker corrects quote speakers on /article/{sample} in Chromium with every *.wasm
// request blocked: a quote given to the article's other speaker takes that speaker's colour, id,
// screen reader cue and citation, is marked corrected in the page and the quote panel, follows the
// legend's filter, and stays so after a reload; a typed name works the same with no colour; undo
// brings the engine's speaker back, after a reload too. The clipboard holds the corrected citation.
func TestE2ECorrectSpeaker(t *testing.T) {
	s := e2eServer(t)
	a := fetchArticle(t, s.URL(), sampleID)
	tb := newTab(t, s.URL())
	tb.blockWasm()
	tb.grantClipboard(s.URL())
	tb.open("/article/" + sampleID)
	tb.waitFor("the reader script", `!!window.verbatimReader && document.querySelectorAll("mark[data-quote-id]").length > 0`)
	v := readerView{t: t, tb: tb, ctx: tb.ctx, a: a}

	q := a.Quotes[1] // Zakaria's question
	var other = a.Speakers[0]
	for _, sp := range a.Speakers {
		if sp.ID != q.SpeakerID {
			other = sp
		}
	}
	if other.ID == q.SpeakerID {
		t.Fatalf("the sample needs two speakers")
	}
	mark := fmt.Sprintf(`document.getElementById(%q)`, q.ID)
	item := fmt.Sprintf(`document.querySelector('.panel-quote[data-quote-id=%q]')`, q.ID)
	state := func() string {
		return v.eval(`(() => { const m = ` + mark + `, i = ` + item + `;
		  return [m.dataset.speakerId || "-", [...m.classList].sort().join(" "), m.hasAttribute("data-corrected"), m.previousElementSibling.textContent,
		    decodeURIComponent(m.dataset.citation), i.dataset.speakerId || "-", i.querySelector("[data-corrected-note]").hidden].join(" | "); })()`)
	}
	engine := state()

	open := func() {
		t.Helper()
		v.click(fmt.Sprintf(`.panel-quote[data-quote-id=%q] [data-action="correct"]`, q.ID))
		v.wait("the correction dialog", `!document.getElementById("correct").hidden && document.activeElement.id === "correct-speaker"`)
	}
	choose := func(value, name string) {
		t.Helper()
		v.eval(fmt.Sprintf(`(document.getElementById("correct-speaker").value = %q, document.getElementById("correct-name").value = %q, "")`, value, name))
		v.click(`[data-action="correct-save"]`)
		v.wait("the dialog to close", `document.getElementById("correct").hidden`)
	}
	as := func(name string) model.Quote {
		c := q
		c.Speaker = name
		return c
	}
	citationAs := func(name string) string { return components.Citation(a, as(name)) }
	want := func(what, speakerID, class, says, citation, itemSpeaker string, corrected bool) {
		t.Helper()
		got := state()
		w := fmt.Sprintf("%s | %s | %v | %s | %s | %s | %v", speakerID, class, corrected, says, citation, itemSpeaker, !corrected)
		if got != w {
			t.Errorf("%s:\n got  %s\n want %s", what, got, w)
		}
	}
	otherClass := v.eval(fmt.Sprintf(`[...document.querySelector('button[data-speaker-filter=%q]').classList].find((c) => c.startsWith("speaker-"))`, other.ID))
	kind := "kind-" + string(q.Kind)
	classes := func(c ...string) string { slices.Sort(c); return strings.Join(c, " ") }

	// Another of the article's speakers.
	open()
	choose(string(other.ID), "")
	corrected := func(what string) {
		t.Helper()
		want(what, string(other.ID), classes("quote", kind, otherClass), other.Name+" says (your correction): ", citationAs(other.Name), string(other.ID), true)
	}
	corrected("corrected to the other speaker")
	v.click(fmt.Sprintf(`.panel-quote[data-quote-id=%q] .panel-copy[data-action="copy"]`, q.ID))
	v.copied("the corrected quote's copy button", as(other.Name))
	// The legend's filter follows the correction.
	v.click(fmt.Sprintf(`button[data-speaker-filter=%q]`, other.ID))
	if v.eval(mark+`.classList.contains("dim") ? "dim" : "shown"`) != "shown" {
		t.Errorf("the corrected quote is dimmed when its new speaker is chosen in the legend")
	}
	v.click(`button[data-speaker-filter=""]`)

	tb.do(chromedp.Reload())
	tb.waitFor("the reader script after the reload", `!!window.verbatimReader && `+mark+`.hasAttribute("data-corrected")`)
	corrected("after a reload")

	// A typed name: no colour of the article's.
	open()
	if v.eval(`document.querySelector('[data-action="correct-undo"]').hidden ? "hidden" : "shown"`) != "shown" {
		t.Errorf("the dialog of a corrected quote offers no undo")
	}
	choose("", "Jane Roe")
	want("corrected to a typed name", "-", classes("quote", kind, "speaker-none"), "Jane Roe says (your correction): ", citationAs("Jane Roe"), "-", true)
	tb.do(chromedp.Reload())
	tb.waitFor("the reader script after the reload", `!!window.verbatimReader && `+mark+`.hasAttribute("data-corrected")`)
	want("the typed name after a reload", "-", classes("quote", kind, "speaker-none"), "Jane Roe says (your correction): ", citationAs("Jane Roe"), "-", true)

	// Undo.
	open()
	v.click(`[data-action="correct-undo"]`)
	v.wait("the dialog to close", `document.getElementById("correct").hidden`)
	if got := state(); got != engine {
		t.Errorf("after undo:\n got  %s\n want %s", got, engine)
	}
	tb.do(chromedp.Reload())
	tb.waitFor("the reader script after the reload", `!!window.verbatimReader`)
	if got := state(); got != engine {
		t.Errorf("after undo and a reload:\n got  %s\n want %s", got, engine)
	}
	if got := eval[string](tb, `localStorage.getItem("verbatim.corrections")`); got != "{}" {
		t.Errorf("storage after undo holds %q, want {}", got)
	}
	tb.assertClean()
}
