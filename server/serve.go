package main

import (
	"context"
	"errors"
	"io"
)

// runServe implements `verbatim serve`. Placeholder until the server lands.
func runServe(ctx context.Context, args []string, stderr io.Writer) error {
	return errors.New("not implemented yet")
}

// runExport implements `verbatim export`. Placeholder until the export lands.
func runExport(ctx context.Context, args []string, stderr io.Writer) error {
	return errors.New("not implemented yet")
}
