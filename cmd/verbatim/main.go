// Command verbatim serves the Verbatim reader, parses articles and exports a static site.
//
//	verbatim serve  [-addr localhost:8080] [-content DIR] [-partners ORIGINS] [-base-url URL] [-web DIR] [-fetch] [-fetch-allow LIST]
//	verbatim parse  [-format auto|text|html|markdown] [-url URL] [-fetch-allow LIST] FILE|URL|-
//	verbatim export [-content DIR] [-base-url URL] [-partners ORIGINS] [-web DIR] [-prune] DIR
//	verbatim precompress DIR
//
// It holds flags and wiring only (scripts/deps.sh checks): the server is package server, the parse
// command's work is package parsefile, and everything it calls is imported and tested there.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"verbatim/server"
)

const usage = `usage:
  verbatim serve  [-addr localhost:8080] [-content DIR] [-partners ORIGINS] [-base-url URL] [-web DIR] [-fetch] [-fetch-allow LIST]
  verbatim parse  [-format auto|text|html|markdown] [-url URL] [-fetch-allow LIST] FILE|URL|-
  verbatim export [-content DIR] [-base-url URL] [-partners ORIGINS] [-web DIR] [-prune] DIR
  verbatim precompress DIR   (make build: the web folder's .br and .gz, made once for every start)
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run executes one verbatim command and returns its exit status. Errors are printed to stderr as one
// line; it never panics on bad input.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	var err error
	switch args[0] {
	case "serve":
		err = runServe(ctx, args[1:], stderr)
	case "parse":
		err = runParse(ctx, args[1:], stdin, stdout)
	case "export":
		err = runExport(ctx, args[1:], stderr)
	case "precompress":
		err = runPrecompress(args[1:], stderr)
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "verbatim: unknown command %q\n%s", args[0], usage)
		return 2
	}
	if err != nil {
		fmt.Fprintf(stderr, "verbatim %s: %v\n", args[0], err)
		return 1
	}
	return 0
}

// siteFlags defines on fs the flags serve and export share (-content, -base-url, -partners, -web),
// and returns the function that turns them, once fs is parsed, into a server.Config that logs to log.
func siteFlags(fs *flag.FlagSet, partnersUsage string) func(log *slog.Logger) (server.Config, error) {
	content := fs.String("content", "", "directory of .txt, .html and .md articles (default: the embedded samples)")
	baseURL := fs.String("base-url", "", "the site's absolute address, for og:url and oEmbed (https://verbatim.example)")
	partners := fs.String("partners", "", partnersUsage)
	web := fs.String("web", "web", "the web directory: app.wasm, icons, styles")
	return func(log *slog.Logger) (server.Config, error) {
		origins, err := server.ParseOrigins(*partners)
		if err != nil {
			return server.Config{}, err
		}
		return server.Config{ContentDir: *content, BaseURL: *baseURL, WebDir: *web, Partners: origins, Logger: log}, nil
	}
}

// runPrecompress implements `verbatim precompress DIR`: the brotli and gzip encodings of the web
// folder DIR's files beside them, and their record (server.Precompress), which `make build` writes
// so that a server's first start does not compress the web folder.
func runPrecompress(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("precompress", flag.ContinueOnError)
	fs.SetOutput(stderr)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("give the web folder DIR")
	}
	return server.Precompress(fs.Arg(0), slog.New(slog.NewTextHandler(stderr, nil)))
}
