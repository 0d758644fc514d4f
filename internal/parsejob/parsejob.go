// Package parsejob is what crosses the boundary between the import page and its parse worker
// (web/worker/parse-worker.js running web/parse.wasm, built from cmd/parsewasm): the article's
// JSON, or an error as a kind and a message. The job itself, article.Parse, is in package runner
// below, which only the worker (and the server-side build of app) import.
//
// It imports the Article contract (article/model) and no parser, so the reader's app.wasm can use it
// and still link no parser (scripts/deps.sh checks).
//
// Trust boundary: what the worker answers is decoded with encoding/json into model.Article (Decode),
// or becomes an *Error whose message is shown as text, never as HTML.
package parsejob

import (
	"encoding/json"
	"errors"

	"verbatim/article/model"
)

// The kinds of error the worker reports. The page turns a kind back into an error that errors.Is
// the article package's sentinel, so that its messages do not depend on where Parse ran.
const (
	KindEmpty      = "empty"       // model.ErrEmpty
	KindTooLarge   = "too-large"   // model.ErrTooLarge
	KindBinary     = "binary"      // model.ErrBinary
	KindNoText     = "no-text"     // model.ErrNoText
	KindNotArticle = "not-article" // model.ErrNotArticle
	KindInvalid    = "invalid"     // any other Parse error (an unknown format)
	KindInternal   = "internal"    // the parser failed (a panic, or the article did not encode)
	KindStart      = "start"       // the worker or parse.wasm could not start
)

// KindOf classifies an error of article.Parse (whose sentinels are model's).
func KindOf(err error) string {
	switch {
	case errors.Is(err, model.ErrEmpty):
		return KindEmpty
	case errors.Is(err, model.ErrTooLarge):
		return KindTooLarge
	case errors.Is(err, model.ErrBinary):
		return KindBinary
	case errors.Is(err, model.ErrNoText):
		return KindNoText
	case errors.Is(err, model.ErrNotArticle):
		return KindNotArticle
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

// Unwrap returns the article sentinel of the kind, so errors.Is(err, model.ErrEmpty) holds for
// an empty input parsed in the worker exactly as for one parsed in place.
func (e *Error) Unwrap() error {
	switch e.Kind {
	case KindEmpty:
		return model.ErrEmpty
	case KindTooLarge:
		return model.ErrTooLarge
	case KindBinary:
		return model.ErrBinary
	case KindNoText:
		return model.ErrNoText
	case KindNotArticle:
		return model.ErrNotArticle
	}
	return nil
}

// Decode turns what the worker answered into an article: the JSON of a successful Run. A body that
// does not decode is reported as KindInternal.
func Decode(b []byte) (*model.Article, error) {
	var a model.Article
	if err := json.Unmarshal(b, &a); err != nil {
		return nil, &Error{Kind: KindInternal, Message: "reading the parsed article: " + err.Error()}
	}
	return &a, nil
}
