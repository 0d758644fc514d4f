package article

// ruleSentenceEnd links a quotation to an attribution that closes its sentence after it, past
// other words: `“the beginning of the end” for the EU, said Geert Wilders.`, `Obama “felt a moral
// obligation” to act, Axelrod said.` The closing clause follows the sentence's last comma and
// runs to its end.
func ruleSentenceEnd(ps *paraState, qi int) (match, bool) {
	ts := ps.toks
	n := len(ts)
	if closedSentence(ps, qi) && qi+1 < n && ts[qi+1].kind() == tWord && ts[qi+1].cap() {
		return match{}, false // the sentence ends with the quotation: “Is it off?” Dalton Brody is a store, …
	}
	end := -1
	for j := qi + 1; j < n && j-qi <= maxSentence; j++ {
		if ts[j].isSentenceEnd() {
			end = j
			break
		}
		if ts[j].kind() == tQuote {
			l := lastContentRune(ps.rs, ps.spans[ts[j].q()])
			if l == '.' || l == '!' || l == '?' {
				return match{}, false // the sentence ends inside a later quotation
			}
		}
	}
	if end < 0 {
		end = n
	}
	if ps.de {
		// German `„…“ über das Geschehen, sagte die Königin, ihre „…“`: the verb and its subject
		// after one of the first commas past the quotation, when the sentence goes on after them.
		tries := 0
		for j := qi + 1; j < end-1 && j-qi <= 24 && tries < 3; j++ {
			if ts[j].kind() == tQuote {
				break
			}
			if ts[j].isPunct(",") {
				tries++
				if a, b, k, v := germanClosing(ts, j+1, end); k != npNone {
					return match{a: a, b: b, kind: k, cue: v, rule: ruleSentenceEndID}, true
				}
			}
		}
	}
	// Try the last commas of the sentence: `, said Tom Baker, the senator.` closes after two.
	tries := 0
	for j := end - 1; j > qi && end-j <= 24 && tries < 3; j-- {
		if ts[j].kind() == tQuote {
			return match{}, false
		}
		if ts[j].isPunct(",") {
			tries++
			if ps.de {
				// German `…, sagte die Ministerin.`: the verb, then its subject, close the sentence.
				if a, b, k, v := germanClosing(ts, j+1, end); k != npNone {
					return match{a: a, b: b, kind: k, cue: v, rule: ruleSentenceEndID}, true
				}
			}
			if ps.de && j+1 < end && ts[j+1].lower() == "so" {
				// German `…, so Rice.`: the source closes the sentence after "so", perhaps
				// before adverbs (`…, so ein Sprecher weiter.`).
				if a, b, k, e := germanPhrase(ts, j+2, end); k != npNone && (b == end || e >= b && adverbsToEnd(ts, e, end)) {
					return match{a: a, b: b, kind: k, cue: j + 1, rule: ruleSentenceEndID}, true
				}
			}
			if m, ok := closingClause(ts, j+1, end); ok {
				return m, true
			}
		}
	}
	return match{}, false
}

// closingClause reads `said X` or `X said` (with an appositive or a short phrase) filling tokens
// [t, end): the attribution that closes a sentence.
func closingClause(ts []tok, t, end int) (match, bool) {
	// `, according to X.`: the source of the whole sentence closes it.
	if t+1 < end && ts[t].lower() == "according" && ts[t+1].lower() == "to" {
		if a, b, k := accordingSource(ts, t+2, end); k != npNone {
			return match{a: a, b: b, kind: k, cue: t, cueText: "according to", rule: ruleAccordingTo}, true
		}
		return match{}, false
	}
	// `, said X.`
	if isStrongVerbTok(ts, t) {
		if a, b, k := npForward(ts, t+1, end, true); k != npNone && !clauseFollows(ts, b, end) {
			return match{a: a, b: b, kind: k, cue: t, rule: ruleSentenceEndID}, true
		}
		return match{}, false
	}
	// `, X said.` with an optional appositive or aside, and a short phrase before the end.
	a, b, k := npForward(ts, t, end, true)
	if k == npNone {
		return match{}, false
	}
	j := skipAside(ts, b, end)
	if j < end && ts[j].isPunct(",") {
		for e := j + 1; e < end; e++ {
			if ts[e].isPunct(",") {
				j = e + 1
				break
			}
		}
	}
	j = skipAdverbsFwd(ts, j, end)
	if !isStrongVerbTok(ts, j) {
		return match{}, false
	}
	if r := skipPhrase(ts, skipAdverbsFwd(ts, j+1, end), end); r != end && !(r+1 == end && ts[r].kind() == tWord) {
		return match{}, false // the clause goes on: it is not an attribution
	}
	return match{a: a, b: b, kind: k, cue: j, rule: ruleSentenceEndID}, true
}

// skipPhrase returns the index after a short prepositional phrase at j ("in Mainz", "on Sunday"),
// or j when none starts there.
func skipPhrase(ts []tok, j, n int) int {
	if j >= n || ts[j].kind() != tWord || !ts[j].is(lxPreposition) {
		return j
	}
	e := j + 1
	for e < n && e-j <= 5 && ts[e].kind() == tWord {
		e++
	}
	return e
}

// closesAfterPhrases reports whether the clause ends at c, or after up to three short prepositional
// phrases from c (skipPhrase), at the text's end or a comma.
func closesAfterPhrases(ts []tok, c, end int) bool {
	for n := 0; n < 3 && c < end; n++ {
		p := skipPhrase(ts, c, end)
		if p == c {
			break
		}
		c = p
	}
	return c == end || ts[c].isPunct(",")
}

// lautetForms are the forms of "lauten" that close a sentence with what a question, an answer or
// another noun of saying (isAskedNounDe) said: "„Wer zahlt das?“, lautete die Frage des Rates am
// Montag."
var lautetForms = setOf("lautet", "lautete", "lauten", "lauteten")

// isAskedNounDe reports whether the lower-case noun w names what was asked or said (askedNounsDe,
// speechNounsDe): the subject of a closing "lautete" that speaks; a title or a name does not ("„…“,
// so lautet der Titel des Buches").
func isAskedNounDe(w string) bool { return askedNounsDe[w] || speechNounsDe[w] }

// headDe returns the first capitalised word of the German phrase [a, b), its head noun after a
// determiner and adjectives ("die Antwort der Stadt"), or a when there is none.
func headDe(ts []tok, a, b int) int {
	for h := a; h < b; h++ {
		if ts[h].kind() == tWord && ts[h].cap() && !ts[h].is(lxDeterminer) {
			return h
		}
	}
	return a
}

// germanClosing reads a German attribution that starts at token t, after a comma, and ends at a
// comma or at end: a speech verb and its subject ("sagte die Ministerin"), the same after "so"
// ("so urteilte Romney selbst"), or an auxiliary, its subject and a speech verb's participle
// ("hatte Koch-Mehrin damals gesagt"). It returns the subject and the speech verb.
func germanClosing(ts []tok, t, end int) (a, b int, kind npKind, verb int) {
	if t < end && ts[t].lower() == "so" && t+1 < end && isVerb(ts[t+1]) && ts[t+1].lower() != "so" {
		t++
	}
	switch {
	case t >= end || ts[t].kind() != tWord || ts[t].cap():
	case lautetForms[ts[t].lower()]:
		if a, b, kind = germanNP(ts, afterVerb(ts, t+1, end), end); kind == npDesc && isAskedNounDe(ts[headDe(ts, a, b)].lower()) {
			if closesAfterPhrases(ts, b, end) { // "lautete die Antwort am Montag."
				return a, b, kind, t
			}
		}
	case isVerb(ts[t]) && ts[t].lower() != "so":
		if a, b, kind = germanNP(ts, afterVerb(ts, t+1, end), end); kind != npNone {
			c := b
			if c < end && ts[c].kind() == tWord && !ts[c].cap() && focusParticles[ts[c].lower()] {
				c++ // "so urteilte Romney selbst über seinen Erfolg"
			}
			if closesAfterPhrases(ts, c, end) { // "über seinen Erfolg in dem Bundesstaat im Mittleren Westen"
				return a, b, kind, t
			}
		}
	case auxiliariesDe[ts[t].lower()]:
		a, b, kind = germanNP(ts, afterVerb(ts, t+1, end), end)
		if kind == npNone {
			break
		}
		for v := skipAdverbsFwd(ts, b, end); v < end && v-b <= 4 && ts[v].kind() == tWord; v++ {
			if isVerb(ts[v]) && (v+1 == end || ts[v+1].isPunct(",") || ts[v+1].lower() == "und") {
				return a, b, kind, v
			}
		}
	}
	return 0, 0, npNone, -1
}
