package parsefile

import (
	"context"
	"io"
	"strings"

	"verbatim/internal/fetch"
)

// IsURL says whether the argument of `verbatim parse` names a page to fetch rather than a file: it
// has a scheme ("https://…", and also "ftp://…", which PrintURL then refuses clearly).
func IsURL(arg string) bool {
	scheme, _, ok := strings.Cut(arg, "://")
	return ok && scheme != "" && !strings.ContainsAny(scheme, `/\.`)
}

// PrintURL fetches the page at rawURL through internal/fetch's guard, as `verbatim serve -fetch`
// does (allow is its -fetch-allow list), and writes the Article to w as Print does. Every refusal
// is one line; nothing is written to w then.
func PrintURL(ctx context.Context, w io.Writer, rawURL, allow string) error {
	al, err := fetch.ParseAllow(allow)
	if err != nil {
		return err
	}
	a, err := fetch.New(fetch.Config{Allow: al}).Article(ctx, rawURL)
	if err != nil {
		return err
	}
	return encode(w, a)
}
