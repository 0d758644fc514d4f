package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"

	"verbatim/server"
)

// runExport implements `verbatim export`: it writes the whole site as static files into a directory
// (Server.Export), or, into the directory of an earlier export, what changed since. Like serve, it
// keeps the library's index in -state, so that a re-export parses only the files that changed.
func runExport(ctx context.Context, args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	site := siteFlags(fs, "comma-separated origins allowed to frame /embed/, written into the embed pages")
	prune := fs.Bool("prune", false, "remove the files of articles the content no longer has (files the export did not write are left alone, and listed)")
	state := fs.String("state", "", "directory for the library's index, so that a re-export parses only changed files (default: as serve's, $CACHE_DIRECTORY or the user's cache directory, under verbatim/; \"none\" keeps no state)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("give one output DIR")
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	cfg, err := site(log)
	if err != nil {
		return err
	}
	if cfg.BaseURL == "" {
		log.Warn("no -base-url: og:url and oEmbed links will point at " + server.ExportDefaultBaseURL)
		cfg.BaseURL = server.ExportDefaultBaseURL
	}
	cfg.StaticOEmbed = true
	if cfg.StateDir, err = stateDir(*state, cfg.ContentDir); err != nil {
		return err
	}
	s, err := server.NewServer(cfg)
	if err != nil {
		return err
	}
	defer s.Close()
	rep, err := s.Export(ctx, fs.Arg(0), server.ExportOptions{Prune: *prune})
	if err != nil {
		return err
	}
	for _, name := range rep.Unknown {
		log.Warn("left alone: a file the export did not write", "file", name)
	}
	if rep.Deleted > 0 && !*prune {
		log.Info("kept the files of articles the content no longer has; -prune removes them", "articles", rep.Deleted)
	}
	perSecond := 0.0
	if sec := rep.Duration.Seconds(); sec > 0 {
		perSecond = float64(rep.Rendered) / sec
	}
	log.Info("exported", "dir", fs.Arg(0), "files", rep.Files, "written", rep.Written, "unchanged", rep.Unchanged,
		"removed", rep.Removed, "articles", rep.Articles, "rendered", rep.Rendered, "full", rep.Full,
		"seconds", fmt.Sprintf("%.2f", rep.Duration.Seconds()), "articles/s", fmt.Sprintf("%.0f", perSecond), "version", s.Version())
	return nil
}
