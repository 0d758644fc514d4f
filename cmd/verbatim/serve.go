package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"verbatim/server"
)

// runServe implements `verbatim serve`: it serves until ctx is done (SIGINT or SIGTERM), then shuts
// down gracefully (Server.Close), dropping no request; a second signal closes the connections still
// open at once (Server.Abort).
func runServe(ctx context.Context, args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "localhost:8080", "address to listen on")
	site := siteFlags(fs, "comma-separated origins allowed to frame /embed/ (https://news.example)")
	fetch := fs.Bool("fetch", false, "fetch pages for readers: POST /api/fetch and the import page's \"Read from a link\"")
	fetchAllow := fs.String("fetch-allow", "", "comma-separated hosts and CIDRs fetches may reach although private (tests only: never on a public server)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	cfg, err := site(log)
	if err != nil {
		return err
	}
	cfg.Addr = *addr
	cfg.Fetch, cfg.FetchAllow = *fetch, *fetchAllow
	s, err := server.NewServer(cfg)
	if err != nil {
		return err
	}
	if err := s.Start(ctx); err != nil {
		return err
	}
	<-ctx.Done()
	log.Info("shutting down", "reason", context.Cause(ctx))
	// Close lets requests in flight finish for up to 10 seconds; a second SIGINT or SIGTERM (the
	// first one ended ctx) cuts that short.
	again := make(chan os.Signal, 1)
	signal.Notify(again, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(again)
	closed := make(chan error, 1)
	go func() { closed <- s.Close() }()
	select {
	case err := <-closed:
		return err
	case sig := <-again:
		log.Warn("closing the remaining connections at once", "signal", sig)
		s.Abort()
		return <-closed
	}
}
