package crossref

import (
	"fmt"
	"hash/fnv"
	"strings"

	"verbatim/article/slugify"
)

// Slug returns the stable URL slug of a person's name (Person.Name): slugify.ASCII of it, so
// "Dmitri Peskov" gives "dmitri-peskov" and "Márquez" "marquez". A name with no Latin letter or
// digit (say, in Cyrillic) gets "p-" and a hash of the name, so that every name has a slug and the
// same name always the same one. Every slug is a model.ValidSpeakerSlug.
//
// Trust boundary: name is untrusted text from an article; the slug is built from ASCII only.
func Slug(name string) string {
	if r := []rune(name); len(r) > MaxNameRunes {
		name = string(r[:MaxNameRunes])
	}
	if s := slugify.ASCII(name); s != "" {
		return s
	}
	h := fnv.New32a()
	h.Write([]byte(strings.TrimSpace(name)))
	return fmt.Sprintf("p-%08x", h.Sum32())
}
