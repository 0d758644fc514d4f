package article

import (
	"errors"
	"io"
)

// Options tune Parse.
type Options struct {
	Format Format    // FormatAuto when empty
	URL    string    // the article's address: resolves relative links and fills Article.URL
	ID     ArticleID // the id to give the article; derived from the title when empty
}

// MaxInputBytes is the largest input Parse accepts.
const MaxInputBytes = 10 << 20

// ErrEmpty is returned for an input with no text.
var ErrEmpty = errors.New("the article is empty")

// Parse reads an untrusted article from r and returns it sanitized and structured.
func Parse(r io.Reader, opts Options) (*Article, error) {
	return nil, errors.New("not implemented yet")
}
