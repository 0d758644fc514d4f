package article

// ruleReportedTitle links an English title in marks inside a sentence to the speaker of the speech
// verb before it when the verb reports a clause that holds the title: "Nevins said he pursued a new
// “Twin Peaks”", "CBS said it was canceling the low-rated “Rush Hour.”", "Carson wrote … that he'd
// been named the most honest student in a class, “Perceptions 301,”". The title is part of what the
// speaker said, a mixed quotation. A title that is the verb's object or addressee ("told “Fox and
// Friends”", "wrote under the pseudonym “…”", "said on NBC's “Meet the Press” that") is where or
// how the speaker spoke, not what they said, and keeps no speaker: the verb must be followed by a
// reported clause (reportedClauseAfter) that goes on to the title.
func ruleReportedTitle(ps *paraState, qi int) (match, bool) {
	if ps.de {
		return match{}, false
	}
	ts := ps.toks
	lo := sentenceStart(ps, qi)
	m, ok := walkBack(ps, qi, mainClauseStart(ts, datelineEnd(ts, lo, qi), qi), false)
	if !ok || m.rule != ruleBeforeVerb || m.cue < 0 || m.cue >= qi || ts[m.cue].is(lxNamingVerb) || !reportedClauseAfter(ts, m.cue, qi) {
		return match{}, false
	}
	m.rule = ruleReportedTitleID
	return m, true
}

// maxBeforeClause bounds the words between a speech verb and the clause it reports ("said on
// Monday in a statement that").
const maxBeforeClause = 6

// reportedClauseAfter reports whether the English speech verb at cue is followed by the clause it
// reports, which runs on to the quotation at qi: "that" or a subject pronoun after the verb, past
// a few words that are no speech verbs ("said he", "wrote on Monday that", "told the council
// that"), and no quotation or sentence end before qi.
func reportedClauseAfter(ts []tok, cue, qi int) bool {
	j := cue + 1
	for ; j < qi-1 && j-cue <= maxBeforeClause; j++ {
		t := ts[j]
		if t.kind() != tWord || isVerb(t) {
			return false
		}
		if w := t.lower(); w == "that" || w == "it" || personalPronounsEn[w] {
			break
		}
	}
	if j >= qi-1 || j-cue > maxBeforeClause {
		return false
	}
	for i := j + 1; i < qi; i++ {
		if ts[i].kind() == tQuote || ts[i].isSentenceEnd() {
			return false
		}
	}
	return true
}
