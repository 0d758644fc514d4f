package article

import "strings"

// This file reads what an article tells of a person's gender: an honorific, a given name, a pronoun
// that stands for the person. Everything it reads is untrusted article text; it keeps a few bits an
// entity.

// gender is what an article tells of a person's gender: nothing, male ("Mr. Trump", "Trump said
// he …"), female ("Mrs. Clinton", "Clinton said she …"), or both, which tells nothing either.
type gender uint8

const (
	genderUnknown gender = iota
	genderMale
	genderFemale
	genderMixed
)

// note records evidence g of the entity's gender; evidence against what was noted before makes
// it mixed, which rules no pronoun out.
func (e *entity) note(g gender) {
	switch {
	case e == nil || g == genderUnknown || e.gender == g:
	case e.gender == genderUnknown:
		e.gender = g
	default:
		e.gender = genderMixed
	}
}

// fits reports whether a pronoun of gender g may name the entity.
func (e *entity) fits(g gender) bool {
	return e == nil || g == genderUnknown || e.gender == genderUnknown || e.gender == genderMixed || e.gender == g
}

// honorificGender returns the gender an English honorific among tokens [a, b) tells ("Mr.",
// "Mrs.", "Ms."), or genderUnknown. Every honorific is one of the titles, so a token that has no
// title's flag is passed over with a bit test, not compared with each honorific.
func honorificGender(ts []tok, a, b int) gender {
	for i := a; i < b; i++ {
		if !ts[i].is(lxTitle) {
			continue
		}
		switch ts[i].lower() {
		case "mr", "mr.":
			return genderMale
		case "mrs", "mrs.", "ms", "ms.":
			return genderFemale
		}
	}
	return genderUnknown
}

// givenNamesMen and givenNamesWomen hold the English given names that name a man or a woman in
// nearly every use ("Thomas", "Hillary"); names given to both are in neither (TestGivenNamesApart).
var (
	givenNamesMen   = fileList(lxGivenMan, "lexicons/given-names-men-en.txt")
	givenNamesWomen = fileList(lxGivenWoman, "lexicons/given-names-women-en.txt")
)

// givenNameGender returns the gender an English given name tells (w lower case, as an entity's
// words are), or genderUnknown: "Tom Baker" is a man and "Jane Baker" a woman until the article
// tells otherwise, so that "she" passes over the one and "he" over the other.
func givenNameGender(w string) gender {
	switch {
	case givenNamesMen.has(w):
		return genderMale
	case givenNamesWomen.has(w):
		return genderFemale
	}
	return genderUnknown
}

// givenNameOf is givenNameGender of the name word t (nameWord's key): a word that is its own key
// carries its lexicon's flag, and only one with a final period or a possessive ending is looked up.
func givenNameOf(t tok) gender {
	switch {
	case t.is(lxGivenMan):
		return genderMale
	case t.is(lxGivenWoman):
		return genderFemale
	case t.is(lxPossessive) || strings.HasSuffix(t.lower(), "."):
		return givenNameGender(nameWord(t))
	}
	return genderUnknown
}

// pronounGender returns the gender of an English subject pronoun ("he", "she"), or genderUnknown.
func pronounGender(t tok) gender {
	switch pronounStem(t) {
	case "he":
		return genderMale
	case "she":
		return genderFemale
	}
	return genderUnknown
}

// pronounOfName returns the gender a pronoun after the full name [a, b) tells of its person: one
// of the few words after it when the name opens its sentence (pronounAfterName), else a subject
// pronoun right after its verb ("… as Jane Baker said she would"), as reporterPronoun reads it. A
// name after a preposition or a comma may be no subject ("the wife of Tom Baker said she", "in
// Columbia, South Carolina says she"), and is not asked.
func pronounOfName(ts []tok, a, b int) gender {
	if sentenceOpensAt(ts, a) {
		return pronounAfterName(ts, b)
	}
	if ts[a-1].is(lxPreposition) || ts[a-1].isPunct(",") {
		return genderUnknown
	}
	return reporterPronoun(ts, b)
}

// pronounAfterName returns the gender of the first subject, possessive or reflexive pronoun among
// the few tokens of the sentence after a full name that ends at j ("Jane Baker said her plan",
// "Tom Baker, who said he", "Baker herself"), or genderUnknown: the window ends at a quotation
// mark, at the sentence's end, at a capitalised word, where another name may stand for it, and
// at a comma that opens no "who" clause of the person's own ("Clinton, his opponent").
func pronounAfterName(ts []tok, j int) gender {
	for k := j; k < len(ts) && k-j < pronounWindow; k++ {
		t := ts[k]
		if t.kind() == tQuote || t.isSentenceEnd() || t.kind() == tWord && t.cap() {
			return genderUnknown
		}
		if t.isPunct(",") && (k+2 >= len(ts) || ts[k+1].lower() != "who" || ts[k+2].is(lxPronoun)) {
			return genderUnknown // "Trump, though she", "Baker, who he backs": another's clause
		}
		if t.kind() != tWord {
			continue
		}
		if k > j && t.is(lxSpeechVerb) && strings.HasSuffix(t.lower(), "ing") && !isVerb(ts[k-1]) && ts[k-1].lower() != "is" && ts[k-1].lower() != "was" {
			return genderUnknown // "issued a statement saying his …": a participle may report another
		}
		switch t.lower() {
		case "him", "them", "they", "their", "themselves":
			return genderUnknown // another person, or a group
		case "his", "himself":
			return genderMale
		case "herself":
			return genderFemale
		case "her":
			// A possessive before its noun ("said her plan"), not the object ("told her"): an
			// object is someone else.
			if k+1 < len(ts) && ts[k+1].kind() == tWord && !ts[k+1].cap() && !ts[k+1].is(lxPreposition|lxDeterminer|lxPronoun) && !isVerb(ts[k+1]) {
				return genderFemale
			}
			return genderUnknown
		}
		if g := pronounGender(t); g != genderUnknown {
			return g
		}
	}
	return genderUnknown
}

// sentenceOpensAt reports whether token a opens a sentence, or follows a quotation that a comma
// closes ("“…,” Jane Baker said"): a name there is its clause's subject, which a pronoun after it
// may stand for; a name in the middle may be an object ("backs Hillary Clinton, who he …").
func sentenceOpensAt(ts []tok, a int) bool {
	return a == 0 || ts[a-1].isSentenceEnd() || a >= 2 && ts[a-1].kind() == tQuote && ts[a-2].isPunct(",")
}

// pronounWindow is how many tokens after a full name pronounAfterName reads.
const pronounWindow = 8
