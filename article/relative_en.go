package article

import "strings"

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

// relativeWho reports whether token p is the relative pronoun "who" after a comma, a dash that
// opens an aside or a name ("Mike Pence, who", "Donald Trump - who", "Rikkie Wells who"): the
// subject of the verb after it. After a common noun it restricts that noun, which is often an
// object ("asked a neighbour who suggested …") or the one described in another's words ("slamming
// candidates who think they can “outsource” …").
func relativeWho(ts []tok, p, lo int) bool {
	if p <= lo || ts[p].kind() != tWord || ts[p].cap() || ts[p].lower() != "who" {
		return false
	}
	q := ts[p-1]
	return q.isPunct(",") || isAsideDash(ts, p-1) || q.kind() == tWord && q.cap() && !q.is(lxCapStop)
}

// relativeSubject reports whether token p is a relative pronoun that is the subject of the verb
// after it: "who" (relativeWho), or "that" or "which" after a common noun (relativeThat), or
// "which" after a comma or a dash (relativeWhich).
func relativeSubject(ts []tok, p, lo int) bool {
	return relativeWho(ts, p, lo) || relativeThat(ts, p, lo) || relativeWhich(ts, p, lo)
}

// relativeWhich reports whether token p is "which" after a comma or a dash that opens an aside:
// "the report, which notes", "the ad — which promises". It opens a clause about what the comma
// follows, whose subject it is.
func relativeWhich(ts []tok, p, lo int) bool {
	return p > lo && ts[p].kind() == tWord && !ts[p].cap() && ts[p].lower() == "which" && (ts[p-1].isPunct(",") || isAsideDash(ts, p-1))
}

// asideAfterWho returns the relative pronoun "who" that an aside between commas follows, when
// the aside ends at the comma at c right before a verb: "Bret Stephens, who, after trading insults
// with Mr. Hannity, said", "her campaign's leadership, who, on a press call Friday, criticized".
// The aside holds no quotation, no sentence end and no speech verb of its own.
func asideAfterWho(ts []tok, c, lo int) (int, bool) {
	if c <= lo || !ts[c].isPunct(",") {
		return 0, false
	}
	// The comma that opens the aside first, then the words between: a comma before a verb is
	// most often no aside's end, and the verbs' lookups are the cost.
	o := -1
	for j := c - 1; j > lo && c-j <= maxAppositive; j-- {
		if t := ts[j]; t.kind() == tQuote || t.isSentenceEnd() {
			return 0, false
		} else if t.isPunct(",") {
			o = j
			break
		}
	}
	if o < 0 || o >= c-1 || !relativeWho(ts, o-1, lo) {
		return 0, false
	}
	for j := o + 1; j < c; j++ {
		if t := ts[j]; t.kind() == tWord && isStrongVerb(t) && !strings.HasSuffix(t.lower(), "ing") {
			return 0, false
		}
	}
	return o - 1, true
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

// relativeAntecedent returns the noun phrase a relative pronoun at token tok stands for: the one
// right before it, past a comma or a dash ("Mike Pence, who", "Donald Trump - who", "the Associated
// Press report, which", "Clinton who").
func relativeAntecedent(ts []tok, tok int) (a, b int, kind npKind) {
	k := tok - 1
	if k >= 0 && (ts[k].isPunct(",") || isAsideDash(ts, k)) {
		k--
	}
	if k < 0 {
		return 0, 0, npNone
	}
	a, b, kind = npBackward(ts, k, max(0, k-maxNameWords), false)
	if kind == npNone && ts[tok].lower() == "who" {
		// "the ferry's captain, who": "who" stands for a person, whatever the noun; but not a
		// preposition's object ("Democrats across the country, who"), which it follows as often.
		if da, db, dk := npBackward(ts, k, max(0, k-maxNameWords), true); dk == npDesc && (da == 0 || !ts[da-1].is(lxPreposition)) {
			return da, db, dk
		}
	}
	if kind == npName && a >= 2 && ts[a-1].kind() == tWord && ts[a-1].lower() == "of" && ts[a-2].kind() == tWord && ts[a-2].cap() {
		// "Sen. Marco Rubio of Florida, who": the person, not the place after "of".
		if pa, pb, pk := npBackward(ts, a-2, max(0, a-2-maxNameWords), false); pk == npName && pb == a-1 {
			return pa, pb, pk
		}
	}
	return a, b, kind
}

// relativeAuxiliaries are the auxiliaries that may follow a relative pronoun before its verb,
// with an adverbial between: "who has in the past described", "who had long called".
var relativeAuxiliaries = setOf("has", "have", "had", "would", "will", "could", "can", "may", "might", "should", "did", "does", "do")

// whoBeforeAuxiliary returns the relative pronoun "who" (relativeWho) that an auxiliary and a
// short adverbial follow before the verb at k: "Beck, who has in the past described Trump as “…”",
// "Baker, who has long called the plan “…”". The words between are lower case, and hold no verb,
// no determiner and no pronoun after the auxiliary but those of a phrase of time ("in the past");
// the auxiliary right after "who" tells that "who" is the subject, not an object ("who Smith said").
func whoBeforeAuxiliary(ts []tok, k, lo int) (int, bool) {
	for j := k - 2; j > lo && k-j <= 5; j-- {
		t := ts[j]
		if t.kind() != tWord || t.cap() {
			return 0, false
		}
		if t.lower() != "who" || !relativeWho(ts, j, lo) {
			continue
		}
		// "who", then an auxiliary, then lower-case words with no verb and no pronoun.
		if !relativeAuxiliaries[ts[j+1].lower()] {
			return 0, false
		}
		for i := j + 2; i < k; i++ {
			if u := ts[i]; u.kind() != tWord || u.cap() || isVerb(u) || u.is(lxPronoun) || isObjectPronoun(u.lower()) {
				return 0, false
			}
		}
		return j, true
	}
	return 0, false
}

// relativeSpoke reports whether the verb at cue, whose subject is a relative pronoun, tells a
// speech ("who said", "who called them", "who praised"): a speaker a later pronoun may stand for.
// A clause of thought or wish ("who thinks the boats are “too slow”", "who wants", "who wondered
// if") quotes its antecedent's words but names no one who spoke (thoughtVerbs).
func relativeSpoke(ts []tok, cue int) bool {
	return cue < 0 || cue >= len(ts) || !thoughtVerbs[ts[cue].lower()]
}

// thoughtVerbs are English verbs of thought, wish and feeling in the present and the past, which
// report no words said.
var thoughtVerbs = setOf("think", "thinks", "thought", "believe", "believes", "believed", "want", "wants", "wanted",
	"hope", "hopes", "hoped", "fear", "fears", "feared", "feel", "feels", "felt", "wonder", "wonders", "wondered",
	"worry", "worries", "worried", "expect", "expects", "expected", "know", "knows", "knew", "doubt", "doubts",
	"doubted", "wish", "wishes", "wished", "suspect", "suspects", "suspected")
