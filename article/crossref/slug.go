package crossref

import (
	"fmt"
	"hash/fnv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// maxSlug bounds a person's slug (model.ValidSpeakerSlug allows 80 bytes).
const maxSlug = 64

// Slug returns the stable URL slug of a person's name (Person.Name): lowercase ASCII letters and
// digits joined by single hyphens, accents folded ("Dmitri Peskov" gives "dmitri-peskov", "Márquez"
// "marquez"), at most 64 bytes cut at a hyphen. A name with no Latin letter or digit left (say, in
// Cyrillic) gets "p-" and a hash of the name, so that every name has a slug and the same name always
// the same one. Every slug is a model.ValidSpeakerSlug.
//
// Trust boundary: name is untrusted text from an article; the slug is built from ASCII only.
func Slug(name string) string {
	if r := []rune(name); len(r) > MaxNameRunes {
		name = string(r[:MaxNameRunes])
	}
	var sb strings.Builder
	hyphen := false
	for _, r := range norm.NFKD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r), r == '\'', r == '’', r == '.':
			// "O’Brien" gives "obrien", "Jr." gives "jr"
		case r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if hyphen && sb.Len() > 0 {
				sb.WriteByte('-')
			}
			hyphen = false
			sb.WriteRune(unicode.ToLower(r))
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
		s = strings.Trim(cut, "-")
	}
	if s == "" {
		h := fnv.New32a()
		h.Write([]byte(strings.TrimSpace(name)))
		return fmt.Sprintf("p-%08x", h.Sum32())
	}
	return s
}
