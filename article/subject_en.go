package article

import "strings"

// This file finds the subject of an English speech verb: where the main clause starts past a
// subordinate one, the mention that opens the sentence (past an opening phrase or an aside), the
// subject of a verb that reports a clause, and the names before a verb that are not its subject (a
// preposition's object, a place).

// mainClauseStart returns where the main clause of a sentence that opens at lo with a
// subordinate clause ("While Sullivan proclaims the article a “…,” Clinton fixates on the “…”
// line") starts, when the quotation at qi is in it: after the first comma that a mention and a
// lower-case word follow. A speech verb of the subordinate clause says nothing of the main
// clause's quotations. Otherwise lo.
func mainClauseStart(ts []tok, lo, qi int) int {
	if lo >= qi || ts[lo].kind() != tWord || !ts[lo].cap() {
		return lo
	}
	switch ts[lo].lower() {
	case "while", "although", "though", "whereas":
	default:
		return lo
	}
	for c := lo + 1; c < qi; c++ {
		if ts[c].isSentenceEnd() {
			return lo
		}
		if !ts[c].isPunct(",") && !ts[c].is(lxQuoteComma) {
			continue
		}
		if _, _, _, kind := openingMention(ts, c+1, qi); kind != npNone {
			return c + 1
		}
	}
	return lo
}

// datelineEnd returns where the sentence goes on after a news agency's dateline that opens it at lo
// ("WASHINGTON (AP) — …", "WASHINGTON, Dec. 8 (UPI) — …", "PARIS, Aug 31 (Reuters) - …"): its
// place and date in capitalised words, numbers, commas and periods, the agency (newsAgency) in
// parentheses and a dash. lo when the sentence opens with no dateline.
func datelineEnd(ts []tok, lo, end int) int {
	if lo >= end || ts[lo].kind() != tWord || !ts[lo].cap() {
		return lo
	}
	for j := lo + 1; j < end && j-lo <= maxDateline; j++ {
		t := ts[j]
		switch {
		case t.isPunct("("):
			if j+3 < end && ts[j+1].kind() == tWord && newsAgency(ts[j+1].lower()) && ts[j+2].isPunct(")") && (isDash(ts[j+3]) || ts[j+3].isPunct("-")) {
				return j + 4
			}
			return lo
		case t.kind() == tWord && (t.cap() || isNumberWord(t)), t.isPunct(","), t.isPunct("."):
		default:
			return lo
		}
	}
	return lo
}

// newsAgency reports whether the lower-case word w is a news agency that signs a dateline: "(AP)",
// "(Reuters)". A name's party or state in parentheses ("Tom Baker (D) — who …") is none.
func newsAgency(w string) bool {
	switch w {
	case "ap", "afp", "upi", "reuters", "bloomberg", "dpa", "efe", "ansa", "kyodo", "xinhua", "tass", "ians", "pti", "cnn":
		return true
	}
	return false
}

// colonClauseSubject returns the subject of the clause that a colon at c ends, when that clause
// opens after a comma past the cue: a name or "he"/"she" right after the comma (or after "but" or
// "and"), and a lower-case word after it that is no speech verb, a preposition or a conjunction
// ("…, Rubio fired back forcefully:", "… “non-entities,” but he gave the Texan a back-handed
// compliment:").
func colonClauseSubject(ts []tok, cue, c int) (a, b int, kind npKind) {
	for j := c - 1; j > cue && c-j <= 16; j-- {
		quoteThenBut := ts[j].kind() == tQuote && j+1 < c && (ts[j+1].lower() == "but" || ts[j+1].lower() == "and")
		if ts[j].kind() == tQuote && !quoteThenBut || ts[j].isSentenceEnd() {
			return 0, 0, npNone
		}
		if !ts[j].isPunct(",") && !quoteThenBut {
			continue // (a quotation that ends with its comma: “…,” but he gave …:)
		}
		k := j + 1
		if k < c && ts[k].kind() == tWord && !ts[k].cap() && (ts[k].lower() == "but" || ts[k].lower() == "and") {
			k++
		}
		a, b, kind = npForward(ts, k, c, false)
		if kind == npPronoun && ts[a].lower() != "he" && ts[a].lower() != "she" || kind != npName && kind != npPronoun {
			return 0, 0, npNone
		}
		if v := skipAdverbsFwd(ts, b, c); v >= c || ts[v].kind() != tWord || ts[v].cap() || isVerb(ts[v]) || ts[v].is(lxPreposition) || ts[v].is(lxConjunction) || ts[v].lower() == "who" {
			return 0, 0, npNone
		}
		return a, b, kind
	}
	return 0, 0, npNone
}

// Reaches of the opening phrase ("Hours after the meeting, …") that the subject readers skip to the
// subject after its comma, in tokens from the sentence's start.
const (
	// maxOpeningPhrase is the reach for a sentence with no speech verb of its own (ruleSubjectKnown,
	// ruleCry): a longer phrase may hold a clause whose subject is not the speaker's.
	maxOpeningPhrase = 12
	// maxOpeningPhraseHeld is the reach for the subject of a participial or coordinated speech verb
	// (participleSubject): "In response to Donald Trump’s proposal to bar Muslims from entering the
	// United States, Hillary Clinton’s right-hand woman rallied supporters, saying: “…”".
	maxOpeningPhraseHeld = 20
	// maxDateline is the reach of a dateline's place and date before its agency: "PASADENA, Calif.,
	// Jan. 1 (UPI) —".
	maxDateline = 10
)

// sentenceSubject returns the name or pronoun that opens the sentence starting at lo, when it
// stands before end: the subject of a later coordinated or participial speech verb. An opening
// phrase of up to maxOpeningPhrase tokens before a comma is skipped.
func sentenceSubject(ts []tok, lo, end int) (a, b int, kind npKind) {
	return sentenceSubjectWithin(ts, lo, end, maxOpeningPhrase)
}

// sentenceSubjectWithin is sentenceSubject with an opening phrase of up to reach tokens.
func sentenceSubjectWithin(ts []tok, lo, end, reach int) (a, b int, kind npKind) {
	k := lo
	for k < end && ts[k].kind() == tWord && ts[k].cap() && (ts[k].lower() == "and" || ts[k].lower() == "but" || ts[k].lower() == "then" || ts[k].lower() == "so") {
		k++
	}
	for k < end && ts[k].kind() == tWord && (ts[k].lower() == "then" || ts[k].lower() == "later") {
		k++
	}
	a, b, kind = npForward(ts, k, end, false)
	if kind == npNone || b >= end || ts[b].kind() != tWord || ts[b].cap() || ts[b].is(lxPreposition) || ts[b].is(lxConjunction) ||
		kind == npName && b == a+1 && openerWord(ts, a, end) || kind == npDesc && timeAfterNoun[ts[b].lower()] {
		// "Hours after the meeting, Trump returned …", "But a few days later, Trump reversed …":
		// the subject follows the opening phrase, after a conjunction too.
		for c := k; c < end && c-lo <= reach; c++ {
			if ts[c].isPunct(",") {
				return sentenceSubjectWithin(ts, c+1, end, reach)
			}
		}
		return 0, 0, npNone
	}
	return a, b, kind
}

// timeAfterNoun are the adverbs that make a span of time of the noun phrase before them ("a few
// days later", "two weeks ago", "hours earlier"): an opening phrase, no subject.
var timeAfterNoun = setOf("later", "earlier", "ago", "before", "after", "afterward", "afterwards")

// participleSubject returns the subject of the clause that a participial or coordinated speech
// verb at end hangs on: sentenceSubject's, or else the mention that opens the sentence (or follows
// its opening phrase) when a verb follows it past an aside (openingMention).
func participleSubject(ts []tok, lo, end int) (a, b int, kind npKind) {
	if a, b, kind = sentenceSubjectWithin(ts, lo, end, maxOpeningPhraseHeld); kind != npNone {
		return a, b, kind
	}
	k := lo
	for k < end && ts[k].kind() == tWord && ts[k].cap() && (ts[k].lower() == "and" || ts[k].lower() == "but" || ts[k].lower() == "then" || ts[k].lower() == "so") {
		k++
	}
	if a, b, _, kind = openingMention(ts, k, end); kind != npNone {
		return a, b, kind
	}
	if a, b, kind = invertedSpeaker(ts, lo, end); kind != npNone {
		return a, b, kind
	}
	// "At a rally in Dayton, Ohio, on Tuesday, Senator Tom Baker of Ohio endorsed …": the
	// mention follows the opening phrase, which may hold commas of its own.
	for c := k; c < end && c-lo <= maxOpeningPhraseHeld; c++ {
		if ts[c].isPunct(",") {
			if a, b, _, kind = openingMention(ts, c+1, end); kind != npNone {
				return a, b, kind
			}
		}
	}
	return 0, 0, npNone
}

// invertedSpeaker returns the name after the speech verb of a sentence that opens with a
// quotation and an inverted speech clause ("“It is not new,” said Tom Baker at the time, adding
// that “…”"): the subject of a participle later in the sentence. npNone for any other opening.
func invertedSpeaker(ts []tok, lo, end int) (a, b int, kind npKind) {
	k := lo
	if k >= end || ts[k].kind() != tQuote {
		return 0, 0, npNone
	}
	k++
	if k < end && ts[k].isPunct(",") {
		k++
	}
	if k+1 >= end || ts[k].kind() != tWord || ts[k].cap() || !ts[k].is(lxSpeechVerb) {
		return 0, 0, npNone
	}
	if a, b, kind = npForward(ts, k+1, end, false); kind == npName {
		return a, b, kind
	}
	return 0, 0, npNone
}

// descriptionOpening reads the description that opens a clause at k, its determiner or possessive
// name ending before from, up to its first head that speaks with a verb after it ("The president
// left …", "Hillary Clinton’s right-hand woman rallied …"). npNone when no such head comes within
// maxDescWords words.
func descriptionOpening(ts []tok, k, from, end int) (a, b, v int, kind npKind) {
	for j := from; j < end && j-k <= maxDescWords; j++ {
		u := ts[j]
		if u.kind() != tWord || isVerb(u) || !u.cap() && (u.is(lxPreposition) || u.is(lxConjunction) || u.is(lxAdverb)) {
			break
		}
		if !u.cap() && (u.is(lxSpeakerNoun) || u.shape(lxRole)) && verbAfterMention(ts, j+1, end) {
			return k, j + 1, j + 1, npDesc
		}
	}
	return 0, 0, 0, npNone
}

// openingMention reads the mention that opens a clause at k, before end, when a lower-case word
// that may be its verb follows it: a name, past an appositive, an aside in parentheses or a short
// phrase ("Donald Trump on Thursday ratcheted up …", "Christie, New Jersey’s governor, repeated
// …", "Attorneys for Clinton appeared …", "Sen. Ted Cruz (R-Texas) weighed in …"), or a
// description up to its first head that speaks ("The president left no doubt …", "One operative
// inside Trump Tower tried …"). A description whose head does not speak stays no mention. v is
// where the words after the mention and its aside start.
func openingMention(ts []tok, k, end int) (a, b, v int, kind npKind) {
	if k >= end || ts[k].kind() != tWord {
		return 0, 0, 0, npNone
	}
	t := ts[k]
	// A possessive name opens a description as a determiner does: "Ryan’s campaign shrugged off …".
	if t.is(lxDeterminer) || t.cap() && t.is(lxPossessive) && k+1 < end && ts[k+1].kind() == tWord && !ts[k+1].cap() {
		return descriptionOpening(ts, k, k+1, end)
	}
	if !t.cap() || t.is(lxCapStop) || t.is(lxPossessive) {
		return 0, 0, 0, npNone
	}
	e := nameRunEnd(ts, k, end)
	if e > k && e+1 < end && ts[e].cap() && ts[e].is(lxPossessive) && ts[e+1].kind() == tWord && !ts[e+1].cap() {
		// A name of several words in the possessive opens a description as a one-word one does:
		// "Hillary Clinton’s right-hand woman rallied supporters, saying: “…”".
		return descriptionOpening(ts, k, e+1, end)
	}
	if e == k || e >= end || e == k+1 && openerWord(ts, k, end) || ts[e-1].is(lxPossessive) {
		return 0, 0, 0, npNone
	}
	if n := nameAfterDescription(ts, k, e, end); n > e {
		k, e = n, nameRunEnd(ts, n, end) // "Fox News host Megyn Kelly went on …": the name is the last run
	}
	j := e
	switch u := ts[j]; {
	case u.isPunct(","):
		// An appositive opens with a determiner, a lower-case word or a possessive name
		// ("Sanders’ senior media adviser": the mark after the s is a token of its own).
		if f := ts[min(j+1, end-1)]; f.kind() != tWord || f.cap() && !f.is(lxDeterminer) && !f.is(lxPossessive) &&
			!(j+3 < end && ts[j+2].kind() == tPunct && ts[j+2].lower() == "" && ts[j+3].kind() == tWord && !ts[j+3].cap()) {
			return 0, 0, 0, npNone
		}
		for j++; j < end && j-e <= maxAppositive && !ts[j].isPunct(","); j++ {
			if ts[j].kind() == tQuote || ts[j].isSentenceEnd() {
				return 0, 0, 0, npNone
			}
		}
		j++
	case u.isPunct("("):
		for j++; j < end && j-e <= 8 && !ts[j].isPunct(")"); j++ {
		}
		j++
	case u.kind() == tWord && !u.cap() && u.is(lxPreposition) && u.lower() != "that" && u.lower() != "who" && u.lower() != "which":
		// "of Vermont", "on Thursday", "on Capitol Hill": capitalised words or a day after it.
		j++
		n := j
		for j < end && j-n < 3 && ts[j].kind() == tWord && (ts[j].cap() || ts[j].lower() == "the") {
			j++
		}
		if j == n {
			return 0, 0, 0, npNone
		}
	}
	if !verbAfterMention(ts, j, end) {
		return 0, 0, 0, npNone
	}
	return k, e, j, npName
}

// nameAfterDescription returns the start of a name that follows a title-case description opening
// at k, whose capitalised words end at e: one to three lower-case words after them, then a name
// with a title or of two words or more ("Republican Presidential hopeful Sen. Ted Cruz", "Fox News
// host Megyn Kelly"). The description opens with an office adjective or ends with a role or a
// speaking noun, so that a verb and its object ("Trump met Ted Cruz") are not read as one. It
// returns -1 when no such name follows.
func nameAfterDescription(ts []tok, k, e, end int) int {
	j := e
	for j < end && j-e < 3 && ts[j].kind() == tWord && !ts[j].cap() {
		u := ts[j]
		if u.is(lxPreposition) || u.is(lxConjunction) || u.is(lxDeterminer) || u.is(lxPronoun) || u.is(lxAdverb) || isVerb(u) {
			return -1
		}
		j++
	}
	if j == e || j >= end || ts[j].kind() != tWord || !ts[j].cap() || ts[j].is(lxCapStop) && !ts[j].is(lxTitle) {
		return -1
	}
	if n := nameRunEnd(ts, j, end); n-j < 2 && !ts[j].is(lxTitle) {
		return -1
	}
	if !ts[k].is(lxOfficeAdjective) && !ts[j-1].shape(lxRole) && !ts[j-1].is(lxSpeakerNoun) {
		return -1
	}
	return j
}

// nameAfterOwner returns the end of a full name right after the possessive word at j that ends a
// run of name words ("Port Hope’s Tom Baker", "Town News’s Jane Smith"), or -1: the run and the
// possessive name the place or organisation the person is of, and the person is the sentence's
// subject.
func nameAfterOwner(ts []tok, j int) int {
	if j+2 >= len(ts) || ts[j].kind() != tWord || !ts[j].cap() || !ts[j].is(lxPossessive) ||
		ts[j+1].kind() != tWord || !ts[j+1].cap() || ts[j+1].is(lxCapStop) && !ts[j+1].is(lxTitle) {
		return -1
	}
	if n := nameRunEnd(ts, j+1, len(ts)); n-(j+1) >= 2 {
		return n
	}
	return -1
}

// verbAfterMention reports whether the words from k, past adverbs and a day, open with a
// lower-case word that may be the mention's verb: no preposition, conjunction, determiner or
// pronoun.
func verbAfterMention(ts []tok, k, end int) bool {
	k = skipAdverbsFwd(ts, k, end)
	if k+1 < end && ts[k].kind() == tWord && ts[k].lower() == "on" && ts[k+1].is(lxDay) {
		k = skipAdverbsFwd(ts, k+2, end)
	}
	if k >= end || ts[k].kind() != tWord || ts[k].cap() {
		return false
	}
	u := ts[k]
	return !u.is(lxPreposition) && !u.is(lxConjunction) && !u.is(lxDeterminer) && !u.is(lxPronoun) && !isObjectPronoun(u.lower())
}

// openerWord reports whether the capitalised word at k, which opens a sentence, is a participle or
// an adverb of manner rather than a one-word name: it ends in -ing (six letters or more) or is an
// adverb in -ly (openingLyAdverb), and the word after it is a lower-case word that is not a speech
// verb or an auxiliary ("Reprising her lines, …", "Showing such favor tells …", "Hastily arranged,
// …"; but "Manning said", "Kelly has").
func openerWord(ts []tok, k, end int) bool {
	t := ts[k]
	w := t.lower()
	if t.kind() != tWord || !t.cap() || k+1 >= end || t.is(lxSpeakerNoun) {
		return false
	}
	if !(len(w) >= 6 && strings.HasSuffix(w, "ing")) && !openingLyAdverb(t) {
		return false
	}
	n := ts[k+1]
	return n.kind() == tWord && !n.cap() && !n.is(lxSpeechVerb) && !clauseFollows(ts, k+1, end)
}

// reportingSubject returns the subject of a speech verb that reports the clause whose subject
// stands at k: "The longtime senator said he rarely asks …", "She said she asked the question
// “…”" (the pronoun is that person again), "Israel said Clinton called on members to be “…”" (a
// named subject inside a reported clause is the reporter's paraphrase): the quotation is the
// reporting subject's, who vouches for the words.
func reportingSubject(ts []tok, k, lo int) (a, b int, kind npKind) {
	v := k - 1
	if v >= lo && ts[v].kind() == tWord && ts[v].lower() == "that" {
		v--
	}
	if v > lo && ts[k].kind() == tWord && ts[k].is(lxPronoun) {
		// "Trump told reporters he thought Fields had “…”": a pronoun after an object verb and a
		// plural or group object is the teller again, whom the object cannot be.
		if o := groupObject(ts, v, lo); o > lo {
			v = o
			if isStrongVerb(ts[v]) && ts[v].is(lxObjectVerb) && !isPassive(ts, v, lo) {
				return npBackward(ts, skipAdverbsBack(ts, v-1, lo), lo, false)
			}
			return 0, 0, npNone
		}
	}
	if v <= lo || !isStrongVerb(ts[v]) || isPassive(ts, v, lo) || ts[v].is(lxObjectVerb) {
		return 0, 0, npNone
	}
	return npBackward(ts, skipAdverbsBack(ts, v-1, lo), lo, false)
}

// groupObject returns the index of the object verb before a short plural or group object that ends
// at token e ("told reporters", "told the crowd", "assured his supporters"), or -1: a singular
// pronoun or a name as the object leaves the pronoun after it ambiguous.
func groupObject(ts []tok, e, lo int) int {
	for j := e; j >= lo && e-j < 4; j-- {
		t := ts[j]
		if t.kind() != tWord {
			return -1
		}
		if j < e && t.is(lxObjectVerb) && !t.cap() {
			return j
		}
		w := t.lower()
		switch {
		case j == e && (t.cap() || !strings.HasSuffix(w, "s") && w != "crowd" && w != "audience" && w != "press" && w != "media"):
			return -1 // the object's head: a plural or a group
		case isObjectPronoun(w) || t.is(lxPronoun) || isVerb(t) && !t.is(lxObjectVerb) || t.cap():
			return -1
		}
	}
	return -1
}

// governedName reports whether the name at a is the object of a preposition past "the" ("to the
// Town Herald", "a commentary for the Clarion-Ledger, the state's largest newspaper, mocking …"):
// a participle after it hangs on the sentence's subject.
func governedName(ts []tok, a, lo int) bool {
	if a-2 < lo || ts[a-1].lower() != "the" || ts[a-1].cap() {
		return false
	}
	return prepObject(ts[a-2]) || ts[a-2].kind() == tWord && !ts[a-2].cap() && ts[a-2].lower() == "for"
}

// reportedActor reports whether t is "of", "from" or "as" before a name that a participle right
// after it hangs on: "an account of Clinton telling one agent to “…”", "footage of Trump saying,
// “…”", "no different from George H.W. Bush calling … “…”". The writer or the one giving the
// account reports the act, and the sentence's subject is the source.
// A name that goes on past "of" ("the American Federation of Teachers calling her") and a
// partitive ("the share of Republicans saying") leave the name the speaker.
func reportedActor(ts []tok, j, lo int) bool {
	t := ts[j]
	if t.kind() != tWord || t.cap() {
		return false
	}
	switch t.lower() {
	case "from", "as":
		return true
	case "of":
		if j-1 < lo || ts[j-1].kind() != tWord || ts[j-1].cap() {
			return false
		}
		switch ts[j-1].lower() {
		case "share", "percent", "majority", "minority", "number", "half", "most", "many", "some", "none", "all", "each", "one", "group", "members":
			return false
		}
		return true
	}
	return false
}

// placeAfterPrep reports whether the name at a follows a name and a comma that a preposition
// governs: the state or country of a place ("in Dayton, Ohio, arguing that …"). The caller
// asks it only of a name a comma closes: "Speaking in Florida, Trump insisted" names the subject.
func placeAfterPrep(ts []tok, a, lo int) bool {
	if a-2 < lo || !ts[a-1].isPunct(",") || ts[a-2].kind() != tWord || !ts[a-2].cap() {
		return false
	}
	pa, _, kind := npBackward(ts, a-2, lo, false)
	return kind == npName && pa > lo && prepObject(ts[pa-1])
}

// prepObject reports whether t is a preposition whose object a name after it is ("speaking to Fox
// News said", "replied on Facebook writing"), so that the name is not a speech verb's subject.
// "for", "of", "from" and "by" are left out ("a spokesman for Clinton said", "the senator from
// Vermont said" name their speaker), and "with", whose object speaks in "with McCain calling it".
func prepObject(t tok) bool {
	if t.kind() != tWord || t.cap() {
		return false
	}
	switch t.lower() {
	case "to", "on", "at", "in", "into", "about", "against", "toward", "towards":
		return true
	}
	return false
}
