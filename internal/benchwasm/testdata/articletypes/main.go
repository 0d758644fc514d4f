// Command articletypes is the baseline of scripts/deps.sh's link check: a wasm main that uses package
// article's types and nothing of its parser, so that it links only what importing article costs
// (its package initialisers). It is never shipped.
package main

import (
	"encoding/json"
	"os"

	"verbatim/article"
)

func main() {
	var a article.Article
	json.Unmarshal([]byte(os.Args[0]), &a)
	os.Stdout.WriteString(a.Title)
}
