package article

// carrySubject gives a German quotation that is a sentence of its own, with no cue around it, the
// subject of the sentence right before it in its paragraph, when that subject is a person (a name,
// a pronoun or a description that holds an office): "Um Zeit zu gewinnen, will Oettinger die
// Naturwissenschaften straffen. „Nicht jede Formel ist notwendig.“" German news quotes a person's
// words right after a sentence about what that person does. It runs before carry-paragraph: a
// sentence whose subject is a new person ("„…“, sagte Becker. Schmidt fügte hinzu. „…“") passes
// the word to that person. A sentence before that holds a quotation of its own leaves the
// quotation to carry-paragraph, which gives it that quotation's speaker.
func (e *engine) carrySubject(pi int) {
	ps := e.ps[pi]
	ts := ps.toks
	for si := range ps.spans {
		s := &e.segs[ps.first+si]
		qi := ps.qtok[si]
		if s.has || qi < 2 || !ts[qi-1].isSentenceEnd() || !isUtterance(ps, qi) || !quoteEndsSentence(ps, qi) {
			continue
		}
		lo := sentenceStart(ps, qi-1)
		if quoteIn(ts, lo, qi-1) {
			continue // the quotation's speaker, carried in the paragraph, is the one who goes on
		}
		a, b, kind, v := closingCue(ts, lo, qi-1)
		if kind == npNone {
			a, b, kind, v = germanSubject(ts, lo, qi-1)
		}
		if kind == npNone || v < 0 || kind == npDesc && !holdsRole(ts, a, b) || linkingVerb(ts[v].lower()) && !statePassive(ts, v, qi-1) {
			continue
		}
		e.assign(s, match{a: a, b: b, kind: kind, cue: v, para: pi, rule: ruleCarrySubject})
	}
}

// closingCue reads the speaker of a German sentence in tokens [lo, end) that closes with a speech
// verb or "so" after a comma and its subject: "Die Stadt müsse sparen, sagte Tom Becker.", "…, so
// der Senator.". That sentence reports what the speaker said, so the speaker is the one who goes
// on in a quotation after it, not the subject of the reported clause. It returns the subject and
// the verb, or npNone.
func closingCue(ts []tok, lo, end int) (a, b int, kind npKind, verb int) {
	c := end - 1
	for c > lo && !ts[c].isPunct(",") && end-c <= maxGermanNP {
		if ts[c].kind() != tWord && !ts[c].isPunct("(") && !ts[c].isPunct(")") {
			return 0, 0, npNone, -1
		}
		c--
	}
	k := c + 1
	if c <= lo || !ts[c].isPunct(",") || k >= end || ts[k].kind() != tWord || ts[k].cap() || !isStrongVerb(ts[k]) && ts[k].lower() != "so" {
		return 0, 0, npNone, -1
	}
	a, b, kind, e := germanPhrase(ts, afterVerb(ts, k+1, end), end)
	if kind == npNone || e != end && !(ts[k].lower() == "so" && adverbsToEnd(ts, e, end)) { // "…, so der Senator weiter."
		return 0, 0, npNone, -1
	}
	return a, b, kind, k
}

// quoteEndsSentence reports whether quotation token qi ends its sentence: the paragraph ends after it,
// or a sentence end follows it, or its own content ends with one and a new sentence starts.
func quoteEndsSentence(ps *paraState, qi int) bool {
	ts := ps.toks
	if qi+1 >= len(ts) || ts[qi+1].isSentenceEnd() {
		return true
	}
	l := lastContentRune(ps.rs, ps.spans[ts[qi].q()])
	return (l == '.' || l == '!' || l == '?') && ts[qi+1].kind() == tWord && ts[qi+1].cap()
}

// carryListed gives a German quotation that a list joins to the quotation right before it
// („…“ und „…“, „…“ oder „…“, „…“, „…“) the attribution of that quotation, when it has one and
// this one has none: "skandierten Parolen wie „Stoppt den Überwachungswahn“ oder „…“". The
// other way round, a name in a list takes a speaker it should not have ("(„Hartz IV“, „Rente mit
// 67“)").
func (e *engine) carryListed(ps *paraState) {
	segs := e.segs[ps.first : ps.first+len(ps.spans)]
	for si := 1; si < len(segs); si++ {
		if listed(ps, si) && !segs[si].has && segs[si-1].has {
			s, o := &segs[si], segs[si-1]
			s.m, s.has, s.ent = o.m, true, o.ent
			s.m.rule = ruleCarryParagraph
		}
	}
}

// listed reports whether the paragraph's quotation si follows quotation si-1 in a list: only a
// comma, "und", "oder" or "sowie" stands between them.
func listed(ps *paraState, si int) bool {
	ts := ps.toks
	qi := ps.qtok[si]
	if qi < 2 || ps.qtok[si-1] != qi-2 {
		return false
	}
	j := ts[qi-1]
	return j.isPunct(",") || j.kind() == tWord && !j.cap() && (j.lower() == "und" || j.lower() == "oder" || j.lower() == "sowie")
}

// statePassive reports whether the verb at v, a form of "sein", is the auxiliary of a participle
// that closes its sentence at end: "Georg Ratzinger war seit langem in die Absicht eingeweiht."
// says what a person did or knew, as an action's verb does, not what the person is.
func statePassive(ts []tok, v, end int) bool {
	switch ts[v].lower() {
	case "ist", "war", "sind", "waren":
	default:
		return false
	}
	return end-1 > v+1 && participleDe(ts[end-1])
}

// quoteIn reports whether a quotation token stands in ts[lo:hi].
func quoteIn(ts []tok, lo, hi int) bool {
	for _, t := range ts[lo:hi] {
		if t.kind() == tQuote {
			return true
		}
	}
	return false
}
