package article

// ruleRelativeSaid links a German quotation right after the colon or comma that closes a relative
// clause to the phrase the clause hangs on, when the clause's relative pronoun is the subject of
// the speech verb that closes it: "Am Hafen stand Becker, der am Montag erklärte, „…“", "Der
// Senator begrüßte Anna Schmidt, die sagte: „…“". It runs before the rules that read the main
// clause's subject (before, colon-intro), which is not the speaker here. It runs only on German
// text.
func ruleRelativeSaid(ps *paraState, qi int) (match, bool) {
	if !ps.de {
		return match{}, false
	}
	return relativeSaidIntro(ps.toks, qi, sentenceStart(ps, qi))
}

// insertPrepositionsDe are German prepositions the lexicon's prepositions leave out that open a
// phrase between a relative pronoun and its verb: "…, die gegenüber der Presse erklärte".
var insertPrepositionsDe = setOf("gegenüber", "an", "auf", "unter", "während", "seit")

// relativeSaidIntro links quotation token qi, right after the colon or comma that closes a
// relative clause, to the phrase the clause hangs on (antecedent) when the clause's relative
// pronoun is its subject and its speech verb closes it: "Am Hafen stand Becker, der am Montag
// erklärte, „…“", "Die Sprecherin, die sagte: „…“". Between the pronoun and the verb stand
// only adverbs, a time, prepositional phrases and objects in the dative or accusative (objectCase,
// obliqueDer): another subject there ("…, das er erklärte") makes the pronoun the verb's object.
func relativeSaidIntro(ts []tok, qi, lo int) (match, bool) {
	c := qi - 1
	if c-3 < lo || !ts[c].isPunct(":") && !ts[c].isPunct(",") {
		return match{}, false
	}
	k := c - 1
	if ts[k].kind() == tWord && auxiliariesDe[ts[k].lower()] {
		k-- // "…, der erklärt hatte, „…“"
	}
	if k <= lo || !isStrongVerb(ts[k]) {
		return match{}, false
	}
	r := relativeComma(ts, lo, k)
	if r < 0 {
		return match{}, false
	}
	for i := r + 2; i < k; {
		if j := skipTimeFwdDe(ts, skipAdverbsFwd(ts, i, k), k); j > i {
			i = j
			continue
		}
		t := ts[i]
		if t.kind() != tWord || t.cap() {
			return match{}, false
		}
		if (t.is(lxPreposition) || insertPrepositionsDe[t.lower()]) && !objectCase[t.lower()] {
			if _, _, kind, e := germanPhrase(ts, i+1, k); kind != npNone && e > i+1 {
				i = e // "gegenüber der Presse", "vor Journalisten"
				continue
			}
			return match{}, false
		}
		if objectCase[t.lower()] || obliqueDer(ts, i, k) {
			if _, _, kind, e := germanPhrase(ts, i, k); kind != npNone && kind != npPronoun && e > i {
				i = e // "…, der der Zeitung sagte"
				continue
			}
		}
		return match{}, false
	}
	a, b, kind := antecedent(ts, r, lo)
	if kind == npNone {
		return match{}, false
	}
	return match{a: a, b: b, kind: kind, cue: k, rule: ruleRelativeSaidID, intro: ts[c].isPunct(":")}, true
}
