package article

// ruleSaidParagraphDe links a German paragraph that is one whole quotation, with no cue of its
// own, to the speaker of the paragraph before when that paragraph holds no quotation and its last
// sentence has a speech verb and its subject, a name, a pronoun or a description that holds an
// office: "Müller sprach am Montag vor dem Stadtrat." then "„Wir haben viel erreicht. …“", or
// "Die Stadt stehe gut da, sagte Müller." then "„…“". It is ruleSaidParagraph for German, whose
// subject may stand after the verb (closingCue, germanSubject). A paragraph before that holds a
// quotation leaves the quotation to carry-across.
func (e *engine) ruleSaidParagraphDe(pi, qi int) (match, bool) {
	ps := e.ps[pi]
	if !ps.de || pi == 0 || headingOrLabelled(ps, qi) {
		return match{}, false
	}
	prev := e.ps[pi-1]
	ts := prev.toks
	n := len(ts)
	if !prev.de || prev.p.Headline || len(prev.spans) > 0 || n < 3 || !ts[n-1].isPunct(".") {
		return match{}, false
	}
	lo := sentenceStart(prev, n-1)
	a, b, kind, v := closingCue(ts, lo, n-1)
	if kind == npNone {
		a, b, kind, v = germanSubject(ts, lo, n-1)
	}
	if kind == npNone || v < 0 || !isStrongVerb(ts[v]) || kind == npDesc && !holdsRole(ts, a, b) {
		return match{}, false
	}
	return match{a: a, b: b, kind: kind, cue: v, para: pi - 1, rule: ruleSaidParagraphID}, true
}
