package article

import (
	"strings"
	"unicode"
)

// This file tells the language of an article's text for the quote engine, which picks its
// language-specific rules by it (German puts the speech verb before its subject, and capitalises
// every noun). A page may declare its language (model.Article.Lang); otherwise it is told from the
// text's most frequent function words.

// Languages the engine tells apart.
const (
	langEN = "en"
	langDE = "de"
)

// englishMarks and germanMarks are the most frequent function words of English and German news,
// which readWords counts.
var (
	englishMarks = wordList(lxMarkEN, "the", "and", "of", "to", "is", "was", "for", "that", "with", "on", "are",
		"were", "has", "have", "this", "from", "by", "it", "said", "but")
	germanMarks = wordList(lxMarkDE, "der", "die", "das", "und", "ist", "nicht", "mit", "sich", "auch", "auf",
		"für", "von", "dem", "den", "des", "ein", "eine", "einer", "wurde", "werden", "sind", "hat", "zu", "im")
)

// maxLangWords bounds the words readWords counts the marks of.
const maxLangWords = 4000

// langOf returns the engine's language for a declared language tag ("de", "de-AT", "en-US"), or ""
// when the tag names neither of its languages.
func langOf(tag string) string {
	p, _, _ := strings.Cut(strings.ToLower(tag), "-")
	switch p {
	case langDE:
		return langDE
	case langEN:
		return langEN
	}
	return ""
}

// langTally counts the marks of English and German among the first maxLangWords words.
type langTally struct{ en, de, n int }

// add counts a word that is one of English's marks (en), of German's (de), both or neither, and
// reports whether the tally wants more words.
func (t *langTally) add(en, de bool) bool {
	if en {
		t.en++
	}
	if de {
		t.de++
	}
	t.n++
	return t.n < maxLangWords
}

// german reports whether German's marks outnumber English's.
func (t *langTally) german() bool { return t.de > t.en }

// addWords counts the marks of the word tokens of ts, one by one, until the tally wants no more,
// and reports whether it wants more.
func (t *langTally) addWords(ts []tok) bool {
	for _, tk := range ts {
		if tk.kind() == tWord && !t.add(tk.is(lxMarkEN), tk.is(lxMarkDE)) {
			return false
		}
	}
	return true
}

// lang returns the language the tally tells: German when its marks outnumber the English ones,
// English otherwise.
func (t *langTally) lang() string {
	if t.german() {
		return langDE
	}
	return langEN
}

// textIsGerman reports whether the plain text src reads as German by readWords' measure: its
// first maxLangWords words hold more of German's marks than of English's. It is for the steps of
// the text's ingest that come before the tokenizer, such as splitRunIn.
func textIsGerman(src string) bool {
	var t langTally
	for w := range strings.FieldsFuncSeq(src, func(r rune) bool { return !unicode.IsLetter(r) }) {
		w = strings.ToLower(w)
		if !t.add(englishMarks.has(w), germanMarks.has(w)) {
			break
		}
	}
	return t.german()
}
