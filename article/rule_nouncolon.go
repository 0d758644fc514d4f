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
	"defence", "rebuttal", "riposte", "summary", "description", "diagnosis", "take", "post", "email", "letter", "memo",
	"column", "speech", "essay", "editorial", "op-ed")

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
		if u.cap() && !u.is(lxCapStop) && j > lo && ts[j-1].cap() && ts[j-1].is(lxPossessive) {
			continue // a capitalised modifier after the owner: "Bush's Facebook post:"
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
// the colon c gives the subject's words after it. So does one that opens with a description of an
// organisation or a group (its head in groupNounsEn), also past an aside between commas: "The Baker
// campaign, in a memo to the staff, summed it up more plainly:". A sentence whose subject stands
// after an opening phrase or before an appositive, or is another description that speaks ("The
// next day, his campaign issued a short statement:", "Tom Baker, the mayor, delivered a blunt
// message to the council:"), gives them when its object is a saying noun (messageColon).
func subjectColon(ts []tok, lo, c int) (match, bool) {
	a, b, kind := npForward(ts, lo, c, false)
	v := b
	if kind == npDesc && b < c && groupNounsEn.has(ts[b-1].lower()) {
		// "The town council, in its report, summed it up:": a group speaks through its words.
		if v < c && ts[v].isPunct(",") {
			for j := v + 1; j < c && j-v <= maxAppositive; j++ {
				if t := ts[j]; t.kind() == tQuote || t.isSentenceEnd() || isVerb(t) {
					break
				}
				if ts[j].isPunct(",") {
					v = j + 1
					break
				}
			}
		}
	} else if kind != npName && !(kind == npPronoun && (ts[a].lower() == "he" || ts[a].lower() == "she")) {
		return messageColon(ts, lo, c)
	}
	if v < c && ts[v].kind() == tWord && !ts[v].cap() && ts[v].is(lxAdverb) {
		v++
	}
	if v >= c || ts[v].kind() != tWord || ts[v].cap() || !strings.HasSuffix(ts[v].lower(), "ed") || spokenBetween(ts, v+1, c) {
		return messageColon(ts, lo, c)
	}
	return match{a: a, b: b, kind: kind, cue: v, cueText: ts[v].lower(), rule: ruleSubjectColonID, intro: true}, true
}

// messageVerbs are English verbs that take a saying noun as their object, which names what the
// colon after it gives: "had a warning:", "delivered a blunt message to the council:". A verb in
// -ed is one too.
var messageVerbs = setOf("had", "has", "gave", "gives", "sent", "sends", "made", "makes", "offers", "delivers", "issues",
	"posts", "poses", "took", "brought", "struck", "put")

// messageColon reads a sentence that ends with the colon c and whose verb's object is a saying noun
// (messageObject): its subject, a name, "he" or "she" or a description that speaks, opening the
// sentence or after an opening phrase, past an appositive (openingMention), gives the words the
// colon introduces: "The next day, his campaign issued a short statement:", "Tom Baker, the mayor,
// delivered a blunt message to the council:".
func messageColon(ts []tok, lo, c int) (match, bool) {
	if m, ok := messageColonAt(ts, lo, c); ok {
		return m, true
	}
	// "Back in the town, he returned to his old refrain:": an opening phrase that is no mention.
	for k := lo + 1; k < c && k-lo <= 12; k++ {
		if t := ts[k]; t.kind() == tQuote || isVerb(t) || t.isSentenceEnd() {
			break
		}
		if ts[k].isPunct(",") {
			if _, b, kind := npForward(ts, lo, k, false); kind != npNone && b == k {
				break // "Tom Baker, the mayor, …": the subject and its appositive
			}
			return messageColonAt(ts, k+1, c)
		}
	}
	return match{}, false
}

// messageColonAt is messageColon on the clause that opens at k.
func messageColonAt(ts []tok, k, c int) (match, bool) {
	if a, b, kind := npForward(ts, k, c, false); kind == npName || kind == npDesc || kind == npPronoun && (ts[a].lower() == "he" || ts[a].lower() == "she") {
		if m, ok := messageClause(ts, a, b, b, c, kind); ok {
			return m, true
		}
		// "Tom Baker, R-Texas, …", "Tom Baker, the mayor, …": the clause goes on after a comma
		// that closes an appositive.
		for j := b + 1; b < c && ts[b].isPunct(",") && j < c && j-b <= maxAppositive; j++ {
			if t := ts[j]; t.kind() == tQuote || t.isSentenceEnd() || isVerb(t) {
				break
			}
			if ts[j].isPunct(",") {
				if m, ok := messageClause(ts, a, b, j+1, c, kind); ok {
					return m, true
				}
			}
		}
	}
	// "Tom Baker, the mayor, …": past an appositive or an aside.
	if a, b, v, kind := openingMention(ts, k, c); kind != npNone {
		return messageClause(ts, a, b, v, c, kind)
	}
	return match{}, false
}

// messageClause is messageColon's match of the subject [a, b) when the words from v to the colon c
// are at most an adverb, a verb and a saying noun's phrase (messageObject).
func messageClause(ts []tok, a, b, v, c int, kind npKind) (match, bool) {
	for n := 0; n < 3 && v < c && ts[v].kind() == tWord && !ts[v].cap() && ts[v].is(lxAdverb) && !messageVerbs[ts[v].lower()]; n++ {
		v++ // "then", "also"; but "had" is the verb ("had a warning:"), as is "has"
	}
	if v >= c || ts[v].kind() != tWord || ts[v].cap() || !strings.HasSuffix(ts[v].lower(), "ed") && !messageVerbs[ts[v].lower()] {
		return match{}, false
	}
	// The saying noun may be a speech verb too ("answer"): no other word between may be one.
	if h := messageObject(ts, v+1, c); h < 0 || spokenBetween(ts, v, h) || spokenBetween(ts, h+1, c) {
		return match{}, false
	}
	return match{a: a, b: b, kind: kind, cue: v, cueText: ts[v].lower(), rule: ruleSubjectColonID, intro: true}, true
}

// messageObject returns the saying noun of tokens [k, c) before a colon when they are its phrase: a
// determiner, at most three lower-case words and the noun, then nothing or a phrase of "to", "for"
// or "about" ("a blunt message to the council", "one question for the crowd"); after "to", only
// the subject's own ("returned to his old refrain"). It returns -1 when they are not.
func messageObject(ts []tok, k, c int) int {
	if k+1 < c && ts[k].lower() == "to" && !ts[k].cap() {
		if d := ts[k+1].lower(); d != "his" && d != "her" && d != "their" {
			return -1
		}
		k++
	}
	if k >= c || ts[k].kind() != tWord || ts[k].cap() || !ts[k].is(lxDeterminer) {
		return -1
	}
	for j := k + 1; j < c && j-k <= 4; j++ {
		u := ts[j]
		if u.kind() != tWord || u.cap() {
			return -1
		}
		if sayingNouns[u.lower()] {
			if j+1 == c {
				return j
			}
			if p := ts[j+1].lower(); (p == "to" || p == "for" || p == "about") && !ts[j+1].cap() && c-j <= 8 {
				return j
			}
			return -1
		}
		if u.is(lxPreposition) || u.is(lxConjunction) || u.is(lxDeterminer) || u.is(lxPronoun) {
			return -1
		}
	}
	return -1
}
