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
	sp := ps.spans[ps.toks[qi].q()]
	if isSingle(sp.fam) || !hasLower(ps.rs[sp.start:sp.end]) || labelOpens(ps.rs[sp.start:sp.end]) {
		// a heading (‘…’, “EVENTUALLY VOTERS MAKE GOOD DECISIONS”) or a line of a transcript
		// whose label names its speaker ("Chris Matthews: Seriously, …")
		return match{}, false
	}
	prev := e.ps[pi-1]
	n := len(prev.toks)
	if prev.de || prev.p.Headline || len(prev.spans) > 0 || n < 3 || !prev.toks[n-1].isPunct(".") {
		return match{}, false
	}
	// The sentence's first speech verb is its main clause's: "Carter said that … critics had been
	// predicting …" is Carter's, and "CNN reported that night Ex-CIA chief Petraeus testifies …"
	// CNN's, not the subject of a verb in the clause it reports.
	lo := sentenceStart(prev, n-1)
	v := lo
	for v < n-1 && !isStrongVerb(prev.toks[v]) {
		v++
	}
	if v == n-1 {
		return match{}, false
	}
	m, ok := walkBack(prev, v+1, lo, false)
	if !ok || m.cue != v || lastListed(prev.toks, lo, m.a) {
		// "Matthews, MSNBC’s Alex Seitz-Wald and Reuters’ Luciana Lopez argued that …": the last
		// of several speakers is not the one who goes on.
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
