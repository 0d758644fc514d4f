package article

import (
	"strings"
	"unicode"
)

// ruleBefore links `X said: “`, `X said, “`, `said X: “` and a speech verb earlier in the same
// sentence (`X argued that … “`), walking back over other quotations of the sentence.
func ruleBefore(ps *paraState, qi int) (match, bool) {
	ts := ps.toks
	lo := sentenceStart(ps, qi)
	if !ps.de {
		if m, ok := resumedAfterAside(ps, qi, lo); ok {
			return m, true
		}
	}
	intro := qi > 0 && (ts[qi-1].isPunct(":") || ts[qi-1].isPunct(","))
	if !ps.de {
		lo = mainClauseStart(ts, lo, qi)
	}
	m, ok := walkBack(ps, qi, lo, intro)
	if ok && !ps.de && qi > 0 && ts[qi-1].isPunct(":") {
		if a, b, kind := colonClauseSubject(ts, m.cue, qi-1); kind != npNone {
			// "When Trump suggested that …, Rubio fired back forcefully: “…”": the clause that
			// the colon ends has a subject of its own after the speech verb found.
			return match{a: a, b: b, kind: kind, cue: qi - 1, cueText: ":", rule: ruleBeforeVerb, intro: true}, true
		}
	}
	if ok && !ps.de && !m.intro && m.rule == ruleBeforeVerb {
		if s, ok := sentenceSource(ps, qi, lo); ok {
			return s, true
		}
		if shareOfPeople(ts, m.a, m.b, lo) {
			if a, b, ok := pollBefore(ts, m.a); ok {
				// "In a Washington Post-ABC News poll, 75 percent of Republicans said “…”": the
				// poll reports what the share of those it asked said.
				return match{a: a, b: b, kind: npDesc, cue: m.cue, rule: ruleBeforeVerb}, true
			}
		}
	}
	return m, ok
}

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

// ruleIntro is ruleBefore limited to quotations right after `said:` or `said,`.
func ruleIntro(ps *paraState, qi int) (match, bool) {
	m, ok := ruleBefore(ps, qi)
	if !ok || !m.intro {
		return match{}, false
	}
	if ps.de && ps.toks[m.cue].is(lxObjectVerb) {
		if s, ok := ruleItSays(ps, qi); ok && s.cue > qi {
			// "Tom Becker bat um Ruhe: „…“, heißt es in einer Erklärung": a request
			// introduces what is asked; the source named after the quotation said it.
			return match{}, false
		}
	}
	return m, true
}

// walkBack looks for a speech verb and its subject in tokens [lo, end).
func walkBack(ps *paraState, end, lo int, intro bool) (match, bool) {
	ts := ps.toks
	// A participle or a coordinated verb ("Nefzi said, adding, “", "Trump … and said, “") takes
	// the subject of an earlier speech verb of the sentence, or else the sentence's subject.
	pending := match{}
	hasPending := false
	closed := 0 // the parentheses closed after k: "(Wikinews berichtete): Der Entwurf …"
	for k := end - 1; k >= lo; k-- {
		t := ts[k]
		switch {
		case t.isPunct(")"):
			closed++
		case t.isPunct("(") && closed > 0:
			closed--
		}
		if t.kind() != tWord || ps.de && closed > 0 {
			continue // a German speech verb inside parentheses before the quotation says nothing of it
		}
		if t.lower() == "according" && k+1 < end && ts[k+1].lower() == "to" {
			if a, b, kind := npForward(ts, k+2, end, false); kind != npNone {
				return match{a: a, b: b, kind: kind, cue: k, cueText: "according to", rule: ruleAccordingTo, intro: intro}, true
			}
			if a, b, kind := openingSource(ps, k, lo, end); kind != npNone {
				return match{a: a, b: b, kind: kind, cue: k, cueText: "according to", rule: ruleAccordingTo, intro: intro}, true
			}
			continue
		}
		if ps.de {
			if a, b, kind, cue, ok := germanSource(ps, k, lo, end); ok && !continuesPhrase(ps, b, end) {
				if m, ok := saidBeforeSource(ts, lo, min(a, k)); ok {
					m.intro = intro
					return m, true
				}
				return match{a: a, b: b, kind: kind, cue: k, cueText: cue, rule: ruleAccordingTo, intro: intro}, true
			}
		}
		if t.cap() && k == lo && t.is(lxSpeechVerb) && !t.is(lxGermanVerb) {
			// "Said Ellis: “…”": an inverted attribution opening the sentence.
			// "Said Comey, “…”"; "Stated Stone:⏎“…”", where end is the colon that ends the paragraph.
			if a, b, kind := npForward(ts, k+1, end, false); kind == npName && (b == end-1 && (ts[b].isPunct(":") || !ps.de && ts[b].isPunct(",")) || b == end && end < len(ts) && ts[end].isPunct(":")) {
				return match{a: a, b: b, kind: kind, cue: k, rule: ruleBeforeVerbName, intro: true}, true
			}
			continue
		}
		if !isVerb(t) && !(t.is(lxNamingVerb) && !t.cap()) {
			continue
		}
		if ps.de && t.is(lxSpeechVerb) {
			if a, b, kind := subjectAfterVerb(ts, k, lo, end); kind != npNone {
				return match{a: a, b: b, kind: kind, cue: k, rule: ruleBeforeVerbName, intro: intro}, true
			}
			if a, b, kind := subjectBeforeClause(ts, k, lo, end); kind != npNone {
				return match{a: a, b: b, kind: kind, cue: k, rule: ruleBeforeVerbName}, true
			}
			if a, b, kind := quotedObject(ts, k, lo, end); kind != npNone {
				return match{a: a, b: b, kind: kind, cue: k, rule: ruleBeforeVerbName, intro: intro}, true
			}
			if k > lo && fronted(ts, lo) && !(t.is(lxObjectVerb) && ts[k-1].isPunct(",")) {
				// "Deren Haltung bezeichnete er als „…“": the fronted phrase is the object. A
				// verb of request after a comma ("…, bat Premierminister Key, ihre „…“") takes
				// its addressee after it: the phrase before the comma is its subject.
				if a, b, kind := frontedSubject(ts, lo, k, end); kind != npNone {
					return match{a: a, b: b, kind: kind, cue: k, rule: ruleBeforeVerbName, intro: intro}, true
				}
			}
		}
		adjacent := k == end-1 || ts[end-1].kind() == tPunct && objectBetween(ts, k+1, end-1)
		gerund := strings.HasSuffix(t.lower(), "ing")
		naming := t.is(lxNamingVerb)
		weak := t.is(lxWeakVerb) && !(!ps.de && reportsWithSubject(ts, k, lo))
		if weak && !adjacent && !gerund && !naming {
			continue
		}
		if isPassive(ts, k, lo) {
			continue // "Blumenthal was asked, “": the speaker is someone else
		}
		if ps.de && isStrongVerb(t) && k > lo && end < len(ts) && ts[end].kind() == tQuote && !opensWithSubject(ts, lo) {
			// "Bereits während seiner Amtszeit warnte Kluncker vor den „…“": the subject right
			// after an inverted speech verb, for a quotation later in its clause.
			if a, b, kind := invertedSubject(ps, k, lo, end); kind != npNone {
				return match{a: a, b: b, kind: kind, cue: k, rule: ruleBeforeVerbName}, true
			}
		}
		// German puts the subject after the verb when the sentence opens with something else:
		// "Am 3. Oktober sagte Bundespräsident Steinmeier in Mainz: „…“".
		if t.is(lxGermanVerb) && k > lo && !(opensWithSubject(ts, lo) && !fronted(ts, lo)) && (quotingVerbsDe[t.lower()] || !objectAfter(ts, k, end)) {
			if a, b, kind := npForward(ts, k+1, end, false); (kind == npName || kind == npDesc) && skipPhrase(ts, b, end) == end-1 && (ts[end-1].isPunct(":") || ts[end-1].isPunct(",")) {
				return match{a: a, b: b, kind: kind, cue: k, rule: ruleBeforeVerbName, intro: intro}, true
			}
		}
		if ps.de && t.is(lxSpeechVerb) && !hasPending {
			// A participle or infinitive after an auxiliary ("Stoiber hatte die Rolle der
			// Vorsitzenden betont:") takes the auxiliary's subject; the phrase before it is its object.
			if a, b, kind := perfectSubject(ts, k, lo); kind != npNone {
				return match{a: a, b: b, kind: kind, cue: k, rule: ruleBeforeVerb, intro: intro && adjacent}, true
			}
		}
		p := skipAdverbsBack(ts, k-1, lo)
		if ps.de {
			p = appositiveBack(ts, p, lo)
		}
		// verbMatch is ruleBeforeVerb's match of the mention [a, b), the subject of the verb at k;
		// its cue is the participle's or coordinated verb's after it, when one took this subject.
		verbMatch := func(a, b int, kind npKind) match {
			if !ps.de && p >= lo && ts[p].isPunct(",") {
				if wa, wb, ok := whoseOwner(ts, a, lo); ok {
					a, b, kind = wa, wb, npName
				}
			}
			m := match{a: a, b: b, kind: kind, cue: k, rule: ruleBeforeVerb, intro: intro && adjacent}
			if hasPending {
				m.cue, m.intro = pending.cue, pending.intro
			}
			return m
		}
		if !ps.de && p >= lo && ts[p].kind() == tWord && ts[p].lower() == "it" && (isStrongVerb(t) || adjacent && intro) && (p == lo || !ts[p-1].is(lxPreposition)) {
			// "It added, “…”": a statement, a report or an organisation speaks; the mention is
			// "it", which names no person. ("What it calls “…”" is left to the rules after:
			// there the source is as often named elsewhere.)
			return verbMatch(p, p+1, npDesc), true
		}
		if !ps.de && relativeWho(ts, p, lo) {
			// "Mike Pence, who called their son “…”": the relative pronoun is the mention.
			return verbMatch(p, p+1, npRelative), true
		}
		if !ps.de && !hasPending && adjacent && (t.lower() == "said" || t.lower() == "says") && relativeThat(ts, p, lo) {
			// "a message that said, “…”", "water bottles that said, “…”": a thing with words on it
			// speaks the quotation right after the verb; the mention is its noun and the relative
			// pronoun. Any other verb or a quotation later in the clause ("a video that urges voters
			// to “…”") is left to the rules after.
			a := p - 1
			if da, _, dk := npBackward(ts, p-1, lo, true); dk == npDesc {
				a = da
			}
			return match{a: a, b: p + 1, kind: npDesc, cue: k, rule: ruleBeforeVerb, intro: intro && adjacent}, true
		}
		if !ps.de && !hasPending && !gerund && !naming && (isStrongVerb(t) || adjacent && intro) {
			if a, b, kind := relativeClauseSubject(ts, lo, p+1); kind != npNone {
				// "A White House official who spoke anonymously … said Wednesday, “…”"
				return verbMatch(a, b, kind), true
			}
		}
		a, b, kind := npBackward(ts, p, lo, adjacent && intro && !gerund)
		if kind == npNone && !ps.de && isStrongVerb(t) && !gerund {
			// "Clinton's email use, which an FBI investigation said was “…”": the subject of a
			// relative clause speaks, whatever its head.
			if da, db, dk := npBackward(ts, p, lo, true); dk == npDesc && da > lo && ts[da-1].kind() == tWord && ts[da-1].lower() == "which" {
				a, b, kind = da, db, dk
			}
		}
		if ps.de && kind != npNone {
			a, b, kind, _ = germanSubjectBefore(ts, a, b, lo, kind)
		}
		if kind != npNone {
			if kind == npPronoun && b < k && ts[b].kind() == tWord && ts[b].lower() == "told" {
				continue
			}
			if kind == npName && !ps.de && a > lo && (prepObject(ts[a-1]) || gerund && governedName(ts, a, lo) || gerund && b == k && !intro && reportedActor(ts, a-1, lo) || gerund && b < k && ts[b].isPunct(",") && placeAfterPrep(ts, a, lo)) && !(a-2 >= lo && (ts[a-2].is(lxSpeakerNoun) || ts[a-2].shape(lxRole))) {
				// "a source speaking to Fox News said, “": the name is the preposition's object (but
				// "officials at Homeland Security Investigations said" names them); a participle's
				// subject is an earlier verb's ("replied on Facebook writing, “")
				if g := a - 2; !gerund && !hasPending && g > lo && ts[g].kind() == tWord && !ts[g].cap() && strings.HasSuffix(ts[g].lower(), "ing") {
					// "Another intelligence source speaking to Fox News said, “": a participle
					// phrase after the subject, whose head speaks.
					if sa, sb, sk := npBackward(ts, g-1, lo, false); sk == npDesc && ts[sb-1].is(lxSpeakerNoun) || sk == npName {
						return verbMatch(sa, sb, sk), true
					}
				}
				if gerund && !hasPending {
					pending, hasPending = match{cue: k, intro: intro && adjacent}, true
				}
				continue
			}
			// "One strategist described the race as “…”": a description that names an object
			// with a finite naming verb speaks the term (namesObject).
			namer := naming && !gerund && kind == npDesc && !ps.de && b <= k && namesObject(ts, k, end) && !governedDesc(ts, a, lo)
			if !namer && (naming || gerund || weak && !(adjacent && intro && kind == npDesc && ts[b-1].is(lxSpeakerNoun))) && kind != npName && kind != npPronoun && !ps.de {
				// "a group called the “…”", "she sent an email saying “…”": not the speaker.
				if gerund && !hasPending {
					pending, hasPending = match{cue: k, intro: intro && adjacent}, true
				}
				continue
			}
			if !ps.de && !hasPending && modalBetween(ts, b, k) && strongVerbBefore(ts, lo, a) {
				// "Carson said the United States should declare war on …", "Obama said he expected
				// that Americans will say “no”": a speech act to come, in a clause that an earlier
				// speech verb of the sentence reports; the quotation is that verb's subject's.
				continue
			}
			if (kind == npPronoun || kind == npName || kind == npDesc) && !ps.de {
				if oa, ob, okind := reportingSubject(ts, a, lo); okind != npNone {
					a, b, kind = oa, ob, okind
				}
			}
			return verbMatch(a, b, kind), true
		}
		if !ps.de && !weak && !naming && !gerund {
			// "Tad Devine, Sanders' senior media adviser, said …", "New Hampshire Sen. Kelly
			// Ayotte’s campaign, for example, said …": the name that opens the sentence, past an
			// aside that ends right before the verb.
			if a, b, v, kind := openingMention(ts, lo, end); kind == npName && v <= k && skipAdverbsFwd(ts, v, k) == k {
				return verbMatch(a, b, kind), true
			}
		}
		// `said X: “`; in German not an object after the verb ("warf der Regierung vor: „").
		if !t.is(lxObjectVerb) && !hasPending && !(ps.de && objectAfter(ts, k, end)) {
			if a, b, kind := npForward(ts, k+1, end, false); kind != npNone && kind != npPronoun && skipPhrase(ts, b, end) == end-1 && (ts[end-1].isPunct(":") || ts[end-1].isPunct(",")) {
				return match{a: a, b: b, kind: kind, cue: k, rule: ruleBeforeVerbName, intro: intro}, true
			}
		}
		if !hasPending && p >= lo && (ts[p].kind() == tWord && (ts[p].lower() == "and" || ts[p].lower() == "but" || ts[p].lower() == "then" || ts[p].lower() == "to") || gerund) {
			pending, hasPending = match{cue: k, intro: intro && adjacent}, true
		}
	}
	if hasPending {
		if a, b, kind := participleSubject(ts, lo, pending.cue); kind != npNone {
			return match{a: a, b: b, kind: kind, cue: pending.cue, rule: ruleBeforeSubject, intro: pending.intro}, true
		}
	}
	return match{}, false
}

// reportsWithSubject reports whether the weak speech verb at k is one that reports a clause
// ("say", "think", "note", "claim") in the present or past and stands right after its subject, a
// name, a pronoun or a description whose head speaks ("Aides say the governor plans to “…”", "They
// note that … “…”"): it is then a verb, not a noun ("her claim that"), and speaks as a strong one.
func reportsWithSubject(ts []tok, k, lo int) bool {
	switch ts[k].lower() {
	case "say", "think", "thinks", "thought", "note", "notes", "claim", "claims", "states", "promises", "vows", "mentions",
		"demands", "charges", "charged", "tweets", "highlights", "highlighted":
	default:
		return false
	}
	if n := k + 1; n >= len(ts) || ts[n].kind() != tWord || ts[n].is(lxPreposition) && ts[n].lower() != "that" || ts[n].is(lxConjunction) {
		return false // "claims of “…”", "claims as “…”": a noun
	}
	_, _, kind := npBackward(ts, skipAdverbsBack(ts, k-1, lo), lo, false)
	return kind != npNone
}

// namingVerbs give a quoted name or term to something ("called the plan “a disaster”"); they link
// a quotation only to a named subject.
var namingVerbs = wordList(lxNamingVerb, "call", "calls", "called", "calling", "dub", "dubs", "dubbed", "dubbing", "label", "labels",
	"labeled", "labelled", "labeling", "brand", "brands", "branded", "branding", "describe", "describes", "described",
	"describing", "term", "termed", "terms", "deride", "derided", "derides", "deriding", "refer", "referred",
	"referring", "refers", "praise", "praised", "praises", "praising", "thank", "thanked", "thanks", "thanking",
	"liken", "likened", "likens", "likening", "compare", "compared", "compares", "comparing",
	"portray", "portrays", "portrayed", "portraying", "characterize", "characterizes", "characterized", "characterizing",
	"depict", "depicts", "depicted", "depicting",
	"dismiss", "dismisses", "dismissed", "dismissing", "mock", "mocks", "mocked", "mocking", "denounce", "denounces", "denounced", "denouncing",
	"blast", "blasts", "blasted", "blasting",
	"nannte", "nennt", "bezeichnete", "bezeichnet", "nannten", "nennen", "bezeichneten", "bezeichnen", "betitelte",
	"charakterisierte", "charakterisiert", "charakterisierten", "wertete", "wertet", "werteten", "titulierte",
	"tituliert", "titulierten", "beschimpfte", "beschimpft", "beschimpften")

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
// News: “"); so do the German verbs of request ("bat Premierminister Key, ihre „…“").
var objectVerbs = wordList(lxObjectVerb, "told", "tell", "tells", "telling", "asked", "ask", "asks", "asking", "informed", "reminded",
	"warned", "urged", "assured", "convinced", "accused", "criticized", "answered", "thanked", "quoted",
	"bat", "baten", "bittet")

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
	if kind == npNone || b >= end || ts[b].kind() != tWord || ts[b].cap() || ts[b].is(lxPreposition) || ts[b].is(lxConjunction) ||
		kind == npName && b == a+1 && openerWord(ts, a, end) {
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

// participleSubject returns the subject of the clause that a participial or coordinated speech
// verb at end hangs on: sentenceSubject's, or else the mention that opens the sentence (or follows
// its opening phrase) when a verb follows it past an aside (openingMention).
func participleSubject(ts []tok, lo, end int) (a, b int, kind npKind) {
	if a, b, kind = sentenceSubject(ts, lo, end); kind != npNone {
		return a, b, kind
	}
	k := lo
	for k < end && ts[k].kind() == tWord && ts[k].cap() && (ts[k].lower() == "and" || ts[k].lower() == "but" || ts[k].lower() == "then" || ts[k].lower() == "so") {
		k++
	}
	if a, b, _, kind = openingMention(ts, k, end); kind != npNone {
		return a, b, kind
	}
	if k == lo {
		for c := lo; c < end && c-lo <= 12; c++ {
			if ts[c].isPunct(",") {
				a, b, _, kind = openingMention(ts, c+1, end)
				return a, b, kind
			}
		}
	}
	return 0, 0, npNone
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
		for j := k + 1; j < end && j-k <= maxDescWords; j++ {
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
	if !t.cap() || t.is(lxCapStop) || t.is(lxPossessive) {
		return 0, 0, 0, npNone
	}
	e := nameRunEnd(ts, k, end)
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
// an adverb of manner rather than a one-word name: it ends in -ing or -ly and the word after it is
// a lower-case word that is not a speech verb or an auxiliary ("Reprising her lines, …", "Showing
// such favor tells …", "Hastily arranged, …"; but "Manning said", "Kelly has").
func openerWord(ts []tok, k, end int) bool {
	t := ts[k]
	w := t.lower()
	if t.kind() != tWord || !t.cap() || k+1 >= end || t.is(lxSpeakerNoun) {
		return false
	}
	if !(len(w) >= 6 && strings.HasSuffix(w, "ing")) && !(len(w) >= 7 && isLyAdverb(w)) {
		return false
	}
	n := ts[k+1]
	return n.kind() == tWord && !n.cap() && !n.is(lxSpeechVerb) && !clauseFollows(ts, k+1, end)
}

// resumedAfterAside links a quotation that resumes a sentence after an attribution that
// interrupts it and goes on with an appositive or a phrase before the comma that brings the
// quotation back: `“We will win,” said Tom Baker, the senator, “and we will build.”`, `“…,” said
// Sherman, speaking of politicians, “and …”`. The quotation before the verb ends with a comma and
// the speaker is the name after the verb. (Without an aside, `said X, “` is walkBack's.) A
// quotation that goes on in lower case after `,” X wrote …, “` is X's too.
func resumedAfterAside(ps *paraState, qi, lo int) (match, bool) {
	ts := ps.toks
	if qi < 1 || !ts[qi-1].isPunct(",") {
		return match{}, false
	}
	// Back to the speech verb right after the quotation before.
	for k := qi - 2; k > lo && qi-k <= maxAppositive; k-- {
		t := ts[k]
		if t.kind() == tQuote || t.isSentenceEnd() {
			return match{}, false
		}
		if t.kind() == tWord && k-1 >= lo && ts[k-1].kind() == tQuote && lastContentRune(ps.rs, ps.spans[ts[k-1].q()]) == ',' &&
			unicode.IsLower(firstContentRune(ps.rs, ps.spans[ts[qi].q()])) {
			// “…,” Thiel wrote in a statement to Wired explaining why …, “but most Americans …”:
			// the quotation goes on in lower case after its tag, a name and its verb.
			if a, b, kind := npForward(ts, k, qi-1, false); (kind == npName || kind == npPronoun) && isStrongVerbTok(ts, skipAdverbsFwd(ts, b, qi-1)) {
				return match{a: a, b: b, kind: kind, cue: skipAdverbsFwd(ts, b, qi-1), rule: ruleBeforeVerb, intro: true}, true
			}
		}
		if !isStrongVerb(t) || ts[k-1].kind() != tQuote {
			continue
		}
		if lastContentRune(ps.rs, ps.spans[ts[k-1].q()]) != ',' {
			return match{}, false
		}
		a, b, kind := npForward(ts, k+1, qi-1, false)
		if kind != npName || b >= qi-1 || !ts[b].isPunct(",") || b+1 >= qi-1 {
			return match{}, false
		}
		return match{a: a, b: b, kind: kind, cue: k, rule: ruleBeforeVerbName, intro: true}, true
	}
	return match{}, false
}

// modalBetween reports whether a modal verb ("will", "would", "should", "could", "might", "may",
// "must", "can") stands between a subject that ends at b and its verb at k.
func modalBetween(ts []tok, b, k int) bool {
	for j := b; j < k; j++ {
		switch ts[j].lower() {
		case "will", "would", "should", "could", "might", "may", "must", "can":
			return !ts[j].cap()
		}
	}
	return false
}

// strongVerbBefore reports whether a strong speech verb in the active stands in tokens [lo, e).
func strongVerbBefore(ts []tok, lo, e int) bool {
	for j := lo; j < e; j++ {
		if ts[j].kind() == tWord && !ts[j].cap() && isStrongVerb(ts[j]) && !isPassive(ts, j, lo) {
			return true
		}
	}
	return false
}

// whoseOwner returns the name that a relative clause with "whose" follows, when the mention at a
// opens that clause: "Mr. Slinker, whose latest start-up, Paradata, uses big data …, said",
// "Marco Rubio, whose hometown, Miami, is projected …, argues". The verb after the comma that
// closes the clause is the name's; the caller asks only for a verb after a comma.
func whoseOwner(ts []tok, a, lo int) (na, nb int, ok bool) {
	for w := a - 1; w >= lo && a-w <= 6; w-- {
		t := ts[w]
		if t.kind() == tQuote || t.isSentenceEnd() {
			return 0, 0, false
		}
		if t.kind() != tWord || t.lower() != "whose" {
			continue
		}
		if w-2 < lo || !ts[w-1].isPunct(",") {
			return 0, 0, false
		}
		if na, nb, kind := npBackward(ts, w-2, lo, false); kind == npName && nb == w-1 {
			return na, nb, true
		}
		return 0, 0, false
	}
	return 0, 0, false
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
// governs: the state or country of a place ("in Tulsa, Oklahoma, arguing that …"). The caller
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

// relativeWho reports whether token p is the relative pronoun "who" after a comma or a name
// ("Mike Pence, who", "Rikkie Wells who"): the subject of the verb after it. After a common noun
// it restricts that noun, which is often an object ("told a young woman who suggested …").
func relativeWho(ts []tok, p, lo int) bool {
	if p <= lo || ts[p].kind() != tWord || ts[p].cap() || ts[p].lower() != "who" {
		return false
	}
	q := ts[p-1]
	return q.isPunct(",") || q.kind() == tWord && q.cap() && !q.is(lxCapStop)
}

// relativeThat reports whether token p is the relative pronoun "that" or "which" right after a
// common noun ("a message that said", "signs which read"): the subject of the verb after it. After
// a function word or a verb it is a conjunction ("so that", "said that").
func relativeThat(ts []tok, p, lo int) bool {
	if p <= lo || ts[p].kind() != tWord || ts[p].cap() || ts[p].lower() != "that" && ts[p].lower() != "which" {
		return false
	}
	q := ts[p-1]
	return q.kind() == tWord && !q.cap() && !isVerb(q) && !q.is(lxAdverb) && !q.is(lxPreposition) && !q.is(lxDeterminer) &&
		!q.is(lxPronoun) && !q.is(lxConjunction) && !isObjectPronoun(q.lower()) && !q.is(lxCapStop)
}

// relativeClauseSubject returns the mention that opens the sentence at lo when a restrictive
// relative clause follows it and runs up to the verb at v: "A White House official who spoke
// anonymously to discuss internal strategy said …", "Another Muslim who worshiped at the center
// and who didn't want to be named said …". The clause is words only (no comma, no quotation), and
// its first word is lower case: in "the man who Smith said was …" the verb is the clause's own.
func relativeClauseSubject(ts []tok, lo, v int) (a, b int, kind npKind) {
	if a, b, kind = relativeClauseAt(ts, lo, v); kind != npNone {
		return a, b, kind
	}
	// "Although there is no such overlap, a White House official who …": past an opening phrase.
	for c := lo; c < v && c-lo <= 20; c++ {
		if ts[c].kind() == tQuote || ts[c].isSentenceEnd() {
			break
		}
		if ts[c].isPunct(",") {
			return relativeClauseAt(ts, c+1, v)
		}
	}
	return 0, 0, npNone
}

// relativeClauseAt is relativeClauseSubject for a mention that starts at k.
func relativeClauseAt(ts []tok, k, v int) (a, b int, kind npKind) {
	a, b, kind = npForward(ts, k, v, false)
	if kind != npDesc && kind != npName || b+1 >= v || v-b > 20 || ts[b].kind() != tWord || ts[b].cap() || ts[b].lower() != "who" {
		return 0, 0, npNone
	}
	if f := ts[b+1]; f.kind() != tWord || f.cap() || f.is(lxDeterminer) || f.is(lxPronoun) {
		return 0, 0, npNone
	}
	for j := b + 1; j < v; j++ {
		if ts[j].kind() != tWord {
			return 0, 0, npNone
		}
	}
	return a, b, kind
}
