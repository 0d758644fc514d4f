package main

import (
	"context"
	"errors"
	"flag"
	"io"
	"log/slog"

	"verbatim/server"
)

// runExport implements `verbatim export`: it writes the whole site as static files into a directory
// (Server.Export).
func runExport(ctx context.Context, args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	site := siteFlags(fs, "comma-separated origins allowed to frame /embed/, written into the embed pages")
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
	s, err := server.NewServer(cfg)
	if err != nil {
		return err
	}
	defer s.Close()
	n, err := s.Export(ctx, fs.Arg(0))
	if err != nil {
		return err
	}
	log.Info("exported", "dir", fs.Arg(0), "files", n, "version", s.Version())
	return nil
}
