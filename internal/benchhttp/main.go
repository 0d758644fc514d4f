// Command benchhttp is the ceiling of budget 5 in scripts/bench.sh: the smallest net/http server
// that answers every request with one file held in memory (Content-Type and Content-Length, and
// Content-Encoding when FILE ends in .br or .gz: nothing else). Loaded by wrk beside nginx and the
// verbatim server, it shows how much of the gap to nginx is net/http's own cost. It is never shipped.
//
//	benchhttp ADDR FILE
//
// Trust boundary: none; it serves one file of the bench's export on loopback to wrk.
package main

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: benchhttp ADDR FILE")
		os.Exit(2)
	}
	body, err := os.ReadFile(os.Args[2])
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchhttp:", err)
		os.Exit(1)
	}
	length := strconv.Itoa(len(body))
	coding := map[string]string{".br": "br", ".gz": "gzip"}[filepath.Ext(os.Args[2])]
	srv := &http.Server{
		Addr:              os.Args[1],
		ReadHeaderTimeout: 5 * time.Second,
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.Header().Set("Content-Length", length)
			if coding != "" {
				w.Header().Set("Content-Encoding", coding)
			}
			w.Write(body)
		}),
	}
	fmt.Fprintln(os.Stderr, "benchhttp:", srv.ListenAndServe())
	os.Exit(1)
}
