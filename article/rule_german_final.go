package article

// ruleVerbFinal links a German quotation to the subject of the speech verb that closes its clause
// after it: German puts a participle, an infinitive and the finite verb of a subordinate clause at
// the clause's end, so the speech verb may follow what was said. The subject is the main clause's,
// when its finite verb is an auxiliary ("Die Medien hatten von einem „Volkskrieg“ gesprochen",
// "Aridi hatte die Zustimmung „trotz einiger Vorbehalte“ bekanntgegeben"), or the subject right
// after the conjunction that opens a subordinate clause ("…, weil die Regierung das Land als
// „junge Demokratie“ bezeichnet hat"). A passive ("… als „nebelartig“ beschrieben wurden") names
// nobody. It runs only on German text.
func ruleVerbFinal(ps *paraState, qi int) (match, bool) {
	if !ps.de {
		return match{}, false
	}
	ts := ps.toks
	k := spokenAfter(ts, qi)
	if k < 0 || qi > 0 && ts[qi-1].kind() == tWord && (ts[qi-1].lower() == "laut" || ts[qi-1].is(lxPreposition) && !speechPrepositions[ts[qi-1].lower()]) {
		return match{}, false // "hatte laut „tagesschau.de“ kritisiert": a source or a place, not words
	}
	lo := sentenceStart(ps, qi)
	c := qi - 1
	for c >= lo && !ts[c].isPunct(",") {
		if ts[c].kind() == tQuote || ts[c].isPunct(":") {
			return match{}, false // another quotation or a colon in the clause: other rules decide
		}
		c--
	}
	if c >= lo {
		// A subordinate clause: its conjunction, then its subject.
		s := c + 1
		if s >= qi || ts[s].kind() != tWord || ts[s].cap() || !subordinatorsDe[ts[s].lower()] || ts[s].is(lxPreposition) {
			return match{}, false
		}
		a, b, kind := germanNP(ts, afterVerb(ts, s+1, qi), qi)
		if kind == npNone || b > qi || kind == npDesc && !holdsRole(ts, a, b) {
			return match{}, false
		}
		return match{a: a, b: b, kind: kind, cue: k, rule: ruleVerbFinalID}, true
	}
	a, b, kind, v := germanSubject(ts, lo, qi)
	if kind == npNone || v < 0 || v >= qi || b > qi || !auxiliariesDe[ts[v].lower()] {
		return match{}, false
	}
	return match{a: a, b: b, kind: kind, cue: k, rule: ruleVerbFinalID}, true
}

// ruleVerbFinalIntro links a German quotation introduced by a colon to the subject of the relative
// or subordinate clause whose speech verb closes it before the colon (clauseEndIntro). It runs
// before colon-intro, which would take the main clause's subject. It runs only on German text.
func ruleVerbFinalIntro(ps *paraState, qi int) (match, bool) {
	if !ps.de {
		return match{}, false
	}
	ts := ps.toks
	lo := sentenceStart(ps, qi)
	if m, ok := clauseEndIntro(ts, qi, lo); ok {
		return m, true
	}
	// "…, dass Mindermann das Mädchen gefragt habe, was sie „…“ und ob sie „…“ habe": an
	// indirect question after the comma is what the clause before it asked.
	c := qi - 1
	for c > lo && qi-c <= maxClause && !ts[c].isPunct(",") {
		if ts[c].isPunct(":") || ts[c].isSentenceEnd() {
			return match{}, false
		}
		c--
	}
	if c <= lo || !ts[c].isPunct(",") || !questionWordsDe[ts[c+1].lower()] || ts[c+1].cap() {
		return match{}, false
	}
	m, ok := clauseEndBefore(ts, c, lo)
	m.intro = false
	return m, ok
}

// questionWordsDe open a German indirect question: "gefragt habe, was sie „…“", "ob sie …".
var questionWordsDe = setOf("was", "ob", "wie", "warum", "weshalb", "wieso", "wann", "wer", "wen", "wem", "wo", "woher", "wohin")

// clauseEndIntro links quotation token qi, introduced by a colon, to the subject of a relative or
// subordinate clause whose speech verb closes it right before the colon, perhaps with its
// auxiliary after it: "…, die Gerhard Schröder in seiner ersten Legislaturperiode zum eigenen
// Erfolgskriterium erklärt hatte: „…“". German puts the verb of such a clause at its end, so
// the subject stands right after the clause's relative pronoun or conjunction: a name, a pronoun
// or a description that holds an office, with no comma, quotation or other speech verb between it
// and the verb. A passive's auxiliary is no auxiliary of the subject's and names nobody.
func clauseEndIntro(ts []tok, qi, lo int) (match, bool) {
	c := qi - 1
	if c-2 < lo || !ts[c].isPunct(":") {
		return match{}, false
	}
	return clauseEndBefore(ts, c, lo)
}

// clauseEndBefore is clauseEndIntro for the clause whose speech verb closes it right before token
// c, a colon or the comma of an indirect question.
func clauseEndBefore(ts []tok, c, lo int) (match, bool) {
	if c-2 < lo {
		return match{}, false
	}
	k := c - 1
	if ts[k].kind() == tWord && auxiliariesDe[ts[k].lower()] {
		k-- // "erklärt hatte:"
	}
	if k <= lo || !isStrongVerb(ts[k]) {
		return match{}, false
	}
	j := k - 1
	for j > lo && k-j <= maxClause && !ts[j].isPunct(",") {
		if ts[j].kind() == tQuote || ts[j].isPunct(":") || isVerb(ts[j]) {
			return match{}, false
		}
		j--
	}
	r := j + 1
	if j <= lo || !ts[j].isPunct(",") || ts[r].kind() != tWord || ts[r].cap() || !relativesDe[ts[r].lower()] && !subordinatorsDe[ts[r].lower()] ||
		ts[r].is(lxPreposition) {
		return match{}, false
	}
	a, b, kind := germanNP(ts, afterVerb(ts, r+1, k), k)
	if kind == npNone || b >= k || kind == npDesc && !holdsRole(ts, a, b) {
		return match{}, false
	}
	return match{a: a, b: b, kind: kind, cue: k, rule: ruleVerbFinalID, intro: true}, true
}

// definitesDe are the German definite articles, which stand before a name in marks ("der
// „Münsterschen Zeitung“") more often than before a term.
var definitesDe = setOf("der", "die", "das", "den", "dem", "des")

// termBeforeVerb reports whether the capitalised quotation token qi stands where German quotes a
// term (quotedTerm), after no definite article, and a speech verb closes its clause after it
// (spokenAfter): "hatte von der Notwendigkeit eines „Volkskrieges“ gesprochen".
func termBeforeVerb(ts []tok, qi int) bool {
	return quotedTerm(ts, qi) && !definitesDe[ts[qi-1].lower()] && spokenAfter(ts, qi) >= 0
}

// maxToFinalVerb bounds the tokens between a German quotation and the speech verb that closes its
// clause ("„…“ gegen die Aufrührer in Tibet gesprochen").
const maxToFinalVerb = 8

// spokenAfter returns the index of a German speech verb that closes the clause of quotation token
// qi after it, with no comma, colon or other quotation between: a lower-case speech verb before a
// comma, a sentence end or the auxiliary that ends the clause ("bezeichnet hat."), or -1. A passive
// auxiliary after the verb ("bezeichnet wurde") makes it no speech of the subject's.
func spokenAfter(ts []tok, qi int) int {
	for j := qi + 1; j < len(ts) && j-qi <= maxToFinalVerb; j++ {
		t := ts[j]
		if t.kind() != tWord {
			return -1
		}
		if !isStrongVerb(t) && !(t.is(lxNamingVerb) && !t.cap()) {
			continue
		}
		n := j + 1
		if n < len(ts) && ts[n].kind() == tWord && auxiliariesDe[ts[n].lower()] {
			n++ // "bezeichnet hat"
		}
		if n < len(ts) && ts[n].kind() == tWord && passiveAuxiliaries[ts[n].lower()] {
			return -1
		}
		if n == len(ts) || ts[n].isSentenceEnd() || ts[n].isPunct(",") {
			return j
		}
		return -1
	}
	return -1
}

// saidAfter reports whether a clause of a speech verb closes the sentence of quotation token qi
// after it: a comma right before a strong speech verb, with no other quotation between ("…, habe
// ihr einen „Ruck“ verpasst und so das Entstehen in Gang gesetzt, sagte Jane Greaves."). A term
// there is a word of the reported speech the verb's subject used, unless a naming word marks it
// as a name ("die so genannte „…“").
func saidAfter(ps *paraState, qi int) bool {
	ts := ps.toks
	if qi == 0 || namingMarks[ts[qi-1].lower()] {
		return false
	}
	end := sentenceEndFrom(ts, qi+1)
	for j := qi + 2; j < end; j++ {
		if ts[j-1].isPunct(",") && isStrongVerb(ts[j]) {
			return true
		}
		if ts[j-1].isPunct(",") && lautetForms[ts[j].lower()] {
			if _, _, k, v := germanClosing(ts, j, end); k != npNone && v == j {
				return true // "…, lautete die Frage."
			}
		}
	}
	return false
}
