package article

// ruleTagBefore links an English quotation that is a sentence of its own, with no cue around it,
// to the speaker of the sentence right before it in its paragraph when that sentence ends with its
// speech verb and at most a short adjunct: "Iowa State University's Dianne Bystrom agreed. “…”",
// "Sam Lau, the party's communications director, said in a statement. “…”", "Trump isn't a
// conservative, he said. “He's a liberal!”". The verb has no object, so what it reports is the
// quotation that follows. A sentence that reports a clause ("Smith said the plan would fail.")
// has said what it reports, and one that holds a quotation leaves the next one to carry-paragraph.
func ruleTagBefore(ps *paraState, qi int) (match, bool) {
	ts := ps.toks
	if ps.de || qi < 3 || !ts[qi-1].isPunct(".") || !quoteEndsSentence(ps, qi) {
		return match{}, false
	}
	lo := sentenceStart(ps, qi-1)
	if quoteIn(ts, lo, qi-1) {
		return match{}, false
	}
	// The speech verb, then at most maxTagAdjunct words that open with a preposition or a time
	// word: "agreed.", "said in a statement.", "tweeted on Wednesday.", "said recently."
	v := -1
	for k := qi - 2; k > lo && qi-1-k <= maxTagAdjunct+1; k-- {
		if ts[k].kind() == tWord && !ts[k].cap() && ts[k].is(lxSpeechVerb) {
			v = k
			break
		}
	}
	if v < 0 {
		return match{}, false
	}
	for k := v + 1; k < qi-1; k++ {
		if ts[k].kind() != tWord || ts[k].is(lxSpeechVerb) {
			return match{}, false
		}
	}
	if v+1 < qi-1 && !adjunctOpener(ts[v+1]) {
		return match{}, false
	}
	m, ok := walkBack(ps, v+1, lo, false)
	if !ok || m.cue != v {
		return match{}, false
	}
	m.rule = ruleTagBeforeID
	return m, true
}

// maxTagAdjunct is how many words may follow the speech verb of a tag sentence before its period.
const maxTagAdjunct = 5

// adjunctOpener reports whether t opens an adjunct after a verb: a preposition, a day or a time
// adverb ("in a statement", "on Wednesday", "recently").
func adjunctOpener(t tok) bool {
	if t.is(lxPreposition) || t.is(lxDay) {
		return true
	}
	switch t.lower() {
	case "recently", "later", "earlier", "yesterday", "today", "tonight", "again", "afterward", "afterwards", "then", "last", "this":
		return true
	}
	return false
}
