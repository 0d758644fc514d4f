package article

// ruleColon links a paragraph that is one whole quotation (pi) to the speaker of the paragraph
// before when that one ends with a colon: "Smith said this about the plan:" then "“…”". In
// German, a paragraph whose last sentence says "heißt es" before its colon links the quotation
// to the text it names, as in one paragraph (itSaysIn: "In der Erklärung heißt es:" then
// "„…“", "ein Brief, in dem es heißt:").
func (e *engine) ruleColon(pi, qi int) (match, bool) {
	if pi == 0 {
		return match{}, false
	}
	prev := e.ps[pi-1]
	n := len(prev.toks)
	if prev.p.Headline || n == 0 || !prev.toks[n-1].isPunct(":") {
		return match{}, false
	}
	lo := sentenceStart(prev, n-1)
	if prev.de {
		if m, ok := itSaysIn(prev.toks, lo, n, -1, false); ok {
			m.para, m.intro = pi-1, true
			return m, true
		}
	}
	m, ok := walkBack(prev, n-1, lo, true)
	if !ok {
		return match{}, false
	}
	m.para, m.rule, m.intro = pi-1, ruleColonParagraph, true
	return m, true
}
