package app

import (
	"context"
	"strings"
	"testing"

	"verbatim/article/model"
	"verbatim/internal/parsejob"
)

// TestImportErrorAcrossTheWorker checks the import page's messages for what the parse worker
// answers: each kind of error, rebuilt on the page's side, still gets its own message.
func TestImportErrorAcrossTheWorker(t *testing.T) {
	for _, tc := range []struct {
		name string
		err  error
		want []string
	}{
		{"empty", &parsejob.Error{Kind: parsejob.KindEmpty, Message: "parsing article: " + model.ErrEmpty.Error()}, []string{"article text was found"}},
		{"no text", &parsejob.Error{Kind: parsejob.KindNoText, Message: "parsing article: " + model.ErrNoText.Error()}, []string{"could not be read as an article", "found no readable text", "check the format"}},
		{"not an article", &parsejob.Error{Kind: parsejob.KindNotArticle, Message: "parsing article: " + model.ErrNotArticle.Error()}, []string{"does not look like an article", "open the article itself"}},
		{"timeout", errParseTimeout, []string{"took too long", "stopped"}},
		{"start", &parsejob.Error{Kind: parsejob.KindStart, Message: "parse.wasm: the server answered 404"}, []string{"could not start", "404", "reload the page"}},
		{"internal", &parsejob.Error{Kind: parsejob.KindInternal, Message: "the parser failed: boom"}, []string{"failed on it", "boom"}},
	} {
		got := sentence(importError(tc.err))
		if strings.Contains(got, "parsing article") {
			t.Errorf("%s: %q shows the parser's own prefix", tc.name, got)
		}
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: %q lacks %q", tc.name, got, w)
			}
		}
	}
}

// TestParseArticleOutsideTheBrowser checks the fallback parses in place with the worker's job: an
// article comes back decoded, and a refused input as the worker's *parsejob.Error.
func TestParseArticleOutsideTheBrowser(t *testing.T) {
	a, err := parseArticle(context.Background(), "", []byte("Ferry Kept\n\nThe mayor said, “We keep the ferry.”"), model.FormatText, "")
	if err != nil || len(a.Quotes) != 1 {
		t.Fatalf("parseArticle = %+v, %v", a, err)
	}
	_, err = parseArticle(context.Background(), "", []byte("<script>alert(1)</script>"), model.FormatHTML, "")
	if pe, ok := err.(*parsejob.Error); !ok || pe.Kind != parsejob.KindNoText {
		t.Errorf("parseArticle(script only) = %v, want a no-text *parsejob.Error", err)
	}
}
