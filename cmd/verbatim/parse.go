package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"verbatim/article"
	"verbatim/article/model"
	"verbatim/internal/parsefile"
)

// runParse implements `verbatim parse`: it parses one untrusted file (or stdin) and prints the
// Article as JSON (parsefile.Print).
func runParse(args []string, stdin io.Reader, stdout io.Writer) error {
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
	return parsefile.Print(stdout, stdin, fs.Arg(0), article.Options{Format: model.Format(*format), URL: *url})
}
