package article

import "strings"

// This file holds the German colon rules: a quotation introduced by a colon goes to the subject of
// the sentence before the colon (ruleColonIntro), unless that subject is a thing that was found or
// read, and a label ("Merkel: „…“") names its speaker (germanLabel). They run only on German text.

// ruleColonIntro links a German quotation introduced by a colon to the subject of the sentence
// before the colon, whatever its verb: "Der Text lautete: „…“", "Der Sportler gab bekannt: „…“".
func ruleColonIntro(ps *paraState, qi int) (match, bool) {
	ts := ps.toks
	if !ps.de || qi < 2 || !ts[qi-1].isPunct(":") {
		return match{}, false
	}
	lo := sentenceStart(ps, qi-1)
	a, b, kind, v := germanSubject(ts, lo, qi-1)
	if kind == npNone {
		return germanLabel(ts, lo, qi-1)
	}
	if kind == npDesc && !holdsRole(ts, a, b) && foundThing(ts, v, qi-1) {
		return match{}, false
	}
	if v >= 0 {
		if ca, cb, _, ok := citedIn(ts, v, b, qi-1); ok {
			// "Der Bürgermeister wird von der „Stadtzeitung“ mit den Worten zitiert: „…“"
			a, b, kind = ca, cb, npDesc
		}
	}
	return match{a: a, b: b, kind: kind, cue: v, cueText: ":", rule: ruleColonIntroID, intro: true}, true
}

// colonSentence reports whether German quotation token qi is a sentence of its own that a colon
// introduces: its content ends with a period ("Er schickte eine SMS: „Wow.“"). A capitalised word
// or two in marks reads as a name elsewhere, but after a colon with its own period it is what the
// clause before the colon says was said; a title after a colon has no period (bareTitle).
func colonSentence(ps *paraState, qi int) bool {
	return ps.de && qi >= 2 && ps.toks[qi-1].isPunct(":") && lastContentRune(ps.rs, ps.spans[ps.toks[qi].q()]) == '.'
}

// colonTitle reports whether German quotation token qi is a work's title that a colon introduces:
// the clause before the colon names a work (workObject), and the quotation reads as
// a title (bareTitle): "Den Namen der Fernsehsendung gab das ZDF bekannt: „Karol Wojtyla –
// Geheimnisse eines Papstes“.", "stellte er die neue CD der Gruppe vor: „Have a nice day“." Nobody
// says a title.
func colonTitle(ps *paraState, qi int) bool {
	ts := ps.toks
	if !ps.de || qi < 2 || !ts[qi-1].isPunct(":") {
		return false
	}
	return bareTitle(ps, qi) && workObject(ts, sentenceStart(ps, qi-1), qi-1)
}

// workNounsDe name a work or its name, whose title a colon may introduce: "Den Namen der
// Fernsehsendung gab das ZDF bekannt: „…“.", "stellte er die neue CD der Gruppe vor: „…“." A
// compound that ends with one names one too ("Fernsehsendung").
var workNounsDe = [...]string{"name", "namen", "titel", "cd", "album", "buch", "roman", "film", "sendung", "lied", "serie", "single"}

// workObject reports whether the German clause in tokens [lo, c) before a colon holds a work noun
// (workNounsDe) that is no preposition's object: the clause names a work, and the colon gives its
// title.
func workObject(ts []tok, lo, c int) bool {
	for i := lo; i < c; i++ {
		t := ts[i]
		if t.kind() != tWord || !t.cap() || !isWorkNounDe(t.lower()) {
			continue
		}
		j := i - 1
		for j >= lo && ts[j].kind() == tWord && !ts[j].cap() && !ts[j].is(lxPreposition) && !isVerb(ts[j]) {
			j-- // its determiner and adjectives
		}
		if j >= lo && ts[j].kind() == tWord && !ts[j].cap() && ts[j].is(lxPreposition) {
			continue // "zu dem Buch": the topic, not the work named
		}
		return true
	}
	return false
}

// isWorkNounDe reports whether the lower-case noun w is one of workNounsDe or a compound that ends
// with one.
func isWorkNounDe(w string) bool {
	for _, n := range workNounsDe {
		if w == n || len(w) > len(n)+2 && strings.HasSuffix(w, n) {
			return true
		}
	}
	return false
}

// maxBareTitle bounds the words of a title after a colon.
const maxBareTitle = 8

// bareTitle reports whether quotation token qi, after a colon, reads as a title rather than a
// statement: a few words with no sentence mark of their own, and its sentence ends right after
// the closing mark.
func bareTitle(ps *paraState, qi int) bool {
	ts := ps.toks
	sp := ps.spans[ts[qi].q()]
	switch lastContentRune(ps.rs, sp) {
	case '.', '!', '?', '…':
		return false
	}
	return (qi+1 == len(ts) || ts[qi+1].isSentenceEnd()) && countWords(ps.rs[sp.start:sp.end]) <= maxBareTitle
}

// perceptionInfinitives are the infinitives of "war … zu lesen", whose subject is what one reads or
// hears.
var perceptionInfinitives = setOf("lesen", "sehen", "hören", "finden", "vernehmen")

// foundThing reports whether the German clause whose finite verb is v and which ends at the colon c
// says that its subject was found or read rather than that it said something: a reflexive verb
// ("Auch das Motiv fand sich dort:", "Seine Zuversicht gründet sich auf …:") or "sein" with "zu"
// and an infinitive of perception ("Darauf waren die Worte zu lesen:"). A thing that holds no
// office is then no speaker: the quotation gives what was found.
func foundThing(ts []tok, v, c int) bool {
	if v < 0 || v >= c {
		return false
	}
	if v+1 < c && ts[v+1].kind() == tWord && ts[v+1].lower() == "sich" {
		return true
	}
	return c-2 > v && ts[c-2].lower() == "zu" && perceptionInfinitives[ts[c-1].lower()] && !ts[c-1].cap()
}

// germanLabel reads an introduction with no verb before the colon at c, a label: a person (a name,
// or a phrase that holds an office), then at most a prepositional phrase ("Ein Beamter der
// Nationalpolizei: „…“", "Punklady Nina Hagen zur neuen Heimat: „…“"). A lower-case word that
// does not follow a determiner, a preposition or another such word may be a verb, and then the
// sentence is no label ("Den Namen gab das ZDF bekannt: „…“").
func germanLabel(ts []tok, lo, c int) (match, bool) {
	a, b, kind, end := germanPhrase(ts, lo, c)
	switch {
	case possessiveLabel(ts, lo, c):
		// "Seine Meinung zu dem Plan: „…“": the one whose view or answer it is, as "Beckers
		// Meinung: „…“" names him.
		a, b, kind, end = lo, lo+1, npPronoun, lo+2
	case kind == npNone || kind == npPronoun || kind != npName && !holdsRole(ts, lo, end):
		return match{}, false
	}
	for i := end; i < c; i++ {
		t := ts[i]
		switch {
		case t.kind() == tPunct && (t.isPunct(",") || t.isPunct("(") || t.isPunct(")")), isNumber(t):
		case t.kind() != tWord:
			return match{}, false
		case t.cap() || t.is(lxDeterminer) || t.is(lxPreposition) || t.is(lxConjunction):
		case !isVerb(t) && ts[i-1].kind() == tWord && (ts[i-1].is(lxDeterminer) || ts[i-1].is(lxPreposition) || !ts[i-1].cap()):
			// an adjective: "zur neuen Heimat"
		default:
			return match{}, false
		}
	}
	return match{a: a, b: b, kind: kind, cue: c, cueText: ":", rule: ruleLabelID, intro: true}, true
}

// possessivesCapDe are the German possessives of a person that open a label: "Seine Meinung: „…“".
var possessivesCapDe = setOf("sein", "seine", "ihr", "ihre")

// possessiveLabel reports whether the German sentence at lo opens with a capitalised possessive
// and a noun of saying or of a view (possessivesCapDe, viewNounsDe, speechNounsDe) before the
// colon at c: "Seine Meinung zu dem Plan: „…“".
func possessiveLabel(ts []tok, lo, c int) bool {
	if lo+1 >= c || ts[lo].kind() != tWord || !ts[lo].cap() || !possessivesCapDe[ts[lo].lower()] || ts[lo+1].kind() != tWord || !ts[lo+1].cap() {
		return false
	}
	n := ts[lo+1].lower()
	return viewNounsDe[n] || speechNounsDe[n]
}

// maxCitedGap bounds the words between the paper that quotes and "zitiert": "mit den Worten".
const maxCitedGap = 4

// citedIn reads a German passive of quoting whose auxiliary is token v and whose subject ends at
// b, before end: "wird der Trainer im Fachblatt „…“ zitiert", "wird von der „Stadtzeitung“ mit
// den Worten zitiert". The phrase after "von", "vom", "in" or "im" right after the subject names
// the paper that quotes (a name in marks, or a periodical's noun: periodicalNoun), which is the
// quotation's source; it returns that phrase and the index of "zitiert". A phrase that is not the
// first after the subject ("wird Becker auf der Internetseite von Eintracht Nordstadt zitiert") is
// no such source.
func citedIn(ts []tok, v, b, end int) (a2, b2, cue int, ok bool) {
	if v < 0 || v >= len(ts) || !passiveAuxiliaries[ts[v].lower()] {
		return 0, 0, 0, false
	}
	p := b
	if p < v+1 {
		p = v + 1 // "wird von der „Stadtzeitung“ … zitiert": the subject stood before the auxiliary
	}
	if p+1 >= end || ts[p].kind() != tWord {
		return 0, 0, 0, false
	}
	switch ts[p].lower() {
	case "von", "vom", "in", "im":
	default:
		return 0, 0, 0, false
	}
	a2 = p + 1
	switch {
	case ts[a2].kind() == tQuote:
		b2 = a2 + 1 // "von „Spiegel Online“"
	case ts[a2].kind() == tWord && ts[a2].is(lxDeterminer) && a2+1 < end && ts[a2+1].kind() == tQuote:
		b2 = a2 + 2 // "von der „Stadtzeitung“"
	default:
		_, _, kind, e := germanPhrase(ts, a2, end)
		if kind == npNone || kind == npPronoun {
			return 0, 0, 0, false
		}
		b2 = e
		h := b2 - 1
		if ts[h].kind() == tQuote && h > a2 {
			h-- // the phrase holds the paper's name in marks after its noun
		}
		if !periodicalNoun(ts[h]) {
			return 0, 0, 0, false // "in einer Mitteilung des Vereins": the speaker's own text, no paper
		}
		if b2 < end && ts[b2].kind() == tQuote {
			b2++ // "im Fachblatt „Der Stadtbote“": the paper's name in marks
		}
	}
	for c := b2; c < end && c-b2 <= maxCitedGap; c++ {
		t := ts[c]
		if t.kind() != tWord {
			break
		}
		if t.lower() == "zitiert" {
			return a2, b2, c, true
		}
	}
	return 0, 0, 0, false
}
