package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"verbatim/article/model"

	"verbatim/internal/shared"
)

func TestParseCommandSample(t *testing.T) {
	t.Parallel()
	sample := shared.Require(t, "samples/zakaria-peskov.txt")
	code, out, errOut := runCmd(t, "", "parse", sample)
	if code != 0 {
		t.Fatalf("exit status %d, stderr %q", code, errOut)
	}
	var a model.Article
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatalf("output is not an Article: %v", err)
	}
	if got, want := a.Byline, "Josh Feldman"; got != want {
		t.Errorf("byline = %q, want %q", got, want)
	}
	if got, want := len(a.Blocks), 10; got != want {
		t.Errorf("%d blocks, want %d (the headline and nine paragraphs)", got, want)
	}
	if got, want := a.Format, model.FormatText; got != want {
		t.Errorf("format = %q, want %q", got, want)
	}
}

func TestParseCommandStdin(t *testing.T) {
	t.Parallel()
	code, out, errOut := runCmd(t, "# Title\n\nSome *text* with [a link](/x).", "parse", "-format", "markdown", "-url", "https://example.com/a/", "-")
	if code != 0 {
		t.Fatalf("exit status %d, stderr %q", code, errOut)
	}
	var a model.Article
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatal(err)
	}
	if got, want := a.Title, "Title"; got != want {
		t.Errorf("title = %q, want %q", got, want)
	}
	if got, want := a.Blocks[0].Runs[len(a.Blocks[0].Runs)-2].Href, "https://example.com/x"; got != want {
		t.Errorf("link = %q, want %q", got, want)
	}
	if !json.Valid([]byte(out)) || strings.Contains(out, `"quotes": null`) {
		t.Errorf("output should hold an empty quote list, not null: %.200s", out)
	}
}

// TestParseCommandURL fetches the sample page from a loopback server that -fetch-allow opens.
func TestParseCommandURL(t *testing.T) {
	t.Parallel()
	page, err := os.ReadFile("../../server/samples/library-reopens.html")
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	}))
	t.Cleanup(ts.Close)
	code, out, errOut := runCmd(t, "", "parse", "-fetch-allow", "127.0.0.1", ts.URL+"/news/library")
	if code != 0 {
		t.Fatalf("exit status %d, stderr %q", code, errOut)
	}
	var a model.Article
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatalf("output is not an Article: %v", err)
	}
	if got, want := a.Title, "After Two Years of Repairs, the Old Library Reopens Its Doors"; got != want {
		t.Errorf("title = %q, want %q", got, want)
	}
	if got, want := a.URL, ts.URL+"/news/library"; got != want {
		t.Errorf("URL = %q, want %q", got, want)
	}
	code, _, errOut = runCmd(t, "", "parse", ts.URL+"/news/library")
	if want := "verbatim parse: 127.0.0.1 is a loopback address, which Verbatim does not fetch from\n"; code != 1 || errOut != want {
		t.Errorf("without -fetch-allow: exit %d, stderr %q; want 1, %q", code, errOut, want)
	}
}

// TestParseCommandBadInput checks that bad input gives exit status 1 and one line on stderr that
// says what is wrong, and never a panic trace.
func TestParseCommandBadInput(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	empty := write("empty.txt", nil)
	big := write("big.txt", bytes.Repeat([]byte("word "), (12<<20)/5))
	binary := write("binary.bin", []byte("\x00\x01\x02\x03binary\x00data"+strings.Repeat("\x00", 16)))
	deep := write("deep.html", []byte(strings.Repeat("<div>", 100_000)+"deep"))
	badUTF8 := write("bad.txt", []byte("Head\xff\n\nBody \xfe text."))
	tests := []struct {
		name string
		args []string
		code int
		want string // the whole stderr line, or a prefix when it ends in "…"
	}{
		{"empty file", []string{"parse", empty}, 1,
			"verbatim parse: " + empty + ": parsing article: the article is empty: give a file that holds the article's text"},
		{"too large", []string{"parse", big}, 1,
			"verbatim parse: " + big + ": parsing article: article too large: 12.0 MiB, the limit is 10 MiB"},
		{"binary", []string{"parse", binary}, 1,
			"verbatim parse: " + binary + ": parsing article: the input is not text: it holds NUL bytes, so it looks like binary data; give the article as text, HTML or Markdown"},
		{"missing file", []string{"parse", filepath.Join(dir, "nope.txt")}, 1,
			"verbatim parse: open " + filepath.Join(dir, "nope.txt") + ": no such file or directory"},
		{"a directory", []string{"parse", dir}, 1, "verbatim parse: " + dir + " is a directory; give a file"},
		{"no file", []string{"parse"}, 1, "verbatim parse: give one FILE, an http or https URL, or - for standard input"},
		{"unknown flag", []string{"parse", "-x", empty}, 1, "verbatim parse: flag provided but not defined: -x; usage: verbatim parse [-format auto|text|html|fragment|markdown] [-url URL] [-fetch-allow LIST] FILE|URL|-"},
		{"unknown format", []string{"parse", "-format", "pdf", empty}, 1,
			"verbatim parse: " + empty + `: parsing article: unknown format "pdf": use auto, text, html, fragment or markdown`},
		{"a loopback URL", []string{"parse", "http://127.0.0.1:9/a"}, 1,
			"verbatim parse: 127.0.0.1 is a loopback address, which Verbatim does not fetch from"},
		{"the metadata URL", []string{"parse", "http://169.254.169.254/latest/meta-data/"}, 1,
			"verbatim parse: 169.254.169.254 is the cloud metadata address, which Verbatim does not fetch from"},
		{"an ftp URL", []string{"parse", "ftp://example.com/a.txt"}, 1,
			`verbatim parse: "ftp://example.com/a.txt" is not an http or https address; Verbatim fetches web pages only`},
		{"a bad allow list", []string{"parse", "-fetch-allow", "10.0.0.0/99", "http://example.com/"}, 1,
			`verbatim parse: fetch allow list: "10.0.0.0/99" is neither a host name, an IP address nor a CIDR range (10.0.0.0/8)`},
		{"deep nesting is read", []string{"parse", "-format", "html", deep}, 0, ""},
		{"invalid UTF-8 is repaired", []string{"parse", badUTF8}, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			code, out, errOut := runCmd(t, "", tt.args...)
			if code != tt.code {
				t.Fatalf("exit status %d, want %d; stderr %q", code, tt.code, errOut)
			}
			if strings.Contains(errOut, "goroutine") || strings.Contains(errOut, "panic") {
				t.Fatalf("stderr holds a panic trace: %q", errOut)
			}
			if tt.code == 0 {
				if !json.Valid([]byte(out)) || errOut != "" {
					t.Fatalf("want JSON and no error, got stderr %q", errOut)
				}
				return
			}
			if got, want := errOut, tt.want+"\n"; got != want {
				t.Fatalf("stderr = %q\n  want %q", got, want)
			}
			if out != "" {
				t.Fatalf("stdout = %.100q, want nothing", out)
			}
		})
	}
}
