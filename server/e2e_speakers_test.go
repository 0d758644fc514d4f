package server

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The two articles TestE2ESpeakers imports: Dmitri Peskov and a bare "Peskov" speak, and each
// rewords a quotation the sample article has ("We have never seen any evidence. And we have never
// heard something trustful.").
const (
	speakersImportA = "Kremlin dismisses the report\n\nThe Kremlin rejected the report on Monday. “We have never seen any proof. And we have never heard something trustful,” said Dmitri Peskov, the Kremlin spokesman.\n\n“The talks will continue next week in Geneva as planned,” Peskov told reporters."
	speakersImportB = "Moscow answers again\n\nMoscow answered the claims again on Tuesday. “We have never seen any evidence, and we have never heard anything trustful,” Peskov said."
)

// personCard is the JavaScript text of the card on /speakers that links to path, or "".
func personCard(path string) string {
	return `(document.querySelector('#people a[href="` + path + `"]')?.closest("li")?.textContent ?? "")`
}

// TestE2ESpeakers imports two articles in which Dmitri Peskov and "Peskov" speak, and checks that
// /speakers shows one person with the sample's and both imports' quotes, that his page lists them
// with links into the articles and shows the reworded quotation with its word-level diff, that a
// hand split and a hand merge (made with the keyboard only) survive a reload, and that axe finds
// nothing on either page.
func TestE2ESpeakers(t *testing.T) {
	requireBrowser(t)
	src := requireAxe(t)
	s := e2eServer(t)
	tb := newTab(t, s.URL())
	for _, text := range []string{speakersImportA, speakersImportB} {
		tb.open("/import")
		tb.waitWasm()
		tb.pasteImport(text, "text")
		tb.click("#import-submit")
		tb.waitFor("the import to open in the reader", `location.pathname.startsWith("/article/my-") && document.querySelectorAll("mark[data-quote-id]").length > 0`)
	}
	axe := func(name string) {
		t.Helper()
		eval[bool](tb, src+";true")
		for _, v := range eval[[]string](tb, axeRun) {
			t.Errorf("%s: %s", name, v)
		}
	}

	// The prerendered /speakers lists the sample's Dmitry Peskov (7 quotes); app.wasm adds the
	// imports' Dmitri Peskov (2) and Peskov (1) to him.
	tb.open("/speakers")
	tb.waitWasm()
	const peskov = "/speaker/dmitry-peskov"
	tb.waitFor("Peskov's quotes from both imports", personCard(peskov)+`.includes("10 quotes in 3 articles")`)
	if card := eval[string](tb, personCard(peskov)); !strings.Contains(card, "Dmitri Peskov") || !strings.Contains(card, "Peskov;") && !strings.HasSuffix(card, "Peskov") {
		t.Errorf("Dmitry Peskov's card does not name Dmitri Peskov and Peskov: %q", card)
	}
	if n := eval[int](tb, `document.querySelectorAll('#people a[href*="peskov"]').length`); n != 1 {
		t.Errorf("/speakers has %d Peskovs, want 1", n)
	}
	axe("/speakers")

	// His page: every quote, each linking to its place in its article, and the reworded quotation.
	tb.click(`#people a[href="` + peskov + `"]`)
	tb.waitWasm()
	tb.waitFor("his page with every quote", `location.pathname === "`+peskov+`" && document.querySelectorAll("#said > li").length === 10`)
	links := eval[[]string](tb, `[...document.querySelectorAll("#said a.said-link")].map((a) => a.getAttribute("href"))`)
	mine := 0
	for _, l := range links {
		if strings.HasPrefix(l, "/article/my-") && strings.Contains(l, "#q") {
			mine++
		}
	}
	if mine != 3 || len(links) != 10 {
		t.Errorf("quote links %v: want 10, 3 of them into the imports at #qN", links)
	}
	tb.waitFor("the integrity view", `document.querySelectorAll("#variants > li").length > 0`)
	diff := eval[[]string](tb, `(() => {
		const li = [...document.querySelectorAll("#variants > li")].find((li) =>
			[...li.querySelectorAll("a.said-link")].every((a) => a.getAttribute("href").startsWith("/article/my-")));
		return li ? [...li.querySelectorAll("del, ins")].map((e) => e.tagName + ":" + e.textContent) : [];
	})()`)
	joined := strings.Join(diff, " | ")
	if !strings.Contains(joined, "DEL:") || !strings.Contains(joined, "INS:") || !strings.Contains(joined, "proof") || !strings.Contains(joined, "evidence") {
		t.Errorf("the two imports' versions are not diffed with proof → evidence flagged: %q", joined)
	}
	if !strings.Contains(joined, "worded differently") {
		t.Errorf("the flagged words carry no visually hidden label: %q", joined)
	}
	axe(peskov)

	// Split "Peskov" off, with the keyboard: focus its button and press Enter.
	tb.do(chromedp.Focus(chromedp.CSS(`#split-names button[aria-label*="take Peskov out"]`)))
	tb.key(kb.Enter)
	tb.waitFor("the split, said", `document.getElementById("speaker-status").textContent.includes("Peskov is now a person of their own") &&
		document.querySelectorAll("#said > li").length === 9`)
	tb.waitFor("the focus on the person's heading (the button is gone)", `document.activeElement.id === "person-title"`)
	tb.do(chromedp.Reload())
	tb.waitWasm()
	tb.waitFor("the split after a reload", `document.querySelectorAll("#said > li").length === 9`)
	tb.open("/speakers")
	tb.waitWasm()
	tb.waitFor("Peskov on his own on /speakers", personCard("/speaker/peskov")+`.includes("1 quote in 1 article") && `+personCard(peskov)+`.includes("9 quotes")`)

	// Merge him back from his own page, with the keyboard: choose in the select, then the button.
	tb.open("/speaker/peskov")
	tb.waitWasm()
	tb.waitFor("Peskov's own page", `document.querySelectorAll("#said > li").length === 1 && !!document.getElementById("merge-with")`)
	tb.do(chromedp.Focus(chromedp.ID("merge-with")))
	for range eval[int](tb, `[...document.getElementById("merge-with").options].findIndex((o) => o.value === "dmitry-peskov")`) {
		tb.key(kb.ArrowDown)
	}
	tb.waitFor("Dmitry Peskov chosen", `document.getElementById("merge-with").value === "dmitry-peskov"`)
	tb.key(kb.Tab)
	tb.waitFor("the focus on Merge", `document.activeElement.id === "merge"`)
	tb.key(kb.Enter)
	tb.waitFor("the merge, said and focused", `location.pathname === "`+peskov+`" && document.querySelectorAll("#said > li").length === 10 &&
		document.getElementById("speaker-status").textContent.includes("are now one person") && document.activeElement.id === "person-title"`)
	tb.do(chromedp.Reload())
	tb.waitWasm()
	tb.waitFor("the merge after a reload", `document.querySelectorAll("#said > li").length === 10`)
	if ds := eval[string](tb, `localStorage.getItem("verbatim.people")`); !strings.Contains(ds, `"Merge":true`) || !strings.Contains(ds, `"Merge":false`) {
		t.Errorf("verbatim.people holds %s, want the split and the merge", ds)
	}
	tb.expectErrorsFor("/speaker/peskov") // the server does not know Peskov alone: its page is a 404 that app.wasm renders
	tb.assertClean()
}

// TestE2ESpeakersOffline opens a speaker page it never opened before with the server gone: the
// service worker answers with the shell, whose app.wasm renders the page from its URL, the store's
// imported articles and the server's speaker names as the worker cached them.
func TestE2ESpeakersOffline(t *testing.T) {
	requireBrowser(t)
	s := startE2EServer(t, Config{})
	tb := newTab(t, s.URL())
	tb.open("/")
	tb.waitWasm()
	tb.waitFor("the service worker to take control", `navigator.serviceWorker.controller !== null`)
	for _, text := range []string{speakersImportA, speakersImportB} {
		importText(tb, text)
		tb.waitFor("the import in the reader", `location.pathname.startsWith("/article/my-") && document.querySelectorAll("[data-reader] mark[data-quote-id]").length > 0`)
	}
	tb.open("/speakers")
	tb.waitWasm()
	tb.waitFor("Peskov with the imports' quotes", personCard("/speaker/dmitry-peskov")+`.includes("10 quotes in 3 articles")`)
	tb.assertClean()

	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	tb.expectErrorsFor("/") // offline: every request the page makes to the server fails
	tb.open("/speaker/dmitry-peskov")
	tb.waitWasm()
	tb.waitFor("his page offline, with the imports' quotes", `document.querySelector("h1")?.textContent === "Dmitry Peskov" &&
		[...document.querySelectorAll("#said a.said-link")].filter((a) => a.getAttribute("href").startsWith("/article/my-")).length === 3`)
	if n := eval[int](tb, `document.querySelectorAll("#variants > li").length`); n == 0 {
		t.Error("offline, the imports' reworded quotation is not diffed")
	}
}
