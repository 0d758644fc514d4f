//go:build js && wasm

package main

import (
	"errors"
	"syscall/js"

	"verbatim/article/model"
	"verbatim/internal/parsejob"
	"verbatim/internal/parsejob/runner"
)

// maxInput bounds what verbatimParse copies out of JavaScript: one byte over the parser's limit is
// enough for it to report the input as too large.
const maxInput = model.MaxInputBytes + 1

func main() {
	js.Global().Set("verbatimParse", js.FuncOf(parse))
	select {} // serve calls until the worker is terminated
}

// parse is verbatimParse(bytes Uint8Array, format string[, url string]): url is the page's address,
// when the bookmarklet handed the page over.
func parse(_ js.Value, args []js.Value) any {
	if len(args) < 2 || args[0].Type() != js.TypeObject || args[1].Type() != js.TypeString {
		return failure(&parsejob.Error{Kind: parsejob.KindInternal, Message: "verbatimParse(bytes, format): bad arguments"})
	}
	n := min(args[0].Get("length").Int(), maxInput)
	src := make([]byte, n)
	js.CopyBytesToGo(src, args[0].Call("subarray", 0, n))
	pageURL := ""
	if len(args) > 2 && args[2].Type() == js.TypeString {
		pageURL = args[2].String()
	}
	out, err := runner.Run(src, args[1].String(), pageURL)
	if err != nil {
		return failure(err)
	}
	u := js.Global().Get("Uint8Array").New(len(out))
	js.CopyBytesToJS(u, out)
	return map[string]any{"article": u}
}

func failure(err error) any {
	var e *parsejob.Error
	if !errors.As(err, &e) {
		e = &parsejob.Error{Kind: parsejob.KindInternal, Message: err.Error()}
	}
	return map[string]any{"kind": e.Kind, "message": e.Message}
}
