package article

// This file reads the English sources a sentence names for what it reports: "according to X" that
// opens or closes it, and the poll whose share of people said the words.

// shareOfPeople reports whether the mention [a, b) is a share of people counted in percent: "22
// percent", "75 percent of Republicans", "25 percent of likely Republican voters".
func shareOfPeople(ts []tok, a, b, lo int) bool {
	for j := a; j < b; j++ {
		if w := ts[j].lower(); w == "percent" || w == "%" {
			return true
		}
	}
	for j := a - 1; j >= lo && a-j <= 6; j-- {
		if ts[j].kind() != tWord && !ts[j].isPunct("%") {
			return false
		}
		if w := ts[j].lower(); w == "of" {
			return j-1 >= lo && (ts[j-1].lower() == "percent" || ts[j-1].lower() == "%")
		}
	}
	return false
}

// pollBefore returns the phrase of the last poll or survey named in the paragraph before token e
// ("a September Washington Post-ABC News poll", "The Q poll").
func pollBefore(ts []tok, e int) (a, b int, ok bool) {
	for j := e - 1; j >= 0; j-- {
		if ts[j].kind() == tQuote {
			continue
		}
		switch ts[j].lower() {
		case "poll", "polls", "survey", "surveys":
			if ts[j].cap() {
				continue
			}
			if pa, pb, kind := npBackward(ts, j, 0, true); kind != npNone && pb == j+1 {
				return pa, pb, true
			}
			return j, j + 1, true
		}
	}
	return 0, 0, false
}

// sentenceSource returns the source a sentence names for its whole content with "according to X":
// opening it ("According to ProPublica, Clinton praised her “…”") or closing it ("… said he was
// “happy to see” that Khan won, according to The New York Times"). A quotation inside the
// sentence, after no colon or comma of its own, is the source's account of what the subject said,
// and the reporting source is the one the sentence names.
func sentenceSource(ps *paraState, qi, lo int) (match, bool) {
	ts := ps.toks
	if lo < qi && ts[lo].cap() && ts[lo].lower() == "according" && lo+1 < qi && ts[lo+1].lower() == "to" {
		if a, b, kind := openingSource(ps, lo, lo, qi); kind != npNone {
			return match{a: a, b: b, kind: kind, cue: lo, cueText: "according to", rule: ruleAccordingTo}, true
		}
	}
	if s, ok := ruleSentenceEnd(ps, qi); ok && s.rule == ruleAccordingTo {
		return s, true
	}
	return match{}, false
}

// openingSource reads the source of a sentence that opens with "According to X," (k is the index
// of "According", lo the sentence's start), before end: the phrase up to the comma, whatever its
// head ("According to his longtime personal physician, the businessman had “…” results", "According
// to some on Twitter, Kelly was “incognito”"). The whole sentence is the source's account. The
// phrase is a description unless it opens with a name.
func openingSource(ps *paraState, k, lo, end int) (a, b int, kind npKind) {
	ts := ps.toks
	if ps.de || k != lo || !ts[k].cap() {
		return 0, 0, npNone
	}
	for c := k + 2; c < end && c-k <= maxAppositive; c++ {
		if ts[c].kind() == tQuote || ts[c].isSentenceEnd() {
			return 0, 0, npNone
		}
		if !ts[c].isPunct(",") {
			continue
		}
		if c == k+2 {
			return 0, 0, npNone
		}
		if a, b, kind := npForward(ts, k+2, c, true); kind != npNone {
			return a, b, kind
		}
		return k + 2, c, npDesc
	}
	return 0, 0, npNone
}
