//go:build !wasm

package main

import (
	"log"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// serve serves the app on os.Args[1] with its wasm from os.Args[2]/web/app.wasm (and local icons
// there: nothing is fetched from outside loopback), and the brotli
// file beside it (app.wasm.br) to browsers that take brotli, as Verbatim's server does, so that the
// baseline downloads the same kind of bytes.
func serve() {
	if len(os.Args) != 3 {
		log.Fatal("usage: minimal ADDR DIR (DIR/web/app.wasm)")
	}
	if err := os.Chdir(os.Args[2]); err != nil { // go-app serves ./web
		log.Fatal(err)
	}
	h := &app.Handler{Name: "Minimal", Title: "Minimal", Version: "bench", Icon: app.Icon{Default: "/web/icon-192.png", Large: "/web/icon-512.png"}}
	br, _ := os.ReadFile(filepath.Join("web", "app.wasm.br"))
	log.Fatal(http.ListenAndServe(os.Args[1], http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/web/app.wasm" && br != nil && strings.Contains(r.Header.Get("Accept-Encoding"), "br") {
			w.Header().Set("Content-Type", "application/wasm")
			w.Header().Set("Content-Encoding", "br")
			w.Write(br)
			return
		}
		h.ServeHTTP(w, r)
	})))
}
