package article

// germanNamedSubject returns the name that is the subject of the German sentence that starts at
// token lo when the sentence does not open with it: the name after a description that opens the
// sentence ("Der stellvertretende Fraktionsvorsitzende Michael Müller bezweifelte …"), the name
// after the finite verb ("Unterdessen verteidigte Sebastian Edathy den Entwurf"), or the name in
// apposition to a description ("Unterdessen verteidigte der Vorsitzende des Ausschusses,
// Sebastian Edathy (SPD), den Entwurf"). A pronoun in a later sentence ("Er sagte …") refers to it.
func germanNamedSubject(ts []tok, lo int) (a, b int, ok bool) {
	end := sentenceEndFrom(ts, lo)
	a, b, kind, v := germanSubject(ts, lo, end)
	if v < 0 || a <= lo {
		return 0, 0, false // no subject, or a name that opens the sentence (registerPara reads it)
	}
	if a < v {
		return a, b, kind == npName // a name after a description that opens the sentence
	}
	switch kind {
	case npName:
		return a, b, true
	case npDesc:
		if b+1 < end && ts[b].isPunct(",") && ts[b+1].kind() == tWord && ts[b+1].cap() && !ts[b+1].is(lxCapStop) {
			if j := nameRunEnd(ts, b+1, end); j > b+2 && j < end && (ts[j].isPunct(",") || ts[j].isPunct("(")) {
				return b + 1, j, true
			}
		}
	}
	return 0, 0, false
}

// sentenceEndFrom returns the index of the first sentence end or quotation mark at or after lo, or
// of the token maxSentence tokens on, or len(ts), whichever comes first.
func sentenceEndFrom(ts []tok, lo int) int {
	end := lo
	for end < len(ts) && end-lo < maxSentence && !ts[end].isSentenceEnd() && ts[end].kind() != tQuote {
		end++
	}
	return end
}
