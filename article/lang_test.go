package article

import (
	"strings"
	"testing"
)

func TestLang(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, declared, text, want string }{
		{"English text", "", "Headline\n\nThe mayor said that the plan was good for the town.", langEN},
		{"German text", "", "Überschrift\n\nDie Bürgermeisterin sagte, dass der Plan für die Stadt gut ist und nicht teuer.", langDE},
		{"declared German wins over English words", "de-AT", "Headline\n\nThe mayor said that the plan was good.", langDE},
		{"declared English wins over German words", "en", "Überschrift\n\nDie Stadt ist nicht die Stadt und der Plan.", langEN},
		{"a language the engine does not know is told from the text", "fr", "Titre\n\nDer Plan ist nicht gut und die Stadt hat kein Geld.", langDE},
		{"no words", "", "", langEN},
		// Only the first maxLangWords words count, though the paragraph that reaches them goes on.
		{"the marks after the last counted word", "", "Headline\n\n" + strings.Repeat("lorem, ", maxLangWords-4) +
			"\n\nDer, die „Lorem“ das the the the the the.", langDE},
		{"the marks up to the last counted word", "", "Headline\n\n" + strings.Repeat("lorem, ", maxLangWords-8) +
			"\n\nDer, die „Lorem“ das the the the the the.", langEN},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			e := langSet(c.text, c.declared)
			got := langEN
			for _, ps := range e.ps {
				if ps.de {
					got = langDE
				}
			}
			if got != c.want {
				t.Fatalf("language %q, want %q", got, c.want)
			}
		})
	}
}

// langSet returns an engine that has scanned text (a headline, then body paragraphs separated by
// blank lines) and set its language, the one declared or else the one the text tells.
func langSet(text, declared string) *engine {
	e := newEngine(new(scratch))
	e.scan(splitParagraphs(text))
	e.setLang(declared)
	return e
}

// TestLangMarksAreWords checks what readWords counts on: no punctuation or quotation token is a
// mark of English or German, so that a paragraph's tokens are counted without asking their kind.
func TestLangMarksAreWords(t *testing.T) {
	t.Parallel()
	ws := []*word{&newlineWord, &otherPunct}
	for _, w := range asciiPunct {
		ws = append(ws, w)
	}
	for _, w := range punctWords {
		ws = append(ws, w)
	}
	for _, w := range ws {
		if w != nil && w.flags&(lxMarkEN|lxMarkDE) != 0 {
			t.Errorf("punctuation %q is a mark", w.lower)
		}
	}
	if quoteFlags&(lxMarkEN|lxMarkDE) != 0 {
		t.Error("a quotation is a mark")
	}
}
