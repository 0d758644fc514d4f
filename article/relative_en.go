package article

// This file reads English relative clauses before a speech verb: the relative pronoun that is its
// subject ("Mike Pence, who called …", "a message that said …"), the mention a restrictive relative
// clause follows, and the name a "whose" clause follows.

// whoseOwner returns the name that a relative clause with "whose" follows, when the mention at a
// opens that clause: "Mr. Slinker, whose latest start-up, Paradata, uses big data …, said",
// "Marco Rubio, whose hometown, Miami, is projected …, argues". The verb after the comma that
// closes the clause is the name's; the caller asks only for a verb after a comma.
func whoseOwner(ts []tok, a, lo int) (na, nb int, ok bool) {
	for w := a - 1; w >= lo && a-w <= 6; w-- {
		t := ts[w]
		if t.kind() == tQuote || t.isSentenceEnd() {
			return 0, 0, false
		}
		if t.kind() != tWord || t.lower() != "whose" {
			continue
		}
		if w-2 < lo || !ts[w-1].isPunct(",") {
			return 0, 0, false
		}
		if na, nb, kind := npBackward(ts, w-2, lo, false); kind == npName && nb == w-1 {
			return na, nb, true
		}
		return 0, 0, false
	}
	return 0, 0, false
}

// relativeWho reports whether token p is the relative pronoun "who" after a comma or a name
// ("Mike Pence, who", "Rikkie Wells who"): the subject of the verb after it. After a common noun
// it restricts that noun, which is often an object ("asked a neighbour who suggested …").
func relativeWho(ts []tok, p, lo int) bool {
	if p <= lo || ts[p].kind() != tWord || ts[p].cap() || ts[p].lower() != "who" {
		return false
	}
	q := ts[p-1]
	return q.isPunct(",") || q.kind() == tWord && q.cap() && !q.is(lxCapStop)
}

// relativeThat reports whether token p is the relative pronoun "that" or "which" right after a
// common noun ("a message that said", "signs which read"): the subject of the verb after it. After
// a function word or a verb it is a conjunction ("so that", "said that").
func relativeThat(ts []tok, p, lo int) bool {
	if p <= lo || ts[p].kind() != tWord || ts[p].cap() || ts[p].lower() != "that" && ts[p].lower() != "which" {
		return false
	}
	q := ts[p-1]
	return q.kind() == tWord && !q.cap() && !isVerb(q) && !q.is(lxAdverb) && !q.is(lxPreposition) && !q.is(lxDeterminer) &&
		!q.is(lxPronoun) && !q.is(lxConjunction) && !isObjectPronoun(q.lower()) && !q.is(lxCapStop)
}

// relativeClauseSubject returns the mention that opens the sentence at lo when a restrictive
// relative clause follows it and runs up to the verb at v: "A White House official who spoke
// anonymously to discuss internal strategy said …", "Another Muslim who worshiped at the center
// and who didn't want to be named said …". The clause is words only (no comma, no quotation), and
// its first word is lower case: in "the man who Smith said was …" the verb is the clause's own.
func relativeClauseSubject(ts []tok, lo, v int) (a, b int, kind npKind) {
	if a, b, kind = relativeClauseAt(ts, lo, v); kind != npNone {
		return a, b, kind
	}
	// "Although there is no such overlap, a White House official who …": past an opening phrase.
	for c := lo; c < v && c-lo <= 20; c++ {
		if ts[c].kind() == tQuote || ts[c].isSentenceEnd() {
			break
		}
		if ts[c].isPunct(",") {
			return relativeClauseAt(ts, c+1, v)
		}
	}
	return 0, 0, npNone
}

// relativeClauseAt is relativeClauseSubject for a mention that starts at k.
func relativeClauseAt(ts []tok, k, v int) (a, b int, kind npKind) {
	a, b, kind = npForward(ts, k, v, false)
	if kind != npDesc && kind != npName || b+1 >= v || v-b > 20 || ts[b].kind() != tWord || ts[b].cap() || ts[b].lower() != "who" {
		return 0, 0, npNone
	}
	if f := ts[b+1]; f.kind() != tWord || f.cap() || f.is(lxDeterminer) || f.is(lxPronoun) {
		return 0, 0, npNone
	}
	for j := b + 1; j < v; j++ {
		if ts[j].kind() != tWord {
			return 0, 0, npNone
		}
	}
	return a, b, kind
}
