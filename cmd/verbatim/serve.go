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
	state := fs.String("state", "", "directory for the library's index, so that a restart reads only changed files (default: $CACHE_DIRECTORY or the user's cache directory, under verbatim/; \"none\" keeps no state)")
	cacheMB := fs.Int("cache-mb", server.DefaultCacheBytes>>20, "memory for built article responses and parsed articles, in MB")
	watch := fs.Duration("watch", server.DefaultWatch, "how often to check -content for new, changed and deleted files (0: only at start)")
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
	if cfg.StateDir, err = stateDir(*state, cfg.ContentDir); err != nil {
		return err
	}
	if *cacheMB < 1 {
		return fmt.Errorf("-cache-mb %d: give at least 1", *cacheMB)
	}
	cfg.CacheBytes, cfg.Watch = int64(*cacheMB)<<20, *watch
	// The runtime's soft memory limit follows -cache-mb and the library's size (server.MemoryLimit),
	// unless the operator set GOMEMLIMIT: first for an empty library with room for the start's
	// transient heap (server.ApplyStartMemoryLimit), while the first start parses and the web
	// folder is compressed, then for the library found.
	server.ApplyStartMemoryLimit(cfg.CacheBytes)
	s, err := server.NewServer(cfg)
	if err != nil {
		return err
	}
	if n := server.ApplyMemoryLimit(cfg.CacheBytes, s.Articles()); n > 0 {
		log.Info("memory limit set (GOMEMLIMIT unset)", "bytes", n)
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

// stateDir resolves -state: "none" for no state, empty for server.DefaultStateDir.
func stateDir(flag, content string) (string, error) {
	switch flag {
	case "none":
		return "", nil
	case "":
		return server.DefaultStateDir(content)
	}
	return flag, nil
}
