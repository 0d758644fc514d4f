//go:build !wasm

package main

import (
	"log"
	"net/http"
	"os"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// serve serves the app on os.Args[1] with app.wasm from os.Args[2]/web.
func serve() {
	if len(os.Args) != 3 {
		log.Fatal("usage: minimal ADDR DIR (DIR/web/app.wasm)")
	}
	h := &app.Handler{Name: "Minimal", Title: "Minimal", Resources: app.LocalDir(os.Args[2]), Version: "bench"}
	log.Fatal(http.ListenAndServe(os.Args[1], h))
}
