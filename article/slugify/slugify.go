// Package slugify holds the one slug rule that article ids and people's URLs share. It is pure Go
// with no Verbatim imports, so both the parser (package article) and app.wasm's packages
// (article/crossref) use it.
package slugify

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// MaxBytes bounds a slug (model.ValidSpeakerSlug allows 80 bytes, model.ValidID 128).
const MaxBytes = 64

// ASCII is the slug rule of article ids (article.Slug) and people (crossref.Slug): lowercase ASCII
// letters and digits separated by single hyphens, accents folded ("Café" gives "cafe"),
// apostrophes dropped ("Trump's" gives "trumps"), at most 64 bytes cut at a hyphen when one is
// past the middle (MaxBytes); "" when nothing is left.
func ASCII(s string) string {
	var sb strings.Builder
	sb.Grow(min(len(s), MaxBytes) + 2) // the most the loop writes: it stops past MaxBytes, after a hyphen and a byte
	hyphen := false
	for _, r := range norm.NFKD.String(s) {
		switch {
		case r >= utf8.RuneSelf && unicode.Is(unicode.Mn, r): // no ASCII rune is a mark; Is searches a table
			continue
		case r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if hyphen && sb.Len() > 0 {
				sb.WriteByte('-')
			}
			hyphen = false
			sb.WriteRune(unicode.ToLower(r))
		case r == '\'' || r == '’':
		default:
			hyphen = true
		}
		if sb.Len() > MaxBytes {
			break
		}
	}
	out := sb.String()
	if len(out) > MaxBytes {
		cut := out[:MaxBytes]
		if i := strings.LastIndexByte(cut, '-'); out[MaxBytes] != '-' && i > MaxBytes/2 {
			cut = cut[:i]
		}
		out = strings.Trim(cut, "-")
	}
	return out
}
