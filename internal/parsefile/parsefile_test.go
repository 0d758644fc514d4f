package parsefile

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"verbatim/article"
	"verbatim/article/model"
)

func TestPrintWritesIndentedJSONWithoutHTMLEscaping(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	src := "Less <b> & more\n\nShe said “it is fine.”"
	if err := Print(&out, strings.NewReader(src), "-", article.Options{Format: model.FormatText}); err != nil {
		t.Fatal(err)
	}
	var a model.Article
	if err := json.Unmarshal(out.Bytes(), &a); err != nil {
		t.Fatalf("output is not an Article: %v", err)
	}
	if got, want := a.Title, "Less <b> & more"; got != want {
		t.Errorf("title = %q, want %q", got, want)
	}
	if !strings.HasPrefix(out.String(), "{\n  \"") {
		t.Errorf("output is not indented by two spaces: %.40q", out.String())
	}
	if !strings.Contains(out.String(), `"Less <b> & more"`) || strings.Contains(out.String(), `\u003c`) {
		t.Errorf("output escapes HTML: %.200s", out.String())
	}
}

func TestPrintErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	file := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(file, []byte("Title\n\nBody."), 0o644); err != nil {
		t.Fatal(err)
	}
	panics := func(io.Reader, article.Options) (*model.Article, error) { panic("index out of range") }
	refuses := func(io.Reader, article.Options) (*model.Article, error) { return nil, model.ErrEmpty }
	cases := []struct {
		name  string
		file  string
		parse func(io.Reader, article.Options) (*model.Article, error)
		want  string
		is    error
	}{
		{"a directory", dir, article.Parse, dir + " is a directory; give a file", nil},
		{"a missing file", filepath.Join(dir, "nope.txt"), article.Parse, "open " + filepath.Join(dir, "nope.txt") + ": no such file or directory", os.ErrNotExist},
		{"a parser panic", file, panics, file + ": parsing article: internal error (index out of range); please report it with the file", nil},
		{"a parser error", file, refuses, file + ": " + model.ErrEmpty.Error(), model.ErrEmpty},
		{"a parser panic on stdin", "-", panics, "-: parsing article: internal error (index out of range); please report it with the file", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			var out bytes.Buffer
			err := printWith(&out, strings.NewReader("stdin"), c.file, article.Options{}, c.parse)
			if err == nil || err.Error() != c.want {
				t.Fatalf("err = %v\n  want %s", err, c.want)
			}
			if c.is != nil && !errors.Is(err, c.is) {
				t.Errorf("err = %v, want one that errors.Is %v", err, c.is)
			}
			if out.Len() != 0 {
				t.Errorf("wrote %q on failure", out.String())
			}
		})
	}
}
