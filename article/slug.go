package article

import (
	"strings"
	"unicode"
	"verbatim/article/model"

	"golang.org/x/text/unicode/norm"
)

// maxSlug bounds the length of a derived ArticleID.
const maxSlug = 64

// Slug returns a stable ArticleID for a title: lower-case ASCII letters and digits separated by
// single hyphens, accents folded ("Café" gives "cafe"), at most 64 bytes cut at a hyphen, or
// "article" when nothing is left. The same title always gives the same slug.
func Slug(title string) model.ArticleID {
	var sb strings.Builder
	hyphen := false
	for _, r := range norm.NFKD.String(title) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if hyphen && sb.Len() > 0 {
				sb.WriteByte('-')
			}
			hyphen = false
			sb.WriteRune(unicode.ToLower(r))
		case r == '\'' || r == '’':
			// "Trump's" gives "trumps"
		default:
			hyphen = true
		}
		if sb.Len() > maxSlug {
			break
		}
	}
	s := sb.String()
	if len(s) > maxSlug {
		cut := s[:maxSlug]
		if i := strings.LastIndexByte(cut, '-'); s[maxSlug] != '-' && i > maxSlug/2 {
			cut = cut[:i]
		}
		s = cut
		s = strings.Trim(s, "-")
	}
	if s == "" {
		return "article"
	}
	return model.ArticleID(s)
}
