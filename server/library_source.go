package server

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"iter"

	"verbatim/article"
	"verbatim/article/model"
)

// sourceFingerprint returns the fingerprint of a content file's bytes: their SHA-256, in hex. The
// export compares it with the one its manifest holds to know which articles changed without
// rendering them again.
func sourceFingerprint(body []byte) string {
	sum := sha256.Sum256(body)
	return hex.EncodeToString(sum[:])
}

// fingerprinting wraps a parseFunc and keeps the fingerprint of the bytes it was last given, so that
// the fingerprint is of exactly the bytes parsed, even when the file changes while it is read.
type fingerprinting struct {
	parse parseFunc
	last  string
}

// Parse reads r, notes its fingerprint and parses it.
func (f *fingerprinting) Parse(r io.Reader, opts article.Options) (*model.Article, error) {
	body, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	f.last = sourceFingerprint(body)
	return f.parse(bytes.NewReader(body), opts)
}

// setSource records the fingerprint of article id's source file.
func (l *library) setSource(id model.ArticleID, fingerprint string) {
	if l.sources == nil {
		l.sources = make(map[model.ArticleID]string)
	}
	l.sources[id] = fingerprint
}

// All yields every article's id and the fingerprint of its source file, in library order
// (app.CompareSummaries).
func (l *library) All() iter.Seq2[model.ArticleID, string] {
	return func(yield func(model.ArticleID, string) bool) {
		for _, s := range l.listed {
			if !yield(s.ID, l.sources[s.ID]) {
				return
			}
		}
	}
}

// Len returns how many articles the library has.
func (l *library) Len() int { return len(l.listed) }
