package server

import (
	"archive/zip"
	"bytes"
	"encoding/base64"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"golang.org/x/net/html"
	"gopkg.in/yaml.v3"

	"verbatim/article/model"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// exportBase is the origin the golden exports' links name, in place of the test server's port.
const exportBase = "https://verbatim.example"

// loadExport loads web/page/export.js into the tab's page as offline.js does on the first export
// press (reader.js's window.verbatimLoad), and waits for window.verbatimExport.
func (tb *tab) loadExport() {
	tb.t.Helper()
	eval[bool](tb, `window.verbatimLoad("export.js", "verbatimExport").then((ex) => ex === window.verbatimExport)`)
}

// downloadTo makes the tab's downloads go to a new folder, which it returns.
func (tb *tab) downloadTo() string {
	tb.t.Helper()
	dir := tb.t.TempDir()
	if _, err := chromedp.CallBrowser(tb.ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir, BrowserContextID: browserContextOf(tb.t, tb.ctx),
	}); err != nil {
		tb.t.Fatal(err)
	}
	return dir
}

// downloaded waits for the one finished download in dir whose name matches pattern, and returns its
// name and content. Chromium writes a download as NAME.crdownload and renames it when complete.
func (tb *tab) downloaded(dir, pattern string) (string, []byte) {
	tb.t.Helper()
	deadline := time.Now().Add(browserWait)
	for {
		names, _ := filepath.Glob(filepath.Join(dir, pattern))
		if len(names) == 1 {
			b, err := os.ReadFile(names[0])
			if err != nil {
				tb.t.Fatal(err)
			}
			return filepath.Base(names[0]), b
		}
		if len(names) > 1 {
			tb.t.Fatalf("more than one download matches %s: %v", pattern, names)
		}
		if time.Now().After(deadline) {
			tb.t.Fatalf("no download matching %s in %s", pattern, dir)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// golden compares got with testdata/export/name, or rewrites it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "export", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to write it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from its golden file (go test -run %s -update rewrites it):\n--- got\n%s\n--- want\n%s", name, t.Name(), got, want)
	}
}

// frontMatter parses a note's YAML front matter with a YAML parser, failing when it is not valid
// YAML between two "---" lines at the very start.
func frontMatter(t *testing.T, note string) (map[string]any, string) {
	t.Helper()
	rest, ok := strings.CutPrefix(note, "---\n")
	fm, body, ok2 := strings.Cut(rest, "\n---\n")
	if !ok || !ok2 {
		t.Fatalf("the note does not start with front matter:\n%s", note)
	}
	var m map[string]any
	if err := yaml.Unmarshal([]byte(fm), &m); err != nil {
		t.Fatalf("the front matter is not valid YAML: %v\n%s", err, fm)
	}
	return m, body
}

// renderedQuotes renders a note's Markdown as CommonMark with GitHub's extensions and returns the
// text of each blockquote's first paragraph: what a reader of the note sees of each quote.
func renderedQuotes(t *testing.T, body string) []string {
	t.Helper()
	var out bytes.Buffer
	if err := goldmark.New(goldmark.WithExtensions(extension.GFM)).Convert([]byte(body), &out); err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(&out)
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	var text func(n *html.Node) string
	text = func(n *html.Node) string {
		if n.Type == html.TextNode {
			return n.Data
		}
		var sb strings.Builder
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			sb.WriteString(text(c))
		}
		return sb.String()
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "blockquote" {
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode && c.Data == "p" {
					texts = append(texts, text(c))
					break
				}
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return texts
}

// parseCSV parses an export's CSV: a UTF-8 byte order mark, then RFC 4180 records with CRLF.
func parseCSV(t *testing.T, b []byte) [][]string {
	t.Helper()
	rest, ok := bytes.CutPrefix(b, []byte("\uFEFF"))
	if !ok {
		t.Fatalf("the CSV does not start with a byte order mark")
	}
	if len(rest) > 0 && !bytes.HasSuffix(rest, []byte("\r\n")) {
		t.Errorf("the CSV's last record does not end with CRLF")
	}
	rows, err := csv.NewReader(bytes.NewReader(rest)).ReadAll()
	if err != nil {
		t.Fatalf("the CSV does not parse: %v", err)
	}
	// No field of an export holds a line break, so every line ends a record, with CRLF.
	if n := bytes.Count(rest, []byte("\r\n")); n != len(rows) || bytes.Count(rest, []byte("\n")) != n {
		t.Errorf("the CSV has %d CRLFs and %d LFs for %d records, want one CRLF a record", n, bytes.Count(rest, []byte("\n")), len(rows))
	}
	if len(rows) == 0 || strings.Join(rows[0], ",") != "article,speaker,role,quote,cue,link" {
		t.Fatalf("the CSV's header is %v", rows)
	}
	return rows
}

// oneLine is the quote text as the exports write it: whitespace runs as one space, trimmed.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// trickyArticle is an article whose every field holds what YAML, Markdown, Obsidian and
// spreadsheets give a meaning to: colons, quotes, a line break, #tags, [[links]], emphasis, HTML,
// entities, math, comments, list and heading starts, and formulas. Its JSON has a lone surrogate
// in the byline, which JSON allows and UTF-8 cannot hold.
func trickyArticle() string {
	a := model.Article{
		ID: "tricky", Title: "Re: \"Quotes\" & colons: a test\nline two # not a tag\u2028and\u0085more",
		Byline: "O'Brien: \"Jr.\" LONE", Site: "#1 News | [[Wiki]]", URL: "https://example.com/a_(b)?q=1&r=2",
		Published: "2025-03-04T23:30:00-05:00",
		Speakers: []model.Speaker{
			{ID: "s1", Name: "Ann *Star* Smith", Role: "mayor: acting"},
			{ID: "s2", Name: "@handle", Role: ""},
		},
		Quotes: []model.Quote{
			{ID: "q1", Text: `=HYPERLINK("http://evil.example","click")`, SpeakerID: "s1", Speaker: "Ann *Star* Smith", Cue: "said"},
			{ID: "q2", Text: "- a list? *not* _emph_ <b>bold</b> &amp; $x$ %%c%% ==m== ^b1 [[link]] #tag `code` ~~s~~ \\ end", SpeakerID: "s2", Speaker: "@handle", Cue: "wrote"},
			{ID: "q3", Text: "1. numbered\n\n    and indented", Cue: ""},
			{ID: "q4", Text: "+ plus, \"quoted\", and a comma", SpeakerID: "s1", Speaker: "Ann *Star* Smith"},
			{ID: "q5", Text: "# heading > quote | pipe", SpeakerID: "s1", Speaker: "Ann *Star* Smith", Cue: "-added"},
		},
	}
	b, err := json.Marshal(a)
	if err != nil {
		panic(err)
	}
	return strings.Replace(string(b), "LONE", `\ud800`, 1)
}

// TestE2EExportFormats checks export.js's pure functions in Chromium against golden files: the
// sample article as a Markdown note with two highlights and two corrections, and as CSV; a tricky
// article likewise, whose front matter a YAML parser reads back field for field and whose quotes a
// CommonMark renderer shows as their text; the zip writer, read back by archive/zip (which checks
// every CRC-32); the text fragments, against model.TextFragment; and the notes' file names.
func TestE2EExportFormats(t *testing.T) {
	s := e2eServer(t)
	tb := newTab(t, s.URL())
	tb.blockWasm()
	tb.open("/article/" + sampleID)
	tb.waitFor("the reader script", `!!window.verbatimReader && !!window.verbatimStore`)
	tb.loadExport()
	sample := fetchArticle(t, s.URL(), sampleID)
	sampleJSON, _ := json.Marshal(sample)
	// Two highlights as the highlights' store gives them (workbench contract), the second with a
	// note of two lines that holds Markdown and Obsidian syntax.
	highlights := `[
	  {"id": "h-1", "articleId": "zakaria-peskov", "exact": "We have never seen any evidence.", "prefix": "", "suffix": "", "start": 1, "end": 2, "note": "", "created": "2026-12-05T06:00:00.000Z", "modified": "2026-12-05T06:00:00.000Z"},
	  {"id": "h-2", "articleId": "zakaria-peskov", "exact": "CNN’s Fareed Zakaria spoke with Kremlin Press Secretary Dmitry Peskov in an interview", "prefix": "", "suffix": "", "start": 3, "end": 4, "note": "Compare with *the* [[Mueller]] report:\n#todo = check", "created": "2026-12-05T06:00:00.000Z", "modified": "2026-12-05T06:00:00.000Z"}
	]`
	corrections := `{"q2": {"speaker": "s2"}, "q5": {"name": "A. Reader's pick"}}`
	md := eval[string](tb, fmt.Sprintf(`verbatimExport.markdown(%s, %s, %s, %q)`, sampleJSON, highlights, corrections, exportBase))
	golden(t, "zakaria-peskov.md", []byte(md))
	fm, body := frontMatter(t, md)
	for key, want := range map[string]any{"title": sample.Title, "author": sample.Byline, "site": sample.Site, "link": exportBase + "/article/" + sampleID} {
		if fm[key] != want {
			t.Errorf("front matter %s = %#v, want %#v", key, fm[key], want)
		}
	}
	if tags, _ := fm["tags"].([]any); !slices.Contains(tags, any("verbatim")) {
		t.Errorf("front matter tags = %#v, want verbatim among them", fm["tags"])
	}
	rendered := renderedQuotes(t, body)
	if len(rendered) != len(sample.Quotes)+2 {
		t.Fatalf("the note renders %d blockquotes, want %d quotes and 2 highlights", len(rendered), len(sample.Quotes))
	}
	for i, q := range sample.Quotes {
		if rendered[i] != oneLine(q.Text) {
			t.Errorf("quote %s renders as %q, want %q", q.ID, rendered[i], oneLine(q.Text))
		}
		if !strings.Contains(body, "("+exportBase+"/article/"+sampleID+"#"+string(q.ID)+")") {
			t.Errorf("quote %s has no deep link", q.ID)
		}
	}
	if !strings.Contains(body, "**Dmitry Peskov**, Kremlin Press Secretary (your correction)") || !strings.Contains(body, "**A. Reader's pick** (your correction)") {
		t.Errorf("the corrected quotes do not show their corrected speakers:\n%s", body)
	}
	if !strings.Contains(body, "#"+model.TextFragment("CNN’s Fareed Zakaria spoke with Kremlin Press Secretary Dmitry Peskov in an interview")+")") {
		t.Errorf("the highlight has no text-fragment link:\n%s", body)
	}

	sampleCSV := eval[string](tb, fmt.Sprintf(`verbatimExport.csv([{article: %s, corrections: %s}], %q)`, sampleJSON, corrections, exportBase))
	golden(t, "zakaria-peskov.csv", []byte(sampleCSV))
	rows := parseCSV(t, []byte(sampleCSV))
	if len(rows) != len(sample.Quotes)+1 {
		t.Fatalf("the CSV has %d rows, want a header and one per quote (%d)", len(rows), len(sample.Quotes))
	}
	for i, q := range sample.Quotes {
		if r := rows[i+1]; r[0] != sample.Title || r[3] != oneLine(q.Text) || r[5] != exportBase+"/article/"+sampleID+"#"+string(q.ID) {
			t.Errorf("row %d = %q, want quote %s", i+1, r, q.ID)
		}
	}
	if r := rows[2]; r[1] != "Dmitry Peskov" || r[2] != "Kremlin Press Secretary" {
		t.Errorf("the corrected q2's row names %q, %q, want Dmitry Peskov, Kremlin Press Secretary", r[1], r[2])
	}

	tricky := trickyArticle()
	var want model.Article
	if err := json.Unmarshal([]byte(tricky), &want); err != nil {
		t.Fatal(err)
	}
	md = eval[string](tb, fmt.Sprintf(`verbatimExport.markdown(%s, [], {}, %q)`, tricky, exportBase))
	golden(t, "tricky.md", []byte(md))
	fm, body = frontMatter(t, md)
	for key, want := range map[string]any{"title": want.Title, "author": want.Byline, "site": want.Site, "source": want.URL} {
		if fm[key] != want {
			t.Errorf("tricky front matter %s = %#v, want %#v", key, fm[key], want)
		}
	}
	if fm["published"] != "2025-03-05" && fmt.Sprint(fm["published"]) != "2025-03-05 00:00:00 +0000 UTC" {
		t.Errorf("tricky front matter published = %#v, want the UTC day 2025-03-05", fm["published"])
	}
	if sp, _ := fm["speakers"].([]any); len(sp) != 2 || sp[0] != "Ann *Star* Smith" || sp[1] != "@handle" {
		t.Errorf("tricky front matter speakers = %#v", fm["speakers"])
	}
	rendered = renderedQuotes(t, body)
	if len(rendered) != len(want.Quotes) {
		t.Fatalf("the tricky note renders %d blockquotes, want %d:\n%s", len(rendered), len(want.Quotes), body)
	}
	for i, q := range want.Quotes {
		if rendered[i] != oneLine(q.Text) {
			t.Errorf("tricky quote %s renders as %q, want the text %q", q.ID, rendered[i], oneLine(q.Text))
		}
	}
	if strings.Contains(body, "<b>") || strings.Contains(body, " #tag") || strings.Contains(body, "[[link]]") {
		t.Errorf("the tricky note keeps raw HTML, a tag or a wiki link unescaped:\n%s", body)
	}

	trickyCSV := eval[string](tb, fmt.Sprintf(`verbatimExport.csv([{article: %s, corrections: {}}], %q)`, tricky, exportBase))
	golden(t, "tricky.csv", []byte(trickyCSV))
	rows = parseCSV(t, []byte(trickyCSV))
	if len(rows) != len(want.Quotes)+1 {
		t.Fatalf("the tricky CSV has %d rows, want %d", len(rows), len(want.Quotes)+1)
	}
	for i, q := range want.Quotes {
		cell := oneLine(q.Text)
		if strings.ContainsAny(cell[:1], "=+-@") {
			cell = "'" + cell
		}
		if rows[i+1][3] != cell {
			t.Errorf("tricky CSV quote %s = %q, want %q", q.ID, rows[i+1][3], cell)
		}
	}
	if rows[2][1] != "'@handle" || rows[5][4] != "'-added" {
		t.Errorf("formula-like speaker and cue cells are %q and %q, want a leading apostrophe", rows[2][1], rows[5][4])
	}

	// The zip writer: names (UTF-8), contents and CRC-32s read back by archive/zip.
	files := map[string]string{"Café — ü.md": "# Café\n", "empty.md": "", "big.md": strings.Repeat("The quick brown fox. ", 4000)}
	names := []string{"Café — ü.md", "empty.md", "big.md"}
	var js strings.Builder
	for _, n := range names {
		fmt.Fprintf(&js, "{name: %s, bytes: new TextEncoder().encode(%s)},", jsString(n), jsString(files[n]))
	}
	z := eval[string](tb, `new Blob(verbatimExport.zip([`+js.String()+`])).arrayBuffer().then((b) => {
	  let s = ""; new Uint8Array(b).forEach((c) => { s += String.fromCharCode(c); }); return btoa(s);
	})`)
	raw, err := base64.StdEncoding.DecodeString(z)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		t.Fatalf("archive/zip cannot read the zip: %v", err)
	}
	var got []string
	for _, f := range zr.File {
		got = append(got, f.Name)
		if f.Method != zip.Store || f.NonUTF8 {
			t.Errorf("%s: method %d, non-UTF-8 name %v", f.Name, f.Method, f.NonUTF8)
		}
		if c := readZipFile(t, f); c != files[f.Name] {
			t.Errorf("%s holds %d bytes, want %d", f.Name, len(c), len(files[f.Name]))
		}
	}
	if !slices.Equal(got, names) {
		t.Errorf("the zip holds %v, want %v", got, names)
	}

	// Text fragments are model.TextFragment's, rule for rule.
	for _, p := range []string{"We have never seen any evidence.", "one two three four five six seven eight nine ten", "a-b, c&d ‘é’ 100%", "  ", "Привет мир"} {
		if got, want := eval[string](tb, `verbatimExport.textFragment(`+jsString(p)+`)`), model.TextFragment(p); got != want {
			t.Errorf("textFragment(%q) = %q, model.TextFragment says %q", p, got, want)
		}
	}

	// Note names: no characters file systems or Obsidian's links refuse, unique, never empty.
	gotNames := eval[[]string](tb, `(() => { const taken = {}; return [
	  {title: "a/b: c? [x] #y", id: "a"}, {title: "Same", id: "b"}, {title: "same", id: "c"}, {title: "", id: "my-d"},
	  {title: "CON", id: "e"}, {title: "...hidden.", id: "f"}].map((a) => verbatimExport.noteName(a, taken)); })()`)
	if wantNames := []string{"a b c x y.md", "Same.md", "same (2).md", "my-d.md", "CON e.md", "hidden.md"}; !slices.Equal(gotNames, wantNames) {
		t.Errorf("note names %q, want %q", gotNames, wantNames)
	}
	tb.assertClean()
}

// readZipFile reads one file of a zip, which checks its CRC-32.
func readZipFile(t *testing.T, f *zip.File) string {
	t.Helper()
	r, err := f.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var b bytes.Buffer
	if _, err := b.ReadFrom(r); err != nil {
		t.Fatalf("%s: %v", f.Name, err)
	}
	return b.String()
}

// exportButton is the selector of an export button: format (markdown, csv) of scope (article,
// library).
func exportButton(scope, format string) string {
	return fmt.Sprintf(`button[data-action="export"][data-export-scope=%q][data-export-format=%q]`, scope, format)
}

// TestE2EExportArticle exports the sample from its reader with every *.wasm request blocked and the
// keyboard only: Enter on "Export" opens the menu, Tab and Enter download the Markdown note and the
// CSV, which hold the reader's correction of a quote's speaker (from local storage) and equal what
// export.js's functions make of the server's article. axe finds nothing with the menu open. Then
// the server stops: an article opened once but not saved is named in a message and nothing is
// downloaded, and the saved sample exports from the browser's store as it did online.
func TestE2EExportArticle(t *testing.T) {
	requireBrowser(t)
	s := startE2EServer(t, Config{})
	tb := newTab(t, s.URL())
	tb.blockWasm()
	sample := fetchArticle(t, s.URL(), sampleID)
	tb.open("/article/" + sampleID)
	waitReader(tb)
	tb.waitFor("the service worker to take control", `navigator.serviceWorker.controller !== null`)
	eval[bool](tb, `localStorage.setItem("verbatim.corrections", JSON.stringify({"`+sampleID+`": {"q3": {"speaker": "s1"}}})), true`)

	dir := tb.downloadTo()
	eval[bool](tb, `document.querySelector(".export-menu summary").focus(), true`)
	tb.key(kb.Enter)
	tb.waitFor("the export menu open", `document.querySelector(".export-menu").open`)
	tb.key(kb.Tab)
	if !eval[bool](tb, `document.activeElement === document.querySelector(`+jsString(exportButton("article", "markdown"))+`)`) {
		t.Fatalf("Tab from Export does not reach the Markdown button")
	}
	tb.key(kb.Enter)
	name, md := tb.downloaded(dir, "*.md")
	want := eval[string](tb, `verbatimExport.markdown(`+mustJSON(t, sample)+`, [], {"q3": {"speaker": "s1"}})`)
	if string(md) != want {
		t.Errorf("the downloaded note differs from verbatimExport.markdown's:\n%s\n--- want\n%s", md, want)
	}
	if !strings.Contains(want, "**Fareed Zakaria**, CNN (your correction) · [q3]("+s.URL()+"/article/"+sampleID+"#q3)") {
		t.Errorf("the note lacks the corrected q3 with its deep link on this origin:\n%s", want)
	}
	if fm, _ := frontMatter(t, string(md)); fm["title"] != sample.Title || name != "Fareed Zakaria Presses Kremlin Spox Was There Any ‘Serious Communication’ with Team Trump.md" {
		t.Errorf("the note %q has title %#v", name, fm["title"])
	}
	tb.waitFor("the status", `document.querySelector("[data-reader] [data-status]").textContent.startsWith("Exported the note as ")`)

	tb.key(kb.Tab)
	tb.key(kb.Enter)
	name, b := tb.downloaded(dir, "*.csv")
	rows := parseCSV(t, b)
	if name != sampleID+"-quotes.csv" || len(rows) != len(sample.Quotes)+1 {
		t.Fatalf("%s has %d rows, want a header and %d quotes", name, len(rows), len(sample.Quotes))
	}
	if rows[3][1] != "Fareed Zakaria" || rows[3][5] != s.URL()+"/article/"+sampleID+"#q3" {
		t.Errorf("q3's row is %q, want the corrected speaker and its deep link", rows[3])
	}
	tb.waitFor("the CSV status", `document.querySelector("[data-reader] [data-status]").textContent === "Exported `+fmt.Sprint(len(sample.Quotes))+` quotes as `+sampleID+`-quotes.csv."`)

	axeClean(t, tb, "export menu open")

	// Open another article once (the worker keeps its page, not its JSON), and save the sample.
	tb.open("/article/library-reopens")
	waitReader(tb)
	tb.open("/article/" + sampleID)
	waitReader(tb)
	pressSave(tb, true)
	tb.assertClean()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	tb.expectErrorsFor("/articles/library-reopens.json")

	dir = tb.downloadTo()
	tb.open("/article/library-reopens")
	waitReader(tb)
	eval[bool](tb, `document.querySelector(".export-menu").open = true, true`)
	tb.click(exportButton("article", "markdown"))
	tb.waitFor("the message that the article could not be read", `!document.querySelector("[data-reader] [data-notice]").hidden`)
	if got := eval[string](tb, `document.querySelector("[data-reader] [data-notice]").textContent`); !strings.HasPrefix(got, "“After Two Years of Repairs") || !strings.Contains(got, "could not be read") || !strings.HasSuffix(got, "Nothing was exported.") {
		t.Errorf("offline, the unsaved article's export says %q", got)
	}
	if names, _ := filepath.Glob(filepath.Join(dir, "*")); len(names) != 0 {
		t.Errorf("a failed export downloaded %v", names)
	}

	tb.open("/article/" + sampleID)
	waitReader(tb)
	eval[bool](tb, `document.querySelector(".export-menu").open = true, true`)
	tb.click(exportButton("article", "markdown"))
	if _, offline := tb.downloaded(dir, "*.md"); !bytes.Equal(offline, md) {
		t.Errorf("offline, the saved sample's note differs from online's:\n%s", offline)
	}
}

// mustJSON is v as JSON.
func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// axeClean runs axe-core in the tab's page and fails the test on each violation, named by what.
func axeClean(t *testing.T, tb *tab, what string) {
	t.Helper()
	src := axeSource(t)
	if src == "" {
		t.Fatal("axe-core is not installed: run make test-env (npm ci installs the pinned axe-core), or set AXE_CORE_JS to axe.min.js")
	}
	eval[bool](tb, src+";true")
	for _, v := range eval[[]string](tb, axeRun) {
		t.Errorf("axe, %s: %s", what, v)
	}
}

// storedRecords is every record of the browser's article store, as JSON, straight from IndexedDB.
const storedRecords = `new Promise((resolve, reject) => {
  const open = indexedDB.open("verbatim");
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const get = open.result.transaction("articles").objectStore("articles").getAll();
    get.onsuccess = () => { open.result.close(); resolve(JSON.stringify(get.result)); };
    get.onerror = () => reject(get.error);
  };
})`

// TestE2EExportLibrary exports a library of 52 server articles (two pages of its listing) and an
// article imported in the browser, from the library page that app.wasm runs, with the keyboard:
// the zip holds one note per article, each with valid front matter linking to its article, and
// the CSV one row per quote of them all. A damaged record in the store is named in a message and
// the others are exported; an export larger than the cap says so, downloads nothing and leaves the
// store as it was, and so does a file the browser refuses to make. axe finds nothing on the page
// with the message shown.
func TestE2EExportLibrary(t *testing.T) {
	requireBrowser(t)
	dir := t.TempDir()
	var ids []string
	for i := range 52 {
		id := fmt.Sprintf("ferry-%02d", i)
		body := fmt.Sprintf("Ferry %d: the council decides\n\nPublished: 2024-01-%02dT09:00:00Z\n\nThe mayor said, “We keep ferry %d running.” The council agreed.", i, i%28+1, i)
		if err := os.WriteFile(filepath.Join(dir, id+".txt"), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	s := startE2EServer(t, Config{ContentDir: dir})
	quotes := 0
	for _, id := range ids {
		quotes += len(fetchArticle(t, s.URL(), id).Quotes)
	}
	if quotes < len(ids) {
		t.Fatalf("the library's articles have %d quotes, want one each at least", quotes)
	}
	tb := newTab(t, s.URL())
	tb.open("/import")
	tb.waitWasm()
	tb.pasteImport("An imported note: “quoted” words\n\nThe harbour master said, “The tide waits for no one.”", "text")
	tb.click("#import-submit")
	tb.waitFor("the import in the reader", `location.pathname.startsWith("/article/my-") && document.querySelectorAll("mark[data-quote-id]").length > 0`)
	imported := eval[string](tb, `location.pathname.slice("/article/".length)`)
	importedQuotes := eval[int](tb, `window.verbatimStore.get(`+jsString(imported)+`).then((r) => JSON.parse(r.article).quotes.length)`)
	// The reader app.wasm rendered for the import exports it from the store.
	downloads := tb.downloadTo()
	eval[bool](tb, `document.querySelector(".export-menu").open = true, true`)
	tb.click(exportButton("article", "markdown"))
	if name, b := tb.downloaded(downloads, "*.md"); name != "An imported note “quoted” words.md" {
		t.Errorf("the import's note is %s", name)
	} else if fm, _ := frontMatter(t, string(b)); fm["link"] != s.URL()+"/article/"+imported {
		t.Errorf("the import's note links to %#v", fm["link"])
	}

	tb.open("/")
	tb.waitWasm()
	tb.waitFor("the import in the library", `document.querySelectorAll("#my-articles .card").length === 1`)
	tb.waitFor("the service worker to take control", `navigator.serviceWorker.controller !== null`)
	downloads = tb.downloadTo()
	eval[bool](tb, `document.querySelector(`+jsString(exportButton("library", "markdown"))+`).focus(), true`)
	tb.key(kb.Enter)
	name, b := tb.downloaded(downloads, "verbatim-library-*.zip")
	links := map[string]bool{}
	checkZip := func(b []byte) (notes []string) {
		t.Helper()
		zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, f := range zr.File {
			note := readZipFile(t, f)
			fm, _ := frontMatter(t, note)
			link, _ := fm["link"].(string)
			links[link] = true
			if !strings.HasSuffix(f.Name, ".md") || fm["title"] == "" {
				t.Errorf("%s: title %#v", f.Name, fm["title"])
			}
			notes = append(notes, f.Name)
		}
		return notes
	}
	notes := checkZip(b)
	if len(notes) != len(ids)+1 {
		t.Errorf("the zip holds %d notes, want %d: %v", len(notes), len(ids)+1, notes)
	}
	for _, id := range append([]string{imported}, ids...) {
		if !links[s.URL()+"/article/"+id] {
			t.Errorf("no note links to %s", id)
		}
	}
	if notes[0] != "An imported note “quoted” words.md" {
		t.Errorf("the first note is %q, want the import's (kept articles come first)", notes[0])
	}
	tb.waitFor("the status", `document.querySelector("[data-export-status]").textContent.startsWith("Exported `+fmt.Sprint(len(ids)+1)+` articles as verbatim-library-")`)
	// The worker answered the export's downloads without keeping them in its bounded content cache.
	if kept := eval[[]string](tb, `caches.open("verbatim-content-v1").then((c) => c.keys()).then((ks) => ks.map((r) => r.url).filter((u) => u.includes("/articles/ferry-")))`); len(kept) > 0 {
		t.Errorf("the export's article downloads went into the content cache: %v", kept)
	}

	tb.key(kb.Tab)
	tb.key(kb.Enter)
	_, b = tb.downloaded(downloads, "verbatim-quotes-*.csv")
	if rows := parseCSV(t, b); len(rows) != quotes+importedQuotes+1 {
		t.Errorf("the library's CSV has %d rows, want a header and %d quotes", len(rows), quotes+importedQuotes)
	}

	// A damaged record (its article is not JSON) is named, and the others are exported.
	eval[bool](tb, `new Promise((resolve, reject) => {
	  const open = indexedDB.open("verbatim");
	  open.onsuccess = () => {
	    const tx = open.result.transaction("articles", "readwrite");
	    tx.objectStore("articles").put({id: "my-broken", origin: "imported", savedAt: new Date().toISOString(),
	      summary: JSON.stringify({id: "my-broken", title: "A broken import"}), article: "{not json"});
	    tx.oncomplete = () => { open.result.close(); resolve(true); };
	    tx.onabort = () => reject(tx.error);
	  };
	})`)
	downloads = tb.downloadTo()
	tb.click(exportButton("library", "markdown"))
	_, b = tb.downloaded(downloads, "verbatim-library-*.zip")
	if notes := checkZip(b); len(notes) != len(ids)+1 {
		t.Errorf("with a damaged record, the zip holds %d notes, want %d", len(notes), len(ids)+1)
	}
	tb.waitFor("the damaged record named", `!document.querySelector("[data-export-notice]").hidden`)
	if got := eval[string](tb, `document.querySelector("[data-export-notice]").textContent`); !strings.Contains(got, "could not be read and are not in the export: “A broken import” (its copy is damaged: it is not an article's JSON).") {
		t.Errorf("the notice says %q, want the damaged record named", got)
	}
	axeClean(t, tb, "library with an export's notice")

	// Over the cap: a message, no download, and the store as it was.
	before := eval[string](tb, storedRecords)
	eval[bool](tb, `window.verbatimExport.maxBytes = 4096, true`)
	downloads = tb.downloadTo()
	tb.click(exportButton("library", "markdown"))
	const tooLarge = "The export would be larger than 4 KB"
	tb.waitFor("the size message", `document.querySelector("[data-export-notice]").textContent.startsWith(`+jsString(tooLarge)+`)`)
	// The CSV's export, awaited (run is what the button's press calls), is refused the same way.
	eval[bool](tb, `window.verbatimExport.run(document.querySelector(`+jsString(exportButton("library", "csv"))+`)).then(() => true)`)
	if got := eval[string](tb, `document.querySelector("[data-export-notice]").textContent`); !strings.HasPrefix(got, tooLarge) {
		t.Errorf("the CSV over the cap says %q", got)
	}
	if names, _ := filepath.Glob(filepath.Join(downloads, "*")); len(names) != 0 {
		t.Errorf("an export over the cap downloaded %v", names)
	}
	if after := eval[string](tb, storedRecords); after != before {
		t.Errorf("an export over the cap changed the store:\n%s\n--- before\n%s", after, before)
	}

	// A browser that refuses to make the file (short of memory): a message, and no download.
	eval[bool](tb, `window.verbatimExport.maxBytes = 64 * 1024 * 1024, window.Blob = function () { throw new RangeError("Array buffer allocation failed"); }, true`)
	tb.click(exportButton("library", "csv"))
	tb.waitFor("the refused file's message", `document.querySelector("[data-export-notice]").textContent.startsWith("The browser refused to make the file (Array buffer allocation failed)")`)
	if names, _ := filepath.Glob(filepath.Join(downloads, "*")); len(names) != 0 {
		t.Errorf("a refused file was downloaded: %v", names)
	}
	tb.expectErrorsFor("/article/my-")
	tb.assertClean()
}
