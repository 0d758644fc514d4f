package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"verbatim/article/model"

	"verbatim/article"
)

// runParse implements `verbatim parse`: it parses one untrusted file (or stdin) and prints the
// Article as JSON. Every failure is returned as one error whose message says what is wrong; a
// panic inside the parser, which the fuzz tests guard against, is turned into such an error too,
// so the command never prints a stack trace.
func runParse(args []string, stdin io.Reader, stdout io.Writer) (err error) {
	fs := flag.NewFlagSet("parse", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	format := fs.String("format", "auto", "input format: auto, text, html (a full page), fragment (HTML) or markdown")
	url := fs.String("url", "", "the article's address, for relative links")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%v; usage: verbatim parse [-format auto|text|html|fragment|markdown] [-url URL] FILE|-", err)
	}
	if fs.NArg() != 1 {
		return errors.New("give one FILE, or - for standard input")
	}
	var r io.Reader = stdin
	name := fs.Arg(0)
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
	a, err := article.Parse(r, article.Options{Format: model.Format(*format), URL: *url})
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(a)
}
