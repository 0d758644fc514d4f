package article

import "unicode"

// ruleSaidParagraph links an English paragraph that is one whole quotation, with no cue of its
// own, to the speaker of the paragraph before when that paragraph holds no quotation and its last
// sentence reports speech: "Carter said that for decades critics had been predicting a U.S.
// withdrawal, but this would not happen." then "“That’s because this region … remains the most
// consequential for America’s own security.”". News writing quotes the words right after the
// sentence that says who spoke and what about; with no tag of its own, the quotation goes on with
// that speaker. A paragraph before that holds a quotation leaves the quotation to carry-across,
// and one that ends with a colon to colon-paragraph.
func (e *engine) ruleSaidParagraph(pi, qi int) (match, bool) {
	ps := e.ps[pi]
	if ps.de || pi == 0 {
		return match{}, false
	}
	if headingOrLabelled(ps, qi) {
		return match{}, false
	}
	prev := e.ps[pi-1]
	n := len(prev.toks)
	if prev.de || prev.p.Headline || len(prev.spans) > 0 || n < 3 || !prev.toks[n-1].isPunct(".") {
		return match{}, false
	}
	m, ok := speechSubject(prev, sentenceStart(prev, n-1), n-1)
	if !ok {
		return match{}, false
	}
	m.para, m.rule, m.intro = pi-1, ruleSaidParagraphID, false
	return m, true
}

// hasLower reports whether rs holds a lower-case letter.
func hasLower(rs []rune) bool {
	for _, r := range rs {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// maxLabelWords bounds the words of a speaker's label that labelOpens reads.
const maxLabelWords = 3

// labelOpens reports whether rs, a quotation's words, open with a speaker's label: at most
// maxLabelWords capitalised words and a colon ("Chris Matthews: …", "Q: …").
func labelOpens(rs []rune) bool {
	words, inWord := 0, false
	for _, r := range rs {
		switch {
		case r == ':':
			return words > 0 && inWord
		case unicode.IsLetter(r) || r == '.' || r == '\'' || r == '’' || r == '-':
			if !inWord {
				if !unicode.IsUpper(r) || words == maxLabelWords {
					return false
				}
				words++
				inWord = true
			}
		case r == ' ':
			if !inWord {
				return false
			}
			inWord = false
		default:
			return false
		}
	}
	return false
}

// maxListedOpening bounds the words before a mention that lastListed reads for "and".
const maxListedOpening = 4

// lastListed reports whether the mention at a is the last item of a list of subjects: "and" stands
// before it, past at most maxListedOpening words of its own ("Matthews, MSNBC’s Alex Seitz-Wald
// and Reuters’ Luciana Lopez argued that …").
func lastListed(ts []tok, lo, a int) bool {
	for k := a - 1; k >= lo && a-k <= maxListedOpening; k-- {
		if ts[k].kind() != tWord || isVerb(ts[k]) {
			return false
		}
		if ts[k].lower() == "and" {
			return true
		}
	}
	return false
}

// ruleSaidSentence links an English quotation that is the last sentence of its paragraph, with no
// cue of its own and no quotation before it in the paragraph, to the speaker of the sentence right
// before it when that sentence reports speech: "The Democratic front-runner said Obama had made
// progress in the face of GOP opposition. “I really believe that the president has done an
// incredible job …”". It is ruleSaidParagraph inside one paragraph; tag-before reads the sentence
// that ends with its speech verb ("Smith agreed. “…”").
func ruleSaidSentence(ps *paraState, qi int) (match, bool) {
	ts := ps.toks
	if ps.de || qi < 3 || !ts[qi-1].isPunct(".") || qi+1 != len(ts) && !(qi+2 == len(ts) && ts[qi+1].isSentenceEnd()) {
		return match{}, false
	}
	if headingOrLabelled(ps, qi) || quoteIn(ts, 0, qi) {
		return match{}, false
	}
	m, ok := speechSubject(ps, sentenceStart(ps, qi-1), qi-1)
	if !ok {
		return match{}, false
	}
	m.rule = ruleSaidSentenceID
	return m, true
}

// headingOrLabelled reports whether English quotation token qi is a heading (in single marks, or
// in capitals: “EVENTUALLY VOTERS MAKE GOOD DECISIONS”) or a line of a transcript whose label names
// its speaker ("Chris Matthews: Seriously, …"): no sentence before it says who spoke it.
func headingOrLabelled(ps *paraState, qi int) bool {
	sp := ps.spans[ps.toks[qi].q()]
	rs := ps.rs[sp.start:sp.end]
	return isSingle(sp.fam) || !hasLower(rs) || labelOpens(rs)
}

// speechSubject reads the speaker of a sentence in tokens [lo, end) of ps that reports speech:
// the subject of its first speech verb, which is its main clause's ("Carter said that … critics had
// been predicting …" is Carter's, and "CNN reported that night Ex-CIA chief Petraeus testifies …"
// CNN's, not the subject of a verb in the clause it reports). The last of a list of subjects is
// none ("Matthews, MSNBC’s Alex Seitz-Wald and Reuters’ Luciana Lopez argued that …").
func speechSubject(ps *paraState, lo, end int) (match, bool) {
	ts := ps.toks
	v := lo
	for v < end && !isStrongVerb(ts[v]) {
		v++
	}
	if v == end {
		return match{}, false
	}
	m, ok := walkBack(ps, v+1, lo, false)
	if !ok || m.cue != v || lastListed(ts, lo, m.a) {
		return match{}, false
	}
	return m, true
}
