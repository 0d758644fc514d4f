//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
)

// main explains itself: parse.wasm is built for the browser only (the verbatim binary parses on
// the server: verbatim parse FILE).
func main() {
	fmt.Fprintln(os.Stderr, "parsewasm runs in the browser's parse worker: build it with GOOS=js GOARCH=wasm (make wasm)")
	os.Exit(2)
}
