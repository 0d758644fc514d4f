//go:build !(js && wasm)

package app

import (
	"bytes"
	"context"
	"io"
	"net/http"
)

// fetchBytes fetches url and returns the status and the body, or errTooLarge for a body over limit
// bytes (it reads at most one byte more). Outside the browser only: the wasm build uses the
// browser's fetch (fetch_wasm.go).
func fetchBytes(ctx context.Context, url string, limit int) (int, []byte, error) {
	return request(ctx, "GET", url, nil, limit)
}

// postBytes posts body as JSON to url, as fetchBytes reads.
func postBytes(ctx context.Context, url string, body []byte, limit int) (int, []byte, error) {
	return request(ctx, "POST", url, body, limit)
}

// request makes one request with fetchBytes' limit; a body is sent as application/json.
func request(ctx context.Context, method, url string, body []byte, limit int) (int, []byte, error) {
	var rb io.Reader
	if body != nil {
		rb = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, url, rb)
	if err != nil {
		return 0, nil, err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
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
