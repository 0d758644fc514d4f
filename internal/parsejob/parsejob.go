// Package parsejob is the one parse job the import page hands to the parse worker (web/parse.wasm,
// built from cmd/parsewasm), and the errors that come back across the worker boundary.
//
// The reader's app.wasm does not link the parser: it imports this package for Error and the kinds
// only, and the linker drops Run with article.Parse behind it. cmd/parsewasm calls Run.
//
// Trust boundary: Run's input is untrusted (whatever was pasted, dropped, shared or opened) and goes
// through article.Parse, which sanitizes it. What crosses back to the page is either the article's
// JSON (which the page decodes with encoding/json into article.Article) or a kind and a message.
package parsejob

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	"verbatim/article"
)

// The kinds of error the worker reports. The page turns a kind back into an error that errors.Is
// the article package's sentinel, so that its messages do not depend on where Parse ran.
const (
	KindEmpty    = "empty"     // article.ErrEmpty
	KindTooLarge = "too-large" // article.ErrTooLarge
	KindBinary   = "binary"    // article.ErrBinary
	KindNoText   = "no-text"   // article.ErrNoText
	KindInvalid  = "invalid"   // any other Parse error (an unknown format)
	KindInternal = "internal"  // the parser failed (a panic, or the article did not encode)
	KindStart    = "start"     // the worker or parse.wasm could not start
)

// Run parses src in the given format ("" or "auto" to detect it) and returns the article as JSON,
// or an *Error. It never panics: a panic in the parser becomes a KindInternal error, so the worker
// stays alive for the page to terminate.
func Run(src []byte, format string) (out []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, &Error{Kind: KindInternal, Message: fmt.Sprintf("the parser failed: %v", r)}
		}
	}()
	a, perr := article.Parse(bytes.NewReader(src), article.Options{Format: article.Format(format)})
	if perr != nil {
		return nil, &Error{Kind: KindOf(perr), Message: perr.Error()}
	}
	out, jerr := json.Marshal(a)
	if jerr != nil {
		return nil, &Error{Kind: KindInternal, Message: "encoding the article: " + jerr.Error()}
	}
	return out, nil
}

// KindOf classifies an error of article.Parse.
func KindOf(err error) string {
	switch {
	case errors.Is(err, article.ErrEmpty):
		return KindEmpty
	case errors.Is(err, article.ErrTooLarge):
		return KindTooLarge
	case errors.Is(err, article.ErrBinary):
		return KindBinary
	case errors.Is(err, article.ErrNoText):
		return KindNoText
	}
	return KindInvalid
}

// Error is a parse error that came across the worker boundary: its kind, and the message of the
// error it was. The message is the parser's own text, never HTML; the page shows it as text.
type Error struct {
	Kind    string
	Message string
}

func (e *Error) Error() string { return e.Message }

// Unwrap returns the article sentinel of the kind, so errors.Is(err, article.ErrEmpty) holds for
// an empty input parsed in the worker exactly as for one parsed in place.
func (e *Error) Unwrap() error {
	switch e.Kind {
	case KindEmpty:
		return article.ErrEmpty
	case KindTooLarge:
		return article.ErrTooLarge
	case KindBinary:
		return article.ErrBinary
	case KindNoText:
		return article.ErrNoText
	}
	return nil
}

// Decode turns what the worker answered into an article: the JSON of a successful Run. A body that
// does not decode is reported as KindInternal.
func Decode(b []byte) (*article.Article, error) {
	var a article.Article
	if err := json.Unmarshal(b, &a); err != nil {
		return nil, &Error{Kind: KindInternal, Message: "reading the parsed article: " + err.Error()}
	}
	return &a, nil
}
