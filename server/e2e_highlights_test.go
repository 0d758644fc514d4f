package server

// Highlights and notes (issue 15, part 1) and their W3C Web Annotation JSON-LD export and import
// (part 2), in Chromium with every *.wasm request blocked: web/page/highlights.js, loaded by
// reader.js, over offline.js's store.

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// hlReady is true once the reader is ready for highlights: reader.js (which loads highlights.js
// when it is first needed) and offline.js's store have started, and the reader and its highlights
// tab are on the page. hlLoaded adds highlights.js itself.
const (
	hlReady  = `!!window.verbatimReader && !!window.verbatimStore && !!document.querySelector("[data-reader]") && document.querySelectorAll("[data-reader] mark[data-quote-id]").length > 0 && document.querySelector("[data-hl-empty]") !== null`
	hlLoaded = hlReady + ` && !!window.verbatimHighlights`
)

// hlFind is a page function: the DOM points of the first occurrence of a phrase in the article body's
// text (without the screen readers' cues), and the viewport points of its first and last characters.
const hlFind = `window.__hlFind = (phrase) => {
  const body = document.querySelector(".article-body");
  const w = document.createTreeWalker(body, NodeFilter.SHOW_TEXT, {acceptNode: (n) => n.parentElement.closest("[data-says]") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT});
  const nodes = []; let text = "";
  for (let n = w.nextNode(); n; n = w.nextNode()) { nodes.push([n, text.length]); text += n.data; }
  const i = text.indexOf(phrase);
  if (i < 0) return null;
  const at = (k) => { for (const [n, s] of nodes) if (k >= s && k < s + n.data.length) return [n, k - s]; return null; };
  const [sn, so] = at(i), [en, eo] = at(i + phrase.length - 1);
  const r = document.createRange(); r.setStart(sn, so); r.setEnd(en, eo + 1);
  const first = document.createRange(); first.setStart(sn, so); first.setEnd(sn, so + 1);
  const last = document.createRange(); last.setStart(en, eo); last.setEnd(en, eo + 1);
  const a = first.getBoundingClientRect(), b = last.getBoundingClientRect();
  return {range: r, x1: a.left + 1, y1: (a.top + a.bottom) / 2, x2: b.right - 1, y2: (b.top + b.bottom) / 2};
}; true`

// hlPainted lists the text of every range painted under a CSS highlight name (without the screen
// readers' cues), sorted.
const hlPainted = `(() => { const h = CSS.highlights.get(%s);
  const text = (r) => { const f = r.cloneContents(); f.querySelectorAll("[data-says]").forEach((e) => e.remove()); return f.textContent; };
  return h ? [...h].map(text).sort() : []; })()`

// hlStored reads every highlight straight from IndexedDB, as offline.js wrote it.
const hlStored = `new Promise((ok, fail) => { const r = indexedDB.open("verbatim"); r.onerror = () => fail(r.error);
  r.onsuccess = () => { const db = r.result; if (!db.objectStoreNames.contains("highlights")) { db.close(); ok([]); return; }
    const q = db.transaction("highlights").objectStore("highlights").getAll(); q.onsuccess = () => { db.close(); ok(q.result); }; q.onerror = () => fail(q.error); }; })`

// keepBlobs keeps every blob the page makes a URL for in window.__blobs: the page's CSP keeps fetch
// from blob: URLs, and the test reads the file a download link points at.
const keepBlobs = `window.__blobs = []; const made = URL.createObjectURL; URL.createObjectURL = (b) => (window.__blobs.push(b), made(b));`

// storedHighlight is a highlight record as offline.js keeps it (the contract in
// docs/architecture.md).
type storedHighlight struct {
	ID        string `json:"id"`
	ArticleID string `json:"articleId"`
	Exact     string `json:"exact"`
	Prefix    string `json:"prefix"`
	Suffix    string `json:"suffix"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Note      string `json:"note"`
	Created   string `json:"created"`
	Modified  string `json:"modified"`
}

func painted(tb *tab, name string) []string {
	tb.t.Helper()
	return eval[[]string](tb, fmt.Sprintf(hlPainted, jsString(name)))
}

// allPainted is every painted highlight's text, plain and noted, sorted.
func allPainted(tb *tab) string {
	tb.t.Helper()
	got := append(painted(tb, "verbatim-highlight"), painted(tb, "verbatim-highlight-note")...)
	return strings.Join(sortedCopy(got), " | ")
}

func sortedCopy(s []string) []string {
	out := append([]string(nil), s...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

// selectPhrase selects phrase in the article body through the selection API, as a keyboard user's
// caret would.
func selectPhrase(tb *tab, phrase string) {
	tb.t.Helper()
	eval[bool](tb, hlFind)
	if !eval[bool](tb, fmt.Sprintf(`(() => { const f = __hlFind(%s); if (!f) return false; const s = getSelection(); s.removeAllRanges(); s.addRange(f.range); return true; })()`, jsString(phrase))) {
		tb.t.Fatalf("the article has no %q", phrase)
	}
}

// dragOver selects phrase with the mouse: a press before its first character, a move and a release
// after its last.
func dragOver(tb *tab, phrase string) {
	tb.t.Helper()
	eval[bool](tb, hlFind)
	eval[bool](tb, fmt.Sprintf(`(__hlFind(%s).range.startContainer.parentElement.scrollIntoView({block: "center", behavior: "instant"}), true)`, jsString(phrase)))
	type points struct{ X1, Y1, X2, Y2 float64 }
	p := eval[*points](tb, fmt.Sprintf(`(() => { const f = __hlFind(%s); return f && {X1: f.x1, Y1: f.y1, X2: f.x2, Y2: f.y2}; })()`, jsString(phrase)))
	if p == nil {
		tb.t.Fatalf("the article has no %q", phrase)
	}
	tb.do(
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, p.X1, p.Y1),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMousePressed, p.X1, p.Y1, chromedp.ButtonLeft, chromedp.ClickCount(1)),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, (p.X1+p.X2)/2, (p.Y1+p.Y2)/2, chromedp.ButtonLeft),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, p.X2, p.Y2, chromedp.ButtonLeft),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseReleased, p.X2, p.Y2, chromedp.ButtonLeft, chromedp.ClickCount(1)),
	)
}

// TestE2EHighlights highlights the sample by mouse (a drag, then the selection bar) across a quote's
// edge, and by keyboard (a selection, then Shift+A and a typed note), and checks what is painted,
// stored and listed: the highlight is not a quote mark and the quote keeps its speaker's colour; the
// highlights tab lists both, edits a note and deletes a highlight, with the keyboard only; axe finds
// nothing on the tab and the note dialog. The export downloads the same JSON-LD as exportJSONLD; a
// fresh profile imports it and exports the same bytes; malformed imports are refused with a message
// and change nothing; a full quota refuses a highlight with a message and loses nothing. Last, with
// the server stopped, a reload offline paints the same highlights.
func TestE2EHighlights(t *testing.T) {
	requireBrowser(t)
	src := axeSource(t)
	if src == "" {
		t.Fatal("axe-core is not installed: run make test-env, or set AXE_CORE_JS to axe.min.js")
	}
	s := startE2EServer(t, Config{})
	tb := newTab(t, s.URL())
	tb.blockWasm()
	tb.onNewDocument(keepBlobs)
	tb.open("/article/" + sampleID)
	tb.waitFor("the reader", hlReady)
	v := readerView{t: t, tb: tb, ctx: tb.ctx}

	// By mouse, across the edge of the quote "self-humiliation".
	const byMouse = "accused the U.S. of engaging in “self-humiliation”"
	elements := `document.querySelectorAll(".article-body *").length`
	before := eval[int](tb, elements)
	dragOver(tb, byMouse)
	tb.waitFor("the selection bar", `!document.querySelector("[data-hl-popup]").hidden`)
	v.click(`[data-hl-popup] [data-action="hl-add"]`)
	tb.waitFor("the painted highlight", `CSS.highlights.get("verbatim-highlight") && CSS.highlights.get("verbatim-highlight").size === 1`)
	if got := painted(tb, "verbatim-highlight"); len(got) != 1 || got[0] != byMouse {
		t.Errorf("the drag painted %q, want %q", got, byMouse)
	}
	if eval[bool](tb, `!document.querySelector("[data-hl-popup]").hidden`) {
		t.Errorf("the selection bar stays after highlighting")
	}
	// No element was added to the article: the quote's marks, and their speaker colours, are Go's.
	if after := eval[int](tb, elements); after != before {
		t.Errorf("highlighting changed the article's elements: %d, want %d", after, before)
	}
	quote := `[...document.querySelectorAll(".article-body mark[data-quote-id]")].find((m) => m.textContent.includes("self-humiliation"))`
	if got := eval[string](tb, `(() => { const m = `+quote+`; return m.className + " | " + getComputedStyle(m).backgroundColor; })()`); !strings.Contains(got, "quote speaker-") || strings.Contains(got, "rgba(0, 0, 0, 0)") {
		t.Errorf("the highlighted quote's mark is %q: it lost its speaker colour", got)
	}

	// By keyboard: a selection (what a caret selects), then Shift+A and a note typed, Tab, Enter.
	const byKeys = "Sergey Kislyak"
	selectPhrase(tb, byKeys)
	tb.do(chromedp.KeyEvent("A", chromedp.KeyModifiers(chromedp.ModifierShift)))
	tb.waitFor("the note dialog", `!document.getElementById("hl-dialog").hidden && document.activeElement.id === "hl-note-text"`)
	tb.do(chromedp.KeyEvent("The ambassador"), chromedp.KeyEvent(kb.Tab))
	if got := eval[string](tb, `document.activeElement.dataset.action || ""`); got != "hl-note-save" {
		t.Fatalf("Tab from the note goes to %q, want the save button", got)
	}
	tb.key(kb.Enter)
	tb.waitFor("the noted highlight", `CSS.highlights.get("verbatim-highlight-note").size === 1`)
	if got := painted(tb, "verbatim-highlight-note"); len(got) != 1 || got[0] != byKeys {
		t.Errorf("painted with a note %q, want %q", got, byKeys)
	}
	// The key a on the selection, with no note; then that highlight is deleted from the tab.
	const third = "number of Trump associates"
	selectPhrase(tb, third)
	tb.key("a")
	tb.waitFor("the third highlight", `CSS.highlights.get("verbatim-highlight").size === 2`)

	recs := eval[[]storedHighlight](tb, hlStored)
	if len(recs) != 3 {
		t.Fatalf("stored %d highlights, want 3: %+v", len(recs), recs)
	}
	text := eval[string](tb, `verbatimHighlights.textOf(document.querySelector("[data-reader]"))`)
	for _, h := range recs {
		if h.ArticleID != sampleID || !strings.HasPrefix(h.ID, "h-") || h.Created == "" || h.Modified < h.Created {
			t.Errorf("record %+v", h)
		}
		rs := []rune(text)
		if h.End > len(rs) || string(rs[h.Start:h.End]) != h.Exact || !strings.HasSuffix(string(rs[:h.Start]), h.Prefix) || !strings.HasPrefix(string(rs[h.End:]), h.Suffix) ||
			len([]rune(h.Prefix)) != min(32, h.Start) {
			t.Errorf("record %q: its selectors do not match the body's text at %d–%d", h.Exact, h.Start, h.End)
		}
		if h.Exact == byKeys && h.Note != "The ambassador" {
			t.Errorf("the keyboard highlight's note is %q", h.Note)
		}
	}

	// The tab, with the keyboard only: from the Quotes tab, → selects Highlights.
	tb.do(chromedp.Focus(chromedp.ID("tab-quotes")))
	tb.key(kb.ArrowRight)
	tb.waitFor("the highlights tab", `document.activeElement.id === "tab-highlights" && document.getElementById("tab-highlights").getAttribute("aria-selected") === "true" && !document.getElementById("panel-highlights").hidden && document.getElementById("panel-quotes").hidden`)
	items := `[...document.querySelectorAll('[data-hl-list="found"] li')]`
	if got := eval[string](tb, items+`.map((li) => li.querySelector("[data-hl-text]").textContent + (li.querySelector("[data-hl-note]").hidden ? "" : " / " + li.querySelector("[data-hl-note]").textContent)).join(" | ")`); got !=
		"“"+byMouse+"” | “"+byKeys+"” / Note: The ambassador | “"+third+"”" {
		t.Errorf("the tab lists %q", got)
	}
	if got := eval[string](tb, `document.getElementById("tab-highlights").textContent`); got != "Highlights (3)" {
		t.Errorf("the tab says %q", got)
	}
	// Go to the second highlight, from its button with Enter.
	tb.do(chromedp.Focus(chromedp.CSS(`[data-hl-list="found"] li:nth-child(2) [data-action="hl-go"]`)))
	tb.key(kb.Enter)
	tb.waitFor("the current highlight", `CSS.highlights.get("verbatim-highlight-current").size === 1 && [...CSS.highlights.get("verbatim-highlight-current")][0].toString() === `+jsString(byKeys))
	// axe on the tab, then on the note dialog opened from it.
	eval[bool](tb, src+";true")
	for _, f := range eval[[]string](tb, axeRun) {
		t.Errorf("highlights tab: %s", f)
	}
	tb.do(chromedp.Focus(chromedp.CSS(`[data-hl-list="found"] li:nth-child(2) [data-action="hl-edit"]`)))
	tb.key(kb.Enter)
	tb.waitFor("the note dialog with the note", `!document.getElementById("hl-dialog").hidden && document.getElementById("hl-note-text").value === "The ambassador"`)
	for _, f := range eval[[]string](tb, axeRun) {
		t.Errorf("note dialog: %s", f)
	}
	eval[bool](tb, `(document.getElementById("hl-note-text").select(), true)`)
	tb.do(chromedp.KeyEvent("Russia's ambassador"), chromedp.KeyEvent(kb.Enter, chromedp.KeyModifiers(chromedp.ModifierCtrl)))
	tb.waitFor("the edited note", items+`[1].querySelector("[data-hl-note]").textContent === "Note: Russia's ambassador" && document.activeElement.dataset.action === "hl-edit"`)
	// Delete the third.
	tb.do(chromedp.Focus(chromedp.CSS(`[data-hl-list="found"] li:nth-child(3) [data-action="hl-delete"]`)))
	tb.key(kb.Enter)
	tb.waitFor("the deleted highlight", items+`.length === 2 && CSS.highlights.get("verbatim-highlight").size === 1`)
	if n := len(eval[[]storedHighlight](tb, hlStored)); n != 2 {
		t.Errorf("after deleting, %d highlights are stored, want 2", n)
	}

	// Export: a speaker correction too (reader.js's storage). The button downloads what
	// exportJSONLD gives.
	eval[bool](tb, `(localStorage.setItem("verbatim.corrections", JSON.stringify({"zakaria-peskov": {"q3": {"name": "Jane Roe"}, "q1": {"speaker": "s2"}}})), true)`)
	exported := eval[string](tb, `verbatimHighlights.exportJSONLD("`+sampleID+`")`)
	v.click(`#panel-highlights [data-action="hl-export"]`)
	tb.waitFor("the download link", `document.querySelector("#panel-highlights a[data-hl-download]").href.startsWith("blob:")`)
	if got := eval[string](tb, `document.querySelector("#panel-highlights a[data-hl-download]").download`); got != "verbatim-highlights-"+sampleID+".jsonld" {
		t.Errorf("the download is named %q", got)
	}
	if got := eval[string](tb, `__blobs.at(-1).text()`); got != exported {
		t.Errorf("the downloaded file differs from exportJSONLD:\n%s\nwant\n%s", got, exported)
	}
	checkJSONLD(t, exported, s.URL()+"/article/"+sampleID)
	if all := eval[string](tb, `verbatimHighlights.exportJSONLD()`); all != strings.Replace(strings.Replace(exported, `"urn:verbatim:annotations:`+sampleID+`"`, `"urn:verbatim:annotations"`, 1),
		`"Verbatim: highlights and speaker corrections of one article"`, `"Verbatim: highlights and speaker corrections"`, 1) {
		t.Errorf("exporting everything differs from exporting the one article:\n%s", all)
	}

	// A fresh profile on the same origin imports the file through the library's field, and exports
	// the same bytes.
	file := filepath.Join(t.TempDir(), "highlights.jsonld")
	if err := os.WriteFile(file, []byte(exported), 0o644); err != nil {
		t.Fatal(err)
	}
	fresh := newTab(t, s.URL())
	fresh.blockWasm()
	fresh.onNewDocument(keepBlobs)
	fresh.open("/article/" + sampleID)
	fresh.waitFor("the reader", hlReady)
	if eval[bool](fresh, `!!window.verbatimHighlights || performance.getEntriesByType("resource").some((e) => e.name.includes("highlights.js"))`) {
		t.Errorf("a reader with no highlights stored loaded highlights.js before it was needed")
	}
	// Opening the highlights tab loads highlights.js, and the click that asked for it selects it.
	fresh.click("#tab-highlights")
	fresh.waitFor("the highlights tab", hlLoaded+` && document.getElementById("tab-highlights").getAttribute("aria-selected") === "true" && !document.getElementById("panel-highlights").hidden`)
	fresh.do(chromedp.SetUploadFiles(chromedp.ID("hl-import-article"), []string{file}))
	fresh.waitFor("the import's message", `document.querySelector("#panel-highlights [data-hl-message]").textContent.startsWith("Imported: 4 new, 0 updated.")`)
	if got := eval[string](fresh, `verbatimHighlights.exportJSONLD("`+sampleID+`")`); got != exported {
		t.Errorf("export, import, export is not byte-identical:\n%s\nwant\n%s", got, exported)
	}
	fresh.waitFor("the imported highlights painted", `CSS.highlights.get("verbatim-highlight").size === 1 && CSS.highlights.get("verbatim-highlight-note").size === 1`)
	if got, want := allPainted(fresh), allPainted(tb); got != want {
		t.Errorf("the imported highlights paint %q, want %q", got, want)
	}
	// Importing it again updates, and changes nothing.
	if got := eval[map[string]int](fresh, `verbatimHighlights.importJSONLD(`+jsString(exported)+`)`); got["added"] != 0 || got["updated"] != 4 {
		t.Errorf("importing again: %v, want 0 added and 4 updated", got)
	}

	// By touch: a selection (a long press makes one), then a tap on the selection bar's button.
	if _, err := chromedp.Call(fresh.ctx, emulation.SetTouchEmulationEnabled, emulation.SetTouchEmulationEnabledParams{Enabled: true, MaxTouchPoints: 5}); err != nil {
		t.Fatal(err)
	}
	const byTouch = "Kremlin Press Secretary"
	selectPhrase(fresh, byTouch)
	fresh.waitFor("the selection bar", `!document.querySelector("[data-hl-popup]").hidden`)
	type point struct{ X, Y float64 }
	at := eval[point](fresh, `(() => { const r = document.querySelector('[data-hl-popup] [data-action="hl-add"]').getBoundingClientRect(); return {X: r.left + r.width / 2, Y: r.top + r.height / 2}; })()`)
	for _, e := range []input.DispatchTouchEventParams{
		{Type: input.DispatchTouchEventTypeTouchStart, TouchPoints: []*input.TouchPoint{{X: at.X, Y: at.Y}}},
		{Type: input.DispatchTouchEventTypeTouchEnd, TouchPoints: []*input.TouchPoint{}},
	} {
		if _, err := chromedp.Call(fresh.ctx, input.DispatchTouchEvent, e); err != nil {
			t.Fatal(err)
		}
	}
	fresh.waitFor("the tapped highlight", `CSS.highlights.get("verbatim-highlight").size === 2`)
	if got := painted(fresh, "verbatim-highlight"); !slices.Contains(got, byTouch) {
		t.Errorf("the tap painted %q, want %q among them", got, byTouch)
	}

	// The library's controls export everything, the same as exportJSONLD().
	fresh.open("/")
	fresh.waitFor("the library's highlights controls", `!!window.verbatimReader && !!window.verbatimStore && !!document.querySelector('.hl-io[data-hl-scope="all"]')`)
	// The first press loads highlights.js, which then runs the export it asked for.
	fresh.click(`.hl-io[data-hl-scope="all"] [data-action="hl-export"]`)
	fresh.waitFor("the library's export", `document.querySelector('.hl-io[data-hl-scope="all"] [data-hl-message]').textContent === "Exported 5 annotations as verbatim-highlights.jsonld."`)
	if got, want := eval[string](fresh, `__blobs.at(-1).text()`), eval[string](fresh, `verbatimHighlights.exportJSONLD()`); got != want {
		t.Errorf("the library's export differs from exportJSONLD():\n%s\nwant\n%s", got, want)
	}
	fresh.open("/article/" + sampleID)
	fresh.waitFor("highlights.js, for the stored highlights", hlLoaded+` && CSS.highlights.get("verbatim-highlight").size === 2`)

	// Malformed imports: a message, and nothing changed.
	kept := eval[string](fresh, `verbatimHighlights.exportJSONLD().then((x) => x + localStorage.getItem("verbatim.corrections"))`)
	var doc map[string]any
	if err := json.Unmarshal([]byte(exported), &doc); err != nil {
		t.Fatal(err)
	}
	items0 := doc["first"].(map[string]any)["items"].([]any)
	withBadItem := func(change func(a map[string]any)) string {
		var d map[string]any
		json.Unmarshal([]byte(exported), &d)
		its := d["first"].(map[string]any)["items"].([]any)
		// A new highlight first (it would be added), then the damaged one last.
		add := map[string]any{}
		b, _ := json.Marshal(items0[0])
		json.Unmarshal(b, &add)
		add["id"] = "urn:uuid:00000000-0000-4000-8000-000000000001"
		bad := map[string]any{}
		b, _ = json.Marshal(items0[0])
		json.Unmarshal(b, &bad)
		change(bad)
		d["first"].(map[string]any)["items"] = append([]any{add}, append(its, bad)...)
		out, _ := json.Marshal(d)
		return string(out)
	}
	for _, c := range []struct{ name, text, says string }{
		{"not JSON", `{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annot`, "it is not JSON"},
		{"empty", "  ", "it is empty"},
		{"another context", `{"@context": "https://schema.org", "type": "AnnotationCollection", "first": {"items": []}}`, "its @context is not"},
		{"no items", `{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection", "first": {}}`, "holds no page of items"},
		{"no target", withBadItem(func(a map[string]any) { delete(a, "target") }), "annotation 6 is not valid: it has no target"},
		{"a position off the text", withBadItem(func(a map[string]any) {
			a["target"].(map[string]any)["selector"].([]any)[1].(map[string]any)["end"] = 1e6
		}), "annotation 6 is not valid: its TextPositionSelector does not span"},
		{"an id that is no uuid", withBadItem(func(a map[string]any) { a["id"] = "urn:x" }), "annotation 6 is not valid: its id is not a urn:uuid"},
		{"another site's page", withBadItem(func(a map[string]any) { a["target"].(map[string]any)["source"] = "https://example.com/news/1" }), "not an article of Verbatim"},
		{"a note too long", withBadItem(func(a map[string]any) {
			a["body"] = map[string]any{"type": "TextualBody", "value": strings.Repeat("n", 10001)}
		}), "its note is not a TextualBody"},
		{"a bad correction", withBadItem(func(a map[string]any) {
			a["motivation"] = "editing"
			a["target"].(map[string]any)["selector"] = map[string]any{"type": "FragmentSelector", "value": "<script>"}
		}), "its correction names no quote"},
	} {
		got := eval[string](fresh, `verbatimHighlights.importJSONLD(`+jsString(c.text)+`).then(() => "imported", (e) => e.message)`)
		if !strings.Contains(got, c.says) || !strings.Contains(got, "Nothing was changed") {
			t.Errorf("%s: the import says %q, want %q and that nothing changed", c.name, got, c.says)
		}
	}
	// Through the field too.
	bad := filepath.Join(t.TempDir(), "bad.jsonld")
	if err := os.WriteFile(bad, []byte(`{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationPage", "items": [{"type": "Annotation"}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	fresh.do(chromedp.SetUploadFiles(chromedp.ID("hl-import-article"), []string{bad}))
	fresh.waitFor("the refusal", `(() => { const m = document.querySelector("#panel-highlights [data-hl-message]"); return m.classList.contains("hl-error") && m.textContent.includes("annotation 1 is not valid: it has no target. Nothing was changed."); })()`)
	if got := eval[string](fresh, `verbatimHighlights.exportJSONLD().then((x) => x + localStorage.getItem("verbatim.corrections"))`); got != kept {
		t.Errorf("a refused import changed the store:\n%s\nwant\n%s", got, kept)
	}

	// A full quota: the saved article stays, the highlight is refused with a message, and an import
	// is refused whole (its corrections too).
	fresh.click(`[data-reader] button[data-action="save"]`)
	fresh.waitFor("the saved article", saveButton+`.getAttribute("aria-pressed") === "true"`)
	eval[bool](fresh, fullQuota)
	selectPhrase(fresh, "Hillary Clinton")
	fresh.key("a")
	fresh.waitFor("the quota message", `(() => { const n = document.querySelector("[data-reader] [data-notice]"); return !n.hidden && n.textContent.startsWith("Could not keep the highlight: The browser's storage for this site is full"); })()`)
	moreCorrections := strings.Replace(withBadItem(func(map[string]any) {}), `"q3"`, `"q4"`, 1)
	if got := eval[string](fresh, `verbatimHighlights.importJSONLD(`+jsString(moreCorrections)+`).then(() => "imported", (e) => e.message)`); !strings.Contains(got, "storage for this site is full") {
		t.Errorf("an import under a full quota says %q", got)
	}
	if got := eval[string](fresh, `verbatimHighlights.exportJSONLD().then((x) => x + localStorage.getItem("verbatim.corrections"))`); got != kept {
		t.Errorf("a full quota changed the store:\n%s\nwant\n%s", got, kept)
	}
	if rec := stored(fresh, sampleID); rec == nil || rec.Origin != "saved" {
		t.Errorf("after the quota errors the saved article is %+v", rec)
	}

	// Offline: the article saved, the server stops, and a reload paints the same highlights.
	want := allPainted(tb)
	tb.waitFor("the service worker to take control", `navigator.serviceWorker.controller !== null`)
	tb.waitFor("highlights.js in the shell", `caches.keys().then((ks) => Promise.all(ks.map((k) => caches.open(k).then((c) => c.keys())))).then((all) => all.flat().some((r) => r.url.includes("/web/page/highlights.js")))`)
	pressSave(tb, true)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	tb.do(chromedp.Reload())
	tb.waitFor("highlights.js offline", hlLoaded+` && CSS.highlights.get("verbatim-highlight").size + CSS.highlights.get("verbatim-highlight-note").size === 2`)
	if got := allPainted(tb); got != want {
		t.Errorf("offline, painted %q, want %q", got, want)
	}
	if !eval[bool](tb, noWasm) {
		t.Errorf("the reader fetched or ran wasm")
	}
}

// checkJSONLD checks the shape of an export: the Web Annotation context, a collection with its
// total, and each annotation's target on the article's page with its selectors.
func checkJSONLD(t *testing.T, text, source string) {
	t.Helper()
	var doc struct {
		Context string `json:"@context"`
		Type    string `json:"type"`
		Total   int    `json:"total"`
		First   struct {
			Type  string `json:"type"`
			Items []struct {
				ID         string          `json:"id"`
				Type       string          `json:"type"`
				Motivation string          `json:"motivation"`
				Body       json.RawMessage `json:"body"`
				Target     struct {
					Source   string          `json:"source"`
					Selector json.RawMessage `json:"selector"`
				} `json:"target"`
			} `json:"items"`
		} `json:"first"`
	}
	if err := json.Unmarshal([]byte(text), &doc); err != nil {
		t.Fatalf("the export is not JSON: %v", err)
	}
	if doc.Context != "http://www.w3.org/ns/anno.jsonld" || doc.Type != "AnnotationCollection" || doc.First.Type != "AnnotationPage" || doc.Total != len(doc.First.Items) {
		t.Errorf("the export's collection: %s %s %s %d/%d", doc.Context, doc.Type, doc.First.Type, doc.Total, len(doc.First.Items))
	}
	var kinds []string
	for _, a := range doc.First.Items {
		if a.Type != "Annotation" || a.Target.Source != source {
			t.Errorf("annotation %s: type %s, source %s", a.ID, a.Type, a.Target.Source)
		}
		kinds = append(kinds, a.Motivation+":"+strings.SplitN(a.ID, ":", 3)[1])
	}
	if got := strings.Join(kinds, " "); got != "highlighting:uuid highlighting:uuid editing:verbatim editing:verbatim" {
		t.Errorf("the export's annotations, in order: %s", got)
	}
}

// hlEditedSample is the sample's text with a paragraph added before everything, a word changed
// before the highlighted passage and the typographic quotes of one passage made straight, and one
// passage gone.
func hlEditedSample(t *testing.T, orig string) string {
	t.Helper()
	for _, s := range []string{"CNN’s Fareed Zakaria spoke", "Sergey Kislyak", "bilateral relations", "Donald Trump’s campaign"} {
		if !strings.Contains(orig, s) {
			t.Fatalf("the sample no longer holds %q", s)
		}
	}
	out := strings.Replace(orig, "CNN’s Fareed Zakaria spoke", "An editor's note, added later, pushes every passage further on.\n\nCNN’s Fareed Zakaria spoke", 1)
	out = strings.Replace(out, "Zakaria brought up the contact", "Zakaria then raised the contact", 1)
	out = strings.Replace(out, "Donald Trump’s campaign", "Donald Trump's campaign", 1)
	return strings.Replace(out, "in “talking about bilateral relations,”", "in his work", 1)
}

// TestE2EHighlightsEditedCopy highlights passages of an article, then the server's copy changes
// (a paragraph added before them, words changed around them, straight quotes for curly ones, one
// passage removed): after a reload, each passage still there is painted again at its new place, the
// removed one is listed under "Not found in this version", and nothing is lost from the store. It
// also checks the anchoring on its own (verbatimHighlights.anchor) on a table of edits.
func TestE2EHighlightsEditedCopy(t *testing.T) {
	requireBrowser(t)
	dir := t.TempDir()
	orig, err := os.ReadFile(filepath.Join("samples", sampleID+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, sampleID+".txt")
	if err := os.WriteFile(path, orig, 0o644); err != nil {
		t.Fatal(err)
	}
	s := startE2EServer(t, Config{ContentDir: dir, StateDir: t.TempDir(), Watch: 50 * time.Millisecond})
	tb := newTab(t, s.URL())
	tb.blockWasm()
	tb.open("/article/" + sampleID)
	tb.waitFor("the reader", hlReady)
	kept := []string{"Sergey Kislyak", "Donald Trump’s campaign", "This is simply impossible."}
	const removed = "talking about bilateral relations"
	for i, p := range append(kept, removed) {
		selectPhrase(tb, p)
		tb.key("a")
		tb.waitFor(p+" highlighted", fmt.Sprintf(`CSS.highlights.get("verbatim-highlight").size === %d`, i+1))
	}
	stored := eval[[]storedHighlight](tb, hlStored)

	if err := os.WriteFile(path, []byte(hlEditedSample(t, string(orig))), 0o644); err != nil {
		t.Fatal(err)
	}
	tb.waitFor("the edited copy", `fetch("/articles/`+sampleID+`.json", {cache: "no-store"}).then((r) => r.text()).then((x) => x.includes("An editor's note"))`)
	tb.do(chromedp.Reload())
	tb.waitFor("the edited copy in the reader", hlLoaded+` && document.querySelector(".article-body").textContent.includes("An editor's note")`)
	tb.waitFor("the highlights placed", `document.querySelectorAll('[data-hl-list="lost"] li').length === 1`)
	want := []string{"Donald Trump's campaign", "Sergey Kislyak", "This is simply impossible."}
	if got := painted(tb, "verbatim-highlight"); strings.Join(got, " | ") != strings.Join(want, " | ") {
		t.Errorf("in the edited copy, painted %q, want %q", got, want)
	}
	if got := eval[string](tb, `document.querySelector('[data-hl-list="lost"] [data-hl-text]').textContent`); got != "“"+removed+"”" {
		t.Errorf("not found in this version: %q", got)
	}
	if eval[bool](tb, `document.querySelector("[data-hl-lost-title]").hidden`) {
		t.Errorf("the lost highlight's heading is hidden")
	}
	if got := eval[[]storedHighlight](tb, hlStored); fmt.Sprint(got) != fmt.Sprint(stored) {
		t.Errorf("the store changed on reading an edited copy:\n%+v\nwant\n%+v", got, stored)
	}

	// The anchoring on its own: {start, end} in the text, or null.
	type span struct{ Start, End int }
	anchorIn := func(text string, h storedHighlight) *span {
		b, _ := json.Marshal(h)
		return eval[*span](tb, `verbatimHighlights.anchor(`+jsString(text)+`, `+string(b)+`)`)
	}
	base := "One said “yes”. Two said “yes” again. Three."
	second := storedHighlight{Exact: "“yes” again", Prefix: "One said “yes”. Two said ", Suffix: ". Three.", Start: 25, End: 36}
	for _, c := range []struct {
		name, text string
		h          storedHighlight
		want       string // the text found, "" for none
	}{
		{"same text", base, second, "“yes” again"},
		{"moved", "Before. " + base, second, "“yes” again"},
		{"repeated, chosen by its context", "Two said “yes” again. " + strings.Replace(base, "One", "Uno", 1),
			storedHighlight{Exact: "“yes”", Prefix: "Uno said ", Suffix: ". Two", Start: 0, End: 5}, "“yes”"},
		{"straight quotes and spaces", `One said "yes".  Two said  "yes"   again. Three.`, second, `"yes"   again`},
		{"changed case", "one said “YES” AGAIN.", storedHighlight{Exact: "“yes” again", Start: 30, End: 41}, "“YES” AGAIN"},
		{"gone", "One said no. Two said nothing.", second, ""},
	} {
		r := anchorIn(c.text, c.h)
		got := ""
		if r != nil {
			got = eval[string](tb, fmt.Sprintf(`%s.slice(%d, %d)`, jsString(c.text), r.Start, r.End))
		}
		if got != c.want {
			t.Errorf("anchor, %s: found %q, want %q", c.name, got, c.want)
		}
	}
	// The repeated passage: the one whose context matches, not the first.
	rep := "Two said “yes” again. Uno said “yes”. Two"
	at := len([]rune(rep[:strings.Index(rep, "“yes”. Two")]))
	if r := anchorIn(rep, storedHighlight{Exact: "“yes”", Prefix: "Uno said ", Suffix: ". Two", Start: 0, End: 5}); r == nil || r.Start != at {
		t.Errorf("the repeated passage anchors at %+v, want at %d, after \"Uno said \"", r, at)
	}
}

// TestE2EHighlightsImported highlights an imported article, which app.wasm renders (the tab's item
// template is go-app's then): the highlight is painted and listed, and it survives importing the
// same article again and a reload, which app.wasm renders from the store. An embed loads no
// highlights at all.
func TestE2EHighlightsImported(t *testing.T) {
	s := e2eServer(t)
	tb := newTab(t, s.URL())
	const text = "Harbour ferry stays\n\n“We keep it,” councillor Jones said on Monday.\n\nA second paragraph with more words about the ferry timetable."
	const phrase = "more words about the ferry"
	imported := func(what string) {
		t.Helper()
		tb.waitFor(what, `location.pathname.startsWith("/article/my-") && document.querySelectorAll("[data-reader] mark[data-quote-id]").length > 0 && !!window.verbatimReader`)
	}
	importText(tb, text)
	imported("the imported article")
	id := eval[string](tb, `document.querySelector("[data-reader]").dataset.articleId`)
	selectPhrase(tb, phrase)
	tb.key("a")
	tb.waitFor("the highlight", `CSS.highlights.get("verbatim-highlight").size === 1`)
	check := func(when string) {
		t.Helper()
		tb.waitFor("the highlight "+when, `CSS.highlights.get("verbatim-highlight").size === 1 && document.querySelectorAll('[data-hl-list="found"] li').length === 1`)
		if got := painted(tb, "verbatim-highlight"); len(got) != 1 || got[0] != phrase {
			t.Errorf("%s: painted %q, want %q", when, got, phrase)
		}
		if got := eval[string](tb, `document.querySelector('[data-hl-list="found"] [data-hl-text]').textContent`); got != "“"+phrase+"”" {
			t.Errorf("%s: listed %q", when, got)
		}
	}
	check("in the page app.wasm rendered")

	importText(tb, text)
	imported("the article imported again")
	if got := eval[string](tb, `document.querySelector("[data-reader]").dataset.articleId`); got != id {
		t.Fatalf("importing again made article %s, want %s", got, id)
	}
	check("after importing the article again")
	tb.do(chromedp.Reload())
	imported("the reload")
	check("after a reload")
	if n := len(eval[[]storedHighlight](tb, hlStored)); n != 1 {
		t.Errorf("%d highlights are stored, want 1", n)
	}

	tb.open("/embed/" + sampleID)
	tb.waitFor("the embed, loaded", `document.readyState === "complete" && !!window.verbatimReader`)
	tb.waitFor("a frame after the load", `new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok(true))))`)
	if eval[bool](tb, `!!window.verbatimHighlights || !!document.querySelector("[data-hl-popup], #hl-dialog, #panel-highlights") || performance.getEntriesByType("resource").some((e) => e.name.includes("highlights.js"))`) {
		t.Errorf("an embed loads highlights")
	}
}

// TestE2EHighlightsStoreUpgrade opens the reader over a store that today's offline.js wrote before
// highlights (IndexedDB version 1, one saved article): the upgrade to version 2 keeps the article,
// which the save button still finds, and adds the highlights' store, which takes a highlight.
func TestE2EHighlightsStoreUpgrade(t *testing.T) {
	s := e2eServer(t)
	tb := newTab(t, s.URL())
	tb.blockWasm()
	// An embed runs no offline.js: the version 1 store is made there, as the old offline.js did.
	tb.open("/embed/" + sampleID)
	tb.waitFor("the embed", `!!window.verbatimReader`)
	eval[bool](tb, `fetch("/articles/`+sampleID+`.json").then((r) => r.text()).then((article) => new Promise((ok, fail) => {
	  const r = indexedDB.open("verbatim", 1);
	  r.onupgradeneeded = () => r.result.createObjectStore("articles", {keyPath: "id"});
	  r.onerror = () => fail(r.error);
	  r.onsuccess = () => { const db = r.result, tx = db.transaction("articles", "readwrite");
	    tx.objectStore("articles").put({id: "`+sampleID+`", origin: "saved", savedAt: "2026-01-01T00:00:00.000Z", summary: JSON.stringify({id: "`+sampleID+`", title: "Kept"}), article});
	    tx.oncomplete = () => { db.close(); ok(true); }; tx.onerror = () => fail(tx.error); };
	}))`)
	tb.open("/article/" + sampleID)
	tb.waitFor("the reader", hlReady)
	tb.waitFor("the save button to find the kept article", saveButton+`.getAttribute("aria-pressed") === "true"`)
	selectPhrase(tb, "Sergey Kislyak")
	tb.key("a")
	tb.waitFor("the highlight", `CSS.highlights.get("verbatim-highlight").size === 1`)
	got := eval[string](tb, `new Promise((ok) => { const r = indexedDB.open("verbatim"); r.onsuccess = () => { const db = r.result;
	  const q = db.transaction("articles").objectStore("articles").getAllKeys();
	  q.onsuccess = () => { ok(db.version + " " + [...db.objectStoreNames].join(",") + " " + q.result.join(",")); db.close(); }; }; })`)
	if want := "3 articles,highlights,search " + sampleID; got != want { // version 3 adds search's store
		t.Errorf("the upgraded store: %s, want %s", got, want)
	}
	if n := len(eval[[]storedHighlight](tb, hlStored)); n != 1 {
		t.Errorf("%d highlights stored, want 1", n)
	}
}
