package server

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"verbatim/app"
	"verbatim/article"
	"verbatim/article/model"
)

// jsonParse is a parseFunc that reads a content file as a model.Article's JSON, so that a test
// chooses every speaker name, role and quotation, hostile ones included.
func jsonParse(r io.Reader, opts article.Options) (*model.Article, error) {
	var a model.Article
	if err := json.NewDecoder(r).Decode(&a); err != nil {
		return nil, err
	}
	a.ID = opts.ID
	return &a, nil
}

// hostileName is a speaker name that must reach every page as text.
const hostileName = `Eve <img src=x onerror=alert(1)> "Mallory"`

// speakerLibrary writes a content folder whose articles quote Dmitry Peskov under three names, Paul
// Ryan and Paul Rand (two people), and a speaker with a hostile name; one quotation of Peskov is
// reported in two articles with a changed word.
func speakerLibrary(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	art := func(title, published string, quotes ...model.Quote) model.Article {
		a := model.Article{Title: title, Published: published, Format: model.FormatText}
		seen := map[string]model.SpeakerID{}
		for i := range quotes {
			q := &quotes[i]
			q.ID = model.QuoteID("q" + string(rune('1'+i)))
			id, ok := seen[q.Speaker]
			if !ok {
				id = model.SpeakerID("s" + string(rune('1'+len(seen))))
				seen[q.Speaker] = id
				a.Speakers = append(a.Speakers, model.Speaker{ID: id, Name: q.Speaker, Role: roleOf(q.Speaker)})
			}
			q.SpeakerID = id
		}
		a.Quotes = quotes
		return a
	}
	q := func(speaker, text string) model.Quote { return model.Quote{Speaker: speaker, Text: text} }
	arts := map[string]model.Article{
		"talks.txt": art("Talks stall", "2026-01-10T09:00:00Z",
			q("Dmitry Peskov", "We are not ready to talk about a ceasefire before the spring"),
			q("Paul Ryan", "The budget will pass this week")),
		"sanctions.txt": art("Sanctions widen", "2026-03-02T09:00:00Z",
			q("Peskov", "We are not prepared to talk about a ceasefire before the spring"),
			q("Paul Rand", "The budget will not pass")),
		"envoy.txt": art("Envoy visits", "2026-02-15T09:00:00Z",
			q("Dmitri Peskov", "The envoy is welcome in Moscow at any time"),
			q(hostileName, "Trust me on this one entirely")),
	}
	for name, a := range arts {
		b, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func roleOf(name string) string {
	if strings.Contains(name, "Peskov") {
		return "Kremlin spokesman"
	}
	return ""
}

// speakerView is what a prerendered speaker page shows.
type speakerView struct {
	h1      string
	people  map[string]string // /speakers: a person's link → their card's text
	quotes  []string          // a person's page: each quotation's article link, in page order
	dels    []string          // the text of <del> elements in the integrity view
	inss    []string          // the text of <ins> elements
	scripts []string          // every script's src
}

func viewSpeakers(t *testing.T, page string) speakerView {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	v := speakerView{people: map[string]string{}}
	for n := range elements(doc) {
		switch {
		case n.DataAtom == atom.H1:
			v.h1 = text(n)
		case n.DataAtom == atom.Li && hasClass(n, "person"):
			for a := range elements(n) {
				if a.DataAtom == atom.A {
					v.people[attr(a, "href")] = text(n)
				}
			}
		case n.DataAtom == atom.A && hasClass(n, "said-link") && hasClass(n.Parent.Parent, "said-quote"):
			v.quotes = append(v.quotes, attr(n, "href"))
		case n.DataAtom == atom.Del:
			v.dels = append(v.dels, text(n))
		case n.DataAtom == atom.Ins:
			v.inss = append(v.inss, text(n))
		case n.DataAtom == atom.Script && attr(n, "src") != "":
			v.scripts = append(v.scripts, attr(n, "src"))
		}
	}
	return v
}

func TestSpeakerPagesArePrerendered(t *testing.T) {
	s, _ := newTestServer(t, Config{ContentDir: speakerLibrary(t), parse: jsonParse})
	res, page := do(t, s.Handler(), "GET", "/speakers", nil)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET /speakers = %d", res.StatusCode)
	}
	v := viewSpeakers(t, page)
	if v.h1 != "Speakers" {
		t.Errorf("/speakers: h1 %q", v.h1)
	}
	// "Dmitri Peskov" and "Dmitry Peskov" are as specific; of a tie, the first name in the table's
	// order (most quoted, then by name) is shown.
	peskov := v.people["/speaker/dmitri-peskov"]
	if !strings.Contains(peskov, "3 quotes in 3 articles") || !strings.Contains(peskov, "Kremlin spokesman") ||
		!strings.Contains(peskov, "Peskov;") || !strings.Contains(peskov, "Dmitry Peskov") {
		t.Errorf("/speakers: Dmitry Peskov's card reads %q, want his 3 quotes, 3 articles, role and other names", peskov)
	}
	if v.people["/speaker/paul-ryan"] == "" || v.people["/speaker/paul-rand"] == "" {
		t.Errorf("/speakers: Paul Ryan and Paul Rand are not two people: %v", v.people)
	}
	if len(v.people) != 4 {
		t.Errorf("/speakers lists %d people, want 4 (Peskov, Ryan, Rand, the hostile name): %v", len(v.people), v.people)
	}
	if !slices.ContainsFunc(v.scripts, func(s string) bool { return strings.HasSuffix(s, "app.js") }) {
		t.Errorf("/speakers does not boot app.wasm (it merges in the browser's articles): scripts %v", v.scripts)
	}

	res, page = do(t, s.Handler(), "GET", "/speaker/dmitri-peskov", nil)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET /speaker/dmitri-peskov = %d", res.StatusCode)
	}
	v = viewSpeakers(t, page)
	if v.h1 != "Dmitri Peskov" {
		t.Errorf("h1 %q", v.h1)
	}
	want := []string{"/article/sanctions#q1", "/article/envoy#q1", "/article/talks#q1"} // newest first
	if !slices.Equal(v.quotes, want) {
		t.Errorf("quotes link to %v, want %v (newest first)", v.quotes, want)
	}
	if !slices.ContainsFunc(v.dels, func(s string) bool { return strings.Contains(s, "ready") }) ||
		!slices.ContainsFunc(v.inss, func(s string) bool { return strings.Contains(s, "prepared") }) {
		t.Errorf("the integrity view does not flag ready → prepared: del %q, ins %q", v.dels, v.inss)
	}

	// The names of a merged person still reach them.
	for _, p := range []string{"/speaker/dmitry-peskov", "/speaker/peskov"} {
		res, page := do(t, s.Handler(), "GET", p, nil)
		if res.StatusCode != http.StatusOK || viewSpeakers(t, page).h1 != "Dmitri Peskov" {
			t.Errorf("GET %s = %d, h1 %q; want Dmitri Peskov's page (one of his names)", p, res.StatusCode, viewSpeakers(t, page).h1)
		}
	}
	res, page = do(t, s.Handler(), "GET", "/speaker/nobody-here", nil)
	if res.StatusCode != http.StatusNotFound {
		t.Errorf("GET /speaker/nobody-here = %d, want 404", res.StatusCode)
	}
	if v := viewSpeakers(t, page); !slices.ContainsFunc(v.scripts, func(s string) bool { return strings.HasSuffix(s, "app.js") }) {
		t.Errorf("the 404 speaker page boots no app.wasm, which would find someone of this browser's articles")
	}
	for _, p := range []string{"/speaker/Dmitry-Peskov", "/speaker/a--b", "/speakers/"} {
		if res, _ := do(t, s.Handler(), "GET", p, nil); res.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s = %d, want 404", p, res.StatusCode)
		}
	}
}

func TestSpeakerPagesEscapeHostileNames(t *testing.T) {
	s, _ := newTestServer(t, Config{ContentDir: speakerLibrary(t), parse: jsonParse})
	slug := "eve-img-src-x-onerror-alert-1-mallory"
	for _, p := range []string{"/speakers", "/speaker/" + slug, app.SpeakersJSONPath} {
		res, page := do(t, s.Handler(), "GET", p, nil)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("GET %s = %d", p, res.StatusCode)
		}
		if p == app.SpeakersJSONPath { // data, served as application/json with nosniff
			var names app.SpeakerNames
			if err := json.Unmarshal([]byte(page), &names); err != nil {
				t.Fatal(err)
			}
			if !slices.ContainsFunc(names.Names, func(n app.NameStat) bool { return n.Name == hostileName }) {
				t.Errorf("%s lacks the hostile name as data: %v", p, names.Names)
			}
			continue
		}
		if strings.Contains(page, "<img src=x") {
			t.Errorf("%s holds the hostile name's markup unescaped", p)
		}
		doc, _ := html.Parse(strings.NewReader(page))
		found := false
		for n := range elements(doc) {
			if n.DataAtom == atom.Img && attr(n, "onerror") != "" {
				t.Errorf("%s: the hostile name made an element", p)
			}
			if (n.DataAtom == atom.A || n.DataAtom == atom.H1) && text(n) == hostileName {
				found = true
			}
		}
		if !found {
			t.Errorf("%s does not show the hostile name as text", p)
		}
	}
}

func TestExportWritesSpeakerPages(t *testing.T) {
	s, _ := newTestServer(t, Config{ContentDir: speakerLibrary(t), parse: jsonParse, BaseURL: "https://news.example"})
	out := t.TempDir()
	if _, err := s.Export(context.Background(), out, ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	checkExported(t, s, out, "/speakers", "/speaker/dmitri-peskov", "/speaker/paul-ryan", "/speaker/paul-rand", app.SpeakersJSONPath)
	// A name's own slug is served by the server (it finds the person), but is no page of its own.
	if _, err := os.Stat(filepath.Join(out, "speaker", "peskov.html")); err == nil {
		t.Error("export has speaker/peskov.html, a name of Dmitri Peskov's, not a person")
	}
}
