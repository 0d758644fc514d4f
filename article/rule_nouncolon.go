package article

import "strings"

// sayingNouns are English nouns for what someone said, which before a colon name the speaker in
// their possessive or of-phrase: "Obama’s word:", "Clinton’s response was:", "the words of
// Ronald Reagan:".
var sayingNouns = setOf("word", "words", "message", "response", "reply", "answer", "statement",
	"remark", "remarks", "comment", "comments", "retort", "verdict", "advice", "warning", "explanation",
	"argument", "pitch", "plea", "promise", "vow", "pledge", "tweet", "line", "lines", "question",
	"assessment", "conclusion", "prediction", "mantra", "motto", "refrain", "slogan", "rejoinder",
	"reaction", "quip", "boast", "complaint", "charge", "claim", "demand", "appeal", "instruction",
	"instructions", "command", "order", "orders", "testimony", "confession", "admission", "defense",
	"defence", "rebuttal", "riposte", "summary", "description", "diagnosis", "take")

// nounColonCopulas may stand between the saying noun and its colon: "Clinton’s response was:".
var nounColonCopulas = setOf("was", "is", "were", "are", "reads", "read", "went", "goes", "ran", "runs")

// nounColon links an English quotation right after a colon (inline, or a paragraph after one
// that ends with it) to the name that owns the saying noun the colon closes: a name in the
// possessive, then at most three lower-case words, the noun and at most a copula ("Obama’s word:",
// "Clinton’s response was:", "Warren’s simple message:"), the noun and "of" a name ("the words
// of Ronald Reagan:"), or the noun as the object of its owner's verb (objectNounColon). The colon
// then gives what the noun names, the words of its owner.
func nounColon(ps *paraState, c int) (match, bool) {
	ts := ps.toks
	if ps.de || c < 2 || !ts[c].isPunct(":") {
		return match{}, false
	}
	lo := sentenceStart(ps, c)
	if m, ok := subjectColon(ts, lo, c); ok {
		return m, true
	}
	h := c - 1
	if ts[h].kind() == tWord && !ts[h].cap() && nounColonCopulas[ts[h].lower()] {
		h--
	}
	if h <= lo || ts[h].kind() != tWord || ts[h].cap() || !sayingNouns[ts[h].lower()] {
		// "the words of Ronald Reagan:": the noun's of-phrase is the name.
		for j := c - 1; j > lo && c-j <= maxNameWords+1; j-- {
			if ts[j].kind() != tWord {
				break
			}
			if ts[j].lower() == "of" && !ts[j].cap() {
				if !sayingNouns[ts[j-1].lower()] || ts[j-1].cap() {
					break
				}
				if a, b, kind := npForward(ts, j+1, c, false); kind == npName && b == c {
					return match{a: a, b: b, kind: kind, cue: j - 1, cueText: ts[j-1].lower(), rule: ruleNounColonID, intro: true}, true
				}
				break
			}
		}
		return match{}, false
	}
	for j := h - 1; j >= lo && h-j <= 4; j-- {
		u := ts[j]
		if u.kind() != tWord {
			return match{}, false
		}
		if u.is(lxDeterminer) && !u.is(lxPossessive) && h == c-1 {
			return objectNounColon(ts, lo, j, h)
		}
		if u.cap() && u.is(lxPossessive) {
			a := possessiveNameStart(ts, j, lo)
			if ts[a].is(lxCapStop) && !ts[a].is(lxTitle) {
				return match{}, false // "The Post’s …": a sentence's first word
			}
			return match{a: a, b: j + 1, kind: npName, cue: h, cueText: ts[h].lower(), rule: ruleNounColonID, intro: true}, true
		}
		if u.cap() || isVerb(u) || u.is(lxPreposition) || u.is(lxConjunction) || u.is(lxDeterminer) || u.is(lxPronoun) {
			return match{}, false
		}
	}
	return match{}, false
}

// ruleNounColon is nounColon on the colon right before quotation token qi of paragraph pi or, when
// the quotation opens its paragraph, on the colon that ends the paragraph before.
func (e *engine) ruleNounColon(pi, qi int) (match, bool) {
	ps := e.ps[pi]
	if qi >= 1 {
		m, ok := nounColon(ps, qi-1)
		m.para = pi
		return m, ok
	}
	if pi == 0 || e.ps[pi-1].p.Headline || len(e.ps[pi-1].toks) == 0 {
		return match{}, false
	}
	prev := e.ps[pi-1]
	m, ok := nounColon(prev, len(prev.toks)-1)
	m.para = pi - 1
	return m, ok
}

// objectNounColon reads "Donald Trump issued the following statement:", "An interfaith rally …
// had one message:": the saying noun h, opened by the determiner d, is the object of a verb whose
// subject opens the sentence (lo), a name or a description of a speaker. The quotation is the
// statement, the subject's words.
func objectNounColon(ts []tok, lo, d, h int) (match, bool) {
	v := d - 1
	if v-1 < lo || ts[v].kind() != tWord || ts[v].cap() || ts[v].is(lxPreposition) || ts[v].is(lxConjunction) ||
		ts[v].is(lxDeterminer) || ts[v].is(lxPronoun) || ts[v].is(lxAdverb) {
		return match{}, false
	}
	a, b, kind := npBackward(ts, v-1, lo, false)
	if b != v || kind != npName && kind != npDesc {
		return match{}, false
	}
	for i := a - 1; i >= lo; i-- {
		t := ts[i]
		if t.isPunct(",") && i > lo && ts[lo].is(lxPreposition) && !spokenBetween(ts, lo, i) {
			break // "In response to the attack, Donald Trump issued …": an opening phrase
		}
		if t.kind() != tWord || isVerb(t) || t.is(lxPreposition) || t.is(lxConjunction) {
			return match{}, false // the mention is the subject, or what comes before it names it ("Republican nominee Donald Trump")
		}
	}
	return match{a: a, b: b, kind: kind, cue: h, cueText: ts[h].lower(), rule: ruleNounColonID, intro: true}, true
}

// spokenBetween reports whether tokens [lo, hi) hold a speech verb or a quotation.
func spokenBetween(ts []tok, lo, hi int) bool {
	for i := lo; i < hi; i++ {
		if isVerb(ts[i]) || ts[i].kind() == tQuote {
			return true
		}
	}
	return false
}

// subjectColon reads "He then listed the qualities necessary in a nominee:": a sentence that opens
// with a name or "he" or "she", then at most an adverb and a verb in the past tense, and ends with
// the colon c gives the subject's words after it.
func subjectColon(ts []tok, lo, c int) (match, bool) {
	a, b, kind := npForward(ts, lo, c, false)
	if kind != npName && !(kind == npPronoun && (ts[a].lower() == "he" || ts[a].lower() == "she")) {
		return match{}, false
	}
	v := b
	if v < c && ts[v].kind() == tWord && !ts[v].cap() && ts[v].is(lxAdverb) {
		v++
	}
	if v >= c || ts[v].kind() != tWord || ts[v].cap() || !strings.HasSuffix(ts[v].lower(), "ed") || spokenBetween(ts, v+1, c) {
		return match{}, false
	}
	return match{a: a, b: b, kind: kind, cue: v, cueText: ts[v].lower(), rule: ruleSubjectColonID, intro: true}, true
}
