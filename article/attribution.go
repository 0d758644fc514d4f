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
	npNone    npKind = iota
	npName           // a proper name: "Dmitry Peskov", "Mr. Garin", "the White House"
	npPronoun        // "he", "she"
	npDesc           // a description: "a campaign spokesman", "officials"
)

// match is one attribution found by a rule: the mention is tokens [a, b) of paragraph para, the
// cue is token cue (or -1).
type match struct {
	para, a, b int
	kind       npKind
	cue        int
	cueText    string
	rule       string
	intro      bool // the quotation follows its speaker's `said:` or `said,` (a whole utterance)
	// label is set when the mention is a transcript label inside the quotation ("WALLACE: …"):
	// runes [ls, le) of the paragraph, named name.
	label     bool
	ls, le    int
	labelName string
}

const (
	maxSentence   = 80 // tokens a rule looks back for its sentence's start
	maxNameWords  = 8  // words of one name run
	maxAppositive = 24 // tokens an appositive may span: "X, a former adviser to …, said"
	maxDescWords  = 5  // words of a description: "a senior campaign spokesman"
)

// isVerb reports whether t is a word of the speech-verb lexicon written in lower case: a
// capitalised one ("Said", "Sagte") is not a verb here.
func isVerb(t tok) bool { return t.kind() == tWord && !t.cap() && t.is(lxSpeechVerb) }

// isVerbTok reports whether i is an index of ts and ts[i] is a speech verb (isVerb).
func isVerbTok(ts []tok, i int) bool { return i >= 0 && i < len(ts) && isVerb(ts[i]) }

// npForward reads a mention starting at token k, stopping before limit: a pronoun, a name with
// whatever office stands before it ("former congressman Dan Maffei", "White House press secretary
// Josh Earnest": the mention is the name), or a description ("a campaign spokesman"). A description
// needs a head from speakerNouns unless anyHead (the position already vouches for it: `,” the
// moderator said`).
func npForward(ts []tok, k, limit int, anyHead bool) (a, b int, kind npKind) {
	if k >= limit || ts[k].kind() != tWord {
		return 0, 0, npNone
	}
	t := ts[k]
	if t.is(lxPronoun) {
		return k, k + 1, npPronoun
	}
	det := t.is(lxDeterminer)
	j := k
	if det {
		j++
	} else if t.cap() && t.is(lxPossessive) && k+1 < limit && ts[k+1].kind() == tWord && !ts[k+1].cap() {
		det = true // "Clinton’s top foreign policy aide Jake Sullivan"
		j++
	}
	nameA, nameB := -1, -1
	head := -1
	for w := 0; j < limit && w < maxDescWords+3; w++ {
		u := ts[j]
		if u.kind() != tWord || isVerb(u) || !u.cap() && (u.is(lxAdverb) || u.is(lxPreposition) || u.is(lxDeterminer) || u.is(lxPronoun) || u.is(lxConjunction)) {
			break
		}
		if u.cap() && (!u.is(lxCapStop) || u.is(lxTitle)) {
			if e := nameRunEnd(ts, j, limit); e > j {
				nameA, nameB, head = j, e, e-1
				j = e
				continue
			}
		}
		if u.cap() && u.is(lxCapStop) {
			break
		}
		// A lower-case word belongs to a description after a determiner, or names an office; after
		// a name, only an office or a speaker noun goes on ("the Trump campaign").
		if !u.cap() && !det && !u.shape(lxRole) && !u.is(lxSpeakerNoun) {
			break
		}
		head = j
		j++
	}
	switch {
	case head < 0:
		return 0, 0, npNone
	case nameB == head+1:
		return nameA, nameB, npName
	case det && anyHead, ts[head].is(lxSpeakerNoun), ts[head].shape(lxRole):
		return k, head + 1, npDesc
	}
	return 0, 0, npNone
}

// officeAdjectives qualify an office before a name ("senior adviser", "longtime aide").
var officeAdjectives = setOf("senior", "longtime", "top", "chief", "deputy", "political", "national", "local",
	"republican", "democratic", "conservative", "liberal", "independent", "undecided", "retired", "veteran",
	"legal", "campaign", "policy", "foreign", "economic", "military", "state", "federal", "county", "city", "party",
	"elected", "outgoing", "incoming", "newly", "associate", "managing", "executive", "general", "special")

// conjunctions end a mention: `,” but Zakaria asked` names nobody for the quotation before it.
var conjunctions = setOf("and", "but", "or", "nor", "so", "yet", "because", "while", "when", "if", "as", "after",
	"before", "although", "though", "since", "until", "where", "whether", "once", "unless", "than", "und", "aber")

// prepositions end a description's head ("a spokesman for the campaign").
var prepositions = setOf("for", "of", "at", "in", "on", "with", "from", "to", "by", "close", "who", "which", "that",
	"aus", "mit", "von", "bei", "nach", "zu", "für", "über", "gegen", "im", "am", "vom", "zum", "zur", "dem", "den", "des", "vor")

// nameRunEnd returns the end of the run of name words starting at k: capitalised words, titles,
// initials and particles between capitalised words. A possessive ends the run before it.
func nameRunEnd(ts []tok, k, limit int) int {
	j := k
	for j < limit && j-k < maxNameWords {
		t := ts[j]
		if t.kind() != tWord {
			break
		}
		if t.cap() {
			if j > k && t.is(lxCapStop) && !t.is(lxTitle) {
				break
			}
			if t.is(lxPossessive) && (j > k || j+1 >= limit || !ts[j+1].cap() || ts[j+1].is(lxCapStop)) {
				break // "Trump’s campaign": the run ends before the possessive; "CNN’s Fareed Zakaria" goes on
			}
			j++
			continue
		}
		if t.is(lxParticle) && j > k && j+1 < limit && ts[j+1].cap() {
			j++
			continue
		}
		break
	}
	return j
}

func isPossessive(s string) bool {
	n := len(s)
	return n > 2 && s[n-1] == 's' && (s[n-2] == '\'' || (n > 4 && s[n-4:n-1] == "’"))
}

// npBackward reads a mention that ends at token k (inclusive), not before lo. A description needs
// a head from speakerNouns unless anyHead.
func npBackward(ts []tok, k, lo int, anyHead bool) (a, b int, kind npKind) {
	if k < lo {
		return 0, 0, npNone
	}
	if ts[k].isPunct(",") {
		// An appositive: "Lael Brainard, a Fed governor, said", or a name after a description:
		// "The government's spokesman, Steffen Seibert, said".
		for j := k - 1; j >= lo && k-j <= maxAppositive; j-- {
			if ts[j].kind() == tQuote || ts[j].isSentenceEnd() {
				break
			}
			if ts[j].isPunct(",") {
				if a, b, kind := npForward(ts, j+1, k, false); kind == npName && b == k && a == j+1 {
					return a, b, kind
				}
				// An appositive opens with a determiner, a lower-case word or a number ("a
				// Fed governor", "45"); "Trump went after Bush" is a clause.
				if f := ts[j+1]; f.kind() != tWord || f.cap() && !f.is(lxDeterminer) {
					break
				}
				a, b, kind := npBackward(ts, j-1, lo, false)
				if kind == npName || kind == npDesc {
					return a, b, kind
				}
				break
			}
		}
		return 0, 0, npNone
	}
	if ts[k].isPunct(")") {
		// "Rep. Jim McDermott (D-Wash.) said"
		for j := k - 1; j >= lo && k-j <= 8; j-- {
			if ts[j].isPunct("(") {
				return npBackward(ts, j-1, lo, anyHead)
			}
		}
		return 0, 0, npNone
	}
	if ts[k].kind() != tWord {
		return 0, 0, npNone
	}
	t := ts[k]
	if t.is(lxPronoun) {
		return k, k + 1, npPronoun
	}
	if t.cap() && !t.is(lxCapStop) && !t.is(lxPossessive) {
		j := k
		for j-1 >= lo && k-j < maxNameWords {
			u := ts[j-1]
			if u.kind() != tWord {
				break
			}
			if u.cap() && (!u.is(lxCapStop) || u.is(lxTitle)) {
				j--
				continue
			}
			if u.is(lxParticle) && j-2 >= lo && ts[j-2].cap() {
				j--
				continue
			}
			break
		}
		return j, k + 1, npName
	}
	if !t.cap() && (t.is(lxSpeakerNoun) || anyHead && !t.is(lxAdverb) && !t.is(lxPreposition) && !isVerb(t) &&
		!t.is(lxConjunction) && !t.is(lxDeterminer) && !t.is(lxPronoun) && !isObjectPronoun(t.lower())) {
		for j := k - 1; j >= lo && k-j <= maxDescWords; j-- {
			u := ts[j]
			if u.kind() != tWord || isVerb(u) || u.is(lxPreposition) && !u.cap() {
				break
			}
			if u.is(lxDeterminer) {
				return j, k + 1, npDesc
			}
		}
		if t.is(lxSpeakerNoun) && t.lower()[len(t.lower())-1] == 's' {
			return k, k + 1, npDesc // officials, sources
		}
	}
	// "A spokesman for the buyer said": a description with a short phrase after its head.
	for j := k - 1; j > lo && k-j <= 5; j-- {
		u := ts[j]
		if u.kind() != tWord || isVerb(u) {
			break
		}
		if (u.lower() == "for" || u.lower() == "of" || u.lower() == "at" || u.lower() == "with" || u.lower() == "from") && !ts[j-1].cap() && ts[j-1].is(lxSpeakerNoun) {
			if a, b, kind := npBackward(ts, j-1, lo, false); kind == npDesc && b == j {
				return a, b, kind
			}
			break
		}
	}
	return 0, 0, npNone
}

// skipAdverbsBack returns the index before any adverbs, auxiliaries and day words that end at k
// ("he later said", "Smith on Tuesday said", "Priebus later Thursday told").
func skipAdverbsBack(ts []tok, k, lo int) int {
	for n := 0; k >= lo && n < 4 && ts[k].kind() == tWord; n++ {
		switch {
		case !ts[k].cap() && (ts[k].is(lxAdverb) || isLyAdverb(ts[k].lower())):
			k--
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

func isDay(s string) bool {
	switch s {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday":
		return true
	}
	return false
}

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

// ruleAfter links `,” X said`, `,” said X`, `,” X, a …, said` and `,” according to X`.
func ruleAfter(ps *paraState, qi int) (match, bool) {
	ts := ps.toks
	sp := ps.spans[ts[qi].q()]
	n := len(ts)
	t := qi + 1
	comma := false
	if t < n && ts[t].kind() == tPunct && (ts[t].lower() == "," || ts[t].lower() == "—" || ts[t].lower() == "–" || ts[t].lower() == "-" || ts[t].lower() == "―") {
		comma = true
		t++
	}
	if t >= n {
		return match{}, false
	}
	// “…” ― Sonya Herridge: a dash and a name that ends the line.
	if comma && ts[t-1].lower() != "," {
		if e := nameRunEnd(ts, t, n); e > t && (e == n || ts[e].isSentenceEnd()) {
			return match{a: t, b: e, kind: npName, cue: t - 1, rule: "after-dash"}, true
		}
	}
	// `,” From said`: a surname that is also a common word.
	if t+1 < n && ts[t].kind() == tWord && ts[t].cap() && ts[t].is(lxCapStop) && !ts[t].is(lxPronoun) &&
		!ts[t].is(lxDeterminer) && ts[t].lower() != "it" && isVerb(ts[t+1]) && !ts[t+1].is(lxWeakVerb) && (comma || lastContentRune(ps.rs, sp) == ',') {
		return match{a: t, b: t + 1, kind: npName, cue: t + 1, rule: "after-name-verb"}, true
	}
	last := lastContentRune(ps.rs, sp)
	// A quotation that ends without punctuation (“… a battle of niches” Grubbs said) lost its
	// comma; one that ends with a period ended its sentence.
	bare := !comma && isWordRune(last)
	open := comma || last == ',' || last == '?' || last == '!' || last == '—' || last == '–' || last == '-' || last == '…' || bare
	// `,” said X`
	if isVerbTok(ts, t) {
		a, b, k := npForward(ts, t+1, n, true)
		if k != npNone && (ts[t].lower() != "so" || k == npName) && !clauseFollows(ts, b, n) {
			return match{a: a, b: b, kind: k, cue: t, rule: "after-verb-name"}, true
		}
	}
	if !open {
		return match{}, false
	}
	if ts[t].lower() == "according" && t+1 < n && ts[t+1].lower() == "to" {
		if a, b, k := npForward(ts, t+2, n, false); k != npNone {
			return match{a: a, b: b, kind: k, cue: t, cueText: "according to", rule: "according-to"}, true
		}
	}
	a, b, k := npForward(ts, t, n, true)
	if k == npNone && ts[t].lower() == "it" {
		a, b, k = t, t+1, npPronoun // `,” it added`
	}
	if k == npNone {
		// `,” federal prosecutors wrote`: a few lower-case words and a speaking noun.
		for j := t; j < n && j-t < 3 && ts[j].kind() == tWord && !ts[j].cap() && !isVerb(ts[j]); j++ {
			if ts[j].is(lxSpeakerNoun) && isVerbTok(ts, skipAdverbsFwd(ts, j+1, n)) {
				a, b, k = t, j+1, npDesc
				break
			}
			if ts[j].is(lxConjunction) || ts[j].is(lxPreposition) || ts[j].is(lxPronoun) {
				break
			}
		}
	}
	if k == npNone {
		if bare {
			return match{}, false
		}
		return afterDescribedName(ts, t, n)
	}
	j := skipAside(ts, b, n)
	if j < n && ts[j].isPunct(",") {
		// An appositive up to the next comma.
		for e := j + 1; e < n && e-j <= maxAppositive; e++ {
			if ts[e].kind() == tQuote || ts[e].isSentenceEnd() {
				break
			}
			if ts[e].isPunct(",") {
				j = e + 1
				break
			}
		}
	}
	j = skipAside(ts, j, n)
	j = skipAdverbsFwd(ts, j, n)
	if bare {
		// No comma: only `” Grubbs said.` itself, a name and a plain speech verb that ends the sentence.
		if (k == npName || k == npPronoun) && a == t && j == b && isVerbTok(ts, j) && !ts[j].is(lxWeakVerb) && (j+1 == n || ts[j+1].kind() == tPunct) {
			return match{a: a, b: b, kind: k, cue: j, rule: "after-name-verb"}, true
		}
		return match{}, false
	}
	if isVerbTok(ts, j) && ts[j].lower() != "so" || j+1 < n && ts[j].lower() == "went" && ts[j+1].lower() == "on" {
		return match{a: a, b: b, kind: k, cue: j, rule: "after-name-verb"}, true
	}
	return afterDescribedName(ts, t, n)
}

// skipAside returns the index after an aside that may stand between a speaker and a speech verb:
// a parenthesis ("Rep. John Mica (R-Fla.) said") or a short phrase ("Mr. Morgan of the Sierra
// Club said").
func skipAside(ts []tok, j, n int) int {
	if j < n && ts[j].isPunct("(") {
		for e := j + 1; e < n && e-j <= 10; e++ {
			if ts[e].isPunct(")") {
				return e + 1
			}
		}
		return j
	}
	if j < n && ts[j].kind() == tWord && (ts[j].lower() == "of" || ts[j].lower() == "at" || ts[j].lower() == "from" || ts[j].lower() == "for" || ts[j].lower() == "in" || ts[j].lower() == "with") {
		for e := j + 1; e < n && e-j <= 6; e++ {
			if ts[e].kind() != tWord {
				return j
			}
			if isVerb(ts[e]) {
				return e
			}
		}
	}
	return j
}

// afterDescribedName links `,” election law expert Rick Hasen tweeted`: a few lower-case words, a
// name, a speech verb.
func afterDescribedName(ts []tok, t, n int) (match, bool) {
	// Words of an office or a description, then a name, then a speech verb: `,” Trump senior
	// adviser Paul Manafort conceded`, `,” another friend, Mariam Emara told CNN`. The mention is
	// the last name run.
	for j := t; j < n && j-t < 10; {
		u := ts[j]
		if u.isPunct(",") && j > t {
			j++
			continue
		}
		if u.kind() != tWord || isVerb(u) || u.is(lxConjunction) || u.is(lxPronoun) || u.lower() == "who" {
			return match{}, false
		}
		if u.is(lxPreposition) && j == t || u.is(lxPossessive) && !u.cap() {
			return match{}, false
		}
		if !u.cap() && !u.shape(lxRole) && !u.is(lxSpeakerNoun) && !u.is(lxOfficeAdjective) &&
			(strings.HasSuffix(u.lower(), "ed") || strings.HasSuffix(u.lower(), "ing") || u.is(lxAdverb)) {
			return match{}, false // "failed, Baker said …" is a clause, not a description
		}
		if u.cap() && !u.is(lxCapStop) {
			e := nameRunEnd(ts, j, n)
			if e == j {
				j++
				continue
			}
			v := skipAdverbsFwd(ts, skipAside(ts, e, n), n)
			if isVerbTok(ts, v) && ts[v].lower() != "so" && !ts[v].is(lxWeakVerb) {
				return match{a: j, b: e, kind: npName, cue: v, rule: "after-name-verb"}, true
			}
			j = e
			continue
		}
		j++
	}
	return match{}, false
}

// sentenceStart returns the first token of the sentence that holds token i.
func sentenceStart(ps *paraState, i int) int {
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

// ruleBefore links `X said: “`, `X said, “`, `said X: “` and a speech verb earlier in the same
// sentence (`X argued that … “`), walking back over other quotations of the sentence.
func ruleBefore(ps *paraState, qi int) (match, bool) {
	ts := ps.toks
	lo := sentenceStart(ps, qi)
	intro := qi > 0 && (ts[qi-1].isPunct(":") || ts[qi-1].isPunct(","))
	return walkBack(ps, qi, lo, intro)
}

// walkBack looks for a speech verb and its subject in tokens [lo, end).
func walkBack(ps *paraState, end, lo int, intro bool) (match, bool) {
	ts := ps.toks
	// A participle or a coordinated verb ("Nefzi said, adding, “", "Trump … and said, “") takes
	// the subject of an earlier speech verb of the sentence, or else the sentence's subject.
	pending := match{}
	hasPending := false
	for k := end - 1; k >= lo; k-- {
		t := ts[k]
		if t.kind() != tWord {
			continue
		}
		if t.lower() == "according" && k+1 < end && ts[k+1].lower() == "to" {
			if a, b, kind := npForward(ts, k+2, end, false); kind != npNone {
				return match{a: a, b: b, kind: kind, cue: k, cueText: "according to", rule: "according-to", intro: intro}, true
			}
			continue
		}
		if t.lower() == "laut" { // German "according to"
			if a, b, kind := npForward(ts, k+1, end, false); kind != npNone {
				return match{a: a, b: b, kind: kind, cue: k, rule: "according-to", intro: intro}, true
			}
			continue
		}
		if t.cap() && k == lo && t.is(lxSpeechVerb) && !t.is(lxGermanVerb) {
			// "Said Ellis: “…”": an inverted attribution opening the sentence.
			if a, b, kind := npForward(ts, k+1, end, false); kind == npName && b == end-1 && ts[b].isPunct(":") {
				return match{a: a, b: b, kind: kind, cue: k, rule: "before-verb-name", intro: true}, true
			}
			continue
		}
		if !isVerb(t) && !(t.is(lxNamingVerb) && !t.cap()) {
			continue
		}
		adjacent := k == end-1 || ts[end-1].kind() == tPunct && objectBetween(ts, k+1, end-1)
		gerund := strings.HasSuffix(t.lower(), "ing")
		naming := t.is(lxNamingVerb)
		if t.is(lxWeakVerb) && !adjacent && !gerund && !naming {
			continue
		}
		if isPassive(ts, k, lo) {
			continue // "Blumenthal was asked, “": the speaker is someone else
		}
		// German puts the subject after the verb when the sentence opens with something else:
		// "Am 3. Oktober sagte Bundespräsident Steinmeier in Mainz: „…“".
		if t.is(lxGermanVerb) && k > lo {
			if a, b, kind := npForward(ts, k+1, end, false); (kind == npName || kind == npDesc) && skipPhrase(ts, b, end) == end-1 && (ts[end-1].isPunct(":") || ts[end-1].isPunct(",")) {
				return match{a: a, b: b, kind: kind, cue: k, rule: "before-verb-name", intro: intro}, true
			}
		}
		p := skipAdverbsBack(ts, k-1, lo)
		if a, b, kind := npBackward(ts, p, lo, adjacent && intro && !gerund); kind != npNone {
			if kind == npPronoun && b < k && ts[b].kind() == tWord && ts[b].lower() == "told" {
				continue
			}
			if (naming || gerund || t.is(lxWeakVerb)) && kind != npName && kind != npPronoun {
				// "a group called the “…”", "she sent an email saying “…”": not the speaker.
				if gerund && !hasPending {
					pending, hasPending = match{cue: k, intro: intro && adjacent}, true
				}
				continue
			}
			m := match{a: a, b: b, kind: kind, cue: k, rule: "before-verb", intro: intro && adjacent}
			if hasPending {
				m.cue, m.intro = pending.cue, pending.intro
			}
			return m, true
		}
		// `said X: “`
		if !t.is(lxObjectVerb) && !hasPending {
			if a, b, kind := npForward(ts, k+1, end, false); kind != npNone && kind != npPronoun && skipPhrase(ts, b, end) == end-1 && (ts[end-1].isPunct(":") || ts[end-1].isPunct(",")) {
				return match{a: a, b: b, kind: kind, cue: k, rule: "before-verb-name", intro: intro}, true
			}
		}
		if !hasPending && p >= lo && (ts[p].kind() == tWord && (ts[p].lower() == "and" || ts[p].lower() == "but" || ts[p].lower() == "then" || ts[p].lower() == "to") || gerund) {
			pending, hasPending = match{cue: k, intro: intro && adjacent}, true
		}
	}
	if hasPending {
		if a, b, kind := sentenceSubject(ts, lo, pending.cue); kind != npNone {
			return match{a: a, b: b, kind: kind, cue: pending.cue, rule: "before-subject", intro: pending.intro}, true
		}
	}
	return match{}, false
}

// namingVerbs give a quoted name or term to something ("called the plan “a disaster”"); they link
// a quotation only to a named subject.
var namingVerbs = setOf("call", "calls", "called", "calling", "dub", "dubs", "dubbed", "dubbing", "label", "labels",
	"labeled", "labelled", "labeling", "brand", "brands", "branded", "branding", "describe", "describes", "described",
	"describing", "term", "termed", "terms", "deride", "derided", "derides", "deriding", "refer", "referred",
	"referring", "refers", "praise", "praised", "praises", "praising", "thank", "thanked", "thanks", "thanking",
	"liken", "likened", "likens", "likening", "compare", "compared", "compares", "comparing",
	"nannte", "nennt", "bezeichnete", "bezeichnet")

// isPassive reports whether the speech verb at k is passive ("was asked", "has been described").
func isPassive(ts []tok, k, lo int) bool {
	if strings.HasSuffix(ts[k].lower(), "ing") {
		return false
	}
	for j := k - 1; j >= lo && k-j <= 3; j-- {
		switch ts[j].lower() {
		case "was", "were", "is", "are", "been", "be", "being", "wurde", "wurden", "wird":
			return true
		case "also", "later", "then", "reportedly", "repeatedly", "previously", "often", "once", "widely":
			continue
		}
		return false
	}
	return false
}

// objectVerbs take an object after them, so the name after them is not their subject ("told Fox
// News: “").
var objectVerbs = setOf("told", "tell", "tells", "telling", "asked", "ask", "asks", "asking", "informed", "reminded",
	"warned", "urged", "assured", "convinced", "accused", "criticized", "answered", "thanked", "quoted")

// sentenceSubject returns the name or pronoun that opens the sentence starting at lo, when it
// stands before end: the subject of a later coordinated or participial speech verb.
func sentenceSubject(ts []tok, lo, end int) (a, b int, kind npKind) {
	k := lo
	for k < end && ts[k].kind() == tWord && ts[k].cap() && (ts[k].lower() == "and" || ts[k].lower() == "but" || ts[k].lower() == "then" || ts[k].lower() == "so") {
		k++
	}
	for k < end && ts[k].kind() == tWord && (ts[k].lower() == "then" || ts[k].lower() == "later") {
		k++
	}
	a, b, kind = npForward(ts, k, end, false)
	if kind == npNone || b >= end || ts[b].kind() != tWord || ts[b].cap() || ts[b].is(lxPreposition) || ts[b].is(lxConjunction) {
		// "Hours after the meeting, Trump returned …": the subject follows the opening phrase.
		if k == lo {
			for c := lo; c < end && c-lo <= 12; c++ {
				if ts[c].isPunct(",") {
					return sentenceSubject(ts, c+1, end)
				}
			}
		}
		return 0, 0, npNone
	}
	return a, b, kind
}

// ruleLabel links transcript labels: a paragraph that opens with `NAME:` (or a quotation whose
// content does) gives its quotations to NAME.
func ruleLabel(ps *paraState, qi int) (match, bool) {
	ts := ps.toks
	// NAME: “…”
	if qi >= 2 && ts[qi-1].isPunct(":") {
		a, b, kind := npBackward(ts, qi-2, 0, false)
		if kind == npName && b-a <= 4 && (a == 0 || ts[a-1].isSentenceEnd() || ts[a-1].isPunct("—") || ts[a-1].isPunct("-") || ts[a-1].isPunct("–")) {
			return match{a: a, b: b, kind: kind, cue: qi - 1, cueText: ":", rule: "label", intro: true}, true
		}
	}
	return match{}, false
}

// ruleLabelInside links a quotation that opens with a transcript label ("“WALLACE: Let’s start
// …”") to the labelled speaker: one or two words in capitals, then a colon.
func ruleLabelInside(ps *paraState, qi int) (match, bool) {
	sp := ps.spans[ps.toks[qi].q()]
	rs := ps.rs
	i := sp.start
	for i < sp.end && isSpaceRune(rs[i]) {
		i++
	}
	start, words := i, 0
	for i < sp.end && words < 3 {
		w := i
		for i < sp.end && (unicode.IsUpper(rs[i]) || rs[i] == '.' || rs[i] == '\'' || rs[i] == '’' || rs[i] == '-') {
			i++
		}
		if i-w < 2 {
			return match{}, false
		}
		words++
		if i < sp.end && rs[i] == ':' {
			name := []rune(string(rs[start:i]))
			for k := 1; k < len(name); k++ {
				if unicode.IsLetter(name[k-1]) {
					name[k] = unicode.ToLower(name[k])
				}
			}
			return match{cue: -1, cueText: ":", rule: "label-inside", intro: true, label: true, ls: start, le: i, labelName: string(name)}, true
		}
		if i < sp.end && rs[i] == ' ' {
			i++
			continue
		}
		return match{}, false
	}
	return match{}, false
}

// isUtterance reports whether quotation token qi reads as a whole utterance rather than a quoted
// term: it opens its sentence (or follows a colon) and starts with a capital letter or runs to
// several words, and it is not a title.
func isUtterance(ps *paraState, qi int) bool {
	sp := ps.spans[ps.toks[qi].q()]
	if ps.titleLike(ps.toks[qi].q()) {
		return false
	}
	if qi > 0 && !ps.toks[qi-1].isSentenceEnd() && !ps.toks[qi-1].isPunct(":") && sentenceStart(ps, qi) != qi &&
		!strings.HasSuffix(ps.toks[qi-1].lower(), ".") {
		return false
	}
	return unicode.IsUpper(firstContentRune(ps.rs, sp)) || countWords(ps.rs[sp.start:sp.end]) >= 4
}

// sentencePronouns open a sentence rather than a title.
var sentencePronouns = setOf("I", "We", "You", "He", "She", "They", "Ich", "Wir", "Er")

// smallWords may stay lower case in a title ("Meet the Press").
var smallWords = setOf("of", "the", "a", "an", "and", "in", "on", "to", "for", "at", "by", "with", "or", "from",
	"de", "vs", "vs.", "is", "as", "into", "der", "die", "das", "und", "von", "la", "le", "du")

// titleLike is isTitleLike of the paragraph's quotation k, worked out once: the rules ask it of a
// quotation several times.
func (ps *paraState) titleLike(k int) bool {
	switch ps.title[k] {
	case titleNo:
		return false
	case titleYes:
		return true
	}
	t := isTitleLike(ps.rs, ps.spans[k])
	ps.title[k] = titleNo
	if t {
		ps.title[k] = titleYes
	}
	return t
}

// The values of paraState.title.
const (
	titleUnknown uint8 = iota
	titleNo
	titleYes
)

// isTitleLike reports whether a quotation reads as a title or name: a few words, each capitalised
// but the small ones ("Meet the Press", “Fareed Zakaria GPS”).
func isTitleLike(rs []rune, sp span) bool {
	if sp.last == '?' || sp.last == '!' {
		return false
	}
	words, start := 0, true
	var wbuf [24]rune // the word being read: room for most, on the stack
	w := wbuf[:0]
	check := func() bool {
		if len(w) == 0 {
			return true
		}
		words++
		if unicode.IsUpper(w[0]) || unicode.IsDigit(w[0]) {
			return true
		}
		return words > 1 && smallWords[string(w)]
	}
	for i, r := range rs[sp.start:sp.end] {
		if isSpaceRune(r) {
			if !check() || words == 1 && sentencePronouns[string(w)] {
				return false
			}
			if i > 0 && rs[sp.start+i-1] == '.' && len(w) > 2 {
				return false // two sentences: “The Donald. Big Daddy.”
			}
			w, start = w[:0], true
			continue
		}
		if start && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		start = false
		if r == '’' || r == '\'' {
			return false // a contraction: “We’re America.”
		}
		w = append(w, r)
	}
	if !check() {
		return false
	}
	return words >= 1 && words <= 7
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
	switch ts[b].lower() {
	case "is", "was", "are", "were", "has", "had", "have", "would", "will", "could", "can", "should", "may",
		"might", "must", "did", "does", "wants", "wanted", "needs", "needed":
		return true
	}
	return false
}

// minSubjectWords is the fewest words a quotation needs to take its sentence's subject.
const minSubjectWords = 5

// isLyAdverb reports whether w looks like an adverb of manner ("increasingly", "angrily").
func isLyAdverb(w string) bool {
	return len(w) > 4 && strings.HasSuffix(w, "ly") && !speakerNouns[w] && w != "only" && w != "family" && w != "italy"
}

// ruleSubject links a quotation inside a sentence to the sentence's subject when that is a person
// (a pronoun, or a name with a title or of two words or more): "Clinton has increasingly decried
// the issue of “systemic racism”". It is the weakest rule, tried last.
func ruleSubject(ps *paraState, qi int) (match, bool) {
	ts := ps.toks
	lo := sentenceStart(ps, qi)
	if sp := ps.spans[ts[qi].q()]; lo >= qi || countWords(ps.rs[sp.start:sp.end]) < minSubjectWords {
		return match{}, false // a term or two in marks is more often a scare quote
	}
	a, b, kind := sentenceSubject(ts, lo, qi)
	if kind != npName && kind != npPronoun || b >= qi {
		return match{}, false
	}
	if kind == npPronoun && ts[a].lower() != "he" && ts[a].lower() != "she" {
		return match{}, false
	}
	// The subject's verb must not be a copula or a passive: "Trump is the “law and order”
	// candidate" says nothing.
	v := skipAdverbsFwd(ts, b, qi)
	if v >= qi || ts[v].kind() != tWord || isPassive(ts, v, b) {
		return match{}, false
	}
	switch ts[v].lower() {
	case "is", "was", "are", "were", "be", "been", "has", "had", "have", "who", "which", "that":
		return match{}, false
	}
	return match{a: a, b: b, kind: kind, cue: v, rule: "subject"}, true
}

// skipPhrase returns the index after a short prepositional phrase at j ("in Mainz", "on Sunday"),
// or j when none starts there.
func skipPhrase(ts []tok, j, n int) int {
	if j >= n || ts[j].kind() != tWord || !ts[j].is(lxPreposition) {
		return j
	}
	e := j + 1
	for e < n && e-j <= 5 && ts[e].kind() == tWord {
		e++
	}
	return e
}

// ruleSentenceEnd links a quotation to an attribution that closes its sentence after it, past
// other words: `“the beginning of the end” for the EU, said Geert Wilders.`, `Obama “felt a moral
// obligation” to act, Axelrod said.` The closing clause follows the sentence's last comma and
// runs to its end.
func ruleSentenceEnd(ps *paraState, qi int) (match, bool) {
	ts := ps.toks
	n := len(ts)
	end := -1
	for j := qi + 1; j < n && j-qi <= maxSentence; j++ {
		if ts[j].isSentenceEnd() {
			end = j
			break
		}
		if ts[j].kind() == tQuote {
			l := lastContentRune(ps.rs, ps.spans[ts[j].q()])
			if l == '.' || l == '!' || l == '?' {
				return match{}, false // the sentence ends inside a later quotation
			}
		}
	}
	if end < 0 {
		end = n
	}
	// Try the last commas of the sentence: `, said Tom Baker, the senator.` closes after two.
	tries := 0
	for j := end - 1; j > qi && end-j <= 24 && tries < 3; j-- {
		if ts[j].kind() == tQuote {
			return match{}, false
		}
		if ts[j].isPunct(",") {
			tries++
			if m, ok := closingClause(ts, j+1, end); ok {
				return m, true
			}
		}
	}
	return match{}, false
}

// closingClause reads `said X` or `X said` (with an appositive or a short phrase) filling tokens
// [t, end): the attribution that closes a sentence.
func closingClause(ts []tok, t, end int) (match, bool) {
	// `, said X.`
	if isVerbTok(ts, t) && !ts[t].is(lxWeakVerb) {
		if a, b, k := npForward(ts, t+1, end, true); k != npNone && !clauseFollows(ts, b, end) {
			return match{a: a, b: b, kind: k, cue: t, rule: "sentence-end"}, true
		}
		return match{}, false
	}
	// `, X said.` with an optional appositive or aside, and a short phrase before the end.
	a, b, k := npForward(ts, t, end, true)
	if k == npNone {
		return match{}, false
	}
	j := skipAside(ts, b, end)
	if j < end && ts[j].isPunct(",") {
		for e := j + 1; e < end; e++ {
			if ts[e].isPunct(",") {
				j = e + 1
				break
			}
		}
	}
	j = skipAdverbsFwd(ts, j, end)
	if !isVerbTok(ts, j) || ts[j].is(lxWeakVerb) {
		return match{}, false
	}
	if r := skipPhrase(ts, skipAdverbsFwd(ts, j+1, end), end); r != end && !(r+1 == end && ts[r].kind() == tWord) {
		return match{}, false // the clause goes on: it is not an attribution
	}
	return match{a: a, b: b, kind: k, cue: j, rule: "sentence-end"}, true
}

// ruleCreditLine links a paragraph that is one whole quotation to a credit line that follows it
// ("“…”" then "- Sanders." or "—President Obama, tweeting after the speech.").
func ruleCreditLine(next *paraState) (match, bool) {
	ts := next.toks
	if len(ts) < 2 || ts[0].kind() != tPunct || ts[0].lower() != "-" && ts[0].lower() != "—" && ts[0].lower() != "–" && ts[0].lower() != "―" {
		return match{}, false
	}
	a, b, kind := npForward(ts, 1, len(ts), false)
	if kind != npName || b < len(ts) && !ts[b].isPunct(",") && !ts[b].isSentenceEnd() {
		return match{}, false
	}
	return match{a: a, b: b, kind: kind, cue: 0, cueText: "—", rule: "credit-line", intro: true}, true
}
