package article

// ruleAsPutIt links an English quotation to the subject of an "as X put it" clause in its
// sentence, before or after it: "As Professor Foner put it in his memo, “…”", "Russia would “walk
// all over us,” as Mrs. Clinton, then the secretary of state, put it in her memoir.", "As Ms.
// Simonyan put it in a statement, RT is “…”". The idiom says whose words a quotation is, and
// nothing else: the verb's object is "it", so the mention is its subject, right after "as".
func ruleAsPutIt(ps *paraState, qi int) (match, bool) {
	ts := ps.toks
	if ps.de {
		return match{}, false
	}
	lo := sentenceStart(ps, qi)
	hi := qi + 1 // the sentence's end: a quotation that ends with its period ends it
	if !quoteEndsSentence(ps, qi) {
		for hi < len(ts) && hi-qi <= maxSentence && !ts[hi].isSentenceEnd() {
			hi++
		}
	}
next:
	for k := lo + 2; k+1 < hi; k++ {
		t := ts[k]
		if t.kind() != tWord || t.cap() || t.lower() != "put" && t.lower() != "puts" || ts[k+1].kind() != tWord || ts[k+1].lower() != "it" {
			continue
		}
		a, b, kind := npBackward(ts, skipAdverbsBack(ts, k-1, lo), lo, true)
		as := asBefore(ts, a, lo)
		if kind == npNone || as < 0 || qi >= as && qi <= k+1 {
			continue
		}
		intro := false
		if k < qi {
			// The clause and its adjunct end with the comma or colon right before the quotation
			// ("As Foner put it in his memo, “…”"), or a comma ends the clause and the main clause
			// holds the quotation ("As Simonyan put it, RT is “…”").
			c := k + 2
			for c < qi && ts[c].kind() == tWord {
				c++
			}
			if c == qi || !ts[c].isPunct(",") && !ts[c].isPunct(":") || c > k+2 && !adjunctOpener(ts[k+2]) {
				continue
			}
			for j := c + 1; j < qi; j++ {
				if isVerb(ts[j]) || ts[j].kind() == tWord && (ts[j].lower() == "where" || ts[j].lower() == "who" || ts[j].lower() == "which") {
					continue next // "…, where she promised to reject “…”": a clause of its own
				}
			}
			intro = c == qi-1
		}
		return match{a: a, b: b, kind: kind, cue: k, cueText: "put it", rule: ruleAsPutItID, intro: intro}, true
	}
	return match{}, false
}

// asBefore returns the index of the "as" that opens the clause whose subject starts at a, or -1:
// right before it, before "the" ("as the New Yorker"), or before a description that the subject
// stands in apposition to ("As the LinkedIn chief executive, Jeff Weiner, put it").
func asBefore(ts []tok, a, lo int) int {
	j := a - 1
	if j > lo && ts[j].kind() == tWord && ts[j].lower() == "the" {
		j--
	}
	if j >= lo && ts[j].kind() == tWord && ts[j].lower() == "as" {
		return j
	}
	if j <= lo || !ts[j].isPunct(",") {
		return -1
	}
	for i := j - 1; i >= lo && j-i <= maxAppositive; i-- {
		t := ts[i]
		if t.kind() == tQuote || t.isSentenceEnd() || t.isPunct(",") || isVerb(t) {
			return -1
		}
		if t.kind() == tWord && t.lower() == "as" {
			if i+1 < j && ts[i+1].is(lxDeterminer) {
				return i // a description: "as the LinkedIn chief executive,"
			}
			return -1
		}
	}
	return -1
}
