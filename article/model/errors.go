package model

import (
	"errors"
	"fmt"
)

// MaxInputBytes is the largest input article.Parse accepts.
const MaxInputBytes = 10 << 20

// ErrEmpty is returned for an input with no text.
var ErrEmpty = errors.New("the article is empty: give a file that holds the article's text")

// ErrTooLarge is returned, wrapped in a *TooLargeError, for an input over MaxInputBytes.
var ErrTooLarge = errors.New("article too large")

// TooLargeError reports an input over MaxInputBytes. Size is the input's size in bytes when it is
// known (a file, or a reader that knows its length), else -1.
type TooLargeError struct {
	Size int64
}

func (e *TooLargeError) Error() string {
	size := "more than 10.0 MiB"
	if e.Size >= 0 {
		size = fmt.Sprintf("%.1f MiB", float64(e.Size)/(1<<20))
		if size == fmt.Sprintf("%.1f MiB", float64(MaxInputBytes)/(1<<20)) {
			size = fmt.Sprintf("%d bytes", e.Size) // just over: "10.0 MiB" would read as the limit
		}
	}
	return fmt.Sprintf("article too large: %s, the limit is %d MiB", size, MaxInputBytes>>20)
}

// Unwrap lets errors.Is(err, ErrTooLarge) find it.
func (e *TooLargeError) Unwrap() error { return ErrTooLarge }

// ErrBinary is returned, wrapped, for input that is not text.
var ErrBinary = errors.New("the input is not text")

// ErrNoText is returned when an input holds no readable text once sanitized.
var ErrNoText = errors.New("found no readable text in it; give a news article as text, HTML or Markdown")

// ErrNotArticle is returned for a full web page that is not an article: a search results page, a
// login wall, a section front or a menu, whose extracted body would be a page of links.
var ErrNotArticle = errors.New("this page does not look like an article (it reads as a page of links, a search page or a login wall); open the article itself and try again")
