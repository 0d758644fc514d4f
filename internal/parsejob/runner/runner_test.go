package runner

import (
	"errors"
	"os"
	"strings"
	"testing"
	"verbatim/article/model"

	"verbatim/article"
	"verbatim/internal/parsejob"
)

// TestRunArticle parses the sample in the worker's way and checks the JSON decodes into the same
// article that article.Parse gives in place.
func TestRunArticle(t *testing.T) {
	src, err := os.ReadFile("../../../server/samples/zakaria-peskov.txt")
	if err != nil {
		t.Fatal(err)
	}
	out, err := Run(src, "text", "")
	if err != nil {
		t.Fatal(err)
	}
	got, err := parsejob.Decode(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := article.Parse(strings.NewReader(string(src)), article.Options{Format: model.FormatText})
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != want.ID || got.Title != want.Title || len(got.Quotes) != len(want.Quotes) || len(got.Quotes) == 0 {
		t.Errorf("worker article %q %q with %d quotes, in place %q %q with %d", got.ID, got.Title, len(got.Quotes), want.ID, want.Title, len(want.Quotes))
	}
}

// TestRunErrors checks each kind of bad input comes back as an *Error of its kind that still
// errors.Is the article sentinel, with the parser's message.
func TestRunErrors(t *testing.T) {
	for _, tc := range []struct {
		name, src, format, kind string
		sentinel                error
	}{
		{"empty", "", "auto", parsejob.KindEmpty, model.ErrEmpty},
		{"blank", " \n\t ", "text", parsejob.KindEmpty, model.ErrEmpty},
		{"binary", "\x00\x01\x02\x03PK\x03\x04\x00\x00\x00\x00" + strings.Repeat("\x00", 64), "auto", parsejob.KindBinary, model.ErrBinary},
		{"too large", strings.Repeat("a", model.MaxInputBytes+1), "text", parsejob.KindTooLarge, model.ErrTooLarge},
		{"script only", `<html><body><script>alert(1)</script><img src=x onerror=alert(1)></body></html>`, "html", parsejob.KindNoText, model.ErrNoText},
		{"not an article", `<html><body><main><p><a href="/subscribe">Subscribe to read the rest of this story</a></p><p>Or not.</p></main></body></html>`, "html", parsejob.KindNotArticle, model.ErrNotArticle},
		{"unknown format", "The mayor said, “We keep the ferry.”", "pdf", parsejob.KindInvalid, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, err := Run([]byte(tc.src), tc.format, "")
			var e *parsejob.Error
			if !errors.As(err, &e) {
				t.Fatalf("Run = %q, %v; want a *parsejob.Error", out, err)
			}
			if e.Kind != tc.kind || e.Message == "" {
				t.Errorf("kind %q message %q, want kind %q", e.Kind, e.Message, tc.kind)
			}
			if tc.sentinel != nil && !errors.Is(err, tc.sentinel) {
				t.Errorf("%v is not %v", err, tc.sentinel)
			}
			if tc.sentinel == nil && errors.Unwrap(err) != nil {
				t.Errorf("%v unwraps to %v", err, errors.Unwrap(err))
			}
		})
	}
}

// TestRunAtAddress: the page's address (a page the bookmarklet handed over) becomes the article's
// URL and resolves its relative links; a bad one is the parser's clear error.
func TestRunAtAddress(t *testing.T) {
	page := `<html><head><title>Ferry</title></head><body><article><h1>Ferry</h1><p>The mayor said, “We keep <a href="/ferry">the ferry</a>.”</p></article></body></html>`
	out, err := Run([]byte(page), "html", "https://news.example/2026/ferry")
	if err != nil {
		t.Fatal(err)
	}
	a, err := parsejob.Decode(out)
	if err != nil {
		t.Fatal(err)
	}
	if a.URL != "https://news.example/2026/ferry" || !strings.Contains(string(out), `"https://news.example/ferry"`) {
		t.Errorf("URL %q; links not resolved against it: %.300s", a.URL, out)
	}
	if _, err := Run([]byte(page), "html", "javascript:alert(1)"); err == nil {
		t.Error("a javascript: address was taken")
	}
}
