package fetch

import (
	"bytes"
	"context"
	"strings"

	"verbatim/article"
	"verbatim/article/model"
)

// Article fetches the page at rawURL (Fetch) and reads it with article.Parse, given the address it
// was fetched from after redirects: Parse makes the article's URL the page's canonical address when
// it declares one on the same host (its canonicalURL), and fills in the published date and the rest
// of the metadata. A page that is not an article is a KindArticle *Error.
func (f *Fetcher) Article(ctx context.Context, rawURL string) (*model.Article, error) {
	p, err := f.Fetch(ctx, rawURL)
	if err != nil {
		return nil, err
	}
	a, err := article.Parse(bytes.NewReader(p.Body), article.Options{Format: p.Format, URL: p.URL})
	if err != nil {
		if fe, ok := asError(err); ok {
			return nil, fe
		}
		return nil, &Error{Kind: KindArticle, Msg: "the page was fetched, but " + strings.TrimPrefix(err.Error(), "parsing article: "), Err: err}
	}
	return a, nil
}
