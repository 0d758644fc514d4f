package article

// ruleColon links a paragraph that is one whole quotation (pi) to the speaker of the paragraph
// before when that one ends with a colon: "Smith said this about the plan:" then "“…”".
func (e *engine) ruleColon(pi, qi int) (match, bool) {
	if pi == 0 {
		return match{}, false
	}
	prev := e.ps[pi-1]
	n := len(prev.toks)
	if prev.p.Headline || n == 0 || !prev.toks[n-1].isPunct(":") {
		return match{}, false
	}
	m, ok := walkBack(prev, n-1, sentenceStart(prev, n-1), true)
	if !ok {
		return match{}, false
	}
	m.para, m.rule, m.intro = pi-1, ruleColonParagraph, true
	return m, true
}
