package article

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// titleAfterOwner reports whether quotation token qi is a title after an owner or a preposition
// (“on ABC’s “This Week,””, “with "Fox and Friends"”): a name of a show or a book, said by nobody.
func titleAfterOwner(ps *paraState, qi int) bool {
	if qi == 0 {
		return false
	}
	if ps.toks[qi-1].lower() == "so-called" {
		return true // a so-called “term” is the writer's distance, nobody's words
	}
	p := ps.toks[qi-1]
	if f := ps.spans[ps.toks[qi].q()].first; p.kind() == tWord && p.is(lxWorkNoun) && (unicode.IsUpper(f) || unicode.IsDigit(f)) {
		return true // the movie “Sharknado 3: Oh Hell No!”, the podcast “Here’s the Thing.”, the film “2001”
	}
	if !ps.titleLike(ps.toks[qi].q()) {
		return false
	}
	if p.isPunct(",") && qi >= 2 {
		p = ps.toks[qi-2] // "a spot titled, “Arrogant,”"
	}
	if ps.de && quotedTerm(ps.toks, qi) && namedBefore(ps, qi) {
		return false // German: "nannte ihn eine „Zeitungsente“" quotes a term
	}
	if ps.de && indefiniteTerm(ps.toks, qi) && saidBefore(ps, qi) {
		return false // German: "sagte, es sei eine „Achse Berlin-Paris“" quotes a term
	}
	if ps.de && quotedTerm(ps.toks, qi) && saidAfter(ps, qi) {
		return false // German: "habe ihr einen „Ruck“ verpasst, sagte Jane Greaves" quotes a term
	}
	if ps.de && speechObject(ps, qi) {
		return false // German: "warnte vor den „…“" quotes a speech verb's object
	}
	if ps.de && alsTerm(ps.toks, qi) {
		return false // German: "bezeichnete ihn als den „…“" quotes a term
	}
	if ps.de && termBeforeVerb(ps.toks, qi) {
		return false // German: "hatte von einem „…“ gesprochen" quotes a term before its speech verb
	}
	if p.kind() != tWord || !(p.is(lxPossessive) || p.is(lxPreposition) || p.is(lxDeterminer) || p.is(lxTitledWord)) {
		return false
	}
	if !ps.de && p.is(lxDeterminer) {
		if _, ok := nicknameVerb(ps.toks, sentenceStart(ps, qi), qi); ok {
			return false // "called the mayor an “Aunt Tom”": a name someone gave (ruleNickname)
		}
	}
	return true
}

// titledWords introduce a title: “a spot titled “Arrogant””.
var titledWords = wordList(lxTitledWord, "titled", "entitled", "named", "dubbed", "called", "headlined", "nicknamed").
	with("lexicons/work-nouns.txt")

// workNouns name a work whose title may follow in marks, whatever its words: “the movie
// “Sharknado 3: Oh Hell No!””.
var workNouns = fileList(lxWorkNoun, "lexicons/work-nouns.txt")

// sentencePronouns open a sentence rather than a title.
var sentencePronouns = setOf("I", "We", "You", "He", "She", "They", "Ich", "Wir", "Er")

// isSentencePronoun reports whether the word w is one of sentencePronouns. A word longer than any
// of them is none, which it tells without making a string of it: isTitleLike asks it of every
// quotation's first word.
func isSentencePronoun(w []rune) bool {
	return len(w) <= sentencePronounRunes && sentencePronouns[string(w)]
}

// sentencePronounRunes is the length of the longest of sentencePronouns, in runes.
var sentencePronounRunes = longestRunes(sentencePronouns)

// smallWords may stay lower case in a title ("Meet the Press"); they carry lxSmallWord.
var smallWords = wordList(lxSmallWord, "of", "the", "a", "an", "and", "in", "on", "to", "for", "at", "by", "with", "or", "from",
	"de", "vs", "vs.", "is", "as", "into", "der", "die", "das", "und", "von", "la", "le", "du", "da", "dos", "del", "di",
	"für", "im", "am", "zum", "zur", "vom", "des", "dem")

// smallWordRunes is the length of the longest of smallWords, in runes: a longer word is none of
// them, which isSmallWord tells without making a string of it.
var smallWordRunes = longestRunes(smallWords.set)

// longestRunes returns the length of the longest word of set, in runes.
func longestRunes(set map[string]bool) int {
	n := 0
	for w := range set {
		n = max(n, utf8.RuneCountInString(w))
	}
	return n
}

// isSmallWord reports whether the word w is one of smallWords.
func isSmallWord(w []rune) bool {
	return len(w) <= smallWordRunes && smallWords.has(string(w))
}

// titleLike is isTitleLike of the paragraph's quotation k, worked out once: the rules ask it of a
// quotation several times.
func (ps *paraState) titleLike(k int) bool {
	switch ps.title[k] {
	case titleNo:
		return false
	case titleYes:
		return true
	}
	t := isTitleLike(ps.rs, ps.spans[k])
	ps.title[k] = titleNo
	if t {
		ps.title[k] = titleYes
	}
	return t
}

// The values of paraState.title.
const (
	titleUnknown uint8 = iota
	titleNo
	titleYes
)

// isTitleLike reports whether a quotation reads as a title or name: a few words, each capitalised
// but the small ones ("Meet the Press", “Fareed Zakaria GPS”).
func isTitleLike(rs []rune, sp span) bool {
	if sp.last == '?' || sp.last == '!' {
		return false
	}
	words, start := 0, true
	var wbuf [24]rune // the word being read: room for most, on the stack
	w := wbuf[:0]
	check := func() bool {
		if len(w) == 0 {
			return true
		}
		words++
		if unicode.IsUpper(w[0]) || unicode.IsDigit(w[0]) {
			return true
		}
		return words > 1 && isSmallWord(w)
	}
	for i, r := range rs[sp.start:sp.end] {
		if isSpaceRune(r) {
			if !check() || words == 1 && isSentencePronoun(w) {
				return false
			}
			if i > 0 && rs[sp.start+i-1] == '.' && len(w) > 2 {
				return false // two sentences: “The Donald. Big Daddy.”
			}
			w, start = w[:0], true
			continue
		}
		if start && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		start = false
		if r == '’' || r == '\'' {
			return false // a contraction: “We’re America.”
		}
		w = append(w, r)
	}
	if !check() {
		return false
	}
	return words >= 1 && words <= 7
}

// maxSourceNameWords bounds the words of a source's name in marks after "laut" (sourceName).
const maxSourceNameWords = 4

// sourceName reports whether German quotation token qi is the name of the source that "laut"
// introduces, right after it or after an article and the source's noun: "laut „Reuters“", "Laut
// der Website „icelandreview.com“", "kommentierte die Entscheidung laut „news.bbc.co.uk“ mit
// folgenden Worten: …". It is a name of a few words with no sentence mark, which nobody says: "laut
// Zeugen „Britain First“" and "laut Gall „auch in Zukunft bestehen“" stay words of the source.
func sourceName(ps *paraState, qi int) bool {
	ts := ps.toks
	if !ps.de || qi < 1 {
		return false
	}
	sp := ps.spans[ts[qi].q()]
	switch sp.last {
	case '.', '!', '?', '…', ':', ',':
		return false
	}
	if countWords(ps.rs[sp.start:sp.end]) > maxSourceNameWords {
		return false
	}
	p := qi - 1
	if p > 1 && ts[p].kind() == tWord && ts[p].cap() && !ts[p].is(lxCapStop) {
		if !periodicalNoun(ts[p]) && !nameShaped(ps.rs, sp) {
			return false // "laut der Polizei „völlig überraschend“": what the source said
		}
		p-- // the source's noun: "der Website"
		for p > 1 && ts[p].kind() == tWord && !ts[p].cap() && !ts[p].is(lxDeterminer) && !ts[p].is(lxCapStop) {
			p-- // its adjectives: "der britischen Agentur"
		}
		if !ts[p].is(lxDeterminer) || ts[p].cap() {
			return false
		}
		p--
	}
	return ts[p].kind() == tWord && ts[p].lower() == "laut"
}

// nameShaped reports whether the quotation of span sp reads as a name: it opens with a capital
// letter or a digit ("Reuters", "3sat"), or a period stands between two letters of it, as in a
// web address ("hafen.de"). Words in lower case ("völlig überraschend") are what
// somebody said.
func nameShaped(rs []rune, sp span) bool {
	if unicode.IsUpper(sp.first) || unicode.IsDigit(sp.first) {
		return true
	}
	for i := sp.start + 1; i+1 < sp.end; i++ {
		if rs[i] == '.' && unicode.IsLetter(rs[i-1]) && unicode.IsLetter(rs[i+1]) {
			return true
		}
	}
	return false
}

// parenGloss reports whether German quotation token qi is a gloss or a name inside parentheses,
// not a statement: it follows the opening parenthesis, perhaps after one lower-case word
// ("(deutsch „…“)") or another such quotation and a comma, "und" or "oder" ("(„Hartz IV“, „Rente
// mit 67“)"), a comma or the closing parenthesis follows it, it has no sentence mark of its own,
// and the parenthesis follows the name in marks or the noun it glosses: "Operation „Cast Lead“
// („gegossenes Blei“)". A sentence in parentheses after a name ("(„Mir
// fällt niemand ein.“)") is that person's statement, and stays one.
func parenGloss(ps *paraState, qi int) bool {
	ts := ps.toks
	if !ps.de || qi < 1 || qi+1 >= len(ts) || !ts[qi+1].isPunct(")") && !ts[qi+1].isPunct(",") {
		return false
	}
	for {
		switch lastContentRune(ps.rs, ps.spans[ts[qi].q()]) {
		case '.', '!', '?', '…':
			return false
		}
		j := qi - 1
		if j >= 1 && ts[j].kind() == tWord && !ts[j].cap() && ts[j-1].isPunct("(") {
			j-- // "(deutsch „…“)"
		}
		if ts[j].isPunct("(") {
			// after a name in marks or a noun it glosses, not inside a phrase ("so genannte
			// („mutmaßliche“) Linksextremisten" inserts a word into reported speech)
			return j >= 1 && (ts[j-1].kind() == tQuote || ts[j-1].kind() == tWord && ts[j-1].cap())
		}
		if j < 1 || ts[j-1].kind() != tQuote || !(ts[j].isPunct(",") || ts[j].lower() == "und" || ts[j].lower() == "oder") {
			return false
		}
		qi = j - 1 // the quotation before it in the list
	}
}

// titleShaped reports whether a closed quotation reads as the title of a work, as an apposition
// holds one ("the co-author of "Going Viral,"", "author of “America’s Unwritten Constitution,”"):
// one to six words, the first capitalised or a number and the others too but the small ones, a
// possessive allowed ("America's"), no sentence ending inside and no question or exclamation.
// Unlike isTitleLike it is worked out for every English quotation, when the language is set, for
// rules that see only tokens.
func titleShaped(rs []rune, sp span) bool {
	if !sp.closed || sp.last == '?' || sp.last == '!' || !unicode.IsUpper(sp.first) && !unicode.IsDigit(sp.first) {
		return false
	}
	words := 0
	for i := sp.start; i < sp.end; {
		for i < sp.end && isSpaceRune(rs[i]) {
			i++
		}
		if i == sp.end {
			break
		}
		j := i
		for j < sp.end && !isSpaceRune(rs[j]) {
			j++
		}
		words++
		if words > 6 {
			return false
		}
		w := rs[i:j]
		for len(w) > 0 && !unicode.IsLetter(w[len(w)-1]) && !unicode.IsDigit(w[len(w)-1]) {
			if j < sp.end && (w[len(w)-1] == '.' && len(w) > 2) {
				return false // two sentences: “The Donald. Big Daddy.”
			}
			w = w[:len(w)-1]
		}
		for len(w) > 0 && !unicode.IsLetter(w[0]) && !unicode.IsDigit(w[0]) {
			w = w[1:]
		}
		if n := len(w); n > 2 && (w[n-1] == 's' || w[n-1] == 'S') && (w[n-2] == '\'' || w[n-2] == '’') {
			w = w[:n-2] // a possessive: "America's"
		}
		// A word in lower case is asked first, as it ends most quotations' test at their second
		// word (every test here can only say no, so their order tells nothing).
		if len(w) > 0 && !unicode.IsUpper(w[0]) && !unicode.IsDigit(w[0]) && (words == 1 || !isSmallWord(w)) {
			return false
		}
		if slices.Contains(w, '\'') || slices.Contains(w, '’') {
			return false // a contraction: “We’re America.”
		}
		i = j
	}
	return words >= 1
}
