//go:build !(js && wasm)

package app

import (
	"context"
	"io"
	"net/http"
)

// fetchBytes fetches url and returns the status and the body, or errTooLarge for a body over limit
// bytes (it reads at most one byte more). Outside the browser only: the wasm build uses the
// browser's fetch (fetch_wasm.go).
func fetchBytes(ctx context.Context, url string, limit int) (int, []byte, error) {
	req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
	if err != nil {
		return 0, nil, err
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(io.LimitReader(res.Body, int64(limit)+1))
	if err != nil {
		return 0, nil, err
	}
	if len(b) > limit {
		return 0, nil, errTooLarge
	}
	return res.StatusCode, b, nil
}
