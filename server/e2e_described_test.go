package server

// A described speaker in headless Chromium (issue 14 part 1): an article that quotes "the
// spokesman" and names no one has a speaker labelled "The spokesman", whose legend entry filters
// its quotes and whose quotes copy with the label in their citation, with app.wasm blocked and
// with app.wasm rendering the reader.

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"verbatim/article/model"
)

// describedID is the article of describedText, by its file's name.
const describedID = "ferry-spokesman"

// describedText quotes a spokesman it never names, twice, and a councillor it names.
const describedText = `The ferry keeps its night run

The harbour council voted on Monday to keep the night ferry running through the winter.

“The ferry will run every night,” the spokesman said.

Councillor Dev Anand said the vote was close. “We had to find the money,” Anand said.

“Nobody will be left on the pier,” the spokesman added.
`

// describedServer starts a server whose library is describedText, and returns it with the
// article as the server serves it and its described speaker.
func describedServer(t *testing.T) (*Server, *model.Article, model.Speaker) {
	t.Helper()
	requireBrowser(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, describedID+".txt"), []byte(describedText), 0o644); err != nil {
		t.Fatal(err)
	}
	s := startE2EServer(t, Config{ContentDir: dir})
	a := fetchArticle(t, s.URL(), describedID)
	sp := speakerNamed(a, "The spokesman")
	if !sp.Described || sp.Quotes != 2 {
		t.Fatalf("the article's speakers are %+v, want a described speaker The spokesman with 2 quotes", a.Speakers)
	}
	return s, a, sp
}

// checkDescribed checks the described speaker sp in the reader v shows: its legend entry says it
// is not named, choosing it dims every other quote and none of its own, the screen reader hears "The
// spokesman says:", the correction offers it among the article's speakers, and the panel's copy
// button copies its quote with the label in the citation.
func checkDescribed(v readerView, sp model.Speaker) {
	v.t.Helper()
	entry := fmt.Sprintf(`document.querySelector('[data-speaker-filter=%q]')`, sp.ID)
	if got := v.eval(entry + `.querySelector(".legend-name").textContent + " | " + ` + entry + `.querySelector(".legend-described").textContent + " | " + getComputedStyle(` + entry + `.querySelector(".legend-name")).fontStyle`); got != "The spokesman | not named in the article | italic" {
		v.t.Errorf("the described speaker's legend entry reads %q", got)
	}
	var its []model.Quote
	for _, q := range v.a.Quotes {
		if q.SpeakerID == sp.ID {
			its = append(its, q)
		}
	}
	v.tb.grantClipboard()
	v.click(fmt.Sprintf(`[data-speaker-filter=%q]`, sp.ID))
	v.wait("the described speaker's filter", entry+`.getAttribute("aria-pressed") === "true"`)
	if n := v.eval(fmt.Sprintf(`String(document.querySelectorAll('mark.dim[data-speaker-id=%q]').length)`, sp.ID)); n != "0" {
		v.t.Errorf("%s of the spokesman's marks are dimmed", n)
	}
	if n := v.eval(fmt.Sprintf(`String(document.querySelectorAll('mark:not(.dim):not([data-speaker-id=%q])').length)`, sp.ID)); n != "0" {
		v.t.Errorf("%s marks of other speakers are not dimmed", n)
	}
	if got, want := v.eval(`String(document.querySelectorAll(".panel-quote:not(.dim)").length)`), fmt.Sprint(len(its)); got != want {
		v.t.Errorf("%s quote panel items are not dimmed, want the spokesman's %s", got, want)
	}
	if got := v.eval(fmt.Sprintf(`document.querySelector('[data-says] + mark[data-quote-id=%q]') ? document.querySelector('mark[data-quote-id=%q]').previousElementSibling.textContent : ""`, its[0].ID, its[0].ID)); got != "The spokesman says: " {
		v.t.Errorf("the screen reader's cue before the spokesman's quote is %q", got)
	}
	if got := v.eval(fmt.Sprintf(`document.querySelector('#correct-speaker option[value=%q]').textContent`, sp.ID)); got != "The spokesman (not named in the article)" {
		v.t.Errorf("the correction's choice of the described speaker reads %q", got)
	}
	v.click(fmt.Sprintf(`.panel-copy[data-quote-id=%q]`, its[1].ID))
	v.copied("the described speaker's quote", its[1])
	v.click(`[data-speaker-filter=""]`)
	v.wait("the filter to clear", `document.querySelectorAll(".dim").length === 0`)
}

// TestE2EDescribedSpeakerWithoutWasm reads the article with every *.wasm request blocked.
func TestE2EDescribedSpeakerWithoutWasm(t *testing.T) {
	s, a, sp := describedServer(t)
	tb := newTab(t, s.URL())
	tb.blockWasm()
	tb.open("/article/" + describedID)
	tb.waitFor("the reader script", `!!window.verbatimReader && document.querySelectorAll("mark[data-quote-id]").length > 0`)
	checkDescribed(readerView{t: t, tb: tb, ctx: tb.ctx, a: a}, sp)
	tb.assertClean()
}

// TestE2EDescribedSpeakerRenderedByWasm follows the library's link to the article inside the app,
// so that app.wasm renders the reader from the article's JSON.
func TestE2EDescribedSpeakerRenderedByWasm(t *testing.T) {
	s, a, sp := describedServer(t)
	tb := newTab(t, s.URL())
	tb.open("/")
	tb.waitWasm()
	tb.waitFor("the library's card", `document.querySelectorAll('#samples .card a[href="/article/`+describedID+`"]').length > 0`)
	tb.click(`#samples .card a[href="/article/` + describedID + `"]`)
	tb.waitFor("the reader app.wasm renders", `location.pathname === "/article/`+describedID+`" && document.querySelectorAll("[data-reader] mark[data-quote-id]").length > 0 && document.documentElement.dataset.app === "wasm"`)
	checkDescribed(readerView{t: t, tb: tb, ctx: tb.ctx, a: a}, sp)
	tb.assertClean()
}
