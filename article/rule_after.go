package article

import (
	"strings"
)

// ruleAfterChecked is ruleAfter without `„…“, X sagte` in German, whose verb comes first in the
// clause after a quotation („…“, sagte X): a name and a German verb after the comma open a sentence
// of their own ("„…“, Löw bezeichnete …").
func ruleAfterChecked(ps *paraState, qi int) (match, bool) {
	m, ok := ruleAfter(ps, qi)
	if ok && ps.de && m.rule == ruleAfterNameVerb && ps.toks[m.cue].is(lxGermanVerb) {
		return match{}, false
	}
	if ok && ps.de && m.rule == ruleAfterVerbName && saidInOpeningClause(ps, qi) {
		return match{}, false
	}
	if ok && ps.de && m.cue > qi {
		if a, b, c, found := citedIn(ps.toks, m.cue, m.b, len(ps.toks)); found {
			m.a, m.b, m.kind, m.cue = a, b, npDesc, c // „…“ wird der Trainer im Fachblatt „…“ zitiert
		}
	}
	return m, ok
}

// clauseOpenersDe are the German subordinators of time, cause and concession that open a clause
// before the main clause's verb: "Während Becker erklärte, …,".
var clauseOpenersDe = setOf("während", "als", "nachdem", "obwohl", "obgleich", "weil", "da", "sobald", "bevor", "seit", "seitdem", "wenn")

// opensClauseDe reports whether t, the first word of a German sentence, is a capitalised
// subordinator of clauseOpenersDe: the sentence opens with a subordinate clause.
func opensClauseDe(t tok) bool {
	return t.kind() == tWord && t.cap() && clauseOpenersDe[t.lower()]
}

// saidInOpeningClause reports whether German quotation token qi ends a subordinate clause that
// opens its sentence (clauseOpenersDe) and holds a speech verb before it: "Während Becker
// erklärte, er sei zufrieden, „…“, räumte Schmidt ein, …". The verb after the quotation is the
// main clause's, whose Vorfeld is the whole clause; its subject did not say the quotation, the
// subordinate clause's speaker did.
func saidInOpeningClause(ps *paraState, qi int) bool {
	ts := ps.toks
	lo := sentenceStart(ps, qi)
	if lo >= qi || !opensClauseDe(ts[lo]) {
		return false
	}
	for j := lo + 1; j < qi; j++ {
		if ts[j].kind() == tQuote {
			return false
		}
		if isStrongVerb(ts[j]) && ts[j].lower() != "so" {
			return true
		}
	}
	return false
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
			return match{a: t, b: e, kind: npName, cue: t - 1, rule: ruleAfterDash}, true
		}
	}
	// `,” From said`: a surname that is also a common word.
	if t+1 < n && ts[t].kind() == tWord && ts[t].cap() && ts[t].is(lxCapStop) && !ts[t].is(lxPronoun) &&
		!ts[t].is(lxDeterminer) && ts[t].lower() != "it" && isStrongVerb(ts[t+1]) && (comma || lastContentRune(ps.rs, sp) == ',') {
		return match{a: t, b: t + 1, kind: npName, cue: t + 1, rule: ruleAfterNameVerb}, true
	}
	last := lastContentRune(ps.rs, sp)
	// A quotation that ends without punctuation (“… a battle of niches” Grubbs said) lost its
	// comma; one that ends with a period ended its sentence.
	bare := !comma && isWordRune(last)
	open := comma || last == ',' || last == '?' || last == '!' || last == '—' || last == '–' || last == '-' || last == '…' || bare ||
		last == '.' && !ps.de && periodTag(ts, t, n)
	if ps.de && open && isUtterance(ps, qi) {
		if a, b, k, ok := germanAfter(ts, t, n); ok {
			return match{a: a, b: b, kind: k, cue: t, rule: ruleAfterVerbName}, true
		}
	}
	// `,” said X`. A German quotation inside its sentence with no comma after it is a name in a
	// phrase of that sentence, and the verb after it is the sentence's own: "In der „BILD am
	// Sonntag“ schreibt Papier, dass …" (but a speech verb's object put first is its speaker's
	// term: "Von einer „gezielten Indiskretion“ sprach der Politiker").
	// An English participle after a quotation does not invert with its subject: the words after
	// “…,” saying / telling / citing are its object ("telling reporters", "citing an instance"),
	// and the quotation's speaker is the subject of the clause before it.
	if isVerbTok(ts, t) && !(ps.de && !comma && last != ',' && !isUtterance(ps, qi) && !afterSpeechPreposition(ts, qi)) &&
		(ps.de || !strings.HasSuffix(ts[t].lower(), "ing")) {
		a, b, k := npForward(ts, t+1, n, true)
		if k == npNone && !ps.de && bareOther(ts, t+1, n) && ts[t].lower() != "read" && ts[t].lower() != "reads" {
			// `,” tweeted another.`; but `,” read one.` is a sign's or a message's text.
			a, b, k = t+1, t+2, npDesc
		}
		if k != npNone && (ts[t].lower() != "so" || k == npName) && !clauseFollows(ts, b, n) && !(k == npDesc && !ps.de && objectComplement(ts, b, n)) {
			return match{a: a, b: b, kind: k, cue: t, rule: ruleAfterVerbName}, true
		}
		if k == npNone && open && !bare && !ps.de && isStrongVerb(ts[t]) {
			if a, b, ok := verbDescribedName(ts, t+1, n); ok {
				return match{a: a, b: b, kind: npName, cue: t, rule: ruleAfterVerbName}, true
			}
		}
	}
	if !open || ps.de && !comma && last != ',' {
		// German sets a comma after the closing mark before the clause that attributes the
		// quotation („Hilfe!“, rief er.); without one, what follows is a sentence of its own.
		return match{}, false
	}
	if ts[t].lower() == "according" && t+1 < n && ts[t+1].lower() == "to" {
		if a, b, k := accordingSource(ts, t+2, n); k != npNone {
			return match{a: a, b: b, kind: k, cue: t, cueText: "according to", rule: ruleAccordingTo}, true
		}
	}
	if !comma && (last == '?' || last == '!') && !ps.de && ts[t].kind() == tWord && ts[t].cap() && (ts[t].is(lxPronoun) || ts[t].is(lxDeterminer)) {
		// “…?” He answered, “…”; “…!” A campaign ad released Thursday accuses …: a capitalised
		// pronoun or article after a question or an exclamation opens a sentence of its own
		// (the tag would read “…?” he asked).
		return match{}, false
	}
	a, b, k := npForward(ts, t, n, true)
	if k == npNone && !ps.de && bareOther(ts, t, n) && t+1 < n && isVerbTok(ts, t+1) {
		a, b, k = t, t+1, npDesc // `,” another said.`
	}
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
		return afterNamedSubject(ts, t, n)
	}
	if k == npName {
		if e := andName(ts, b, n); e > b && isVerbTok(ts, skipAdverbsFwd(ts, e, n)) {
			b = e // `,” Dovere and Debenedetti wrote`
		}
	}
	j := skipAside(ts, b, n)
	if j < n && ts[j].isPunct(",") {
		// An appositive up to the next comma, or up to a later one when a speech verb used without
		// an object follows that one and not the first: the appositive holds a comma of its own
		// ("Mr. Daniloff, now 81 and retired in Cambridge, Mass., said"). A verb with an object
		// there is the clause's own ("''…,'' the club, a course in Ponte Vedra Beach, Fla.,
		// charged a fee").
		first := -1
		for e := j + 1; e < n && e-j <= maxAppositive; e++ {
			if ts[e].kind() == tQuote || ts[e].isSentenceEnd() {
				break
			}
			if !ts[e].isPunct(",") {
				continue
			}
			if first < 0 {
				first = e + 1
			}
			if v := skipAdverbsFwd(ts, skipAside(ts, e+1, n), n); isVerbTok(ts, v) && (first == e+1 || intransitiveUse(ts, v, n)) {
				first = e + 1
				break
			}
		}
		if first >= 0 {
			j = first
		}
	}
	j = skipAside(ts, j, n)
	j = skipAdverbsFwd(ts, j, n)
	if bare {
		// No comma: only `” Grubbs said.` itself, a name and a plain speech verb that ends the sentence.
		// A name with its description before it (“…” the Post's senior politics editor Steven
		// Ginsberg responded.) takes the tag too, when the quotation is an utterance: a title
		// in marks runs on into a description ("“Meet the Press” host Chuck Todd said.").
		if (k == npName || k == npPronoun) && (a == t || k == npName && isUtterance(ps, qi)) && j == b && isStrongVerbTok(ts, j) && (j+1 == n || ts[j+1].kind() == tPunct) {
			return match{a: a, b: b, kind: k, cue: j, rule: ruleAfterNameVerb}, true
		}
		// An English sentence in marks that lost its comma: the tag may be a description
		// (“…” the Post's senior politics editor Steven Ginsberg responded.) or end with an
		// adjunct (“…” Sweeny said after an event in Edison on Wednesday.).
		if !ps.de && k != npNone && a == t && j == b && isStrongVerbTok(ts, j) && isUtterance(ps, qi) && adjunctToEnd(ts, j+1, n) {
			return match{a: a, b: b, kind: k, cue: j, rule: ruleAfterNameVerb}, true
		}
		return match{}, false
	}
	if isVerbTok(ts, j) && ts[j].lower() != "so" || j+1 < n && ts[j].lower() == "went" && ts[j+1].lower() == "on" {
		if !ps.de && agentlessPassive(ts, b, j) {
			// “Will you run?” Smith was asked.: Smith heard the words (agentlessPassive).
			return match{}, false
		}
		if (last == '?' || last == '!') && !comma && introducesNext(ts, j, n) {
			// “Why now? …?” Mills then writes back, “You look cute.”: a question or an
			// exclamation ends its sentence, and the verb after it introduces its own quotation.
			return match{}, false
		}
		return match{a: a, b: b, kind: k, cue: j, rule: ruleAfterNameVerb}, true
	}
	return afterNamedSubject(ts, t, n)
}

// objectComplement reports whether the English words at b, after a description that follows a verb
// after a quotation, are "as" and its complement: a lower-case word or a quotation, not a pronoun
// ("“…” described the emotional impact as “…”", "“…,” denounced her record as secretary of
// state"). The description is then the verb's object, not its inverted subject (but "said the
// senator as he left", "said the base chief known as Bob").
func objectComplement(ts []tok, b, n int) bool {
	if b+1 >= n || ts[b].lower() != "as" || ts[b].cap() {
		return false
	}
	u := ts[b+1]
	return u.kind() == tQuote || u.kind() == tWord && !u.cap() && !u.is(lxPronoun) && !u.is(lxDeterminer)
}

// maxVerbDesc is the number of tokens of a description verbDescribedName reads before its name.
const maxVerbDesc = 6

// verbDescribedName reads `said master of ceremonies Asab Al-Tabchi, a …` from k, the token after
// an English speech verb that follows a quotation: a description npForward does not read (it
// holds "of"), at most maxVerbDesc lower-case words, then a name that ends the clause (a comma, a
// parenthesis or the sentence's end after it). It returns the name. A description that opens with
// a function word, an adverb or a verb ("said in a statement", "said later Smith had …") is none.
func verbDescribedName(ts []tok, k, n int) (a, b int, ok bool) {
	for j := k; j < n && j-k < maxVerbDesc; j++ {
		u := ts[j]
		if u.kind() != tWord {
			return 0, 0, false
		}
		if u.cap() {
			if j == k || u.is(lxCapStop) && !u.is(lxTitle) {
				return 0, 0, false
			}
			e := nameRunEnd(ts, j, n)
			if e == j || e < n && !ts[e].isSentenceEnd() && !ts[e].isPunct(",") && !ts[e].isPunct("(") {
				return 0, 0, false
			}
			return j, e, true
		}
		if isVerb(u) || u.is(lxAdverb) || u.is(lxDeterminer) || u.is(lxPronoun) || u.is(lxConjunction) || u.is(lxPossessive) ||
			isObjectPronoun(u.lower()) || u.is(lxPreposition) && (j == k || u.lower() != "of") {
			return 0, 0, false
		}
	}
	return 0, 0, false
}

// introducesNext reports whether the speech verb at j introduces a quotation right after it, past
// a particle: "writes back, “", "answered: “".
func introducesNext(ts []tok, j, n int) bool {
	if j+1 < n && ts[j+1].kind() == tWord {
		switch ts[j+1].lower() {
		case "back", "out", "up", "in", "on":
			j++ // a particle: "writes back", "shot back", "cut in"
		}
	}
	return j+2 < n && (ts[j+1].isPunct(",") || ts[j+1].isPunct(":")) && ts[j+2].kind() == tQuote
}

// afterNamedSubject is afterDescribedName, or else afterLongSubject.
func afterNamedSubject(ts []tok, t, n int) (match, bool) {
	if m, ok := afterDescribedName(ts, t, n); ok {
		return m, true
	}
	return afterLongSubject(ts, t, n)
}

// intransitiveUse reports whether the speech verb at v takes no object: the clause ends after it,
// or a preposition, an adverb or a capitalised word (a day, a name after "told" aside) follows.
func intransitiveUse(ts []tok, v, n int) bool {
	if v+1 >= n || ts[v+1].kind() != tWord {
		return true
	}
	u := ts[v+1]
	return u.cap() || u.is(lxPreposition) || u.is(lxAdverb)
}

// skipAside returns the index after an aside that may stand between a speaker and a speech verb:
// a parenthesis ("Rep. John Mica (R-Fla.) said") or a short phrase ("Mr. Morgan of the Sierra
// Club said", "a welcome message on the website reads").
func skipAside(ts []tok, j, n int) int {
	if j < n && ts[j].isPunct("(") {
		for e := j + 1; e < n && e-j <= 10; e++ {
			if ts[e].isPunct(")") {
				return e + 1
			}
		}
		return j
	}
	if j < n && ts[j].kind() == tWord && (ts[j].lower() == "of" || ts[j].lower() == "at" || ts[j].lower() == "from" || ts[j].lower() == "for" || ts[j].lower() == "in" || ts[j].lower() == "with" || ts[j].lower() == "on") {
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
			if isStrongVerbTok(ts, v) && ts[v].lower() != "so" {
				return match{a: j, b: e, kind: npName, cue: v, rule: ruleAfterNameVerb}, true
			}
			j = e
			continue
		}
		j++
	}
	return match{}, false
}

// maxLongSubject is the number of tokens afterLongSubject reads for the subject of a speech verb
// after a quotation.
const maxLongSubject = 24

// afterLongSubject links `,” X verb` when X is a long noun phrase that the readers before leave:
// names joined by "and" with a phrase after them (`,” nuclear experts David Albright and Serena
// Kelleher-Vergantini of Washington's Institute for Science wrote`), a possessive name's office and
// an appositive name (`,” California Rep. Duncan Hunter’s chief of staff, Joe Kasper, told`), a
// relative clause that lost its commas (`,” Katie Packer, who is chairman of Our Principles Pac
// said`), or descriptions joined by "and" (`,” the independent Vermont senator and Democratic
// presidential candidate told`). The words up to the verb must read as one noun phrase: no
// opening preposition, no pronoun, no conjunction but "and", no lower-case word in -ed or -ing that a noun does not follow
// (a clause's verb: `,” the plan failed, Baker said`), no other quotation; the verb is no
// participle. The mention is the last
// name that is neither a preposition's object, nor a possessive, nor a modifier of the lower-case
// noun after it, nor inside the relative clause; without one, a description that opens with a
// determiner and has a speaking head.
func afterLongSubject(ts []tok, t, n int) (match, bool) {
	a, b := -1, -1 // the mention: the last name that qualifies
	inRelative := false
	inPrep := false // inside a prepositional phrase, up to a comma or a speaking noun
	descHead := -1  // the end of a description's speaking head
	for j := t; j < n && j-t < maxLongSubject; {
		u := ts[j]
		if u.kind() == tPunct {
			if u.isPunct(",") {
				inPrep = false
			}
			if u.isPunct(",") || u.isPunct("(") || u.isPunct(")") || u.lower() == "" || u.lower() == "$" || u.lower() == "-" {
				j++
				continue
			}
			return match{}, false
		}
		if u.kind() != tWord || j == t && u.is(lxPreposition) {
			return match{}, false // ",” by Gwenda Blair, Donald told", ",” for instance, and Trump vowed"
		}
		if isStrongVerb(u) && u.lower() != "so" && j > t {
			if isPassive(ts, j, t) || strings.HasSuffix(u.lower(), "ing") {
				// "was asked": someone else speaks; "a nod to the front-runner acknowledging …": a
				// participle after a noun phrase that is no subject.
				return match{}, false
			}
			if a >= 0 {
				return match{a: a, b: b, kind: npName, cue: j, rule: ruleAfterNameVerb}, true
			}
			if descHead > 0 && ts[t].is(lxDeterminer) {
				return match{a: t, b: descHead, kind: npDesc, cue: j, rule: ruleAfterNameVerb}, true
			}
			return match{}, false
		}
		w := u.lower()
		if isVerb(u) || (j == t || !u.cap()) && (u.is(lxPronoun) && w != "who" || u.is(lxConjunction) && w != "and" || w == "which" || w == "that" || isObjectPronoun(w) && w != "who") {
			return match{}, false
		}
		if w == "who" {
			// "who is chairman of …": a relative clause of the name before, with "is" or "was".
			if inRelative || a < 0 || j+1 >= n || ts[j+1].lower() != "is" && ts[j+1].lower() != "was" {
				return match{}, false
			}
			inRelative = true
			j += 2
			continue
		}
		if !u.cap() {
			next := ts[min(j+1, n-1)]
			if (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing")) && !u.is(lxSpeakerNoun) && !u.shape(lxRole) && !u.is(lxOfficeAdjective) &&
				!(next.kind() == tWord && !next.cap() && !isVerb(next) && !next.is(lxPreposition) && !next.is(lxConjunction)) {
				return match{}, false
			}
			if u.is(lxSpeakerNoun) || u.shape(lxRole) {
				// A speaking noun heads a phrase of its own: "for $15 organizing director Kendall Fells".
				inPrep = false
				if !inRelative && a < 0 {
					descHead = j + 1
				}
			} else if u.is(lxPreposition) {
				inPrep = true
			}
			j++
			continue
		}
		if u.is(lxCapStop) || u.is(lxPossessive) {
			j++
			continue
		}
		e := nameRunEnd(ts, j, n)
		if e == j {
			j++
			continue
		}
		if m := andName(ts, e, n); m > e {
			e = m
		}
		prep := inPrep || j > t && ts[j-1].kind() == tWord && ts[j-1].is(lxPreposition) && !ts[j-1].cap()
		poss := e < n && ts[e].is(lxPossessive) || ts[e-1].is(lxPossessive)
		modifier := e < n && ts[e].kind() == tWord && !ts[e].cap() && !isVerb(ts[e]) && !ts[e].is(lxPreposition) && !ts[e].is(lxConjunction)
		if !inRelative && !prep && !poss && !modifier {
			a, b = j, e
		}
		j = e
	}
	return match{}, false
}

// periodTag reports whether the English words at t, after a quotation that ends with a period, are
// a tag that makes a sentence of its own: a name or "he" or "she", a strong speech verb and the
// sentence's end ("“… by spring.” Smith said."). The period took the place of the tag's comma;
// a verb with anything after it ("Smith said the plan …") opens a sentence of its own.
func periodTag(ts []tok, t, n int) bool {
	a, b, kind := npForward(ts, t, n, false)
	if kind != npName && !(kind == npPronoun && (ts[a].lower() == "he" || ts[a].lower() == "she")) {
		return false
	}
	v := skipAdverbsFwd(ts, b, n)
	return v+1 < n && isStrongVerb(ts[v]) && !ts[v].cap() && ts[v+1].isSentenceEnd()
}

// bareOther reports whether the English word at t is "another", "one" or "others" standing alone
// for one of the people the text speaks of, before the sentence's end or a speech verb: `,” said
// another.`, `,” one added.` (but "another adviser" is a description, and "one" before a noun a
// number).
func bareOther(ts []tok, t, n int) bool {
	if t+1 >= n || ts[t].kind() != tWord || ts[t].cap() {
		return false
	}
	switch ts[t].lower() {
	case "another", "one", "others":
	default:
		return false
	}
	return ts[t+1].isSentenceEnd() || isVerb(ts[t+1])
}

// maxBareAdjunct bounds the tokens of the adjunct that adjunctToEnd reads.
const maxBareAdjunct = 10

// adjunctToEnd reports whether tokens from k to the sentence's end are nothing or an adjunct that
// opens with a preposition (or "after", "during"), a day or a time adverb and holds no speech verb or quotation, within
// maxBareAdjunct tokens: "after an event in Edison on Wednesday".
func adjunctToEnd(ts []tok, k, n int) bool {
	if k == n || ts[k].isSentenceEnd() {
		return true
	}
	if !adjunctOpener(ts[k]) && ts[k].lower() != "after" && ts[k].lower() != "during" {
		return false
	}
	for i := k; i < n && i-k <= maxBareAdjunct; i++ {
		if ts[i].isSentenceEnd() {
			return true
		}
		if ts[i].kind() == tQuote || isVerb(ts[i]) {
			return false
		}
	}
	return false
}
