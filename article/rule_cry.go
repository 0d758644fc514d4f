package article

import "strings"

// cryVerbs are the English verbs of crying out words together or aloud: a crowd chants, a
// protester shouts. What they quote is a cry (“Lock her up!”, “What curfew?”), however much it
// looks like a title, and their subject is the ones who cry it.
var cryVerbs = setOf("chant", "chanted", "chanting", "shout", "shouts", "shouted", "shouting", "yell", "yells",
	"yelled", "yelling", "scream", "screams", "screamed", "screaming")

// isCry reports whether t is a verb of crying out (cryVerbs) in lower case.
func isCry(t tok) bool { return t.kind() == tWord && !t.cap() && cryVerbs[t.lower()] }

// ruleCry links an English quotation right after a verb of crying out (cryVerbs), or after it and
// a comma, to the verb's subject: "Protesters marching through the streets chanted “What curfew?”",
// "About 50 protesters had gathered …, chanting “no contract, no peace”", "The crowd shouted,
// “Four more years!”". The subject is a name, a pronoun or people (a description whose head is a
// speaking noun: "protesters", "the crowd"); a participle's is its clause's subject.
func ruleCry(ps *paraState, qi int) (match, bool) {
	ts := ps.toks
	if ps.de || qi < 2 {
		return match{}, false
	}
	v := qi - 1
	if ts[v].isPunct(",") {
		v--
	}
	if !isCry(ts[v]) {
		return match{}, false
	}
	lo := sentenceStart(ps, qi)
	if v <= lo || isPassive(ts, v, lo) {
		return match{}, false
	}
	gerund := strings.HasSuffix(ts[v].lower(), "ing")
	if a, b, kind := npBackward(ts, skipAdverbsBack(ts, v-1, lo), lo, true); crier(ts, b, kind) {
		// "The crowd chanted “…”"; "with dozens of marchers chanting “…”": the people before a
		// participle after "with" are its subject.
		w := a - 1
		for w > lo && a-w <= 4 && ts[w].kind() == tWord && (isCardinal(ts[w]) || quantityWords[ts[w].lower()]) {
			w--
		}
		if !gerund {
			return match{a: a, b: b, kind: kind, cue: v, rule: ruleCryID, intro: true}, true
		}
		if w >= lo && ts[w].kind() == tWord && ts[w].lower() == "with" {
			return match{a: w + 1, b: b, kind: kind, cue: v, rule: ruleCryID, intro: true}, true
		}
	}
	if !gerund && !strings.HasSuffix(ts[v].lower(), "ed") && !strings.HasSuffix(ts[v].lower(), "s") {
		return match{}, false // "the caustic chant “…”": a bare form right after its subject only
	}
	// A participle's subject is the subject of the clause it hangs on: the nearest clause that a
	// conjunction opens ("when Sanders protesters interrupted her speech, shouting “…”"), or else
	// the sentence.
	from := lo
	for j := v - 1; j > lo; j-- {
		if ts[j].kind() == tQuote || ts[j].kind() == tWord && !ts[j].cap() && clauseOpeners[ts[j].lower()] {
			from = j + 1
			break
		}
	}
	if a, b, kind := crySubject(ts, from, v); kind != npNone {
		return match{a: a, b: b, kind: kind, cue: v, rule: ruleCryID, intro: true}, true
	}
	// "Outside the arena, about 200 protesters congregated …": the subject after an opening phrase.
	for c := from; c < v && c-from <= 12; c++ {
		if ts[c].isPunct(",") {
			if a, b, kind := crySubject(ts, c+1, v); kind != npNone {
				return match{a: a, b: b, kind: kind, cue: v, rule: ruleCryID, intro: true}, true
			}
			break
		}
	}
	return match{}, false
}

// crySubject reads the people who open a clause at k, before the verb of crying out at v: a name,
// a pronoun or a description whose head speaks (sentenceSubject), or a number of people ("About 50
// protesters", "Hundreds of demonstrators"). A capitalised word before a determiner is a
// preposition that opens the sentence ("Outside the arena"), no name.
func crySubject(ts []tok, k, v int) (a, b int, kind npKind) {
	if a, b, kind = sentenceSubject(ts, k, v); crier(ts, b, kind) && !(kind == npName && b == a+1 && ts[b].is(lxDeterminer)) {
		if kind == npName && b == a+1 && ts[a].is(lxSpeakerNoun) {
			kind = npDesc // "Protesters marching …": a speaking noun that opens the sentence, no name
		}
		return a, b, kind
	}
	j := k
	for j < v && j-k < 4 && ts[j].kind() == tWord && (isCardinal(ts[j]) || quantityWords[ts[j].lower()]) {
		j++
	}
	if j > k {
		if _, b, kind := npForward(ts, j, v, true); crier(ts, b, kind) {
			return k, b, npDesc
		}
	}
	return 0, 0, npNone
}

// clauseOpeners open a clause inside a sentence, whose subject follows them.
var clauseOpeners = setOf("when", "while", "as", "after", "before", "because", "since", "until", "where")

// quantityWords open a phrase that counts people ("about 50", "hundreds of", "more than a dozen").
var quantityWords = setOf("about", "some", "nearly", "almost", "around", "roughly", "more", "than", "over", "hundreds",
	"dozens", "thousands", "scores", "of", "a", "dozen", "few")

// crier reports whether a mention of kind that ends at token b may cry out words: a name, a
// pronoun, or a description whose head is a speaking noun.
func crier(ts []tok, b int, kind npKind) bool {
	switch kind {
	case npName, npPronoun:
		return true
	case npDesc:
		return b > 0 && ts[b-1].kind() == tWord && ts[b-1].is(lxSpeakerNoun)
	}
	return false
}
