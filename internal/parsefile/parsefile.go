// Package parsefile is the work of `verbatim parse`: it parses one article file, or standard input,
// and prints the Article as JSON. cmd/verbatim only turns the command's flags into its arguments.
//
// It imports the article package, internal/fetch (for `verbatim parse URL`) and the standard library.
//
// Trust boundary: the file is untrusted. It goes through article.Parse, which sanitizes it; a panic
// inside the parser, which the fuzz tests guard against, becomes an error, so the command never
// prints a stack trace.
package parsefile

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"verbatim/article"
	"verbatim/article/model"
)

// Print parses the file name, or stdin when name is "-", with opts, and writes the Article to w as
// indented JSON, without HTML escaping (the JSON is data, never inlined in HTML). Every failure is
// one error whose message says what is wrong and starts with name where the file is at fault;
// nothing is written to w then.
func Print(w io.Writer, stdin io.Reader, name string, opts article.Options) error {
	return printWith(w, stdin, name, opts, article.Parse)
}

// printWith is Print with the parser given, so that the tests can give one that panics.
func printWith(w io.Writer, stdin io.Reader, name string, opts article.Options, parse func(io.Reader, article.Options) (*model.Article, error)) (err error) {
	var r io.Reader = stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			return fmt.Errorf("%s is a directory; give a file", name)
		}
		r = f
	}
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%s: parsing article: internal error (%v); please report it with the file", name, p)
		}
	}()
	a, err := parse(r, opts)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return encode(w, a)
}

// encode writes a to w as indented JSON without HTML escaping.
func encode(w io.Writer, a *model.Article) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(a)
}
