package article

// This file finds where a German clause ends: a subordinate or relative clause closes with its
// finite verb and a comma, and an insertion between commas may stand between a subject and its verb.

// subordinatorsDe open a German subordinate clause, which ends in its finite verb: "Als er kam,",
// "Nachdem die Polizei eingetroffen war,".
var subordinatorsDe = setOf("als", "wenn", "nachdem", "weil", "obwohl", "obgleich", "während", "da", "sobald", "bevor",
	"ehe", "seit", "seitdem", "falls", "indem", "wie", "ob", "dass", "solange", "um", "ohne", "statt", "anstatt", "zumal")

// maxClause bounds the tokens of a German subordinate clause or an insertion between commas.
const maxClause = 2 * maxGermanNP

// finiteAfterComma reports whether token j, after a comma, may be the finite verb of the main
// clause: a lower-case word that is no determiner, preposition, conjunction, pronoun or
// subordinator.
func finiteAfterComma(ts []tok, j, end int) bool {
	if j >= end || ts[j].kind() != tWord || ts[j].cap() {
		return false
	}
	t := ts[j]
	return !t.is(lxDeterminer) && !t.is(lxPreposition) && !t.is(lxConjunction) && !t.is(lxPronoun) && !subordinatorsDe[t.lower()] &&
		!relativesDe[t.lower()] && !isNumber(t)
}

// relativesDe open a German relative clause after a comma: ", der als Zeuge gilt,".
var relativesDe = setOf("der", "die", "das", "den", "dem", "deren", "dessen", "welcher", "welche", "welches", "welchen", "welchem")

// clauseClose returns the comma in tokens [j, end) that closes a clause or an insertion before the
// main clause's finite verb: the first comma followed by a word that may be that verb
// (finiteAfterComma), within maxClause tokens and with no quotation or sentence end between. A
// clause that ends in its verb (verbFinal) ends in a lower-case word. It returns -1 when there is
// none.
func clauseClose(ts []tok, j, end int, verbFinal bool) int {
	for c := j; c < end && c-j <= maxClause; c++ {
		t := ts[c]
		if t.kind() == tQuote || t.isSentenceEnd() {
			return -1
		}
		if t.isPunct(",") && c > j && (!verbFinal || ts[c-1].kind() == tWord && !ts[c-1].cap() && !ts[c-1].is(lxPronoun) &&
			!ts[c-1].is(lxDeterminer) && !ts[c-1].is(lxPreposition)) && finiteAfterComma(ts, c+1, end) {
			return c
		}
	}
	return -1
}

// subordinateEnd returns the comma that closes a subordinate clause opening the German sentence at
// lo ("Als ein Fluggast zu Hilfe eilte, biss …", "Wie der Sender berichtet, gab …"), or -1.
func subordinateEnd(ts []tok, lo, end int) int {
	if lo >= end || ts[lo].kind() != tWord || !ts[lo].cap() || !subordinatorsDe[ts[lo].lower()] {
		return -1
	}
	return clauseClose(ts, lo+1, end, true)
}

// insertEnd returns the index after a relative clause, an infinitive clause, a clause with "dass"
// that gives a noun's content or an appositive that stands between a German subject ending at b
// and its finite verb ("Der Ermittler, der als Zeuge gilt, will", "Aussagen, dass die Stadt
// sparen werde, schenkt er keinen Glauben", "Jim DeMint, ein prominentes Mitglied des Hauses,
// wollte"), or b when there is none: a comma, a relative pronoun, "dass" or a determiner, and the
// comma that closes the insertion before the verb.
func insertEnd(ts []tok, b, end int) int {
	if b+1 >= end || !ts[b].isPunct(",") || ts[b+1].kind() != tWord {
		return b
	}
	clause := relativesDe[ts[b+1].lower()] || ts[b+1].lower() == "dass" // a clause with its finite verb last
	if !ts[b+1].cap() && (clause || ts[b+1].is(lxDeterminer)) {
		if c := clauseClose(ts, b+2, end, clause); c > 0 {
			return c + 1
		}
		return b
	}
	// An infinitive clause: "Das Angebot, Verwundete in Krankenhäusern behandeln zu lassen, lehnt er ab".
	if c := clauseClose(ts, b+1, end, true); c > b+2 && ts[c-2].lower() == "zu" {
		return c + 1
	}
	return b
}

// clauseOpens reports whether token p opens a clause, so that the phrase after it may be its
// subject: a comma, a parenthesis, a conjunction, "wie" or "dass".
func clauseOpens(p tok) bool {
	return p.isPunct(",") || p.isPunct("(") || p.kind() == tWord && (p.is(lxConjunction) || p.lower() == "wie" || p.lower() == "dass" ||
		!p.cap() && subordinatorsDe[p.lower()] && !p.is(lxPreposition))
}
