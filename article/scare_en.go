package article

// This file holds English shapes of a quotation that names or glosses something rather than
// quoting anybody: the rules would give it the speaker of a verb nearby, and the carries that of
// a quotation nearby.

// termNamed reports whether English quotation token qi is a name or a gloss that the words right
// before it give to something, with nobody named who said it (namedAsTerm, glossedTerm).
func termNamed(ps *paraState, qi int) bool {
	return !ps.de && (namedAsTerm(ps.toks, qi) || glossedTerm(ps.toks, qi))
}

// namedAsTerm reports whether the quotation at token qi follows a participle of naming and "as"
// with no agent before it: "a business pitched as “…”", "an event billed as “…”", "the hacker
// known as “…”". The participle qualifies the noun before it, and the quotation is the name the
// thing goes by. "which he billed as “…”", "whom Smith billed as “…”" and "has billed as “…”"
// have an agent (a pronoun, a name, or a subject before the auxiliary), who used the words: there
// the rules decide.
func namedAsTerm(ts []tok, qi int) bool {
	as, p := qi-1, qi-2
	if p < 1 || ts[as].kind() != tWord || ts[as].lower() != "as" || ts[p].kind() != tWord || ts[p].cap() {
		return false
	}
	switch ts[p].lower() {
	case "known", "billed", "pitched", "marketed":
	default:
		return false
	}
	b := ts[p-1]
	if b.kind() != tWord {
		return true // "a small business - pitched as “…”": after a comma or a dash
	}
	switch b.lower() {
	case "has", "have", "had", "having", "who", "which", "that":
		return false
	}
	return !b.is(lxPronoun) && !b.cap()
}

// glossedTerm reports whether the quotation at token qi follows a language's or a register's
// name and "for": "“Si vis pacem,” Latin for “…”", "slang for “…”". It translates or glosses the
// words before it; whoever said those, the gloss is the writer's.
func glossedTerm(ts []tok, qi int) bool {
	if qi < 2 || ts[qi-1].kind() != tWord || ts[qi-1].lower() != "for" || ts[qi-2].kind() != tWord {
		return false
	}
	switch ts[qi-2].lower() {
	case "latin", "french", "spanish", "german", "italian", "arabic", "greek", "hebrew", "yiddish", "russian",
		"chinese", "japanese", "slang", "shorthand", "code", "euphemism":
		return true
	}
	return false
}

// maxDefinedTermWords bounds the words of a term that a sentence defines (termDefined).
const maxDefinedTermWords = 4

// termDefined reports whether the English quotation at token qi is a term that opens its sentence
// as the subject of a copula and a noun phrase that says what it is: "“Open vote” is the usual rule
// of the council", "“Backbencher” is a parliamentary term". Such a sentence mentions the term:
// no utterance (isUtterance), so the speaker of a quotation nearby does not carry to it, while a
// tag of its own still gives it one ("“Open vote” is the rule, Baker said"). A term that ends
// with punctuation or is longer is more likely a speaker's fragment ("“Town people” are “not out
// to close the mill,” he said" has no article after the copula either).
func termDefined(ps *paraState, qi int) bool {
	ts := ps.toks
	if qi+2 >= len(ts) || ts[qi+1].kind() != tWord || ts[qi+2].kind() != tWord {
		return false
	}
	switch ts[qi+1].lower() {
	case "is", "was", "are", "were":
	default:
		return false
	}
	switch ts[qi+2].lower() {
	case "a", "an", "the":
	default:
		return false
	}
	sp := ps.spans[ts[qi].q()]
	return sp.closed && isWordRune(sp.last) && countWords(ps.rs[sp.start:sp.end]) <= maxDefinedTermWords && sentenceStart(ps, qi) == qi
}
