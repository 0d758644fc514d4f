package article

import (
	"strings"
	"unicode"
)

// This file holds the before-verb rule: a speech verb before the quotation in its sentence and the
// subject that walkBack finds for it, with the verb lists and verb tests the walk uses. The subject,
// relative-clause and source readers it calls are in subject_en.go, relative_en.go and source_en.go.

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
		lo = mainClauseStart(ts, datelineEnd(ts, lo, qi), qi)
	}
	m, ok := walkBack(ps, qi, lo, intro)
	if ok && ps.de && qi > 1 && ts[qi-1].isPunct(":") {
		if c := subordinateEnd(ts, lo, qi-1); c > m.cue {
			// "Wie der Sender berichtet, gab der Sprecher eine Stellungnahme ab: „…“": the speech
			// verb of a clause that opens the sentence says where the news is from; the main
			// clause's subject gives what the colon introduces (ruleColonIntro).
			if s, ok := ruleColonIntro(ps, qi); ok && s.a > c {
				return s, true
			}
		}
	}
	if ok && !ps.de && qi > 0 && ts[qi-1].isPunct(":") {
		if a, b, kind := colonClauseSubject(ts, m.cue, qi-1); kind != npNone {
			// "When Trump suggested that …, Rubio fired back forcefully: “…”": the clause that
			// the colon ends has a subject of its own after the speech verb found.
			return match{a: a, b: b, kind: kind, cue: qi - 1, cueText: ":", rule: ruleBeforeVerb, intro: true}, true
		}
	}
	if ok && !ps.de && !m.intro && (m.rule == ruleBeforeVerb || m.rule == ruleBeforeSubject) && dashAside(ts, sentenceStart(ps, qi), m.cue, qi) {
		// "Richards noted that abortion – what her business calls “…” – is …": the quotation
		// stands in an aside between dashes that opens after the speech verb; the aside is the
		// writer's, not what the verb reports.
		return match{}, false
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

// ruleBeforeOnce is ruleBefore on quotation token qi of paragraph pi, worked out once in a
// runSieve: the sieve's intro row asks it first, and its before row, a few rows later, asks it
// again of a quotation that no row between took (runSieve forgets the answer when it starts on a
// quotation). The rows between change nothing that ruleBefore reads.
func (e *engine) ruleBeforeOnce(pi, qi int) (match, bool) {
	if e.beforeQ != qi+1 {
		e.before, e.beforeOK = ruleBefore(e.ps[pi], qi)
		e.before.para = pi
		e.beforeQ = qi + 1
	}
	return e.before, e.beforeOK
}

// ruleIntro is ruleBefore limited to quotations right after `said:` or `said,`.
func (e *engine) ruleIntro(pi, qi int) (match, bool) {
	ps := e.ps[pi]
	m, ok := e.ruleBeforeOnce(pi, qi)
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

// walkBack looks for a speech verb and its subject in tokens [lo, end), from the quotation back to
// the sentence's start. Each word goes through the steps of backWalk in turn, until one finds the
// match or skips the word: cueWord, verb, pronounSubject, mentionSubject, otherSubject.
func walkBack(ps *paraState, end, lo int, intro bool) (match, bool) {
	ts := ps.toks
	w := &backWalk{ps: ps, ts: ts, end: end, lo: lo, intro: intro}
	closed := 0  // the parentheses closed after k: "(Wikinews berichtete): Der Entwurf …"
	var v verbAt // the verb at k, once verb has read it
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
		st := w.cueWord(k)
		if st == stepOn {
			st = w.verb(k, &v)
		}
		if st == stepOn {
			st = w.pronounSubject(&v)
		}
		if st == stepOn {
			st = w.mentionSubject(&v)
		}
		if st == stepOn {
			st = w.otherSubject(&v)
		}
		if st == stepFound {
			return w.m, true
		}
	}
	if w.hasPending {
		if a, b, kind := participleSubject(ts, lo, w.pending.cue); kind != npNone {
			return match{a: a, b: b, kind: kind, cue: w.pending.cue, rule: ruleBeforeSubject, intro: w.pending.intro}, true
		}
		if !ps.de && !heldClauseBreak(ts, w.pending.cue+1, end-1) {
			if a, b, kind := infinitiveSubject(ts, lo, w.pending.cue); kind != npNone {
				return match{a: a, b: b, kind: kind, cue: w.pending.cue, rule: ruleBeforeSubject, intro: w.pending.intro}, true
			}
		}
	}
	return match{}, false
}

// infinitiveSubject returns the mention that speaks an English speech verb at cue in "to say" or
// "by saying" when the sentence's subject does not: the name or the pronoun nearest before it, with
// only a few lower-case words between that hold no speech verb ("the debate was so dull that Tom
// Baker was prompted to say", "when she came back she began by saying"). npNone when there is none.
func infinitiveSubject(ts []tok, lo, cue int) (a, b int, kind npKind) {
	if cue-1 <= lo || ts[cue-1].kind() != tWord || ts[cue-1].cap() {
		return 0, 0, npNone
	}
	if p := ts[cue-1].lower(); p != "to" && !(p == "by" && strings.HasSuffix(ts[cue].lower(), "ing")) {
		return 0, 0, npNone
	}
	for j := cue - 2; j >= lo && cue-j <= 6; j-- {
		t := ts[j]
		if t.kind() != tWord || isVerb(t) && !t.is(lxWeakVerb) {
			return 0, 0, npNone // "Smith said Baker was prompted to say": the strong verb's subject speaks
		}
		if !t.cap() && !t.is(lxPronoun) {
			if t.is(lxDeterminer) || t.is(lxConjunction) {
				return 0, 0, npNone
			}
			continue
		}
		a, b, kind := npBackward(ts, j, lo, false)
		if b != j+1 || kind != npName && !(kind == npPronoun && (t.lower() == "he" || t.lower() == "she")) {
			return 0, 0, npNone
		}
		if b == cue-1 {
			return 0, 0, npNone // "urged Tom Baker to say": a verb's object, told what to say
		}
		if u := ts[b]; kind == npName && !u.cap() && u.is(lxSpeakerNoun) {
			return a, b + 1, npDesc // "Town Hall officials started to say": the name opens a description
		}
		return a, b, kind
	}
	return 0, 0, npNone
}

// appositiveToIntro reports whether tokens [b, end) are an appositive between commas that ends
// right before the quotation at end: "Said Jane Smith, who grew up in the town, “…”". It holds no
// quotation, speech verb or sentence end.
func appositiveToIntro(ts []tok, b, end int) bool {
	if b >= end-2 || !ts[b].isPunct(",") || !ts[end-1].isPunct(",") || end-b > maxAppositive {
		return false
	}
	for i := b + 1; i < end-1; i++ {
		if t := ts[i]; t.kind() == tQuote || t.isSentenceEnd() || isVerb(t) {
			return false
		}
	}
	return true
}

// articleOrOwner are the English articles and possessive determiners: a speech verb's form right
// after one is a noun or an adjective ("a written statement", "his posts", "the offers").
var articleOrOwner = setOf("a", "an", "the", "his", "their", "its", "our", "my", "your")

// heldClauseBreak reports whether tokens [lo, hi) hold a comma, a quotation or a speech verb: what
// stands between a held verb and its quotation goes on in the verb's clause only when they do not.
func heldClauseBreak(ts []tok, lo, hi int) bool {
	for i := lo; i < hi; i++ {
		if ts[i].isPunct(",") || ts[i].kind() == tQuote || isVerb(ts[i]) {
			return true
		}
	}
	return false
}

// backWalk is walkBack's walk over the tokens [lo, end) before the quotation at end, with the
// participle or coordinated verb it holds on the way.
type backWalk struct {
	ps      *paraState
	ts      []tok
	end, lo int
	intro   bool // the quotation is introduced by a colon or comma (`said: “`, `said, “`)
	// A participle or a coordinated verb ("Nefzi said, adding, “", "Trump … and said, “") takes
	// the subject of an earlier speech verb of the sentence, or else the sentence's subject:
	// pending holds its cue and intro, when hasPending.
	pending struct {
		cue   int
		intro bool
	}
	hasPending bool
	m          match // the match a step found (see found)
}

// found keeps m as the walk's match, for a step that finds it: the steps return a stepResult
// alone, since most words are skipped and a match is many words to copy back for nothing.
func (w *backWalk) found(m match) stepResult {
	w.m = m
	return stepFound
}

// stepResult is what a step of backWalk made of a word.
type stepResult int

const (
	stepOn    stepResult = iota // the step says nothing: the next step reads the word
	stepSkip                    // the word says nothing more: the walk goes on before it
	stepFound                   // the step found the match
)

// verbAt is a speech verb at k that backWalk reads, with what the steps after verb ask of it.
type verbAt struct {
	k        int
	t        tok
	adjacent bool // the quotation stands right after the verb, or after its object
	gerund   bool // the verb ends in -ing
	naming   bool // a naming verb ("called")
	weak     bool // a weak verb (weakVerbs) whose subject reports nothing
	p        int  // where the verb's subject ends: the word before it, past adverbs (and in German an apposition)
}

// hold keeps the participle or coordinated verb v, when no other is held yet: it takes the subject
// of an earlier speech verb of the sentence.
func (w *backWalk) hold(v *verbAt) {
	if !w.hasPending {
		w.pending.cue, w.pending.intro, w.hasPending = v.k, w.intro && v.adjacent, true
	}
}

// verbMatch is ruleBeforeVerb's match of the mention [a, b), the subject of the verb v; its cue is
// the participle's or coordinated verb's after it, when one took this subject.
func (w *backWalk) verbMatch(v *verbAt, a, b int, kind npKind) match {
	ts, lo := w.ts, w.lo
	if !w.ps.de && v.p >= lo && ts[v.p].isPunct(",") {
		if wa, wb, ok := whoseOwner(ts, a, lo); ok {
			a, b, kind = wa, wb, npName
		}
	}
	m := match{a: a, b: b, kind: kind, cue: v.k, rule: ruleBeforeVerb, intro: w.intro && v.adjacent}
	if w.hasPending {
		m.cue, m.intro = w.pending.cue, w.pending.intro
	}
	return m
}

// cueWord reads the word at k for a cue that is no speech verb before its subject: "according to"
// and the source after it, a German source (germanSource), and a speech verb that opens the
// sentence before a name ("Said Ellis: “…”"). It skips a word that is no verb.
func (w *backWalk) cueWord(k int) stepResult {
	ps, ts, lo, end, intro := w.ps, w.ts, w.lo, w.end, w.intro
	t := ts[k]
	if t.lower() == "according" && k+1 < end && ts[k+1].lower() == "to" {
		if a, b, kind := npForward(ts, k+2, end, false); kind != npNone {
			return w.found(match{a: a, b: b, kind: kind, cue: k, cueText: "according to", rule: ruleAccordingTo, intro: intro})
		}
		if a, b, kind := openingSource(ps, k, lo, end); kind != npNone {
			return w.found(match{a: a, b: b, kind: kind, cue: k, cueText: "according to", rule: ruleAccordingTo, intro: intro})
		}
		return stepSkip
	}
	if ps.de {
		if a, b, kind, ok := wonachSubject(ts, k, end); ok {
			return w.found(match{a: a, b: b, kind: kind, cue: k, rule: ruleBeforeVerb, intro: intro})
		}
		if a, b, kind, cue, ok := germanSource(ps, k, lo, end); ok && !continuesPhrase(ps, b, end) {
			if m, ok := saidBeforeSource(ts, lo, min(a, k)); ok {
				m.intro = intro
				return w.found(m)
			}
			return w.found(match{a: a, b: b, kind: kind, cue: k, cueText: cue, rule: ruleAccordingTo, intro: intro})
		}
	}
	if t.cap() && k == lo && t.is(lxSpeechVerb) && !t.is(lxGermanVerb) {
		// "Said Ellis: “…”": an inverted attribution opening the sentence.
		// "Said Comey, “…”"; "Stated Stone:⏎“…”", where end is the colon that ends the paragraph.
		if a, b, kind := npForward(ts, k+1, end, false); kind == npName && (b == end-1 && (ts[b].isPunct(":") || !ps.de && ts[b].isPunct(",")) || b == end && end < len(ts) && ts[end].isPunct(":") ||
			!ps.de && appositiveToIntro(ts, b, end)) {
			return w.found(match{a: a, b: b, kind: kind, cue: k, rule: ruleBeforeVerbName, intro: true})
		}
		return stepSkip
	}
	if !isVerb(t) && !(t.is(lxNamingVerb) && !t.cap()) && !(ps.de && apartVerbDe(ts, k, lo)) {
		return stepSkip
	}
	return stepOn
}

// verb reads the verb at k: the German subjects that stand after it or before its auxiliary
// (germanVerbSubject, invertedSubject, perfectSubject), and what the steps after ask of it. It
// skips a weak verb away from the quotation and a passive one.
func (w *backWalk) verb(k int, v *verbAt) stepResult {
	ps, ts, lo, end, intro := w.ps, w.ts, w.lo, w.end, w.intro
	t := ts[k]
	if ps.de && t.is(lxSpeechVerb) {
		if m, ok := germanVerbSubject(ts, k, lo, end, intro); ok {
			return w.found(m)
		}
	}
	adjacent := k == end-1 || ts[end-1].kind() == tPunct && objectBetween(ts, k+1, end-1)
	gerund := strings.HasSuffix(t.lower(), "ing")
	naming := t.is(lxNamingVerb)
	weak := t.is(lxWeakVerb) && !(!ps.de && reportsWithSubject(ts, k, lo))
	if weak && !adjacent && !gerund && !naming {
		return stepSkip
	}
	if isPassive(ts, k, lo) {
		return stepSkip // "Blumenthal was asked, “": the speaker is someone else
	}
	if !ps.de && k > lo && articleOrOwner[ts[k-1].lower()] {
		return stepSkip // "in a written statement, “", "his posts": a noun or an adjective, no verb
	}
	if ps.de && isStrongVerb(t) && k > lo && end < len(ts) && ts[end].kind() == tQuote && !opensWithSubject(ts, lo) {
		// "Bereits während seiner Amtszeit warnte Kluncker vor den „…“": the subject right
		// after an inverted speech verb, for a quotation later in its clause.
		if a, b, kind := invertedSubject(ps, k, lo, end); kind != npNone {
			return w.found(match{a: a, b: b, kind: kind, cue: k, rule: ruleBeforeVerbName})
		}
	}
	// German puts the subject after the verb when the sentence opens with something else:
	// "Am 3. Oktober sagte Bundespräsident Steinmeier in Mainz: „…“".
	if t.is(lxGermanVerb) && k > lo && !(opensWithSubject(ts, lo) && !fronted(ts, lo)) && (quotingVerbsDe[t.lower()] || !objectAfter(ts, k, end)) {
		if a, b, kind := npForward(ts, k+1, end, false); (kind == npName || kind == npDesc) && skipPhrase(ts, b, end) == end-1 && (ts[end-1].isPunct(":") || ts[end-1].isPunct(",")) {
			return w.found(match{a: a, b: b, kind: kind, cue: k, rule: ruleBeforeVerbName, intro: intro})
		}
	}
	if ps.de && t.is(lxSpeechVerb) && !w.hasPending {
		// A participle or infinitive after an auxiliary ("Stoiber hatte die Rolle der
		// Vorsitzenden betont:") takes the auxiliary's subject; the phrase before it is its object.
		if a, b, kind := perfectSubject(ts, k, lo); kind != npNone {
			return w.found(match{a: a, b: b, kind: kind, cue: k, rule: ruleBeforeVerb, intro: intro && adjacent})
		}
	}
	p := skipAdverbsBack(ts, k-1, lo)
	if ps.de && apartVerbDe(ts, k, lo) {
		p = skipAdverbsBack(ts, k-2, lo) // "wie die Polizei bekannt gab": the subject is before the particle
	}
	if ps.de {
		p = appositiveBack(ts, skipTimeBackDe(ts, p, lo), lo)
	}
	*v = verbAt{k: k, t: t, adjacent: adjacent, gerund: gerund, naming: naming, weak: weak, p: p}
	return stepOn
}

// pronounSubject reads an English subject of the verb v that is a pronoun or opens a relative
// clause, at v.p: "it", "who", "that" after a thing with words on it, or the subject of a relative
// clause before the verb (relativeClauseSubject).
func (w *backWalk) pronounSubject(v *verbAt) stepResult {
	ps, ts, lo, intro := w.ps, w.ts, w.lo, w.intro
	k, t, p, adjacent := v.k, v.t, v.p, v.adjacent
	if !ps.de && p >= lo && ts[p].kind() == tWord && ts[p].lower() == "it" && (isStrongVerb(t) || adjacent && intro) && (p == lo || !ts[p-1].is(lxPreposition)) {
		// "It added, “…”": a statement, a report or an organisation speaks; the mention is
		// "it", which names no person. ("What it calls “…”" is left to the rules after:
		// there the source is as often named elsewhere.)
		return w.found(w.verbMatch(v, p, p+1, npDesc))
	}
	if !ps.de && relativeWho(ts, p, lo) {
		// "Mike Pence, who called their son “…”": the relative pronoun is the mention.
		return w.found(w.verbMatch(v, p, p+1, npRelative))
	}
	if !ps.de && !v.gerund {
		if r, ok := whoBeforeAuxiliary(ts, k, lo); ok {
			// "Beck, who has in the past described Trump as “…”": an auxiliary and an
			// adverbial between the relative pronoun and its verb.
			return w.found(w.verbMatch(v, r, r+1, npRelative))
		}
		if r, ok := asideAfterWho(ts, p, lo); ok {
			// "Bret Stephens, who, after trading insults with Mr. Hannity, said …": an aside
			// between the relative pronoun and its verb.
			return w.found(w.verbMatch(v, r, r+1, npRelative))
		}
	}
	if !ps.de && !w.hasPending && adjacent && !v.gerund && !v.naming && t.lower() != "read" && t.lower() != "reads" && relativeWhich(ts, p, lo) {
		// "the Associated Press report, which notes, “…”": a report, a statement or a
		// group, after a comma or a dash, speaks the quotation right after its verb; the
		// mention is the relative pronoun, whose antecedent shows. What a sign or a caption
		// reads ("the sign, which read “…”") is whoever put it there's.
		return w.found(w.verbMatch(v, p, p+1, npRelative))
	}
	if !ps.de && !w.hasPending && adjacent && (t.lower() == "said" || t.lower() == "says") && relativeThat(ts, p, lo) {
		// "a message that said, “…”", "water bottles that said, “…”": a thing with words on it
		// speaks the quotation right after the verb; the mention is its noun and the relative
		// pronoun. Any other verb or a quotation later in the clause ("a video that urges voters
		// to “…”") is left to the rules after.
		a := p - 1
		if da, _, dk := npBackward(ts, p-1, lo, true); dk == npDesc {
			a = da
		}
		return w.found(match{a: a, b: p + 1, kind: npDesc, cue: k, rule: ruleBeforeVerb, intro: intro && adjacent})
	}
	if !ps.de && !w.hasPending && !v.gerund && !v.naming && (isStrongVerb(t) || adjacent && intro) {
		if a, b, kind := relativeClauseSubject(ts, lo, p+1); kind != npNone {
			// "A White House official who spoke anonymously … said Wednesday, “…”"
			return w.found(w.verbMatch(v, a, b, kind))
		}
	}
	return stepOn
}

// mentionSubject reads the mention that ends at v.p (npBackward, or an English which-clause's
// subject) as the subject of the verb v, unless it is governed by a preposition or participle, is
// no speaker of a naming verb, a participle or a weak verb, or speaks in a clause that an earlier
// speech verb reports; in those cases it holds a participle and skips the verb.
func (w *backWalk) mentionSubject(v *verbAt) stepResult {
	ps, ts, lo, end, intro := w.ps, w.ts, w.lo, w.end, w.intro
	k, t, p, adjacent, gerund, naming, weak := v.k, v.t, v.p, v.adjacent, v.gerund, v.naming, v.weak
	if ps.de {
		if q, ok := markedCompoundDe(ts, p); ok {
			if qa, ok := quotedSubjectDe(ps, q, lo); ok {
				// "Die „Bild“-Zeitung schrieb": the paper's name in marks, as below.
				return w.found(w.verbMatch(v, qa, q+1, npDesc))
			}
		}
	}
	a, b, kind := npBackward(ts, p, lo, adjacent && intro && !gerund)
	if ps.de && kind == npName {
		a = innerPrepositionNameDe(ts, a, lo) // "Reporter ohne Grenzen erklärte"
	}
	if kind == npNone && !ps.de && isStrongVerb(t) && !gerund {
		a, b, kind = whichClauseSubject(ts, p, lo)
	}
	if kind == npNone && ps.de {
		if qa, ok := quotedSubjectDe(ps, p, lo); ok {
			// "Der „Spiegel“ berichtete, …", "„BBC News“ berichtet …": a paper's name in marks
			// is the subject; quotedNameDe shows it.
			return w.found(w.verbMatch(v, qa, p+1, npDesc))
		}
	}
	if ps.de && kind != npNone {
		if openingClauseSubject(ts, a, b, lo, k) {
			return w.found(w.verbMatch(v, a, b, kind))
		}
		a, b, kind, _ = germanSubjectBefore(ts, a, b, lo, kind)
		if kind == npName || kind == npDesc {
			if na, nb, ok := nameBeforeOpenAppositionDe(ts, a, lo); ok {
				a, b, kind = na, nb, npName
			}
		}
	}
	if ps.de && kind == npName && b-a == 1 && pronominalAdverbsDe[ts[a].lower()] {
		kind = npNone // "Darin erklärte der Minister": an adverb (the given name "Darin" too) is no subject
	}
	if kind == npNone {
		return stepOn
	}
	if ps.de && kind != npPronoun && (objectCase[ts[a].lower()] || a > lo && objectCase[ts[a-1].lower()]) {
		return stepSkip // "Den Plan nannte die Ministerin „…“": a phrase in the accusative or the dative is no subject
	}
	if kind == npPronoun && b < k && ts[b].kind() == tWord && ts[b].lower() == "told" {
		return stepSkip
	}
	if kind == npName && !ps.de && governedMention(ts, a, b, k, lo, gerund, intro) {
		// "a source speaking to Fox News said, “": the name is the preposition's object (but
		// "officials at Homeland Security Investigations said" names them); a participle's
		// subject is an earlier verb's ("replied on Facebook writing, “")
		if g := a - 2; !gerund && !w.hasPending && g > lo && ts[g].kind() == tWord && !ts[g].cap() && strings.HasSuffix(ts[g].lower(), "ing") {
			// "Another intelligence source speaking to Fox News said, “": a participle
			// phrase after the subject, whose head speaks.
			if sa, sb, sk := npBackward(ts, g-1, lo, false); sk == npDesc && ts[sb-1].is(lxSpeakerNoun) || sk == npName {
				return w.found(w.verbMatch(v, sa, sb, sk))
			}
		}
		if gerund {
			w.hold(v)
		}
		return stepSkip
	}
	// "One strategist described the race as “…”": a description that names an object
	// with a finite naming verb speaks the term (namesObject).
	namer := naming && !gerund && kind == npDesc && !ps.de && b <= k && namesObject(ts, k, end) && !governedDesc(ts, a, lo)
	if !namer && (naming || gerund || weak && !(adjacent && intro && kind == npDesc && ts[b-1].is(lxSpeakerNoun))) && kind != npName && kind != npPronoun && !ps.de {
		// "a group called the “…”", "she sent an email saying “…”": not the speaker.
		if gerund {
			w.hold(v)
		}
		return stepSkip
	}
	if !ps.de && !w.hasPending && modalBetween(ts, b, k) && strongVerbBefore(ts, lo, a) {
		// "Carson said the United States should declare war on …", "Obama said he expected
		// that Americans will say “no”": a speech act to come, in a clause that an earlier
		// speech verb of the sentence reports; the quotation is that verb's subject's.
		return stepSkip
	}
	if (kind == npPronoun || kind == npName || kind == npDesc) && !ps.de {
		if oa, ob, okind := reportingSubject(ts, a, lo); okind != npNone {
			a, b, kind = oa, ob, okind
		}
	}
	return w.found(w.verbMatch(v, a, b, kind))
}

// pronominalAdverbsDe are German adverbs made of "da", "hier" or "wo" and a preposition, and
// "dort", the text adverbs among them (textAdverbWordsDe): they stand for a thing named before
// ("Darin erklärte der Minister", "Dazu sagte er"), never for a speaker, though a capitalised one
// may read as a name ("Darin" is a given name too).
var pronominalAdverbsDe = setOf(append([]string{"daraus", "darüber", "dabei", "damit", "davon",
	"dazu", "dafür", "dagegen", "danach", "daneben", "dahinter", "davor", "daraufhin", "hierzu",
	"hierbei", "hiermit", "hierauf", "hierfür", "worin", "worauf"}, textAdverbWordsDe...)...)

// openingClauseSubject reports whether the German mention [a, b), right before the speech verb at
// k, is the subject of a subordinate clause that opens the sentence at lo (clauseOpenersDe): the
// subordinator, perhaps a determiner, the mention, then the verb that ends the clause before a
// comma or a colon (or its auxiliary and the comma: "Nachdem Becker erklärt hatte,"), perhaps
// past an adverbial of time (skipTimeBackDe: "Während Becker am Montag erklärte,"). "Während
// Becker erklärte, er sei „…“" is Becker's; "Während der Sitzung sagte Becker" and "Als Sprecher
// sagte Becker" are no clause, as their verb goes on to its subject.
func openingClauseSubject(ts []tok, a, b, lo, k int) bool {
	if !opensClauseDe(ts[lo]) {
		return false
	}
	if a != lo+1 && !(a == lo+2 && ts[lo+1].is(lxDeterminer)) || b != k && skipTimeBackDe(ts, k-1, lo) != b-1 {
		return false
	}
	n := k + 1
	if n+1 < len(ts) && ts[n].kind() == tWord && auxiliariesDe[ts[n].lower()] {
		n++
	}
	return n < len(ts) && (ts[n].isPunct(",") || ts[n].isPunct(":"))
}

// otherSubject reads the subject of the verb v where no mention ends before it: the name that opens
// the sentence past an aside (openingMention), or the name after the verb (`said X: “`). Else it
// holds a coordinated verb ("and said") or a participle, for an earlier verb's subject.
func (w *backWalk) otherSubject(v *verbAt) stepResult {
	ps, ts, lo, end, intro := w.ps, w.ts, w.lo, w.end, w.intro
	k, t, p := v.k, v.t, v.p
	if !ps.de && !v.weak && !v.naming && !v.gerund {
		// "Tad Devine, Sanders' senior media adviser, said …", "New Hampshire Sen. Kelly
		// Ayotte’s campaign, for example, said …": the name that opens the sentence, past an
		// aside that ends right before the verb.
		if a, b, vb, kind := openingMention(ts, lo, end); kind == npName && vb <= k && skipAdverbsFwd(ts, vb, k) == k {
			return w.found(w.verbMatch(v, a, b, kind))
		}
	}
	// `said X: “`; in German not an object after the verb ("warf der Regierung vor: „").
	if !t.is(lxObjectVerb) && !w.hasPending && !(ps.de && objectAfter(ts, k, end)) {
		if a, b, kind := npForward(ts, k+1, end, false); kind != npNone && kind != npPronoun && skipPhrase(ts, b, end) == end-1 && (ts[end-1].isPunct(":") || ts[end-1].isPunct(",")) {
			return w.found(match{a: a, b: b, kind: kind, cue: k, rule: ruleBeforeVerbName, intro: intro})
		}
	}
	if p >= lo && (ts[p].kind() == tWord && (ts[p].lower() == "and" || ts[p].lower() == "but" || ts[p].lower() == "then" || ts[p].lower() == "to") || v.gerund) {
		w.hold(v)
	}
	return stepOn
}

// germanVerbSubject reads who speaks for the German speech verb at k, before the quotation at end,
// where the subject does not stand right before the verb: after it (subjectAfterVerb), after it
// and before the reported clause it opens (subjectBeforeClause), the person that "zitieren" quotes
// (quotedObject), or the subject after a fronted object (frontedSubject).
func germanVerbSubject(ts []tok, k, lo, end int, intro bool) (match, bool) {
	if a, b, kind := subjectAfterVerb(ts, k, lo, end); kind != npNone {
		return match{a: a, b: b, kind: kind, cue: k, rule: ruleBeforeVerbName, intro: intro}, true
	}
	if a, b, kind := subjectBeforeClause(ts, k, lo, end); kind != npNone {
		return match{a: a, b: b, kind: kind, cue: k, rule: ruleBeforeVerbName}, true
	}
	if a, b, kind := quotedObject(ts, k, lo, end); kind != npNone {
		return match{a: a, b: b, kind: kind, cue: k, rule: ruleBeforeVerbName, intro: intro}, true
	}
	if k > lo && fronted(ts, lo) && !(ts[k].is(lxObjectVerb) && ts[k-1].isPunct(",")) {
		// "Deren Haltung bezeichnete er als „…“": the fronted phrase is the object. A
		// verb of request after a comma ("…, bat Premierminister Key, ihre „…“") takes
		// its addressee after it: the phrase before the comma is its subject.
		if a, b, kind := frontedSubject(ts, lo, k, end); kind != npNone {
			return match{a: a, b: b, kind: kind, cue: k, rule: ruleBeforeVerbName, intro: intro}, true
		}
		if a, b, kind := objectFrontedSubject(ts, k, end); kind != npNone && objectCase[ts[lo].lower()] {
			return match{a: a, b: b, kind: kind, cue: k, rule: ruleBeforeVerbName, intro: intro}, true
		}
	}
	return match{}, false
}

// whichClauseSubject returns the description that ends at p when a relative "which" opens its
// clause ("the plan, which a town investigation said was “…”"): the subject of a relative clause
// speaks for a strong speech verb, whatever its head. npNone when there is none.
func whichClauseSubject(ts []tok, p, lo int) (a, b int, kind npKind) {
	if da, db, dk := npBackward(ts, p, lo, true); dk == npDesc && da > lo && ts[da-1].kind() == tWord && ts[da-1].lower() == "which" {
		return da, db, dk
	}
	return 0, 0, npNone
}

// governedMention reports whether the English name [a, b) before the verb at k is no subject of
// it: a preposition's object ("a source speaking to Fox News said"), or, for a participle at k, a
// name a preposition governs past "the" (governedName), the person whose act an account reports
// (reportedActor) or a place's state (placeAfterPrep). A speaking noun or an office before the
// name ("officials at Homeland Security Investigations said") keeps it the subject's.
func governedMention(ts []tok, a, b, k, lo int, gerund, intro bool) bool {
	if a <= lo || a-2 >= lo && (ts[a-2].is(lxSpeakerNoun) || ts[a-2].shape(lxRole)) {
		return false
	}
	return prepObject(ts[a-1]) || gerund && governedName(ts, a, lo) || gerund && b == k && !intro && reportedActor(ts, a-1, lo) ||
		gerund && b < k && ts[b].isPunct(",") && placeAfterPrep(ts, a, lo)
}

// reportsWithSubject reports whether the weak speech verb at k is one that reports a clause
// ("say", "think", "note", "claim") in the present or past and stands right after its subject, a
// name, a pronoun or a description whose head speaks ("Aides say the governor plans to “…”", "They
// note that … “…”", "The spokesman notes “…”"): it is then a verb, not a noun ("her claim that",
// "Baker's notes “…”"), and speaks as a strong one.
func reportsWithSubject(ts []tok, k, lo int) bool {
	switch ts[k].lower() {
	case "say", "think", "thinks", "thought", "note", "notes", "claim", "claims", "states", "promises", "vows", "mentions",
		"demands", "charges", "charged", "tweets", "highlights", "highlighted":
	default:
		return false
	}
	if n := k + 1; n >= len(ts) || ts[n].kind() != tWord && ts[n].kind() != tQuote || ts[n].is(lxPreposition) && ts[n].lower() != "that" && !promiseTo(ts, k, n) || ts[n].is(lxConjunction) {
		return false // "claims of “…”", "claims as “…”": a noun
	}
	p := skipAdverbsBack(ts, k-1, lo)
	if relativeSubject(ts, p, lo) {
		return true // "Ervin, who thinks …", "the report, which notes …"
	}
	_, _, kind := npBackward(ts, p, lo, false)
	return kind != npNone
}

// promiseTo reports whether the weak verb at k is "promises" or "vows" before "to" at n, which
// opens what is promised ("Lopez-Cantera promises to “end” the Common Core"); reportsWithSubject
// still asks for a subject right before it, so "the promises to “…”" stays a noun.
func promiseTo(ts []tok, k, n int) bool {
	return ts[n].lower() == "to" && (ts[k].lower() == "promises" || ts[k].lower() == "vows")
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

// modalBetween reports whether a modal verb (isModalEn: "will", "should") stands between a subject
// that ends at b and its verb at k.
func modalBetween(ts []tok, b, k int) bool {
	for j := b; j < k; j++ {
		if isModalEn(ts[j].lower()) {
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

// isAsideDash reports whether token i is a dash that opens or closes an aside: an em or en dash,
// or a hyphen with a space before it ("plan - or so he said - is", the first of "--").
func isAsideDash(ts []tok, i int) bool {
	return isDash(ts[i]) || ts[i].isPunct("-") && i > 0 && ts[i-1].e < ts[i].s
}

// dashAside reports whether the English quotation at token qi stands inside an aside between
// dashes, in the sentence that starts at lo, that opens after the speech verb at cue and not
// right before the quotation: "noted that abortion – what her business calls “…” –", "a play
// on words with the phrase “…”" after a dash. A quotation right after the dash is in apposition
// to what the verb reports ("boasted of his organization - “the best in the state” -"), and an
// aside that goes on with the verb's object ("- including “…”", "— as well as the “…”") is
// still reported.
func dashAside(ts []tok, lo, cue, qi int) bool {
	open := -1
	for j := lo; j < qi; j++ {
		if !isAsideDash(ts, j) {
			continue
		}
		if open >= 0 {
			open = -1
		} else {
			open = j
		}
	}
	n := open + 1
	for n < qi && ts[n].isPunct("-") {
		n++ // the second hyphen of "--"
	}
	if open <= cue || n == qi {
		return false
	}
	if ts[n].kind() == tWord {
		switch ts[n].lower() {
		case "including", "as", "such", "especially", "particularly", "notably", "even", "like":
			return false
		}
	}
	return true
}
