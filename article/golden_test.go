package article

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"verbatim/article/model"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// goldens are the golden files of the four ingest paths. Each input in testdata/ is an article of
// the project's own making (the sample's text is a copy of server/samples/zakaria-peskov.txt, with
// its hand annotation beside it); its Article, as Parse gives it in its format with the URL a
// caller would give, is testdata/NAME.golden.json. auto is the format FormatAuto reads it as.
var goldens = []struct {
	name, input  string
	format, auto model.Format
	url          string
}{
	{"zakaria-peskov", "zakaria-peskov.txt", model.FormatText, model.FormatText, ""},
	// A full page: readability must find the story among the site's chrome, ads, comments and
	// forms, resolve its relative links and lazy image, and the sanitizer must take out its scripts,
	// handlers and frames.
	{"ashby-weir", "ashby-weir.html", model.FormatHTML, model.FormatHTML, "https://herald.example/news/2026/02/ashby-weir-gates-close"},
	// A full page whose byline is a plain paragraph, "By NAME · DATE", with no class or rel to say
	// so: it must become the byline and an extra, not stay as the body's first paragraph.
	{"harbour-ferry", "harbour-ferry.html", model.FormatHTML, model.FormatHTML, "https://courier.example/news/2026/03/ferry-timetable-cut"},
	// A fragment as a CMS editor pastes it, with styles, classes, an embed and script links.
	{"carrow-clinic", "carrow-clinic.fragment.html", model.FormatFragment, model.FormatFragment, "https://gazette.example/news/2026/03/carrow-clinic-hours"},
	// Markdown with emphasis, lists, an image, a reference link, an autolink and raw HTML (three
	// tags or more, which FormatAuto must not take for a fragment).
	{"night-market", "night-market.md", model.FormatMarkdown, model.FormatMarkdown, ""},
}

// TestGolden parses each golden input and compares its Article, as indented JSON, with
// testdata/NAME.golden.json; it also checks the format FormatAuto reads each input as, and that it
// gives the same Article when that is the golden's format. Run `go test ./article -run Golden -update` to rewrite the golden files,
// then review the change as a diff.
func TestGolden(t *testing.T) {
	t.Parallel()
	for _, g := range goldens {
		t.Run(string(g.format), func(t *testing.T) {
			t.Parallel()
			src, err := os.ReadFile(filepath.Join("testdata", g.input))
			if err != nil {
				t.Fatal(err)
			}
			got := goldenJSON(t, src, Options{Format: g.format, URL: g.url})
			golden := filepath.Join("testdata", g.name+".golden.json")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./article -run Golden -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("the Article of %s differs from %s (-golden +now); if the change is right, rerun with -update and review the diff:\n%s",
					g.input, golden, lineDiff(want, got))
			}
			auto, err := Parse(bytes.NewReader(src), Options{URL: g.url})
			if err != nil {
				t.Fatal(err)
			}
			if auto.Format != g.auto {
				t.Errorf("FormatAuto reads %s as %s, want %s", g.input, auto.Format, g.auto)
			}
			if g.auto == g.format {
				if a := goldenJSON(t, src, Options{URL: g.url}); !bytes.Equal(a, got) {
					t.Errorf("FormatAuto gives another Article for %s than format %s (-%s +auto):\n%s", g.input, g.format, g.format, lineDiff(got, a))
				}
			}
		})
	}
}

// goldenJSON parses src and returns its Article as golden files hold it: indented JSON and a final
// newline. It checks the Article's invariants first.
func goldenJSON(t *testing.T, src []byte, opts Options) []byte {
	t.Helper()
	a, err := Parse(bytes.NewReader(src), opts)
	if err != nil {
		t.Fatal(err)
	}
	checkArticle(t, a)
	b, err := json.MarshalIndent(a, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return append(b, '\n')
}

// lineDiff shows the lines that differ between two texts, with a little context.
func lineDiff(want, got []byte) string {
	return cmp.Diff(strings.Split(string(want), "\n"), strings.Split(string(got), "\n"))
}
