package article

// ruleCreditLine links a paragraph that is one whole quotation (pi) to a credit line that follows
// it ("“…”" then "- Sanders." or "—President Obama, tweeting after the speech."). It registers the
// credit line's names, since the mention is there.
func (e *engine) ruleCreditLine(pi, qi int) (match, bool) {
	if pi+1 >= len(e.ps) {
		return match{}, false
	}
	next := e.ps[pi+1]
	ts := next.toks
	if len(ts) < 2 || ts[0].kind() != tPunct || ts[0].lower() != "-" && ts[0].lower() != "—" && ts[0].lower() != "–" && ts[0].lower() != "―" {
		return match{}, false
	}
	a, b, kind := npForward(ts, 1, len(ts), false)
	if kind != npName || b < len(ts) && !ts[b].isPunct(",") && !ts[b].isSentenceEnd() {
		return match{}, false
	}
	e.rg.register(next)
	return match{para: pi + 1, a: a, b: b, kind: kind, cue: 0, cueText: "—", rule: ruleCreditLineID, intro: true}, true
}
