package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"verbatim/article"
	"verbatim/article/model"
	"verbatim/internal/parsefile"
)

// runParse implements `verbatim parse`: it parses one untrusted file (or stdin), or the page at an
// http or https address, and prints the Article as JSON (parsefile.Print, parsefile.PrintURL).
func runParse(ctx context.Context, args []string, stdin io.Reader, stdout io.Writer) error {
	fs := flag.NewFlagSet("parse", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	format := fs.String("format", "auto", "input format: auto, text, html (a full page), fragment (HTML) or markdown")
	url := fs.String("url", "", "the article's address, for relative links")
	fetchAllow := fs.String("fetch-allow", "", "comma-separated hosts and CIDRs a fetch may reach although private (tests only)")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%v; usage: verbatim parse [-format auto|text|html|fragment|markdown] [-url URL] [-fetch-allow LIST] FILE|URL|-", err)
	}
	if fs.NArg() != 1 {
		return errors.New("give one FILE, an http or https URL, or - for standard input")
	}
	if parsefile.IsURL(fs.Arg(0)) {
		return parsefile.PrintURL(ctx, stdout, fs.Arg(0), *fetchAllow)
	}
	return parsefile.Print(stdout, stdin, fs.Arg(0), article.Options{Format: model.Format(*format), URL: *url})
}
