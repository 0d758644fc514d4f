package article

import (
	"strings"
	"unicode"
)

// This file holds the attribution sieve: each rule links one quotation to the words that name its
// speaker, most precise rules first. The text is untrusted; every rule looks at a bounded window of
// tokens around the quotation, so the sieve stays linear in the paragraph's length.

// npKind says what sort of words a mention is.
type npKind uint8

const (
	npNone     npKind = iota
	npName            // a proper name: "Dmitry Peskov", "Mr. Garin", "the White House"
	npPronoun         // "he", "she"
	npDesc            // a description: "a campaign spokesman", "officials"
	npRelative        // a relative pronoun after its antecedent: "Mike Pence, who called …"
)

// match is one attribution found by a rule: the mention is tokens [a, b) of paragraph para, the
// cue is token cue (or -1).
type match struct {
	para, a, b int
	kind       npKind
	cue        int
	cueText    string
	rule       ruleID
	intro      bool // the quotation follows its speaker's `said:` or `said,` (a whole utterance)
	// label is set when the mention is a transcript label inside the quotation ("WALLACE: …"):
	// runes [ls, le) of the paragraph, named name.
	label bool
	// office is set when the mention is an office that nobody the article names holds
	// (officePhraseDe): it shows as a speaker, and rates as a name that resolved to nobody.
	office    bool
	ls, le    int
	labelName string
	// holder is set when the mention is a description of an office that resolved to the one
	// person the article names with it ("the president" is Barack Obama: holderEn,
	// resolveOfficeDe); the quotation's reasons say so (model.Quote.Holder).
	holder bool
}

const (
	maxSentence   = 80 // tokens a rule looks back for its sentence's start
	maxNameWords  = 8  // words of one name run
	maxAppositive = 36 // tokens an appositive may span: "X, a former adviser to …, said"
	maxDescWords  = 5  // words of a description: "a senior campaign spokesman"
)

// isVerb reports whether t is a word of the speech-verb lexicon written in lower case: a
// capitalised one ("Said", "Sagte") is not a verb here.
func isVerb(t tok) bool { return t.kind() == tWord && !t.cap() && t.is(lxSpeechVerb) }

// isStrongVerb reports whether t is a speech verb (isVerb) that is not one of the weak ones
// (weakVerbs: "state", "point", …), which speak only in some constructions.
func isStrongVerb(t tok) bool { return isVerb(t) && !t.is(lxWeakVerb) }

// isVerbTok reports whether i is an index of ts and ts[i] is a speech verb (isVerb).
func isVerbTok(ts []tok, i int) bool { return i >= 0 && i < len(ts) && isVerb(ts[i]) }

// isStrongVerbTok reports whether i is an index of ts and ts[i] is a speech verb that is not a
// weak one (isStrongVerb).
func isStrongVerbTok(ts []tok, i int) bool { return i >= 0 && i < len(ts) && isStrongVerb(ts[i]) }

// skipAdverbsBack returns the index before any adverbs, auxiliaries and day words that end at k
// ("he later said", "Smith on Tuesday said", "Priebus later Thursday told"), a part of the day
// after its day or a span after "last" or "this" too ("Smith on Tuesday night said", "Smith last
// week said"; dayPart).
func skipAdverbsBack(ts []tok, k, lo int) int {
	for n := 0; k >= lo && n < 4 && ts[k].kind() == tWord; n++ {
		switch {
		case lowerAdverb(ts[k]):
			k--
		case k > lo && dayPart(ts, k):
			k--
			if w := ts[k].lower(); w == "last" || w == "this" {
				k--
			}
		case ts[k].is(lxDay):
			k--
			if k >= lo && (ts[k].lower() == "on" || ts[k].lower() == "late" || ts[k].lower() == "early") {
				k--
			}
		default:
			return k
		}
	}
	return k
}

func isDay(s string) bool { return days.has(s) }

// dayPart reports whether the word at k is a part of the day after a day ("Tuesday night") or a
// span of time after "last" or "this" ("last week", "this morning"): with the word before it, an
// adjunct of time.
func dayPart(ts []tok, k int) bool {
	w, p := ts[k].lower(), ts[k-1]
	switch w {
	case "night", "morning", "afternoon", "evening":
		return p.is(lxDay) || p.lower() == "last" || p.lower() == "this"
	case "week", "weekend", "month", "year":
		return p.lower() == "last" || p.lower() == "this"
	}
	return false
}

// lowerAdverb reports whether word token t is an adverb in lower case, a listed one or an -ly
// word ("later", "openly"): what a subject and its verb may hold between them.
func lowerAdverb(t tok) bool { return !t.cap() && (t.is(lxAdverb) || isLyAdverb(t.lower())) }

// skipAdverbsFwd returns the index after any adverbs and day words that start at k.
func skipAdverbsFwd(ts []tok, k, limit int) int {
	for n := 0; k < limit && n < 3 && ts[k].kind() == tWord && (ts[k].is(lxAdverb) && !ts[k].cap() || ts[k].is(lxDay)); n++ {
		k++
	}
	return k
}

// lastContentRune returns the last non-space rune of a quotation's content, or 0.
func lastContentRune(rs []rune, sp span) rune { return sp.last }

// firstContentRune returns the first non-space rune of a quotation's content, or 0.
func firstContentRune(rs []rune, sp span) rune { return sp.first }

// contentEnds returns the first and last non-space runes of rs[start:end], or zeros.
func contentEnds(rs []rune, start, end int) (first, last rune) {
	for i := start; i < end; i++ {
		if !isSpaceRune(rs[i]) {
			first = rs[i]
			break
		}
	}
	for i := end - 1; i >= start; i-- {
		// “… people,’” ends with the comma inside the inner quotation.
		if !isSpaceRune(rs[i]) && (!isClosingMark(rs[i]) || i == start) {
			last = rs[i]
			break
		}
	}
	return first, last
}

// sentenceStart returns the first token of the sentence that holds token i. That of a quotation's
// token is worked out once (see paraState.sentStart).
func sentenceStart(ps *paraState, i int) int {
	if i < len(ps.toks) && ps.toks[i].kind() == tQuote {
		if q := ps.toks[i].q(); q < len(ps.sentStart) {
			if ps.sentStart[q] == 0 {
				ps.sentStart[q] = findSentenceStart(ps, i) + 1
			}
			return ps.sentStart[q] - 1
		}
	}
	return findSentenceStart(ps, i)
}

// findSentenceStart is sentenceStart, worked out: the first token after the sentence end before
// token i, at most maxSentence tokens back.
func findSentenceStart(ps *paraState, i int) int {
	ts := ps.toks
	for j := i - 1; j >= 0; j-- {
		if i-j > maxSentence {
			return j + 1 // a bounded window stands for a sentence with no end in sight
		}
		if ts[j].isSentenceEnd() {
			return j + 1
		}
		if ts[j].kind() == tQuote && j < i-1 {
			// A quotation that ends its sentence (“… win.” Smith said) starts a new one after it.
			l := lastContentRune(ps.rs, ps.spans[ts[j].q()])
			if (l == '.' || l == '!' || l == '?') && ts[j+1].kind() == tWord && ts[j+1].cap() {
				return j + 1
			}
		}
	}
	return 0
}

// isUtterance reports whether quotation token qi reads as a whole utterance rather than a quoted
// term: it opens its sentence (or follows a colon) and starts with a capital letter or runs to
// several words, and it is neither a title nor a term its sentence defines (termDefined).
func isUtterance(ps *paraState, qi int) bool {
	sp := ps.spans[ps.toks[qi].q()]
	if ps.titleLike(ps.toks[qi].q()) || !ps.de && termDefined(ps, qi) {
		return false
	}
	if qi > 0 && !ps.toks[qi-1].isSentenceEnd() && !ps.toks[qi-1].isPunct(":") && sentenceStart(ps, qi) != qi &&
		!strings.HasSuffix(ps.toks[qi-1].lower(), ".") && !(!ps.de && endsSentenceInside(ps, qi-1)) {
		return false
	}
	return unicode.IsUpper(firstContentRune(ps.rs, sp)) || countWords(ps.rs[sp.start:sp.end]) >= 4
}

// endsSentenceInside reports whether token i is a quotation whose words end with a period, a
// question mark or an exclamation mark inside its marks: “Town Talk.” ends its sentence, so a
// quotation right after it opens one (“…,” said Baker, a host on “Town Talk.” “…”).
func endsSentenceInside(ps *paraState, i int) bool {
	if ps.toks[i].kind() != tQuote {
		return false
	}
	r := lastContentRune(ps.rs, ps.spans[ps.toks[i].q()])
	return r == '.' || r == '?' || r == '!'
}

func countWords(rs []rune) int {
	n, in := 0, false
	for _, r := range rs {
		if isSpaceRune(r) {
			in = false
			continue
		}
		if !in {
			n++
			in = true
		}
	}
	return n
}

// wholeParagraph reports whether the quotation token qi is all the paragraph holds, apart from
// punctuation.
func wholeParagraph(ps *paraState, qi int) bool {
	return ps.words == 0 && len(ps.spans) == 1
}

// objectBetween reports whether tokens [a, b) are empty or a short object of a speech verb
// ("him", "Fox News", "the crowd"): at most four words, none a verb.
func objectBetween(ts []tok, a, b int) bool {
	if b-a > 4 {
		return false
	}
	for i := a; i < b; i++ {
		if ts[i].kind() != tWord || isVerb(ts[i]) {
			return false
		}
	}
	return true
}

func isClosingMark(r rune) bool {
	switch r {
	case '’', '\'', '”', '"', '‘', '“', '»', '«', '›', '‹':
		return true
	}
	return false
}

func isObjectPronoun(w string) bool {
	switch w {
	case "him", "her", "them", "me", "us", "it", "you", "himself", "herself", "themselves", "who", "which", "what":
		return true
	}
	return false
}

// clauseFollows reports whether the words after a mention at b go on as a clause ("said the
// candidate could be …"), so the mention is the clause's subject rather than the speaker.
func clauseFollows(ts []tok, b, n int) bool {
	if b >= n || ts[b].kind() != tWord || ts[b].cap() {
		return false
	}
	switch w := ts[b].lower(); w {
	case "is", "was", "are", "were", "has", "had", "have", "did", "does", "wants", "wanted", "needs", "needed":
		return true
	default:
		return isModalEn(w)
	}
}

// isModalEn reports whether the lower-case word w is an English modal verb: "will", "would",
// "should", "can", "could", "may", "might", "must".
func isModalEn(w string) bool {
	switch w {
	case "will", "would", "should", "could", "might", "may", "must", "can":
		return true
	}
	return false
}

// isLyAdverb reports whether w looks like an adverb of manner ("increasingly", "angrily").
func isLyAdverb(w string) bool {
	return len(w) > 4 && strings.HasSuffix(w, "ly") && !speakerNouns.has(w) && w != "only" && w != "family" && w != "italy"
}
