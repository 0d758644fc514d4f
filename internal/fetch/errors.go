package fetch

import (
	"errors"
	"fmt"
	"net/http"
)

// Kind is what went wrong with a fetch, which decides the HTTP status the server answers.
type Kind int

// The kinds of Error.
const (
	KindURL      Kind = iota + 1 // the address is not one Verbatim fetches (scheme, credentials, syntax)
	KindRefused                  // the address is not public, or a redirect went to one
	KindTooLarge                 // the page is over the article limit
	KindType                     // the page is not a kind of text Verbatim reads
	KindUpstream                 // the site failed: no answer, an error status, too many redirects
	KindTimeout                  // the whole fetch took longer than its deadline
	KindArticle                  // the page was fetched but is not an article Verbatim can read
)

// Error is a refused or failed fetch. Its message is one line meant for the reader: it says what is
// wrong and, where it helps, what to do.
type Error struct {
	Kind Kind
	Msg  string
	Err  error // the cause, when there is one (model.ErrTooLarge, a parse error)
}

func (e *Error) Error() string { return e.Msg }

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Status is the HTTP status that answers a request refused with e.
func (e *Error) Status() int {
	switch e.Kind {
	case KindURL:
		return http.StatusBadRequest
	case KindRefused:
		return http.StatusForbidden
	case KindTooLarge:
		return http.StatusRequestEntityTooLarge
	case KindType:
		return http.StatusUnsupportedMediaType
	case KindTimeout:
		return http.StatusGatewayTimeout
	case KindArticle:
		return http.StatusUnprocessableEntity
	default:
		return http.StatusBadGateway
	}
}

func newError(k Kind, format string, args ...any) *Error {
	return &Error{Kind: k, Msg: fmt.Sprintf(format, args...)}
}

func refused(format string, args ...any) *Error { return newError(KindRefused, format, args...) }

// asError finds the *Error in err's chain.
func asError(err error) (*Error, bool) {
	var fe *Error
	ok := errors.As(err, &fe)
	return fe, ok
}
